"""Neighbours come from the polygons: shapes that share a stretch of border, worked out once at load."""

import shapely

from data.load import load_dataset
from geo.neighbours import neighbours, neighbours_lonlat
from ui.figure import map_setup


def _square(column: int, row: int, size: float = 1000.0) -> shapely.Geometry:
    # EPSG:25832-like metres, near Hedensted.
    x, y = 550_000.0 + column * size, 6_180_000.0 + row * size
    return shapely.box(x, y, x + size, y + size)


def test_squares_that_share_a_side_are_neighbours_both_ways():
    grid = [_square(0, 0), _square(1, 0), _square(0, 1), _square(1, 1)]
    found = neighbours(grid)
    # Side by side: 0-1, 0-2, 1-3, 2-3. Diagonals (0-3, 1-2) meet only at the centre point.
    assert found == ((1, 2), (0, 3), (0, 3), (1, 2))


def test_a_corner_only_touch_is_no_border():
    assert neighbours([_square(0, 0), _square(1, 1)]) == ((), ())


def test_an_island_has_no_neighbours():
    found = neighbours([_square(0, 0), _square(1, 0), _square(5, 5)])
    assert found[2] == () and found[0] == (1,)


def test_a_small_gap_between_digitised_borders_is_forgiven_but_a_real_gap_is_not():
    left = _square(0, 0)
    nearly = shapely.affinity.translate(_square(1, 0), 0.5)  # half a metre apart: one border drawn twice
    apart = shapely.affinity.translate(_square(1, 0), 50.0)  # a 50 m strip of sea between them
    assert neighbours([left, nearly]) == ((1,), (0,))
    assert neighbours([left, apart]) == ((), ())


def test_longitude_and_latitude_are_measured_in_metres():
    # 0.00001° of longitude at 56° N is about 0.6 m: inside the tolerance; 0.001° (62 m) is not.
    west = shapely.box(9.0, 56.0, 9.01, 56.01)
    assert neighbours_lonlat([west, shapely.box(9.01001, 56.0, 9.02, 56.01)]) == ((1,), (0,))
    assert neighbours_lonlat([west, shapely.box(9.011, 56.0, 9.02, 56.01)]) == ((), ())


def test_no_shapes_have_no_neighbours():
    assert neighbours([]) == () and neighbours_lonlat([]) == ()


def test_the_demo_sends_its_neighbours_to_the_map_once_per_shape(demo):
    setup = map_setup(demo, "/data/x.geojson")
    found = setup["neighbours"]
    assert len(found) == len(demo.feature_keys)
    names = demo.district_names
    # Symmetric, never oneself; the island in the fjord has none, and the town has several.
    assert all(shape in found[other] for shape, each in enumerate(found) for other in each)
    assert all(shape not in each for shape, each in enumerate(found))
    assert found[names.index("Æbeløkke")] == []
    assert len(found[names.index("Fjordby")]) >= 3


def test_neighbours_are_worked_out_per_shape_across_boundary_periods(redrawn_folder):
    dataset = load_dataset(redrawn_folder)
    assert len(dataset.neighbours) == len(dataset.feature_keys)
    assert all(dataset.neighbours)  # a small grid: every shape borders another


def test_an_invalid_polygon_still_finds_its_neighbours():
    x, y = 551_000.0, 6_180_000.0  # a bow tie whose right-hand side runs along the square at its left
    bow_tie = shapely.Polygon([(x, y), (x + 1000, y + 1000), (x + 1000, y), (x, y + 1000)])
    assert not bow_tie.is_valid
    assert neighbours([_square(0, 0), bow_tie, _square(2, 0)]) == ((1,), (0, 2), (1,))
