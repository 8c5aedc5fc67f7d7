"""A dataset imported from published files: its own families, its own years, its own word for a district."""

import json
import re

import pytest
from dash import no_update

from data.load import load_dataset
from exports.images import image_figure
from exports.table import view_table
from insight.facts import facts
from insight.sentences import compare_sentences, district_sentence
from layers.registry import FAMILY_BY_ID, family_slug
from tests.conftest import write_imported
from ui.callbacks import apply_url, select_view, translate
from ui.controls import controls_panel, labelled_years, year_marks
from ui.figure import map_setup
from ui.layout import page_texts
from ui.view import indicator_options, map_view
from view.view import View

SAFE_ID = re.compile(r"^[a-z0-9_]+$")


def test_imported_families_keep_their_name_and_get_a_safe_id(imported):
    families = {indicator.family.name("da"): indicator.family for indicator in imported.indicators.values()}
    assert set(families) == {
        "Husstandstype",
        "Alder",
        "Boliger efter opførelsesår",
        "Gennemsnit",
        "Andre tal",
        "Transport",
    }
    assert families["Boliger efter opførelsesår"].id == "boliger_efter_opfoerelsesaar"
    assert families["Andre tal"].name("en") == "Other figures", "the importer's 'other' keeps its plain name"
    assert all(SAFE_ID.match(family.id) and family.id not in FAMILY_BY_ID for family in families.values())


def test_an_imported_family_never_takes_a_registry_id():
    assert family_slug("Age", set(FAMILY_BY_ID)) == "age_2"
    assert SAFE_ID.match(family_slug("Ηλικία")), "a name with no Latin letters still gets a safe id"
    assert family_slug("Ηλικία") == family_slug("Ηλικία"), "and the same one every time"


def test_the_picker_keeps_the_files_order_of_families_and_categories(imported):
    options = indicator_options(imported, "da")
    labels = [option["label"] for option in options]
    assert labels.index("3-6 år") < labels.index("25-29 år"), "not alphabetical"
    assert labels.index("Før 1850") < labels.index("1850-1899")
    headings = [option["value"] for option in options if option.get("disabled")]
    assert headings[:3] == ["family:husstandstype", "family:alder", "family:boliger_efter_opfoerelsesaar"]
    assert all(SAFE_ID.match(heading.removeprefix("family:")) for heading in headings)


def test_comparing_two_districts_works_in_an_imported_family(imported):
    lines = compare_sentences(imported, imported.indicators["age_3_6"].family, 2, 0, 1, "en")
    assert lines[0].startswith("The largest differences") and any("3-6 år" in line for line in lines[1:])


@pytest.mark.parametrize(
    "years",
    [(2016,), (2015, 2016), tuple(range(2014, 2025)), tuple(range(1997, 2025)), (2011, 2013, 2016),
     (1990, 1991, 2010, 2011, 2012, 2013, 2020, 2021, 2022, 2023, 2024)],
    ids=["1", "2", "11", "28", "gapped", "gapped-long"],
)  # fmt: skip
def test_year_labels_never_crowd_and_the_ends_are_always_labelled(years):
    from ui.controls import SLIDER_MIN_PX, YEAR_LABEL_PX

    named = labelled_years(years)
    assert named[0] == years[0] and named[-1] == years[-1]
    if len(years) > 1:
        px_per_year = SLIDER_MIN_PX / (years[-1] - years[0])
        assert min(b - a for a, b in zip(named, named[1:], strict=False)) * px_per_year >= YEAR_LABEL_PX
    marks = year_marks(years)
    assert list(marks) == list(years), "a mark at every year there is, and none in a gap"
    assert [year for year, label in marks.items() if label] == list(named)


def test_the_slider_stops_only_at_the_years_there_are(imported):
    parts = list(_walk(controls_panel(imported, page_texts(imported, "da"), "da")))
    slider = next(part for part in parts if getattr(part, "id", None) == "controls-year")
    assert slider.step is None and list(slider.marks) == [2011, 2013, 2016]
    row = next(part for part in parts if getattr(part, "className", None) == "year-row")
    assert row.to_plotly_json()["props"]["data-years"] == "2011 2013 2016", "the arrow keys' list of years"


def _walk(component):
    yield component
    children = getattr(component, "children", None)
    for child in children if isinstance(children, list) else [children] if children is not None else []:
        if hasattr(child, "to_plotly_json"):
            yield from _walk(child)


