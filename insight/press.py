"""A press note for one district: its largest changes since the first year, as sentences with their figures.

Every indicator the dataset has is a candidate, in one measure (its share where it has one, as the facts take it),
from its first year with figures to its last. A change is written as the change map writes it: in points for a
share or a rate, in per cent for a count. A change that involves a hidden or missing figure is left out, never
told as zero.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from data.model import Dataset, Series
from insight.analysis import change_from
from insight.sentences import of_phrase, signed_value
from layers.families import Unit
from layers.i18n import format_number, format_value, t
from layers.registry import MEASURES
from layers.status import SHOWN

PRESS_COUNT = 5
# A figure whose average district moved less than this (one point of a share or rate, one per cent of a count)
# counts as still: without a floor, +0.1 point of a share that hardly ever moves would outrank a real change.
STILL = 1.0


@dataclass(frozen=True)
class PressChange:
    """One indicator's change in one district, from year ``first`` to ``last`` (indices into the dataset's years)."""

    series: Series
    district: int
    first: int
    last: int
    change: float  # in ``unit``: points of a share or rate, per cent of a count
    unit: Unit
    weight: float  # what ranks it: the change's size over the usual size of this indicator's changes

    @property
    def before(self) -> float:
        return float(self.series.values[self.first, self.district])

    @property
    def after(self) -> float:
        return float(self.series.values[self.last, self.district])


def _one_series_per_indicator(dataset: Dataset) -> list[Series]:
    # The registry's first measure an indicator has: its share where it has one, else its count.
    order = list(MEASURES)
    return [
        dataset.series[indicator_id, min(dataset.measures_of(indicator_id), key=order.index)]
        for indicator_id in dataset.indicators
        if dataset.measures_of(indicator_id)
    ]


def largest_changes(dataset: Dataset, district: int, count: int = PRESS_COUNT) -> list[PressChange]:
    """The district's ``count`` largest changes over all the dataset's indicators, largest first.

    Points of a share and per cents of a count are not one scale: +2 points of the share of 0–5-year-olds is news,
    +2 % more households is not, and a count of 12 becoming 18 is +50 %. So each change is weighed against how
    much the same indicator moved in the average district (the mean size of every district's change, at least
    ``STILL``): a change three times the usual size ranks the same whichever unit it is in, and indicators that
    jump everywhere (small counts) do not fill the note. A change that rounds to nothing as written, or whose two
    figures are written the same ("from 7,8 % to 7,8 %"), is not told.
    """
    found = []
    for series in _one_series_per_indicator(dataset):
        if series.signed and not series.measure_spec.of_a_whole:
            continue  # a per cent of a figure that can be negative (net moves) says nothing
        years = np.flatnonzero((series.status == SHOWN.code).any(axis=1))
        if years.size < 2:
            continue
        first, last = int(years[0]), int(years[-1])
        change = change_from(series, first)
        moved = change.values[last]
        amount, decimals = moved[district], series.unit.decimals
        if np.isnan(amount) or round(float(amount), change.unit.decimals) == 0:
            continue
        if round(float(series.values[first, district]), decimals) == round(
            float(series.values[last, district]), decimals
        ):
            continue
        usual = max(float(np.nanmean(np.abs(moved))), STILL)
        found.append(PressChange(series, district, first, last, float(amount), change.unit, abs(amount) / usual))
    return sorted(found, key=lambda row: -row.weight)[:count]


def _figure(series: Series, value: float, of: str, lang: str) -> str:
    # A rate says what it is per in its "of" words ("45,0 pr. 1.000 indbyggere"), so its number goes without suffix.
    if of and series.unit.per_in_words:
        return format_number(value, series.unit.decimals, lang)
    return format_value(value, series.unit, lang)


def change_sentence(dataset: Dataset, change: PressChange, lang: str) -> str:
    """One change as a sentence with its figures: 'I Agerlund steg «0–5 år» fra 6,1 % af indbyggerne i 2011 til
    7,2 % i 2016 (+1,1 procentpoint).'"""
    series = change.series
    of = of_phrase(series, lang)
    return t(
        "press_up" if change.change > 0 else "press_down", lang, district=dataset.district_names[change.district],
        category=series.indicator.title(lang), before=_figure(series, change.before, of, lang),
        after=_figure(series, change.after, of, lang), of=f" {of}" if of else "",
        first_year=dataset.years[change.first], last_year=dataset.years[change.last],
        change=signed_value(change.change, change.unit, lang),
    )  # fmt: skip


def press_note(dataset: Dataset, district: int, lang: str, count: int = PRESS_COUNT) -> list[str]:
    """The district's largest changes as sentences, largest first; one sentence saying so when there are none."""
    changes = largest_changes(dataset, district, count)
    if not changes:
        return [t("press_none", lang, district=dataset.district_names[district])]
    return [change_sentence(dataset, change, lang) for change in changes]


def press_note_text(dataset: Dataset, district: int, lang: str, count: int = PRESS_COUNT) -> str:
    """The press note as text to copy: one sentence a line, then where the figures come from and their licence."""
    info = dataset.info
    source = t("source", lang, source=info.source or "–", licence=info.licence or "–")
    if info.fictional:
        source = f"{source} {t('fictional_note', lang)}"
    return "\n".join(press_note(dataset, district, lang, count)) + "\n\n" + source + "\n"
