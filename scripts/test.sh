#!/usr/bin/env bash
# Runs every test: sets up and builds first (scripts/setup.sh), then the unit tests
# (GoogleTest on the library) and the integration tests (real headless LibreOffice), the
# unit tests again under AddressSanitizer + UBSan, and a bounded fuzzing run.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
ctest --preset default "$@"
echo "== unit tests under AddressSanitizer + UndefinedBehaviorSanitizer"
cmake --preset asan >/dev/null
cmake --build --preset asan -j "$(nproc)"
ctest --preset asan
echo "== fuzzing, ${CM_FUZZ_SECONDS:-20} s a target"
scripts/fuzz.sh "${CM_FUZZ_SECONDS:-20}"