def test_an_indicator_with_fewer_years_opens_at_its_nearest_year_with_figures(imported):
    asked = {"indicator": "electric_cars", "measure": "count", "year": 2011}
    assert select_view(imported, asked)["year"] == 2016
    asked = {"indicator": "hh_single", "measure": "count", "year": 2013}
    assert select_view(imported, asked)["year"] is no_update, "a year with figures stays"


def test_a_link_to_a_year_without_figures_opens_at_the_nearest_one(imported):
    current = View.default(imported).values()
    controls = apply_url(imported, "?indicator=electric_cars&year=2013", current)["controls"]
    assert controls["indicator"] == "electric_cars" and controls["year"] is no_update  # 2016, as it already was
    controls = apply_url(imported, "?indicator=electric_cars&year=2013", {**current, "year": 2011})["controls"]
    assert controls["year"] == 2016


@pytest.mark.parametrize(
    "indicators",
    [("hh_single", "hh_couple", "age_3_6"), ("mean_age",), ("owners",)],
    ids=["counts", "average", "share"],
)
def test_facts_are_found_in_any_dataset(tmp_path, indicators):
    dataset = load_dataset(write_imported(tmp_path / "only", indicators=indicators))
    danish, english = facts(dataset, "da"), facts(dataset, "en")
    assert danish and len(danish) == len(english)
    assert all(fact.startswith("Vidste du") for fact in danish) and all(f.startswith("Did you know") for f in english)
    for fact in danish + english:
        assert "  " not in fact and "nan" not in fact.lower() and "None" not in fact
        assert any(name in fact for name in dataset.district_names)


def test_an_indicator_with_one_year_gives_a_fact_but_no_change(tmp_path):
    dataset = load_dataset(write_imported(tmp_path / "late", indicators=("electric_cars",)))
    told = facts(dataset, "en")
    assert len(told) == 1 and "Elbiler" in told[0] and "2016" in told[0] and "went from" not in told[0]


def _every_text(dataset, lang):
    view = map_view(dataset, View.checked(dataset, {"measure": "count", "lang": lang})[0])
    return " ".join(
        [
            *page_texts(dataset, lang).values(),
            *facts(dataset, lang),
            *view["sentences"],
            view["words"]["table_more"],
            json.dumps(map_setup(dataset, "/x")["texts"], ensure_ascii=False),
            *(str(part) for part in translate(dataset, lang).values()),
            district_sentence(dataset, dataset.series["hh_single", "count"], 2, 0, lang),
        ]
    )


@pytest.mark.parametrize(("lang", "term", "date"), [("da", "bydel", "31. december"), ("en", "district", "31 December")])
def test_the_district_term_and_date_come_from_the_dataset(imported, lang, term, date):
    text = _every_text(imported, lang)
    assert "skoledistrikt" not in text and "school district" not in text and "januar" not in text
    assert "1 January" not in text and f"3 {term}" in text and date in text
    assert "hvert bydel" not in text, "no article that only fits another word"


@pytest.mark.parametrize(("lang", "word"), [("da", "pr."), ("en", "as of")])
def test_an_empty_reference_date_leaves_no_dangling_words(tmp_path, lang, word):
    dataset = load_dataset(write_imported(tmp_path / "undated", reference_date={"da": "", "en": ""}))
    subtitle = page_texts(dataset, lang)["map-subtitle"]
    assert subtitle == ("Testby Kommune · 3 bydele" if lang == "da" else "Testby Kommune · 3 districts")
    table = view_table(dataset, View.parse(dataset, f"?lang={lang}")[0], "")
    caption = image_figure(dataset, table)["layout"]["title"]["text"]
    assert word not in caption and "2016" in caption and "–" not in subtitle


def test_the_caption_carries_the_datasets_date(imported):
    table = view_table(imported, View.parse(imported, "?lang=da")[0], "")
    assert "tal pr. 31. december 2016" in image_figure(imported, table)["layout"]["title"]["text"]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("da", "Testby Kommune · 1 bydel · tal pr. 31. december hvert år"),
        ("en", "Testby Kommune · 1 district · figures as of 31 December each year"),
    ],
)
def test_one_district_is_singular(tmp_path, lang, expected):
    dataset = load_dataset(write_imported(tmp_path / "one", ids=("01",)))
    assert page_texts(dataset, lang)["map-subtitle"] == expected
