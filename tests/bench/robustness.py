"""How often a BG/NBD (or, with --model pnbd, a Pareto/NBD) fit reaches the maximum of the
likelihood: the library's fit (one fitting path, tests/bench/fit_cli.cpp) against a plain SciPy
Nelder-Mead as the peers run it (BTYD's optim default and lifetimes both use Nelder-Mead; here
SciPy's default options from all parameters 1, log-parameters 0), on simulated data sets of 10^3
to 10^6 customers (Pareto/NBD: to 10^5, its SciPy likelihood with hyp2f1 is slow) from parameter
sets across the published range and beyond. A benchmark of robustness, not a test:
docs/ROBUSTNESS.md records what it printed.

Each data set: customers observed for T ~ 27..39 weeks (as the CDNOW sample), λ ~ Gamma(r, α),
dropout probability p ~ Beta(a, b) after each purchase (Fader, Hardie & Lee 2005, "Counting
your customers the easy way", Marketing Science 24(2)). The maximum is the best log-likelihood
any of the two fits, or an L-BFGS-B polish from the better of them, reaches; a fit "reaches"
it when its log-likelihood is within 1e-3 of it.

Pareto/NBD data sets: λ ~ Gamma(r, α), a lifetime exponential with rate μ ~ Gamma(s, β)
(Schmittlein, Morrison & Colombo 1987), Poisson purchases until min(T, death).

    PYTHONPATH=python:tests/bench /usr/bin/python3 tests/bench/robustness.py [--quick] [--model pnbd]
"""
import argparse
import os
import subprocess
import sys
import time

import numpy as np
from scipy import optimize

from bgnbd_bench import bgnbd_negative_ll, pnbd_negative_ll

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CLI = os.path.join(ROOT, "build", "tests", "bench", "cm_fit_cli")

PARAMETER_SETS = [
    ("CDNOW (FHL 2005)", (0.243, 4.414, 0.793, 2.426)),
    ("frequent, loyal", (2.0, 5.0, 0.3, 8.0)),
    ("rare, fickle", (0.05, 50.0, 3.0, 0.4)),
    ("daily scale", (1.5, 200.0, 0.5, 5.0)),
]


PNBD_PARAMETER_SETS = [
    ("CDNOW (FH 2005 note)", (0.553, 10.578, 0.606, 11.669)),
    ("alpha < beta", (1.5, 5.0, 0.8, 40.0)),
    ("alpha > beta", (1.2, 12.0, 0.7, 5.0)),
    ("rare, short-lived", (0.1, 50.0, 2.0, 2.0)),
]


def simulate_pnbd(params, n, rng):
    r, alpha, s, beta = params
    lam = rng.gamma(r, 1 / alpha, n)
    mu = rng.gamma(s, 1 / beta, n)
    T = rng.integers(27, 40, n).astype(float)
    end = np.minimum(T, rng.exponential(1 / mu))
    x = rng.poisson(lam * end).astype(float)
    t_x = np.zeros(n)
    buyers = x > 0
    # the last of x uniform purchase times in [0, end]
    t_x[buyers] = end[buyers] * rng.beta(x[buyers], 1)
    return x, t_x, T


def simulate(params, n, rng):
    r, alpha, a, b = params
    lam = rng.gamma(r, 1 / alpha, n)
    p = rng.beta(a, b, n)
    T = rng.integers(27, 40, n).astype(float)
    in_window = rng.poisson(lam * T)
    # purchases made, the last followed by the dropout: geometric on {1, 2, ...}, in floats
    # (numpy's integer geometric overflows for p near 0, which Beta(0.3, 8) draws)
    with np.errstate(divide="ignore"):
        before_dropout = np.floor(np.log(rng.random(n)) / np.log1p(-p)) + 1
    x = np.minimum(in_window, before_dropout).astype(float)
    t_x = np.zeros(n)
    buyers = x > 0
    # the x-th of in_window uniform purchase times in [0, T]
    t_x[buyers] = T[buyers] * rng.beta(x[buyers], in_window[buyers] - x[buyers] + 1)
    return x, t_x, T


def ours(x, t_x, T, model="bgnbd"):
    text = "".join("%r,%r,%r\n" % row for row in zip(x.tolist(), t_x.tolist(), T.tolist()))
    out = subprocess.run([CLI, model], input=text, capture_output=True, text=True, check=True).stdout.split()
    if out[0] != "ok":
        return out[0], None
    return "ok", float(out[5])


def scipy_nelder_mead(x, t_x, T, negative_ll=bgnbd_negative_ll):
    with np.errstate(all="ignore"):
        result = optimize.minimize(negative_ll, np.zeros(4), args=(x, t_x, T), method="Nelder-Mead")
    return result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="10^3 and 10^4 only")
    parser.add_argument("--model", choices=["bgnbd", "pnbd"], default="bgnbd")
    args = parser.parse_args()
    pnbd = args.model == "pnbd"
    plan = [(1000, 10), (10000, 10), (100000, 2)] if pnbd else [(1000, 10), (10000, 10), (100000, 3), (1000000, 1)]
    if args.quick:
        plan = plan[:2]
    parameter_sets = PNBD_PARAMETER_SETS if pnbd else PARAMETER_SETS
    simulate_one = simulate_pnbd if pnbd else simulate
    negative_ll = pnbd_negative_ll if pnbd else bgnbd_negative_ll
    rng = np.random.default_rng(20261206)
    print("%-18s %9s %5s | %-28s | %-30s" % ("parameters", "customers", "sets", "ours: reached / 502 / 523",
                                             "SciPy NM: reached / stopped early"))
    totals = np.zeros(5, dtype=int)
    for label, params in parameter_sets:
        for n, sets in plan:
            reached_ours = reached_theirs = refused_502 = refused_523 = early = 0
            seconds_ours = seconds_theirs = 0.0
            for _ in range(sets):
                x, t_x, T = simulate_one(params, n, rng)
                start = time.perf_counter()
                status, ll_ours = ours(x, t_x, T, args.model)
                seconds_ours += time.perf_counter() - start
                start = time.perf_counter()
                nm = scipy_nelder_mead(x, t_x, T, negative_ll)
                seconds_theirs += time.perf_counter() - start
                ll_theirs = -nm.fun if np.isfinite(nm.fun) else -np.inf
                early += 0 if nm.success else 1
                # the maximum: the better of the two, polished
                candidates = [ll_theirs] + ([ll_ours] if ll_ours is not None else [])
                with np.errstate(all="ignore"):
                    polish = optimize.minimize(negative_ll, nm.x, args=(x, t_x, T), method="L-BFGS-B")
                if np.isfinite(polish.fun):
                    candidates.append(-polish.fun)
                best = max(candidates)
                if status == "ok":
                    reached_ours += ll_ours >= best - 1e-3
                elif status == "unidentified":
                    refused_502 += 1
                else:
                    refused_523 += 1
                reached_theirs += ll_theirs >= best - 1e-3
            totals += [sets, reached_ours, refused_502 + refused_523, reached_theirs, early]
            print("%-18s %9d %5d | %5d / %3d / %3d  %8.2f s | %5d / %5d       %8.2f s" % (
                label, n, sets, reached_ours, refused_502, refused_523, seconds_ours,
                reached_theirs, early, seconds_theirs), flush=True)
    print("in all: %d data sets; ours reached the maximum in %d (refused %d), SciPy's Nelder-Mead in %d "
          "(stopped early, maxiter reached, in %d)" % tuple(totals))


if __name__ == "__main__":
    sys.exit(main())
