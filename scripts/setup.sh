#!/usr/bin/env bash
# Installs the Debian 12 packages the project needs (only those missing), then
# configures and builds everything: library, add-in, .oxt, tests.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  cmake g++ make python3 zip
  libreoffice-calc libreoffice-core libreoffice-dev python3-uno   # the office, its SDK, UNO for Python
  libreoffice-l10n-ru                                             # a Russian Calc, for tests and users
  libboost-dev libgtest-dev libbenchmark-dev                      # library, unit tests, benchmarks
  libeigen3-dev liblbfgspp-dev                                    # the models' optimiser (header-only)
  python3-scipy python3-numpy                                     # independent references in tests, benchmarks
  clang libclang-rt-14-dev libasan8 libubsan1                     # sanitizers and libFuzzer
  poppler-utils                                                   # pdftoppm: rendered template pages
)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  echo "== installing: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
fi

echo "== building"
cmake --preset default >/dev/null
cmake --build --preset default -j "$(nproc)"
