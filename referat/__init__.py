"""referat: Danish municipal committee minutes as structured, linked, searchable open data."""

__version__ = "0.1.0"
