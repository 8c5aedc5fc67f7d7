"""Text from a dataset is data, never markup: a dataset folder from anywhere (a downloaded datapackage.json, a hand
edit) may hold markup, JSON, control characters and very long names, and the page and every export still work and
show that text as it is. The browser half (nothing runs, the text shows literally) is tests/browser/test_hostile_page.py.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import re
from html.parser import HTMLParser
from urllib.parse import unquote

import openpyxl
import pytest

from app import create_app
from data.load import load_dataset
from layers.errors import InputError
from tests.conftest import HOSTILE_AREA, HOSTILE_NAMES, HOSTILE_TITLE, write_hostile, write_imported
from ui.labels import MAX_LABEL_CHARS, option_label

TEXT_EXPORTS = ("csv", "xlsx", "geojson")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    return load_dataset(write_hostile(tmp_path_factory.mktemp("hostile") / "hostile"))


@pytest.fixture(scope="module")
def client(hostile):
    return create_app(hostile).server.test_client()


class _Scripts(HTMLParser):
    """The page's script elements and its title, as a browser's parser sees them."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[tuple[dict, str]] = []
        self.title, self._in = "", None

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "title"):
            self._in = (tag, dict(attrs))
            if tag == "script":
                self.scripts.append((dict(attrs), ""))

    def handle_endtag(self, tag):
        self._in = None

    def handle_data(self, data):
        if self._in and self._in[0] == "script":
            self.scripts[-1] = (self.scripts[-1][0], self.scripts[-1][1] + data)
        elif self._in and self._in[0] == "title":
            self.title += data


def _parsed(html: str) -> _Scripts:
    parser = _Scripts()
    parser.feed(html)
    return parser


# The page.


@pytest.mark.parametrize("path", ["/", "/embed", "/embed?year=2015"])
def test_the_title_is_text_and_only_dashs_own_scripts_are_on_the_page(client, demo, path):
    html = client.get(path).get_data(as_text=True)
    parsed = _parsed(html)
    assert parsed.title == f"Distriktskort · {HOSTILE_AREA}", "the whole title, as text"
    assert "__hostile" not in "".join(body for _, body in parsed.scripts), "no dataset text inside a script"
    plain = _parsed(create_app(demo).server.test_client().get(path).get_data(as_text=True))
    assert [attrs for attrs, _ in parsed.scripts] == [attrs for attrs, _ in plain.scripts], "the demo's scripts"
    assert html.count("<script") == len(parsed.scripts)
    assert html.count("{%") == 2, "the placeholders in the title and description stay text, never filled in"


@pytest.mark.parametrize("path", ["/", "/embed"])
def test_scripts_run_by_hash_never_by_unsafe_inline(client, path):
    page = client.get(path)
    policy = page.headers["Content-Security-Policy"]
    scripts = re.search(r"script-src ([^;]*)", policy).group(1).split()
    assert "'unsafe-inline'" not in scripts and "'self'" in scripts
    inline = [body for attrs, body in _parsed(page.get_data(as_text=True)).scripts if "src" not in attrs]
    executed = [
        body
        for attrs, body in _parsed(page.get_data(as_text=True)).scripts
        if "src" not in attrs and attrs.get("type", "application/javascript") != "application/json"
    ]
    assert inline and executed, "Dash's config (data) and its renderer start (script) are inline"
    for body in executed:
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in scripts, body[:80]


def test_every_dataset_text_reaches_the_layout_as_a_string(client):
    layout = client.get("/_dash-layout").get_json()
    assert f" · {HOSTILE_AREA}" in _strings(layout), "React sets it as the header's text"
    names = _find(layout, "names")
    assert names == list(HOSTILE_NAMES.values()), "the page gets each name as text, '{\"$ne\":1}' included"


def _strings(node) -> list[str]:
    if isinstance(node, str):
        return [node]
    children = node.values() if isinstance(node, dict) else node if isinstance(node, list) else ()
    return [text for child in children for text in _strings(child)]


def _find(node, key):
    if isinstance(node, dict):
        if key in node and isinstance(node[key], list):
            return node[key]
        node = list(node.values())
    if isinstance(node, list):
        for child in node:
            found = _find(child, key)
            if found is not None:
                return found
    return None


def test_a_name_stored_as_a_json_object_is_read_as_its_text(hostile):
    assert hostile.district_names[1] == '{"$ne":1}' and isinstance(hostile.district_names[1], str)
    assert hostile.info.title == HOSTILE_TITLE


def test_the_pickers_labels_are_bounded_and_harmless_to_the_search_index(client, hostile):
    from ui.controls import district_options

    labels = {option["value"]: option["label"] for option in district_options(hostile)}
    assert max(len(label) for label in labels.values()) <= MAX_LABEL_CHARS
    assert labels["06"].startswith("Langxxx") and labels["06"].endswith("…")
    assert "__proto__" not in labels["05"].casefold() and labels["05"].replace("\u200d", "") == "__proto__"
    assert labels["02"] == '{"$ne":1}' and labels["04"] == HOSTILE_NAMES["04"]


@pytest.mark.parametrize("text", ["__PROTO__", "x__proto__y", "a __proto__ b", "__proto____proto__"])
def test_no_label_can_hold_proto(text):
    assert "__proto__" not in option_label(text).casefold()


# The exports.


@pytest.mark.parametrize("format_id", TEXT_EXPORTS)
def test_every_export_of_hostile_text_is_a_download_with_its_alt_text_encoded(client, hostile, format_id):
    response = client.get(f"/export/view.{format_id}")
    assert response.status_code == 200
    alt_text = response.headers["X-Alt-Text"]
    assert alt_text.isascii() and alt_text.isprintable(), "percent-encoded: one header line"
    assert HOSTILE_NAMES["04"] in unquote(alt_text), "the highest district, newline and BEL included"


