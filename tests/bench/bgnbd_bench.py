"""BGNBD_FIT and PNBD_FIT on the raw CDNOW master log (69 659 orders, 23 570 customers;
data/cdnow, Fader, Hardie & Lee 2005) in real headless Calc, against a reference fit written
with SciPy in the same run: the same summary (same-day orders merged, weeks, calibration to
1997-09-30) and the same log-likelihood (BG/NBD: FHL 2005, "Counting your customers the easy
way", eq. 6; Pareto/NBD: Fader, Hardie & Lee 2005, "A note on deriving the Pareto/NBD model and
related expressions", eq. 22, with the Gaussian hypergeometric function of SciPy in both
regimes, alpha >= beta and alpha < beta), minimised by Nelder-Mead in log-parameters from all
parameters 1 (lifetimes' start). Prints both fits, whether they agree to 4 significant digits,
and the ratio.

  PYTHONPATH=python:tests/bench /usr/bin/python3 tests/bench/bgnbd_bench.py [--model pnbd] [--repeat 5]

A benchmark measures; the only check is that both fits agree (a speed ratio between two
different answers would mean nothing).
"""
import argparse
import datetime
import json
import os
import statistics
import tempfile
import time

import numpy as np
from scipy import optimize, special

import cmoffice as lo
import fods

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BASE = datetime.date(1899, 12, 30)
CAL_END = (datetime.date(1997, 9, 30) - BASE).days


def read_master():
    """(ids as text, serial dates, dollars) of CDNOW_master.txt."""
    ids, dates, amounts = [], [], []
    with open(os.path.join(ROOT, "data", "cdnow", "CDNOW_master.txt")) as f:
        next(f)
        for line in f:
            fields = line.split()
            if len(fields) != 4:
                continue
            d = fields[1]
            ids.append(fields[0])
            dates.append((datetime.date(int(d[:4]), int(d[4:6]), int(d[6:])) - BASE).days)
            amounts.append(float(fields[3]))
    return ids, np.array(dates, dtype=float), np.array(amounts)


def summary(ids, dates):
    """x, t_x, T (weeks) of every customer seen in the calibration period, with numpy: same-day
    orders merged, to 1997-09-30."""
    codes, customer = np.unique(np.array(ids), return_inverse=True)
    keep = dates <= CAL_END
    pairs = np.unique(np.stack([customer[keep], dates[keep]], axis=1), axis=0)  # distinct days
    c, d = pairs[:, 0].astype(int), pairs[:, 1]
    n = len(codes)
    first = np.full(n, np.inf)
    np.minimum.at(first, c, d)
    last = np.full(n, -np.inf)
    np.maximum.at(last, c, d)
    days = np.bincount(c, minlength=n)
    seen = days > 0
    x = (days - 1)[seen].astype(float)
    t_x = (last - first)[seen] / 7
    T = (CAL_END - first)[seen] / 7
    return x, t_x, T


def bgnbd_negative_ll(theta, x, t_x, T):
    """Minus the BG/NBD log-likelihood (FHL 2005, eq. 6) at log-parameters theta."""
    r, alpha, a, b = np.exp(theta)
    base = (special.gammaln(r + x) - special.gammaln(r) + r * np.log(alpha)
            + special.betaln(a, b + x) - special.betaln(a, b))
    first_term = -(r + x) * np.log(alpha + T)
    second = np.where(x > 0, np.log(a) - np.log(np.maximum(b + x - 1, 1e-300)) - (r + x) * np.log(alpha + t_x),
                      -np.inf)
    return -np.sum(base + np.logaddexp(first_term, second))


def pnbd_negative_ll(theta, x, t_x, T):
    """Minus the Pareto/NBD log-likelihood at log-parameters theta (FHL 2005 note, eq. 22):
    L = Γ(r+x) α^r β^s / Γ(r) · [(α+T)^−(r+x) (β+T)^−s + s/(r+s+x) · A0], A0 the difference at
    t_x and T of ₂F₁(r+s+x, s+1; r+s+x+1; (α−β)/(α+t)) / (α+t)^(r+s+x) when α >= β, of
    ₂F₁(r+s+x, r+x; r+s+x+1; (β−α)/(β+t)) / (β+t)^(r+s+x) when α < β; in logs."""
    r, alpha, s, beta = np.exp(theta)
    c = r + s + x
    if alpha >= beta:
        def log_term(t):
            return np.log(special.hyp2f1(c, s + 1, c + 1, (alpha - beta) / (alpha + t))) - c * np.log(alpha + t)
    else:
        def log_term(t):
            return np.log(special.hyp2f1(c, r + x, c + 1, (beta - alpha) / (beta + t))) - c * np.log(beta + t)
    at_tx, at_T = log_term(t_x), log_term(T)
    with np.errstate(divide="ignore"):
        log_a0 = at_tx + np.log1p(-np.exp(np.minimum(at_T - at_tx, 0)))  # -inf where t_x = T
    base = special.gammaln(r + x) - special.gammaln(r) + r * np.log(alpha) + s * np.log(beta)
    alive = -(r + x) * np.log(alpha + T) - s * np.log(beta + T)
    return -np.sum(base + np.logaddexp(alive, np.log(s / c) + log_a0))


