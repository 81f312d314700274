"""Persist parsed minutes and read them back: ParsedDocument -> rows; queries -> results."""
