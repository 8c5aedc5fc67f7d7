"""Statistics files read into grids, their columns given roles and turned into long rows; malformed input is
refused with our own error only."""

import contextlib
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from importer.areas import Polygons
from importer.grid import grid_from_text
from importer.roles import Overrides, find_roles
from importer.rows import long_rows
from importer.sources import read_grids
from layers.errors import InputError
from stats.validate import parse_values, validate
from tests.conftest import NEEDS_SHARED_FIXTURES, SHARED_FIXTURES

DST = SHARED_FIXTURES / "dk_dst_formats"
needs_fixtures = NEEDS_SHARED_FIXTURES


def _polygons(ids, names) -> Polygons:
    return Polygons({"id": tuple(ids), "name": tuple(names)}, tuple(ids), tuple(names))


def _rows(grid, path: Path, ids=("01", "02"), names=("Ølsted", "Rårup")):
    roles = find_roles(grid, path, _polygons(ids, names), ["id", "name"], Overrides())
    long, specs = long_rows(grid, roles, path)
    return roles, long, specs


def _long(path: Path, ids=("01", "02"), names=("Ølsted", "Rårup")):
    (grid,) = read_grids(path)
    return grid, *_rows(grid, path, ids, names)


@needs_fixtures
def test_statistics_denmark_manual_export_latin1_with_title_lines():
    (grid,) = read_grids(DST / "statbank_OFF29_2012_manual_export.csv")
    assert grid.titles[0].startswith("Klassifikation af offentlige udgifter")
    assert grid.header == ("", "2012"), "the heading over the labels is a blank"
    assert grid.rows[3] == ("1.2 Økonomisk bistand til udlandet", "18540")


@needs_fixtures
def test_semicolons_and_decimal_commas_with_leading_spaces():
    (grid,) = read_grids(DST / "oes_cs_finanslov_2010_2015.csv")
    figures = pd.Series([row[-1] for row in grid.rows])
    values, _ = parse_values(figures, pd.Series([grid.decimal_comma] * len(figures)))
    assert grid.decimal_comma and values.notna().all() and (values % 1 != 0).any()


@needs_fixtures
def test_wide_years_as_columns_joined_by_name():
    (grid,) = read_grids(DST / "befolkning_kommuner_2006_2015.csv")
    names = [row[0] for row in grid.rows]
    roles, long, _ = _rows(grid, DST / "befolkning.csv", [f"{i:04}" for i in range(len(names))], names)
    assert roles.plan.match.rule in ("as-written", "folded") and len(long) == 99 * 10
    assert sorted(set(long["year"])) == [str(year) for year in range(2006, 2016)]


def test_statistics_denmark_api_form_keeps_first_quarters_and_marks_confidential_as_missing(tmp_path):
    path = tmp_path / "FOLK1A.csv"
    path.write_text(
        "OMRÅDE;KØN;TID;INDHOLD\nØster Snede;Mænd;2016K1;1234\nØster Snede;Mænd;2016K2;1240\n"
        "Øster Snede;Kvinder;2016K1;..\nUldum;Mænd;2016K1;7\nUldum;Kvinder;2016K1;8\n",
        encoding="utf-8",
    )
    _, roles, long, specs = _long(path, ["7897", "7898"], ["Øster Snede", "Uldum"])
    assert [specs[i].title for i in long["indicator"]][:2] == ["Mænd", "Kvinder"]
    assert specs["maend"].family == "KØN"
    tidy = validate(long, {})
    assert tidy["status"].tolist()[:2] == ["", "missing"] and tidy["district_id"].tolist()[:2] == ["7897", "7897"]


def test_tidy_with_bom_and_tabs(tmp_path):
    path = tmp_path / "tidy.tsv"
    path.write_bytes("\ufeffdistrict_id\tyear\tindicator\tvalue\n07\t2016\tresidents\t1.234,5\n".encode())
    _, _, long, _ = _long(path, ["07"], ["Syv"])
    assert long["district"].tolist() == ["07"] and long["indicator"].tolist() == ["residents"]
    assert parse_values(long["value"], long["decimal_comma"])[0].tolist() == [1234.5]


def test_danish_thousands_dots_with_semicolons(tmp_path):
    path = tmp_path / "folketal.csv"
    path.write_text("Område;2015;2016\nØlsted;1.234;1.240\n", encoding="utf-8")
    _, _, long, _ = _long(path)
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
    _, _, long, _ = _long(path, ["07"], ["Syv"])
    assert validate(long, {})["value"].tolist()[-1] == 1200


def test_a_table_without_a_year_says_where_a_year_could_go(tmp_path):
    path = tmp_path / "odd.csv"
    path.write_text("a,b\nØlsted,2\n")
    with pytest.raises(InputError, match="no year found.*--year-column.*file name"):
        _long(path)
    (tmp_path / "odd_2016.csv").write_text("a,b\nØlsted,2\nAtlantis,3\n")
    _, roles, long, _ = _long(tmp_path / "odd_2016.csv")
    assert long["year"].tolist() == ["2016"] and roles.plan.unmatched == ["Atlantis"]


cells = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)


def _read_everything(grid, path):
    _, long, _ = _rows(grid, path)
    validate(long, {"residents": "count"})


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(cells, min_size=1, max_size=6), min_size=0, max_size=8), st.sampled_from([",", ";", "\t"]))
def test_malformed_tables_raise_only_our_error(rows, separator):
    text = "\n".join(separator.join(row) for row in rows)
    with contextlib.suppress(InputError):
        _read_everything(grid_from_text(text, "fuzz.csv"), Path("fuzz.csv"))


@settings(max_examples=200)
@given(st.binary(max_size=300))
def test_any_bytes_raise_only_our_error(tmp_path_factory, raw):
    path = tmp_path_factory.mktemp("fuzz") / "bytes.csv"
    path.write_bytes(raw)
    try:
        for grid in read_grids(path):
            _read_everything(grid, path)
    except InputError:
        pass


@settings(max_examples=200)
@given(st.lists(st.tuples(st.sampled_from(["01", "02", "Ølsted", "x"]), st.text(max_size=6), cells, cells), max_size=6))
def test_tidy_rows_with_nonsense_values_raise_only_our_error(rows):
    text = "district_id,year,indicator,value\n" + "\n".join(",".join(f'"{c}"' for c in row) for row in rows)
    with contextlib.suppress(InputError):
        _read_everything(grid_from_text(text, "fuzz.csv"), Path("fuzz.csv"))
