#!/usr/bin/python3
"""Independent standard errors for tests/unit/uncertainty_test.cpp.

The CDNOW sample (data/cdnow/CDNOW_sample.txt; Fader, Hardie & Lee 2005) summarised here with
numpy (same-day orders merged, weeks, calibration to 1997-09-30, the average value of the
repeat orders), each model fitted with SciPy (Nelder-Mead, then BFGS from there, in
log-parameters) and its standard errors taken from a central-difference Hessian of the
log-likelihood in the parameters themselves (step 1e-4 of each parameter), inverted with
numpy: the "observed information" the peers report (lifetimes' and CLVTools' summaries).
The library is never called here; the output is pasted into the unit test.
  BG/NBD: FHL 2005, eq. 6.   Gamma-Gamma: Fader & Hardie, "The Gamma-Gamma model of monetary
  value", 2013 note, eq. 1 (the likelihood of a customer's average of x repeat orders).
  Pareto/NBD: the closed form of Fader, Hardie & Lee's note (tests/reference/pnbd_reference.py),
  summed over the distinct histories.
  sBG: Fader & Hardie 2007, "How to project customer retention", Journal of Interactive
  Marketing 21(1), on years 0..7 of their two cohorts as counts of 1 000 (data/fader_hardie_2007.csv).
"""
import datetime
import os

import numpy as np
from scipy import optimize, special

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
END = datetime.date(1997, 9, 30)


def summary():
    orders = {}
    with open(os.path.join(ROOT, "data", "cdnow", "CDNOW_sample.txt")) as f:
        for line in f:
            fields = line.split()
            d = fields[2]
            day = datetime.date(int(d[:4]), int(d[4:6]), int(d[6:]))
            if day > END:
                continue
            per_day = orders.setdefault(fields[0], {})
            per_day[day] = per_day.get(day, 0.0) + float(fields[4])
    x, t_x, T, m = [], [], [], []
    for days in orders.values():
        ordered = sorted(days)
        first = ordered[0]
        x.append(len(ordered) - 1)
        t_x.append((ordered[-1] - first).days / 7)
        T.append((END - first).days / 7)
        repeat = [days[d] for d in ordered[1:]]
        m.append(sum(repeat) / len(repeat) if repeat else 0.0)
    return np.array(x, float), np.array(t_x), np.array(T), np.array(m)


def bgnbd_ll(params, x, t_x, T):
    r, alpha, a, b = params
    base = (special.gammaln(r + x) - special.gammaln(r) + r * np.log(alpha)
            + special.betaln(a, b + x) - special.betaln(a, b))
    first = -(r + x) * np.log(alpha + T)
    second = np.where(x > 0, np.log(a) - np.log(np.maximum(b + x - 1, 1e-300)) - (r + x) * np.log(alpha + t_x),
                      -np.inf)
    return np.sum(base + np.logaddexp(first, second))


def gg_ll(params, x, m):
    p, q, v = params
    keep = x > 0
    x, m = x[keep], m[keep]
    px = p * x
    return np.sum(special.gammaln(px + q) - special.gammaln(px) - special.gammaln(q) + q * np.log(v)
                  + px * np.log(x) + (px - 1) * np.log(m) - (px + q) * np.log(v + x * m))


def fit(ll, start):
    objective = lambda theta: -ll(np.exp(theta))
    first = optimize.minimize(objective, np.log(start), method="Nelder-Mead",
                              options=dict(xatol=1e-10, fatol=1e-10, maxiter=40000, maxfev=80000))
    second = optimize.minimize(objective, first.x, method="BFGS", options=dict(gtol=1e-9))
    best = second if second.fun <= first.fun else first
    return np.exp(best.x), -best.fun


def hessian(ll, params, relative=1e-4):
    k = len(params)
    h = relative * params
    H = np.zeros((k, k))
    for i in range(k):
        for j in range(k):
            def at(di, dj):
                p = params.copy()
                p[i] += di * h[i]
                p[j] += dj * h[j]
                return ll(p)
            H[i, j] = (at(1, 1) - at(1, -1) - at(-1, 1) + at(-1, -1)) / (4 * h[i] * h[j])
    return H


def report(name, ll, start, names):
    params, value = fit(ll, np.array(start, float))
    covariance = np.linalg.inv(-hessian(ll, params))
    print("%s: LL %.6f" % (name, value))
    for n, p, se in zip(names, params, np.sqrt(np.diag(covariance))):
        print("  %-6s %.6f  se %.6f" % (n, p, se))
    print("  correlation:\n", np.array2string(covariance / np.outer(np.sqrt(np.diag(covariance)),
                                                                   np.sqrt(np.diag(covariance))), precision=4))


def sbg_ll(params, alive):
    a, b = params
    total = 0.0
    for t in range(1, len(alive)):
        total += (alive[t - 1] - alive[t]) * (special.betaln(a + 1, b + t - 1) - special.betaln(a, b))
    return total + alive[-1] * (special.betaln(a, b + len(alive) - 1) - special.betaln(a, b))


def main():
    x, t_x, T, m = summary()
    print("customers %d, repeat buyers %d" % (len(x), int(np.sum(x > 0))))
    report("BG/NBD", lambda p: bgnbd_ll(p, x, t_x, T), [0.25, 4, 0.8, 2.5], ["r", "alpha", "a", "b"])
    report("Gamma-Gamma", lambda p: gg_ll(p, x, m), [6, 4, 15], ["p", "q", "v"])
    import collections
    import pnbd_reference
    histories = collections.Counter(pnbd_reference.cdnow_sample_summary())

    def pnbd_ll(p):
        return sum(n * pnbd_reference.loglik_closed_form(*p, x, tx, T) for (x, tx, T), n in histories.items())
    report("Pareto/NBD", pnbd_ll, [0.55, 10.5, 0.6, 11.7], ["r", "alpha", "s", "beta"])
    import csv
    with open(os.path.join(ROOT, "data", "fader_hardie_2007.csv")) as f:
        rows = list(csv.DictReader(f))
    for column in ("regular_alive_pct", "high_end_alive_pct"):
        alive = [10 * float(r[column]) for r in rows[:8]]
        report("sBG " + column, lambda p: sbg_ll(p, alive), [0.7, 2], ["alpha", "beta"])


if __name__ == "__main__":
    main()
