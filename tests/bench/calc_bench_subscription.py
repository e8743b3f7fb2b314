"""Times MRR_MOVEMENTS in real headless Calc on a billing export of about 10^6 rows against
the native formulas that give the same 13-column table, in the same run; prints the ratio.

  /usr/bin/python3 tests/bench/calc_bench_subscription.py [--customers 60000] [--repeat 3]

The native model is the usual spreadsheet one (a SUMIFS grid over helper columns) and needs
what the add-in does not: exactly one row per customer and month, zero rows for the months a
customer does not pay, rows sorted by customer then month. The export is generated in that
shape so that both sides read the same rows. A benchmark measures; it asserts nothing except
that both tables agree with the Python reference (tests/reference/reference.py).
"""
import argparse
import datetime
import json
import os
import random
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
import cmoffice as lo
import fods
from calc_bench import timed_recalc
from reference import mrr_movements_reference

MONTHS = 20
EPOCH = datetime.date(1899, 12, 30)


def month_start(m):
    index = 2024 * 12 + m
    return float((datetime.date(index // 12, index % 12 + 1, 1) - EPOCH).days)


def billing_rows(customers, seed=17):
    """(text id, date in the month, MRR): each customer joins in one of the first 8 months,
    pays 20..100 a month, pauses (MRR 0) with 6 % a month and comes back with 20 %, changes
    plan with 5 %; one row a month from joining to the end, sorted by customer and month."""
    rng = random.Random(seed)
    rows = []
    for c in range(customers):
        who = "S%06d" % c
        join = rng.randrange(8)
        day = rng.randrange(28)
        mrr = 20.0 + 10 * rng.randrange(9)
        paying = True
        for m in range(join, MONTHS):
            if m > join:
                if paying and rng.random() < 0.06:
                    paying = False
                elif not paying and rng.random() < 0.2:
                    paying = True
                if rng.random() < 0.05:
                    mrr = 20.0 + 10 * rng.randrange(9)
            rows.append((who, month_start(m) + day, mrr if paying else 0.0))
    return rows


def documents(folder, rows):
    n = len(rows)
    ours = os.path.join(folder, "mrr-addin.fods")
    matrix = fods.Matrix("of:=ORG.CUSTOMERMETRICS.FUNCTIONS.MRR_MOVEMENTS([.A1:.A%d];[.B1:.B%d];[.C1:.C%d])"
                         % (n, n, n), MONTHS, 13)
    fods.write(ours, ([who, date, mrr] + ([None, matrix] if i == 0 else []) for i, (who, date, mrr) in enumerate(rows)))

    native = os.path.join(folder, "mrr-native.fods")
    col = lambda letter: "[.$%s$1:.$%s$%d]" % (letter, letter, n)
    A, B, C, D, E = (col(x) for x in "ABCDE")

    def native_rows():
        # D: the customer's MRR last month (0 for their first row); E: 1 if they paid before.
        for i, (who, date, mrr) in enumerate(rows):
            r = i + 1
            if i == 0:
                helpers = ["of:=0", "of:=0"]
            else:
                helpers = ["of:=IF([.A%d]=[.A%d];[.C%d];0)" % (r, r - 1, r - 1),
                           "of:=IF([.A%d]=[.A%d];IF([.C%d]>0;1;[.E%d]);0)" % (r, r - 1, r - 1, r - 1)]
            grid = []
            if i < MONTHS:
                # G month, H next month, then the 13 columns of MRR_MOVEMENTS from I.
                month = "[.$G%d]" % r
                within = '%s;">="&%s;%s;"<"&[.$H%d]' % (B, month, B, r)
                in_month = "(%s>=%s)*(%s<[.$H%d])" % (B, month, B, r)
                grid = [month_start(i), "of:=DATE(YEAR([.G%d]);MONTH([.G%d])+1;1)" % (r, r), "of:=[.G%d]" % r,
                        "of:=SUMIFS(%s;%s)" % (D, within),
                        "of:=SUMIFS(%s;%s;%s;0;%s;0)" % (C, within, D, E),
                        "of:=SUMPRODUCT(%s*(%s>0)*(%s>%s)*(%s-%s))" % (in_month, D, C, D, C, D),
                        "of:=SUMPRODUCT(%s*(%s>0)*(%s>%s)*(%s-%s))" % (in_month, C, D, C, D, C),
                        "of:=SUMIFS(%s;%s;%s;0)" % (D, within, C),
                        "of:=SUMIFS(%s;%s;%s;0;%s;1)" % (C, within, D, E),
                        "of:=SUMIFS(%s;%s)" % (C, within),
                        'of:=COUNTIFS(%s;%s;">0")' % (within, D),
                        'of:=COUNTIFS(%s;%s;0;%s;0;%s;">0")' % (within, D, E, C),
                        'of:=COUNTIFS(%s;%s;">0";%s;0)' % (within, D, C),
                        'of:=COUNTIFS(%s;%s;0;%s;1;%s;">0")' % (within, D, E, C),
                        'of:=COUNTIFS(%s;%s;">0")' % (within, C)]
            yield [who, date, mrr] + helpers + [None] + grid
    fods.write(native, native_rows())
    return ours, native


def differing_cells(sheet, first_column, want):
    wrong = 0
    values = sheet.getCellRangeByPosition(first_column, 0, first_column + 12, len(want) - 1).getDataArray()
    for got_row, want_row in zip(values, want):
        for got, expected in zip(got_row, want_row):
            if isinstance(got, str) or abs(got - expected) > 1e-9 * max(1.0, abs(expected)):
                wrong += 1
    return wrong


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--customers", type=int, default=60000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--oxt", default=os.path.join(ROOT, "build", "customermetrics.oxt"))
    parser.add_argument("--json", default=os.path.join(ROOT, "build", "bench", "calc_bench_subscription.json"))
    args = parser.parse_args()

    folder = tempfile.mkdtemp(prefix="cm-bench-")
    rows = billing_rows(args.customers)
    want = mrr_movements_reference(rows)
    print("billing export: %d customers, %d rows, %d months; documents in %s" % (
        args.customers, len(rows), MONTHS, folder), flush=True)
    ours, native = documents(folder, rows)
    results = {"customers": args.customers, "rows": len(rows), "months": MONTHS, "repeat": args.repeat}
    office = lo.office_with_extension(args.oxt)
    try:
        for kind, path, first_column in (("add-in", ours, 4), ("native SUMIFS grid", native, 8)):
            doc = office.open(path)
            try:
                seconds = timed_recalc(doc, args.repeat)
                wrong = differing_cells(doc.Sheets.getByIndex(0), first_column, want)
                extra = {}
                if kind == "add-in":  # the survival table on the same export, for information
                    cell = doc.Sheets.getByIndex(0).getCellRangeByName("S1")
                    n = len(rows)
                    cell.setFormula("=INDEX(SUBSCRIPTION_SURVIVAL(A1:A%d;B1:B%d;C1:C%d);1;2)" % (n, n, n))
                    doc.Sheets.getByIndex(0).getCellRangeByPosition(4, 0, 16, MONTHS - 1).setArrayFormula("")
                    extra["survival_seconds"] = timed_recalc(doc, args.repeat)
                    extra["survival_first_cohort"] = cell.getValue()
            finally:
                doc.close(True)
            results[kind] = dict(seconds=seconds, differing_cells=wrong, **extra)
            print("  %-20s %8.3f s  (%.3f µs/row), cells differing from the Python reference: %d%s" % (
                kind, seconds, seconds / len(rows) * 1e6, wrong,
                "; SUBSCRIPTION_SURVIVAL alone %.3f s" % extra["survival_seconds"] if extra else ""), flush=True)
        ratio = results["native SUMIFS grid"]["seconds"] / results["add-in"]["seconds"]
        results["speedup"] = ratio
        print("  add-in is %.1f× faster than the native grid" % ratio)
    finally:
        office.stop()
        lo.remove_profile(office)
    os.makedirs(os.path.dirname(args.json), exist_ok=True)
    with open(args.json, "w") as out:
        json.dump(results, out, indent=1)
    print("written %s" % args.json)


if __name__ == "__main__":
    main()
