"""The customer-base models (BG/NBD, Gamma-Gamma, RFM summary, CLV) in real headless
Calc on the CDNOW sample log (data/cdnow; Fader, Hardie & Lee 2005):
  * BGNBD_FIT straight from the log reproduces the published fit to its printed digits
    (r 0.243, alpha 4.414, a 0.793, b 2.426, LL -9582.4), also with ISO text dates and in a
    document whose dates count from 1904;
  * RFM_SUMMARY agrees with an independent count made here in Python, BGNBD_FIT_RFM on its
    output gives the same fit, and GG_FIT on it the published Gamma-Gamma fit (6.25, 3.74, 15.44);
  * BGNBD_P_ALIVE, BGNBD_EXPECTED, GG_SPEND and BGNBD_CLV down a column with `$H$2:$L$2`
    parameters agree with the printed formulas evaluated here with SciPy;
  * the fits read RFM_SUMMARY's table as the guide has users enter it, over more rows than
    customers: the extra rows, which Calc fills with #N/A, are padding and the fit is the
    unpadded one; an #N/A among the customers stays an error.
  * PNBD_FIT from the log reproduces the published Pareto/NBD fit (r 0.553, alpha
    10.578, s 0.606, beta 11.669, LL -9595.0; Fader & Hardie 2005 note), PNBD_FIT_RFM on
    RFM_SUMMARY's output gives the same, and the Pareto/NBD predictions down a column agree
    with tests/reference/pnbd_reference.py's values (the ones tests/unit/pnbd_test.cpp checks).

Run: CM_OXT=build/customermetrics.oxt PYTHONPATH=python /usr/bin/python3 -m unittest test_models
"""
import collections
import datetime
import os
import unittest

import numpy as np

import cmoffice as lo

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BASE = datetime.date(1899, 12, 30)
CAL_END = datetime.date(1997, 9, 30)
PUBLISHED_BGNBD = (0.243, 4.414, 0.793, 2.426)
PUBLISHED_GG = (6.25, 3.74, 15.44)
PUBLISHED_PNBD = (0.553, 10.578, 0.606, 11.669)
# (formula after `=`, with P for the published Pareto/NBD row, the value) — the values
# printed by tests/reference/pnbd_reference.py (standard-library tanh-sinh integrals).
PNBD_CASES = [
    ("PNBD_P_ALIVE(P;0;0;38.86)", 0.295286604616894),
    ("PNBD_P_ALIVE(P;2;30.43;38.86)", 0.869167559153011),
    ("PNBD_P_ALIVE(P;7;10;38)", 0.0127849979049464),
    ("PNBD_EXPECTED(P;0;0;38.86;39)", 0.107081468215309),
    ("PNBD_EXPECTED(P;2;30.43;38.86;39)", 1.4551231932576),
    ("PNBD_EXPECTED(P;7;35;38;39)", 4.79055424926174),
    ("PNBD_EXPECTED(P;26;216/7;31;52)", 25.4573384405797),
    ("PNBD_EXPECTED_NEW(P;39)", 1.21300284428102),
    ("PNBD_EXPECTED_NEW(P;52)", 1.47299680337511),
    ("PNBD_PMF(P;39;0)", 0.593625031602384),
    ("PNBD_PMF(P;39;1)", 0.165562947277176),
    ("PNBD_PMF(P;39;7)", 0.0107077507335146),
    ("PNBD_DERT(P;2;30.43;38.86;0.01)", 2.73457710870073),
    ("PNBD_DERT(P;0;0;38.86;0.01)", 0.201235560744587),
    ("PNBD_DERT(P;7;35;38;0.002)", 25.4274672233054),
    # no discounting: margin × spend × E(horizon), E from the reference
    ("PNBD_CLV(P;{6.25;3.74;15.44};2;30.43;38.86;35;0.3;0;39)",
     0.3 * 6.25 * (15.44 + 2 * 35) / (6.25 * 2 + 3.74 - 1) * 1.4551231932576),
]

office = lo.SharedOffice()
setUpModule, tearDownModule = office.set_up, office.tear_down


