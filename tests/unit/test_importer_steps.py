"""The importer's steps one by one, each registry row with a case of its own: area rules, totals, units, natural
order, grids as spreadsheets publish them, disclosure for an import's own families, and the dataset's words."""

import json

import numpy as np
import openpyxl
import pandas as pd
import pytest

from data.load import load_dataset
from importer import ImportOptions, Progress, run_import
from importer.areas import RULES, Polygons, best_match, near_misses, no_polygon_reason, plan_areas
from importer.metadata import district_term, reference_date
from importer.rows import natural_key
from importer.sources import read_grids
from importer.units import UNIT_RULES, infer_unit
from layers.errors import InputError
from layers.status import SUPPRESSED
from stats.disclosure import DisclosureRule, Membership, apply_disclosure_control
from tests.conftest import NEEDS_SHARED_FIXTURES, SHARED_FIXTURES, grid_districts

CODES = ("0114", "0115", "0117")
NAMES = ("Upplands Väsby", "Vallentuna", "Österåker")
POLYGONS = Polygons({"kod": CODES, "namn": NAMES}, CODES, NAMES)


@pytest.mark.parametrize(
    ("rule", "labels"),
    [
        ("as-written", ["0114", "0115", "0117"]),
        ("code-in-label", ["0114 Upplands Väsby", "0115 Vallentuna", "0117 Österåker"]),
        ("folded", ["UPPLANDS  VÄSBY", "vallentuna", "Österåker"]),
        ("name-in-label", ["01 Upplands-Väsby (Stockholm)", "02 Vallentuna (Stockholm)", "03 Österåker (Stockholm)"]),
    ],
)
def test_each_area_rule_places_every_label_of_its_kind(rule, labels):
    assert rule in {entry.id for entry in RULES}
    found = best_match("column 'region'", labels, POLYGONS, ["kod", "namn"])
    assert found.rule == rule and found.count == 3


def test_national_codes_are_matched_by_the_local_code_they_end_with():
    found = best_match("column 'delbydelid'", ["0301010114", "0301020115", "0301030117"], POLYGONS, ["kod"])
    assert found.rule == "suffix" and found.description == "by the last 4 characters of column 'delbydelid'"


def test_two_national_codes_sharing_one_local_code_are_not_matched_by_suffix():
    found = best_match("c", ["0301010114", "0302010114"], POLYGONS, ["kod"])
    assert found is None or found.rule != "suffix"


def test_a_near_miss_is_suggested_but_not_matched():
    plan = plan_areas("column 'region'", ["Upplands Väsby", "Valentuna"], POLYGONS, ["kod", "namn"])
    assert plan.unmatched == ["Valentuna"] and "Valentuna" not in plan.district_of
    assert near_misses(["Valentuna"], NAMES) == {"Valentuna": "Vallentuna"}


@pytest.mark.parametrize(
    ("label", "reason"),
    [("Hele landet", "total"), ("Oslo i alt", "total"), ("KOKO MAA", "total"), ("Totalt", "total"),
     ("yhteensä", "total"), ("Uden for inddeling", "not placed"), ("Uten registrert adresse", "not placed"),
     ("Vallentuna", None), ("Totalskolen", None)],
)  # fmt: skip
def test_rows_with_no_polygon_are_told_by_their_words(label, reason):
    assert no_polygon_reason(label) == reason


def test_levels_in_one_column_use_the_one_level_that_matches():
    labels = ["Kommune - Stockholm", "Bydel - Vallentuna", "Bydel - Österåker", "Lokaludvalg - Nord",
              "Lokaludvalg - Syd", "Bydel - Upplands Väsby"]  # fmt: skip
    plan = plan_areas("column 'område'", labels, POLYGONS, ["kod", "namn"])
    assert set(plan.district_of.values()) == set(CODES) and "used the level 'Bydel'" in plan.level_note


