#!/usr/bin/python3
"""Independent reference values for tests/unit/bgnbd_test.cpp and gamma_gamma_test.cpp.

Implements the published formulas directly with SciPy (scipy.special.hyp2f1, betaln,
gammaln) and, as a second opinion on E, a numerical integral over the posterior of p:
  P. S. Fader, B. G. S. Hardie, K. L. Lee, "'Counting your customers' the easy way: an
  alternative to the Pareto/NBD model", Marketing Science 24(2), 2005: eq. 6 (likelihood),
  eq. 9 (E[X(t)]), eq. 10 (conditional expectation);
  Fader, Hardie & Lee, "Computing P(alive) using the BG/NBD model", 2008 note;
  Fader & Hardie, "The Gamma-Gamma model of monetary value", 2013 note (E(M));
  FHL 2005 eq. 8 (P(X(t) = x)), as printed, with its finite sum over j < x, and a second
  opinion from scipy.stats.nbinom's survival function.
Run once; its output is pasted into the unit tests (the library is never called here).
"""
import numpy as np
from scipy import integrate, special

R, ALPHA, A, B = 0.243, 4.414, 0.793, 2.426          # FHL 2005, CDNOW sample fit
P, Q, V = 6.25, 3.74, 15.44                           # FH 2013, CDNOW Gamma-Gamma fit


def loglik(r, alpha, a, b, x, tx, T):
    base = (special.gammaln(r + x) - special.gammaln(r) + r * np.log(alpha)
            + special.betaln(a, b + x) - special.betaln(a, b))
    first = -(r + x) * np.log(alpha + T)
    if x == 0:
        return base + first
    second = np.log(a) - np.log(b + x - 1) - (r + x) * np.log(alpha + tx)
    return base + np.logaddexp(first, second)


def p_alive(r, alpha, a, b, x, tx, T):
    if x == 0:
        return 1.0
    return 1.0 / (1.0 + a / (b + x - 1) * ((alpha + T) / (alpha + tx)) ** (r + x))


def expected_hyp2f1(r, alpha, a, b, x, tx, T, t):
    """FHL 2005 eq. 10 as printed."""
    z = t / (alpha + T + t)
    bracket = 1 - ((alpha + T) / (alpha + T + t)) ** (r + x) * special.hyp2f1(r + x, b + x, a + b + x - 1, z)
    return (a + b + x - 1) / (a - 1) * bracket * p_alive(r, alpha, a, b, x, tx, T)


def expected_integral(r, alpha, a, b, x, tx, T, t):
    """E[X(t) | alive] = E over p ~ Beta(a, b+x) of (1 - ((α+T)/(α+T+pt))^(r+x)) / p."""
    # QUADPACK's QAWS: the Beta density's p^(a-1) (1-p)^(b+x-1) as an algebraic weight, so its
    # endpoint singularities are integrated exactly; the smooth rest by Gauss-Kronrod.
    u = t / (alpha + T)

    def smooth(p):
        return -np.expm1(-(r + x) * np.log1p(p * u)) / p if p > 0 else (r + x) * u
    value, _ = integrate.quad(smooth, 0, 1, weight="alg", wvar=(a - 1, b + x - 1), epsabs=0, epsrel=1e-13)
    value *= np.exp(-special.betaln(a, b + x))
    return value * p_alive(r, alpha, a, b, x, tx, T)


def pmf_printed(r, alpha, a, b, t, x):
    """FHL 2005 eq. 8 as printed: the finite sum 1 − Σ_{j<x} of the NBD terms."""
    p0 = alpha / (alpha + t)
    nb = lambda j: np.exp(special.gammaln(r + j) - special.gammaln(r) - special.gammaln(j + 1)
                          + r * np.log(p0) + j * np.log1p(-p0))
    value = np.exp(special.betaln(a, b + x) - special.betaln(a, b)) * nb(x)
    if x > 0:
        value += np.exp(special.betaln(a + 1, b + x - 1) - special.betaln(a, b)) * (1 - sum(nb(j) for j in range(x)))
    return value


