#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, AddressSanitizer + UBSan) in build-fuzz and runs each
# for a time, as ctest tests with the label fuzz:
#   scripts/fuzz.sh [seconds per target, default 20]
# scripts/test.sh runs it bounded; a developer's long run: scripts/fuzz.sh 3600.
# Each target reads its checked-in seed corpus (tests/fuzz/corpus/<name>) and a working
# corpus under build-fuzz/corpus that keeps what earlier runs learnt; the repository is never
# written. A crash fails the run and leaves its input in build-fuzz/artifacts/; replay it
# with build-fuzz/tests/fuzz/fuzz_<name> build-fuzz/artifacts/crash-...
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"
CC=clang CXX=clang++ cmake --preset fuzz -DCM_FUZZ_SECONDS="$seconds" >/dev/null
cmake --build --preset fuzz -j "$(nproc)"
status=0
ctest --preset fuzz -j "$(nproc)" || status=$?
# What each target did, from ctest's log of the run.
log=build-fuzz/Testing/Temporary/LastTest.log
awk '/^[0-9]+\/[0-9]+ Testing: /{name=$3} /^Done [0-9]+ runs in/{print "  " name ": " $2 " executions in " $5 " s"}' "$log"
if ((status)); then
  ls build-fuzz/artifacts/ | sed 's|^|  failing input: build-fuzz/artifacts/|'
fi
exit $status
