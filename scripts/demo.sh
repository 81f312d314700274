#!/usr/bin/env bash
# Set up, parse the bundled example minutes into parsed/, store them in referat.sqlite and search them.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
.venv/bin/referat parse examples --out parsed
echo
.venv/bin/referat ingest examples --db referat.sqlite
echo
echo '$ referat search indsats --limit 3'
.venv/bin/referat search indsats --limit 3 --db referat.sqlite
echo
echo "JSON per meeting: $(pwd)/parsed/   database: $(pwd)/referat.sqlite"
echo "Try: .venv/bin/referat search ledighed --db referat.sqlite   (all commands: .venv/bin/referat --help)"
