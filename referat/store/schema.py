"""The database schema (SQLAlchemy Core), shared by SQLite and PostgreSQL.

Ids are hashes of natural keys (store/ids.py), so re-ingesting a meeting updates its rows instead
of duplicating them. `seq` columns are integer surrogates the full-text index needs as row ids.
Dates are ISO strings ("2023-05-31", "2023-05-31T19:00"): they sort and compare correctly, and they
are what the parser produces, so no time zone is invented.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    false,
)

metadata = MetaData()

schema_migrations = Table(
    "schema_migrations",
    metadata,
    Column("version", Integer, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("applied_at", String(32), nullable=False),
)

documents = Table(
    "documents",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("uri", Text, nullable=False),
    Column("format", String(16), nullable=False),
    Column("encoding", String(32)),
    Column("size", Integer, nullable=False),
    Column("meeting_id", String(32), ForeignKey("meetings.id", ondelete="CASCADE"), index=True),
    Column("ingested_at", String(32), nullable=False),
    # What the meeting holds of this document (store/merge.py): its role ("meeting": the source of
    # the meeting's facts; "items": it adds items; "superseded": minutes replaced its items), the
    # document's kind (minutes or agenda), and how many of the meeting's items it gives.
    Column("role", String(16), nullable=False, server_default="meeting"),
    Column("kind", String(16)),
    Column("item_count", Integer),
    Index("ix_documents_uri", "uri"),
)

meetings = Table(
    "meetings",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("body", Text),
    Column("organization", Text),
    Column("organization_key", Text, index=True),
    Column("term", String(16)),
    Column("kind", String(16)),
    Column("start", String(32), index=True),
    Column("date", String(10), index=True),
    Column("end", String(32)),
    Column("location", Text),
    Column("document", Text, nullable=False),  # the parsed document's JSON, as `referat parse` prints it
    Column("report", Text),  # its reading report's JSON, small enough to read for every meeting
    Column("created_at", String(32), nullable=False),
    Column("modified_at", String(32), nullable=False),
)

persons = Table(
    "persons",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("body", Text),
    Column("name", Text, nullable=False),
    Column("name_key", Text, nullable=False, index=True),
    Column("party", String(32)),
)

attendance = Table(
    "attendance",
    metadata,
    Column("meeting_id", String(32), ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True),
    Column("person_id", String(32), ForeignKey("persons.id"), primary_key=True, index=True),
    Column("status", String(16), nullable=False),  # present | absent
    Column("party", String(32)),
)

# Items are kept narrow (no long text) because searches read one row per hit to filter and count;
# the texts are in item_texts and read only for the page of hits shown.
items = Table(
    "items",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("id", String(32), nullable=False, unique=True),
    Column("meeting_id", String(32), ForeignKey("meetings.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("position", Integer, nullable=False),
    Column("number", Integer),
    Column("title", Text, nullable=False),
    Column("public", Boolean, nullable=False),
    Column("case_number", String(64), index=True),
    # The case the item is a treatment of (store/ids.py `case_key`): search hits of one case are one result.
    Column("case_key", String(16), index=True),
    # Distinct outcomes in part order, e.g. "approved,recommended". No outcome name is part of another,
    # so "has outcome X" is a LIKE on the row a search reads anyway, cheaper than a join.
    Column("outcomes", Text),
    # Copied from the meeting so that search filters and facets need no join.
    Column("body", Text),
    Column("body_key", Text),  # lower-cased in Python, so "Ærø Kommune" folds as well as "Greve Kommune"
    Column("organization", Text),
    Column("organization_key", Text),
    Column("date", String(10), index=True),
    Column("year", Integer),
    Column("document_sha", String(64)),  # the document this item came from
    Column("facet_group", Integer),  # facet_groups.id: what the search facets count the item under
    Index("ix_items_body_key_date", "body_key", "date"),
    Index("ix_items_organization_key_date", "organization_key", "date"),
    Index("ix_items_seq_facet_group", "seq", "facet_group"),  # read by seq from a search's matches
)

# Each combination of the values the search facets count (municipality, committee, year, outcomes,
# open or closed, decided by vote): a search counts its matches by group, a GROUP BY over one integer,
# and adds up the few groups there are per facet.
facet_groups = Table(
    "facet_groups",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", Text, nullable=False, unique=True),  # the values below as a JSON array (NULLs included)
    Column("body", Text),
    Column("organization", Text),
    Column("year", Integer),
    Column("outcomes", Text),
    Column("public", Boolean, nullable=False),
    Column("voted", Boolean, nullable=False),
)

item_texts = Table(
    "item_texts",
    metadata,
    Column("item_seq", Integer, ForeignKey("items.seq", ondelete="CASCADE"), primary_key=True),
    Column("decision", Text),
    Column("item", Text, nullable=False),  # the agenda item's JSON
)

votes = Table(
    "votes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("item_seq", Integer, ForeignKey("items.seq", ondelete="CASCADE"), nullable=False, index=True),
    Column("position", Integer, nullable=False),
    Column("option", String(16), nullable=False),
    Column("count", Integer),
    Column("subject", Text),
    Column("text", Text, nullable=False),
    Column("motion", Integer),  # position of the motion it decided in `motions`, when tied to one
)

# Vote events, for filtering by who moved a motion and how it ended; the item's JSON has them whole.
motions = Table(
    "motions",
    metadata,
    Column("item_seq", Integer, ForeignKey("items.seq", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("result", String(16), index=True),
    Column("text", Text),
)

motion_parties = Table(
    "motion_parties",
    metadata,
    Column("item_seq", Integer, primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("party", String(32), primary_key=True, index=True),
    ForeignKeyConstraint(["item_seq", "position"], ["motions.item_seq", "motions.position"], ondelete="CASCADE"),
)

vote_persons = Table(
    "vote_persons",
    metadata,
    Column("vote_id", Integer, ForeignKey("votes.id", ondelete="CASCADE"), primary_key=True),
    Column("person_id", String(32), ForeignKey("persons.id"), primary_key=True, index=True),
    Column("name", Text, nullable=False),  # as printed in the vote
)

vote_parties = Table(
    "vote_parties",
    metadata,
    Column("vote_id", Integer, ForeignKey("votes.id", ondelete="CASCADE"), primary_key=True),
    Column("party", String(32), primary_key=True),
)

item_references = Table(
    "item_references",
    metadata,
    Column("item_seq", Integer, ForeignKey("items.seq", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("organization", Text, nullable=False),
    Column("organization_key", Text, nullable=False),
    Column("date", String(10), nullable=False),
    Column("item_number", Integer),
    Column("text", Text, nullable=False),
    Index("ix_item_references_target", "organization_key", "date", "item_number"),
)

consultations = Table(
    "consultations",
    metadata,
    Column("item_seq", Integer, ForeignKey("items.seq", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("organization", Text, nullable=False),
    Column("organization_key", Text, nullable=False),
    Column("date", String(10)),
    Column("when", String(16), nullable=False),
    Column("text", Text),
    Column("outcome", String(16)),
    Index("ix_consultations_target", "organization_key", "date"),
)

ingest_failures = Table(
    "ingest_failures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("uri", Text, nullable=False),
    Column("sha256", String(64)),
    Column("reason", Text, nullable=False),
    Column("failed_at", String(32), nullable=False),
)

# Abbreviations the minutes define ("Pædagogisk Psykologisk Rådgivning (PPR)"): a query for the
# abbreviation also finds its name, written out (store/analysis.py `abbreviations`).
abbreviations = Table(
    "abbreviations",
    metadata,
    Column("short", String(16), primary_key=True),
    Column("name", String(400), primary_key=True),
)
# Words seen in the index with their stem by the backend's own stemmer: the vocabulary that a
# query word is matched against as a part of compounds ("indsats" in "beskæftigelsesindsatsen").
search_terms = Table(
    "search_terms",
    metadata,
    Column("term", String(200), primary_key=True),
    Column("stem", String(200), nullable=False),
    # Seen only as a street's name before a house number ("Skolevænget 7"): not split as a compound.
    Column("street", Boolean, nullable=False, server_default=false()),
)

# How many items hold each indexed form, kept by the index as items come and go: how rare a word is,
# which decides the words that related items are found by (store/feedback.py), the same on both backends.
form_counts = Table(
    "form_counts",
    metadata,
    Column("form", String(200), primary_key=True),
    Column("items", Integer, nullable=False),
)
