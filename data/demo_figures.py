"""The demo municipality's yearly figures: fictional, but with the patterns real figures have.

Each district has an urbanity between 0 (farmland) and 1 (the town). A family's shares are a blend of a rural and
an urban profile, nudged per district, and drifting by tenths of a percentage point a year. Counts are rounded so
that every composition family adds up exactly to its denominator.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from data.demo_geography import PLACES, Place
from layers.registry import FAMILY_BY_ID
from layers.status import MISSING, SHOWN

YEARS = tuple(range(2011, 2017))
TOTAL_RESIDENTS_2011 = 45_900  # like Hedensted

URBANITY = {"town": 1.0, "small_town": 0.65, "village": 0.3, "rural": 0.05, "island": 0.0}
RESIDENTS = {
    "town": (9_500, 9_500),
    "small_town": (3_200, 4_200),
    "village": (1_300, 2_300),
    "rural": (450, 1_100),
    "island": (160, 160),
}
GROWTH = {
    "town": (0.005, 0.008),
    "small_town": (0.002, 0.005),
    "village": (-0.003, 0.003),
    "rural": (-0.007, 0.0),
    "island": (-0.02, -0.015),
}

# Per family: the rural profile, the urban profile (both in %), and the drift in percentage points a year.
PROFILES: dict[str, tuple[tuple[float, ...], tuple[float, ...], tuple[float, ...]]] = {
    "age": (
        (7.0, 15.0, 8.0, 14.0, 36.0, 15.0, 5.0),
        (7.6, 11.0, 12.5, 20.5, 30.5, 12.5, 5.4),
        (-0.05, -0.1, 0.0, -0.1, -0.05, 0.25, 0.05),
    ),
    "civil_status": ((44.0, 46.0, 7.0, 3.0), (50.0, 35.5, 10.5, 4.0), (0.1, -0.2, 0.08, 0.02)),
    "family_type": ((30.0, 4.0, 36.0, 30.0), (47.0, 9.0, 25.0, 19.0), (0.2, 0.02, 0.1, -0.32)),
    "citizenship": ((97.8, 1.5, 0.7), (91.0, 4.0, 5.0), (-0.25, 0.1, 0.15)),
    "employment": ((78.0, 2.5, 19.5), (72.0, 4.5, 23.5), (0.4, -0.15, -0.25)),
    "moves_origin": ((52.0, 18.0, 22.0, 8.0), (40.0, 20.0, 28.0, 12.0), (0.0, 0.0, -0.2, 0.2)),
    "dwelling_type": ((72.0, 4.0, 2.0, 18.0, 4.0), (45.0, 18.0, 33.0, 0.5, 3.5), (0.1, 0.2, 0.1, -0.35, -0.05)),
    "ownership": ((82.0, 12.0, 2.0, 2.0, 2.0), (50.0, 17.0, 22.0, 8.0, 3.0), (-0.1, 0.2, 0.0, -0.05, -0.05)),
    "dwelling_size": ((3.0, 20.0, 37.0, 33.0, 7.0), (9.0, 32.0, 33.0, 23.5, 2.5), (0.0, -0.1, -0.05, 0.1, 0.05)),
    "industry": (
        (34.0, 9.0, 12.0, 16.0, 1.5, 0.5, 4.0, 8.0, 9.0, 6.0),
        (2.0, 9.0, 10.0, 28.0, 5.0, 3.0, 7.0, 14.0, 14.0, 8.0),
        (-0.3, -0.05, 0.05, 0.0, 0.05, 0.0, 0.05, 0.15, 0.05, 0.0),
    ),
}
# The family a composition is counted against: denominator indicator → family id.
MISSING_CELLS = (("07", 2011, "industry"),)  # a district whose industry figures were never delivered for 2011


def largest_remainder(total: int, shares: np.ndarray) -> np.ndarray:
    """Split a whole number into parts proportional to ``shares``, so that the parts add up to ``total`` exactly.

    >>> largest_remainder(10, np.array([1.0, 1.0, 1.0])).tolist()
    [4, 3, 3]
    """
    exact = total * shares / shares.sum()
    parts = np.floor(exact).astype(int)
    parts[np.argsort(-(exact - parts), kind="stable")[: total - parts.sum()]] += 1
    return parts


class _District:
    """One district's figures over the years, drawn from its own seeded generator."""

    def __init__(self, place: Place, scale: float) -> None:
        self.place = place
        self.rng = np.random.default_rng(2016 + int(place.district_id))
        self.urbanity = URBANITY[place.kind]
        low, high = RESIDENTS[place.kind]
        self.residents_2011 = self.rng.uniform(low, high) * scale
        self.growth = self.rng.uniform(*GROWTH[place.kind])

    def residents(self, t: int) -> int:
        return round(self.residents_2011 * (1 + self.growth) ** t)

    def shares(self, family_id: str, years: int) -> np.ndarray:
        rural, urban, drift = (np.asarray(profile) for profile in PROFILES[family_id])
        nudge = np.exp(self.rng.normal(0, 0.12, size=rural.size))
        pace = self.rng.uniform(0.5, 1.5)
        base = ((1 - self.urbanity) * rural + self.urbanity * urban) * nudge
        by_year = np.array([np.clip(base + drift * pace * t, 0.02, None) for t in range(years)])
        return by_year / by_year.sum(axis=1, keepdims=True)


