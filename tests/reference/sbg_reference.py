#!/usr/bin/python3
"""Reference numbers of tests/unit/sbg_test.cpp, computed with SciPy (Debian 12: SciPy 1.10),
independently of the library: the sBG log-likelihood written with scipy.special.betaln, maximised
by Nelder-Mead; DERL with scipy.special.hyp2f1. Run: /usr/bin/python3 tests/reference/sbg_reference.py
Data: Fader & Hardie (2007), "How to project customer retention", J. Interactive Marketing 21(1)."""
import csv
import os

import numpy as np
from scipy.optimize import minimize
from scipy.special import betaln, hyp2f1

HERE = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(HERE, "..", "..", "data", "fader_hardie_2007.csv")) as f:
    rows = list(csv.DictReader(f))
REGULAR = [float(r["regular_alive_pct"]) for r in rows]
HIGH_END = [float(r["high_end_alive_pct"]) for r in rows]


def log_likelihood(a, b, cohorts):
    total = 0.0
    for alive in cohorts:
        last = len(alive) - 1
        for t in range(1, last + 1):
            total += (alive[t - 1] - alive[t]) * (betaln(a + 1, b + t - 1) - betaln(a, b))
        total += alive[last] * (betaln(a, b + last) - betaln(a, b))
    return total


def fit(cohorts):
    best = None
    for x0 in ([0, 0], [1, 1], [-1, 1]):
        r = minimize(lambda q: -log_likelihood(*np.exp(q), cohorts), x0, method="Nelder-Mead",
                     options=dict(xatol=1e-13, fatol=1e-13, maxiter=40000))
        if best is None or r.fun < best.fun:
            best = r
    a, b = np.exp(best.x)
    return a, b, -best.fun


def survival(a, b, t):
    return float(np.exp(betaln(a, b + t) - betaln(a, b)))


def derl(a, b, d, renewals):
    n = renewals + 1
    return (b + n - 1) / (a + b + n - 1) * hyp2f1(1, b + n, a + b + n, 1 / (1 + d))


counts = lambda pct, last: [x * 10 for x in pct[:last + 1]]
for name, pct, printed in (("regular", REGULAR, (0.704, 1.182)), ("high end", HIGH_END, (0.668, 3.806))):
    a, b, ll = fit([counts(pct, 7)])
    print(f"{name}: fit a {a!r} b {b!r} LL {ll!r}; LL at printed {log_likelihood(*printed, [counts(pct, 7)])!r}")
    print("  survival at printed, t = 1, 7, 12, 100:", [survival(*printed, t) for t in (1, 7, 12, 100)])
    print("  projection of years 0..12 (%):", [round(100 * survival(a, b, t), 2) for t in range(13)])
    for d in (0.1, 0.05):
        for renewals in (0, 4):
            print(f"  DERL d {d} renewals {renewals}: {derl(*printed, d, renewals)!r}")
print("multi-cohort (regular 7, 4, 2 years):", fit([counts(REGULAR, 7), counts(REGULAR, 4), counts(REGULAR, 2)]))
print("survival a 0.7 b 1.2 t 1e15:", survival(0.7, 1.2, 1e15))
# Survival beyond t = 1000 as the exact product of the retention rates (math.fsum of the logs):
# more accurate than betaln for large arguments.
import math
for a, b, t in ((1e6, 1e7, 2000), (5e3, 1e5, 3000), (0.7, 1.2, 5000)):
    print(f"survival product a {a} b {b} t {t}:", math.exp(math.fsum(-math.log1p(a / (b + k)) for k in range(t))))
for b, c, z in ((1.182, 1.886, 0.9), (4.806, 5.474, 1 / 1.1), (2.5, 10.0, 0.5), (0.3, 0.35, 0.99),
                (50.0, 51.0, 0.999), (1.0, 2.0, 0.5)):
    print(f"hyp2f1(1, {b}, {c}, {z!r}) = {hyp2f1(1, b, c, z)!r}")
