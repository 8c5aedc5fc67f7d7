"""Callbacks called as plain functions: the right outputs, and nonsense never breaks the page."""

import pytest
from dash import html

from ui.callbacks import apply_url, select_view, show_profile, translate
from ui.layout import TEXT_IDS, page_texts


def test_picking_an_indicator_gives_its_view_legend_measures_and_description(demo):
    view, legend, measures, measure, description, indicator_id, note, from_disabled, _ = select_view(
        demo, "dwelling_flat", "share", "da"
    )
    assert "2011–2016" in note and from_disabled
    assert view["key"] == "dwelling_flat|share|da|value|2011"
    assert indicator_id == "dwelling_flat" and measure == "share"
    assert all(isinstance(item, html.Li) for item in legend)
    assert {option["value"] for option in measures} == {"share", "count"}
    assert description[0].children == "Boliger"


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
    view, legend, _, measure, _, indicator_id, _, _, _ = select_view(demo, *nonsense)
    assert indicator_id in demo.indicators and measure in demo.measures_of(indicator_id)
    assert view["codes"] and legend


def test_the_language_switch_translates_every_fixed_text(demo):
    danish, english = translate(demo, "da"), translate(demo, "en")
    assert len(english) == len(TEXT_IDS) + 15
    changed = [text_id for text_id, da, en in zip(TEXT_IDS, danish, english, strict=False) if da != en]
    assert set(changed) == set(TEXT_IDS) - {""}
    assert english[-1] == "en" and translate(demo, "zz")[-1] == "da"


def test_page_texts_cover_every_translated_id(demo):
    assert set(TEXT_IDS) <= set(page_texts(demo, "da"))


def test_choosing_a_district_opens_its_profile_and_hides_the_facts(demo):
    from dash import dcc

    body, profile_hidden, facts_hidden = show_profile(demo, "01", None, "age_0_5", "share", 2016, 2011, "da")
    assert not profile_hidden and facts_hidden
    text = str(body)
    assert "Fjordby" in text and "Indbyggere" in text and "højeste af 23" in text
    graphs = [child for child in body[-1].children[0].children if isinstance(child, dcc.Graph)]
    assert graphs and graphs[0].figure["data"][1]["name"] == "Fjordby"


def test_comparing_shows_both_and_names_differences(demo):
    body, _, _ = show_profile(demo, "01", "11", "dwelling_flat", "share", 2016, 2011, "en")
    columns = body[-1].children
    assert [column.children[0].children for column in columns] == ["Fjordby", "Tornhøj"]
    assert "The largest differences between Fjordby and Tornhøj in 2016" in str(body[0])


@pytest.mark.parametrize("nonsense", [(None, None), ("99", None), ({"x": 1}, ["01"]), ("", "")])
def test_no_or_unknown_district_shows_the_facts_again(demo, nonsense):
    body, profile_hidden, facts_hidden = show_profile(demo, *nonsense, "age_0_5", "share", "x", None, "zz")
    assert body == [] and profile_hidden and not facts_hidden


def test_the_address_sets_every_control_and_names_what_it_ignored(demo):
    from dash import no_update

    from ui.url_state import VIEW_PARAMETERS

    current = tuple(parameter.default(demo) for parameter in VIEW_PARAMETERS)
    *values, notice, applied = apply_url(demo, "?indicator=dwelling_flat&year=2013&district=07&lang=en&zoom=9", current)
    assert applied is True
    by_name = dict(zip([parameter.name for parameter in VIEW_PARAMETERS], values, strict=True))
    assert by_name["indicator"] == "dwelling_flat" and by_name["year"] == 2013 and by_name["district"] == "07"
    assert by_name["mode"] is no_update, "controls already right are left alone"
    assert notice == "Some parts of the address could not be used and were ignored: zoom."


@pytest.mark.parametrize(
    "search", [None, 42, "?" + "x" * 5000, "?year=2013&year=2014", "?district=%00", "?lang=<script>"]
)
def test_nonsense_addresses_give_defaults(demo, search):
    from ui.url_state import VIEW_PARAMETERS

    current = tuple(parameter.default(demo) for parameter in VIEW_PARAMETERS)
    *values, notice, _ = apply_url(demo, search, current)
    assert isinstance(notice, str)
