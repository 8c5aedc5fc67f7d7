"""Hostile and careless imports: every bad input is a one-line refusal (exit 2), never a traceback, within bounds
on size, features, vertices and unpacked bytes; names are text, without control characters."""

import contextlib
import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from data.load import load_dataset
from importer import ImportOptions, Progress, run_import
from layers.errors import InputError
from tests.conftest import grid_districts

ROOT = Path(__file__).resolve().parents[2]
FIGURES = "district_id,year,indicator,value\n01,2016,residents,100\n02,2016,residents,200\n"


def _run(tmp_path, districts: Path, figures: Path, **options):
    out = tmp_path / "out"
    return run_import(
        ImportOptions(districts=(str(districts),), statistics=(figures,), out=out, **options),
        Progress(stages=5, stream=open(os.devnull, "w")),  # noqa: SIM115
    )


@pytest.fixture
def districts(tmp_path) -> Path:
    path = tmp_path / "districts.geojson"
    grid_districts().to_file(path, driver="GeoJSON")
    return path


@pytest.fixture
def figures(tmp_path) -> Path:
    path = tmp_path / "figures.csv"
    path.write_text(FIGURES)
    return path


def _districts_with(tmp_path, **columns) -> Path:
    table = grid_districts()
    for name, values in columns.items():
        table[name] = values
    path = tmp_path / "named.geojson"
    table.to_file(path, driver="GeoJSON")
    return path


@pytest.mark.parametrize(
    ("name", "message"),
    [("Nør\arebro", r"control character \(BELL, U\+0007\)"), ("Nørre\nbro", r"LINE FEED"),
     ("N" * 10_000, r"10,000 characters long; names may have at most 200")],
)  # fmt: skip
def test_names_with_control_characters_or_of_ten_thousand_letters_are_refused(tmp_path, figures, name, message):
    path = _districts_with(tmp_path, name=[name, "B", "C", "D"])
    with pytest.raises(InputError, match=message):
        _run(tmp_path, path, figures)


def test_a_title_with_a_control_character_is_refused_and_markup_is_kept_as_text(tmp_path, districts, figures):
    with pytest.raises(InputError, match="--title"):
        _run(tmp_path, districts, figures, title="Fjordby\x1b[31m")
    _run(tmp_path, districts, figures, title="</title><script>alert(22)</script>")
    assert load_dataset(tmp_path / "out").info.title == "</title><script>alert(22)</script>"


def test_a_name_that_looks_like_json_stays_text(tmp_path, figures):
    collection = json.loads(_districts_with(tmp_path).read_text())
    for feature, name in zip(collection["features"], ['{"$ne":1}', "[1, 2]", "null", "D"], strict=True):
        feature["properties"]["name"] = name
    path = tmp_path / "json_names.geojson"
    path.write_text(json.dumps(collection))
    _run(tmp_path, path, figures)
    dataset = load_dataset(tmp_path / "out")
    assert list(dataset.district_names)[:3] == ['{"$ne":1}', "[1, 2]", "null"]


def test_a_csv_line_of_200_kb_is_refused_in_one_sentence(tmp_path, districts):
    path = tmp_path / "long.csv"
    path.write_text(FIGURES + '01,2016,"' + "x" * 200_000 + '",5\n')
    with pytest.raises(InputError, match=r"long\.csv, line \d+: cannot be read as a table"):
        _run(tmp_path, districts, path)


