"""Statistics in: parsers for each source format, one shared validator, and disclosure control."""
