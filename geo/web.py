"""The shapes as the browser's map gets them: simplified for the map's scale, with just enough decimals.

The dataset keeps the shapes as imported (simplified to 15 m). A map of a whole country never shows 15 m: at the
zoom where it fits a screen one pixel is hundreds of metres. So the browser copy is simplified further, as one
coverage (neighbours keep one shared border, no slivers), to a tolerance that stays below a pixel until the reader
has zoomed in about eight times, and its coordinates keep only the decimals that tolerance can tell apart. Each
feature's id is its index, which the map uses to colour it (feature-state) without sending the shapes again.

>>> import json, shapely
>>> squares = [shapely.box(9.0, 56.0, 9.1, 56.1), shapely.box(9.1, 56.0, 9.2, 56.1)]
>>> web = json.loads(web_geojson(squares, overlapping=False))
>>> [feature["id"] for feature in web["features"]], web["features"][0]["properties"]
([0, 1], {})
"""

from __future__ import annotations

import math

import geopandas as gpd
import shapely

MIN_TOLERANCE_M = 15.0  # what the import already keeps
ZOOM_HEADROOM = 8  # the reader may zoom in this many times from the whole area before a simplified edge shows
MAP_PIXELS = 1000  # a large screen's map, in pixels across
METRES_PER_DEGREE = 111_320.0


def tolerance_m(bounds: tuple[float, float, float, float]) -> float:
    """The simplification tolerance for an area: a pixel at ``ZOOM_HEADROOM``× the zoom that fits it, or 15 m.

    >>> tolerance_m((9.5, 55.7, 10.0, 55.9))  # one municipality
    15.0
    >>> round(tolerance_m((8.0, 54.5, 15.2, 57.8)))  # a country
    56
    """
    west, south, east, north = bounds
    middle = math.radians((south + north) / 2)
    width_m = (east - west) * METRES_PER_DEGREE * math.cos(middle)
    height_m = (north - south) * METRES_PER_DEGREE
    return max(MIN_TOLERANCE_M, max(width_m, height_m) / MAP_PIXELS / ZOOM_HEADROOM)


def decimals_for(tolerance: float) -> int:
    """Decimals of a degree that keep rounding well under the tolerance (a quarter of it, or finer).

    >>> decimals_for(15.0), decimals_for(50.0), decimals_for(500.0)
    (5, 4, 3)
    """
    return max(0, math.ceil(-math.log10(tolerance / 4 / METRES_PER_DEGREE)))


def web_geojson(shapes: list[shapely.Geometry], overlapping: bool) -> bytes:
    """GeoJSON for the browser: feature ``i`` is ``shapes[i]``, simplified and rounded for the area's scale.

    ``overlapping`` is true when the shapes are several boundary periods on top of each other: they are then no
    coverage, so they are only rounded (the import already simplified each to 15 m).
    """
    geometries = gpd.GeoSeries(shapes)
    tolerance = tolerance_m(tuple(float(value) for value in geometries.total_bounds))
    if not overlapping and tolerance > MIN_TOLERANCE_M:
        # Degrees, not metres: across one map the difference is a constant factor in longitude, far below a pixel.
        geometries = geometries.simplify_coverage(tolerance / METRES_PER_DEGREE)
    geometries = shapely.set_precision(geometries.values, 10.0 ** -decimals_for(tolerance), mode="pointwise")
    features = ",".join(
        f'{{"type":"Feature","id":{index},"properties":{{}},"geometry":{text}}}'
        for index, text in enumerate(shapely.to_geojson(geometries))
    )
    return f'{{"type":"FeatureCollection","features":[{features}]}}'.encode()
