"""The districts of a dataset folder, with their boundary periods.

School districts are redrawn now and then. ``districts.geojson`` holds one feature per district and boundary
period: ``district_id``, ``name`` and optional ``valid_from`` / ``valid_to`` years (inclusive; empty means open).
A year is drawn with the features valid that year. Each feature gets a ``key`` the map matches on: the district
id when the district has one shape, ``id@from`` when it has several.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import numpy as np
import shapely

from geo.neighbours import neighbours_lonlat
from geo.web import web_geojson
from layers.errors import InputError
from layers.plain_text import as_text, check_id


@dataclass(frozen=True)
class Boundaries:
    """Districts and their shapes over time. ``geojson`` is what the browser gets: the features with their keys."""

    district_ids: tuple[str, ...]
    district_names: tuple[str, ...]
    keys: tuple[str, ...]
    district_of_feature: tuple[int, ...]
    periods: tuple[tuple[int | None, int | None], ...]
    label_points: tuple[tuple[float, float], ...]
    bounds: tuple[float, float, float, float]
    geojson: bytes
    web_geojson: bytes  # the browser's copy: feature ids are indexes, simplified and rounded for the scale
    neighbours: tuple[tuple[int, ...], ...] = ()  # per shape: the shapes sharing a border (any period)

    def feature_of_year(self, years: tuple[int, ...]) -> np.ndarray:
        """(years, districts) index of the feature drawn for each district in each year, -1 where it has none."""
        table = np.full((len(years), len(self.district_ids)), -1, dtype=int)
        for feature, (district, (start, end)) in enumerate(zip(self.district_of_feature, self.periods, strict=True)):
            for y, year in enumerate(years):
                if (start is None or year >= start) and (end is None or year <= end):
                    table[y, district] = feature
        return table


def _label_point(shape: shapely.Geometry) -> tuple[float, float]:
    # The centre of the largest circle inside the largest part: a name placed there stays inside the district,
    # where a centroid can fall outside a curved or split one.
    largest = max(shapely.get_parts(shape), key=lambda part: part.area)
    centre = shapely.get_point(shapely.maximum_inscribed_circle(largest, tolerance=largest.length / 500), 0)
    return round(centre.x, 6), round(centre.y, 6)


def _year(value: object, path: Path, number: int, field: str) -> int | None:
    if value is None or value == "":
        return None
    try:
        return int(value)
    except (TypeError, ValueError, OverflowError) as error:  # OverflowError: JSON's Infinity
        raise InputError(
            f"{path}: feature {number} has {field} {value!r}; it must be a year such as 2014, or empty."
        ) from error


def _shape(feature: dict, path: Path, number: int, district_id: str) -> shapely.Geometry:
    try:
        shape = shapely.geometry.shape(feature.get("geometry") or {})
    except (ValueError, TypeError, AttributeError, KeyError, shapely.errors.GEOSException) as error:
        raise InputError(
            f"{path}: feature {number} (district {district_id}) has no readable geometry ({error})."
        ) from error
    if shape.geom_type not in ("Polygon", "MultiPolygon"):
        raise InputError(
            f"{path}: feature {number} (district {district_id}) is a {shape.geom_type}; districts must be polygons."
        )
    return shape


def check_periods(path: Path, district_id: str, periods: list[tuple[int, int | None, int | None]]) -> None:
    if all(start is None and end is None for _, start, end in periods):
        numbers = " and ".join(str(number) for number, _, _ in periods[:2])
        raise InputError(
            f"{path}: district_id {district_id!r} appears twice (features {numbers}). Dissolve the parts into one "
            "feature, or give each shape the years it is valid for (valid_from, valid_to)."
        )
    ordered = sorted(periods, key=lambda period: -1 if period[1] is None else period[1])
    for (first, _, first_end), (second, second_start, _) in pairwise(ordered):
        if first_end is None or second_start is None or second_start <= first_end:
            raise InputError(
                f"{path}: district {district_id!r} has overlapping boundary periods (features {first} and {second}). "
                "Give each shape valid_from and valid_to years that do not overlap."
            )


def read_boundaries(path: Path, collection: dict) -> Boundaries:
    """Check ``districts.geojson`` (already parsed) and index its districts and boundary periods."""
    features = collection.get("features") if isinstance(collection, dict) else None
    if not isinstance(features, list) or not features:
        raise InputError(f"{path}: not a GeoJSON FeatureCollection with at least one district.")
    rows, shapes = [], []
    for number, feature in enumerate(features, start=1):
        properties = feature.get("properties") if isinstance(feature, dict) else None
        properties = properties if isinstance(properties, dict) else {}
        district_id = properties.get("district_id")
        if not isinstance(district_id, str) or not district_id.strip():
            raise InputError(
                f'{path}: feature {number} has district_id {district_id!r:.60}; it must be non-empty text, e.g. "07".'
            )
        district_id = check_id(as_text(district_id), f"{path}: feature {number} has district_id")
        start = _year(properties.get("valid_from"), path, number, "valid_from")
        end = _year(properties.get("valid_to"), path, number, "valid_to")
        # A name is text as written: '{"$ne":1}' stays that text (layers/plain_text.py), whatever a tool made of it.
        rows.append((number, district_id, as_text(properties.get("name"), district_id), start, end))
        shapes.append(_shape(feature, path, number, district_id))
    # Grouped in one pass (in the order the districts first appear): 10,000 districts, not 10,000² comparisons.
    periods_of: dict[str, list[tuple[int, int | None, int | None]]] = {}
    for number, district_id, _, start, end in rows:
        periods_of.setdefault(district_id, []).append((number, start, end))
    district_ids = list(periods_of)
    for district_id, periods in periods_of.items():
        if len(periods) > 1:
            check_periods(path, district_id, periods)
    several = {district_id for district_id, periods in periods_of.items() if len(periods) > 1}
    position = {district_id: index for index, district_id in enumerate(district_ids)}
    keys = [f"{row[1]}@{row[3] or ''}" if row[1] in several else row[1] for row in rows]
    latest = {row[1]: row[2] for row in sorted(rows, key=lambda row: -1 if row[3] is None else row[3])}
    west, south, east, north = shapely.total_bounds(shapes)
    if not (-180 <= west <= east <= 180 and -90 <= south <= north <= 90):
        raise InputError(
            f"{path}: coordinates are not longitude/latitude (bounds {west:.0f}, {south:.0f}). Write it in WGS84 (EPSG:4326)."
        )
    for feature, key in zip(features, keys, strict=True):
        feature["properties"] = {**feature["properties"], "key": key}
    return Boundaries(
        district_ids=tuple(district_ids),
        district_names=tuple(latest[district_id] for district_id in district_ids),
        keys=tuple(keys),
        district_of_feature=tuple(position[row[1]] for row in rows),
        periods=tuple((row[3], row[4]) for row in rows),
        label_points=tuple(_label_point(shape) for shape in shapes),
        bounds=(float(west), float(south), float(east), float(north)),
        geojson=json.dumps(collection, ensure_ascii=False, separators=(",", ":")).encode("utf-8"),
        web_geojson=web_geojson(shapes, overlapping=len(several) > 0),
        # Once per load, for the map's arrow keys: shapes of other periods may be listed, the browser skips those.
        neighbours=neighbours_lonlat(shapes),
    )