def test_a_truncated_workbook_is_refused(tmp_path, districts):
    book = openpyxl.Workbook()
    book.active.append(["district_id", "year", "indicator", "value"])
    book.active.append(["01", 2016, "residents", 100])
    buffer = io.BytesIO()
    book.save(buffer)
    path = tmp_path / "cut.xlsx"
    path.write_bytes(buffer.getvalue()[: len(buffer.getvalue()) // 2])
    with pytest.raises(InputError, match="cut.xlsx"):
        _run(tmp_path, districts, path)


@pytest.mark.parametrize("year", ["snart", "inf", "1e9", "²⁰¹⁴"])
def test_a_boundary_year_that_is_not_a_year_is_refused(tmp_path, figures, year):
    path = _districts_with(tmp_path, valid_from=[year, "", "", ""], valid_to=["", "", "", ""])
    with pytest.raises(InputError, match=r"valid_from .* is not a year"):
        _run(tmp_path, path, figures)


def test_coordinates_outside_the_world_are_refused(tmp_path, figures):
    collection = {"type": "FeatureCollection", "features": [{
        "type": "Feature", "properties": {"district_id": "01", "name": "Far"},
        "geometry": {"type": "Polygon", "coordinates": [[[500, 95], [501, 95], [501, 96], [500, 95]]]}}]}  # fmt: skip
    path = tmp_path / "far.geojson"
    path.write_text(json.dumps(collection))
    with pytest.raises(InputError, match="outside the world"):
        _run(tmp_path, path, figures)


def test_a_zip_that_unpacks_to_far_more_is_refused_before_it_is_unpacked(tmp_path, figures):
    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("districts.shp", b"\0" * (40 * 2**20))
    assert path.stat().st_size < 2**20
    with pytest.raises(InputError, match=r"unpacks to 40 MB.*--max-unzipped-mb"):
        _run(tmp_path, path, figures, max_unzipped_mb=10)


@pytest.mark.parametrize(
    ("limit", "message"),
    [({"max_features": 3}, r"4 features.*--max-features"), ({"max_vertices": 10}, r"20 vertices.*--max-vertices"),
     ({"max_input_mb": 1}, r"MB, more than the limit of 1 MB.*--max-input-mb")],
)  # fmt: skip
def test_files_beyond_the_limits_are_refused_with_the_flag_that_raises_them(
    tmp_path, districts, figures, limit, message
):
    if "max_input_mb" in limit:
        figures.write_text(FIGURES + "01,2016,residents,1\n" * 100_000)  # 2 MB: refused before it is read
    with pytest.raises(InputError, match=message):
        _run(tmp_path, districts, figures, **limit)


def test_the_command_line_says_it_in_one_line_with_exit_2(tmp_path, figures):
    path = _districts_with(tmp_path, valid_from=["snart", "", "", ""], valid_to=["", "", "", ""])
    result = subprocess.run(
        [sys.executable, "app.py", "import", "--districts", str(path), "--statistics", str(figures),
         "--out", str(tmp_path / "out")], cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.splitlines()[-1].startswith("distriktskort import: --districts: valid_from 'snart'")


HEADERS = st.sampled_from([b"", b"district_id,year,indicator,value\n", b"\xef\xbb\xbfOMR\xc3\x85DE;TID;INDHOLD\r\n",
                           b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"<html>", b'"Title"\n\n', b"\xff\xfe"])  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(head=HEADERS, body=st.binary(max_size=400), suffix=st.sampled_from([".csv", ".xlsx", ".xls", ".txt"]))
def test_any_bytes_as_statistics_give_a_dataset_or_our_error(tmp_path, districts, head, body, suffix):
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(head + body)
    try:
        _run(tmp_path, districts, path)
    except InputError as error:
        assert path.name in str(error), "the refusal names the file"


GEO_HEADS = st.sampled_from([b"", b'{"type":"FeatureCollection","features":[', b"PK\x03\x04", b"GPKG", b"{",
                             b'{"type":"Topology"'])  # fmt: skip


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(head=GEO_HEADS, body=st.binary(max_size=300), suffix=st.sampled_from([".geojson", ".zip", ".gpkg", ".json"]))
def test_any_bytes_as_districts_give_a_dataset_or_our_error(tmp_path, figures, head, body, suffix):
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(head + body)
    with contextlib.suppress(InputError):
        _run(tmp_path, path, figures)
