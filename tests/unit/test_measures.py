"""Measures and units carry their behaviour: code asks them, and never tests a measure's id."""

import numpy as np
import pytest

from layers.families import CHANGE_UNITS, FAMILIES, UNITS
from layers.registry import COUNT, DEFAULT_MEASURE, MEASURES, SHARE, given_measure, measures_of, unit_of
from layers.text import LANGUAGES
from tests.unit.source_literals import FLOORS, literals, python_files

SHARE_FAMILIES = [family for family in FAMILIES if SHARE.fits(family)]


def test_every_unit_of_a_whole_has_a_factor_and_a_unit_for_its_changes():
    for unit in UNITS.values():
        assert (unit.per is None) == (unit.points is None), unit.id
        assert unit.points is None or unit.points in CHANGE_UNITS.values()
    assert UNITS["percent"].per == 100 and UNITS["per_1000"].per == 1000
    assert DEFAULT_MEASURE in MEASURES


@pytest.mark.parametrize("unit", UNITS.values(), ids=lambda unit: unit.id)
def test_figures_given_in_a_unit_are_a_share_exactly_when_the_unit_is_of_a_whole(unit):
    assert given_measure(unit).of_a_whole == (unit.per is not None)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("family", SHARE_FAMILIES, ids=lambda family: family.id)
def test_a_share_says_what_it_is_of_and_its_label_is_made_from_that(family, lang):
    of = SHARE.of_phrase(family, lang)
    assert of and of == family.share_of(lang)
    assert SHARE.label_for(family, lang).endswith(of), "the label is the unit's words around the 'of' phrase"
    assert COUNT.of_phrase(family, lang) == ""


@pytest.mark.parametrize("family", FAMILIES, ids=lambda family: family.id)
def test_each_measure_of_a_family_has_a_unit_and_a_unit_for_its_change(family):
    for measure_id in measures_of(family):
        measure = MEASURES[measure_id]
        unit = unit_of(family, measure_id)
        assert unit is measure.unit_for(family)
        assert (unit.per is not None) == measure.of_a_whole
        assert measure.change_unit(unit) in CHANGE_UNITS.values()


def test_a_share_changes_by_points_and_a_count_by_per_cent():
    before, after = np.array([10.0, 0.0]), np.array([12.5, 3.0])
    assert SHARE.change(after, before).tolist() == [2.5, 3.0]
    assert COUNT.change(after, before)[0] == 25.0 and not np.isfinite(COUNT.change(after, before)[1])
    assert SHARE.change_unit(UNITS["percent"]).id == "points"
    assert SHARE.change_unit(UNITS["per_1000"]).id == "points_per_1000"
    assert COUNT.change_unit(UNITS["count"]).id == "change_percent"


# A measure id compared with something (==, !=, in) is a branch on the measure: ask the measure instead. "share"
# chosen by a condition ("share" if ... else ...) is one too. "count" is also a unit id, which indicators.csv rows
# may choose between, so only its comparisons count.
_COMPARING = {"==", "!=", "in", "not"}
_CHOOSING = {"if", "else"}


def _measure_branches(places, root=None):
    files = python_files(places) if root is None else python_files(places, root)
    found = []
    for path in files:
        for literal in literals(path):
            if literal.value not in MEASURES:
                continue
            compared = literal.before in _COMPARING or literal.after in _COMPARING
            chosen = literal.value == SHARE.id and (literal.before in _CHOOSING or literal.after in _CHOOSING)
            if compared or chosen:
                found.append(str(literal))
    return found


def test_no_code_branches_on_a_measure_id():
    assert _measure_branches(FLOORS) == []


def test_the_measure_scan_finds_planted_branches(tmp_path):
    (tmp_path / "planted").mkdir()
    (tmp_path / "planted" / "module.py").write_text(
        'KEY = (indicator, "share")\n'  # an id as data: fine
        'unit = "number" if signed else "count"\n'  # a unit chosen: fine
        'if series.measure == "share":\n    pass\n'
        'measure = "share" if shares else "count"\n'
        'if "count" in measures:\n    pass\n'
    )
    found = _measure_branches(["planted"], tmp_path)
    assert [entry.split(":")[1] for entry in found] == ["3", "5", "6"]
