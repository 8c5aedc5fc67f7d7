"""Ranks, peers, change and sentences: pure functions over tiny datasets, in both languages."""

import numpy as np
import pytest

from data.load import load_dataset
from insight.analysis import change_from, municipality_share, rank_in_year, similar_districts
from insight.facts import facts
from insight.sentences import compare_sentences, district_sentence, map_sentence, ordinal
from layers.registry import FAMILY_BY_ID
from layers.status import MISSING, SHOWN, SUPPRESSED


@pytest.fixture
def tiny(tiny_folder):
    return load_dataset(tiny_folder)


def test_rank_counts_from_the_top_and_leaves_hidden_figures_out(tiny):
    share = tiny.series["citizenship_western", "share"]  # 01: 5.0 %, 02: 4.2 %, 03: 3.6 %, 04: hidden
    assert rank_in_year(share, 0, 0).position == 1
    assert rank_in_year(share, 0, 2) == rank_in_year(share, 0, 2).__class__(position=3, of=3)
    assert rank_in_year(share, 0, 3) is None, "a hidden figure has no rank"


def test_ties_share_the_better_position(tiny):
    count = tiny.series["residents", "count"]
    values = count.values.copy()
    values[0, 0] = values[0, 2]  # 01 as many residents as 03, the largest
    tied = count.__class__(**{**count.__dict__, "values": values})
    assert rank_in_year(tied, 0, 0).position == rank_in_year(tied, 0, 2).position == 1
    assert rank_in_year(tied, 0, 1).position == 3


def test_peers_are_the_closest_compositions_and_skip_hidden_ones(tiny):
    peers = similar_districts(tiny, FAMILY_BY_ID["citizenship"], 0, 0, count=3)
    assert peers == [1, 2], "district 04 has hidden shares and is left out"
    assert similar_districts(tiny, FAMILY_BY_ID["citizenship"], 0, 3) == []


def test_change_is_points_for_shares_and_per_cent_for_counts(tiny):
    share = change_from(tiny.series["citizenship_western", "share"], 0)
    expected = 100 * 21 / 410 - 100 * 20 / 400
    assert share.values[1, 0] == pytest.approx(expected) and share.unit.id == "points"
    count = change_from(tiny.series["residents", "count"], 0)
    assert count.values[1, 0] == pytest.approx(2.5) and count.unit.id == "change_percent"
    assert np.isnan(share.values[0, 3]) and share.status[1, 3] == SUPPRESSED.code


def test_change_from_a_missing_or_zero_start_is_missing_not_zero(tiny):
    count = tiny.series["residents", "count"]
    values, status = count.values.copy(), count.status.copy()
    values[0, 0], status[0, 1], values[0, 1] = 0.0, MISSING.code, np.nan
    changed = change_from(count.__class__(**{**count.__dict__, "values": values, "status": status}), 0)
    assert changed.status[1, 0] == MISSING.code and changed.status[1, 1] == MISSING.code
    assert changed.status[1, 2] == SHOWN.code


def test_municipality_share_sums_counts_not_shares(tiny):
    share = tiny.series["citizenship_western", "share"]
    assert municipality_share(share, 0) == pytest.approx(100 * (20 + 21 + 22) / (400 + 500 + 600))


def test_ordinals():
    assert [ordinal(n, "en") for n in (1, 2, 3, 4, 11, 12, 13, 21, 22)] == [
        "1st",
        "2nd",
        "3rd",
        "4th",
        "11th",
        "12th",
        "13th",
        "21st",
        "22nd",
    ]
    assert ordinal(4, "da") == "4."


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "da",
            "I Distrikt 01 hører 5,1 % af indbyggerne til «Vestligt (EU/EØS, Nordamerika, m.fl.)» (2016), det højeste blandt de 3 skoledistrikter. Det er 0,1 procentpoint mere end i 2015.",
        ),
        (
            "en",
            "In Distrikt 01, 5.1 % of residents are in ‘Western (EU/EEA, North America, etc.)’ (2016), the highest of the 3 school districts. That is 0.1 percentage points more than in 2015.",
        ),
    ],
)
def test_a_district_sentence_in_both_languages(tiny, lang, expected):
    share = tiny.series["citizenship_western", "share"]
    # District 04's share is hidden, so three districts are ranked.
    assert district_sentence(tiny, share, 1, 0, lang, from_index=0) == expected


@pytest.mark.parametrize(("lang", "word"), [("da", "skjult"), ("en", "hidden")])
def test_hidden_figures_are_called_hidden_never_zero(tiny, lang, word):
    share = tiny.series["citizenship_western", "share"]
    sentence = district_sentence(tiny, share, 1, 3, lang)
    assert word in sentence and " 0 " not in sentence and "0,0" not in sentence
    assert (" 1 " in map_sentence(tiny, share, 1, lang, "x")) and word.rstrip("t") in map_sentence(
        tiny, share, 1, lang, "x"
    )


