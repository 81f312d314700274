"""Every setting once: name, default and why."""

from __future__ import annotations

# Larger files are refused before reading: real minutes are at most a few MB of text.
MAX_DOCUMENT_BYTES = 50 * 1024 * 1024

# The database: a file path for SQLite, or a postgresql:// URL. `--db` overrides it.
DATABASE_ENV = "REFERAT_DB"
DEFAULT_DATABASE = "referat.sqlite"

# After a batch that stored at least this many documents, `referat ingest` tidies the database up.
OPTIMIZE_AFTER_DOCUMENTS = 100
