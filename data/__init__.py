"""Datasets: the open dataset-folder format, loading it into a read-only model, and the embedded demo."""
