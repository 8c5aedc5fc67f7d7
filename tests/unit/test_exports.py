"""Downloads of the current view: round-tripped, neutralised, and never a 500 whatever the address says."""

import csv
import io
import json
import zipfile
from urllib.parse import unquote

import openpyxl
import pytest

from app import create_app
from data.load import load_dataset
from exports.formats import EXPORTERS

VIEW = "indicator=age_0_5&measure=share&year=2016&lang=da"


@pytest.fixture(scope="module")
def client(demo):
    return create_app(demo).server.test_client()


def _csv_rows(body: bytes):
    lines = body.decode("utf-8-sig").splitlines()
    header = [line for line in lines if line.startswith("# ")]
    table = list(csv.DictReader([line for line in lines if not line.startswith("# ")]))
    return header, table


def test_csv_has_provenance_and_the_values_shown(client, demo):
    response = client.get(f"/export/view.csv?{VIEW}")
    assert response.status_code == 200 and "attachment" in response.headers["Content-Disposition"]
    header, rows = _csv_rows(response.data)
    assert "# Titel: 0–5 år: andel af indbyggerne, 2016" in header
    assert any(line.startswith("# Kilde: Distriktskort demo generator") for line in header)
    assert any(line.startswith("# Licens: Creative Commons Zero") for line in header)
    assert any("/?indicator=age_0_5&measure=share&year=2016" in line for line in header)
    series = demo.series["age_0_5", "share"]
    fjordby = next(row for row in rows if row["id"] == "01")
    assert float(fjordby["value"]) == pytest.approx(series.values[-1, 0], abs=1e-6)
    assert int(float(fjordby["count"])) == series.counts[-1, 0] and fjordby["status"] == ""
    assert len(rows) == len(demo.district_ids) and rows[0]["id"] == "01", "ids keep their leading zeros"


def test_xlsx_has_the_table_and_a_sheet_about_it(client, demo):
    response = client.get(f"/export/view.xlsx?{VIEW}&mode=change&from=2011")
    book = openpyxl.load_workbook(io.BytesIO(response.data))
    data, about = book["Data"], book["Om data"]
    assert [cell.value for cell in data[1]] == ["id", "name", "value", "count", "denominator", "status"]
    assert data.max_row == len(demo.district_ids) + 1
    assert about["B1"].value == "0–5 år: ændring i andel af indbyggerne fra 2011 til 2016"
    assert about["B2"].value == "procentpoint"


def test_geojson_carries_the_values_and_the_shapes(client, demo):
    collection = json.loads(client.get(f"/export/view.geojson?{VIEW}").data)
    assert len(collection["features"]) == len(demo.district_ids)
    properties = collection["features"][0]["properties"]
    assert properties["id"] == "01" and properties["name"] == "Fjordby"
    assert collection["metadata"]["Licens"].startswith("Creative Commons")


def test_suppressed_cells_are_exported_without_their_value(client, demo):
    _, rows = _csv_rows(client.get("/export/view.csv?indicator=citizenship_non_western&measure=count&year=2016").data)
    island = next(row for row in rows if row["id"] == "23")
    assert island["status"] == "suppressed" and island["value"] == "" and island["count"] == ""


def test_the_dataset_zip_is_the_folder_as_loaded(client, demo):
    archive = zipfile.ZipFile(io.BytesIO(client.get("/export/dataset.zip").data))
    names = sorted(name.split("/")[-1] for name in archive.namelist())
    assert names == ["datapackage.json", "districts.geojson", "indicators.csv", "statistics.csv"]
    statistics = next(name for name in archive.namelist() if name.endswith("statistics.csv"))
    assert archive.read(statistics) == (demo.folder / "statistics.csv").read_bytes()


def test_a_district_named_like_a_formula_is_neutralised(tiny_folder):
    path = tiny_folder / "districts.geojson"
    path.write_text(path.read_text().replace('"Distrikt 01"', '"=HYPERLINK(\\"http://x\\")"'))
    client = create_app(load_dataset(tiny_folder)).server.test_client()
    _, rows = _csv_rows(client.get("/export/view.csv").data)
    assert rows[0]["name"] == '\'=HYPERLINK("http://x")'
    book = openpyxl.load_workbook(io.BytesIO(client.get("/export/view.xlsx").data))
    assert book["Data"]["B2"].value == '\'=HYPERLINK("http://x")' and book["Data"]["B2"].data_type == "s"


MALFORMED = [
    "year=1800",
    "indicator=%3Cscript%3E",
    "district=%00",
    "x" * 5000,
    "year=2016&year=2017",
    "lang=zz&mode=up",
    "%ff%fe",
]
IMAGES = ("png", "svg", "pdf")  # slow to render, so they get a sample of the malformed queries
ROUTES = [(f, q) for f in EXPORTERS for q in (MALFORMED[:2] if f in IMAGES else MALFORMED)]


