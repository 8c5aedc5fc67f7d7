"""From district polygons in any projected or geographic CRS to a clean, simplified WGS84 coverage."""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import pandas as pd
import shapely

from geo.crs import WEB_CRS
from layers.errors import InputError

DEFAULT_TOLERANCE_M = 15.0  # below what a school-district map at town zoom can show


@dataclass(frozen=True)
class GeometryReport:
    """What the pipeline did to the input, for the import summary."""

    districts: int
    repaired: int
    dissolved_rows: int
    overlap_m2: float
    gap_m2: float


def _working_crs(districts: gpd.GeoDataFrame):
    # A projected CRS in metres is kept; a geographic one, or Web Mercator (whose metres stretch with latitude),
    # gets its local UTM zone, so tolerances are true metres.
    if districts.crs.is_projected and districts.crs.to_epsg() != 3857:
        return districts.crs
    return districts.estimate_utm_crs()


def _as_text(values: pd.Series, field: str) -> pd.Series:
    # Ids are text from here on. Whole numbers read as floats (7.0) are written as whole numbers ("7").
    empty = values.isna() | (values.astype(str).str.strip() == "")
    if empty.any():
        row = int(empty.to_numpy().nonzero()[0][0])
        raise InputError(
            f"The field {field!r} is empty in feature {row + 1}. Every district needs one; choose another field "
            "with --id-field or --name-field."
        )
    if pd.api.types.is_float_dtype(values) and (values % 1 == 0).all():
        values = values.astype("int64")
    return values.astype(str).str.strip()


def _polygonal(geometry: shapely.Geometry) -> shapely.Geometry:
    # make_valid can return collections with stray lines or points; a district is only its area.
    parts = shapely.get_parts(geometry)
    polygons = [part for part in parts if shapely.get_type_id(part) in (3, 6)]
    return shapely.union_all(polygons) if polygons else shapely.Polygon()


def _coverage_defects(geometries: gpd.GeoSeries) -> tuple[float, float]:
    pieces = geometries.area.sum()
    union = shapely.union_all(geometries.values)
    overlap = max(0.0, float(pieces - union.area))
    # Gaps between districts show up as holes in their union; the outer boundary is not a gap.
    holes = [shapely.Polygon(ring) for part in shapely.get_parts(union) for ring in part.interiors]
    return overlap, float(sum(hole.area for hole in holes))


def prepare_districts(
    districts: gpd.GeoDataFrame,
    *,
    id_field: str,
    name_field: str,
    tolerance_m: float = DEFAULT_TOLERANCE_M,
) -> tuple[gpd.GeoDataFrame, GeometryReport]:
    """Repair, dissolve and simplify district polygons together, and return them in WGS84.

    Parameters
    ----------
    districts : polygons with a CRS. Several rows with the same id are dissolved into one district.
    id_field, name_field : the columns holding the district id (kept as a string) and its name.
    tolerance_m : simplification tolerance in metres, applied in a projected CRS to the whole coverage at once,
        so that neighbours keep one shared border.

    Returns the districts as ``district_id, name, geometry`` in EPSG:4326, and a report of what was done.

    >>> from shapely import box
    >>> grid = gpd.GeoDataFrame({"id": ["01", "02"], "name": ["A", "B"]},
    ...                         geometry=[box(0, 0, 1000, 1000), box(1000, 0, 2000, 1000)], crs="EPSG:25832")
    >>> out, report = prepare_districts(grid, id_field="id", name_field="name")
    >>> out.crs.to_string(), list(out.district_id), report.repaired
    ('EPSG:4326', ['01', '02'], 0)
    """
    if districts.crs is None:
        raise InputError("The district polygons have no coordinate reference system. Give one with --crs EPSG:NNNN.")
    for field in (id_field, name_field):
        if field not in districts.columns:
            raise InputError(f"No field {field!r} in the district polygons; the fields are {list(districts.columns)}.")
    working = districts.to_crs(_working_crs(districts))
    geometry = working.geometry.force_2d()
    invalid = ~geometry.is_valid
    if invalid.any():  # repairing only the invalid ones: ten thousand valid districts need no union each
        geometry = geometry.where(~invalid, geometry[invalid].make_valid().map(_polygonal))
    table = gpd.GeoDataFrame(
        {"district_id": _as_text(working[id_field], id_field), "name": _as_text(working[name_field], name_field)},
        geometry=geometry.values,
        crs=working.crs,
    )
    dissolved = table.dissolve(by="district_id", aggfunc="first", sort=False).reset_index()
    overlap, gap = _coverage_defects(dissolved.geometry)
    dissolved["geometry"] = dissolved.geometry.simplify_coverage(tolerance_m)
    report = GeometryReport(
        districts=len(dissolved),
        repaired=int(invalid.sum()),
        dissolved_rows=len(table) - len(dissolved),
        overlap_m2=overlap,
        gap_m2=gap,
    )
    return dissolved[["district_id", "name", "geometry"]].to_crs(WEB_CRS), report
