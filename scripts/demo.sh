#!/usr/bin/env bash
# The main job on a fresh Debian 12 machine: installs what is missing, builds the
# library, the add-in and the .oxt, installs it into a private LibreOffice profile
# (build/profile) and shows real Calc computing every worked example of the articles.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
PYTHONPATH="$PWD/python:$PWD/tests/reference:$PWD/tests/integration:$PWD/templates" exec /usr/bin/python3 scripts/demo.py
