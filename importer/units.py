"""Step 5 of an import: what kind of figure each indicator is, from its words and its values.

A count of people can be hidden when it is small; a share, an average or a weighted estimate cannot identify
anyone and must never be hidden as one. So the unit is told from the title first (``%``, ``pct``, ``andel``,
``procent``, ``prosent``, ``osuus`` are percentages; ``gennemsnit``, ``genomsnitt``, ``keskiarvo``, ``average``,
``median`` are plain numbers), then from the values (a fractional or negative value is never a count). The report
lists each indicator's unit, and ``--indicators`` overrides it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd


@dataclass(frozen=True)
class UnitRule:
    """Words in a title that tell an indicator's unit."""

    unit: str
    words: re.Pattern


UNIT_RULES: tuple[UnitRule, ...] = (
    UnitRule("per_1000", re.compile(r"per 1\.?000\b|pr\.? 1\.?000\b|promille|‰", re.IGNORECASE)),
    UnitRule(
        "percent",
        re.compile(r"%|\bpct\b|\bprocent|\bprosent|\bandel(en)?\b|\bosuus|\bpercent|\bper cent", re.IGNORECASE),
    ),  # fmt: skip
    UnitRule(
        "number",
        re.compile(
            r"gennemsnit|genomsnitt|keskiarvo|keski-ikä|average|\bmedian|\bmean\b|middel|"
            r"gns\.|snitt\b|\bkr\.|\bsek\b|\bnok\b|\beur\b|\bdkk\b|indeks|index",
            re.IGNORECASE,
        ),
    ),  # fmt: skip
)


def infer_unit(words: str, values: np.ndarray) -> tuple[str, str]:
    """An indicator's unit and the reason, from its title words and its parsed values (NaN where none).

    >>> infer_unit("Andel (%) med videregående uddannelse", np.array([12.5, 30.0]))
    ('percent', "'Andel' in its title")
    >>> infer_unit("Asukkaiden keski-ikä", np.array([41.0, 39.0]))
    ('number', "'keski-ikä' in its title")
    >>> infer_unit("Indbyggere", np.array([120.0, 3.5]))
    ('number', 'figures with decimals')
    >>> infer_unit("Indbyggere", np.array([120.0, 3.0]))
    ('count', 'whole numbers')
    """
    for rule in UNIT_RULES:
        found = rule.words.search(words)
        if found:
            return rule.unit, f"{found.group().strip()!r} in its title"
    shown = values[~np.isnan(values)]
    if (shown % 1 != 0).any():
        return "number", "figures with decimals"
    if (shown < 0).any():
        return "number", "negative figures"
    return "count", "whole numbers"


def infer_units(
    values: pd.Series, indicators: pd.Series, words: Mapping[str, str], given: Mapping[str, str]
) -> dict[str, tuple[str, str]]:
    """Each indicator's unit and why: ``given`` (from ``--indicators``) wins, else ``infer_unit``."""
    units = {}
    for indicator_id, own in values.groupby(indicators, sort=False):
        if given.get(indicator_id):
            units[indicator_id] = (given[indicator_id], "given with --indicators")
        else:
            units[indicator_id] = infer_unit(words.get(indicator_id, indicator_id), own.to_numpy(dtype=float))
    return units
