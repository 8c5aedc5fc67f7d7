"""The registry is data: every family and category is complete, and everything else loops over it."""

import pytest
from plotly.colors import colorbrewer

from layers.families import FAMILIES, UNITS
from layers.registry import FAMILY_BY_ID, MEASURES, lookup, measures_of, unit_of

CATEGORIES = [(family, category) for family in FAMILIES for category in family.categories]


def test_the_eleven_published_families_are_declared():
    published = {"age", "civil_status", "family_type", "citizenship", "employment", "moves",
                 "dwelling_type", "ownership", "dwelling_size", "industry", "workplaces"}  # fmt: skip
    assert published <= set(FAMILY_BY_ID)


def test_indicator_ids_are_unique_across_families():
    ids = [category.id for _, category in CATEGORIES]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("family", FAMILIES, ids=lambda family: family.id)
def test_family_is_complete(family):
    assert family.name.da and family.name.en and family.description.da and family.description.en
    assert hasattr(colorbrewer, family.scheme) and hasattr(colorbrewer, family.diverging_scheme)
    assert family.categories
    assert measures_of(family), "a family must be showable somehow"
    if family.denominator:
        assert lookup(family.denominator) is not None, f"denominator {family.denominator} is not an indicator"
        assert family.share_unit in UNITS
        assert family.share_label.da and family.share_label.en
    for measure in measures_of(family):
        assert measure in MEASURES
        assert unit_of(family, measure).id in UNITS


@pytest.mark.parametrize(("family", "category"), CATEGORIES, ids=lambda item: getattr(item, "id", ""))
def test_category_has_both_languages_and_resolves(family, category):
    assert category.name.da and category.name.en
    assert lookup(category.id) == (family, category)


def test_industries_use_the_ten_group_classification():
    assert len(FAMILY_BY_ID["industry"].categories) == 10


def test_composition_families_have_a_denominator():
    for family in FAMILIES:
        if family.composition:
            assert family.denominator, family.id