@pytest.mark.parametrize(("format_id", "query"), ROUTES)
def test_malformed_parameters_on_every_route_fall_back_to_defaults(client, format_id, query):
    response = client.get(f"/export/view.{format_id}?{query}")
    assert response.status_code == 200


@pytest.mark.parametrize("path", ["/export/view.docx", "/export/view.", "/export/view.csv.exe", "/export/nothing"])
def test_unknown_exports_are_4xx_with_a_message(client, path):
    response = client.get(path)
    assert 400 <= response.status_code < 500
    if path.endswith(("docx", "exe")):
        assert b"Use one of: view.csv, view.xlsx, view.geojson, view.png, view.svg, view.pdf" in response.data


def test_svg_is_a_captioned_vector_map(client, demo):
    response = client.get(f"/export/view.svg?{VIEW}")
    assert response.status_code == 200 and response.mimetype == "image/svg+xml"
    svg = response.data.decode()
    assert "0–5 år: andel af indbyggerne, 2016" in svg and "Fjordby Kommune" in svg
    assert "tal pr. 1. januar 2016" in svg, "the data's date"
    assert "Kilde: Distriktskort demo generator" in svg and "Licens: Creative Commons Zero" in svg and "Hentet:" in svg
    assert svg.count("<path") >= len(demo.district_ids), "every district is a vector path"
    assert "Nørre Kildebjerg" in svg, "district names are on the picture"
    alt_text = unquote(response.headers["X-Alt-Text"])  # percent-encoded UTF-8 (serving/header_values.py)
    assert (
        alt_text
        == "«0–5 år», andel af indbyggerne: højest i Nørre Kildebjerg (9,7 %) og lavest i Mølleby (5,3 %), 2016."
    )


def test_png_is_twice_the_size_for_sharp_print(client):
    import struct

    response = client.get(f"/export/view.png?{VIEW}&mode=change&from=2011")
    assert response.status_code == 200 and response.data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", response.data[16:24])
    assert (width, height) == (1800, 1520)


def _export(*arguments):
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    return subprocess.run(
        [sys.executable, "app.py", "export", *arguments], cwd=root, capture_output=True, text=True, timeout=300
    )


def test_the_export_command_writes_one_view(tmp_path):
    out = tmp_path / "flats.csv"
    result = _export("--indicator", "dwelling_flat", "--year", "2013", "--format", "csv", "--out", str(out))
    assert result.returncode == 0, result.stderr
    header, rows = _csv_rows(out.read_bytes())
    assert "# Titel: Etageboliger: andel af boligerne, 2013" in header and len(rows) == 23
    change = tmp_path / "change.csv"
    arguments = ("--indicator", "dwelling_flat", "--year", "2016", "--mode", "change", "--from", "2012")
    assert _export(*arguments, "--format", "csv", "--out", str(change)).returncode == 0
    assert "# Titel: Etageboliger: ændring i andel af boligerne fra 2012 til 2016" in _csv_rows(change.read_bytes())[0]
    picture = tmp_path / "flats.pdf"
    assert (
        _export("--indicator", "dwelling_flat", "--year", "2013", "--format", "pdf", "--out", str(picture)).returncode
        == 0
    )
    assert picture.read_bytes()[:5] == b"%PDF-"


def test_the_export_command_writes_every_view_with_a_progress_bar(tmp_path, demo):
    result = _export("--all", "--format", "csv", "--out", str(tmp_path / "all"))
    assert result.returncode == 0, result.stderr
    assert len(list((tmp_path / "all").glob("*.csv"))) == len(demo.indicators) * len(demo.years)
    assert "[" + "#" * 30 + "]" in result.stderr and f"{len(demo.indicators) * len(demo.years)} files" in result.stderr


def test_the_export_command_names_what_it_cannot_export(tmp_path):
    result = _export("--indicator", "bananas", "--format", "csv", "--out", str(tmp_path / "x.csv"))
    assert result.returncode == 2 and "indicator=bananas" in result.stderr and "Traceback" not in result.stderr


def test_the_pictures_source_line_is_broken_to_fit_its_width(demo):
    """The source, licence and dates run in lines that fit the picture, none cut off at its right edge."""
    from exports.images import SOURCE_LINE_CHARS, image_figure  # noqa: PLC0415 - the picture module is heavy
    from exports.table import view_table  # noqa: PLC0415
    from view.view import View  # noqa: PLC0415

    table = view_table(demo, View.parse(demo, "?lang=en")[0], "http://example.org/")
    text = image_figure(demo, table)["layout"]["annotations"][0]["text"]
    lines = text.split("<br>")
    assert all(len(line) <= SOURCE_LINE_CHARS for line in lines)
    assert demo.info.licence in text and len(lines) >= 1
