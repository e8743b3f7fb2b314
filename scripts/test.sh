#!/usr/bin/env bash
# Runs every test: sets up and builds first (scripts/setup.sh), then the unit tests
# (GoogleTest on the library) and the integration tests (real headless LibreOffice).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
ctest --preset default "$@"