def _rows(district: _District) -> list[tuple[str, int, str, float]]:
    rows: list[tuple[str, int, str, float]] = []
    u = district.urbanity
    shares = {family_id: district.shares(family_id, len(YEARS)) for family_id in PROFILES}
    rates = district.rng.uniform(0.85, 1.15, size=3)
    for t, year in enumerate(YEARS):
        totals = {"residents": district.residents(t)}
        totals["households"] = round(totals["residents"] / (2.55 - 0.55 * u))
        totals["families"] = round(totals["households"] * 1.02)
        totals["dwellings"] = round(totals["households"] * 1.04)
        counts = dict(totals)
        ages = largest_remainder(totals["residents"], shares["age"][t])
        counts["residents_16_64"] = round(ages[1] / 11 + ages[2:5].sum())
        moves_in = round(totals["residents"] * (55 + 25 * u) * rates[0] * (1 + 0.02 * t) / 1000)
        moves_out = max(0, moves_in - round(totals["residents"] * district.growth * rates[1]) + round(2 * np.sin(t)))
        counts.update(moves_in=moves_in, moves_out=moves_out, moves_net=moves_in - moves_out)
        counts["moves_within"] = round(totals["residents"] * (30 + 15 * u) * rates[2] / 1000)
        counts["workplaces"] = round(totals["residents"] * (70 - 15 * u) / 1000)
        counts["jobs"] = round(counts["workplaces"] * (3 + 7 * u))
        denominators = {**counts}
        for family_id, by_year in shares.items():
            family = FAMILY_BY_ID[family_id]
            parts = largest_remainder(denominators[family.denominator], by_year[t])
            counts.update({category.id: part for category, part in zip(family.categories, parts, strict=True)})
        rows.extend(
            (district.place.district_id, year, indicator_id, float(value)) for indicator_id, value in counts.items()
        )
    return rows


def figures_of(places: tuple[Place, ...] | list[Place], scale: float = 1.0) -> pd.DataFrame:
    """Every family's figures for ``places`` (numeric ids seed each district), as ``district_id, year, indicator,
    value, status``. The demo uses it, and so does the benchmark generator (``bench/make_datasets.py``)."""
    rows = [row for place in places for row in _rows(_District(place, scale))]
    table = pd.DataFrame(rows, columns=["district_id", "year", "indicator", "value"])
    table["status"] = SHOWN.word
    return table


def demo_statistics() -> pd.DataFrame:
    """Every indicator of every family for every demo district and year, as a tidy table.

    Returns ``district_id, year, indicator, value, status``, before disclosure control.
    """
    draft = [_District(place, 1.0) for place in PLACES]
    scale = TOTAL_RESIDENTS_2011 / sum(district.residents(0) for district in draft)
    table = figures_of(PLACES, scale)
    for district_id, year, family_id in MISSING_CELLS:
        indicators = [category.id for category in FAMILY_BY_ID[family_id].categories]
        hit = (table["district_id"] == district_id) & (table["year"] == year) & table["indicator"].isin(indicators)
        table.loc[hit, ["value", "status"]] = [np.nan, MISSING.word]
    return table
