#!/usr/bin/python3
"""Independent reference values for tests/unit/bgbb_test.cpp (the BG/BB model).

Implements the formulas of P. S. Fader, B. G. S. Hardie and J. Shang, "Customer-base analysis
in a discrete-time noncontractual setting", Marketing Science 29(6), 2010 (FHS 2010) directly
with SciPy (betaln, gammaln, hyp2f1), each in the form the paper prints, never the library's
rearrangements:
  the likelihood L(α, β, γ, δ | x, t_x, n) as a sum of beta-function terms;
  P(alive at n+1) = B(α+x, β+n−x)/B(α, β) · B(γ, δ+n+1)/B(γ, δ) / L;
  E[X(n, n+n*)] = B(α+x+1, β+n−x)/B(α, β) · δ/(γ−1) · Γ(γ+δ)/Γ(1+δ)
                  · [Γ(1+δ+n)/Γ(γ+δ+n) − Γ(1+δ+n+n*)/Γ(γ+δ+n+n*)] / L;
  DERT(d) = B(α+x+1, β+n−x)/B(α, β) · B(γ, δ+n+1)/(B(γ, δ)(1+d))
            · 2F1(1, δ+n+1; γ+δ+n+1; 1/(1+d)) / L   (eq. 14), and as a direct sum of the
            discounted P(transaction at n+k) for a second opinion;
  E[X(n)] = α/(α+β) · δ/(γ−1) · [1 − Γ(γ+δ)/Γ(γ+δ+n) · Γ(1+δ+n)/Γ(1+δ)];
  P(X(n) = x) = C(n, x) B(α+x, β+n−x)/B(α, β) · B(γ, δ+n)/B(γ, δ)
                + Σ_{i=x}^{n−1} C(i, x) B(α+x, β+i−x)/B(α, β) · B(γ+1, δ+i)/B(γ, δ).
The fit maximises the weighted log-likelihood of data/donations.csv with SciPy's
Nelder-Mead and then L-BFGS-B (numerical gradient) in log-parameters.
Run once; its output is pasted into the unit test (the library is never called here).
"""
import csv
import os

import numpy as np
from scipy import optimize, special

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
PUBLISHED = (1.204, 0.750, 0.657, 2.783)  # FHS 2010


def donations():
    with open(os.path.join(ROOT, "data", "donations.csv"), encoding="utf-8") as f:
        return [tuple(int(r[k]) for k in ("frequency", "recency", "periods", "weights")) for r in csv.DictReader(f)]


def likelihood(p, x, tx, n):
    a, b, g, d = p
    value = np.exp(special.betaln(a + x, b + n - x) - special.betaln(a, b)
                   + special.betaln(g, d + n) - special.betaln(g, d))
    for i in range(n - tx):
        value += np.exp(special.betaln(a + x, b + tx - x + i) - special.betaln(a, b)
                        + special.betaln(g + 1, d + tx + i) - special.betaln(g, d))
    return value


def loglik(p, rows):
    return sum(w * np.log(likelihood(p, x, tx, n)) for x, tx, n, w in rows)


def p_alive(p, x, tx, n):
    a, b, g, d = p
    return np.exp(special.betaln(a + x, b + n - x) - special.betaln(a, b)
                  + special.betaln(g, d + n + 1) - special.betaln(g, d)) / likelihood(p, x, tx, n)


def expected(p, x, tx, n, n_star):
    a, b, g, d = p
    first = np.exp(special.betaln(a + x + 1, b + n - x) - special.betaln(a, b))
    gammas = np.exp(special.gammaln(1 + d + n) - special.gammaln(g + d + n)) - \
        np.exp(special.gammaln(1 + d + n + n_star) - special.gammaln(g + d + n + n_star))
    return first * d / (g - 1) * np.exp(special.gammaln(g + d) - special.gammaln(1 + d)) * gammas / likelihood(p, x, tx, n)


def dert_hyp2f1(p, x, tx, n, disc):
    a, b, g, d = p
    first = np.exp(special.betaln(a + x + 1, b + n - x) - special.betaln(a, b)
                   + special.betaln(g, d + n + 1) - special.betaln(g, d))
    return first / (1 + disc) * special.hyp2f1(1, d + n + 1, g + d + n + 1, 1 / (1 + disc)) / likelihood(p, x, tx, n)


