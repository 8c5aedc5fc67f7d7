"""What the map can colour a district by, declared as a registry: the figure itself, or its change since a year.

A mode turns an indicator's series into a ``Layer``: values, statuses, the unit they are written in, and colour
classes fixed over all years. The view, legend, tooltips and sentences read the layer, never the mode's name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from data.model import Dataset, Series
from insight.analysis import change_from
from insight.sentences import change_map_sentence, map_sentence, signed_value
from layers.classify import Classes, classify_over_all_years
from layers.families import Unit
from layers.i18n import format_number, format_value, signed_number, t
from layers.status import FIRST_CLASS_CODE, HIDDEN, MISSING, SHOWN, STATUSES
from layers.text import Text

CHANGE_SCHEME = "RdBu"  # red for a fall, blue for a rise, pale for little change


@dataclass(frozen=True)
class Layer:
    """What one mode draws for one indicator: arrays shaped (years, districts)."""

    values: np.ndarray
    status: np.ndarray
    unit: Unit
    classes: Classes | None
    signed: bool

    def written(self, value: float, lang: str) -> str:
        return signed_value(value, self.unit, lang) if self.signed else format_value(value, self.unit, lang)

    def codes(self) -> np.ndarray:
        """Colour codes (years, districts): a hidden figure's status code, else ``FIRST_CLASS_CODE`` + its class."""
        classes = self.classes.codes(self.values) if self.classes else np.full(self.values.shape, MISSING.code)
        return np.where(self.status == SHOWN.code, classes, self.status).astype(int)

    def colours(self) -> list[str]:
        """The colour of every code, in code order: the hidden statuses', then the classes'."""
        hidden = [status.colour for status in STATUSES[:FIRST_CLASS_CODE]]
        return [*hidden, *(self.classes.colours if self.classes else ())]

    def legend(self, lang: str) -> list[tuple[str, str]]:
        """(colour, label) per legend row: the classes, low to high, then the hidden statuses that occur."""
        items = []
        written = signed_number if self.signed else format_number
        for lower, upper, colour in zip(*self._bounds(), strict=True):
            low, high = written(lower, self.unit.decimals, lang), written(upper, self.unit.decimals, lang)
            # A range of signed figures reads "−2,0 til +1,0" where the language has a word: "−2,0–+1,0" is hard
            # to read.
            label = low if low == high else t("legend_range_signed" if self.signed else "legend_range", lang,
                                              low=low, high=high)  # fmt: skip
            items.append((colour, label + self.unit.suffix(lang)))
        present = set(np.unique(self.status).tolist())
        return items + [(status.colour, status.says("legend", lang)) for status in HIDDEN if status.code in present]

    def _bounds(self) -> tuple[tuple, tuple, tuple]:
        if not self.classes:
            return (), (), ()
        return self.classes.lower_bounds, self.classes.upper_bounds, self.classes.colours


def _value_layer(series: Series, from_index: int) -> Layer:
    return Layer(series.values, series.status, series.unit, series.classes, series.signed)


def _change_layer(series: Series, from_index: int) -> Layer:
    change = change_from(series, from_index)
    classes = classify_over_all_years(
        change.values, scheme=CHANGE_SCHEME, signed=True, decimals=change.unit.decimals, diverging_scheme=CHANGE_SCHEME
    )
    return Layer(change.values, change.status, change.unit, classes, True)


def _value_title(series: Series, measure: str, from_year: int, lang: str) -> str:
    return t("title", lang, category=series.indicator.title(lang), measure=measure, year="{year}")


def _change_title(series: Series, measure: str, from_year: int, lang: str) -> str:
    return t(
        "title_change", lang, category=series.indicator.title(lang), measure=measure, from_year=from_year, year="{year}"
    )


def _value_sentence(dataset: Dataset, series: Series, from_index: int, year_index: int, lang: str, measure: str) -> str:
    return map_sentence(dataset, series, year_index, lang, measure)


def _change_sentence(
    dataset: Dataset, series: Series, from_index: int, year_index: int, lang: str, measure: str
) -> str:
    return change_map_sentence(dataset, series, from_index, year_index, lang)


def _value_note(dataset: Dataset, from_year: int, lang: str) -> str:
    return t("legend_fixed", lang, first=dataset.years[0], last=dataset.years[-1])


def _change_note(dataset: Dataset, from_year: int, lang: str) -> str:
    return t("legend_change", lang, from_year=from_year)


@dataclass(frozen=True)
class Mode:
    """One way of colouring the map."""

    id: str
    label: Text
    layer: Callable[[Series, int], Layer]
    title: Callable[[Series, str, int, str], str]
    sentence: Callable[[Dataset, Series, int, int, str, str], str]
    legend_note: Callable[[Dataset, int, str], str]
    counts_from: bool  # whether the mode reads a start year (the "from" control)


MODES: dict[str, Mode] = {
    mode.id: mode
    for mode in (
        Mode(
            "value",
            Text("Tallet", "The figure", "Värdet"),
            _value_layer,
            _value_title,
            _value_sentence,
            _value_note,
            False,
        ),
        Mode(
            "change",
            Text("Ændringen", "The change", "Förändringen"),
            _change_layer,
            _change_title,
            _change_sentence,
            _change_note,
            True,
        ),
    )
}
DEFAULT_MODE = "value"
