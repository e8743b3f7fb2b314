"""Writes a self-checking test sheet (tests/sheets/*.fods, layout in README.md) from a case
table, in a headless Calc with the extension installed, so that the cached values a user sees on
opening the file are the add-in's own results. Used for subscription.fods, intervals.fods and
model_family.fods (their case tables are in this file); the other sheets are edited in Calc,
and their Data sheets get the shared test data (tests/integration/cases.py's DATA_COLUMNS,
which test_functions.py writes into its own document; test_sheets checks that they agree).

usage: PYTHONPATH=python:tests/integration:tests/reference /usr/bin/python3 tests/sheets/make_sheet.py build/customermetrics.oxt
"""
import glob
import os
import sys
import tempfile

import numpy as np
from scipy import special

import bgbb_reference
import bgnbd_intervals as ref
import bgnbd_reference
import pnbd_reference
import cmoffice as lo
from calc import fill_column
from cases import DATA_COLUMNS

HERE = os.path.dirname(os.path.abspath(__file__))
# ERRORTYPE as the API writes it; the file stores it as ORG.OPENOFFICE.ERRORTYPE.
CORRECT = "=IF(ISERROR(A{0});ERRORTYPE(A{0})=B{0};ABS(A{0}-B{0})<=1E-9*MAX(1;ABS(B{0})))"
ILLEGAL, DIV0, VALUE = 502, 532, 519

# The billing export worked by hand in tests/integration/cases.py (EXTRA_SHEETS["Billing"],
# the same log as tests/unit/subscription_test.cpp): rows out of order, one date as ISO text.
BILLING = {
    "A": ["c", "a", "b", "a", "b", "c", None, "b", "a", "c", "d", "a", "c", "c", "d", "c", "d", "a"],
    "B": [45445, 45292, "'2024-01-15", 45351, 45292, 45323, None, 45323, 45361, 45352, 45352, 45412, 45383,
          45412, 45383, 45432, 45413, 45444],
    "C": [200, 100, 30, 100, 20, 200, None, 50, 150, 200, 0, 120, 200, -200, 40, 200, -10, 80],
    "E": ["x", "y"], "F": [45292, 45292], "G": [10, "ten"],
}
LOG = "Billing.A1:A18;Billing.B1:B18;Billing.C1:C18"
CHARTMOGUL = "ChartMogul Help Center, Gross / Net MRR Churn Rate: start 100, churn 10, contraction 10, expansion 10"
BY_HAND = "worked by hand from the Billing sheet (tests/integration/cases.py)"
SUBSCRIPTION = {
    "NRR": [("=NRR(100;10;10;10)", 0.9, CHARTMOGUL + ": net MRR churn 10 %"),
            ("=NRR(350;0;30;200)", 120 / 350, "(350 − 30 − 200) / 350"),
            ("=NRR(100;30;5;5)", 1.2, "(100 + 30 − 5 − 5) / 100"),
            ("=NRR(0;0;0;0)", DIV0, "no MRR at the start"),
            ("=NRR(-100;0;0;0)", ILLEGAL, "negative MRR at the start"),
            ("=NRR(100;-1;0;0)", ILLEGAL, "negative expansion")],
    "GRR": [("=GRR(100;10;10)", 0.8, CHARTMOGUL + ": gross MRR churn 20 %"),
            ("=GRR(100;0;100)", 0, "everything churned"),
            ("=GRR(0;0;0)", DIV0, "no MRR at the start"),
            ("=GRR(100;60;50)", ILLEGAL, "more lost than there was"),
            ('=GRR(100;"a";0)', VALUE, "text for a number")],
    "QUICK_RATIO": [("=QUICK_RATIO(20;8;3;5)", 3.5, "(20 + 8) / (3 + 5)"),
                    ("=QUICK_RATIO(40;0;30;200)", 40 / 230, "(40 + 0) / (30 + 200)"),
                    ("=QUICK_RATIO(0;0;0;160;200)", 200 / 160, "reactivation 200 over churn 160"),
                    ("=QUICK_RATIO(0;0;0;160;)", 0, "empty reactivation = 0"),
                    ("=QUICK_RATIO(10;0;0;0)", DIV0, "nothing lost"),
                    ("=QUICK_RATIO(-1;0;0;5)", ILLEGAL, "negative new MRR"),
                    ("=QUICK_RATIO(1;1;1;1;-1)", ILLEGAL, "negative reactivation")],
    "MRR_MOVEMENTS": [("=INDEX(MRR_MOVEMENTS(%s);3;4)" % LOG, 50, BY_HAND + ": March, a's expansion 100 → 150"),
                      ("=INDEX(MRR_MOVEMENTS(%s);4;6)" % LOG, 200, BY_HAND + ": April, c's refund nets 0: churned 200"),
                      ("=INDEX(MRR_MOVEMENTS(%s);5;7)" % LOG, 200, BY_HAND + ": May, c comes back: reactivation 200"),
                      ("=INDEX(MRR_MOVEMENTS(%s);6;8)" % LOG, 280, BY_HAND + ": June, MRR at the end 200 + 80"),
                      ("=INDEX(MRR_MOVEMENTS(%s);6;13)" % LOG, 2, BY_HAND + ": June, customers at the end"),
                      ("=MRR_MOVEMENTS(Billing.E1:E2;Billing.F1:F2;Billing.G1:G2)", ILLEGAL, "an MRR as text"),
                      ("=MRR_MOVEMENTS(Billing.A1:A18;Billing.B1:B18;Billing.C1:C17)", ILLEGAL, "shapes differ"),
                      ("=MRR_MOVEMENTS(Billing.K1:K3;Billing.K1:K3;Billing.K1:K3)", DIV0, "no rows")],
    "SUBSCRIPTION_SURVIVAL": [("=INDEX(SUBSCRIPTION_SURVIVAL(%s);1;2)" % LOG, 2, BY_HAND + ": January cohort a, b"),
                              ("=INDEX(SUBSCRIPTION_SURVIVAL(%s);1;4)" % LOG, 1, BY_HAND + ": a still paying 2 months later"),
                              ("=INDEX(SUBSCRIPTION_SURVIVAL(%s);2;4)" % LOG, 0, BY_HAND + ": c's refund month breaks the run"),
                              ("=INDEX(SUBSCRIPTION_SURVIVAL(%s);3;1)" % LOG, 45383, BY_HAND + ": d's cohort, April 2024"),
                              ("=SUBSCRIPTION_SURVIVAL(Billing.K1:K3;Billing.K1:K3;Billing.K1:K3)", DIV0, "no rows")],
}