def test_two_levels_that_both_match_ask_for_an_area_prefix():
    labels = [f"{level} - {name}" for level in ("Bydel", "Lokaludvalg") for name in NAMES]
    with pytest.raises(InputError, match="--area-prefix 'Bydel - ' or --area-prefix 'Lokaludvalg - '"):
        plan_areas("column 'område'", labels, POLYGONS, ["kod", "namn"])
    plan = plan_areas("column 'område'", labels, POLYGONS, ["kod", "namn"], prefix="Lokaludvalg - ")
    assert len(plan.district_of) == 3 and all(label.startswith("Lokaludvalg") for label in plan.district_of)


@pytest.mark.parametrize(
    ("words", "unit"),
    [("Andel (%)", "percent"), ("Andel 65+ år (pct)", "percent"), ("Prosent av befolkningen", "percent"),
     ("Työttömien osuus", "percent"), ("Gennemsnitsalder", "number"), ("Medelålder, genomsnitt", "number"),
     ("Keskiarvo", "number"), ("Median income", "number"), ("Fødte pr. 1.000 indbyggere", "per_1000"),
     ("Andelsboliger", "count")],
)  # fmt: skip
def test_an_indicators_unit_is_told_by_its_title(words, unit):
    assert {rule.unit for rule in UNIT_RULES} >= {"percent", "number", "per_1000"}
    assert infer_unit(words, np.array([12.0, 30.0]))[0] == unit


def test_fractions_and_negative_figures_are_never_counts():
    assert infer_unit("Indkomst", np.array([1.5, 2.0]))[0] == "number"
    assert infer_unit("Nettotilflytning", np.array([-3.0, 2.0]))[0] == "number"
    assert infer_unit("Indbyggere", np.array([np.nan, 2.0]))[0] == "count"


def test_categories_sort_in_their_natural_order():
    labels = ["Før 1850", "1850-1899", "I alt", "1900-1919", "2000 og senere"]
    assert sorted(reversed(labels), key=lambda label: natural_key(label, 0)) == [
        "I alt", "Før 1850", "1850-1899", "1900-1919", "2000 og senere"]  # fmt: skip
    words = ["Enlig", "Par", "Andre"]
    assert sorted(words, key=lambda label: natural_key(label, words.index(label))) == words, "words keep their order"


def _workbook(path, rows):
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def test_a_spreadsheet_download_title_header_rows_blocks_and_footnotes(tmp_path):
    path = _workbook(tmp_path / "scb.xlsx", [
        ["Folkmängden efter region, kön och år"], [],
        [None, None, "2019", None, "2020", None],
        [None, None, "män", "kvinnor", "män", "kvinnor"],
        ["0114 Upplands Väsby", "totalt", 23000, 23500, 23100, 23600],
        [None, "födda i Sverige", 17000, 17100, 17050, 17150],
        ["0115 Vallentuna", "totalt", 17000, 17200, 17100, 17300],
        [], ["Databas: Statistikdatabasen"], ["Intern referenskod: BE0101N1"],
    ])  # fmt: skip
    (grid,) = read_grids(path)
    assert grid.titles == ("Folkmängden efter region, kön och år",)
    assert grid.header[2:] == ("2019 män", "2019 kvinnor", "2020 män", "2020 kvinnor")
    assert [row[:2] for row in grid.rows] == [("0114 Upplands Väsby", "totalt"),
                                             ("0114 Upplands Väsby", "födda i Sverige"),
                                             ("0115 Vallentuna", "totalt")], "block labels filled down"  # fmt: skip
    assert grid.where(2) == f"{path} [Sheet], row 7"


def test_utf16_csv_and_an_html_table_saved_as_xls(tmp_path):
    (tmp_path / "u16.csv").write_bytes("område\tår\tantal\nVallentuna\t2020\t5\n".encode("utf-16"))
    (grid,) = read_grids(tmp_path / "u16.csv")
    assert grid.header == ("område", "år", "antal")
    (tmp_path / "fake.xls").write_bytes(b"<html><table><tr><td>1</td></tr></table></html>")
    with pytest.raises(InputError, match="web page.*CSV"):
        read_grids(tmp_path / "fake.xls")


def _family_table(values, indicators):
    return pd.DataFrame({"district_id": "01", "year": 2016, "indicator": indicators, "value": values, "status": ""})


