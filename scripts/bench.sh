#!/usr/bin/env bash
# Benchmarks (they measure, they check nothing): the library alone with Google Benchmark,
# then real headless Calc recalculating generated documents, the add-in against the
# native formula that gives the same numbers, in the same run. Results: docs/PERFORMANCE.md.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
echo "== library (Google Benchmark)"
build/tests/bench/cm_core_bench --benchmark_min_time=0.5
echo "== sBG model (Google Benchmark)"
build/tests/bench/cm_sbg_bench --benchmark_min_time=0.5
echo "== real Calc"
PYTHONPATH="$PWD/python:$PWD/tests/reference:$PWD/tests/integration" /usr/bin/python3 tests/bench/calc_bench.py "$@"
echo "== BG/NBD fit of the CDNOW master log: Calc against SciPy"
PYTHONPATH="$PWD/python:$PWD/tests/bench" /usr/bin/python3 tests/bench/bgnbd_bench.py
echo "== Pareto/NBD fit of the CDNOW master log: Calc against SciPy"
PYTHONPATH="$PWD/python:$PWD/tests/bench" /usr/bin/python3 tests/bench/bgnbd_bench.py --model pnbd
echo "== BG/NBD fits of simulated data sets: the library against SciPy's Nelder-Mead (robustness)"
PYTHONPATH="$PWD/python:$PWD/tests/bench" /usr/bin/python3 tests/bench/robustness.py
echo "== Pareto/NBD fits of simulated data sets: the library against SciPy's Nelder-Mead (robustness)"
PYTHONPATH="$PWD/python:$PWD/tests/bench" /usr/bin/python3 tests/bench/robustness.py --model pnbd
echo "== real Calc: intervals down a column of the CDNOW master log's customers"
PYTHONPATH="$PWD/python:$PWD/tests/reference:$PWD/tests/integration:$PWD/tests/bench" /usr/bin/python3 tests/bench/interval_bench.py
echo "== real Calc: subscription revenue (MRR_MOVEMENTS against a native SUMIFS grid)"
PYTHONPATH="$PWD/python:$PWD/tests/reference:$PWD/tests/integration:$PWD/tests/bench" /usr/bin/python3 tests/bench/calc_bench_subscription.py
