"""Pure analysis over a loaded dataset: a district's rank, its peers, and change between years.

Hidden (suppressed) and missing figures never count as zero: they are left out of ranks and peers, and a change
that involves one is itself hidden or missing.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from data.model import STATUS_MISSING, STATUS_SHOWN, STATUS_SUPPRESSED, Dataset, Series
from layers.families import UNITS, Family, Unit
from layers.text import Text

# How a change is written: points for shares and rates, per cent for counts.
CHANGE_UNITS = {
    "percent": Unit(
        "points",
        Text(" procentpoint", " percentage points", " procentenheter"),
        1,
        Text("procentpoint", "percentage points", "procentenheter"),
    ),
    "per_1000": Unit(
        "points_per_1000",
        Text(" pr. 1.000", " per 1,000", " per 1\u00a0000"),
        1,
        Text("pr. 1.000", "per 1,000", "per 1\u00a0000"),
    ),
    "count": Unit("change_percent", Text(" %", " %", " %"), 1, Text("procent", "per cent", "procent")),
}


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
    shown = series.status[year_index] == STATUS_SHOWN
    if not shown[district] or np.isnan(values[district]):
        return None
    others = values[shown & ~np.isnan(values)]
    return Rank(position=int((others > values[district]).sum()) + 1, of=int(others.size))


def similar_districts(dataset: Dataset, family: Family, year_index: int, district: int, count: int = 3) -> list[int]:
    """The districts whose composition in ``family`` is closest to ``district``'s (Euclidean, in shares).

    Districts with a hidden or missing share in the family are left out, as is the district itself.
    """
    shares = [dataset.series.get((category.id, "share")) for category in family.categories]
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
    start, start_status = series.values[from_index], series.status[from_index]
    with np.errstate(divide="ignore", invalid="ignore"):
        if series.measure == "share":
            values = series.values - start
            kind = "percent" if series.unit.id == "percent" else "per_1000"
        else:
            values = (series.values / start - 1) * 100
            kind = "count"
    status = np.maximum(series.status, start_status)
    status = np.where((status == STATUS_SHOWN) & ~np.isfinite(values), STATUS_MISSING, status)
    values = np.where(status == STATUS_SHOWN, values, np.nan)
    return Change(values, status, CHANGE_UNITS.get(kind, UNITS["number"]))


def municipality_share(series: Series, year_index: int) -> float | None:
    """The whole area's share: the sum of shown counts over the sum of their denominators, or ``None``.

    Districts whose figure is hidden are left out of both sums, so the result is an estimate when some are hidden.
    """
    shown = series.status[year_index] == STATUS_SHOWN
    counts, denominators = series.counts[year_index][shown], series.denominators[year_index][shown]
    if series.measure != "share" or not shown.any() or np.nansum(denominators) == 0:
        return None
    factor = 1000.0 if series.unit.id == "per_1000" else 100.0
    return float(np.nansum(counts) / np.nansum(denominators) * factor)


def municipality_total(series: Series, year_index: int) -> float | None:
    """The sum of shown counts in a year, or ``None`` when nothing is shown."""
    shown = series.status[year_index] == STATUS_SHOWN
    return float(np.nansum(series.counts[year_index][shown])) if shown.any() else None


def hidden(series: Series, year_index: int, district: int) -> str | None:
    """'suppressed' or 'missing' when the district's figure is not shown, else ``None``."""
    status = series.status[year_index, district]
    return {STATUS_SUPPRESSED: "suppressed", STATUS_MISSING: "missing"}.get(int(status))
