"""Disclosure control: hide small counts, and the cells that would let someone recover them.

The rules, applied per district and year:

1. **Primary.** A count of 1 to ``min_count - 1`` people is written as ``suppressed``, without its value.
   Zero is shown: it tells nobody anything about a person. Signed figures (net moves) are differences, not
   counts of people, and are never suppressed by size.
2. **Secondary.** In a family whose categories add up to a published total, one hidden cell could be recovered
   by subtracting its siblings from the total. So while exactly one sibling is hidden, the smallest visible one is
   hidden too.
3. **Derived.** A signed figure is computed from its siblings (net = in - out), so it is hidden whenever any of
   them is, and hiding it never reveals them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from layers.registry import lookup

SUPPRESSED = "suppressed"
MISSING = "missing"
DEFAULT_MIN_COUNT = 5


@dataclass(frozen=True)
class DisclosureRule:
    """The rule as it is recorded in ``datapackage.json``."""

    min_count: int = DEFAULT_MIN_COUNT
    secondary: bool = True

    def as_metadata(self) -> dict:
        return {
            "method": "primary suppression of small counts, secondary suppression within families",
            "min_count": self.min_count,
            "secondary": self.secondary,
        }


def _sibling_groups(statistics: pd.DataFrame) -> pd.Series:
    families = statistics["indicator"].map(lambda indicator_id: (lookup(indicator_id) or (None,))[0])
    return families.map(lambda family: family.id if family is not None else None)


def _is_signed(indicator_id: str) -> bool:
    entry = lookup(indicator_id)
    return bool(entry and entry[1].signed)


def _suppress_secondary(group: pd.DataFrame, composition: bool) -> pd.Index:
    hidden = group["status"] == SUPPRESSED
    signed = group["indicator"].map(_is_signed)
    extra: list = []
    if composition:
        visible = group[~hidden & ~signed & (group["status"] == "")]
        if hidden.sum() == 1 and len(visible):
            extra.append(visible["value"].idxmin())
    if hidden.any() or extra:
        extra.extend(group.index[signed & ~hidden])
    return pd.Index(extra)


def apply_disclosure_control(statistics: pd.DataFrame, rule: DisclosureRule = DisclosureRule()) -> pd.DataFrame:
    """Return a copy of a tidy table with small counts and their recoverable siblings suppressed.

    ``statistics`` has the columns ``district_id, year, indicator, value, status``. Indicators the registry does
    not know get primary suppression only.

    >>> table = pd.DataFrame({"district_id": ["01"] * 3, "year": [2016] * 3,
    ...                       "indicator": ["citizenship_danish", "citizenship_western", "citizenship_non_western"],
    ...                       "value": [480.0, 17.0, 3.0], "status": [""] * 3})
    >>> apply_disclosure_control(table)["status"].tolist()
    ['', 'suppressed', 'suppressed']
    """
    table = statistics.copy()
    table["status"] = table["status"].fillna("")
    signed = table["indicator"].map(_is_signed)
    small = (table["status"] == "") & ~signed & (table["value"] > 0) & (table["value"] < rule.min_count)
    table.loc[small, "status"] = SUPPRESSED
    if rule.secondary:
        table["_family"] = _sibling_groups(table)
        known = table[table["_family"].notna()]
        for (_family_id, _, _), group in known.groupby(["_family", "district_id", "year"], sort=False):
            composition = lookup(group["indicator"].iloc[0])[0].composition
            table.loc[_suppress_secondary(group, composition), "status"] = SUPPRESSED
        table = table.drop(columns="_family")
    table.loc[table["status"] == SUPPRESSED, "value"] = np.nan
    return table
