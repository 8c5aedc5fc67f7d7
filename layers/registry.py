"""Look-ups over the declared families: which family an indicator belongs to, and how it can be measured."""

from __future__ import annotations

from dataclasses import dataclass

from layers.families import FAMILIES, UNITS, Category, Family, Unit
from layers.text import Text


@dataclass(frozen=True)
class Measure:
    """A way of showing a category: as a share of its denominator, or as a plain count."""

    id: str
    label: Text


MEASURES: dict[str, Measure] = {
    measure.id: measure
    for measure in (
        Measure("share", Text("Andel", "Share")),
        Measure("count", Text("Antal", "Number")),
    )
}
DEFAULT_MEASURE = "share"

FAMILY_BY_ID: dict[str, Family] = {family.id: family for family in FAMILIES}
_CATEGORY_BY_ID: dict[str, tuple[Family, Category]] = {
    category.id: (family, category) for family in FAMILIES for category in family.categories
}


def lookup(indicator_id: str) -> tuple[Family, Category] | None:
    """The registry's family and category for an indicator id, or ``None`` when the registry does not know it."""
    return _CATEGORY_BY_ID.get(indicator_id)


def fallback_family(family_id: str, name: str) -> Family:
    """A plain family for indicators that a dataset brings and the registry does not know: counts only."""
    return Family(
        id=family_id,
        name=Text("Andre tal", "Other figures") if family_id == "other" else Text(name, name),
        description=Text("", ""),
        denominator=None,
        share_unit=None,
        share_label=Text("", ""),
        count_label=Text("antal", "number"),
        show_count=True,
        composition=False,
        scheme="Blues",
        categories=(),
    )


def measures_of(family: Family) -> tuple[str, ...]:
    """The measures that mean something for a family, in the order the picker shows them.

    >>> measures_of(FAMILY_BY_ID["age"])
    ('share', 'count')
    >>> measures_of(FAMILY_BY_ID["population"])
    ('count',)
    """
    shown = []
    if family.denominator and family.share_unit:
        shown.append("share")
    if family.show_count:
        shown.append("count")
    return tuple(shown)


def unit_of(family: Family, measure: str) -> Unit:
    """The unit a measure of this family is written in."""
    if measure == "share" and family.share_unit:
        return UNITS[family.share_unit]
    return UNITS["count"]
