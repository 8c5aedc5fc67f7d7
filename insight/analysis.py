"""Pure analysis over a loaded dataset: a district's rank, its peers, and change between years.

Hidden (suppressed) and missing figures never count as zero: they are left out of ranks and peers, and a change
that involves one is itself hidden or missing.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from data.model import Dataset, Series
from layers.families import Family, Unit
from layers.registry import SHARE
from layers.status import MISSING, SHOWN, STATUSES, Status, worst


@dataclass(frozen=True)
class Rank:
    """Where a district stands in one year: ``position`` 1 is the highest of ``of`` districts with a figure."""

    position: int
    of: int

    @property
    def from_bottom(self) -> int:
        return self.of - self.position + 1

    @property
    def in_upper_half(self) -> bool:
        return self.position <= self.from_bottom


def rank_in_year(series: Series, year_index: int, district: int) -> Rank | None:
    """The district's rank among districts with a shown figure, or ``None`` when its own figure is not shown.

    Ties share the better position: two districts with the same highest value are both first.
    """
    values = series.values[year_index]
    shown = series.status[year_index] == SHOWN.code
    if not shown[district] or np.isnan(values[district]):
        return None
    others = values[shown & ~np.isnan(values)]
    return Rank(position=int((others > values[district]).sum()) + 1, of=int(others.size))


def similar_districts(dataset: Dataset, family: Family, year_index: int, district: int, count: int = 3) -> list[int]:
    """The districts whose composition in ``family`` is closest to ``district``'s (Euclidean, in shares).

    Districts with a hidden or missing share in the family are left out, as is the district itself.
    """
    shares = [dataset.series.get((category.id, SHARE.id)) for category in family.categories]
    if not shares or any(series is None for series in shares):
        return []
    matrix = np.stack([series.values[year_index] for series in shares], axis=1)  # districts × categories
    complete = ~np.isnan(matrix).any(axis=1)
    if not complete[district]:
        return []
    distance = np.sqrt(((matrix - matrix[district]) ** 2).sum(axis=1))
    candidates = [d for d in np.argsort(distance, kind="stable") if complete[d] and d != district]
    return [int(d) for d in candidates[:count]]


@dataclass(frozen=True)
class Change:
    """Change from one year to each year, per district: values, statuses, and the unit they are written in."""

    values: np.ndarray  # (years, districts)
    status: np.ndarray
    unit: Unit


def change_from(series: Series, from_index: int) -> Change:
    """Change from year ``from_index`` to every year: points for shares and rates, per cent for counts.

    A change is hidden when either figure is hidden, and missing when either is missing or a count starts at zero.
    """
    measure = series.measure_spec
    values = measure.change(series.values, series.values[from_index])
    status = worst(series.status, series.status[from_index])
    status = np.where((status == SHOWN.code) & ~np.isfinite(values), MISSING.code, status)
    values = np.where(status == SHOWN.code, values, np.nan)
    return Change(values, status, measure.change_unit(series.unit))


def municipality_share(series: Series, year_index: int) -> float | None:
    """The whole area's share: the sum of shown counts over the sum of their denominators, or ``None``.

    Districts whose figure is hidden are left out of both sums, so the result is an estimate when some are hidden.
    """
    shown = series.status[year_index] == SHOWN.code
    counts, denominators = series.counts[year_index][shown], series.denominators[year_index][shown]
    if not series.measure_spec.of_a_whole or not shown.any() or np.nansum(denominators) == 0:
        return None
    return float(np.nansum(counts) / np.nansum(denominators) * series.unit.per)


def municipality_total(series: Series, year_index: int) -> float | None:
    """The sum of shown counts in a year, or ``None`` when nothing is shown."""
    shown = series.status[year_index] == SHOWN.code
    return float(np.nansum(series.counts[year_index][shown])) if shown.any() else None


def status_at(series: Series, year_index: int, district: int) -> Status:
    """The status of one district's figure in one year: ask it ``shown``, or what it ``says``."""
    return STATUSES[int(series.status[year_index, district])]
