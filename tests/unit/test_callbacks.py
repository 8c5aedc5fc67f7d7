"""Callbacks called as plain functions, their outputs read by name: the right outputs, and nonsense never breaks
the page."""

import pytest
from dash import html, no_update

from ui.callbacks import VIEW_CONTROLS, apply_url, select_view, show_profile, translate
from ui.layout import TEXT_IDS, page_texts
from view.view import PARAMETER_NAMES, View

NAMES = ("indicator", "measure", "lang", "mode", "from")  # the controls select_view listens to


def _controls(*values) -> dict:
    return dict(zip(NAMES, values, strict=False))


def test_picking_an_indicator_gives_its_view_legend_measures_and_description(demo):
    shown = select_view(demo, _controls("dwelling_flat", "share", "da"))
    assert "2011–2016" in shown["legend_note"] and shown["from_disabled"]
    assert shown["map_view"]["key"] == "dwelling_flat|share|da|value|2011"
    assert shown["indicator"] == "dwelling_flat" and shown["measure"] == "share"
    assert all(isinstance(item, html.Li) for item in shown["legend"])
    assert {option["value"] for option in shown["measure_options"]} == {"share", "count"}
    assert shown["description"][0].children == "Boliger"


def test_the_change_map_enables_its_start_year(demo):
    shown = select_view(demo, _controls("age_0_5", "share", "en", "change", 2013))
    assert not shown["from_disabled"] and shown["map_view"]["key"] == "age_0_5|share|en|change|2013"


@pytest.mark.parametrize(
    "nonsense",
    [
        (None, None, None, None, None),
        ("DROP TABLE", "share", "da", "value", 2011),
        ("age_0_5", "percent", "klingon", "sideways", "last year"),
        ({"a": 1}, [1], 7, ["change"], {"year": 2012}),
        ("age_0_5", "share", "da", "change", 1850),
    ],
)
def test_nonsense_keeps_the_page_working(demo, nonsense):
    shown = select_view(demo, _controls(*nonsense))
    assert shown["indicator"] in demo.indicators and shown["measure"] in demo.measures_of(shown["indicator"])
    assert shown["map_view"]["codes"] and shown["legend"]


def test_the_language_switch_translates_every_fixed_text(demo):
    danish, english = translate(demo, "da"), translate(demo, "en")
    assert len(english["texts"]) == len(TEXT_IDS)
    changed = [text_id for text_id, da, en in zip(TEXT_IDS, danish["texts"], english["texts"], strict=True) if da != en]
    assert set(changed) == set(TEXT_IDS) - {""}
    assert english["play_label"] == ["Play the years"] * 2 and danish["play_label"] == ["Afspil årene"] * 2
    assert english["lang"] == "en" and translate(demo, "zz")["lang"] == "da"
    assert english["statement_href"] != danish["statement_href"]


def test_page_texts_cover_every_translated_id(demo):
    assert set(TEXT_IDS) <= set(page_texts(demo, "da"))


def test_choosing_a_district_opens_its_profile_and_hides_the_facts(demo):
    shown = show_profile(demo, {"district": "01", "indicator": "age_0_5", "measure": "share", "year": 2016})
    assert not shown["profile_hidden"] and shown["facts_hidden"]
    text = str(shown["body"])
    assert "Fjordby" in text and "Indbyggere" in text and "højeste af 23" in text
    charts = [
        child for child in shown["body"][-1].children[0].children if "trend" in str(getattr(child, "className", ""))
    ]
    assert charts and '"name": "Fjordby"' in charts[0].children[0].to_plotly_json()["props"]["data-trend"]


def test_comparing_shows_both_and_names_differences(demo):
    chosen = {"district": "01", "compare": "11", "indicator": "dwelling_flat", "year": 2016, "lang": "en"}
    body = show_profile(demo, chosen)["body"]
    columns = body[-1].children
    assert [column.children[0].children for column in columns] == ["Fjordby", "Tornhøj"]
    assert "The largest differences between Fjordby and Tornhøj in 2016" in str(body[0])


@pytest.mark.parametrize("nonsense", [(None, None), ("99", None), ({"x": 1}, ["01"]), ("", "")])
def test_no_or_unknown_district_shows_the_facts_again(demo, nonsense):
    district, compare = nonsense
    shown = show_profile(demo, {"district": district, "compare": compare, "year": "x", "lang": "zz"})
    assert shown == {"body": [], "profile_hidden": True, "facts_hidden": False}


def test_every_view_parameter_has_its_control():
    assert tuple(VIEW_CONTROLS) == PARAMETER_NAMES


def test_the_address_sets_every_control_and_names_what_it_ignored(demo):
    current = View.default(demo).values()
    applied = apply_url(demo, "?indicator=dwelling_flat&year=2013&district=07&lang=en&zoom=9", current)
    assert applied["applied"] is True
    controls = applied["controls"]
    assert set(controls) == set(PARAMETER_NAMES)
    assert controls["indicator"] == "dwelling_flat" and controls["year"] == 2013 and controls["district"] == "07"
    assert controls["mode"] is no_update, "controls already right are left alone"
    assert applied["notice"] == "Some parts of the address could not be used and were ignored: zoom."


@pytest.mark.parametrize(
    "search", [None, 42, "?" + "x" * 5000, "?year=2013&year=2014", "?district=%00", "?lang=<script>"]
)
def test_nonsense_addresses_give_defaults(demo, search):
    applied = apply_url(demo, search, View.default(demo).values())
    assert isinstance(applied["notice"], str)
    assert applied["controls"]["lang"] is no_update and applied["controls"]["district"] is no_update
