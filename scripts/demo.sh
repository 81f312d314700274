#!/usr/bin/env bash
# Set up, then parse the bundled example minutes into parsed/ (one JSON file per meeting).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
.venv/bin/referat parse examples --out parsed
echo
echo "JSON for each meeting is in $(pwd)/parsed/; one meeting in full: .venv/bin/referat parse examples/lejre/*.txt"
