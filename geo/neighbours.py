"""Which districts share a border: worked out once, when a dataset is loaded, for the map's arrow keys.

Two shapes are neighbours when a stretch of their borders, at least ``min_border`` long, runs within ``tolerance``
of each other. The tolerance forgives real boundary files, whose neighbours rarely share every vertex exactly (a
sliver, a border digitised twice); the minimum length keeps out shapes that meet only at a corner, which a reader
would not call neighbours either.

>>> import shapely
>>> left, right, corner = shapely.box(0, 0, 100, 100), shapely.box(100, 0, 200, 100), shapely.box(200, 100, 300, 200)
>>> neighbours([left, right, corner], tolerance=1.0, min_border=10.0)
((1,), (0,), ())
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import shapely

TOLERANCE_M = 1.0  # borders this close count as one
MIN_BORDER_M = 10.0  # shorter shared stretches are corners, not borders
METRES_PER_DEGREE = 111_320.0


def neighbours(
    shapes: Sequence[shapely.Geometry], tolerance: float = TOLERANCE_M, min_border: float = MIN_BORDER_M
) -> tuple[tuple[int, ...], ...]:
    """For each shape, the indexes (ascending) of the shapes that share a border with it.

    ``tolerance`` and ``min_border`` are lengths in the units of the shapes' CRS (metres in a projected CRS; see
    ``neighbours_lonlat`` for longitude/latitude). Candidate pairs come from one vectorised STRtree query, and
    the shared length of every pair from one vectorised intersection: 2,000 districts take about 0.2 s and
    10,000 about 2 s (bench/make_datasets.py's Voronoi districts, on this machine).
    """
    if tolerance <= 0 or min_border <= 0:
        raise ValueError(f"tolerance and min_border must be positive, got {tolerance!r} and {min_border!r}")
    geometries = np.array(shapes, dtype=object)
    if len(geometries) == 0:
        return ()
    # A hand-made dataset may hold an invalid polygon (a bow tie), which GEOS cannot intersect: repaired, as
    # polygons only (a bow tie becomes its two triangles), it keeps its outline and so its neighbours.
    invalid = ~shapely.is_valid(geometries)
    geometries[invalid] = shapely.make_valid(geometries[invalid], method="structure", keep_collapsed=False)
    tree = shapely.STRtree(geometries)
    pairs = tree.query(geometries, predicate="dwithin", distance=tolerance)
    first, second = pairs[:, pairs[0] < pairs[1]]
    # The part of one shape's outline that lies within the tolerance of the other: its shared border.
    grown = shapely.buffer(geometries, tolerance, quad_segs=1, join_style="mitre")
    shared = shapely.length(shapely.intersection(shapely.boundary(geometries[first]), grown[second]))
    touching = shared >= min_border
    found: list[list[int]] = [[] for _ in range(len(geometries))]
    for a, b in zip(first[touching].tolist(), second[touching].tolist(), strict=True):
        found[a].append(b)
        found[b].append(a)
    return tuple(tuple(sorted(each)) for each in found)


def neighbours_lonlat(
    shapes: Sequence[shapely.Geometry], tolerance_m: float = TOLERANCE_M, min_border_m: float = MIN_BORDER_M
) -> tuple[tuple[int, ...], ...]:
    """``neighbours`` for shapes in longitude/latitude (WGS84), with the lengths in metres.

    The shapes are scaled to local metres around their middle latitude (an equirectangular view): across one
    municipality or country that is within a few per cent, plenty for a tolerance of a metre.

    >>> import shapely
    >>> west, east = shapely.box(9.0, 56.0, 9.01, 56.01), shapely.box(9.01, 56.0, 9.02, 56.01)
    >>> island = shapely.box(9.05, 56.05, 9.06, 56.06)
    >>> neighbours_lonlat([west, east, island])
    ((1,), (0,), ())
    """
    geometries = np.asarray(shapes, dtype=object)
    if len(geometries) == 0:
        return ()
    south, north = shapely.total_bounds(geometries)[[1, 3]]
    scale = np.array([math.cos(math.radians((south + north) / 2)), 1.0]) * METRES_PER_DEGREE
    metric = shapely.transform(geometries, lambda xy: xy * scale)
    return neighbours(metric, tolerance_m, min_border_m)
