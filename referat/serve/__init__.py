"""Serve stored minutes: a Danish web UI, an OParl 1.1 JSON API, a search API and Atom feeds."""
