"""Look-ups over the declared families: which family an indicator belongs to, and how it can be measured."""

from __future__ import annotations

import hashlib
import re
import unicodedata
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
        Measure("share", Text("Andel", "Share", "Andel")),
        Measure("count", Text("Antal", "Number", "Antal")),
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


OTHER_FAMILY = "other"  # what the importer writes when it cannot tell an indicator's family
_SPELLED_OUT = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "ß": "ss"})


def slug(text: str) -> str:
    """Lower-case ASCII words joined by underscores, Danish letters spelled out: the shape of every id we make.

    >>> slug("Befolkning 1. januar, Ærø"), slug("KØN Mænd")
    ('befolkning_1_januar_aeroe', 'koen_maend')
    """
    text = unicodedata.normalize("NFKD", text.casefold().translate(_SPELLED_OUT)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", text).strip("_")


def family_slug(name: str, taken: frozenset[str] | set[str] = frozenset()) -> str:
    """A family id safe in DOM ids, URLs and pattern-matching ids, made from the name a dataset gives the family.

    The name is kept as the family's text; the id is lower-case ASCII, Danish letters spelled out, and never one
    in ``taken`` (the registry's ids, and those already given), so an imported "Age" cannot pass for ``age``.
    A name with no Latin letters at all gets an id from its hash, so it is still the same every time.

    >>> family_slug("Husstandstype"), family_slug("Boliger efter opførelsesår"), family_slug("Ældre & børn")
    ('husstandstype', 'boliger_efter_opfoerelsesaar', 'aeldre_boern')
    >>> family_slug("Age", {"age"}), family_slug("Age", {"age", "age_2"})
    ('age_2', 'age_3')
    """
    base = slug(name)[:40].strip("_")
    base = base or "family_" + hashlib.blake2b(name.encode("utf-8"), digest_size=4).hexdigest()
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}_{number}"
    return candidate


def fallback_family(
    family_id: str, name: str, categories: tuple[Category, ...] = (), total: Category | None = None
) -> Family:
    """A plain family for indicators that a dataset brings and the registry does not know: counts only.

    ``name`` is the family as ``indicators.csv`` writes it (shown as it is, in every language), or ``other``
    for indicators the importer could not place; ``categories`` are its indicators in the file's order. With a
    ``total`` (the published figure its categories add up to), each category can be shown as a share of it.
    """
    return Family(
        id=family_id,
        name=Text("Andre tal", "Other figures", "Andra siffror") if name in ("", OTHER_FAMILY) else Text(name, name),
        description=Text("", "", ""),
        denominator=total.id if total else None,
        share_unit="percent" if total else None,
        share_label=Text(f"andel af «{total.name.da}»", f"share of «{total.name.en}»", f"andel av ”{total.name('sv')}”")
        if total
        else Text("", "", ""),
        count_label=Text("antal", "number", "antal"),
        show_count=True,
        composition=False,
        scheme="Blues",
        categories=categories,
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