def dert_sum(p, x, tx, n, disc, terms=20000):
    """Σ_k P(transaction at n+k | history) / (1+d)^k, P from the expectation's differences."""
    a, b, g, d = p
    first = np.exp(special.betaln(a + x + 1, b + n - x) - special.betaln(a, b)) / likelihood(p, x, tx, n)
    k = np.arange(1, terms + 1)
    alive = np.exp(special.betaln(g, d + n + k) - special.betaln(g, d))
    return first * float(np.sum(alive * np.exp(-k * np.log1p(disc))))


def expected_long_sum(p, x, tx, n, n_star):
    """E[X(n, n+n*)] as B(α+x+1, β+n−x)/B(α, β) Σ_k B(γ, δ+n+k)/B(γ, δ) / L, the sum's terms by
    their ratio (δ+n+k−1)/(γ+δ+n+k−1) in numpy's long double (80-bit on x86)."""
    a, b, g, d = p
    first = np.exp(special.betaln(a + x + 1, b + n - x) - special.betaln(a, b)
                   + special.betaln(g, d + n) - special.betaln(g, d)) / likelihood(p, x, tx, n)
    k = np.arange(1, n_star + 1, dtype=np.longdouble)
    ratios = (np.longdouble(d) + n + k - 1) / (np.longdouble(g) + np.longdouble(d) + n + k - 1)
    return float(np.longdouble(first) * np.sum(np.cumprod(ratios)))


def expected_new(p, n):
    a, b, g, d = p
    return a / (a + b) * d / (g - 1) * (1 - np.exp(special.gammaln(g + d) - special.gammaln(g + d + n)
                                                    + special.gammaln(1 + d + n) - special.gammaln(1 + d)))


def pmf(p, n, x):
    a, b, g, d = p
    value = special.comb(n, x) * np.exp(special.betaln(a + x, b + n - x) - special.betaln(a, b)
                                        + special.betaln(g, d + n) - special.betaln(g, d))
    for i in range(x, n):
        value += special.comb(i, x) * np.exp(special.betaln(a + x, b + i - x) - special.betaln(a, b)
                                             + special.betaln(g + 1, d + i) - special.betaln(g, d))
    return value


def fit(rows):
    objective = lambda theta: -loglik(np.exp(theta), rows)
    start = np.zeros(4)  # (1, 1, 1, 1)
    nm = optimize.minimize(objective, start, method="Nelder-Mead",
                           options={"xatol": 1e-10, "fatol": 1e-10, "maxiter": 20000, "maxfev": 40000})
    polished = optimize.minimize(objective, nm.x, method="L-BFGS-B", options={"ftol": 1e-15, "gtol": 1e-10})
    best = polished if polished.fun < nm.fun else nm
    return np.exp(best.x), -best.fun


