"""Statistics files as statistics offices and cities publish them import with no hand edits.

The files are in ``tests/fixtures/published``; its README says which export each one imitates and what is odd
about it. Its ``build.py`` writes the Excel downloads and the square polygons that go with each file.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass

import numpy as np
import pytest

from data.load import load_dataset
from layers.errors import InputError
from layers.status import MISSING, SUPPRESSED
from tests.fixtures.published import build


@dataclass(frozen=True)
class Published:
    """One publisher's export, the polygons that go with it, and what importing it must give."""

    files: tuple[str, ...]
    areas: build.Areas
    id_field: str
    name_field: str
    crs: str
    districts: int
    years: tuple[int, ...]
    indicators: int
    options: tuple[tuple[str, object], ...] = ()


PUBLISHED = {
    "dst_api_parishes": Published(("dst_api_folk1a_sogn.csv",), build.HEDENSTED_PARISHES, "SOGNEKODE", "SOGNENAVN",
                                  build.ETRS89_UTM32, 6, (2016, 2017, 2018), 10),
    "dst_api_income": Published(("dst_api_indkp101_enhed.csv",), build.DANISH_MUNICIPALITIES, "KOMKODE", "KOMNAVN",
                                build.CRS84, 6, (2019, 2020, 2021), 3),
    "dst_api_months": Published(("dst_api_aul01_maaned.csv",), build.DANISH_MUNICIPALITIES, "KOMKODE", "KOMNAVN",
                                build.CRS84, 6, (2016, 2017), 1),
    "dst_manual": Published(("dst_manual_folk1a_kommuner.csv",), build.DANISH_MUNICIPALITIES, "KOMKODE", "KOMNAVN",
                            build.CRS84, 6, (2020, 2021, 2022), 2),
    "dst_excel": Published(("dst_bol101_opfoerelsesaar.xlsx",), build.DANISH_MUNICIPALITIES, "KOMKODE", "KOMNAVN",
                           build.ETRS89_UTM32, 6, (2021, 2022), 4),
    "scb_csv": Published(("scb_folkmangd_alder_kon.csv",), build.SWEDISH_MUNICIPALITIES, "id", "kom_namn",
                         build.WGS84, 12, (2019, 2020), 6),
    "scb_households": Published(("scb_hushall_tabellinnehall.csv",), build.SWEDISH_MUNICIPALITIES, "id", "kom_namn",
                                build.WGS84, 12, (2021, 2022), 3),
    "scb_excel": Published(("scb_folkmangd_kon.xlsx",), build.SWEDISH_MUNICIPALITIES, "id", "kom_namn",
                           build.WGS84, 12, (2019, 2020), 2),
    "ssb_codes": Published(("ssb_09817_delbydel_koder.csv",), build.OSLO_DELBYDELER, "delbydelnummer",
                           "delbydelnavn", build.CRS84, 7, (2020, 2021, 2022), 2),
    "oslo_bydel": Published(("oslo_befolkning_bydel.csv",), build.OSLO_BYDELER, "bydelsnummer", "bydelsnavn",
                            build.CRS84, 8, (2020, 2021, 2022), 1, (("skip_unmatched", True),)),
    "paavo": Published(("paavo_2021_asukasrakenne.csv", "paavo_2022_asukasrakenne.csv"), build.PAAVO_POSTCODES,
                       "postinumeroalue", "nimi", build.WGS84, 8, (2019, 2020), 4),
    "statfin": Published(("statfin_kuntien_avainluvut.csv",), build.FINNISH_MUNICIPALITIES, "kunta", "nimi",
                         build.CRS84, 8, (2020, 2021, 2022), 4),
    "kk_bydel": Published(("kk_statistikbank_folketal_omraade.csv",), build.COPENHAGEN_BYDELE, "bydel_nr", "navn",
                          build.ETRS89_UTM32, 10, (2020, 2021, 2022), 1, (("area_prefix", "Bydel - "),)),
    "hedensted_families": Published(("hedensted_familier_skoledistrikt.csv",), build.HEDENSTED_SCHOOL_DISTRICTS,
                                    "distriktsnr", "skoledistrikt", build.ETRS89_UTM32, 6, (2021, 2022), 6),
    "hedensted_key_figures": Published(("hedensted_noegletal_2021.csv", "hedensted_noegletal_2022.csv"),
                                       build.HEDENSTED_SCHOOL_DISTRICTS, "distriktsnr", "skoledistrikt",
                                       build.ETRS89_UTM32, 6, (2021, 2022), 6),
    "municipal_report": Published(("kommune_rapport_elever_klassetrin.csv",), build.HEDENSTED_SCHOOL_DISTRICTS,
                                  "distriktsnr", "skoledistrikt", build.ETRS89_UTM32, 6, (2021, 2022), 4),
    "municipal_excel": Published(("kommune_elevtal_herkomst.xlsx",), build.HEDENSTED_SCHOOL_DISTRICTS, "distriktsnr",
                                 "skoledistrikt", build.ETRS89_UTM32, 6, (2021, 2022), 3),
}  # fmt: skip


