"""The model sheets of the forecast workbook, in the template "retention-forecast-clv" in Russian
and English, opened as a user gets it: no error cell, no Cyrillic in English, and
  - CDNOW (templates/forecast_cdnow.py): the BG/NBD and Gamma-Gamma fits at the published
    digits, the customer counts and the weekly tracking numbers checked against an independent
    count of the data file and an independent SciPy evaluation of FHL 2005 eq. 9, and the CLV
    following the margin;
  - "Which model?" (templates/forecast_which.py): the Pareto/NBD fit at the published digits,
    AIC and BIC from the log-likelihoods, the calibration histogram (the data file counted here,
    each model's P(X(T) = k) from tests/reference), the holdout by calibration frequency (the
    actual means counted here, Pareto/NBD's against the BTYD walkthrough's printed figures,
    BG/NBD's against tests/reference), Pareto/NBD's cumulative tracking against the reference;
  - BG/BB on the donations (templates/forecast_bgbb.py): the published fit, Hardie's
    spreadsheet's 12 884.2 expected gifts in 2002-2006, P(alive) and DERT against
    tests/reference/bgbb_reference.py, the tracking against the reference, the calibration years
    the paper prints adding up to the donations the histories record, the value following the
    value of a gift.

Run: CM_OXT=build/customermetrics.oxt PYTHONPATH=python:templates:tests/reference /usr/bin/python3 -m unittest \
    test_forecast_cdnow
"""
import collections
import datetime
import math
import os
import unittest

from scipy import special