# intervals.fods: five CDNOW customers (the first of the summary in lifetimes' docs/Quickstart.md
# and FHL 2005) and a BG/NBD and a Gamma-Gamma fit's block typed as numbers, as a user would paste
# them: the CDNOW estimates with the standard errors and correlations that
# tests/reference/uncertainty_reference.py printed. Expected values: tests/reference/bgnbd_intervals.py.
CUSTOMERS = [(2, 30.43, 38.86, 22.35), (1, 1.71, 38.86, 11.77), (0, 0, 38.86, 0), (7, 29.43, 38.86, 73.74),
             (1, 5, 38.86, 11.77)]
BGNBD = [0.2426, 4.4136, 0.7929, 2.4259]
BGNBD_SE = [0.012557, 0.378224, 0.185734, 0.705415]
BGNBD_CORR = [[1, .7804, -.0377, .0074], [.7804, 1, -.0408, .0394], [-.0377, -.0408, 1, .9405], [.0074, .0394, .9405, 1]]
GG = [6.2496, 3.7442, 15.4435]
GG_SE = [1.190049, 0.290132, 4.159400]
GG_CORR = [[1, -.6718, -.9703], [-.6718, 1, .822], [-.9703, .822, 1]]
REGULAR = [1000, 631, 468, 382, 326, 289, 262, 241]
SBG = [0.704077, 1.182043]
SBG_SE = [0.065599, 0.152476]
SBG_CORR = [[1, .8889], [.8889, 1]]
PNBD = [0.553277, 10.577683, 0.606240, 11.668735]
PNBD_SE = [0.047625, 0.842705, 0.187233, 6.209470]
PNBD_CORR = [[1, .8218, -.3534, -.4755], [.8218, 1, -.1705, -.2303], [-.3534, -.1705, 1, .9716],
             [-.4755, -.2303, .9716, 1]]


def covariance(se, corr):
    return (np.outer(se, se) * np.array(corr)).tolist()


def block(params, log_likelihood, se, n, corr):
    cov = covariance(se, corr)
    return [params + [log_likelihood], se + [n]] + [row + [None] for row in cov]


