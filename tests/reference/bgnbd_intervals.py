"""The BG/NBD predictions and their delta-method intervals, written from docs/FUNCTIONS.md
(section 9, "How sure is the fit") with numpy and SciPy, never from the C++: the second
implementation that the Calc tests (test_models.py) and the test sheet tests/sheets/intervals.fods
(written by tests/sheets/make_sheet.py) compare the add-in with.

  P(alive): P. S. Fader, B. G. S. Hardie, K. L. Lee, "Computing P(alive) using the BG/NBD model",
  2008 note; E: FHL 2005, "'Counting your customers' the easy way", Marketing Science 24(2),
  eq. 10 as printed (scipy.special.hyp2f1); spend: Fader & Hardie, "The Gamma-Gamma model of
  monetary value", 2013 note; the interval: link(g) ± z·sd on the log-parameters, logit for a
  probability, log for a positive value.
"""
import numpy as np
from scipy import special, stats


def p_alive(r, alpha, a, b, x, tx, T):
    return 1.0 if x == 0 else 1 / (1 + a / (b + x - 1) * ((alpha + T) / (alpha + tx)) ** (r + x))


def expected(r, alpha, a, b, x, tx, T, t):
    z = t / (alpha + T + t)
    bracket = 1 - ((alpha + T) / (alpha + T + t)) ** (r + x) * special.hyp2f1(r + x, b + x, a + b + x - 1, z)
    return (a + b + x - 1) / (a - 1) * bracket * p_alive(r, alpha, a, b, x, tx, T)


def gg_spend(p, q, v, x, m):
    return p * (v + x * m) / (p * x + q - 1)


def clv(params, gg, x, tx, T, m, margin, discount, horizon):
    e = [0.0] + [expected(*params, x, tx, T, k) for k in range(1, int(horizon) + 1)]
    return margin * gg_spend(*gg, x, m) * sum((e[k] - e[k - 1]) / (1 + discount) ** k for k in range(1, len(e)))


def _link_gradient(g, params, link):
    params = np.asarray(params, float)
    return np.array([(link(g(params * np.exp(h))) - link(g(params * np.exp(-h)))) / 2e-5
                     for h in np.eye(len(params)) * 1e-5])


def delta_interval(g, params, covariance, level=0.95, probability=False):
    """g(params) with its interval; covariance on the parameters' own scale (the fit's rows)."""
    params = np.asarray(params, float)
    value = g(params)
    if value == 0 or (probability and value == 1):
        return value, value
    link = (lambda p: np.log(p / (1 - p))) if probability else np.log
    inverse = (lambda h: 1 / (1 + np.exp(-h))) if probability else np.exp
    z = stats.norm.ppf((1 + level) / 2)
    log_cov = np.asarray(covariance, float) / np.outer(params, params)
    grad = _link_gradient(g, params, link)
    sd = np.sqrt(grad @ log_cov @ grad)
    return inverse(link(value) - z * sd), inverse(link(value) + z * sd)


def two_fit_interval(g, first, first_cov, second, second_cov, level=0.95):
    """g(first, second) of two independent fits, on the log scale."""
    first, second = np.asarray(first, float), np.asarray(second, float)
    value = g(first, second)
    z = stats.norm.ppf((1 + level) / 2)
    variance = 0.0
    for params, cov, part in ((first, first_cov, lambda p: g(p, second)), (second, second_cov, lambda p: g(first, p))):
        grad = _link_gradient(part, params, np.log)
        variance += grad @ (np.asarray(cov, float) / np.outer(params, params)) @ grad
    sd = np.sqrt(variance)
    return value * np.exp(-z * sd), value * np.exp(z * sd)
