"""The CDNOW sheets of the forecast workbook (templates/forecast_cdnow.py), in the template
"retention-forecast-clv" in Russian and English, opened as a user gets it: no error cell, no
Cyrillic in English, the BG/NBD and Gamma-Gamma fits at the published digits, the customer
counts and the weekly tracking numbers checked against an independent count of the data file
and an independent SciPy evaluation of FHL 2005 eq. 9, and the CLV following the margin.

Run: CM_OXT=build/customermetrics.oxt PYTHONPATH=python:templates /usr/bin/python3 -m unittest test_forecast_cdnow
"""
import collections
import datetime
import os
import unittest

from scipy import special

import cmoffice as lo
from bgnbd_intervals import expected
from builder import cyrillic_texts
from calc import error_cells, named_cell

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
START, CAL_END, HOLDOUT_END = datetime.date(1997, 1, 1), datetime.date(1997, 9, 30), datetime.date(1998, 6, 30)

office = lo.SharedOffice()
setUpModule, tearDownModule = office.set_up, office.tear_down


def purchase_days():
    """{customer: sorted distinct purchase days} of CDNOW_sample.txt."""
    days = collections.defaultdict(set)
    with open(os.path.join(ROOT, "data", "cdnow", "CDNOW_sample.txt")) as f:
        for line in f:
            fields = line.split()
            if len(fields) == 5:
                d = fields[2]
                days[fields[0]].add(datetime.date(int(d[:4]), int(d[4:6]), int(d[6:])))
    return {customer: sorted(d) for customer, d in days.items()}


def expected_new(r, alpha, a, b, t):
    """E[X(t)] of a customer t weeks after his first purchase (FHL 2005, eq. 9)."""
    if t <= 0:
        return 0.0
    z = t / (alpha + t)
    return (a + b - 1) / (a - 1) * (1 - (alpha / (alpha + t)) ** r * special.hyp2f1(r, b, a + b - 1, z))


def python_summary(days):
    """[(x, t_x, T)] in weeks at the end of calibration, from the distinct purchase days."""
    rows = []
    for customer in days.values():
        seen = [d for d in customer if d <= CAL_END]
        if seen:
            rows.append((len(seen) - 1, (seen[-1] - seen[0]).days / 7, (CAL_END - seen[0]).days / 7))
    return rows


class CdnowForecastTemplate(unittest.TestCase):
    def test_both_languages(self):
        days = purchase_days()
        repeat = [d for customer in days.values() for d in customer[1:]]
        actual_39 = sum(d <= CAL_END for d in repeat)
        actual_78 = sum(d <= HOLDOUT_END for d in repeat)
        found = office.find_templates()
        for name in ("retention-forecast-clv", "retention-forecast-clv-en"):
            with self.subTest(template=name):
                doc = office.open(found[name], AsTemplate=True)
                try:
                    doc.calculateAll()
                    self.assertEqual(error_cells(doc), [])
                    if name.endswith("-en"):
                        self.assertEqual(cyrillic_texts(doc), [])
                    value = lambda n: named_cell(doc, n).getValue()  # noqa: E731
                    self.assertEqual([round(value(n), 3) for n in ("CDNOW_BG_R", "CDNOW_BG_ALPHA", "CDNOW_BG_A",
                                                                   "CDNOW_BG_B")], [0.243, 4.414, 0.793, 2.426])
                    self.assertEqual(round(value("CDNOW_BG_LL"), 1), -9582.4)
                    self.assertEqual([round(value(n), 2) for n in ("CDNOW_GG_P", "CDNOW_GG_Q", "CDNOW_GG_V")],
                                     [6.25, 3.74, 15.44])
                    self.assertEqual(value("CDNOW_CUSTOMERS"), len(days))
                    self.assertEqual(value("CDNOW_REPEAT_BUYERS"), sum(len([d for d in c if d <= CAL_END]) > 1
                                                                       for c in days.values()))
                    self.assertEqual(value("CDNOW_CUM_ACTUAL_39"), actual_39)
                    self.assertEqual(value("CDNOW_CUM_ACTUAL_78"), actual_78)
                    params = [value(n) for n in ("CDNOW_BG_R", "CDNOW_BG_ALPHA", "CDNOW_BG_A", "CDNOW_BG_B")]
                    for week, cell in ((39, "CDNOW_CUM_FORECAST_39"), (78, "CDNOW_CUM_FORECAST_78")):
                        end = START + datetime.timedelta(days=7 * week)
                        want = sum(expected_new(*params, (end - c[0]).days / 7) for c in days.values())
                        self.assertAlmostEqual(value(cell), want, delta=1e-8 * want)
                    for n in ("CDNOW_BG_R", "CDNOW_GG_P", "CDNOW_FIRST_P_ALIVE", "CDNOW_FIRST_CLV"):
                        self.assertIn("ORG.CUSTOMERMETRICS.FUNCTIONS.", named_cell(doc, n).getFormula().upper(), n)
                    self.assertGreaterEqual(sum(s.getCharts().getCount() for s in doc.Sheets), 3)
                    # How sure the fit is (guide 9): the block's standard errors (SciPy's, in
                    # tests/reference/uncertainty_reference.py), the customers fitted, the CLV of
                    # the first customer inside its interval, and the holdout with its band:
                    # the actual count and the forecast (the sum of BGNBD_EXPECTED), independently.
                    self.assertAlmostEqual(value("CDNOW_BG_BLOCK_SE_R"), 0.012557, delta=2e-4 * 0.012557)
                    self.assertAlmostEqual(value("CDNOW_GG_BLOCK_SE_P"), 1.190049, delta=1e-3 * 1.190049)
                    self.assertEqual(value("CDNOW_BG_BLOCK_CUSTOMERS"), len(days))
                    self.assertLess(value("CDNOW_FIRST_CLV_LOWER"), value("CDNOW_FIRST_CLV"))
                    self.assertGreater(value("CDNOW_FIRST_CLV_UPPER"), value("CDNOW_FIRST_CLV"))
                    self.assertEqual(value("CDNOW_HOLDOUT_ACTUAL"), actual_78 - actual_39)
                    summary = python_summary(days)
                    holdout = sum(expected(*params, x, tx, T, 39) for x, tx, T in summary)
                    self.assertAlmostEqual(value("CDNOW_HOLDOUT_FORECAST"), holdout, delta=1e-6 * holdout)
                    self.assertLess(value("CDNOW_HOLDOUT_PI_LOWER"), holdout)
                    self.assertGreater(value("CDNOW_HOLDOUT_PI_UPPER"), holdout)
                    # CLV is proportional to the margin, an input.
                    before = value("CDNOW_CLV_TOTAL")
                    self.assertGreater(before, 0)
                    named_cell(doc, "CDNOW_MARGIN").setValue(0.6)
                    doc.calculateAll()
                    self.assertAlmostEqual(value("CDNOW_CLV_TOTAL"), 2 * before, delta=1e-9 * before)
                finally:
                    doc.close(True)


if __name__ == "__main__":
    unittest.main()
