#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, AddressSanitizer + UBSan) and runs each for a time.
#   scripts/fuzz.sh [seconds per target, default 20]
# CI runs it bounded from scripts/test.sh; for a long run: scripts/fuzz.sh 3600.
# The checked-in corpus (tests/fuzz/corpus) seeds a working copy under build-fuzz, so a run
# never changes the repository; a crash leaves its input in build-fuzz/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$(nproc)"
mkdir -p build-fuzz/artifacts
status=0
for target in fuzz_scalar fuzz_ranges; do
  corpus="tests/fuzz/corpus/${target#fuzz_}"
  work="build-fuzz/corpus/${target#fuzz_}"
  mkdir -p "$work"
  cp -n "$corpus"/* "$work"/ 2>/dev/null || true
  log="build-fuzz/$target.log"
  if build-fuzz/tests/fuzz/$target -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
       -artifact_prefix=build-fuzz/artifacts/ -print_final_stats=1 "$work" >"$log" 2>&1; then
    echo "$target: $(grep -Eo 'Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1), no crash"
  else
    echo "$target: FAILED, see $log and build-fuzz/artifacts/"; tail -30 "$log"; status=1
  fi
done
exit $status
