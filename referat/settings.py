"""Every setting once: name, default and why."""

from __future__ import annotations

# Larger files are refused before reading: real minutes are at most a few MB of text.
MAX_DOCUMENT_BYTES = 50 * 1024 * 1024

# The database: a file path for SQLite, or a postgresql:// URL. `--db` overrides it.
DATABASE_ENV = "REFERAT_DB"
DEFAULT_DATABASE = "referat.sqlite"

# After a batch that stored at least this many documents, `referat ingest` tidies the database up.
OPTIMIZE_AFTER_DOCUMENTS = 100

# Planner settings for referat's PostgreSQL sessions. PostgreSQL's default random_page_cost (4) is
# for spinning disks and makes it scan every item rather than look up a few thousand by index; 1.1
# is the usual value for SSDs or data in memory, and halves p95 search latency at 10,000 meetings.
POSTGRES_SESSION_OPTIONS = "-c random_page_cost=1.1"
