"""Read the structure of minutes: Extracted -> ParsedDocument."""
