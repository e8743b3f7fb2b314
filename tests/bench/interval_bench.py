"""Intervals down a column in real headless Calc: the 23 570 customers of the raw CDNOW master
log (data/cdnow; Fader, Hardie & Lee 2005), summarised here (same-day orders merged, weeks, to
1997-09-30), their BG/NBD fit over 6 rows (parameters, standard errors, covariance) in H1:L6,
and one column of per-customer formulas: P(alive) written as a native Calc formula (FHL 2008
note), BGNBD_P_ALIVE, BGNBD_P_ALIVE_CI and BGNBD_EXPECTED_CI (2 cells each). Prints the median
full recalculation of each document and of the fit alone, and the ratios to the native formula.

  PYTHONPATH=python:tests/bench /usr/bin/python3 tests/bench/interval_bench.py [--repeat 5]

A benchmark measures; it checks nothing.
"""
import argparse
import os
import tempfile

import cmoffice as lo
import fods
from bgnbd_bench import read_master, summary
from calc_bench import timed_recalc

ADDIN = "ORG.CUSTOMERMETRICS.FUNCTIONS."


def summary_rows():
    x, t_x, T = summary(*read_master()[:2])
    return list(zip(x, t_x, T))


def documents(folder, rows):
    n = len(rows)
    fit = fods.Matrix("of:=%sBGNBD_FIT_RFM([.A1:.A%d];[.B1:.B%d];[.C1:.C%d])" % (ADDIN, n, n, n), 6, 5)
    block = "[$Data.$H$1:.$L$6]"
    native = ("of:=IF([.A{0}]=0;1;1/(1+[$Data.$J$1]/([$Data.$K$1]+[.A{0}]-1)*(([$Data.$I$1]+[.C{0}])/"
              "([$Data.$I$1]+[.B{0}]))^([$Data.$H$1]+[.A{0}])))")
    variants = {
        "fit alone": None,
        "P(alive), native formula": lambda i: native.format(i),
        "BGNBD_P_ALIVE": lambda i: "of:=%sBGNBD_P_ALIVE(%s;[.A%d];[.B%d];[.C%d])" % (ADDIN, block, i, i, i),
        "BGNBD_P_ALIVE_CI (2 cells)": lambda i: fods.Matrix(
            "of:=%sBGNBD_P_ALIVE_CI(%s;[.A%d];[.B%d];[.C%d])" % (ADDIN, block, i, i, i), 1, 2),
        "BGNBD_EXPECTED_CI (2 cells)": lambda i: fods.Matrix(
            "of:=%sBGNBD_EXPECTED_CI(%s;[.A%d];[.B%d];[.C%d];39)" % (ADDIN, block, i, i, i), 1, 2),
    }
    paths = {}
    for k, (name, formula) in enumerate(variants.items()):
        path = os.path.join(folder, "intervals-%d.fods" % k)

        def cells():
            for i, (x, tx, T) in enumerate(rows):
                row = [x, tx, T, formula(i + 1) if formula else None, None, None, None]
                if i == 0:
                    row.append(fit)
                yield row
        fods.write(path, cells())
        paths[name] = path
    return paths


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    rows = summary_rows()
    folder = tempfile.mkdtemp(prefix="cm-interval-bench-")
    paths = documents(folder, rows)
    oxt = os.environ.get("CM_OXT", os.path.join(lo.ROOT, "build", "customermetrics.oxt"))
    times = {}
    with lo.office_with_extension(oxt) as office:
        for name, path in paths.items():
            doc = office.open(path)
            try:
                times[name] = timed_recalc(doc, args.repeat)
                sheet = doc.Sheets.getByIndex(0)
                check = sheet.getCellByPosition(3, 1)
                print("%-30s %.3f s  (D2 = %r, error %d)" % (name, times[name], check.getValue(), check.getError()))
            finally:
                doc.close(True)
    base = times["fit alone"]
    native = times["P(alive), native formula"] - base
    print("customers: %d; per-customer column beyond the fit:" % len(rows))
    for name, t in times.items():
        if name != "fit alone":
            print("  %-30s %.3f s  = %.1f × the native formula" % (name, t - base, (t - base) / native))


if __name__ == "__main__":
    main()