def test_csv_and_geojson_give_back_every_name_exactly(client):
    rows = client.get("/export/view.csv").data.decode("utf-8-sig").splitlines(keepends=True)
    table = list(csv.DictReader(io.StringIO("".join(line for line in rows if not line.startswith("# ")))))
    assert [row["name"] for row in table] == [
        "'" + name if name.startswith(("=", "+", "-", "@")) else name for name in HOSTILE_NAMES.values()
    ]
    features = json.loads(client.get("/export/view.geojson").data)["features"]
    assert [feature["properties"]["name"] for feature in features] == list(HOSTILE_NAMES.values())
    assert all(isinstance(feature["properties"]["name"], str) for feature in features), "never an object"


def test_xlsx_shows_control_characters_as_their_pictures(client):
    book = openpyxl.load_workbook(io.BytesIO(client.get("/export/view.xlsx").data))
    names = [row[1] for row in book["Data"].iter_rows(min_row=2, values_only=True)]
    assert names[3] == "Nør␇rebro\nNy" and names[1] == '{"$ne":1}' and names[0] == HOSTILE_NAMES["01"]
    about = dict(book["Om data"].iter_rows(values_only=True))
    assert about["Kilde"] == '\'=HYPERLINK("http://x")', "a formula in the source is neutralised too"


@pytest.mark.parametrize("folder_name", ['Hørsholm "ny"', "a;b=c", "Łódź"])
def test_the_dataset_zip_downloads_whatever_its_folder_is_called(tmp_path, folder_name):
    dataset = load_dataset(write_imported(tmp_path / folder_name))
    response = create_app(dataset).server.test_client().get("/export/dataset.zip")
    disposition = response.headers["Content-Disposition"]
    assert response.status_code == 200 and disposition.isascii() and disposition.isprintable()
    assert unquote(disposition.split("filename*=UTF-8''")[-1]) == f"{folder_name}.zip"


# What a dataset folder may not hold.


@pytest.mark.parametrize("district_id", ["__proto__", "a__PROTO__", "x" * 201])
def test_ids_that_would_break_the_pickers_are_refused_at_load(tmp_path, district_id):
    folder = write_hostile(tmp_path / "ids", names={"01": "A", district_id: "B"}, name_as_object=None)
    with pytest.raises(InputError, match="district_id"):
        load_dataset(folder)


def test_a_hand_edited_datapackage_of_the_wrong_shapes_still_loads(tmp_path):
    folder = write_imported(tmp_path / "odd")
    package = json.loads((folder / "datapackage.json").read_text())
    package.update(
        title={"$ne": 1},
        licenses="CC",
        sources=[7, {"title": ["a"]}],
        distriktskort={**package["distriktskort"], "area_name": "bad \ud800 half", "district_term": "x"},
    )
    (folder / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    info = load_dataset(folder).info
    assert (info.title, info.area_name, info.licence, info.source) == ('{"$ne":1}', "bad \ufffd half", "", '["a"]')
    assert create_app(load_dataset(folder)).server.test_client().get("/").status_code == 200


def test_the_svg_picture_stays_well_formed_xml_and_shows_names_as_text(client):
    from xml.dom.minidom import parseString

    response = client.get("/export/view.svg")
    if response.status_code == 503:
        pytest.skip("no Chromium here for pictures")
    document = parseString(response.data)  # a BEL in a name once made the file unreadable
    texts = " ".join(
        child.data for node in document.getElementsByTagName("text") for child in node.childNodes if child.nodeType == 3
    )
    assert "Nør␇rebro" in texts and '{"$ne":1}' in texts and HOSTILE_NAMES["01"] in texts
    assert not document.getElementsByTagName("script") and not document.getElementsByTagName("img")


@pytest.mark.parametrize("year", ["1e300", "99999999999999999999", "²", "Infinity"])
def test_a_hand_edited_year_that_is_no_year_is_one_clear_error(tmp_path, year):
    folder = write_imported(tmp_path / "years")
    path = folder / "statistics.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    first = lines[1].split(",")
    lines[1] = ",".join([first[0], year, *first[2:]])
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="year .* is not a year of four digits"):
        load_dataset(folder)


def test_a_pictures_texts_are_escaped_for_plotly_so_no_name_becomes_markup(hostile):
    from exports.images import image_figure
    from exports.table import view_table
    from view.view import View

    figure = image_figure(hostile, view_table(hostile, View.parse(hostile, "?lang=da")[0], "http://example.org/"))
    names = figure["data"][1]["text"]
    title = figure["layout"]["title"]["text"]
    assert "<img" not in "".join(names) and "&lt;img src=x" in names[0]
    assert "<script>" not in title and "&lt;/title&gt;&lt;script&gt;" in title
    assert "<img" not in figure["layout"]["annotations"][0]["text"]


def test_a_name_with_a_control_character_still_draws_as_a_png(hostile):
    """Chromium refused to draw a picture whose text held a control character (Nør\\x07rebro): every PNG of such a
    dataset answered 503. The name is drawn with the character's picture instead."""
    from exports.images import PICTURES, render
    from exports.table import view_table
    from view.view import View

    assert any("\x07" in name for name in hostile.district_names)
    try:
        png = render(hostile, view_table(hostile, View.default(hostile), ""), "png")
    finally:
        PICTURES.close()
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