def main():
    rows = donations()
    customers = sum(w for *_, w in rows)
    print(f"donations: {len(rows)} rows, {customers} donors")
    print(f"LL at the published (1.204, 0.750, 0.657, 2.783): {loglik(PUBLISHED, rows):.10f}")
    params, ll = fit(rows)
    print("maximum likelihood:", " ".join(f"{v:.10g}" for v in params), f"LL {ll:.10f}")
    p = PUBLISHED
    print("per history at the published parameters: x t_x n | ln L | P(alive 2002) | E next 5 | E next 10 | "
          "DERT(0.1) by 2F1 | by the sum")
    for x, tx, n, w in rows:
        print(f"  {x} {tx} {n} | {np.log(likelihood(p, x, tx, n)):.15g} | {p_alive(p, x, tx, n):.15g} | "
              f"{expected(p, x, tx, n, 5):.15g} | {expected(p, x, tx, n, 10):.15g} | "
              f"{dert_hyp2f1(p, x, tx, n, 0.1):.15g} | {dert_sum(p, x, tx, n, 0.1):.15g}")
    q = tuple(params)
    print("at the maximum-likelihood fit:")
    print("  Σ weight · E[next 5] =", f"{sum(w * expected(q, x, tx, n, 5) for x, tx, n, w in rows):.10g}",
          "(Hardie's spreadsheet: 12884.2)")
    print("  E[next 10] of (0, 0, 6) and (4, 5, 6):", f"{expected(q, 0, 0, 6, 10):.10g} {expected(q, 4, 5, 6, 10):.10g}",
          "(BTYD walkthrough: 0.1302169, 3.627858)")
    print("  P(alive 2002) of (0,0,6), (2,4,6), (6,6,6):",
          " ".join(f"{p_alive(q, *h, 6):.10g}" for h in ((0, 0), (2, 4), (6, 6))), "(FHS 2010 table: 0.11, 0.59, 0.93)")
    print("  E[X(10)] of a new customer:", f"{expected_new(q, 10):.10g}", "(BTYD walkthrough: 3.179805)")
    print("  expected histogram of 1996-2001, 11104 × P(X(6) = x):",
          " ".join(f"{customers * pmf(q, 6, x):.6f}" for x in range(7)), "(Hardie's spreadsheet: 3454.9 ... 1253.1)")
    tracking = [customers * (expected_new(q, k) - expected_new(q, k - 1)) for k in range(1, 12)]
    print("  annual repeat donations 1996-2006, 11104 × (E[X(k)] − E[X(k−1)]):", " ".join(f"{v:.6f}" for v in tracking))
    print("  E[next 5] by frequency (BTYD's binned comparison):")
    for freq in range(7):
        sel = [(x, tx, n, w) for x, tx, n, w in rows if x == freq]
        print(f"    x={freq}: {sum(w * expected(q, x, tx, n, 5) for x, tx, n, w in sel) / sum(w for *_, w in sel):.10g}")
    print("published parameters, new customer: E[X(n)] n = 1..11:",
          " ".join(f"{expected_new(p, n):.15g}" for n in range(1, 12)))
    print("published parameters, P(X(6) = x):", " ".join(f"{pmf(p, 6, x):.15g}" for x in range(7)))
    print("published parameters, DERT of (3, 4, 6) and (6, 6, 6) at 0.1 (BTYD's example customer):",
          f"{dert_hyp2f1(p, 3, 4, 6, 0.1):.15g} {dert_hyp2f1(p, 6, 6, 6, 0.1):.15g}")
    print("gamma > 1: DERT at 0.01 and 0 of (2, 5, 10) with (0.8, 1.5, 2.5, 4):",
          f"{dert_hyp2f1((0.8, 1.5, 2.5, 4), 2, 5, 10, 0.01):.15g}",
          f"{dert_sum((0.8, 1.5, 2.5, 4), 2, 5, 10, 0.0, terms=2000000):.15g}",
          "closed", f"{np.exp(special.betaln(0.8 + 2 + 1, 1.5 + 8) - special.betaln(0.8, 1.5)) * (4 + 10) / 1.5 / likelihood((0.8, 1.5, 2.5, 4), 2, 5, 10) * np.exp(special.betaln(2.5, 14) - special.betaln(2.5, 4)):.15g}")
    btyd = (1.203528, 0.7497260, 0.6567808, 2.783796)  # the BTYD walkthrough's third estimate
    print("at BTYD's printed estimate (1.203528, 0.7497260, 0.6567808, 2.783796): E[X(10)]",
          f"{expected_new(btyd, 10):.10g}; E[next 10] of (0, 0, 6), (4, 5, 6):",
          f"{expected(btyd, 0, 0, 6, 10):.10g} {expected(btyd, 4, 5, 6, 10):.10g}; tracking:",
          " ".join(f"{customers * (expected_new(btyd, k) - expected_new(btyd, k - 1)):.4f}" for k in range(1, 12)))
    print("long horizon: E[next 10^6] of (2, 5, 10) with the published parameters, the Gamma-function",
          f"formula {expected(p, 2, 5, 10, 10**6):.15g} (its log-gammas of 10^6 carry ~1e-9 of error) and the",
          f"sum in long double {expected_long_sum(p, 2, 5, 10, 10**6):.15g}")


if __name__ == "__main__":
    main()
