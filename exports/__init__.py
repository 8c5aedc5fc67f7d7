"""Downloads of the current view (CSV, Excel, GeoJSON) and of the whole dataset, with provenance in every file."""
