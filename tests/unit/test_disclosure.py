"""Disclosure control: small counts are hidden, and so is whatever would let someone recover them."""

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from layers.registry import FAMILY_BY_ID
from layers.status import SUPPRESSED
from stats.disclosure import DisclosureRule, apply_disclosure_control

CITIZENSHIP = [category.id for category in FAMILY_BY_ID["citizenship"].categories]


def _table(values, indicators=CITIZENSHIP):
    return pd.DataFrame(
        {"district_id": "01", "year": 2016, "indicator": indicators, "value": [float(v) for v in values], "status": ""}
    )


def test_counts_below_the_threshold_are_hidden_without_their_value():
    out = apply_disclosure_control(_table([480, 17, 3]))
    assert out.loc[2, "status"] == SUPPRESSED.word and pd.isna(out.loc[2, "value"])


def test_one_hidden_sibling_takes_the_smallest_visible_one_with_it():
    out = apply_disclosure_control(_table([480, 17, 3]))
    assert list(out["status"]) == ["", SUPPRESSED.word, SUPPRESSED.word]


def test_zero_is_shown_and_needs_no_partner():
    out = apply_disclosure_control(_table([483, 17, 0]))
    assert list(out["status"]) == ["", "", ""]


def test_the_threshold_is_configurable():
    out = apply_disclosure_control(_table([480, 17, 3]), DisclosureRule(min_count=3))
    assert list(out["status"]) == ["", "", ""]


def test_net_moves_are_hidden_with_the_moves_they_are_computed_from():
    moves = ["moves_in", "moves_out", "moves_within", "moves_net"]
    out = apply_disclosure_control(_table([3, 40, 12, -37], moves))
    assert list(out["status"]) == [SUPPRESSED.word, "", "", SUPPRESSED.word]
    out = apply_disclosure_control(_table([30, 40, 12, -10], moves))
    assert list(out["status"]) == ["", "", "", ""]


def test_unknown_indicators_get_primary_suppression_only():
    out = apply_disclosure_control(_table([2, 100], ["bees", "hives"]))
    assert list(out["status"]) == [SUPPRESSED.word, ""]


@given(st.lists(st.integers(0, 40), min_size=3, max_size=3))
def test_a_hidden_cell_can_never_be_recovered_from_the_total(values):
    out = apply_disclosure_control(_table(values))
    hidden = (out["status"] == SUPPRESSED.word).sum()
    assert hidden != 1
    assert not ((out["value"] > 0) & (out["value"] < 5)).any()
