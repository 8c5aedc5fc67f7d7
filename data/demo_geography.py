"""The demo municipality's land and school districts: fictional, but shaped like the real thing.

A land area on the east coast of Jutland with a fjord and a small island is split into school districts around
village points. The districts are Voronoi cells whose borders are bent by a smooth displacement field, so they
wander like real borders along streams and roads while neighbours still share every vertex.
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import shapely

from geo.crs import DANISH_CRS

CENTRE_X, CENTRE_Y = 548_000.0, 6_185_000.0  # EPSG:25832, metres: East Jutland
SCALE = 0.9  # shrinks the drawing to about Hedensted's 551.5 km²


@dataclass(frozen=True)
class Place:
    """A school district's seed: its id, name, kind of settlement and position relative to the centre, in km."""

    district_id: str
    name: str
    kind: str  # "town", "small_town", "village", "rural" or "island"
    east_km: float
    north_km: float


# Hand-placed so the town sits at the head of the fjord and villages spread inland, as settlements do.
PLACES: tuple[Place, ...] = (
    Place("01", "Fjordby", "town", 4.0, 1.2),
    Place("02", "Fjordby Nord", "small_town", 4.6, 4.0),
    Place("03", "Havnsted", "small_town", 11.5, -2.6),
    Place("04", "Østerlund", "village", 9.0, 6.5),
    Place("05", "Vesterå", "village", -9.5, 1.0),
    Place("06", "Nørre Kildebjerg", "village", -2.5, 8.5),
    Place("07", "Søndervang", "village", 1.5, -6.5),
    Place("08", "Egeskov", "rural", -6.0, 7.0),
    Place("09", "Bøgely", "village", -5.0, -4.0),
    Place("10", "Rødkilde", "rural", -13.0, 5.5),
    Place("11", "Tornhøj", "rural", -13.5, -3.5),
    Place("12", "Ålund", "village", 6.5, -4.5),
    Place("13", "Stenvad", "rural", 0.5, 11.0),
    Place("14", "Mølleby", "small_town", -1.5, 2.5),
    Place("15", "Agerlund", "rural", -9.0, -8.0),
    Place("16", "Hesselbjerg", "rural", -3.0, -10.0),
    Place("17", "Kærby", "village", 5.5, 9.5),
    Place("18", "Lyngå", "rural", 12.5, 3.5),
    Place("19", "Engvad", "rural", 3.0, -10.5),
    Place("20", "Bredstrup", "village", -9.0, 10.5),
    Place("21", "Skovsende", "rural", -15.5, 1.0),
    Place("22", "Hvidsten", "village", 9.0, -8.5),
    Place("23", "Æbeløkke", "island", 15.8, -1.5),
)


def _position(place: Place) -> tuple[float, float]:
    return CENTRE_X + place.east_km * 1000, CENTRE_Y + place.north_km * 1000


def _wobble(x: np.ndarray, y: np.ndarray, amplitude_m: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    # A smooth field of a few sine waves: continuous, so a shared vertex moves the same way for both neighbours.
    rng = np.random.default_rng(seed)
    dx = np.zeros_like(x)
    dy = np.zeros_like(y)
    for _ in range(4):
        kx, ky = rng.uniform(1 / 2400, 1 / 900, size=2)
        phase_x, phase_y = rng.uniform(0, 2 * np.pi, size=2)
        dx += np.sin(x * kx + y * ky * 0.7 + phase_x)
        dy += np.sin(y * ky + x * kx * 0.6 + phase_y)
    return x + amplitude_m / 2 * dx, y + amplitude_m / 2 * dy


def _bend(geometry: shapely.Geometry, amplitude_m: float, seed: int) -> shapely.Geometry:
    def move(coords: np.ndarray) -> np.ndarray:
        x, y = _wobble(coords[:, 0], coords[:, 1], amplitude_m, seed)
        return np.column_stack([x, y])

    return shapely.transform(geometry, move)


def _land() -> tuple[shapely.Geometry, shapely.Geometry]:
    angles = np.linspace(0, 2 * np.pi, 720, endpoint=False)
    radius = 1 + 0.06 * np.sin(3 * angles + 0.4) + 0.04 * np.sin(7 * angles + 1.3) + 0.02 * np.sin(13 * angles)
    outline = shapely.Polygon(
        np.column_stack([CENTRE_X + 17_500 * radius * np.cos(angles), CENTRE_Y + 13_500 * radius * np.sin(angles)])
    )
    # The sea to the east: a coastline running north-south with bays.
    north = np.linspace(CENTRE_Y - 20_000, CENTRE_Y + 20_000, 400)
    coast_x = CENTRE_X + 13_000 + 1_600 * np.sin((north - CENTRE_Y) / 3_100) + 700 * np.sin((north - CENTRE_Y) / 1_100)
    sea = shapely.Polygon(
        [*zip(coast_x, north, strict=True), (CENTRE_X + 30_000, north[-1]), (CENTRE_X + 30_000, north[0])]
    )
    # The fjord: a winding inlet from the coast westwards to the town, narrowing towards its head.
    east = np.linspace(CENTRE_X + 5_200, CENTRE_X + 16_000, 200)
    mid_y = CENTRE_Y + 2_600 + 900 * np.sin((east - CENTRE_X) / 2_300)
    half_width = np.interp(east, [east[0], east[-1]], [180, 900])
    fjord = shapely.Polygon(
        [*zip(east, mid_y + half_width, strict=True), *zip(east[::-1], (mid_y - half_width)[::-1], strict=True)]
    )
    island = shapely.Point(CENTRE_X + 15_800, CENTRE_Y - 1_500).buffer(1_000, quad_segs=24)
    island = shapely.affinity.scale(island, 1.6, 0.8)
    return shapely.difference(shapely.difference(outline, sea), fjord), island


def demo_districts() -> gpd.GeoDataFrame:
    """The demo's school districts in EPSG:25832: one row per place, with ``district_id``, ``name``, ``kind``.

    The island is a district of its own, as small islands' schools are; the mainland is split around the rest.
    """
    mainland, island = _land()
    mainland = _bend(shapely.segmentize(mainland, 150), 350, seed=11)
    on_mainland = [place for place in PLACES if place.kind != "island"]
    seeds = shapely.multipoints([_position(place) for place in on_mainland])
    voronoi = shapely.voronoi_polygons(seeds, extend_to=mainland.envelope.buffer(5_000), ordered=True)
    cells = _bend(shapely.segmentize(shapely.get_parts(voronoi), 100), 300, seed=5)
    shapes = {
        place.district_id: shapely.make_valid(shapely.intersection(cell, mainland))
        for place, cell in zip(on_mainland, cells, strict=True)
    }
    shapes.update({place.district_id: island for place in PLACES if place.kind == "island"})
    geometry = [
        shapely.affinity.scale(shapes[place.district_id], SCALE, SCALE, origin=(CENTRE_X, CENTRE_Y)) for place in PLACES
    ]
    # Neighbours computed their shared border separately; a 1 cm grid makes their vertices identical again.
    geometry = shapely.set_precision(geometry, 0.01)
    return gpd.GeoDataFrame(
        {
            "district_id": [place.district_id for place in PLACES],
            "name": [place.name for place in PLACES],
            "kind": [place.kind for place in PLACES],
        },
        geometry=geometry,
        crs=DANISH_CRS,
    )
