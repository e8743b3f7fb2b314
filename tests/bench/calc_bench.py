"""Times recalculation in real headless Calc, the add-in against the native formula that
gives the same number, in the same run, on generated documents. Prints ratios.

  /usr/bin/python3 tests/bench/calc_bench.py [--rows 1000000] [--scalar-rows 40000] [--repeat 5]

A benchmark measures; it asserts nothing except that both formulas agree (a comparison
of two different numbers would be meaningless).
"""
import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
import cmoffice as lo
import fods
from reference import cohort_reference


def timed_recalc(doc, repeat):
    """Median of `repeat` full recalculations, after one untimed (the first after a load
    or a new formula also pays for warming the allocator and caches, on both sides)."""
    doc.calculateAll()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        doc.calculateAll()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def scalar_documents(folder, rows):
    random.seed(7)
    data = []
    for _ in range(rows):
        start = random.randint(50, 500)
        new = random.randint(0, 100)
        end = random.randint(new, start + new)
        data.append((start, end, new))
    variants = {
        "CRR (add-in)": "of:=ORG.CUSTOMERMETRICS.FUNCTIONS.CRR([.A{0}];[.B{0}];[.C{0}])",
        "(B-C)/A (native)": "of:=([.B{0}]-[.C{0}])/[.A{0}]",
        "WEEKS (bundled add-in)": "of:=ORG.OPENOFFICE.WEEKS([.A{0}];[.B{0}];0)",
    }
    paths = {}
    for name, formula in variants.items():
        path = os.path.join(folder, "scalar-%d.fods" % len(paths))
        fods.write(path, ([a, b, c, formula.format(i + 1)] for i, (a, b, c) in enumerate(data)))
        paths[name] = path
    return paths


def range_document(folder, rows):
    """Column A: NPS answers 0..10, column B: CSAT answers 1..5; one cell in a hundred
    empty and one in a hundred text, so that a wrong path would show."""
    random.seed(11)
    path = os.path.join(folder, "ranges.fods")

    def rows_of_data():
        for i in range(rows):
            if i % 100 == 17:
                yield [None, None]
            elif i % 100 == 71:
                yield ["n/a", "n/a"]
            else:
                yield [random.randint(0, 10), random.randint(1, 5)]
    fods.write(path, rows_of_data())
    return path


def whole_column(office, folder, repeat, results):
    """A survey of 150 answers referred to by its whole column (A:A), as analysts often write:
    the plain function reads the used part only, an `any` (the _ARRAY twin) gets 2^20 cells."""
    random.seed(5)
    path = os.path.join(folder, "column.fods")
    fods.write(path, ([random.randint(0, 10), random.randint(1, 5)] for _ in range(150)))
    nps = '=(COUNTIF(A:A;">=9")-COUNTIF(A:A;"<=6"))/COUNT(A:A)*100'
    print("\nwhole column: 150 answers as A:A, one formula, median of %d" % repeat)
    doc = office.open(path)
    try:
        cell = doc.Sheets.getByIndex(0).getCellRangeByName("D1")
        timings = {}
        for name, formula in (("native", nps), ("NPS", "=NPS(A:A)"), ("NPS_ARRAY", "=NPS_ARRAY(A:A)")):
            cell.setFormula(formula)
            timings[name] = timed_recalc(doc, repeat)
            value = cell.getValue() if not cell.getError() else "error %d" % cell.getError()
            print("  %-10s %.5f s  (%.1f× native)  value %r" % (name, timings[name], timings[name] / timings["native"], value))
        results["range"]["whole column"] = timings
    finally:
        doc.close(True)


