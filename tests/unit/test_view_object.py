"""The view object: parsed from an address once, checked once, written back the same, and the one thing the page,
the exports and the command line take."""

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from view.view import PARAMETER_NAMES, PARAMETERS, View, ignored_notice, nearest_year_with_figures

FULL = "?indicator=moves_net&measure=share&year=2014&district=03&compare=11&mode=change&from=2012&lang=en"


def test_a_view_survives_the_round_trip(demo):
    view, ignored = View.parse(demo, FULL)
    assert ignored == ()
    assert View.parse(demo, view.query()) == (view, ())
    assert view.query() == FULL


def test_a_view_is_frozen_and_has_every_parameter(demo):
    view = View.default(demo)
    with pytest.raises(dataclasses.FrozenInstanceError):
        view.year = 2011  # type: ignore[misc]
    assert tuple(view.values()) == PARAMETER_NAMES
    assert {parameter.field for parameter in PARAMETERS} == {field.name for field in dataclasses.fields(View)}


def test_the_default_view_is_the_datasets(demo):
    view = View.default(demo)
    assert (view.indicator, view.measure, view.year) == (
        demo.info.default_indicator,
        demo.info.default_measure,
        demo.info.default_year,
    )
    assert (view.mode, view.from_year, view.district, view.compare, view.lang) == (
        "value",
        demo.years[0],
        None,
        None,
        "da",
    )


@given(st.text(max_size=300))
def test_any_query_gives_a_usable_view(demo, query):
    view, _ = View.parse(demo, query)
    assert view.indicator in demo.indicators and view.measure in demo.measures_of(view.indicator)
    assert view.year in demo.years and view.from_year in demo.years
    assert view.district in (None, *demo.district_ids) and view.compare in (None, *demo.district_ids)
    assert view.layer(demo).values.shape == (len(demo.years), len(demo.district_ids))


@given(st.dictionaries(st.sampled_from(PARAMETER_NAMES), st.one_of(st.none(), st.integers(), st.text(max_size=20),
                                                                   st.lists(st.integers(), max_size=2))))  # fmt: skip
def test_any_control_values_give_a_usable_view(demo, controls):
    view, ignored = View.checked(demo, controls)
    assert view.indicator in demo.indicators and view.year in demo.years and view.lang in ("da", "en", "sv")
    assert all(isinstance(name, str) for name in ignored)


def test_a_control_character_in_a_parameter_is_shown_in_the_notice_not_sent_raw(demo):
    _, ignored = View.parse(demo, "?lang=sv%00&col%07our=red")
    assert ignored == ("col␇our", "lang=sv␀")
    notice = ignored_notice(ignored, "da")
    assert "\x00" not in notice and "lang=sv␀" in notice


def test_a_measure_the_indicator_lacks_becomes_one_it_has_quietly(demo):
    view, ignored = View.parse(demo, "?indicator=residents&measure=share")
    assert view.measure in demo.measures_of("residents") and ignored == ()


def test_a_year_without_figures_moves_to_the_nearest_with_figures(demo):
    view = View.default(demo)
    assert nearest_year_with_figures(demo, view) == view.year


def test_the_view_says_its_title_and_sentence(demo):
    view, _ = View.parse(demo, "?indicator=age_0_5&year=2013&lang=en")
    assert view.title(demo) == "0–5 years: share of residents, {year}"
    assert "2013" in view.sentence(demo) and view.sentence(demo) != view.sentence(demo, 2016)
