"""The BG/BB model in real headless Calc on the donations data (data/donations.csv: Fader,
Hardie & Shang 2010, "Customer-base analysis in a discrete-time noncontractual setting",
Marketing Science 29(6): the 11 104 first-time donors of 1995 as 22 distinct histories of 6
yearly opportunities, with their counts):
  * BGBB_FIT over the 22 rows with their weights gives the published fit (alpha 1.204, beta 0.750,
    gamma 0.657, delta 2.783), over 6 rows also its standard errors (against a central-difference
    Hessian of the paper's likelihood, bgbb_reference.py's, inverted with numpy here) and the
    11 104 donors;
  * BGBB_P_ALIVE, BGBB_EXPECTED, BGBB_DERT and BGBB_EXPECTED_NEW down a column agree with the
    paper's formulas evaluated here (tests/reference/bgbb_reference.py), and the intervals hold
    their point.

Run: CM_OXT=build/customermetrics.oxt PYTHONPATH=python:tests/reference /usr/bin/python3 -m unittest test_bgbb
"""
import os
import unittest

import numpy as np

import bgbb_reference as ref
import cmoffice as lo

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PUBLISHED = (1.204, 0.750, 0.657, 2.783)

office = lo.SharedOffice()
setUpModule, tearDownModule = office.set_up, office.tear_down


def donations():
    return ref.donations()  # (x, t_x, n, count) as whole numbers


class BgbbInCalc(unittest.TestCase):
    def test_donations(self):
        rows = donations()
        doc = office.new_spreadsheet()
        try:
            sheet = doc.Sheets.getByIndex(0)
            sheet.getCellRangeByPosition(0, 0, 3, len(rows) - 1).setDataArray(tuple(tuple(float(v) for v in r) for r in rows))
            n = len(rows)
            block = sheet.getCellRangeByName("H1:L6")
            block.setArrayFormula("=BGBB_FIT(A1:A%d;B1:B%d;C1:C%d;D1:D%d)" % (n, n, n, n))
            doc.calculateAll()
            values = block.getDataArray()
            self.assertEqual(tuple(round(v, 3) for v in values[0][:4]), PUBLISHED)
            self.assertEqual(values[1][4], sum(r[3] for r in rows))
            params = np.array(values[0][:4])
            # The standard errors against a central-difference Hessian of the paper's likelihood.
            def ll(p):
                return sum(w * np.log(ref.likelihood(p, x, tx, m)) for x, tx, m, w in rows)
            h = 1e-4 * params
            hessian = np.zeros((4, 4))
            for i in range(4):
                for j in range(4):
                    def at(di, dj):
                        q = params.copy()
                        q[i] += di * h[i]
                        q[j] += dj * h[j]
                        return ll(q)
                    hessian[i, j] = (at(1, 1) - at(1, -1) - at(-1, 1) + at(-1, -1)) / (4 * h[i] * h[j])
            se = np.sqrt(np.diag(np.linalg.inv(-hessian)))
            for got, want in zip(values[1][:4], se):
                self.assertAlmostEqual(got, want, delta=2e-3 * want)
            print("BGBB_FIT standard errors:", values[1][:4], "numpy:", se)
            # Predictions for every history, parameters by absolute reference to the block.
            for r in range(n):
                a = "A%d;B%d;C%d" % (r + 1, r + 1, r + 1)
                sheet.getCellByPosition(13, r).setFormula("=BGBB_P_ALIVE($H$1:$L$6;%s)" % a)
                sheet.getCellByPosition(14, r).setFormula("=BGBB_EXPECTED($H$1:$L$6;%s;5)" % a)
                sheet.getCellByPosition(15, r).setFormula("=BGBB_DERT($H$1:$L$6;%s;0.1)" % a)
                sheet.getCellRangeByPosition(16, r, 17, r).setArrayFormula("=BGBB_P_ALIVE_CI($H$1:$L$6;%s)" % a)
                sheet.getCellRangeByPosition(18, r, 19, r).setArrayFormula("=BGBB_EXPECTED_CI($H$1:$L$6;%s;5)" % a)
            sheet.getCellByPosition(20, 0).setFormula("=BGBB_EXPECTED_NEW($H$1:$L$6;5)")
            doc.calculateAll()
            for r, (x, tx, m, w) in enumerate(rows):
                shown = [sheet.getCellByPosition(c, r).getValue() for c in range(13, 20)]
                for c in range(13, 20):
                    self.assertEqual(sheet.getCellByPosition(c, r).getError(), 0, (r, c))
                self.assertAlmostEqual(shown[0], ref.p_alive(params, x, tx, m), delta=1e-10)
                e = ref.expected(params, x, tx, m, 5)
                self.assertAlmostEqual(shown[1], e, delta=1e-10 * max(1, e))
                d = ref.dert_hyp2f1(params, x, tx, m, 0.1)
                self.assertAlmostEqual(shown[2], d, delta=1e-9 * max(1, d))
                self.assertTrue(shown[3] <= shown[0] <= shown[4], (r, shown))
                self.assertTrue(shown[5] < shown[1] < shown[6], (r, shown))
            new = ref.expected_new(params, 5)
            self.assertAlmostEqual(sheet.getCellByPosition(20, 0).getValue(), new, delta=1e-10 * new)
            # Refusals: no weights for 22 histories is a fit of 22 donors (a different, valid fit);
            # a one-row fit has no covariance for the intervals.
            one = sheet.getCellRangeByName("H10:L10")
            one.setArrayFormula("=BGBB_FIT(A1:A%d;B1:B%d;C1:C%d;D1:D%d)" % (n, n, n, n))
            target = sheet.getCellRangeByName("H12:I12")
            target.setArrayFormula("=BGBB_P_ALIVE_CI($H$10:$L$10;1;1;6)")
            doc.calculateAll()
            self.assertEqual(target.getCellByPosition(0, 0).getError(), 502)
        finally:
            doc.close(True)


if __name__ == "__main__":
    unittest.main()