def read_sample():
    """[(id text, date, dollars)] of CDNOW_sample.txt."""
    orders = []
    with open(os.path.join(ROOT, "data", "cdnow", "CDNOW_sample.txt")) as f:
        for line in f:
            fields = line.split()
            if len(fields) == 5:
                d = datetime.date(int(fields[2][:4]), int(fields[2][4:6]), int(fields[2][6:]))
                orders.append((fields[0], d, float(fields[4])))
    return orders


def python_summary(orders):
    """{id: (x, t_x, T, mean repeat-day value)}: same-day orders summed, weeks, to 1997-09-30."""
    days = collections.OrderedDict()
    for customer, d, value in orders:
        if d <= CAL_END:
            days.setdefault(customer, collections.defaultdict(float))[d] += value
    summary = collections.OrderedDict()
    for customer, spend in days.items():
        dates = sorted(spend)
        x = len(dates) - 1
        summary[customer] = (x, (dates[-1] - dates[0]).days / 7, (CAL_END - dates[0]).days / 7,
                             sum(spend[d] for d in dates[1:]) / x if x else 0.0)
    return summary


# The printed formulas and the intervals' delta method, written out with SciPy and numpy.
from bgnbd_intervals import delta_interval, expected, gg_spend, p_alive  # noqa: E402