def fit_sheet():
    columns = {letter: [c[i] for c in CUSTOMERS] for i, letter in enumerate("ABCD")}
    for r, row in enumerate(block(BGNBD, -9582.43, BGNBD_SE, 2357, BGNBD_CORR)):
        for c, value in enumerate(row):
            columns.setdefault("HIJKL"[c], [None] * 12)[r] = value
    for r, row in enumerate(block(GG, -4055.92, GG_SE, 946, GG_CORR)):
        for c, value in enumerate(row):
            columns.setdefault("HIJK"[c], [None] * 12)[7 + r] = value
    columns["M"] = [0.2426, 4.4136, 0.7929, 2.4259, 1]  # a column of parameters: no covariance
    columns["N"] = [0.2426, 4.4136, 0.7929, 2.4259, -9582.43, 1, 1, 1]
    # Fader & Hardie (2007), the "regular" cohort, years 0..7 as counts of 1 000, in A20:H20, and
    # its sBG fit's block typed as numbers in H22:J25 (SciPy's estimates, standard errors and
    # correlation from tests/reference/uncertainty_reference.py).
    for c, value in enumerate(REGULAR):
        columns.setdefault("ABCDEFGH"[c], [])
        columns["ABCDEFGH"[c]] += [None] * (20 - len(columns["ABCDEFGH"[c]]))
        columns["ABCDEFGH"[c]][19:20] = [value]
    for r, row in enumerate(block(SBG, -1680.27, SBG_SE, 1000, SBG_CORR)):
        for c, value in enumerate(row):
            column = columns.setdefault("HIJ"[c], [])
            column += [None] * (22 + r - len(column))
            column[21 + r] = value
    for r, row in enumerate(block(PNBD, -9594.98, PNBD_SE, 2357, PNBD_CORR)):
        for c, value in enumerate(row):
            column = columns.setdefault("HIJKL"[c], [])
            column += [None] * (28 + r - len(column))
            column[27 + r] = value
    return columns


