"""The sBG functions in real headless Calc: SBG_FIT entered as an array formula over three
cells, and the out-of-sample check of Fader & Hardie (2007), "How to project customer
retention", J. Interactive Marketing 21(1): fitted on years 1..7, projected to year 12 with
SBG_SURVIVAL, against the actual survival of years 8..12 (data/fader_hardie_2007.csv).

Run: CM_OXT=build/customermetrics.oxt /usr/bin/python3 -m unittest test_sbg
"""
import csv
import os
import unittest

import cmoffice as lo
from calc import ROOT, fill_column

office = lo.SharedOffice()
setUpModule, tearDownModule = office.set_up, office.tear_down


def read_table():
    with open(os.path.join(ROOT, "data", "fader_hardie_2007.csv"), encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return ([float(r["regular_alive_pct"]) for r in rows], [float(r["high_end_alive_pct"]) for r in rows])


# Projection of years 0..12 (%) from the fit on years 1..7, computed independently with SciPy
# 1.10 (tests/reference/sbg_reference.py: betaln likelihood, Nelder-Mead).
SCIPY_PROJECTION = {
    "regular": [100.0, 62.67, 47.38, 38.8, 33.21, 29.23, 26.25, 23.9, 22.01, 20.44, 19.12, 17.99, 17.0],
    "high end": [100.0, 85.07, 74.69, 66.98, 60.99, 56.18, 52.22, 48.89, 46.04, 43.58, 41.42, 39.51, 37.8],
}
PUBLISHED = {"regular": (0.704, 1.182), "high end": (0.668, 3.806)}


class SbgInCalc(unittest.TestCase):
    def test_fit_as_array_formula_and_projection_of_years_8_to_12(self):
        regular, high_end = read_table()
        doc = office.new_spreadsheet()
        try:
            sheet = doc.Sheets.getByIndex(0)
            for name, column, actual in (("regular", "A", regular), ("high end", "B", high_end)):
                fill_column(sheet, column, actual[:8])  # years 0..7 only
                c = ord(column) - ord("A")
                fit = sheet.getCellRangeByPosition(3, 2 * c, 5, 2 * c)  # D:F, one row per cohort
                fit.setArrayFormula("=SBG_FIT(%s1:%s8)" % (column, column))
                letter = "D"
                row = 2 * c + 1
                projection = sheet.getCellRangeByPosition(7, 2 * c, 7 + 12, 2 * c)
                for t in range(13):
                    projection.getCellByPosition(t, 0).setFormula(
                        "=100*SBG_SURVIVAL($%s$%d:$F$%d;%d)" % (letter, row, row, t))
                doc.calculateAll()
                alpha, beta, ll = (fit.getCellByPosition(i, 0).getValue() for i in range(3))
                for i in range(3):
                    self.assertEqual(fit.getCellByPosition(i, 0).getError(), 0, name)
                self.assertAlmostEqual(alpha, PUBLISHED[name][0], delta=5e-4, msg=name)
                self.assertAlmostEqual(beta, PUBLISHED[name][1], delta=5e-4, msg=name)
                self.assertLess(ll, 0)
                for t in range(13):
                    cell = projection.getCellByPosition(t, 0)
                    self.assertEqual(cell.getError(), 0, (name, t))
                    self.assertAlmostEqual(cell.getValue(), SCIPY_PROJECTION[name][t], delta=0.006, msg=(name, t))
                    if t >= 8:  # out of sample: within 1.7 points of what happened
                        self.assertAlmostEqual(cell.getValue(), actual[t], delta=1.7, msg=(name, t))
        finally:
            doc.close(True)

    def test_fit_follows_its_cells_and_refuses_bad_ones(self):
        regular, _ = read_table()
        doc = office.new_spreadsheet()
        try:
            sheet = doc.Sheets.getByIndex(0)
            fill_column(sheet, "A", regular[:8])
            corner = sheet.getCellRangeByName("C1")
            corner.setFormula("=SBG_FIT(A1:A10)")  # trailing empty cells: not observed yet
            doc.calculateAll()
            self.assertAlmostEqual(corner.getValue(), 0.704, delta=5e-4)
            sheet.getCellRangeByName("A5").setValue(50)  # more alive in year 4 than in year 3
            doc.calculateAll()
            self.assertEqual(corner.getError(), 502)
            sheet.getCellRangeByName("A5").setString("n/a")
            doc.calculateAll()
            self.assertEqual(corner.getError(), 502)
            sheet.getCellRangeByName("A5").setValue(regular[4])
            doc.calculateAll()
            self.assertEqual(corner.getError(), 0)
            self.assertAlmostEqual(corner.getValue(), 0.704, delta=5e-4)
        finally:
            doc.close(True)


if __name__ == "__main__":
    unittest.main()
