"""Reading and writing vector files. The only module that talks to pyogrio."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pyogrio

from data.errors import InputError
from geo.crs import WEB_CRS

COORDINATE_DECIMALS = 6  # about 0.1 m at Nordic latitudes: finer than any simplification we apply


def read_vector(path: Path, *, layer: str | None = None, encoding: str | None = None) -> gpd.GeoDataFrame:
    """Read a vector file into a GeoDataFrame, with the file named in any error."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: file not found. Check the path.")
    try:
        return gpd.read_file(path, layer=layer, encoding=encoding, engine="pyogrio")
    except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError) as error:
        raise InputError(
            f"{path}: cannot be read as a vector file ({error}). Is it GeoJSON, GeoPackage or Shapefile?"
        ) from error


def write_geojson(districts: gpd.GeoDataFrame, path: Path) -> None:
    """Write RFC 7946 GeoJSON (WGS84, counter-clockwise outer rings) with coordinates rounded for the web."""
    if districts.crs is None or not districts.crs.equals(WEB_CRS):
        raise ValueError(f"write_geojson expects {WEB_CRS}, got {districts.crs}")
    pyogrio.write_dataframe(
        districts,
        path,
        driver="GeoJSON",
        layer_options={"RFC7946": "YES", "COORDINATE_PRECISION": str(COORDINATE_DECIMALS), "WRITE_NAME": "NO"},
    )
