"""Shared test helpers: the --update-golden switch and paths to fixtures."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import Engine

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="Rewrite the golden .expected.json files.")


# Tests that take more than a moment: a real browser, a PostgreSQL server, or the `referat` command
# run as a subprocess (each start costs about a second; the concurrency tests run two at once).
# `pytest -m "not slow"` is the fast set to run while working; CI (`.ci/run`) runs everything.
SLOW_MODULES = {"test_browser.py", "test_cli.py", "test_cli_store.py", "test_store_concurrency.py"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        callspec = getattr(item, "callspec", None)
        on_postgres = callspec is not None and "postgresql" in callspec.params.values()
        if on_postgres or item.path.name in SLOW_MODULES:
            item.add_marker(pytest.mark.slow)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Known gaps as one line of data, not a line per expected failure."""
    from tests.cases import known_gaps

    gaps = known_gaps()
    if gaps:
        counts = ", ".join(f"{len(cases)} in {name}" for name, cases in gaps.items())
        terminalreporter.write_line(f"known gaps (phrasings marked '--- gap' in tests/fixtures/cases/): {counts}")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


# The server the PostgreSQL tests create their own database on; CI has one on 127.0.0.1:5432.
POSTGRES_ADMIN_URL = os.environ.get("REFERAT_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/postgres")


@contextmanager
def new_database(backend: str, folder: Path) -> Iterator[str]:
    """A new, empty database of `backend` ("sqlite" or "postgresql"); the PostgreSQL one is dropped afterwards."""
    if backend == "sqlite":
        yield str(folder / "referat.sqlite")
        return
    name = f"referat_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A new, empty database of each backend."""
    with new_database(request.param, tmp_path) as url:
        yield url


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    from referat.store.db import open_database

    engine = open_database(database_url)
    yield engine
    engine.dispose()