class ModelsInCalc(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.orders = read_sample()
        cls.summary = python_summary(cls.orders)

    def log_document(self, null_date=None, text_dates=False):
        """Sheet 1: the CDNOW sample log in A (id text), B (date), C (dollars)."""
        import uno
        doc = office.new_spreadsheet()
        offset = 0
        if null_date:
            origin = uno.createUnoStruct("com.sun.star.util.Date")
            origin.Year, origin.Month, origin.Day = null_date.year, null_date.month, null_date.day
            doc.NullDate = origin
            offset = (null_date - BASE).days
        sheet = doc.Sheets.getByIndex(0)
        rows = tuple((customer, d.isoformat() if text_dates else float((d - BASE).days - offset), value)
                     for customer, d, value in self.orders)
        sheet.getCellRangeByPosition(0, 0, 2, len(rows) - 1).setDataArray(rows)
        return doc, sheet

    def fit_row(self, sheet, address, formula):
        target = sheet.getCellRangeByName(address)
        target.setArrayFormula(formula)
        values = [target.getCellByPosition(c, 0) for c in range(target.Columns.getCount())]
        for cell in values:
            self.assertEqual(cell.getError(), 0, formula)
        return [cell.getValue() for cell in values]

    def assert_published_bgnbd(self, fit, label):
        self.assertEqual([round(v, 3) for v in fit[:4]], list(PUBLISHED_BGNBD), label)
        self.assertEqual(round(fit[4], 1), -9582.4, label)

    def test_fit_from_the_log(self):
        n = len(self.orders)
        for null_date, text_dates in ((None, False), (None, True), (datetime.date(1904, 1, 1), False)):
            doc, sheet = self.log_document(null_date, text_dates)
            try:
                end = '"1997-09-30"' if text_dates else "DATE(1997;9;30)"
                fit = self.fit_row(sheet, "H2:L2", "=BGNBD_FIT(A1:A%d;B1:B%d;%s)" % (n, n, end))
                doc.calculateAll()
                self.assert_published_bgnbd(fit, (null_date, text_dates))
                # Days as the period: the same model, alpha in days (7 × the weekly alpha).
                days = self.fit_row(sheet, "H3:L3", "=BGNBD_FIT(A1:A%d;B1:B%d;%s;1)" % (n, n, end))
                self.assertAlmostEqual(days[0], fit[0], places=3)
                self.assertAlmostEqual(days[1] / 7, fit[1], places=2)
                self.assertAlmostEqual(days[2], fit[2], places=3)
            finally:
                doc.close(True)

    def test_summary_fits_and_predictions(self):
        n = len(self.orders)
        doc, sheet = self.log_document()
        try:
            customers = len(self.summary)
            self.assertEqual(customers, 2357)
            block = sheet.getCellRangeByName("N1:R%d" % customers)
            block.setArrayFormula("=RFM_SUMMARY(A1:A%d;B1:B%d;C1:C%d;DATE(1997;9;30))" % (n, n, n))
            doc.calculateAll()
            shown = block.getDataArray()
            for row, (customer, want) in zip(shown, self.summary.items()):
                self.assertEqual(row[0], customer)
                for got, expect in zip(row[1:], want):
                    self.assertAlmostEqual(got, expect, places=9, msg=customer)
            # BGNBD_FIT_RFM on the summary = the fit from the log; GG_FIT = the published fit.
            rfm = self.fit_row(sheet, "H2:L2", "=BGNBD_FIT_RFM(O1:O%d;P1:P%d;Q1:Q%d)" % ((customers,) * 3))
            self.assert_published_bgnbd(rfm, "from RFM_SUMMARY")
            log_fit = self.fit_row(sheet, "H4:L4", "=BGNBD_FIT(A1:A%d;B1:B%d;DATE(1997;9;30))" % (n, n))
            for a, b in zip(rfm, log_fit):
                self.assertAlmostEqual(a, b, delta=1e-9 * abs(b))
            gg = self.fit_row(sheet, "H6:K6", "=GG_FIT(O1:O%d;R1:R%d)" % (customers, customers))
            self.assertEqual([round(v, 2) for v in gg[:3]], list(PUBLISHED_GG))
            # Per customer down a column, parameters by absolute reference.
            rows = 40
            for r in range(rows):
                sheet.getCellByPosition(19, r).setFormula("=BGNBD_P_ALIVE($H$2:$L$2;O%d;P%d;Q%d)" % (r + 1, r + 1, r + 1))
                sheet.getCellByPosition(20, r).setFormula("=BGNBD_EXPECTED($H$2:$L$2;O%d;P%d;Q%d;39)" % (r + 1, r + 1, r + 1))
                sheet.getCellByPosition(21, r).setFormula("=GG_SPEND($H$6:$K$6;O%d;R%d)" % (r + 1, r + 1))
                sheet.getCellByPosition(22, r).setFormula(
                    "=BGNBD_CLV($H$2:$L$2;$H$6:$K$6;O%d;P%d;Q%d;R%d;0.3;0.0019;52)" % ((r + 1,) * 4))
            doc.calculateAll()
            params = rfm[:4]
            for r, want in zip(range(rows), self.summary.values()):
                x, tx, T, m = want
                label = (r, want)
                self.assertAlmostEqual(sheet.getCellByPosition(19, r).getValue(), p_alive(*params, x, tx, T), places=12, msg=label)
                e = expected(*params, x, tx, T, 39)
                self.assertAlmostEqual(sheet.getCellByPosition(20, r).getValue(), e, delta=1e-10 * max(1, e), msg=label)
                spend = gg_spend(*gg[:3], x, m)
                self.assertAlmostEqual(sheet.getCellByPosition(21, r).getValue(), spend, delta=1e-10 * spend, msg=label)
                e_k = [0.0] + [expected(*params, x, tx, T, k) for k in range(1, 53)]
                clv = 0.3 * spend * sum((e_k[k] - e_k[k - 1]) / 1.0019 ** k for k in range(1, 53))
                self.assertAlmostEqual(sheet.getCellByPosition(22, r).getValue(), clv, delta=1e-9 * max(1, clv), msg=label)
        finally:
            doc.close(True)

    def test_standard_errors_and_intervals(self):
        """Guide 9, "How sure is the fit": the fits over k + 2 rows, the intervals, the cohort
        forecast. Standard errors from tests/reference/uncertainty_reference.py (SciPy fit, a
        central-difference Hessian, numpy inverse); the intervals' delta method written out here
        in numpy from the guide's formula, on the covariance the sheet shows."""
        customers = len(self.summary)
        doc = office.new_spreadsheet()
        try:
            sheet = doc.Sheets.getByIndex(0)
            rows = tuple((float(x), tx, T, m) for x, tx, T, m in self.summary.values())
            sheet.getCellRangeByPosition(0, 0, 3, customers - 1).setDataArray(rows)
            block = sheet.getCellRangeByName("H1:L6")
            block.setArrayFormula("=BGNBD_FIT_RFM(A1:A%d;B1:B%d;C1:C%d)" % ((customers,) * 3))
            gg_block = sheet.getCellRangeByName("H8:K12")
            gg_block.setArrayFormula("=GG_FIT(A1:A%d;D1:D%d)" % (customers, customers))
            one_row = sheet.getCellRangeByName("H14:L14")
            one_row.setArrayFormula("=BGNBD_FIT_RFM(A1:A%d;B1:B%d;C1:C%d)" % ((customers,) * 3))
            doc.calculateAll()
            values = block.getDataArray()
            self.assert_published_bgnbd(values[0], "row 1 of the block")
            self.assertEqual(values[0], one_row.getDataArray()[0], "one row: as before")
            for got, want in zip(values[1][:4], (0.012557, 0.378224, 0.185734, 0.705415)):
                self.assertAlmostEqual(got, want, delta=2e-4 * want)
            self.assertEqual(values[1][4], customers)
            covariance = np.array([row[:4] for row in values[2:6]])
            self.assertTrue(np.allclose(covariance, covariance.T, rtol=0, atol=0))
            self.assertTrue(np.allclose(np.sqrt(np.diag(covariance)), values[1][:4], rtol=1e-12))
            for r in range(2, 6):  # the column under the log-likelihood is empty
                cell = block.getCellByPosition(4, r)
                self.assertEqual((cell.getError(), cell.getString()), (0, ""))
            gg = gg_block.getDataArray()
            self.assertEqual([round(v, 2) for v in gg[0][:3]], list(PUBLISHED_GG))
            for got, want in zip(gg[1][:3], (1.190049, 0.290132, 4.159400)):
                self.assertAlmostEqual(got, want, delta=1e-3 * want)
            self.assertEqual(gg[1][3], 946)

            params = np.array(values[0][:4])
            rows_checked = 40
            for r in range(rows_checked):
                sheet.getCellRangeByPosition(13, r, 14, r).setArrayFormula(
                    "=BGNBD_P_ALIVE_CI($H$1:$L$6;A%d;B%d;C%d)" % (r + 1, r + 1, r + 1))
                sheet.getCellRangeByPosition(15, r, 16, r).setArrayFormula(
                    "=BGNBD_EXPECTED_CI($H$1:$L$6;A%d;B%d;C%d;39;0.9)" % (r + 1, r + 1, r + 1))
                sheet.getCellRangeByPosition(17, r, 18, r).setArrayFormula(
                    "=BGNBD_CLV_CI($H$1:$L$6;$H$8:$K$12;A%d;B%d;C%d;D%d;0.3;0.0019;52)" % ((r + 1,) * 4))
                sheet.getCellByPosition(19, r).setFormula("=BGNBD_P_ALIVE($H$1:$L$6;A%d;B%d;C%d)" % (r + 1, r + 1, r + 1))
                sheet.getCellByPosition(20, r).setFormula(
                    "=BGNBD_CLV($H$1:$L$6;$H$8:$K$12;A%d;B%d;C%d;D%d;0.3;0.0019;52)" % ((r + 1,) * 4))
            doc.calculateAll()
            for r, (x, tx, T, m) in zip(range(rows_checked), self.summary.values()):
                label = (r, x, tx, T)
                shown = [sheet.getCellByPosition(c, r).getValue() for c in range(13, 21)]
                for c in range(13, 21):
                    self.assertEqual(sheet.getCellByPosition(c, r).getError(), 0, label)
                self.assertAlmostEqual(shown[6], p_alive(*params, x, tx, T), places=12, msg=label)
                if x == 0:  # P(alive) = 1 exactly, whatever the parameters
                    self.assertEqual(shown[0:2], [1.0, 1.0], label)
                else:
                    want = delta_interval(lambda p: p_alive(*p, x, tx, T), params, covariance, probability=True)
                    self.assertAlmostEqual(shown[0], want[0], delta=1e-6, msg=label)
                    self.assertAlmostEqual(shown[1], want[1], delta=1e-6, msg=label)
                value = expected(*params, x, tx, T, 39)
                low, high = delta_interval(lambda p: expected(*p, x, tx, T, 39), params, covariance, level=0.9)
                self.assertAlmostEqual(shown[2], low, delta=1e-6 * value, msg=label)
                self.assertAlmostEqual(shown[3], high, delta=1e-6 * value, msg=label)
                self.assertLess(shown[4], shown[7], label)  # CLV inside its interval
                self.assertGreater(shown[5], shown[7], label)

            # The whole cohort over the 39-week holdout: expected = the sum of BGNBD_EXPECTED.
            forecast = sheet.getCellRangeByName("H20:L20")
            forecast.setArrayFormula("=BGNBD_FORECAST($H$1:$L$6;A1:A%d;B1:B%d;C1:C%d;39)" % ((customers,) * 3))
            doc.calculateAll()
            total, low, high, predicted_low, predicted_high = forecast.getDataArray()[0]
            want = sum(expected(*params, x, tx, T, 39) for x, tx, T, m in self.summary.values())
            self.assertAlmostEqual(total, want, delta=1e-9 * want)
            self.assertTrue(predicted_low < low < total < high < predicted_high, forecast.getDataArray())
            # Seeded: the same numbers at every recalculation.
            doc.calculateAll()
            self.assertEqual(forecast.getDataArray()[0], (total, low, high, predicted_low, predicted_high))
            # A column of horizons: one row each, the last the same as the single horizon.
            track = sheet.getCellRangeByName("H22:L24")
            track.setArrayFormula("=BGNBD_FORECAST($H$1:$L$6;A1:A%d;B1:B%d;C1:C%d;{13;26;39})" % ((customers,) * 3))
            doc.calculateAll()
            rows = track.getDataArray()
            self.assertEqual(rows[2], (total, low, high, predicted_low, predicted_high))
            self.assertTrue(rows[0][0] < rows[1][0] < rows[2][0], rows)
            print("BGNBD_FORECAST, CDNOW sample, 39 weeks: %.1f, 95 %% CI %.1f-%.1f, prediction %.1f-%.1f"
                  % (total, low, high, predicted_low, predicted_high))

            # Refusals: the fit over one row has no covariance; a level of 95.
            for r, formula in enumerate(["=BGNBD_P_ALIVE_CI($H$14:$L$14;1;1;2)",
                                         "=BGNBD_P_ALIVE_CI($H$1:$L$6;1;1;2;95)",
                                         "=BGNBD_EXPECTED_CI($H$1:$L$5;1;1;2;39)",
                                         "=BGNBD_FORECAST($H$1:$L$6;A1:A10;B1:B10;C1:C9;39)"]):
                target = sheet.getCellRangeByPosition(25, 30 + r, 26, 30 + r)
                target.setArrayFormula(formula)
                doc.calculateAll()
                self.assertEqual(target.getCellByPosition(0, 0).getError(), 502, formula)
        finally:
            doc.close(True)

    def test_fits_over_a_padded_summary(self):
        n = len(self.orders)
        customers = len(self.summary)
        doc, sheet = self.log_document()
        try:
            padded = customers + 143  # "select more rows than customers" (FUNCTIONS.md)
            block = sheet.getCellRangeByName("N1:R%d" % padded)
            block.setArrayFormula("=RFM_SUMMARY(A1:A%d;B1:B%d;C1:C%d;DATE(1997;9;30))" % (n, n, n))
            doc.calculateAll()
            na = sheet.getCellByPosition(14, padded - 1)
            self.assertEqual(na.getError(), 32767, "Calc's padding of an array formula is #N/A")
            # The distinct ids, as the guide counts the rows to select.
            count = sheet.getCellRangeByName("T1")
            count.setFormula("=SUMPRODUCT((A1:A%d<>\"\")/COUNTIF(A1:A%d;A1:A%d&\"\"))" % (n, n, n))
            doc.calculateAll()
            self.assertAlmostEqual(count.getValue(), customers, places=6)
            exact = "O1:O{0};P1:P{0};Q1:Q{0}".format(customers)
            whole = "O1:O{0};P1:P{0};Q1:Q{0}".format(padded)
            fit = self.fit_row(sheet, "H2:L2", "=BGNBD_FIT_RFM(%s)" % exact)
            self.assertEqual(self.fit_row(sheet, "H3:L3", "=BGNBD_FIT_RFM(%s)" % whole), fit)
            self.assert_published_bgnbd(fit, "padded")
            # Beyond the block (empty rows) and whole columns: the same.
            beyond = "O1:O{0};P1:P{0};Q1:Q{0}".format(padded + 500)
            self.assertEqual(self.fit_row(sheet, "H4:L4", "=BGNBD_FIT_RFM(%s)" % beyond), fit)
            self.assertEqual(self.fit_row(sheet, "H5:L5", "=BGNBD_FIT_RFM(O:O;P:P;Q:Q)"), fit)
            gg = self.fit_row(sheet, "H7:K7", "=GG_FIT(O1:O%d;R1:R%d)" % (customers, customers))
            self.assertEqual(self.fit_row(sheet, "H8:K8", "=GG_FIT(O1:O%d;R1:R%d)" % (padded, padded)), gg)
            self.assertEqual([round(v, 2) for v in gg[:3]], list(PUBLISHED_GG))
            # An #N/A among the data is not padding: it shows as itself.
            sheet.getCellRangeByName("AA1:AB%d" % customers).setDataArray(
                tuple((row[1], row[4]) for row in sheet.getCellRangeByName("N1:R%d" % customers).getDataArray()))
            for r in range(customers, padded):  # padding, as Calc's: #N/A in both columns
                sheet.getCellByPosition(26, r).setFormula("=NA()")
                sheet.getCellByPosition(27, r).setFormula("=NA()")
            sheet.getCellByPosition(27, 10).setFormula("=NA()")  # inside the data
            doc.calculateAll()
            inside = sheet.getCellRangeByName("H10:K10")
            inside.setArrayFormula("=GG_FIT(AA1:AA%d;AB1:AB%d)" % (padded, padded))
            doc.calculateAll()
            self.assertEqual(inside.getCellByPosition(0, 0).getError(), 32767)
            # A padded row that is #N/A in one column only: data with an error, not padding.
            sheet.getCellByPosition(27, 10).setValue(sheet.getCellByPosition(17, 10).getValue())
            sheet.getCellByPosition(26, padded - 1).setValue(1)
            doc.calculateAll()
            self.assertEqual(inside.getCellByPosition(0, 0).getError(), 32767)
            sheet.getCellByPosition(26, padded - 1).setFormula("=NA()")
            doc.calculateAll()
            self.assertEqual([inside.getCellByPosition(c, 0).getValue() for c in range(4)], gg)
        finally:
            doc.close(True)

    def test_pareto_nbd(self):
        n = len(self.orders)
        doc, sheet = self.log_document()
        try:
            fit = self.fit_row(sheet, "H2:L2", "=PNBD_FIT(A1:A%d;B1:B%d;DATE(1997;9;30))" % (n, n))
            self.assertEqual([round(v, 3) for v in fit[:4]], list(PUBLISHED_PNBD))
            self.assertEqual(round(fit[4], 1), -9595.0)
            customers = len(self.summary)
            block = sheet.getCellRangeByName("N1:R%d" % customers)
            block.setArrayFormula("=RFM_SUMMARY(A1:A%d;B1:B%d;C1:C%d;DATE(1997;9;30))" % (n, n, n))
            rfm = self.fit_row(sheet, "H4:L4", "=PNBD_FIT_RFM(O1:O%d;P1:P%d;Q1:Q%d)" % ((customers,) * 3))
            for a, b in zip(rfm, fit):
                self.assertAlmostEqual(a, b, delta=1e-9 * abs(b))
            # The predictions down a column, the published parameters typed in H6:K6.
            sheet.getCellRangeByName("H6:K6").setDataArray((PUBLISHED_PNBD,))
            for r, (formula, _) in enumerate(PNBD_CASES):
                sheet.getCellByPosition(19, r).setFormula("=" + formula.replace("P;", "$H$6:$K$6;", 1))
            doc.calculateAll()
            for r, (formula, value) in enumerate(PNBD_CASES):
                cell = sheet.getCellByPosition(19, r)
                self.assertEqual(cell.getError(), 0, formula)
                self.assertAlmostEqual(cell.getValue(), value, delta=1e-11 * max(1, value), msg=formula)
        finally:
            doc.close(True)

    def test_errors(self):
        doc, sheet = self.log_document()
        try:
            cases = [
                ("=BGNBD_FIT(A1:A6919;B1:B6919;DATE(1990;1;1))", 532),      # no order before the end
                ("=BGNBD_FIT(A1:A6919;B1:B6919;DATE(1997;1;1))", 502),      # one day: no repeat buyer
                ("=BGNBD_FIT(A1:A6919;B1:B6919;\"30.09.1997\")", 502),      # not ISO text
                ("=BGNBD_FIT(A1:A6919;B1:B6919;DATE(1997;9;30);0)", 502),   # 0 days per period
                ("=RFM_SUMMARY(A1:A6919;B1:B6919;A1:A6919;DATE(1997;9;30))", 502),  # text amounts
                ("=BGNBD_P_ALIVE({0.243;4.414;0.793};1;1;2)", 502),         # 3 parameters
                ("=BGNBD_P_ALIVE({0.243;4.414;0.793;-2.426};1;1;2)", 502),
                ("=BGNBD_P_ALIVE({0.243;4.414;0.793;2.426};1;3;2)", 502),   # t_x > T
                ("=BGNBD_EXPECTED({0.243;4.414;0.793;2.426};1;1;2;-1)", 502),
                ("=GG_SPEND({1;0.5;10};0;0)", 503),                         # q <= 1: no mean
                ("=BGNBD_CLV({0.243;4.414;0.793;2.426};{6.25;3.74;15.44};1;1;2;30;0.3;0.01;2.5)", 502),
                ("=GG_FIT({1;2};{10;20})", 504),                           # cells only (Calc's check)
                ("=GG_FIT(B1:C5;C1:D5)", 502),                              # not one column
                ("=GG_FIT(B1:B5;C1:C6)", 502),                              # other lengths
                ("=BGNBD_FIT_RFM(A1:A5;B1:B5;C1:C5)", 502),                 # text ids as x
                ("=PNBD_FIT(A1:A6919;B1:B6919;DATE(1990;1;1))", 532),       # no order before the end
                ("=PNBD_FIT(A1:A6919;B1:B6919;DATE(1997;1;1))", 502),       # no repeat buyer
                ("=PNBD_P_ALIVE({0.553;10.578;0.606};1;1;2)", 502),         # 3 parameters
                ("=PNBD_P_ALIVE({0.553;10.578;0.606;-11.669};1;1;2)", 502),
                ("=PNBD_EXPECTED({0.553;10.578;0.606;11.669};1;3;2;1)", 502),  # t_x > T
                ("=PNBD_DERT({0.553;10.578;0.606;11.669};1;1;2;0)", 503),   # s <= 1, undiscounted: infinite
                ("=PNBD_PMF({0.553;10.578;0.606;11.669};39;1.5)", 502),
                ("=PNBD_CLV({0.553;10.578;0.606;11.669};{6.25;3.74;15.44};1;1;2;30;0.3;0.01;2.5)", 502),
                # Thirteen customers (x, t_x, T in AA1:AC13) on which the search does not converge
                # (the unit test PnbdFit.ASearchThatDoesNotConvergeSaysSo): Calc's own Err:523.
                ("=PNBD_FIT_RFM(AA1:AA13;AB1:AB13;AC1:AC13)", 523),
            ]
            sheet.getCellRangeByName("AA1:AC13").setDataArray(tuple(zip(
                (46, 0, 1, 2, 38, 1, 1, 41, 0, 49, 38, 3, 11),
                (1.06657, 0, 0.581431, 0.226391, 0.575962, 0.31071, 0.199525, 0.589253, 0, 2.01523, 1.37551,
                 0.224021, 0.0940947),
                (1.17031, 0.386137, 1.38876, 0.838671, 1.79004, 0.479641, 1.04816, 2.08022, 0.776048, 2.31019,
                 1.88727, 1.16737, 0.407265))))
            for r, (formula, code) in enumerate(cases):
                cell = sheet.getCellByPosition(25, r)
                cell.setFormula(formula)
                doc.calculateAll()
                self.assertEqual(cell.getError(), code, formula)
        finally:
            doc.close(True)


if __name__ == "__main__":
    unittest.main()
