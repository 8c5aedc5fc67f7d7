"""'Vidste du …?': a few facts for the start page, found in whatever figures a dataset has.

A fact names a district that stands out on an indicator, and the largest change. Any indicator can give one: a
share of a composition (held against the whole area's share), or any other figure, such as a count, an average
or a share that came as a share (held against the average district). The kinds are declared in ``FACT_KINDS``,
in the order their facts are preferred.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from data.model import Dataset, Series
from insight.analysis import change_from, municipality_share
from insight.sentences import district_count, of_phrase, shown_values
from layers.i18n import format_value, t
from layers.registry import MEASURES
from layers.status import SHOWN

FACT_COUNT = 4


def _average_district(series: Series, year_index: int) -> float | None:
    values = shown_values(series, year_index)
    return float(np.nanmean(values)) if (~np.isnan(values)).sum() > 1 else None


@dataclass(frozen=True)
class FactKind:
    """A kind of figure a fact can be told about: which series it fits, what a district is held against, and the
    text that tells it."""

    id: str
    fits: Callable[[Series], bool]
    overall: Callable[[Series, int], float | None]
    standout_key: str


FACT_KINDS: tuple[FactKind, ...] = (
    FactKind(
        "share",
        lambda series: series.measure_spec.of_a_whole and series.indicator.family.composition,
        municipality_share,
        "fact_extreme",
    ),
    # Anything else except figures that can be negative (net moves), which no average makes a yardstick for.
    FactKind("figure", lambda series: not series.signed, _average_district, "fact_highest"),
)


@dataclass(frozen=True)
class _Candidate:
    kind: int  # position in FACT_KINDS: lower is preferred
    series: Series
    first: int  # the first and last year with a figure to show, as indices into the dataset's years
    last: int


def _candidates(dataset: Dataset) -> list[_Candidate]:
    """One series per indicator (its share where it has one) with the kind of fact it can give."""
    found = []
    for indicator_id in dataset.indicators:
        measures = dataset.measures_of(indicator_id)
        if not measures:
            continue
        series = dataset.series[indicator_id, min(measures, key=list(MEASURES).index)]  # the registry's first
        kind = next((i for i, kind in enumerate(FACT_KINDS) if kind.fits(series)), None)
        years = np.flatnonzero((series.status == SHOWN.code).any(axis=1))
        if kind is not None and years.size:
            found.append(_Candidate(kind, series, int(years[0]), int(years[-1])))
    return found


def _of(series: Series, lang: str) -> str:
    # Templates write "{last}{of}": a share says of what (" af indbyggerne"), any other figure nothing.
    phrase = of_phrase(series, lang)
    return f" {phrase}" if phrase else ""


def _standouts(candidates: list[_Candidate]) -> list[tuple]:
    """(kind, -how far above, candidate, district, yardstick) per candidate whose top district is above its
    yardstick, preferred kinds first, then the furthest above."""
    rows = []
    for candidate in candidates:
        series, last = candidate.series, candidate.last
        overall = FACT_KINDS[candidate.kind].overall(series, last)
        values = shown_values(series, last)
        if not overall or overall < 0:  # no yardstick, or one a ratio means nothing against
            continue
        top = int(np.nanargmax(values))
        standout = (values[top] - overall) / overall
        if standout > 0:
            rows.append((candidate.kind, -standout, candidate, top, overall))
    return sorted(rows, key=lambda row: row[:2])


def _standout_fact(dataset: Dataset, candidate: _Candidate, district: int, overall: float, lang: str) -> str:
    series, last = candidate.series, candidate.last
    shown = int((~np.isnan(shown_values(series, last))).sum())
    return t(
        FACT_KINDS[candidate.kind].standout_key, lang, value=format_value(series.values[last, district], series.unit, lang),
        of=_of(series, lang).strip(), district=dataset.district_names[district], category=series.indicator.title(lang),
        overall=format_value(overall, series.unit, lang), year=dataset.years[last],
        districts=district_count(dataset, shown, lang),
    )  # fmt: skip


def _largest_change(candidates: list[_Candidate]) -> tuple[_Candidate, int] | None:
    """The candidate and district with the largest change from its first to its last year, preferred kinds first."""
    best = None
    for candidate in candidates:
        if candidate.first == candidate.last:
            continue
        change = change_from(candidate.series, candidate.first).values[candidate.last]
        if np.isnan(change).all():
            continue
        moved = int(np.nanargmax(np.abs(change)))
        rank = (candidate.kind, -abs(change[moved]))
        if best is None or rank < best[0]:
            best = (rank, candidate, moved)
    return None if best is None else best[1:]


def _change_fact(dataset: Dataset, candidate: _Candidate, district: int, lang: str) -> str:
    series, first, last = candidate.series, candidate.first, candidate.last
    before, after = series.values[first, district], series.values[last, district]
    return t(
        "fact_change_up" if after > before else "fact_change_down", lang, category=series.indicator.title(lang),
        district=dataset.district_names[district], first=format_value(before, series.unit, lang),
        last=format_value(after, series.unit, lang), of=_of(series, lang),
        first_year=dataset.years[first], last_year=dataset.years[last],
    )  # fmt: skip


def facts(dataset: Dataset, lang: str, count: int = FACT_COUNT) -> list[str]:
    """'Vidste du …?' facts for the start page: the districts that stand out most, and the largest change.

    A district stands out when its figure is far above the whole area's share, or above the average district. One
    fact per family and per district, so the facts tell different stories. Each indicator is told about in its
    own latest year with figures, so one with fewer years still can be.
    """
    candidates = _candidates(dataset)
    chosen, families, places = [], set(), set()
    for _, _, candidate, district, overall in _standouts(candidates):
        if candidate.series.indicator.family.id in families or district in places:
            continue
        families.add(candidate.series.indicator.family.id)
        places.add(district)
        chosen.append(_standout_fact(dataset, candidate, district, overall, lang))
        if len(chosen) == count - 1:
            break
    change = _largest_change(candidates)
    if change:
        chosen.append(_change_fact(dataset, *change, lang))
    return chosen