def pmf_scipy(r, alpha, a, b, t, x):
    """The same with the NBD's upper tail P(N >= x) = nbinom.sf(x − 1) (no cancellation)."""
    from scipy import stats
    p0 = alpha / (alpha + t)
    value = np.exp(special.betaln(a, b + x) - special.betaln(a, b)) * stats.nbinom.pmf(x, r, p0)
    if x > 0:
        value += np.exp(special.betaln(a + 1, b + x - 1) - special.betaln(a, b)) * stats.nbinom.sf(x - 1, r, p0)
    return value


def main():
    customers = [(0, 0, 38.86), (2, 30.43, 38.86), (1, 1.0, 38.0), (7, 35.0, 38.0), (7, 10.0, 38.0),
                 (20, 38.0, 39.0), (0, 0, 0)]
    print("P(alive), E[X(39)] by eq. 10, by the integral:")
    for x, tx, T in customers:
        pa = p_alive(R, ALPHA, A, B, x, tx, T)
        e1 = expected_hyp2f1(R, ALPHA, A, B, x, tx, T, 39)
        e2 = expected_integral(R, ALPHA, A, B, x, tx, T, 39)
        print(f"  x={x} t_x={tx} T={T}: {pa:.15g} {e1:.15g} {e2:.15g}  LL={loglik(R, ALPHA, A, B, x, tx, T):.15g}")
    print("unconditional E[X(t)] (x = t_x = T = 0), eq. 9 via eq. 10:")
    for t in (1, 10, 39, 78, 1e-6):
        print(f"  t={t}: {expected_hyp2f1(R, ALPHA, A, B, 0, 0, 0, t):.15g} {expected_integral(R, ALPHA, A, B, 0, 0, 0, t):.15g}")
    print("a = 1 (eq. 10 is 0/0; the integral is not): r=0.5 alpha=3 a=1 b=2, x=3 t_x=20 T=30 t=10:",
          f"{expected_integral(0.5, 3, 1, 2, 3, 20, 30, 10):.15g}")
    print("x in the hundreds: x=300 t_x=99 T=100 t=5:", f"{expected_integral(R, ALPHA, A, B, 300, 99, 100, 5):.15g}",
          f"{expected_hyp2f1(R, ALPHA, A, B, 300, 99, 100, 5):.15g}")
    print("a + b < 1: r=0.3 alpha=2 a=0.3 b=0.4, x=0 T=10 t=20:", f"{expected_integral(0.3, 2, 0.3, 0.4, 0, 0, 10, 20):.15g}")
    print("CLV of x=2 t_x=30.43 T=38.86, spend 35, margin 0.3, discount 0.01 per period, 52 periods:")
    e = [expected_hyp2f1(R, ALPHA, A, B, 2, 30.43, 38.86, k) if k else 0.0 for k in range(53)]
    clv = 0.3 * 35 * sum((e[k] - e[k - 1]) / 1.01 ** k for k in range(1, 53))
    print(f"  {clv:.15g}  (E(52) = {e[52]:.15g})")
    print("P(X(t) = k), eq. 8 as printed and with scipy's NBD tail:")
    for t, k in ((2, 10), (39, 0), (30, 11), (30, 20), (39, 1), (39, 5), (78, 3), (1, 0), (1, 1), (200, 50)):
        print(f"  t={t} k={k}: {pmf_printed(R, ALPHA, A, B, t, k):.15g} {pmf_scipy(R, ALPHA, A, B, t, k):.15g}")
    print("Gamma-Gamma E(M):")
    for x, m in ((1, 20.0), (5, 35.5), (0, 0.0)):
        print(f"  x={x} m={m}: {P * (V + x * m) / (P * x + Q - 1):.15g}")


if __name__ == "__main__":
    main()
