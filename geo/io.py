"""Writing vector files for the web. With ``geo/read.py``, the only place that talks to pyogrio."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pyogrio

from geo.crs import WEB_CRS

COORDINATE_DECIMALS = 6  # about 0.1 m at Nordic latitudes: finer than any simplification we apply


def write_geojson(districts: gpd.GeoDataFrame, path: Path) -> None:
    """Write RFC 7946 GeoJSON (WGS84, counter-clockwise outer rings) with coordinates rounded for the web."""
    if districts.crs is None or not districts.crs.equals(WEB_CRS):
        raise ValueError(f"write_geojson expects {WEB_CRS}, got {districts.crs}")
    pyogrio.write_dataframe(
        districts,
        path,
        driver="GeoJSON",
        # GDAL would otherwise write a name such as '{"$ne":1}' as a JSON object, not the text it is.
        layer_options={"RFC7946": "YES", "COORDINATE_PRECISION": str(COORDINATE_DECIMALS), "WRITE_NAME": "NO",
                       "AUTODETECT_JSON_STRINGS": "NO"},
    )  # fmt: skip