def _import(tmp_path, name: str, *, areas: build.Areas | None = None, polygons=None, **options):
    from importer import ImportOptions, Progress, run_import

    case = PUBLISHED[name]
    polygons = polygons or build.write_squares(
        tmp_path / "polys.geojson", areas or case.areas, id_field=case.id_field, name_field=case.name_field,
        crs=case.crs,
    )  # fmt: skip
    out = tmp_path / "dataset"
    summary = run_import(
        ImportOptions(
            districts=(str(polygons),),
            statistics=tuple(build.published_file(file, tmp_path) for file in case.files),
            out=out,
            **{**dict(case.options), **options},
        ),
        Progress(stages=6, stream=open(os.devnull, "w")),  # noqa: SIM115
    )
    return summary, load_dataset(out)


def _report(summary) -> str:
    return "\n".join(summary.lines())


def _titled(dataset, *fragments: str) -> str:
    """The first indicator whose Danish title holds every fragment, in any case."""
    for indicator_id, indicator in dataset.indicators.items():
        if all(fragment.lower() in indicator.title.da.lower() for fragment in fragments):
            return indicator_id
    titles = [indicator.title.da for indicator in dataset.indicators.values()]
    raise AssertionError(f"no indicator title holds {fragments}; the titles are {titles}")


def _series(dataset, indicator_id: str):
    return next(series for (known, _), series in dataset.series.items() if known == indicator_id)


def _cell(dataset, indicator_id: str, year: int, district_name: str) -> tuple[float, int]:
    series = _series(dataset, indicator_id)
    at = dataset.years.index(year), dataset.district_names.index(district_name)
    return series.values[at], series.status[at]


@pytest.mark.parametrize("name", PUBLISHED)
def test_each_published_export_imports_with_no_hand_edits(tmp_path, name):
    case = PUBLISHED[name]
    summary, dataset = _import(tmp_path, name)
    assert (summary.districts, summary.years, summary.indicators) == (case.districts, case.years, case.indicators)
    figured = np.zeros(len(dataset.district_ids), dtype=bool)
    for series in dataset.series.values():
        figured |= (series.status != MISSING.code).any(axis=0)
    assert figured.all(), "every district was matched to some figures"


@pytest.mark.parametrize(
    ("name", "total"),
    [("dst_api_parishes", "Hele landet"), ("dst_manual", "Hele landet"), ("scb_csv", "Riket"),
     ("oslo_bydel", "Oslo i alt"), ("paavo", "KOKO MAA"), ("statfin", "KOKO MAA"),
     ("hedensted_key_figures", "I alt")],
)  # fmt: skip
def test_totals_are_skipped_and_named_in_the_report(tmp_path, name, total):
    summary, _ = _import(tmp_path, name)
    assert total.lower() in _report(summary).lower()


@pytest.mark.parametrize(
    ("name", "method"),
    [("dst_api_parishes", "code"), ("scb_csv", "code"), ("paavo", "code"), ("dst_manual", "name"),
     ("statfin", "name"), ("kk_bydel", "name"), ("ssb_codes", "last 4 characters")],
)  # fmt: skip
def test_the_report_says_how_areas_were_matched(tmp_path, name, method):
    summary, _ = _import(tmp_path, name)
    assert method in _report(summary).lower()


