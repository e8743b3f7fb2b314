"""The subscription functions in real Calc against an independent computation: a generated
billing export (3 000 customers over 18 months: plan changes, pauses and returns, refund rows
that cancel a month or exceed it, zero rows, duplicate rows, rows in random order, numeric
and text ids, some months typed as ISO text dates), MRR_MOVEMENTS and SUBSCRIPTION_SURVIVAL
as array formulas, every cell compared with reference.py (which counts on a customer ×
month grid, not the library's way); and a document whose date origin is 1904-01-01.

Run: CM_OXT=build/customermetrics.oxt /usr/bin/python3 -m unittest test_subscription
"""
import datetime
import random
import sys
import unittest

import cmoffice as lo
import reference

office = lo.SharedOffice()
setUpModule, tearDownModule = office.set_up, office.tear_down

EPOCH = datetime.date(1899, 12, 30)


def generated_export(seed=20241125, customers=3000, months=18):
    """Rows (id, month cell, MRR) and the same rows as (id, serial, MRR) for the reference."""
    rng = random.Random(seed)
    rows = []
    for c in range(customers):
        who = c if c % 3 == 0 else "cust-%05d" % c   # numbers and texts
        start = rng.randrange(months)
        mrr = rng.choice([10, 20, 30, 50, 80])
        paying = True
        for m in range(start, months):
            if paying and rng.random() < 0.06:
                paying = False
            elif not paying and rng.random() < 0.15:
                paying = True
            if rng.random() < 0.05:
                mrr = rng.choice([10, 20, 30, 50, 80])
            index = 2023 * 12 + m
            first = (datetime.date(index // 12, index % 12 + 1, 1) - EPOCH).days
            day = first + rng.randrange(28)
            if paying:
                if rng.random() < 0.1:               # billed in two parts
                    rows.append((who, day, mrr * 0.25))
                    rows.append((who, day + 1, mrr * 0.75))
                else:
                    rows.append((who, day, float(mrr)))
                if rng.random() < 0.03:              # a refund that cancels the month, or more
                    rows.append((who, day + 2, -mrr * rng.choice([1.0, 1.5])))
            elif rng.random() < 0.1:
                rows.append((who, day, 0.0))         # a free month exported as a row of 0
    rows += [rows[i] for i in rng.sample(range(len(rows)), 200)]  # duplicated rows add up
    rng.shuffle(rows)
    cells = []
    for who, day, mrr in rows:
        month = (EPOCH + datetime.timedelta(days=day)).isoformat() if rng.random() < 0.05 else float(day)
        cells.append((who if isinstance(who, str) else float(who), month, mrr))
    return cells, rows


def column_letters(index):
    """Calc's name of the 0-based column: A..Z, AA..."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def array_values(target):
    """The array's cells as numbers, "" for a blank (empty text) cell."""
    values = []
    for row in target.getDataArray():
        values.append([v if not isinstance(v, str) else v for v in row])
    return values


class SubscriptionAgainstReference(unittest.TestCase):
    def run_functions(self, doc, cells, columns_movements, survival_width):
        sheet = doc.Sheets.getByIndex(0)
        n = len(cells)
        sheet.getCellRangeByPosition(0, 0, 2, n - 1).setDataArray(tuple(cells))
        movements = sheet.getCellRangeByPosition(4, 0, 4 + 12, columns_movements - 1)
        movements.setArrayFormula("=MRR_MOVEMENTS(A1:A%d;B1:B%d;C1:C%d)" % (n, n, n))
        survival = sheet.getCellRangeByPosition(18, 0, 18 + survival_width - 1, columns_movements - 1)
        survival.setArrayFormula("=SUBSCRIPTION_SURVIVAL(A1:A%d;B1:B%d;C1:C%d)" % (n, n, n))
        doc.calculateAll()
        return movements, survival

    def compare(self, got, want, what, shift=0.0):
        self.assertEqual(len(got), len(want), what)
        for r, (got_row, want_row) in enumerate(zip(got, want)):
            for c, want_value in enumerate(want_row):
                value = got_row[c]
                if c == 0:
                    want_value -= shift  # the month in the document's own origin
                self.assertAlmostEqual(value, want_value, delta=1e-9 * max(1.0, abs(want_value)),
                                       msg="%s row %d column %d" % (what, r, c))
            for c in range(len(want_row), len(got_row)):
                self.assertEqual(got_row[c], "", "%s row %d column %d should be blank" % (what, r, c))

    def test_generated_export_agrees_with_reference(self):
        cells, rows = generated_export()
        want_movements = reference.mrr_movements_reference(rows)
        want_survival = reference.survival_reference(rows)
        width = 1 + max(len(row) - 1 for row in want_survival)
        doc = office.new_spreadsheet()
        try:
            movements, survival = self.run_functions(doc, cells, len(want_movements), width)
            for target in (movements, survival):
                self.assertEqual(target.getCellByPosition(0, 0).getError(), 0)
            self.compare(array_values(movements), want_movements, "MRR_MOVEMENTS")
            got = array_values(survival)[:len(want_survival)]
            self.compare(got, want_survival, "SUBSCRIPTION_SURVIVAL")
            totals = [sum(row[k] for row in want_movements) for k in (2, 3, 4, 5, 6)]
            print("\n%d rows, %d months, %d cohorts: every cell equal to the reference; MRR new %.0f, "
                  "expansion %.0f, contraction %.0f, churned %.0f, reactivation %.0f" % (
                      len(rows), len(want_movements), len(want_survival), *totals), file=sys.stderr)
        finally:
            doc.close(True)

    def test_sbg_fit_over_a_padded_survival_table(self):
        """SUBSCRIPTION_SURVIVAL entered over more rows and columns than its table, as the guide
        suggests: Calc fills the extra cells with #N/A and refuses a referenced range holding an
        error for SBG_FIT's `any` parameter (Err:504, before the add-in is called); the
        guide's IFNA(range;"") reads it as the table itself."""
        # Three monthly cohorts of 100 members paying 10 a month, the members still paying
        # each month as the paper's regular cohort (Fader & Hardie 2007: 100, 63.1, 46.8 ...
        # per cent), observed to the end of the seventh month.
        alive = (100, 63, 47, 38, 33, 29, 26)
        cells = []
        for cohort in range(3):
            for member in range(100):
                months = sum(1 for count in alive if count > member)
                for month in range(cohort, min(cohort + months, len(alive))):
                    cells.append(("c%d-%d" % (cohort, member), "2024-%02d-01" % (month + 1), 10.0))
        want_survival = [None] * 3
        width = 1 + len(alive)
        doc = office.new_spreadsheet()
        try:
            sheet = doc.Sheets.getByIndex(0)
            self.run_functions(doc, cells, len(want_survival) + 6, width + 4)
            exact = "T1:%s%d" % (column_letters(18 + width - 1), len(want_survival))
            padded = "T1:%s%d" % (column_letters(18 + width + 3), len(want_survival) + 6)
            self.assertEqual(sheet.getCellRangeByName(padded.split(":")[1]).getError(), 32767)
            fits = {}
            for row, (key, formula) in enumerate((("exact", "=SBG_FIT(%s)" % exact),
                                                  ("padded", "=SBG_FIT(%s)" % padded),
                                                  ("ifna", '=SBG_FIT(IFNA(%s;""))' % padded)), start=1):
                target = sheet.getCellRangeByName("BA%d:BC%d" % (row, row))  # beside the export
                target.setArrayFormula(formula)
                doc.calculateAll()
                fits[key] = [(target.getCellByPosition(c, 0).getError(), target.getCellByPosition(c, 0).getValue())
                             for c in range(3)]
            self.assertEqual([error for error, _ in fits["exact"]], [0, 0, 0])
            self.assertEqual(fits["padded"][0][0], 504)
            self.assertEqual(fits["ifna"], fits["exact"])
        finally:
            doc.close(True)

    def test_document_with_1904_origin(self):
        """The same export in a document counting from 1904-01-01: the dates typed as the
        same days, the months shown in that origin, every other number unchanged."""
        import uno
        cells, rows = generated_export(seed=7, customers=200, months=6)
        shift = (datetime.date(1904, 1, 1) - EPOCH).days
        shifted = [(who, month - shift if isinstance(month, float) else month, mrr) for who, month, mrr in cells]
        want_movements = reference.mrr_movements_reference(rows)
        want_survival = reference.survival_reference(rows)
        doc = office.new_spreadsheet()
        try:
            origin = uno.createUnoStruct("com.sun.star.util.Date")
            origin.Year, origin.Month, origin.Day = 1904, 1, 1
            doc.NullDate = origin
            movements, survival = self.run_functions(doc, shifted, len(want_movements), 1 + len(want_survival[0]) - 1)
            self.compare(array_values(movements), want_movements, "MRR_MOVEMENTS 1904", shift)
            self.compare(array_values(survival)[:len(want_survival)], want_survival, "SURVIVAL 1904", shift)
        finally:
            doc.close(True)


if __name__ == "__main__":
    unittest.main()