def test_an_imported_family_with_its_total_published_hides_a_second_cell():
    table = _family_table([3.0, 40.0, 57.0, 100.0], ["a", "b", "c", "total"])
    families = {"a": Membership("f", True), "b": Membership("f", True), "c": Membership("f", True),
                "total": Membership("f#total", False)}  # fmt: skip
    status = apply_disclosure_control(table, DisclosureRule(), families)["status"].tolist()
    assert status == [SUPPRESSED.word, SUPPRESSED.word, "", ""], "3 = 100 - 40 - 57 would be recoverable"
    alone = apply_disclosure_control(table, DisclosureRule())["status"].tolist()
    assert alone == [SUPPRESSED.word, "", "", ""], "without the family, only the small count goes"


def test_the_datasets_own_words_for_districts_and_the_reference_date():
    assert district_term("bydel/bydele") == {"da": "bydel", "en": "district", "da_plural": "bydele",
                                             "en_plural": "districts"}  # fmt: skip
    assert reference_date("31. december") == {"da": "31. december", "en": "31 December", "sv": "31 december"}
    with pytest.raises(InputError, match="SINGULAR/PLURAL"):
        district_term("bydel/bydele/x")
    with pytest.raises(InputError, match="no such day"):
        reference_date("31. februar")


def test_a_family_that_adds_up_to_a_published_total_is_protected_and_the_words_reach_the_package(tmp_path):
    districts = tmp_path / "d.geojson"
    grid_districts(("01", "02", "03", "04")).to_file(districts, driver="GeoJSON")
    rows = ["Område;Husstand;2020"]
    for district, (single, couple) in zip(("01", "02", "03", "04"), ((3, 50), (20, 31), (12, 40), (30, 30)),
                                          strict=True):  # fmt: skip
        rows += [f"{district};Enlige;{single}", f"{district};Par;{couple}", f"{district};Husstande;{single + couple}"]
    figures = tmp_path / "husstande.csv"
    figures.write_text("\n".join(rows), encoding="utf-8")
    options = ImportOptions(districts=(str(districts),), statistics=(figures,), out=tmp_path / "out",
                            district_term="bydel/bydele", reference_date="31. december")  # fmt: skip
    run_import(options, Progress(stages=5, stream=open("/dev/null", "w")))  # noqa: SIM115
    statistics = pd.read_csv(tmp_path / "out" / "statistics.csv", dtype=str, keep_default_na=False)
    first = statistics[statistics["district_id"] == "01"].set_index("indicator")["status"]
    assert first["enlige"] == SUPPRESSED.word and first["par"] == SUPPRESSED.word and first["husstande"] == ""
    package = json.loads((tmp_path / "out" / "datapackage.json").read_text())["distriktskort"]
    assert package["district_term"]["da_plural"] == "bydele" and package["reference_date"]["en"] == "31 December"
    dataset = load_dataset(tmp_path / "out")
    assert dataset.measures_of("par") == ("share", "count"), "a category is a share of the total it adds up to"
    assert dataset.measures_of("husstande") == ("count",) and package["default_measure"] == "share"


@NEEDS_SHARED_FIXTURES
def test_swedish_municipalities_from_an_scb_style_file_by_the_code_in_the_label(tmp_path):
    municipalities = SHARED_FIXTURES / "se_kommuner" / "swedish_municipalities.geojson"
    polygons = pd.DataFrame(json.loads(municipalities.read_text())["features"])["properties"].tolist()
    chosen = polygons[:12]
    lines = ['"Folkmängden efter region och år"', "", '"region","2019","2020"', '"00 Riket",10327589,10379295']
    lines += [f'"{p["id"]} {p["kom_namn"]}",{1000 + i},{1010 + i}' for i, p in enumerate(polygons)]
    figures = tmp_path / "BE0101N1.csv"
    figures.write_bytes("\n".join(lines).encode("cp1252"))
    summary = run_import(
        ImportOptions(districts=(str(municipalities),), statistics=(figures,), out=tmp_path / "se"),
        Progress(stages=5, stream=open("/dev/null", "w")),  # noqa: SIM115
    )
    report = "\n".join(summary.lines())
    assert summary.districts == 290 and summary.years == (2019, 2020)
    assert "by the code at the start of the label (polygon field id)" in report and "'00 Riket'" in report
    assert chosen[0]["id"] in pd.read_csv(tmp_path / "se" / "statistics.csv", dtype=str)["district_id"].tolist()


