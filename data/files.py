"""The names of a dataset folder's files: the open format, and the binary copy kept beside it.

One module that imports nothing of the project's, so the writer, the loader and the binary copy can all name the
files without importing each other round a circle.
"""

from __future__ import annotations

DISTRICTS_FILE = "districts.geojson"
STATISTICS_FILE = "statistics.csv"
INDICATORS_FILE = "indicators.csv"
PACKAGE_FILE = "datapackage.json"
# The open format: what a municipality publishes, and what an import writes.
DATASET_FILES = (PACKAGE_FILE, DISTRICTS_FILE, STATISTICS_FILE, INDICATORS_FILE)

STATISTICS_COLUMNS = ("district_id", "year", "indicator", "value", "status")
INDICATOR_COLUMNS = (
    "id", "family", "category", "unit", "denominator",
    "title_da", "title_en", "description_da", "description_en", "source",
)  # fmt: skip

# A cache of what loading the open files gives (data/binary.py), written by an import beside them. It is never
# published and never trusted over the files: a copy that no longer matches them is ignored.
BINARY_FOLDER = "binary"
BINARY_MANIFEST = "manifest.json"
BINARY_FIGURES = "figures.npy"  # (indicators, years, districts) float64, NaN where a figure is not shown
BINARY_STATUS = "status.npy"  # (indicators, years, districts) int8 status codes (layers/status.py)
BINARY_FEATURE_OF_YEAR = "feature_of_year.npy"  # (years, districts) shape drawn, -1 for none
BINARY_TABLES = "tables.json"  # years, indicators, districts, shapes, neighbours, classes
BINARY_GEOJSON = "districts.geojson"  # the shapes as stored, with the map's keys
BINARY_WEB_GEOJSON = "web.geojson"  # the map's copy of the shapes (geo/web.py)
# Every file of the binary folder; the manifest is written last, so a folder without one is unfinished.
BINARY_FILES = (
    BINARY_FIGURES,
    BINARY_STATUS,
    BINARY_FEATURE_OF_YEAR,
    BINARY_TABLES,
    BINARY_GEOJSON,
    BINARY_WEB_GEOJSON,
    BINARY_MANIFEST,
)
