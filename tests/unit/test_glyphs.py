"""The map's label font is committed as MapLibre glyph files, and covers every name the map can show."""

from pathlib import Path

import pytest

from ui.figure import LABEL_FONT, map_setup

ASSETS = Path(__file__).resolve().parents[2] / "assets"
GLYPHS = ASSETS / "glyphs" / LABEL_FONT


def _varint(data: bytes, position: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        byte = data[position]
        value |= (byte & 0x7F) << shift
        position, shift = position + 1, shift + 7
        if not byte & 0x80:
            return value, position


def _fields(data: bytes):
    position = 0
    while position < len(data):
        key, position = _varint(data, position)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, position = _varint(data, position)
        else:
            length, position = _varint(data, position)
            value, position = data[position : position + length], position + length
        yield number, value


def glyph_ids(path: Path) -> tuple[str, str, set[int]]:
    """The fontstack name, range and glyph ids of one .pbf file."""
    (_, stack), *_ = _fields(path.read_bytes())
    name = range_ = ""
    ids = set()
    for number, value in _fields(stack):
        if number == 1:
            name = value.decode()
        elif number == 2:
            range_ = value.decode()
        elif number == 3:
            ids.add(dict(_fields(value))[1])
    return name, range_, ids


def test_the_map_asks_this_origin_for_glyphs_and_nothing_else(demo):
    setup = map_setup(demo, "/data/districts.x.geojson")
    assert setup["glyphs"].startswith("/assets/glyphs/") and setup["font"] == LABEL_FONT
    script = (ASSETS / "district_map.js").read_text(encoding="utf-8")
    assert "http" not in script.replace("https://github.com/maplibre", ""), "the map must not fetch from outside"
    assert "origin + setup.glyphs" in script


@pytest.mark.parametrize("path", sorted(GLYPHS.glob("*.pbf")), ids=lambda path: path.name)
def test_each_file_holds_its_range_of_the_font(path):
    name, range_, ids = glyph_ids(path)
    start, end = map(int, range_.split("-"))
    assert name == LABEL_FONT and path.stem == range_
    assert ids and all(start <= glyph <= end for glyph in ids)


def test_every_letter_of_a_nordic_district_name_is_covered(demo):
    covered = set().union(*(glyph_ids(path)[2] for path in GLYPHS.glob("*.pbf")))
    letters = set("".join(demo.district_names)) | set("ÆØÅæøåÄÖäöÜüÉé–-.' ")
    missing = {letter for letter in letters if ord(letter) not in covered}
    assert not missing


def test_the_vendored_map_library_is_the_pinned_release_with_its_licence():
    vendor = ASSETS / "vendor" / "maplibre-gl"
    header = (vendor / "maplibre-gl.js").read_text(encoding="utf-8")[:300]
    assert "v5.24.1" in header and "maplibre-gl@5.24.1" in (vendor / "README.md").read_text(encoding="utf-8")
    assert "Redistribution and use" in (vendor / "LICENSE.txt").read_text(encoding="utf-8")