@pytest.mark.parametrize(("min_count", "said"), [(0, True), (5, False)])
def test_figures_their_publisher_protected_are_shown_as_published_and_the_source_line_says_so(
    tmp_path, min_count, said
):
    from ui import ids
    from ui.layout import page_texts

    districts = tmp_path / "d.geojson"
    grid_districts().to_file(districts, driver="GeoJSON")
    figures = tmp_path / "f.csv"
    figures.write_text("district_id,year,indicator,value\n01,2016,residents,3\n02,2016,residents,200\n")
    options = ImportOptions(districts=(str(districts),), statistics=(figures,), out=tmp_path / "out",
                            min_count=min_count)  # fmt: skip
    summary = run_import(options, Progress(stages=5, stream=open("/dev/null", "w")))  # noqa: SIM115
    dataset = load_dataset(tmp_path / "out")
    assert summary.suppressed == (0 if said else 1)
    assert ("Ingen tal er skjult" in page_texts(dataset, "da")[ids.MAP_SOURCE]) == said
    assert ("their publisher protected them" in page_texts(dataset, "en")[ids.MAP_SOURCE]) == said


def _import_text(tmp_path, text: str, name: str = "figures.csv", **options):
    districts = tmp_path / "d.geojson"
    grid_districts(("0101", "0102", "0103", "0104")).to_file(districts, driver="GeoJSON")
    figures = tmp_path / name
    figures.write_text(text, encoding="utf-8")
    summary = run_import(
        ImportOptions(districts=(str(districts),), statistics=(figures,), out=tmp_path / "out", **options),
        Progress(stages=5, stream=open("/dev/null", "w")),  # noqa: SIM115
    )
    return summary, "\n".join(summary.lines()), load_dataset(tmp_path / "out")


def test_codes_a_spreadsheet_stored_as_numbers_match_without_their_leading_zeros(tmp_path):
    summary, report, _ = _import_text(tmp_path, "kode;år;antal\n101;2020;50\n102;2020;60\nHovedtotal;2020;110\n")
    assert summary.districts == 4 and "leading zeros aside" in report and "'Hovedtotal'" in report


def test_nordic_and_english_ways_of_writing_figures(tmp_path):
    text = ('område,år,"Folk","Andel"\n0101,2020,"1 234","12,5 %"\n0102,2020,"2 345","−3,5 %"\n'
            '0103,2020,"1,234","7,0 %"\n')  # fmt: skip
    with pytest.raises(InputError, match="percentage, which lies between 0 and 100"):
        _import_text(tmp_path, text)  # −3,5 % is no share: the unit came from the "%" in the figures
    summary, report, dataset = _import_text(tmp_path, text.replace("−3,5", "3,5"))
    assert dataset.indicators["andel"].unit == "percent" and "percent: 1" in report
    values = dict(zip(dataset.district_ids, dataset.series["folk", "count"].values[0], strict=True))
    assert [values["0101"], values["0102"]] == [1234.0, 2345.0]


def test_school_years_and_dates_give_the_year_of_the_count(tmp_path):
    _, _, dataset = _import_text(tmp_path, "område;Elever 2021/22;Elever 2022/23\n0101;50;55\n0102;60;66\n")
    assert dataset.years == (2021, 2022)
    _, _, dataset = _import_text(tmp_path, "område;dato;antal\n0101;2020-12-31;50\n0102;2021-12-31;60\n")
    assert dataset.years == (2020, 2021)