@pytest.mark.parametrize(
    ("name", "categories"),
    [("dst_api_parishes", ("0-2 år", "3-6 år", "7-16 år", "17-24 år", "25-29 år")),
     ("scb_csv", ("0-4 år", "5-9 år", "10-14 år")),
     ("dst_excel", ("før 1850", "1850-1899", "1900-1959", "1960 og senere")),
     ("municipal_report", ("0.-3. klasse", "4.-6. klasse", "7.-9. klasse", "10. klasse"))],
)  # fmt: skip
def test_categories_keep_the_publishers_order_not_the_alphabetical_one(tmp_path, name, categories):
    _, dataset = _import(tmp_path, name)
    # With two dimensions a family may hold one category of each (an age group's men and women), so the order
    # is checked over the indicators as the dataset lists them: families in order, categories in order within.
    ids = list(dataset.indicators)
    first = [ids.index(_titled(dataset, category)) for category in categories]
    assert first == sorted(first)


@pytest.mark.parametrize(
    ("name", "title"),
    [("dst_excel", "Opførelsesår før 1850"), ("paavo", "Asukkaat yhteensä"),
     ("scb_households", "Genomsnittligt antal personer per hushåll"), ("ssb_codes", "Prosent av befolkningen")],
)  # fmt: skip
def test_titles_keep_the_files_own_letters(tmp_path, name, title):
    _, dataset = _import(tmp_path, name)
    assert any(title in indicator.title.da for indicator in dataset.indicators.values())


@pytest.mark.parametrize(
    ("name", "heading", "unit"),
    [("dst_api_income", "Personer med indkomsten", "count"), ("dst_api_income", "Gennemsnit for", "number"),
     ("scb_households", "Antal hushåll", "count"), ("scb_households", "Genomsnittligt", "number"),
     ("scb_households", "Andel (%)", "percent"), ("ssb_codes", "Prosent av befolkningen", "percent"),
     ("paavo", "Asukkaat yhteensä", "count"), ("paavo", "keski-ikä", "number"),
     ("statfin", "Väkiluku", "count"), ("statfin", "osuus", "percent"), ("statfin", "keskiarvo", "number"),
     ("hedensted_key_figures", "Antal indbyggere", "count"), ("hedensted_key_figures", "(pct)", "percent"),
     ("hedensted_key_figures", "(procent)", "percent"), ("hedensted_key_figures", "Gennemsnitsalder", "number")],
)  # fmt: skip
def test_each_indicator_gets_the_unit_its_heading_names(tmp_path, name, heading, unit):
    _, dataset = _import(tmp_path, name)
    assert dataset.indicators[_titled(dataset, heading)].unit == unit


@pytest.mark.parametrize("name", ["scb_households", "statfin", "hedensted_key_figures"])
def test_shares_and_averages_are_never_suppressed_as_small_counts(tmp_path, name):
    _, dataset = _import(tmp_path, name, min_count=5)
    given = [_series(dataset, i) for i, indicator in dataset.indicators.items() if indicator.unit != "count"]
    assert any(np.nanmin(series.values) < 5 for series in given), "the file has shares and averages under 5"
    assert all((series.status != SUPPRESSED.code).all() for series in given)


@pytest.mark.parametrize(
    ("name", "title", "year", "district"),
    [("dst_api_parishes", ("Kvinder", "25-29 år"), 2017, "Daugård"),
     ("scb_households", ("Andel (%)",), 2021, "Salem"), ("statfin", ("Ulkomaan kansalaisten",), 2020, "Kauniainen")],
)  # fmt: skip
def test_the_publishers_dots_mean_missing_not_zero(tmp_path, name, title, year, district):
    _, dataset = _import(tmp_path, name)
    value, status = _cell(dataset, _titled(dataset, *title), year, district)
    assert status == MISSING.code and np.isnan(value)


@pytest.mark.parametrize(
    ("name", "title", "year", "district", "value"),
    [("dst_api_income", "Indkomstbeløb", 2021, "Hedensted", 13094.5),
     ("statfin", "keskikoko", 2020, "Helsinki", 1.77), ("scb_households", "Genomsnittligt", 2022, "Salem", 2.63)],
)  # fmt: skip
def test_decimal_commas_and_points_keep_their_fractions(tmp_path, name, title, year, district, value):
    _, dataset = _import(tmp_path, name)
    assert _cell(dataset, _titled(dataset, title), year, district)[0] == pytest.approx(value)