def interval_cases():
    cov, gg_cov = covariance(BGNBD_SE, BGNBD_CORR), covariance(GG_SE, GG_CORR)
    fit, gg_fit = "Fit.$H$1:$L$6", "Fit.$H$8:$K$12"
    source = "tests/reference/bgnbd_intervals.py (numpy delta method on the sheet's covariance)"
    alive, exp_cases, clv_cases = [], [], []
    for i, (x, tx, T, m) in enumerate(CUSTOMERS, start=1):
        args = "Fit.A%d;Fit.B%d;Fit.C%d" % (i, i, i)
        lo_hi = ref.delta_interval(lambda p: ref.p_alive(*p, x, tx, T), BGNBD, cov, probability=True)
        for k in (1, 2):
            alive.append(("=INDEX(BGNBD_P_ALIVE_CI(%s;%s);1;%d)" % (fit, args, k), lo_hi[k - 1],
                          source + ("; x = 0: P(alive) is exactly 1" if x == 0 else "")))
        lo_hi = ref.delta_interval(lambda p: ref.expected(*p, x, tx, T, 39), BGNBD, cov, level=0.9)
        for k in (1, 2):
            exp_cases.append(("=INDEX(BGNBD_EXPECTED_CI(%s;%s;39;0.9);1;%d)" % (fit, args, k), lo_hi[k - 1], source))
        if x > 0:
            lo_hi = ref.two_fit_interval(lambda p, g: ref.clv(p, g, x, tx, T, m, 0.3, 0.0019, 52), BGNBD, cov, GG, gg_cov)
            for k in (1, 2):
                clv_cases.append(("=INDEX(BGNBD_CLV_CI(%s;%s;%s;Fit.D%d;0.3;0.0019;52);1;%d)" % (fit, gg_fit, args, i, k),
                                  lo_hi[k - 1], source))
    refusals = [
        ("=BGNBD_P_ALIVE_CI(Fit.$H$1:$L$1;2;30.43;38.86)", ILLEGAL, "the fit over one row: no covariance"),
        ("=BGNBD_P_ALIVE_CI(Fit.$H$1:$L$5;2;30.43;38.86)", ILLEGAL, "5 rows: the covariance is cut"),
        ("=BGNBD_P_ALIVE_CI(Fit.$M$1:$M$5;2;30.43;38.86)", ILLEGAL, "a column of parameters"),
        ("=BGNBD_P_ALIVE_CI(%s;2;30.43;38.86;95)" % fit, ILLEGAL, "level 95 instead of 0.95"),
        ("=BGNBD_P_ALIVE_CI(%s;2;30.43;38.86;0)" % fit, ILLEGAL, "level 0"),
        ("=BGNBD_P_ALIVE_CI(%s;2;40;38.86)" % fit, ILLEGAL, "t_x > T"),
    ]
    alive += refusals
    exp_cases += [("=BGNBD_EXPECTED_CI(%s;1;1;2;-1)" % fit, ILLEGAL, "negative horizon"),
                  ("=BGNBD_EXPECTED_CI({1;2;3;4};1;1;2;39)", ILLEGAL, "typed parameters: no covariance")]
    clv_cases += [("=BGNBD_CLV_CI(%s;Fit.$H$8:$K$8;Fit.A1;Fit.B1;Fit.C1;Fit.D1;0.3;0.0019;52)" % fit, ILLEGAL,
                   "the Gamma-Gamma fit over one row"),
                  ("=BGNBD_CLV_CI(%s;%s;Fit.A1;Fit.B1;Fit.C1;Fit.D1;0.3;0.0019;2.5)" % (fit, gg_fit), ILLEGAL,
                   "a horizon that is not whole")]
    total = sum(ref.expected(*BGNBD, x, tx, T, 39) for x, tx, T, m in CUSTOMERS)
    lo_hi = ref.delta_interval(lambda p: sum(ref.expected(*p, x, tx, T, 39) for x, tx, T, m in CUSTOMERS), BGNBD, cov)
    forecast = "BGNBD_FORECAST(%s;Fit.A1:A5;Fit.B1:B5;Fit.C1:C5;39)" % fit
    forecast_cases = [
        ("=INDEX(%s;1;1)" % forecast, total, "the sum of BGNBD_EXPECTED over the 5 customers (bgnbd_intervals.py)"),
        ("=INDEX(%s;1;2)" % forecast, lo_hi[0], source),
        ("=INDEX(%s;1;3)" % forecast, lo_hi[1], source),
        ("=AND(INDEX(%s;1;4)<=INDEX(%s;1;2);INDEX(%s;1;5)>=INDEX(%s;1;3))*1" % ((forecast,) * 4), 1,
         "the prediction interval (seeded simulation) contains the confidence interval"),
        ("=BGNBD_FORECAST(%s;Fit.A1:A5;Fit.B1:B5;Fit.C1:C4;39)" % fit, ILLEGAL, "columns of different length"),
        ("=BGNBD_FORECAST(Fit.$N$1:$N$8;Fit.A1:A5;Fit.B1:B5;Fit.C1:C5;39)", ILLEGAL, "not a fit's block"),
    ]
    sbg_cov = covariance(SBG_SE, SBG_CORR)
    sbg = "Fit.$H$22:$J$25"
    survival = lambda p, t: np.exp(special.betaln(p[0], p[1] + t) - special.betaln(p[0], p[1]))
    retention = lambda p, t: (p[1] + t - 1) / (p[0] + p[1] + t - 1)
    survival_cases, retention_cases, derl_cases = [], [], []
    for t in (1, 7, 12):
        lo_hi = ref.delta_interval(lambda p: survival(p, t), SBG, sbg_cov, probability=True)
        survival_cases += [("=INDEX(SBG_SURVIVAL_CI(%s;%d);1;%d)" % (sbg, t, k), lo_hi[k - 1], source) for k in (1, 2)]
        lo_hi = ref.delta_interval(lambda p: retention(p, t), SBG, sbg_cov, level=0.9, probability=True)
        retention_cases += [("=INDEX(SBG_RETENTION_CI(%s;%d;0.9);1;%d)" % (sbg, t, k), lo_hi[k - 1], source)
                            for k in (1, 2)]
    survival_cases += [("=INDEX(SBG_SURVIVAL_CI(%s;0);1;1)" % sbg, 1, "S(0) = 1 exactly"),
                       ("=ROUND(INDEX(SBG_FIT(Fit.A20:H20);2;1);5)", 0.0656,
                        "SBG_FIT's own standard error of alpha: SciPy 0.065599 (uncertainty_reference.py)"),
                       ("=INDEX(SBG_FIT(Fit.A20:H20);2;3)", 1000, "the cohort members fitted"),
                       ("=SBG_SURVIVAL_CI({0.704;1.182};7)", ILLEGAL, "typed parameters: no covariance"),
                       ("=SBG_SURVIVAL_CI(%s;1.5)" % sbg, ILLEGAL, "t not whole")]
    retention_cases += [("=SBG_RETENTION_CI(%s;0)" % sbg, ILLEGAL, "r(t) needs t >= 1")]
    for d, renewals in ((0.1, 0), (0.1, 4)):
        derl = lambda p: (p[1] + renewals) / (p[0] + p[1] + renewals) * special.hyp2f1(
            1, p[1] + renewals + 1, p[0] + p[1] + renewals + 1, 1 / (1 + d))
        lo_hi = ref.delta_interval(derl, SBG, sbg_cov)
        derl_cases += [("=INDEX(SBG_DERL_CI(%s;%g;%d);1;%d)" % (sbg, d, renewals, k), lo_hi[k - 1],
                        source + "; DERL: Fader & Hardie 2010 eq. 6 with scipy.special.hyp2f1") for k in (1, 2)]
    derl_cases += [("=SBG_DERL_CI(%s;-0.1)" % sbg, ILLEGAL, "negative discount")]
    pnbd_cov = covariance(PNBD_SE, PNBD_CORR)
    pnbd = "Fit.$H$28:$L$33"
    psrc = "pnbd_reference.py's integrals with bgnbd_intervals.py's delta method"
    pnbd_alive, pnbd_expected, pnbd_clv = [], [], []
    for i, (x, tx, T, m) in enumerate(CUSTOMERS[:3], start=1):
        args = "Fit.A%d;Fit.B%d;Fit.C%d" % (i, i, i)
        if x > 0:
            lo_hi = ref.delta_interval(lambda p: pnbd_reference.p_alive(p, x, tx, T), PNBD, pnbd_cov, probability=True)
            pnbd_alive += [("=INDEX(PNBD_P_ALIVE_CI(%s;%s);1;%d)" % (pnbd, args, k), lo_hi[k - 1], psrc) for k in (1, 2)]
        lo_hi = ref.delta_interval(lambda p: pnbd_reference.expected_closed_form(p, x, tx, T, 39), PNBD, pnbd_cov)
        pnbd_expected += [("=INDEX(PNBD_EXPECTED_CI(%s;%s;39);1;%d)" % (pnbd, args, k), lo_hi[k - 1],
                           "pnbd_reference.py's closed form (FHL note) with the delta method") for k in (1, 2)]
    pnbd_alive += [("=PNBD_P_ALIVE_CI(Fit.$H$28:$L$28;2;30.43;38.86)", ILLEGAL, "the fit over one row")]
    x, tx, T, m = CUSTOMERS[0]
    def pclv(p, g):
        e = [0.0] + [pnbd_reference.expected_closed_form(p, x, tx, T, k) for k in range(1, 53)]
        return 0.3 * ref.gg_spend(*g, x, m) * sum((e[k] - e[k - 1]) / 1.0019 ** k for k in range(1, 53))
    lo_hi = ref.two_fit_interval(pclv, PNBD, pnbd_cov, GG, gg_cov)
    pnbd_clv += [("=INDEX(PNBD_CLV_CI(%s;%s;Fit.A1;Fit.B1;Fit.C1;Fit.D1;0.3;0.0019;52);1;%d)" % (pnbd, gg_fit, k),
                  lo_hi[k - 1], psrc) for k in (1, 2)]
    bgbb_fit = "BGBB_FIT(Donations.A1:A22;Donations.B1:B22;Donations.C1:C22;Donations.D1:D22)"
    bgbb_cases = {
        "BGBB_P_ALIVE_CI": [("=AND(INDEX(BGBB_P_ALIVE_CI(%s;3;5;6);1;1)<BGBB_P_ALIVE(%s;3;5;6);"
                             "BGBB_P_ALIVE(%s;3;5;6)<INDEX(BGBB_P_ALIVE_CI(%s;3;5;6);1;2))*1" % ((bgbb_fit,) * 4), 1,
                             "the interval holds the point (the bounds against numpy: test_bgbb.py)"),
                            ("=INDEX(BGBB_P_ALIVE_CI(%s;0;0;6);1;2)<1" % bgbb_fit, 1, "below 1"),
                            ("=BGBB_P_ALIVE_CI({1.204;0.75;0.657;2.783};3;5;6)", ILLEGAL, "typed parameters")],
        "BGBB_EXPECTED_CI": [("=AND(INDEX(BGBB_EXPECTED_CI(%s;3;5;6;5);1;1)<BGBB_EXPECTED(%s;3;5;6;5);"
                              "BGBB_EXPECTED(%s;3;5;6;5)<INDEX(BGBB_EXPECTED_CI(%s;3;5;6;5);1;2))*1" % ((bgbb_fit,) * 4),
                              1, "the interval holds the point"),
                             ("=BGBB_EXPECTED_CI({1.204;0.75;0.657;2.783};3;5;6;5)", ILLEGAL, "typed parameters")],
    }
    return {**bgbb_cases, "PNBD_P_ALIVE_CI": pnbd_alive, "PNBD_EXPECTED_CI": pnbd_expected, "PNBD_CLV_CI": pnbd_clv,
            "BGNBD_P_ALIVE_CI": alive, "BGNBD_EXPECTED_CI": exp_cases, "BGNBD_CLV_CI": clv_cases,
            "BGNBD_FORECAST": forecast_cases, "SBG_SURVIVAL_CI": survival_cases,
            "SBG_RETENTION_CI": retention_cases, "SBG_DERL_CI": derl_cases}

