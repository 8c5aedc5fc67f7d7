"""Statistics parsers: every supported layout read right, and malformed input refused with our own error only."""

from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from data.errors import InputError
from stats.formats import read_long
from stats.table import grid_from_text, read_grids
from stats.validate import parse_values, validate
from tests.conftest import NEEDS_SHARED_FIXTURES, SHARED_FIXTURES

DST = SHARED_FIXTURES / "dk_dst_formats"
needs_fixtures = NEEDS_SHARED_FIXTURES


def _long(path: Path):
    (grid,) = read_grids(path)
    return grid, *read_long(grid, path)


@needs_fixtures
def test_statistics_denmark_manual_export_latin1_with_title_lines():
    grid, long, layout = _long(DST / "statbank_OFF29_2012_manual_export.csv")
    assert layout.id == "wide"
    assert grid.titles[0].startswith("Klassifikation af offentlige udgifter")
    assert long["district"].tolist()[3] == "1.2 Økonomisk bistand til udlandet"
    assert set(long["year"]) == {"2012"} and long["value"].tolist()[0] == "1080795"
    assert long["indicator"].unique().tolist() == ["statbank_off29_2012_manual_export"]


@needs_fixtures
def test_semicolons_and_decimal_commas_with_leading_spaces():
    grid, long, _ = _long(DST / "oes_cs_finanslov_2010_2015.csv")
    assert grid.decimal_comma
    values, _ = parse_values(long["value"], long["decimal_comma"])
    assert values.tolist()[:2] == [73.7, 71.1]
    assert long["district"].tolist()[0] == "01 Dronningen", "trailing spaces are trimmed"


@needs_fixtures
def test_wide_years_as_columns_joined_by_name():
    _, long, layout = _long(DST / "befolkning_kommuner_2006_2015.csv")
    assert layout.id == "wide" and len(long) == 99 * 10
    assert sorted(set(long["year"])) == [str(year) for year in range(2006, 2016)]


def test_statistics_denmark_api_form_keeps_first_quarters_and_marks_confidential_as_missing(tmp_path):
    path = tmp_path / "FOLK1A.csv"
    path.write_text(
        "OMRÅDE;KØN;TID;INDHOLD\nØster Snede;Mænd;2016K1;1234\nØster Snede;Mænd;2016K2;1240\n"
        "Øster Snede;Kvinder;2016K1;..\n",
        encoding="utf-8",
    )
    _, long, layout = _long(path)
    assert layout.id == "statistics-denmark-api"
    assert long["indicator"].tolist() == ["koen_maend", "koen_kvinder"]
    tidy = validate(long, ["7897"], ["Øster Snede"], {})
    assert tidy["status"].tolist() == ["", "missing"] and tidy["district_id"].tolist() == ["7897", "7897"]


def test_tidy_with_bom_and_tabs(tmp_path):
    path = tmp_path / "tidy.tsv"
    path.write_bytes("\ufeffdistrict_id\tyear\tindicator\tvalue\n07\t2016\tresidents\t1.234,5\n".encode())
    _, long, layout = _long(path)
    assert layout.id == "tidy" and long["district"].tolist() == ["07"]
    assert parse_values(long["value"], long["decimal_comma"])[0].tolist() == [1234.5]


def test_danish_thousands_dots_with_semicolons(tmp_path):
    path = tmp_path / "folketal.csv"
    path.write_text("Område;2015;2016\nØlsted;1.234;1.240\n", encoding="utf-8")
    _, long, _ = _long(path)
    assert parse_values(long["value"], long["decimal_comma"])[0].tolist() == [1234.0, 1240.0]


@pytest.mark.parametrize("shape", ["tidy", "wide"])
def test_excel_sheets_of_either_shape(tmp_path, shape):
    path = tmp_path / f"{shape}.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    rows = (
        [("district_id", "year", "indicator", "value"), ("07", 2016, "residents", 1200)]
        if shape == "tidy"
        else [("district_id", "indicator", 2015, 2016), ("07", "residents", 1190, 1200)]
    )
    for row in rows:
        sheet.append(row)
    book.save(path)
    _, long, layout = _long(path)
    assert layout.id == shape
    assert validate(long, ["07"], ["Syv"], {})["value"].tolist()[-1] == 1200


def test_a_header_no_layout_fits_lists_the_layouts(tmp_path):
    path = tmp_path / "odd.csv"
    path.write_text("a,b\n1,2\n")
    with pytest.raises(InputError, match="fits no known layout.*tidy"):
        _long(path)


cells = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(cells, min_size=1, max_size=6), min_size=0, max_size=8), st.sampled_from([",", ";", "\t"]))
def test_malformed_tables_raise_only_our_error(rows, separator):
    text = "\n".join(separator.join(row) for row in rows)
    try:
        grid = grid_from_text(text, "fuzz.csv")
        long, _ = read_long(grid, Path("fuzz.csv"))
        validate(long, ["01", "02"], ["Ølsted", "Rårup"], {})
    except InputError:
        pass


@settings(max_examples=200)
@given(st.binary(max_size=300))
def test_any_bytes_raise_only_our_error(tmp_path_factory, raw):
    path = tmp_path_factory.mktemp("fuzz") / "bytes.csv"
    path.write_bytes(raw)
    try:
        for grid in read_grids(path):
            long, _ = read_long(grid, path)
            validate(long, ["01"], ["Ølsted"], {"residents": "count"})
    except InputError:
        pass


@settings(max_examples=200)
@given(st.lists(st.tuples(st.sampled_from(["01", "02", "Ølsted", "x"]), st.text(max_size=6), cells, cells), max_size=6))
def test_tidy_rows_with_nonsense_values_raise_only_our_error(rows):
    text = "district_id,year,indicator,value\n" + "\n".join(",".join(f'"{c}"' for c in row) for row in rows)
    try:
        grid = grid_from_text(text, "fuzz.csv")
        long, _ = read_long(grid, Path("fuzz.csv"))
        validate(long, ["01", "02"], ["Ølsted", "Rårup"], {})
    except InputError:
        pass