def test_a_workbooks_notes_sheet_is_skipped_and_said(tmp_path):
    districts = tmp_path / "d.geojson"
    grid_districts().to_file(districts, driver="GeoJSON")
    book = openpyxl.Workbook()
    for row in (["district_id", "year", "residents"], ["01", 2020, 500], ["02", 2020, 600]):
        book.active.append(row)
    notes = book.create_sheet("Noter")
    for row in (["Kilde", "Danmarks Statistik"], ["Note", "Tal pr. 1. januar"]):
        notes.append(row)
    book.save(tmp_path / "book.xlsx")
    summary = run_import(
        ImportOptions(districts=(str(districts),), statistics=(tmp_path / "book.xlsx",), out=tmp_path / "out"),
        Progress(stages=5, stream=open("/dev/null", "w")),  # noqa: SIM115
    )
    assert summary.indicators == 1 and any("skipped a sheet" in line and "Noter" in line for line in summary.lines())


def test_a_pxweb_json_stat_download_imports_like_its_csv(tmp_path):
    regions = {"0101": "Gamle Oslo", "0102": "Grünerløkka", "0103": "Sagene", "0104": "St. Hanshaugen",
               "0199": "Uoppgitt"}  # fmt: skip
    data = {
        "version": "2.0", "class": "dataset", "label": "07459: Befolkning, etter region, kjønn og år",
        "id": ["Region", "Kjonn", "Tid"], "size": [5, 2, 2], "role": {"geo": ["Region"], "time": ["Tid"]},
        "dimension": {
            "Region": {"label": "region", "category": {"index": {code: i for i, code in enumerate(regions)},
                                                       "label": regions}},
            "Kjonn": {"label": "kjønn", "category": {"index": ["1", "2"], "label": {"1": "Menn", "2": "Kvinner"}}},
            "Tid": {"label": "år", "category": {"index": {"2020": 0, "2021": 1}}},
        },
        "value": [100 + i for i in range(20)],
        "status": {"3": ".."},
    }  # fmt: skip
    data["value"][3] = None
    summary, report, dataset = _import_text(tmp_path, json.dumps(data, ensure_ascii=False), name="07459.json")
    assert summary.districts == 4 and summary.years == (2020, 2021) and summary.indicators == 2
    assert "column 'region (code)' matched by id" in report and "'0199 (Uoppgitt)'" in report
    assert summary.missing == 1, "the status '..' of a value that is null"
    assert [dataset.indicators[i].title.da for i in dataset.indicators] == ["Menn", "Kvinner"]


def test_a_long_read_shows_a_bar_in_a_log_a_line_a_quarter(tmp_path, monkeypatch):
    import io

    import importer.pipeline
    import importer.rows

    monkeypatch.setattr(importer.rows, "TICK_ROWS", 2)
    monkeypatch.setattr(importer.pipeline, "TICK_ROWS", 2)
    districts = tmp_path / "d.geojson"
    grid_districts().to_file(districts, driver="GeoJSON")
    figures = tmp_path / "many.csv"
    figures.write_text("district_id,year,indicator,value\n" + "".join(
        f"0{d},{year},residents,{100 + d}\n" for d in range(1, 5) for year in range(2000, 2010)))  # fmt: skip
    log = io.StringIO()
    run_import(ImportOptions(districts=(str(districts),), statistics=(figures,), out=tmp_path / "out"),
               Progress(stages=5, stream=log))  # fmt: skip
    lines = log.getvalue().splitlines()
    assert any(line.strip().startswith("reading many.csv (0.0 MB)") for line in lines)
    bar = [line.strip() for line in lines if line.strip().startswith("rows of many.csv")]
    assert bar == [f"rows of many.csv: {share}%" for share in (0, 25, 50, 75, 100)]


def test_figures_that_look_like_years_are_not_taken_for_the_year(tmp_path):
    text = "område;Indbyggere;Andel (%)\n0101;1950;10,5\n0102;2010;12,0\n0103;2075;9,5\n"
    summary, _, dataset = _import_text(tmp_path, text, name="noegletal_2021.csv")
    assert summary.years == (2021,) and summary.indicators == 2
    assert dataset.series["indbyggere", "count"].values[0].tolist()[:3] == [1950.0, 2010.0, 2075.0]