# model_family.fods: the forecasts for a new customer and the model family beyond BG/NBD; the
# published CDNOW fits typed inline (FHL 2005: BG/NBD r 0.243, alpha 4.414, a 0.793, b 2.426).
# Expected values: tests/reference/bgnbd_reference.py (eq. 8 with scipy's NBD tail) and
# bgnbd_intervals.py (eq. 9 = eq. 10 at x = t_x = T = 0).
CDNOW_BGNBD = "{0.243;4.414;0.793;2.426}"


def model_family_cases():
    p = (0.243, 4.414, 0.793, 2.426)
    new = [("=BGNBD_EXPECTED_NEW(%s;%g)" % (CDNOW_BGNBD, t), ref.expected(*p, 0, 0, 0, t), "FHL 2005 eq. 9 (SciPy)")
           for t in (1, 39, 78, 520)]
    new += [("=BGNBD_EXPECTED_NEW(%s;0)" % CDNOW_BGNBD, 0, "no time, no purchase"),
            ("=BGNBD_EXPECTED_NEW(%s;-1)" % CDNOW_BGNBD, ILLEGAL, "negative time"),
            ("=BGNBD_EXPECTED_NEW({0.243;4.414;0.793};39)", ILLEGAL, "3 parameters")]
    pmf = [("=BGNBD_PMF(%s;%g;%d)" % (CDNOW_BGNBD, t, k), bgnbd_reference.pmf_scipy(*p, t, k),
            "FHL 2005 eq. 8 (scipy.stats.nbinom tail)") for t, k in ((39, 0), (39, 1), (39, 5), (78, 3), (2, 10))]
    pmf += [("=BGNBD_PMF(%s;39;1.5)" % CDNOW_BGNBD, ILLEGAL, "k not a whole number"),
            ("=BGNBD_PMF(%s;39;-1)" % CDNOW_BGNBD, ILLEGAL, "negative k")]
    # Pareto/NBD: the published CDNOW fit typed inline; pnbd_reference.py's integrals (tanh-sinh
    # quadrature, written from Fader, Hardie & Lee's note, never from the C++).
    q = (0.553, 10.578, 0.606, 11.669)
    P = "{0.553;10.578;0.606;11.669}"
    src = "tests/reference/pnbd_reference.py (numerical integral)"
    cases = {
        "PNBD_P_ALIVE": [("=PNBD_P_ALIVE(%s;%d;%g;%g)" % (P, x, tx, T), pnbd_reference.p_alive(q, x, tx, T), src)
                         for x, tx, T in ((0, 0, 38.86), (2, 30.43, 38.86), (7, 10, 38))],
        "PNBD_EXPECTED": [("=PNBD_EXPECTED(%s;%d;%g;%g;39)" % (P, x, tx, T), pnbd_reference.expected(q, x, tx, T, 39), src)
                          for x, tx, T in ((0, 0, 38.86), (2, 30.43, 38.86), (7, 10, 38))],
        "PNBD_DERT": [("=PNBD_DERT(%s;2;30.43;38.86;0.0019)" % P, pnbd_reference.dert_integral(q, 2, 30.43, 38.86, 0.0019), src)],
        "PNBD_EXPECTED_NEW": [("=PNBD_EXPECTED_NEW(%s;%g)" % (P, t), pnbd_reference.expected(q, 0, 0, 0, t), src)
                              for t in (1, 39, 78)],
        "PNBD_PMF": [("=PNBD_PMF(%s;39;%d)" % (P, k), pnbd_reference.pmf_integral(q, 39, k), src) for k in (0, 1, 5)],
    }
    cases["PNBD_P_ALIVE"] += [("=PNBD_P_ALIVE({0.553;10.578;0.606};1;1;2)", ILLEGAL, "3 parameters")]
    cases["PNBD_EXPECTED"] += [("=PNBD_EXPECTED(%s;1;3;2;1)" % P, ILLEGAL, "t_x > T")]
    cases["PNBD_PMF"] += [("=PNBD_PMF(%s;39;1.5)" % P, ILLEGAL, "k not whole")]
    e = [0.0] + [pnbd_reference.expected(q, 2, 30.43, 38.86, k) for k in range(1, 53)]
    spend = 6.25 * (15.44 + 2 * 22.35) / (6.25 * 2 + 3.74 - 1)
    clv = 0.3 * spend * sum((e[k] - e[k - 1]) / 1.0019 ** k for k in range(1, 53))
    cases["PNBD_CLV"] = [("=PNBD_CLV(%s;{6.25;3.74;15.44};2;30.43;38.86;22.35;0.3;0.0019;52)" % P, clv,
                          src + " × the Gamma-Gamma spend (Fader & Hardie 2013), as BGNBD_CLV")]
    # The fits on a simulated log would be slow to write here; PNBD_FIT and PNBD_FIT_RFM on the
    # CDNOW log are in test_models.py. Their refusals:
    cases["PNBD_FIT"] = [("=PNBD_FIT(Log.A1:A3;Log.B1:B3;DATE(2024;3;1))", ILLEGAL, "3 customers: too few")]
    cases["PNBD_FIT_RFM"] = [("=PNBD_FIT_RFM(Log.C1:C3;Log.C1:C3;Log.C1:C3)", ILLEGAL, "3 customers: too few")]
    # BG/BB: the published donations fit (Fader, Hardie & Shang 2010) typed inline, the paper's
    # formulas in tests/reference/bgbb_reference.py; the fit itself on the 22 histories (sheet
    # Donations) to the printed digits.
    g = (1.204, 0.750, 0.657, 2.783)
    G = "{1.204;0.75;0.657;2.783}"
    bsrc = "tests/reference/bgbb_reference.py (Fader, Hardie & Shang 2010)"
    histories = ((0, 0, 6), (1, 1, 6), (3, 6, 6), (6, 6, 6))
    cases["BGBB_P_ALIVE"] = [("=BGBB_P_ALIVE(%s;%d;%d;%d)" % ((G,) + h), bgbb_reference.p_alive(g, *h), bsrc)
                             for h in histories] + [("=BGBB_P_ALIVE(%s;3;2;6)" % G, ILLEGAL, "t_x < x")]
    cases["BGBB_EXPECTED"] = [("=BGBB_EXPECTED(%s;%d;%d;%d;5)" % ((G,) + h), bgbb_reference.expected(g, *h, 5), bsrc)
                              for h in histories]
    cases["BGBB_DERT"] = [("=BGBB_DERT(%s;%d;%d;%d;0.1)" % ((G,) + h), bgbb_reference.dert_hyp2f1(g, *h, 0.1), bsrc)
                          for h in histories]
    cases["BGBB_EXPECTED_NEW"] = [("=BGBB_EXPECTED_NEW(%s;%d)" % (G, m), bgbb_reference.expected_new(g, m), bsrc)
                                  for m in (1, 6, 11)]
    cases["BGBB_FIT"] = [("=ROUND(INDEX(BGBB_FIT(Donations.A1:A22;Donations.B1:B22;Donations.C1:C22;Donations.D1:D22);1;%d);3)"
                          % k, v, "Fader, Hardie & Shang 2010: the published fit") for k, v in enumerate(g, start=1)]
    cases["BGBB_FIT"] += [("=INDEX(BGBB_FIT(Donations.A1:A22;Donations.B1:B22;Donations.C1:C22;Donations.D1:D22);2;5)",
                           11104, "the 11 104 donors of 1995")]
    cov = None
    return dict({"BGNBD_EXPECTED_NEW": new, "BGNBD_PMF": pmf}, **cases)