import bgbb_reference
import bgnbd_reference
import cmoffice as lo
import pnbd_reference
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
                    self.check_which_model(doc, days, summary, params)
                    self.check_bgbb(doc)
                finally:
                    doc.close(True)

    def check_which_model(self, doc, days, summary, bg):
        value = lambda n: named_cell(doc, n).getValue()  # noqa: E731
        # Pareto/NBD on the same 39 weeks: FHL 2005's published fit (beta is weakly identified).
        pnbd = [value(n) for n in ("CDNOW_PNBD_R", "CDNOW_PNBD_ALPHA", "CDNOW_PNBD_S", "CDNOW_PNBD_BETA")]
        self.assertEqual([round(v, 3) for v in pnbd], [0.553, 10.578, 0.606, 11.669])
        self.assertEqual(round(value("CDNOW_PNBD_LL"), 1), -9595.0)
        n = len(summary)
        for model, ll in (("BG", value("CDNOW_BG_LL")), ("PNBD", value("CDNOW_PNBD_LL"))):
            self.assertAlmostEqual(value("CDNOW_%s_AIC" % model), 2 * 4 - 2 * ll, places=6)
            self.assertAlmostEqual(value("CDNOW_%s_BIC" % model), 4 * math.log(n) - 2 * ll, places=6)
        self.assertEqual(named_cell(doc, "CDNOW_BETTER_BY_BIC").getString(), "BG/NBD")  # −9 582.4 > −9 595.0

        def column(name, rows):
            first = named_cell(doc, name)
            address = first.getCellAddress()
            sheet = doc.Sheets.getByIndex(address.Sheet)
            return [sheet.getCellByPosition(address.Column, address.Row + k).getValue() for k in range(rows)]

        # The calibration histogram 0 … 6, 7+: counted here; each model's expectation is the sum
        # over customers of P(X(T) = k) (customers with the same first day share T).
        bins = [min(7, x) for x, _, _ in summary]
        self.assertEqual(column("CDNOW_HIST_ACTUAL_0", 8), [float(bins.count(k)) for k in range(8)])
        by_T = collections.Counter(round(T, 9) for _, _, T in summary)
        for name, pmf in (("CDNOW_HIST_BG_0", lambda T, k: bgnbd_reference.pmf_scipy(*bg, T, k)),
                          ("CDNOW_HIST_PNBD_0", lambda T, k: pnbd_reference.pmf_integral(pnbd, T, k))):
            got = column(name, 8)
            want = [sum(count * pmf(T, k) for T, count in by_T.items()) for k in range(7)]
            want.append(n - sum(want))
            for k in range(8):
                self.assertAlmostEqual(got[k], want[k], delta=1e-6 * want[k], msg="%s %d" % (name, k))
        # The holdout (weeks 40-78) by calibration frequency: the actual means counted here;
        # Pareto/NBD's mean conditional expectation against BTYD's walkthrough (section 3.4, 3
        # decimals, at its own estimate on the flat ridge of beta: within 1.5e-3 as in
        # tests/unit/pnbd_test.cpp), BG/NBD's against tests/reference.
        holdout_end = datetime.date(1998, 6, 30)
        actual = collections.defaultdict(list)
        bg_expected = collections.defaultdict(list)
        for customer in days.values():
            seen = [d for d in customer if d <= CAL_END]
            x = len(seen) - 1
            actual[min(7, x)].append(sum(CAL_END < d <= holdout_end for d in customer))
            bg_expected[min(7, x)].append(expected(*bg, x, (seen[-1] - seen[0]).days / 7, (CAL_END - seen[0]).days / 7,
                                                   39))
        mean = lambda values: sum(values) / len(values)  # noqa: E731
        for k, got in enumerate(column("CDNOW_HOLDOUT_BIN_ACTUAL_0", 8)):
            self.assertAlmostEqual(got, mean(actual[k]), places=12)
        for k, got in enumerate(column("CDNOW_HOLDOUT_BIN_BG_0", 8)):
            self.assertAlmostEqual(got, mean(bg_expected[k]), delta=1e-7 * mean(bg_expected[k]))
        btyd = [0.138, 0.600, 1.196, 1.714, 2.399, 2.907, 3.819, 6.403]
        for k, got in enumerate(column("CDNOW_HOLDOUT_BIN_PNBD_0", 8)):
            self.assertAlmostEqual(got, btyd[k], delta=1.5e-3)
        # Pareto/NBD's cumulative weekly tracking: Σ E[X(t)] of every customer from his first day.
        for week, cell in ((39, "CDNOW_PNBD_CUM_FORECAST_39"), (78, "CDNOW_PNBD_CUM_FORECAST_78")):
            end = START + datetime.timedelta(days=7 * week)
            want = sum(pnbd_reference.expected_closed_form(pnbd, 0, 0, 0, (end - c[0]).days / 7)
                       for c in days.values())
            self.assertAlmostEqual(value(cell), want, delta=1e-8 * want)
        self.assertEqual(value("CDNOW_WHICH_CUM_ACTUAL_78"), value("CDNOW_CUM_ACTUAL_78"))

    def check_bgbb(self, doc):
        value = lambda n: named_cell(doc, n).getValue()  # noqa: E731
        rows = bgbb_reference.donations()
        params = [value(n) for n in ("BGBB_ALPHA", "BGBB_BETA", "BGBB_GAMMA", "BGBB_DELTA")]
        self.assertEqual([round(v, 3) for v in params], [1.204, 0.750, 0.657, 2.783])   # FHS 2010
        self.assertEqual(round(value("BGBB_LL"), 1), -33225.6)
        self.assertEqual(value("BGBB_DONORS"), sum(r[3] for r in rows))
        # Hardie's BG/BB spreadsheet, "Conditional Expectations (II)": 12 884.2 gifts in 2002-2006.
        self.assertEqual(round(value("BGBB_GIFTS_AHEAD"), 1), 12884.2)
        x, tx, n, _ = rows[0]
        self.assertAlmostEqual(value("BGBB_FIRST_P_ALIVE"), bgbb_reference.p_alive(params, x, tx, n), delta=1e-10)
        self.assertEqual(round(value("BGBB_FIRST_P_ALIVE"), 2), 0.11)  # the paper's table
        dert = sum(w * bgbb_reference.dert_hyp2f1(params, x, tx, n, 0.1) for x, tx, n, w in rows)
        self.assertAlmostEqual(value("BGBB_DERT_TOTAL"), dert, delta=1e-9 * dert)
        self.assertAlmostEqual(value("BGBB_VALUE_TOTAL"), 50 * dert, delta=1e-9 * 50 * dert)
        donors = value("BGBB_DONORS")
        self.assertAlmostEqual(value("BGBB_TRACK_FIRST_MODEL"), donors * bgbb_reference.expected_new(params, 1),
                               delta=1e-9 * donors)
        self.assertEqual(value("BGBB_TRACK_FIRST_ACTUAL"), 5652)
        # The calibration years as the paper prints them add up to the donations recorded.
        self.assertEqual(value("BGBB_RECORDED"), sum(r[0] * r[3] for r in rows))
        self.assertEqual(value("BGBB_ACTUAL_CALIBRATION"), value("BGBB_RECORDED"))
        named_cell(doc, "BGBB_GIFT_VALUE").setValue(100)
        doc.calculateAll()
        self.assertAlmostEqual(value("BGBB_VALUE_TOTAL"), 100 * dert, delta=1e-9 * 100 * dert)
        self.assertEqual(error_cells(doc), [])


if __name__ == "__main__":
    unittest.main()
