"""A district's press note: its five largest changes, weighed fairly across shares and counts, hidden figures left
out, falls said as falls, in every language."""

from __future__ import annotations

import re
from dataclasses import replace

import numpy as np
import pytest

from insight.press import PRESS_COUNT, largest_changes, press_note, press_note_text
from layers.i18n import t
from layers.status import SHOWN, SUPPRESSED
from ui.citing import press_note_details

YEARS = (2011, 2016)
OTHERS_POINTS = 1.0  # every other district's share moves this many points


def _series(demo, key, first: float, last: float, others_last: float, hidden_in: int | None = None):
    """A two-year series of the demo's ``key`` in which district 0 goes from ``first`` to ``last`` and every other
    district from ``first`` to ``others_last``; ``hidden_in`` hides district 0's figure in that year (0 or 1)."""
    count = len(demo.district_ids)
    values = np.array([np.full(count, first), np.full(count, others_last)])
    values[1, 0] = last
    status = np.full(values.shape, SHOWN.code)
    if hidden_in is not None:
        status[hidden_in, 0], values[hidden_in, 0] = SUPPRESSED.code, np.nan
    nothing = np.full(values.shape, np.nan)
    return replace(demo.series[key], values=values, status=status, counts=nothing, denominators=nothing)


@pytest.fixture(scope="module")
def crafted(demo):
    """The demo's districts with figures made for the test: district 0 ("Fjordby") changes by a known amount in
    each, the 22 others by a little, so the fair order is known."""
    series = {
        ("households", "count"): _series(demo, ("households", "count"), 100, 140, 102),  # +40 %, others +2 %
        ("age_0_5", "share"): _series(demo, ("age_0_5", "share"), 10, 15, 10 + OTHERS_POINTS),  # +5 points
        ("age_17_24", "share"): _series(demo, ("age_17_24", "share"), 10, 5.5, 10 + OTHERS_POINTS),  # a fall
        ("age_6_16", "share"): _series(demo, ("age_6_16", "share"), 10, 14, 10 + OTHERS_POINTS),
        ("age_25_39", "share"): _series(demo, ("age_25_39", "share"), 10, 13, 10 + OTHERS_POINTS),
        ("dwellings", "count"): _series(demo, ("dwellings", "count"), 100, 130, 130),  # +30 %, as everywhere
        ("age_40_64", "share"): _series(demo, ("age_40_64", "share"), 10, 12, 10 + OTHERS_POINTS, hidden_in=0),
        ("age_65_79", "share"): _series(demo, ("age_65_79", "share"), 10, 20, 10 + OTHERS_POINTS, hidden_in=1),
        ("age_80_plus", "share"): _series(demo, ("age_80_plus", "share"), 10, 10.04, 10 + OTHERS_POINTS),
        ("families", "count"): _series(demo, ("families", "count"), 1000, 1003, 1000),  # +0.3 %, others still
    }
    indicators = {indicator_id: demo.indicators[indicator_id] for indicator_id, _ in series}
    return replace(demo, years=YEARS, indicators=indicators, series=series)


def _ids(changes) -> list[str]:
    return [change.series.indicator.id for change in changes]


def test_the_five_largest_changes_are_picked_largest_first(crafted):
    changes = largest_changes(crafted, 0)
    assert _ids(changes) == ["households", "age_0_5", "age_17_24", "age_6_16", "age_25_39"]
    assert len(changes) == PRESS_COUNT and [c.weight for c in changes] == sorted(
        (c.weight for c in changes), reverse=True
    )


def test_a_change_is_weighed_against_how_much_its_indicator_moved_everywhere(crafted):
    everything = _ids(largest_changes(crafted, 0, count=20))
    # +30 % more dwellings is more than +3 points, but every district grew as much: it is no news about this one.
    assert everything.index("dwellings") > everything.index("age_25_39")
    # +40 % households where the others grew 2 % outranks +5 points of a share that the others moved 1 point.
    assert everything[0] == "households"


def test_hidden_figures_and_changes_that_round_to_nothing_are_left_out(crafted):
    everything = _ids(largest_changes(crafted, 0, count=20))
    assert "age_65_79" not in everything, "hidden in the last year: +10 points would otherwise rank second"
    assert "age_40_64" not in everything, "hidden in the first year"
    assert "age_80_plus" not in everything, "+0.04 points is written +0,0"
    assert everything == ["households", "age_0_5", "age_17_24", "age_6_16", "age_25_39", "dwellings", "families"]


def test_a_small_change_of_a_figure_that_hardly_moves_elsewhere_is_not_made_large(crafted):
    # +0.3 % more families is the only change of its figure, but a figure that stands still everywhere is weighed
    # against insight.press.STILL, not against (nearly) nothing.
    assert _ids(largest_changes(crafted, 0, count=20))[-1] == "families"


def test_the_sentences_say_rises_and_falls_with_their_figures_in_danish(crafted):
    lines = press_note(crafted, 0, "da")
    assert lines[0] == "I Fjordby steg «Husstande» fra 100 i 2011 til 140 i 2016 (+40,0 %)."
    assert lines[1] == "I Fjordby steg «0–5 år» fra 10,0 % af indbyggerne i 2011 til 15,0 % i 2016 (+5,0 procentpoint)."
    assert lines[2] == (
        "I Fjordby faldt «17–24 år» fra 10,0 % af indbyggerne i 2011 til 5,5 % i 2016 (−4,5 procentpoint)."
    )


def test_the_sentences_say_rises_and_falls_with_their_figures_in_english(crafted):
    lines = press_note(crafted, 0, "en")
    assert lines[0] == "In Fjordby, ‘Households’ rose from 100 in 2011 to 140 in 2016 (+40.0 %)."
    assert lines[2] == (
        "In Fjordby, ‘17–24 years’ fell from 10.0 % of residents in 2011 to 5.5 % in 2016 (−4.5 percentage points)."
    )
    assert all(line.endswith(").") for line in lines)


def test_a_district_with_nothing_to_tell_says_so(crafted):
    nothing = {key: _series(crafted, key, 10, 10, 11) for key in crafted.series}
    quiet = replace(crafted, series=nothing)
    assert press_note(quiet, 0, "en") == [t("press_none", "en", district="Fjordby")]


@pytest.mark.parametrize("lang", ["da", "en", "sv"])
def test_every_demo_district_gets_a_note_of_five_sentences_and_its_source(demo, lang):
    for district, name in enumerate(demo.district_names):
        text = press_note_text(demo, district, lang)
        sentences, source = text.rstrip("\n").split("\n\n")
        lines = sentences.split("\n")
        assert len(lines) == PRESS_COUNT and all(name in line and re.search(r"\(([+−]).+\)\.$", line) for line in lines)
        assert source.startswith(t("source", lang, source=demo.info.source, licence=demo.info.licence))
        assert t("fictional_note", lang) in source


def test_the_profile_shows_the_note_in_a_box_to_copy(demo):
    details = press_note_details(demo, 3, "da")
    summary, block = details.children
    assert summary.children == "Pressenotat"
    label, box, row = block.children
    assert box.value == press_note_text(demo, 3, "da") and box.readOnly
    assert block.to_plotly_json()["props"]["data-labelledby"] == label.id
    assert row.children[0].children == "Kopiér"
