"""Writing a dataset folder: the open format that the app serves and municipalities publish.

A folder is written next to its destination and swapped in at the end, so a failed write leaves any existing
dataset exactly as it was.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

from geo.io import write_geojson

DISTRICTS_FILE = "districts.geojson"
STATISTICS_FILE = "statistics.csv"
INDICATORS_FILE = "indicators.csv"
PACKAGE_FILE = "datapackage.json"

STATISTICS_COLUMNS = ("district_id", "year", "indicator", "value", "status")
INDICATOR_COLUMNS = (
    "id", "family", "category", "unit", "denominator",
    "title_da", "title_en", "description_da", "description_en", "source",
)  # fmt: skip


def _field(name: str, kind: str, description: str) -> dict:
    return {"name": name, "type": kind, "description": description}


def _resources() -> list[dict]:
    return [
        {
            "name": "districts",
            "path": DISTRICTS_FILE,
            "format": "geojson",
            "mediatype": "application/geo+json",
            "description": "One feature per district and boundary period, RFC 7946 (WGS84).",
        },
        {
            "name": "statistics",
            "path": STATISTICS_FILE,
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": {
                "fields": [
                    _field("district_id", "string", "District id, as text"),
                    _field("year", "integer", "Reference year (figures as of 1 January)"),
                    _field("indicator", "string", "Indicator id, described in indicators.csv"),
                    _field("value", "number", "The figure; empty when suppressed or missing"),
                    _field("status", "string", "Empty, 'suppressed' (hidden for privacy) or 'missing'"),
                ],
                "missingValues": [""],
            },
        },
        {
            "name": "indicators",
            "path": INDICATORS_FILE,
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": {"fields": [_field(name, "string", name) for name in INDICATOR_COLUMNS]},
        },
    ]


def _format_value(value: float) -> str:
    return "" if np.isnan(value) else np.format_float_positional(value, trim="-")


def _write_into(
    folder: Path, districts: gpd.GeoDataFrame, statistics: pd.DataFrame, indicators: pd.DataFrame, metadata: dict
) -> None:
    write_geojson(districts, folder / DISTRICTS_FILE)
    table = statistics.loc[:, list(STATISTICS_COLUMNS)].sort_values(["indicator", "year", "district_id"])
    table = table.assign(value=table["value"].astype(float).map(_format_value), status=table["status"].fillna(""))
    table.to_csv(folder / STATISTICS_FILE, index=False, lineterminator="\n")
    indicators.loc[:, list(INDICATOR_COLUMNS)].to_csv(folder / INDICATORS_FILE, index=False, lineterminator="\n")
    package = {**metadata, "resources": _resources()}
    (folder / PACKAGE_FILE).write_text(json.dumps(package, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def write_dataset(
    folder: Path,
    *,
    districts: gpd.GeoDataFrame,
    statistics: pd.DataFrame,
    indicators: pd.DataFrame,
    metadata: dict,
    verify: Callable[[Path], object] | None = None,
) -> None:
    """Write a complete dataset folder, replacing ``folder`` only once everything is written.

    ``verify`` is called with the finished staging folder before the swap; if it raises, nothing is replaced.
    """
    folder = Path(folder)
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    staging.chmod(0o755)
    try:
        _write_into(staging, districts, statistics, indicators, metadata)
        if verify is not None:
            verify(staging)
        retired = folder.with_name(f".{folder.name}.old")
        if folder.exists():
            folder.rename(retired)
        staging.rename(folder)
        shutil.rmtree(retired, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
