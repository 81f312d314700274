"""Every setting once: name, default and why."""

from __future__ import annotations

import os

# Larger documents are refused before reading: real minutes are at most a few MB of text and a few
# tens of MB as PDF. `REFERAT_MAX_BYTES` or `--max-bytes` changes it.
MAX_BYTES_ENV = "REFERAT_MAX_BYTES"
MAX_DOCUMENT_BYTES = int(os.environ.get(MAX_BYTES_ENV) or 50 * 1024 * 1024)

# Fetching documents from URLs: seconds to wait for a server, redirects to follow.
FETCH_TIMEOUT_SECONDS = 30.0
MAX_REDIRECTS = 5

# Walking a portal (`referat fetch`): seconds between requests, so a crawl never loads the
# municipality's server, and how often a busy server (429, 5xx, timeout) is asked again.
PORTAL_DELAY_SECONDS = 1.0
FETCH_RETRIES = 3

# The database: a file path for SQLite, or a postgresql:// URL. `--db` overrides it.
DATABASE_ENV = "REFERAT_DB"
DEFAULT_DATABASE = "referat.sqlite"

# Writers take turns (store/writer.py): one that has waited this long for another process's write
# says so (a cron job overlapping a manual run), and one that has waited the limit gives up with an
# error instead of hanging on a process that is stuck. Storing one document takes well under a
# second; upgrading a large database (migrations that index every item again) can take minutes.
WRITER_WAIT_NOTICE_SECONDS = 2.0
WRITER_WAIT_LIMIT_SECONDS = 3600.0

# After a batch that stored at least this many documents, `referat ingest` tidies the database up.
OPTIMIZE_AFTER_DOCUMENTS = 100

# Planner settings for referat's PostgreSQL sessions. PostgreSQL's default random_page_cost (4) is
# for spinning disks and makes it scan every item rather than look up a few thousand by index; 1.1
# is the usual value for SSDs or data in memory, and halves p95 search latency at 10,000 meetings.
# Searches are many short queries side by side: starting parallel workers for one of them cost more
# than it saved (p50 62 -> 51 ms, p95 114 -> 87 ms over bench_store.py's queries at 10,000 meetings).
POSTGRES_SESSION_OPTIONS = "-c random_page_cost=1.1 -c max_parallel_workers_per_gather=0"

# `referat serve` keeps this many recent search results and whole answers (search pages, JSON; some
# 2-20 kB each) in memory (0: none); they are dropped as soon as the database changes. Journalists and
# feeds repeat searches; a repeated search then costs no database work and no rendering.
# `REFERAT_SEARCH_CACHE` changes it.
SEARCH_CACHE_ENV = "REFERAT_SEARCH_CACHE"
SEARCH_CACHE_SIZE = int(os.environ.get(SEARCH_CACHE_ENV) or 1024)
# How often, at most, the server asks the database whether it changed (seconds).
SEARCH_CACHE_CHECK_SECONDS = 1.0
# Searches keep what this many query words stand for (their compounds in the vocabulary, related words),
# per database, dropped as soon as the database changes: finding a broad word's compounds among
# 380,000 words takes 40-400 ms at 10,000 meetings, and words recur across searches, pages and
# filters. `REFERAT_EXPANSION_CACHE` changes it (0: none).
EXPANSION_CACHE_SIZE = int(os.environ.get("REFERAT_EXPANSION_CACHE") or 4096)

# Limits that follow from MAX_DOCUMENT_BYTES, so that every document within the input limit is read
# in bounded time and memory, or refused with its reason; none is ever cut short (issue 23).
# Lines: real minutes average 58-87 bytes a line (the examples), so a text at the input limit holds
# under a million; one line per 32 bytes is twice that. A document's lines cost some 250 bytes of
# memory each through the stages: 26 million two-byte lines took 6.5 GB. A DOCX paragraph, read or
# empty, counts as a line too: each costs the reader work.
MAX_LINES = MAX_DOCUMENT_BYTES // 32
# DOCX: its parts may unpack to four times the input limit, checked in the ZIP's directory and again
# while unpacking. WordprocessingML spends about ten bytes of markup on a byte of text (42 kB of XML
# for 4 kB of text in the Syddjurs minutes) and deflates 5-10 times, so 200 MB of XML holds some
# 20 MB of text, more than any minutes; a larger unpacked size is a ZIP bomb (1 GB in 1 MB).
MAX_UNPACKED_BYTES = 4 * MAX_DOCUMENT_BYTES
# HTML: elements nested at most this deep. Lexbor's tree building costs time in proportion to the
# depth for every tag: 20 MB of elements nested 512 deep parse in 6.5 s, 4,096 deep in 30 s, so a
# page at the input limit stays under 20 s. Browsers build no deeper either (Chromium stops nesting
# at 512); real pages nest a few dozen levels.
MAX_HTML_DEPTH = 512