def test_missing_figures_are_called_missing(tiny):
    share = tiny.series["citizenship_western", "share"]
    status = share.status.copy()
    status[1, 0] = MISSING.code
    values = share.values.copy()
    values[1, 0] = np.nan
    missing = share.__class__(**{**share.__dict__, "status": status, "values": values})
    assert district_sentence(tiny, missing, 1, 0, "da") == "Der er ingen tal for Distrikt 01 i 2016."
    assert district_sentence(tiny, missing, 1, 0, "en") == "There are no figures for Distrikt 01 in 2016."


def test_comparing_names_the_largest_differences_first(tiny):
    lines = compare_sentences(tiny, FAMILY_BY_ID["citizenship"], 1, 0, 2, "da")
    assert lines[0] == "De største forskelle mellem Distrikt 01 og Distrikt 03 i 2016:"
    assert lines[1].startswith("«Dansk»") or lines[1].startswith("«Vestligt")
    with_hidden = compare_sentences(tiny, FAMILY_BY_ID["citizenship"], 1, 0, 3, "en")
    assert len(with_hidden) == 2 and "Danish" in with_hidden[1], "hidden shares of district 04 are left out"


def test_facts_come_from_the_data_in_both_languages(demo):
    danish, english = facts(demo, "da"), facts(demo, "en")
    assert 3 <= len(danish) <= 5 and len(danish) == len(english)
    assert all(fact.startswith("Vidste du") for fact in danish)
    assert all(fact.startswith("Did you know") for fact in english)
    names = [name for name in demo.district_names if name in danish[0]]
    assert names, "a fact names a district"


@pytest.mark.parametrize(
    ("lang", "expected", "change"),
    [
        ("da", "«Enlig», antal: 50 i alle 3 bydele med et tal, 2016.",
         "«Enlig», ændring fra 2011 til 2016: 0,0 % i alle 3 bydele med et tal."),
        ("en", "‘Enlig’, number: 50 in all 3 districts with a figure, 2016.",
         "‘Enlig’, change from 2011 to 2016: 0.0 % in all 3 districts with a figure."),
    ],
)  # fmt: skip
def test_the_same_figure_everywhere_is_said_once_not_as_highest_and_lowest(tmp_path, lang, expected, change):
    from insight.sentences import change_map_sentence
    from tests.conftest import write_imported

    same = load_dataset(write_imported(tmp_path / "same", indicators=("hh_single",), value=lambda i, d, y: 50.0))
    series = same.series["hh_single", "count"]
    assert map_sentence(same, series, 2, lang, "antal" if lang == "da" else "number") == expected
    assert change_map_sentence(same, series, 0, 2, lang) == change
    sentence = district_sentence(same, series, 2, 0, lang)
    assert "højeste" not in sentence and "highest" not in sentence and ("samme" in sentence or "same" in sentence)


@pytest.mark.parametrize(
    ("lang", "expected", "change", "rank"),
    [
        ("da", "«Enlig», antal: 46 i Distrikt 01, 2016.", "«Enlig», ændring fra 2011 til 2016: +15,0 % i Distrikt 01.",
         "det eneste tal på kortet"),
        ("en", "‘Enlig’, number: 46 in Distrikt 01, 2016.", "‘Enlig’, change from 2011 to 2016: +15.0 % in Distrikt 01.",
         "the only figure on the map"),
    ],
)  # fmt: skip
def test_a_single_district_is_not_highest_and_lowest_at_once(tmp_path, lang, expected, change, rank):
    from insight.sentences import change_map_sentence
    from tests.conftest import write_imported

    one = load_dataset(write_imported(tmp_path / "one", ids=("01",), indicators=("hh_single",)))
    series = one.series["hh_single", "count"]
    assert map_sentence(one, series, 2, lang, "antal" if lang == "da" else "number") == expected
    assert change_map_sentence(one, series, 0, 2, lang) == change
    assert rank in district_sentence(one, series, 2, 0, lang)
    from ui.profile import _rank_line

    line = _rank_line(one, series, 0, 2, lang).children[0].children
    assert line == rank[:1].upper() + rank[1:], "the profile's rank line says it too, not '1. højeste af 1'"


def test_one_hidden_district_is_counted_in_the_singular(tiny):
    share = tiny.series["citizenship_western", "share"]  # district 04 is hidden
    assert map_sentence(tiny, share, 1, "da", "x").endswith(" I 1 skoledistrikt er tallet skjult eller mangler.")
    assert map_sentence(tiny, share, 1, "en", "x").endswith(" In 1 school district the figure is hidden or missing.")
