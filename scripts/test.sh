#!/usr/bin/env bash
# Set up, then run the linters, the type checker and the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
./scripts/install-chromium.sh
.venv/bin/ruff check referat tests scripts
.venv/bin/mypy
.venv/bin/pytest "$@"