def write(office, path, data_sheets, cases):
    doc = office.new_spreadsheet()
    try:
        sheets = doc.Sheets
        sheets.getByIndex(0).setName("Sheet1")
        for name, columns in data_sheets.items():
            sheets.insertNewByName(name, sheets.getCount())
            for letter, values in columns.items():
                fill_column(sheets.getByName(name), letter, values)
        summary = sheets.getByName("Sheet1")
        summary.getCellRangeByName("A1").setString("Every case of %s is right when B2 is TRUE "
                                                   "(Data ▸ Calculate ▸ Recalculate Hard)" % os.path.basename(path))
        summary.getCellRangeByName("A2").setString("All")
        for index, (function, rows) in enumerate(cases.items()):
            sheets.insertNewByName(function, sheets.getCount())
            sheet = sheets.getByName(function)
            for column, heading in enumerate(("Formula", "Expected", "Correct", "FORMULA", "Source")):
                sheet.getCellByPosition(column, 0).setString(heading)
            for row, (formula, expected, source) in enumerate(rows, start=2):
                sheet.getCellRangeByName("A%d" % row).setFormula(formula)
                sheet.getCellRangeByName("B%d" % row).setValue(expected)
                sheet.getCellRangeByName("C%d" % row).setFormula(CORRECT.format(row))
                sheet.getCellRangeByName("D%d" % row).setFormula("=FORMULA(A%d)" % row)
                sheet.getCellRangeByName("E%d" % row).setString(source)
            summary.getCellByPosition(0, 2 + index).setString(function)
            summary.getCellByPosition(1, 2 + index).setFormula("=AND($%s.C2:C%d)" % (function, len(rows) + 1))
        summary.getCellRangeByName("B2").setFormula("=AND(B3:B%d)" % (2 + len(cases)))
        doc.calculateAll()
        wrong = ["%s: %s shows %s" % (function, formula, sheets.getByName(function).getCellRangeByName(
                     "A%d" % row).getString())
                 for function, rows in cases.items() for row, (formula, _, _) in enumerate(rows, start=2)
                 if sheets.getByName(function).getCellRangeByName("C%d" % row).getValue() != 1]
        if wrong:
            raise SystemExit("%s: cases not right, fix the table:\n  %s" % (path, "\n  ".join(wrong)))
        doc.storeToURL(lo.file_url(path), lo.props(FilterName="OpenDocument Spreadsheet Flat XML"))
    finally:
        doc.close(True)