def raw_documents(folder, orders):
    """An unsorted CRM export of `orders` orders (text id, date, amount) by about orders/4
    customers, a second id list beside it; and the same orders sorted by customer, the only
    shape in which a native formula counts repeat customers in linear time (helper columns:
    B marks a customer's first order, C its second)."""
    random.seed(13)
    rows = [("C%07d" % random.randint(0, orders // 4), float(random.randint(45292, 45292 + 729)),
             float(random.randint(100, 5000)), "C%07d" % random.randint(0, orders // 4)) for _ in range(orders)]
    unsorted = os.path.join(folder, "raw-unsorted.fods")
    fods.write(unsorted, (list(row) for row in rows))
    ids = sorted(row[0] for row in rows)
    sorted_addin = os.path.join(folder, "raw-sorted-addin.fods")
    fods.write(sorted_addin, ([customer] for customer in ids))
    sorted_native = os.path.join(folder, "raw-sorted-native.fods")

    def native_rows():
        for i, customer in enumerate(ids):
            r = i + 1
            if r == 1:
                yield [customer, "of:=1", "of:=0"]
            elif r == 2:
                yield [customer, "of:=IF([.A2]=[.A1];0;1)", "of:=IF([.A2]=[.A1];1;0)"]
            else:
                yield [customer, "of:=IF([.A%d]=[.A%d];0;1)" % (r, r - 1),
                       "of:=IF(AND([.A%d]=[.A%d];[.A%d]<>[.A%d]);1;0)" % (r, r - 1, r - 1, r - 2)]
    fods.write(sorted_native, native_rows())
    return unsorted, sorted_addin, sorted_native


def order_log(orders):
    """An order log sorted by customer then date, as a CRM export sorted for a COUNTIFS
    model: about orders/4 customers over two years; text ids."""
    random.seed(5)
    rows = []
    for _ in range(orders):
        rows.append(("C%06d" % random.randint(0, orders // 4), float(random.randint(45292, 45292 + 729))))
    rows.sort()
    return rows


def cohort_table(rows):
    """The cohort table in plain Python (tests/reference/reference.py), to size the
    grids and check both sides."""
    cohorts, sizes, shares = cohort_reference(rows)
    return cohorts, sizes, shares, max(len(row) for row in shares)


def cohort_documents(folder, orders):
    rows = order_log(orders)
    cohorts, sizes, table, periods = cohort_table(rows)
    n = len(rows)
    ours = os.path.join(folder, "cohort-addin.fods")
    matrix = fods.Matrix("of:=ORG.CUSTOMERMETRICS.FUNCTIONS.COHORT_RETENTION([.A1:.A%d];[.B1:.B%d])" % (n, n),
                         len(cohorts), periods + 2)
    fods.write(ours, ([customer, date] + ([None, matrix] if i == 0 else [])
                      for i, (customer, date) in enumerate(rows)))
    native = os.path.join(folder, "cohort-native.fods")

    def native_rows():
        # C period, D customer's first period, E first order of a (customer, period), F new customer
        for i, (customer, date) in enumerate(rows):
            r = i + 1
            if i == 0:
                helpers = ["of:=YEAR([.B1])*12+MONTH([.B1])-1", "of:=[.C1]", "of:=1", "of:=1"]
            else:
                helpers = ["of:=YEAR([.B%d])*12+MONTH([.B%d])-1" % (r, r),
                           "of:=IF([.A%d]=[.A%d];[.D%d];[.C%d])" % (r, r - 1, r - 1, r),
                           "of:=IF(AND([.A%d]=[.A%d];[.C%d]=[.C%d]);0;1)" % (r, r - 1, r, r - 1),
                           "of:=IF([.A%d]=[.A%d];0;1)" % (r, r - 1)]
            grid = []
            if i < len(cohorts):
                grid = [cohorts[i], "of:=COUNTIFS([.$D$1:.$D$%d];[.G%d];[.$F$1:.$F$%d];1)" % (n, r, n)]
                for k in range(periods):
                    grid.append("of:=COUNTIFS([.$D$1:.$D$%d];[.$G%d];[.$C$1:.$C$%d];[.$G%d]+%d;[.$E$1:.$E$%d];1)/[.$H%d]"
                                % (n, r, n, r, k, n, r))
            yield [customer, date] + helpers + grid
    fods.write(native, native_rows())
    return ours, native, cohorts, sizes, table, periods


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=1000000)
    parser.add_argument("--scalar-rows", type=int, default=40000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--orders", type=int, default=100000)
    parser.add_argument("--raw-rows", type=int, default=1000000)
    parser.add_argument("--oxt", default=os.path.join(ROOT, "build", "customermetrics.oxt"))
    parser.add_argument("--json", default=os.path.join(ROOT, "build", "bench", "calc_bench.json"))
    parser.add_argument("--sections", default="scalar,ranges,raw,cohort",
                        help="comma-separated subset of scalar,ranges,raw,cohort")
    args = parser.parse_args()
    sections = set(args.sections.split(","))

    folder = tempfile.mkdtemp(prefix="cm-bench-")
    print("generating documents in %s ..." % folder, flush=True)
    scalar_paths = scalar_documents(folder, args.scalar_rows) if "scalar" in sections else {}
    ranges_path = range_document(folder, args.rows) if "ranges" in sections else None
    if "cohort" in sections:
        cohort_ours, cohort_native, cohorts, sizes, table, periods = cohort_documents(folder, args.orders)
    if "raw" in sections:
        raw_unsorted, raw_sorted_addin, raw_sorted_native = raw_documents(folder, args.raw_rows)
    results = {"rows": args.rows, "scalar_rows": args.scalar_rows, "repeat": args.repeat,
               "cpu": os.cpu_count(), "scalar": {}, "range": {}, "raw": {}}
    office = lo.office_with_extension(args.oxt)
    try:
        if "scalar" in sections:
            print("\nscalar: %d formula cells, median of %d full recalculations" % (args.scalar_rows, args.repeat))
            for name, path in scalar_paths.items():
                doc = office.open(path)
                try:
                    seconds = timed_recalc(doc, args.repeat)
                    errors = doc.Sheets.getByIndex(0).getCellRangeByName("D1").getError()
                finally:
                    doc.close(True)
                results["scalar"][name] = seconds
                print("  %-26s %8.4f s  %6.2f µs/cell%s" % (name, seconds, seconds / args.scalar_rows * 1e6,
                                                          "  (error %d!)" % errors if errors else ""))
            native = results["scalar"]["(B-C)/A (native)"]
            bundled = results["scalar"]["WEEKS (bundled add-in)"]
            ours = results["scalar"]["CRR (add-in)"]
            print("  CRR / native = %.2f×, CRR / bundled add-in = %.2f×" % (ours / native, ours / bundled))

        if "ranges" in sections:
            print("\nranges: %d cells (1 %% empty, 1 %% text), one formula, median of %d" % (args.rows, args.repeat))
            # The goal compares with the shortest native formula. It accepts any number, where
            # the add-in refuses an answer outside the scale or a fraction (Err:502); the
            # "checked" rows time the native formulas that refuse them too, for information.
            nps = '(COUNTIF(A1:A{n};">=9")-COUNTIF(A1:A{n};"<=6"))/COUNT(A1:A{n})*100'
            csat = 'COUNTIF(B1:B{n};">=4")/COUNT(B1:B{n})'
            pairs = {
                "NPS": ("=NPS(A1:A{n})", "=" + nps),
                "CSAT": ("=CSAT(B1:B{n})", "=" + csat),
                "NPS, native checks the scale": (
                    "=NPS(A1:A{n})", '=IF(COUNTIF(A1:A{n};"<0")+COUNTIF(A1:A{n};">10");NA();%s)' % nps),
                "CSAT, native checks the scale": (
                    "=CSAT(B1:B{n})", '=IF(COUNTIF(B1:B{n};"<1")+COUNTIF(B1:B{n};">5");NA();%s)' % csat),
                # The _ARRAY twins take arrays too, as an `any`: Calc copies the range first.
                "NPS_ARRAY": ("=NPS_ARRAY(A1:A{n})", "=" + nps),
                "CSAT_ARRAY": ("=CSAT_ARRAY(B1:B{n})", "=" + csat),
                "NPS, native checks scale and integers": (
                    "=NPS(A1:A{n})", '=IF(COUNTIF(A1:A{n};"<0")+COUNTIF(A1:A{n};">10")'
                    '+SUMPRODUCT(IFERROR(MOD(A1:A{n};1);0)<>0);NA();%s)' % nps),
                "CSAT, native checks scale and integers": (
                    "=CSAT(B1:B{n})", '=IF(COUNTIF(B1:B{n};"<1")+COUNTIF(B1:B{n};">5")'
                    '+SUMPRODUCT(IFERROR(MOD(B1:B{n};1);0)<>0);NA();%s)' % csat),
            }
            doc = office.open(ranges_path)
            try:
                cell = doc.Sheets.getByIndex(0).getCellRangeByName("D1")
                for name, (ours_formula, native_formula) in pairs.items():
                    timings, values = {}, {}
                    for kind, formula in (("add-in", ours_formula), ("native", native_formula)):
                        cell.setFormula(formula.format(n=args.rows))
                        timings[kind] = timed_recalc(doc, args.repeat)
                        values[kind] = cell.getValue() if not cell.getError() else "error %d" % cell.getError()
                    cell.setString("")
                    agree = isinstance(values["add-in"], float) and isinstance(values["native"], float) \
                        and abs(values["add-in"] - values["native"]) < 1e-9 * max(1, abs(values["native"]))
                    results["range"][name] = dict(timings, values=values, agree=agree)
                    print("  %-38s add-in %.4f s, native %.4f s, ratio %.2f×; values %r vs %r %s" % (
                        name, timings["add-in"], timings["native"], timings["add-in"] / timings["native"],
                        values["add-in"], values["native"], "agree" if agree else "DISAGREE"))
            finally:
                doc.close(True)
            whole_column(office, folder, args.repeat, results)

        if "raw" in sections:
            print("\nraw data: %d orders (text ids, unsorted), one formula, median of %d" % (args.raw_rows, args.repeat))
            n = args.raw_rows
            doc = office.open(raw_unsorted)
            try:
                cell = doc.Sheets.getByIndex(0).getCellRangeByName("F1")
                for name, formula in (("CRR_IDS (two lists of %d ids)" % n, "=CRR_IDS(A1:A{n};D1:D{n})"),
                                      ("RPR_ORDERS", "=RPR_ORDERS(A1:A{n})"),
                                      ("ARPU_ORDERS", "=ARPU_ORDERS(A1:A{n};C1:C{n})"),
                                      ("COHORT_RETENTION (first cohort's size)", "=INDEX(COHORT_RETENTION(A1:A{n};B1:B{n});1;2)")):
                    cell.setFormula(formula.format(n=n))
                    seconds = timed_recalc(doc, args.repeat)
                    value = cell.getValue() if not cell.getError() else "error %d" % cell.getError()
                    results["raw"][name] = dict(seconds=seconds, value=value)
                    print("  %-40s %7.3f s  %6.3f µs/order  = %r" % (name, seconds, seconds / n * 1e6, value))
            finally:
                doc.close(True)
            timings, values = {}, {}
            for kind, path, formula in (("add-in", raw_sorted_addin, "=RPR_ORDERS(A1:A%d)" % n),
                                        ("native", raw_sorted_native, "=SUM(C1:C%d)/SUM(B1:B%d)" % (n, n))):
                doc = office.open(path)
                try:
                    cell = doc.Sheets.getByIndex(0).getCellRangeByName("F1")
                    cell.setFormula(formula)
                    timings[kind] = timed_recalc(doc, args.repeat)
                    values[kind] = cell.getValue() if not cell.getError() else "error %d" % cell.getError()
                finally:
                    doc.close(True)
            agree = values["add-in"] == values["native"]
            results["raw"]["RPR sorted vs native helper columns"] = dict(timings, values=values, agree=agree)
            print("  RPR on the orders sorted by customer: add-in %.3f s, native helper columns (2×%d formulas) "
                  "%.3f s, ratio %.2f×; values %r vs %r %s" % (
                      timings["add-in"], n, timings["native"], timings["add-in"] / timings["native"],
                      values["add-in"], values["native"], "agree" if agree else "DISAGREE"))

        if "cohort" in sections:
            print("\ncohort matrix: %d orders, %d cohorts × %d periods, median of %d" % (
                args.orders, len(cohorts), periods, args.repeat))
            timings, mismatches = {}, {}
            for kind, path, first_share_column in (("add-in", cohort_ours, 5), ("native COUNTIFS grid", cohort_native, 8)):
                doc = office.open(path)
                try:
                    timings[kind] = timed_recalc(doc, args.repeat)
                    sheet = doc.Sheets.getByIndex(0)
                    wrong = 0
                    for c, row in enumerate(table):
                        for k, share in enumerate(row):
                            cell = sheet.getCellByPosition(first_share_column + k, c)
                            if cell.getError() or abs(cell.getValue() - share) > 1e-12:
                                wrong += 1
                    mismatches[kind] = wrong
                finally:
                    doc.close(True)
                print("  %-22s %8.4f s, cells differing from the Python reference: %d" % (
                    kind, timings[kind], mismatches[kind]))
            speedup = timings["native COUNTIFS grid"] / timings["add-in"]
            print("  add-in is %.1f× faster" % speedup)
            results["cohort"] = dict(orders=args.orders, cohorts=len(cohorts), periods=periods,
                                     timings=timings, mismatches=mismatches, speedup=speedup)
    finally:
        office.stop()
        lo.remove_profile(office)
    os.makedirs(os.path.dirname(args.json), exist_ok=True)
    with open(args.json, "w") as out:
        json.dump(results, out, indent=1)
    print("\nwritten %s" % args.json)


if __name__ == "__main__":
    main()
