"""The geometry pipeline on tiny fixtures made in code."""

import geopandas as gpd
import pytest
import shapely
from shapely import Polygon, box

from geo.crs import DANISH_CRS, WEB_CRS
from geo.pipeline import prepare_districts
from layers.errors import InputError
from tests.conftest import grid_districts


def test_output_is_wgs84_with_string_ids_and_leading_zeros():
    out, report = prepare_districts(grid_districts(), id_field="district_id", name_field="name")
    assert out.crs == gpd.GeoSeries([], crs=WEB_CRS).crs
    assert list(out["district_id"]) == ["01", "02", "03", "04"]
    assert report.districts == 4 and report.repaired == 0 and report.dissolved_rows == 0
    west, south, east, north = out.total_bounds
    assert 9 < west < east < 10 and 55 < south < north < 56


def test_invalid_polygons_are_repaired_and_counted():
    bowtie = Polygon([(550_000, 6_180_000), (551_000, 6_181_000), (551_000, 6_180_000), (550_000, 6_181_000)])
    table = gpd.GeoDataFrame({"id": ["7"], "name": ["Sløjfe"]}, geometry=[bowtie], crs=DANISH_CRS)
    out, report = prepare_districts(table, id_field="id", name_field="name")
    assert report.repaired == 1
    assert out.geometry.is_valid.all() and out.geometry.iloc[0].area > 0


def test_rows_with_the_same_id_are_dissolved_and_z_is_dropped():
    parts = [shapely.force_3d(box(0, 0, 1000, 1000), 12.0), box(3000, 0, 4000, 1000)]
    table = gpd.GeoDataFrame({"id": ["05", "05"], "name": ["Ø", "Ø"]}, geometry=parts, crs=DANISH_CRS)
    out, report = prepare_districts(table, id_field="id", name_field="name")
    assert len(out) == 1 and report.dissolved_rows == 1
    assert not out.geometry.has_z.any()


def test_simplified_neighbours_still_share_their_border():
    wiggly = shapely.segmentize(grid_districts().geometry, 10)
    table = grid_districts().set_geometry(wiggly)
    out, _ = prepare_districts(table, id_field="district_id", name_field="name", tolerance_m=50)
    assert out.to_crs(DANISH_CRS).geometry.is_valid_coverage()


def test_gaps_and_overlaps_are_measured():
    # Eight 1 km squares around an empty centre: a 1 km² gap. One square pushed 100 m into its neighbour.
    ring = [(x, y) for y in range(3) for x in range(3) if (x, y) != (1, 1)]
    squares = [box(x * 1000, y * 1000, (x + 1) * 1000, (y + 1) * 1000) for x, y in ring]
    squares[0] = shapely.affinity.translate(squares[0], 0, 100).union(squares[0])
    table = gpd.GeoDataFrame(
        {"id": [str(i) for i in range(8)], "name": list("ABCDEFGH")}, geometry=squares, crs=DANISH_CRS
    )
    _, report = prepare_districts(table, id_field="id", name_field="name")
    assert report.gap_m2 == pytest.approx(1_000_000, rel=0.01)
    assert report.overlap_m2 == pytest.approx(100 * 1000, rel=0.01)


def test_a_file_without_crs_is_refused_with_the_flag_that_fixes_it():
    table = grid_districts().set_crs(None, allow_override=True)
    with pytest.raises(InputError, match="--crs"):
        prepare_districts(table, id_field="district_id", name_field="name")


def test_an_unknown_field_is_named():
    with pytest.raises(InputError, match="skolenavn"):
        prepare_districts(grid_districts(), id_field="district_id", name_field="skolenavn")
