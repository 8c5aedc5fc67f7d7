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

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from layers.registry import lookup
from layers.status import SHOWN, SUPPRESSED
from stats.validate import combined_codes

DEFAULT_MIN_COUNT = 5


@dataclass(frozen=True)
class DisclosureRule:
    """The rule as it is recorded in ``datapackage.json``."""

    min_count: int = DEFAULT_MIN_COUNT
    secondary: bool = True

    def as_metadata(self) -> dict:
        if self.min_count <= 0:
            return {"method": "none: the publisher's figures were already protected", "min_count": 0,
                    "secondary": False}  # fmt: skip
        return {
            "method": "primary suppression of small counts, secondary suppression within families",
            "min_count": self.min_count,
            "secondary": self.secondary,
        }


@dataclass(frozen=True)
class Membership:
    """An indicator's place in a family that the registry does not know: one an import found or was told of."""

    family: str
    composition: bool  # its categories add up to a published total, so one hidden cell could be recovered


def _registry_columns(indicators: pd.Series, families: Mapping[str, Membership]) -> pd.DataFrame:
    # Looked up once per distinct indicator, not once per row: imports have a million rows and a hundred ids.
    codes, distinct = pd.factorize(indicators)
    entries = [lookup(indicator_id) for indicator_id in distinct]
    members = [families.get(indicator_id) for indicator_id in distinct]
    table = pd.DataFrame(
        {
            "family": [entry[0].id if entry else member.family if member else None
                       for entry, member in zip(entries, members, strict=True)],
            "composition": [bool(entry[0].composition) if entry else bool(member and member.composition)
                            for entry, member in zip(entries, members, strict=True)],
            "signed": [bool(entry and entry[1].signed) for entry in entries],
        },
    )  # fmt: skip
    return table.iloc[codes].set_index(indicators.index)


def _groups(*keys: pd.Series) -> np.ndarray:
    # One integer per combination of the keys (family, district, year): grouping by it hashes no text.
    return combined_codes(*(pd.factorize(key, use_na_sentinel=False)[0] for key in keys))


def _in_group(flags: np.ndarray, group: np.ndarray) -> np.ndarray:
    # For each row, how many rows of its group are flagged.
    return np.bincount(group, weights=flags, minlength=int(group.max(initial=-1)) + 1)[group]


def _smallest_of_each_group(rows: np.ndarray, values: np.ndarray, group: np.ndarray) -> np.ndarray:
    # The row of each group with the smallest value, the first of them on a tie (as idxmin picks).
    rows = rows[~np.isnan(values[rows])]
    order = rows[np.lexsort((rows, values[rows], group[rows]))]
    first = np.ones(len(order), dtype=bool)
    first[1:] = group[order][1:] != group[order][:-1]
    return order[first]


def apply_disclosure_control(
    statistics: pd.DataFrame, rule: DisclosureRule = DisclosureRule(), families: Mapping[str, Membership] | None = None
) -> pd.DataFrame:
    """Return a copy of a tidy table with small counts and their recoverable siblings suppressed.

    ``statistics`` has the columns ``district_id, year, indicator, value, status``. ``families`` places
    indicators the registry does not know (an import's own families); others get primary suppression only.

    >>> table = pd.DataFrame({"district_id": ["01"] * 3, "year": [2016] * 3,
    ...                       "indicator": ["citizenship_danish", "citizenship_western", "citizenship_non_western"],
    ...                       "value": [480.0, 17.0, 3.0], "status": [""] * 3})
    >>> apply_disclosure_control(table)["status"].tolist()
    ['', 'suppressed', 'suppressed']
    """
    table = statistics.copy()
    status = table["status"].fillna(SHOWN.word).to_numpy(dtype=object)
    values = table["value"].to_numpy(dtype=float)
    registry = _registry_columns(table["indicator"], families or {})
    signed = registry["signed"].to_numpy(dtype=bool)
    small = (status == SHOWN.word) & ~signed & (values > 0) & (values < rule.min_count)
    status[small] = SUPPRESSED.word
    if rule.secondary:
        known = registry["family"].notna().to_numpy()
        group = _groups(registry["family"].where(known, ""), table["district_id"], table["year"])
        hidden = (status == SUPPRESSED.word) & known
        # A lone hidden cell in a family that adds up to a total takes the smallest visible sibling with it.
        candidates = (known & registry["composition"].to_numpy(dtype=bool) & ~signed & (status == SHOWN.word)
                      & (_in_group(hidden, group) == 1))  # fmt: skip
        status[_smallest_of_each_group(np.flatnonzero(candidates), values, group)] = SUPPRESSED.word
        # A signed figure (net = in - out) would reveal a hidden sibling, so it goes too.
        hidden = (status == SUPPRESSED.word) & known
        derived = signed & known & (_in_group(hidden, group) > 0) & (status == SHOWN.word)
        status[derived] = SUPPRESSED.word
    suppressed = status == SUPPRESSED.word
    table["status"] = pd.Series(status, index=table.index, dtype=str)
    table["value"] = np.where(suppressed, np.nan, values)
    return table