def test_map_server_polygons_are_keyed_by_the_field_that_matches_the_statistics(tmp_path):
    polygons = build.write_map_server_squares(
        tmp_path / "kommuner.geojson", build.SWEDISH_MUNICIPALITIES, code_field="KOMMUNKOD"
    )
    _, dataset = _import(tmp_path, "scb_csv", polygons=polygons)
    assert set(dataset.district_ids) == {code for code, _ in build.SWEDISH_MUNICIPALITIES}


def test_unmatched_areas_are_refused_by_name_with_the_way_out(tmp_path):
    with pytest.raises(InputError) as refusal:
        _import(tmp_path, "scb_csv", areas=build.SWEDISH_MUNICIPALITIES[:10])
    assert all(text in str(refusal.value) for text in ("Tyresö", "Upplands-Bro", "--skip-unmatched"))


def test_skip_unmatched_reports_how_many_and_the_first_ten(tmp_path):
    summary, _ = _import(tmp_path, "scb_csv", areas=build.SWEDISH_MUNICIPALITIES[:1], skip_unmatched=True)
    report = _report(summary)
    assert summary.districts == 1 and re.search(r"\b11\b", report)
    assert sum(name in report for _, name in build.SWEDISH_MUNICIPALITIES[1:]) == 10


def _walby(tmp_path):
    areas = [(code, "Walby" if name == "Valby" else name) for code, name in build.COPENHAGEN_BYDELE]
    return build.write_squares(tmp_path / "bydele.geojson", areas, id_field="bydel_nr", name_field="navn")


def test_a_near_miss_is_suggested_and_never_matched(tmp_path):
    with pytest.raises(InputError) as refusal:
        _import(tmp_path, "kk_bydel", polygons=_walby(tmp_path))
    message = str(refusal.value)
    assert "Valby" in message and "did you mean" in message.lower() and "Walby" in message


def test_a_skipped_near_miss_leaves_its_district_without_figures(tmp_path):
    _, dataset = _import(tmp_path, "kk_bydel", polygons=_walby(tmp_path), skip_unmatched=True)
    status = _series(dataset, next(iter(dataset.indicators))).status
    assert (status[:, dataset.district_names.index("Walby")] == MISSING.code).all()


@pytest.mark.parametrize(("district", "value"), [("Nørrebro", 79028), ("Indre By", 55979)])
def test_an_area_prefix_reads_only_the_rows_of_that_level(tmp_path, district, value):
    _, dataset = _import(tmp_path, "kk_bydel")
    assert _cell(dataset, next(iter(dataset.indicators)), 2020, district)[0] == value, "the Bydel row, not Lokaludvalg"


def test_small_family_counts_are_hidden_by_default(tmp_path):
    summary, _ = _import(tmp_path, "hedensted_families")
    assert summary.suppressed > 0


def test_a_zero_threshold_hides_nothing_and_the_package_says_so(tmp_path):
    summary, _ = _import(tmp_path, "hedensted_families", min_count=0)
    package = json.loads((tmp_path / "dataset" / "datapackage.json").read_text(encoding="utf-8"))
    assert summary.suppressed == 0 and package["distriktskort"]["disclosure"]["min_count"] == 0


def test_extra_columns_become_dimensions_and_repeats_of_the_area_are_named(tmp_path):
    summary, _ = _import(tmp_path, "hedensted_families")
    report = _report(summary)
    assert all(column in report for column in ("Familietype", "Antal børn", "Kommune"))


def test_a_column_left_out_of_the_indicator_columns_is_said_to_vary_within_a_district_and_year(tmp_path):
    try:
        summary, _ = _import(tmp_path, "hedensted_families", indicator_columns=("Familietype",))
        message = _report(summary)
    except InputError as refusal:
        message = str(refusal)
    assert "Antal børn" in message and re.search(r"varies within one (district|area) and year", message.lower())


def test_the_area_column_can_be_named(tmp_path):
    summary, _ = _import(tmp_path, "hedensted_families", area_column="Skoledistriktsnr")
    assert summary.districts == 6 and "Skoledistriktsnr" in _report(summary)