MODELS = {
    "bgnbd": dict(function="BGNBD_FIT", names=["r", "alpha", "a", "b", "LL"], negative_ll=bgnbd_negative_ll),
    "pnbd": dict(function="PNBD_FIT", names=["r", "alpha", "s", "beta", "LL"], negative_ll=pnbd_negative_ll),
}


def scipy_fit(ids, dates, model="bgnbd"):
    """The reference: numpy summary, then Nelder-Mead on the negative log-likelihood."""
    x, t_x, T = summary(ids, dates)
    negative_ll = MODELS[model]["negative_ll"]
    result = optimize.minimize(negative_ll, np.zeros(4), args=(x, t_x, T), method="Nelder-Mead",
                               options=dict(xatol=1e-8, fatol=1e-8, maxiter=20000, maxfev=40000))
    return list(np.exp(result.x)) + [-result.fun], int(result.nfev)


def significant(value, digits=4):
    return float("%.*g" % (digits, value))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", choices=sorted(MODELS), default="bgnbd")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--oxt", default=os.path.join(ROOT, "build", "customermetrics.oxt"))
    parser.add_argument("--json", help="default: build/bench/<model>_bench.json")
    args = parser.parse_args()
    model = MODELS[args.model]
    args.json = args.json or os.path.join(ROOT, "build", "bench", "%s_bench.json" % args.model)

    ids, dates, amounts = read_master()
    print("CDNOW master: %d orders, %d customers" % (len(ids), len(set(ids))), flush=True)

    scipy_times = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        reference, evaluations = scipy_fit(ids, dates, args.model)
        scipy_times.append(time.perf_counter() - start)
    scipy_seconds = statistics.median(scipy_times)

    folder = tempfile.mkdtemp(prefix="cm-bgnbd-bench-")
    path = os.path.join(folder, "cdnow_master.fods")
    n = len(ids)
    formula = fods.Matrix("of:=ORG.CUSTOMERMETRICS.FUNCTIONS.%s([.A1:.A%d];[.B1:.B%d];%d)"
                          % (model["function"], n, n, CAL_END), 1, 5)
    fods.write(path, ([i, d, v] + ([None, formula] if k == 0 else []) for k, (i, d, v) in enumerate(zip(ids, dates, amounts))))
    office = lo.office_with_extension(args.oxt)
    try:
        doc = office.open(path)
        try:
            doc.calculateAll()
            times = []
            for _ in range(args.repeat):
                start = time.perf_counter()
                doc.calculateAll()
                times.append(time.perf_counter() - start)
            calc_seconds = statistics.median(times)
            row = doc.Sheets.getByIndex(0).getCellRangeByName("E1:I1")
            errors = [row.getCellByPosition(k, 0).getError() for k in range(5)]
            ours = [row.getCellByPosition(k, 0).getValue() for k in range(5)]
        finally:
            doc.close(True)
    finally:
        office.stop()
        lo.remove_profile(office)

    names = model["names"]
    agree = not any(errors) and all(significant(a) == significant(b) for a, b in zip(ours, reference))
    print(model["function"] + " in Calc: " + ", ".join("%s %.6g" % p for p in zip(names, ours)) + (" ERRORS %r" % errors if any(errors) else ""))
    print("SciPy Nelder-Mead: " + ", ".join("%s %.6g" % p for p in zip(names, reference)) + " (%d evaluations)" % evaluations)
    print("same to 4 significant digits: %s" % ("yes" if agree else "NO"))
    print("median of %d: Calc recalculation %.3f s, SciPy summary + fit %.3f s: %.1f× faster" % (
        args.repeat, calc_seconds, scipy_seconds, scipy_seconds / calc_seconds))
    os.makedirs(os.path.dirname(args.json), exist_ok=True)
    with open(args.json, "w") as out:
        json.dump(dict(calc=ours, scipy=reference, agree=agree, calc_seconds=calc_seconds,
                       scipy_seconds=scipy_seconds, scipy_evaluations=evaluations, repeat=args.repeat), out, indent=1)


if __name__ == "__main__":
    main()
