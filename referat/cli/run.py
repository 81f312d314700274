"""Commands that run something: the web server, the synthetic corpus writer."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from referat.cli.common import (
    DbOption,
    open_db,
    out,
)


def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on; 0.0.0.0 to serve the network.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(min=1, help="Server processes; one per core for many users.")] = 1,
) -> None:
    """Serve the web UI (Danish), the OParl 1.1 API under /oparl/v1/ and the API docs at /docs."""
    import os

    import uvicorn

    from referat.settings import DATABASE_ENV
    from referat.store.db import database_url

    engine = open_db(db)  # a database that cannot be opened is one clear line, before the server starts
    engine.dispose()
    address = f"http://{host}:{port}"
    out.print(f"referat kører på {address}/  (API-dokumentation: {address}/docs; stop med Ctrl+C)")
    # Worker processes build the app themselves from the import path; they find the database in the environment.
    os.environ[DATABASE_ENV] = database_url(db)
    app_factory = "referat.serve.app:create_app"
    uvicorn.run(app_factory, factory=True, host=host, port=port, workers=workers, log_level="warning")


def generate(
    meetings: Annotated[int, typer.Option("--meetings", min=1, help="How many meetings to write.")],
    out_dir: Annotated[Path, typer.Option("--out", help="Folder to write the minutes to.")],
    seed: Annotated[int, typer.Option(help="The same seed always writes the same minutes.")] = 1,
) -> None:
    """Write realistic synthetic minutes (several municipalities, committees and layouts) for tests and benchmarks."""
    from referat.generate.minutes import write_corpus

    paths = write_corpus(meetings, out_dir, seed)
    size = sum(p.stat().st_size for p in paths)
    out.print(f"{len(paths)} møder skrevet til {out_dir} ({size / 1e6:.1f} MB)")
