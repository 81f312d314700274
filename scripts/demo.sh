#!/usr/bin/env bash
# Set up, store the bundled example minutes in referat.sqlite, and serve the web UI on http://127.0.0.1:8000/.
# PORT=8080 ./scripts/demo.sh serves another port; stop with Ctrl+C.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
PORT=${PORT:-8000}
DB=referat.sqlite
# Five example minutes (text and Markdown) and eleven real Greve meetings in FirstAgenda JSON
# (five of them chosen for decisions with several vote events: amendments, budget proposals).
.venv/bin/referat ingest examples --db "$DB"
.venv/bin/referat ingest tests/fixtures/firstagenda tests/fixtures/vote_events --body "Greve Kommune" --db "$DB"
echo
echo "Web UI:    http://127.0.0.1:$PORT/"
echo "OParl API: http://127.0.0.1:$PORT/oparl/v1/system    API docs: http://127.0.0.1:$PORT/docs"
exec .venv/bin/referat serve --db "$DB" --port "$PORT"
