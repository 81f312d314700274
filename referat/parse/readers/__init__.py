"""Structured readers: sources whose format already says what the items and their fields are.

Each reader turns its format into the same item blocks (parse/blocks.py) the layout layer finds
in line-based documents, so nothing after it knows which kind of source an item came from.
"""
