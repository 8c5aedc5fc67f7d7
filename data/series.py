"""Every series of a dataset, made from its figures: the division into shares and rates, and the colour classes.

Both ways of loading (the open files, data/load.py, and the binary copy, data/binary.py) make the series here, so
they make them alike; the copy only saves the classification, by handing in the classes it kept.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from data.binary import StaleCopy
from data.model import Indicator, Series
from layers.classify import Classes, classify_over_all_years
from layers.families import UNITS
from layers.registry import MEASURES, given_measure, lookup, measures_of
from layers.status import MISSING, SHOWN, worst


def _classes(
    indicator: Indicator, measure: str, values: np.ndarray, signed: bool, decimals: int, stored: Mapping | None
) -> Classes | None:
    """The series' colour classes: over all its years (layers/classify.py), or as the binary copy keeps them."""
    if stored is not None:
        if (indicator.id, measure) not in stored:
            raise StaleCopy(f"it has no classes for {indicator.id} as {measure}")
        return stored[indicator.id, measure]
    family = indicator.family
    return classify_over_all_years(
        values, scheme=family.scheme, signed=signed, decimals=decimals, diverging_scheme=family.diverging_scheme
    )


def _given_series(
    indicator: Indicator, values: np.ndarray, status: np.ndarray, stored: Mapping | None
) -> tuple[str, Series]:
    # Figures that arrive as shares or plain numbers are shown as they are: there is no count to divide.
    unit = UNITS[indicator.unit]
    measure = given_measure(unit).id
    values = np.where(status == SHOWN.code, values, np.nan)
    signed = bool(np.nanmin(values, initial=0.0) < 0)
    classes = _classes(indicator, measure, values, signed, unit.decimals, stored)
    nothing = np.full_like(values, np.nan)
    return measure, Series(indicator, measure, unit, values, nothing, nothing, status, classes, signed)


def _series(
    indicator: Indicator, measure: str, counts, status, denominators, denominator_status, stored: Mapping | None
) -> Series:
    family = indicator.family
    unit = MEASURES[measure].unit_for(family)
    known = lookup(indicator.id)
    signed = bool(known and known[1].signed)
    if MEASURES[measure].of_a_whole:
        with np.errstate(divide="ignore", invalid="ignore"):
            values = counts / denominators * unit.per
        status = worst(status, denominator_status)
        status = np.where((status == SHOWN.code) & ~np.isfinite(values), MISSING.code, status)
        values = np.where(status == SHOWN.code, values, np.nan)
    else:
        values, denominators = counts, np.full_like(counts, np.nan)
    classes = _classes(indicator, measure, values, signed, unit.decimals, stored)
    return Series(indicator, measure, unit, values, counts, denominators, status, classes, signed)


def all_series(
    indicators: dict[str, Indicator], counts: np.ndarray, status: np.ndarray, stored: Mapping | None = None
) -> dict[tuple[str, str], Series]:
    """Every (indicator, measure) series, from the figures arranged (indicators, years, districts).

    ``stored`` holds the classes the binary copy kept; without it every series is classified here.
    """
    position = {indicator_id: i for i, indicator_id in enumerate(indicators)}
    series = {}
    for indicator_id, indicator in indicators.items():
        i = position[indicator_id]
        if UNITS[indicator.unit].per or (indicator.unit == "number" and lookup(indicator_id) is None):
            measure, given = _given_series(indicator, counts[i], status[i], stored)
            series[indicator_id, measure] = given
            continue
        d = position.get(indicator.denominator or "")
        for measure in measures_of(indicator.family):
            if MEASURES[measure].of_a_whole and d is None:
                continue
            denominator, denominator_status = (counts[d], status[d]) if d is not None else (None, None)
            series[indicator_id, measure] = _series(
                indicator, measure, counts[i], status[i], denominator, denominator_status, stored
            )
    if stored is not None and len(stored) != len(series):
        raise StaleCopy(f"it has classes for {len(stored)} series, the dataset has {len(series)}")
    return series
