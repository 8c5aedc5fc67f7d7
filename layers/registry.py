"""Look-ups over the declared families: which family an indicator belongs to, and the measures it can be shown in."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

import numpy as np

from layers.families import CHANGE_UNITS, FAMILIES, UNITS, Category, Family, Unit
from layers.text import Text


@dataclass(frozen=True)
class Measure:
    """A way of showing a category: as a share of its denominator, or as a plain count.

    The measure carries what differs between the two, so code asks it and never tests its id (the id is data: in
    files and addresses). A share's figures are parts of a whole (``of_a_whole``): they are written in the family's
    share unit, said to be "of" something, and change by a difference in points. A count's change is in per cent
    of where it started.
    """

    id: str
    label: Text
    of_a_whole: bool

    def fits(self, family: Family) -> bool:
        """Whether this measure means something for ``family``: a share needs a denominator and a share unit."""
        return bool(family.denominator and family.share_unit) if self.of_a_whole else family.show_count

    def unit_for(self, family: Family) -> Unit:
        """The unit this measure of ``family`` is written in.

        >>> SHARE.unit_for(FAMILY_BY_ID["moves"]).id, COUNT.unit_for(FAMILY_BY_ID["moves"]).id
        ('per_1000', 'count')
        """
        return UNITS[family.share_unit] if self.of_a_whole and family.share_unit else UNITS["count"]

    def label_for(self, family: Family, lang: str) -> str:
        """What this measure of ``family`` is called: the family's own words, or else the measure's.

        >>> SHARE.label_for(FAMILY_BY_ID["age"], "en"), COUNT.label_for(FAMILY_BY_ID["population"], "da")
        ('share of residents', 'antal')
        """
        label = family.share_label if self.of_a_whole else family.count_label
        return label(lang) or self.label(lang).lower()

    def of_phrase(self, family: Family, lang: str) -> str:
        """What a figure of this measure is of, for a sentence: 'af indbyggerne', 'per 1,000 residents', or empty.

        >>> SHARE.of_phrase(FAMILY_BY_ID["age"], "sv"), COUNT.of_phrase(FAMILY_BY_ID["age"], "sv")
        ('av invånarna', '')
        """
        return family.share_of(lang) if self.of_a_whole else ""

    def change(self, values: np.ndarray, start: np.ndarray) -> np.ndarray:
        """The change from ``start`` to ``values``: a difference for parts of a whole, else per cent of the start
        (infinite or NaN where a count starts at zero).

        >>> before, after = np.array([10.0]), np.array([12.5])
        >>> SHARE.change(after, before).tolist(), COUNT.change(after, before).tolist()
        ([2.5], [25.0])
        """
        with np.errstate(divide="ignore", invalid="ignore"):
            return values - start if self.of_a_whole else (values / start - 1) * 100

    def change_unit(self, unit: Unit) -> Unit:
        """The unit a change of figures written in ``unit`` is written in: points of a share or rate, or per cent.

        >>> SHARE.change_unit(UNITS["percent"]).id, COUNT.change_unit(UNITS["count"]).id
        ('points', 'change_percent')
        """
        if self.of_a_whole:
            return unit.points or UNITS["number"]
        return CHANGE_UNITS["change_percent"]


SHARE = Measure("share", Text("Andel", "Share", "Andel"), of_a_whole=True)
COUNT = Measure("count", Text("Antal", "Number", "Antal"), of_a_whole=False)
MEASURES: dict[str, Measure] = {measure.id: measure for measure in (SHARE, COUNT)}  # in the order pickers list them
DEFAULT_MEASURE = SHARE.id


def given_measure(unit: Unit) -> Measure:
    """The measure of figures a dataset gives ready-made in ``unit``: a share for parts of a whole, else a count.

    >>> given_measure(UNITS["per_1000"]).id, given_measure(UNITS["number"]).id
    ('share', 'count')
    """
    return next(measure for measure in MEASURES.values() if measure.of_a_whole == (unit.per is not None))


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
        share_of=Text(f"af «{total.name.da}»", f"of «{total.name.en}»", f"av ”{total.name('sv')}”")
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
    return tuple(measure.id for measure in MEASURES.values() if measure.fits(family))


def unit_of(family: Family, measure: str) -> Unit:
    """The unit a measure (by its id) of this family is written in."""
    return MEASURES[measure].unit_for(family)