def stamp_shared_data(office, path):
    """Writes DATA_COLUMNS into the Data sheet of the .fods at path, if it has one, recalculates
    and saves it, refusing to save a sheet whose cases are not all right afterwards."""
    doc = office.open(path)
    try:
        if not doc.Sheets.hasByName("Data"):
            return
        for letter, values in DATA_COLUMNS.items():
            fill_column(doc.Sheets.getByName("Data"), letter, values)
        doc.calculateAll()
        summary = doc.Sheets.getByName("Sheet1").getCellRangeByName("B2")
        if summary.getError() or summary.getValue() != 1:
            raise SystemExit("%s: not every case is right with the shared data" % path)
        doc.storeToURL(lo.file_url(path), lo.props(FilterName="OpenDocument Spreadsheet Flat XML"))
    finally:
        doc.close(True)


def main(oxt):
    office = lo.office_with_extension(oxt, tempfile.mkdtemp(prefix="cm-sheets-"))
    try:
        write(office, os.path.join(HERE, "subscription.fods"), {"Billing": BILLING}, SUBSCRIPTION)
        write(office, os.path.join(HERE, "intervals.fods"),
              {"Fit": fit_sheet(),
               "Donations": {k: [float(r[i]) for r in bgbb_reference.donations()] for i, k in enumerate("ABCD")}},
              interval_cases())
        write(office, os.path.join(HERE, "model_family.fods"),
              {"Log": {"A": ["a", "b", "c"], "B": [45292, 45300, 45310], "C": [1, 0, 2]},
               "Donations": {k: [float(r[i]) for r in bgbb_reference.donations()] for i, k in enumerate("ABCD")}},
              model_family_cases())
        for path in sorted(glob.glob(os.path.join(HERE, "*.fods"))):
            stamp_shared_data(office, path)
    finally:
        office.stop()
        lo.remove_profile(office)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
