"""Allow `python -m referat`."""

from referat.cli import app

app()
