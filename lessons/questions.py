"""Questions made from the data, one kind per way of asking, declared as a registry.

A question is a kind, an indicator and the years and district it asks about; its answer is worked out from the
dataset through the same insight functions as the page's sentences (``rank_in_year``, ``change_from``), never
written by hand and never chosen by indicator name. In an address a question is one compact part,
``kind:field:field…``, its fields in the order its kind declares:

    most:age_0_5:2016                  which district has the highest figure in 2016
    rise_fall:ownership_owner:07:2011:2016   did district 07's figure rise or fall from 2011 to 2016
    guess:age_0_5:07:2016              guess district 07's figure in 2016
    draw:age_0_5:07                    draw district 07's figure over every year

A question that the data cannot answer (no figure shown, a change that rounds to nothing, one district only) is
not made: ``make`` gives ``None``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import numpy as np

from data.model import Dataset, Series
from insight.analysis import change_from, rank_in_year
from insight.sentences import district_sentence, shown_values, signed_value
from layers.i18n import format_value, t
from layers.status import SHOWN
from layers.text import Text
from lessons.prompts import prompt_for
from view.view import View

SEPARATOR = ":"
RISE, FALL = "rise", "fall"
CANDIDATES_PER_KIND = 4  # the builder offers this many of each kind, each from another family


@dataclass(frozen=True)
class Question:
    """One question of a lesson, its answer worked out from the dataset.

    ``answer`` depends on the kind: ``most`` the ids of the districts with the highest figure (any of them is
    right); ``rise_fall`` ``("rise",)`` or ``("fall",)``; ``guess`` the figure; ``draw`` the figure of every
    year, ``None`` where none is shown. ``low`` and ``high`` span the indicator's shown figures over all years (and
    0), the range a slider or an empty chart offers.
    """

    kind: str
    indicator: str
    year: int
    from_year: int
    district: str | None
    answer: tuple
    low: float
    high: float

    @property
    def spec(self) -> Kind:
        return KINDS[self.kind]

    def part(self) -> str:
        """The question as the address writes it: ``most:age_0_5:2016``."""
        given = {"indicator": self.indicator, "year": self.year, "from": self.from_year, "district": self.district}
        return SEPARATOR.join([self.kind, *(str(given[field]) for field in self.spec.fields)])

    def view(self, dataset: Dataset, lang: str) -> View:
        """The view that reveals the answer: the map of the year, or of the change for ``rise_fall``."""
        values = {"indicator": self.indicator, "year": self.year, "from": self.from_year, "lang": lang,
                  "district": self.district, "mode": self.spec.mode}  # fmt: skip
        return View.checked(dataset, values)[0]

    def text(self, dataset: Dataset, lang: str) -> str:
        """The question in words, in ``lang``."""
        view = self.view(dataset, lang)
        district = dataset.district_names[dataset.district_ids.index(self.district)] if self.district else ""
        words = {
            "category": view.series(dataset).indicator.title(lang),
            "measure": view.measure_words(dataset),
            "year": self.year,
            "from_year": self.from_year,
            "district": district,
            "first": dataset.years[0],
            "last": dataset.years[-1],
            "term": dataset.info.district_term(lang),
        }
        return t(self.spec.text_key, lang, **words)

    def answer_words(self, dataset: Dataset, lang: str) -> str:
        """The answer in words, as the reveal says it and the worksheet prints it."""
        return self.spec.words(dataset, self.view(dataset, lang).series(dataset), self, lang)

    def sentence(self, dataset: Dataset, lang: str) -> str:
        """What the revealed answer shows, as the page's sentences say it: the whole map, or the district."""
        view = self.view(dataset, lang)
        if not self.spec.about_the_district:
            return view.sentence(dataset)
        indices = dataset.years.index(self.year), dataset.district_ids.index(self.district)
        return district_sentence(dataset, view.series(dataset), *indices, lang, dataset.years.index(self.from_year))

    def prompt(self, dataset: Dataset, lang: str) -> str:
        """Why might it be so? The discussion prompt of the indicator's family."""
        return prompt_for(dataset.indicators[self.indicator].family.id)(lang)


@dataclass(frozen=True)
class Kind:
    """A way of asking: the fields its address part gives, how its answer is found, and how it is put in words.

    ``answer(dataset, series, year_index, from_index, district)`` gives the answer tuple, or ``None`` when the
    data cannot answer the question. ``choose(dataset, series)`` gives the (year, from year, district) a builder
    offers for an indicator, or ``None``. ``mode`` is the map's mode when the answer is revealed.
    """

    id: str
    name: Text
    fields: tuple[str, ...]
    answer: Callable[[Dataset, Series, int, int, int | None], tuple | None]
    choose: Callable[[Dataset, Series], tuple[int, int, int | None] | None]
    text_key: str
    words: Callable[[Dataset, Series, Question, str], str]
    mode: str = "value"
    about_the_district: bool = False  # the reveal's sentence: the district's (True) or the whole map's


def _written_same(series: Series, first: float, second: float) -> bool:
    return round(float(first), series.unit.decimals) == round(float(second), series.unit.decimals)


def _most(dataset: Dataset, series: Series, year_index: int, from_index: int, district: int | None) -> tuple | None:
    values = shown_values(series, year_index)
    if np.isnan(values).all():
        return None
    top = next(d for d in range(values.size) if (rank := rank_in_year(series, year_index, d)) and rank.position == 1)
    # Figures written the same are the same to a pupil: any district that shows the top figure is right.
    tied = [d for d in range(values.size) if not np.isnan(values[d]) and _written_same(series, values[d], values[top])]
    if len(tied) == int((~np.isnan(values)).sum()):
        return None  # every district the same, or only one: nothing to ask
    return tuple(dataset.district_ids[d] for d in tied)


def rounded_change(series: Series, year_index: int, from_index: int, district: int) -> float | None:
    """The district's change between two years, rounded as it is written; ``None`` when hidden, missing or nil."""
    change = change_from(series, from_index)
    if from_index >= year_index or change.status[year_index, district] != SHOWN.code:
        return None
    rounded = round(float(change.values[year_index, district]), change.unit.decimals)
    return rounded or None  # a change that rounds to nothing is neither a rise nor a fall


def _rise_fall(
    dataset: Dataset, series: Series, year_index: int, from_index: int, district: int | None
) -> tuple | None:
    amount = rounded_change(series, year_index, from_index, district)
    return None if amount is None else ((RISE,) if amount > 0 else (FALL,))


def _guess(dataset: Dataset, series: Series, year_index: int, from_index: int, district: int | None) -> tuple | None:
    value = shown_values(series, year_index)[district]
    return None if np.isnan(value) else (float(value),)


def _draw(dataset: Dataset, series: Series, year_index: int, from_index: int, district: int | None) -> tuple | None:
    values = [shown_values(series, index)[district] for index in range(len(dataset.years))]
    shown = [None if np.isnan(value) else float(value) for value in values]
    return tuple(shown) if sum(value is not None for value in shown) >= 2 else None


def _most_words(dataset: Dataset, series: Series, question: Question, lang: str) -> str:
    top = dataset.district_ids.index(question.answer[0])
    value = format_value(series.values[dataset.years.index(question.year), top], series.unit, lang)
    names = ", ".join(dataset.district_names[dataset.district_ids.index(d)] for d in question.answer)
    return t("lesson_answer_most", lang, districts=names, value=value)


def _rise_fall_words(dataset: Dataset, series: Series, question: Question, lang: str) -> str:
    indices = dataset.years.index(question.year), dataset.years.index(question.from_year)
    amount = rounded_change(series, *indices, dataset.district_ids.index(question.district))
    written = signed_value(amount, series.measure_spec.change_unit(series.unit), lang)
    return t(f"lesson_answer_{question.answer[0]}", lang, change=written)


def _guess_words(dataset: Dataset, series: Series, question: Question, lang: str) -> str:
    return t("lesson_answer_guess", lang, value=format_value(question.answer[0], series.unit, lang))


def _draw_words(dataset: Dataset, series: Series, question: Question, lang: str) -> str:
    line = ", ".join(f"{year}: {format_value(value, series.unit, lang) if value is not None else '–'}"
                     for year, value in zip(dataset.years, question.answer, strict=True))  # fmt: skip
    return t("lesson_answer_draw", lang, line=line)


def _most_changed(dataset: Dataset, series: Series) -> int | None:
    """The district whose figure changed most from the first year to the last: the liveliest to ask about."""
    amounts = [rounded_change(series, len(dataset.years) - 1, 0, d) for d in range(len(dataset.district_ids))]
    known = [(abs(amount), -d) for d, amount in enumerate(amounts) if amount is not None]
    return -max(known)[1] if known else None


def _last_year(dataset: Dataset, series: Series) -> tuple[int, int, None]:
    return len(dataset.years) - 1, 0, None


def _over_all_years(dataset: Dataset, series: Series) -> tuple[int, int, int] | None:
    district = _most_changed(dataset, series)
    return None if district is None else (len(dataset.years) - 1, 0, district)


KINDS: dict[str, Kind] = {
    kind.id: kind
    for kind in (
        Kind(
            "most",
            Text("Hvor er tallet højest?", "Where is the figure highest?", "Var är siffran högst?"),
            fields=("indicator", "year"),
            answer=_most,
            choose=_last_year,
            text_key="lesson_q_most",
            words=_most_words,
        ),
        Kind(
            "rise_fall",
            Text("Steg eller faldt det?", "Did it rise or fall?", "Steg eller sjönk det?"),
            fields=("indicator", "district", "from", "year"),
            answer=_rise_fall,
            choose=_over_all_years,
            text_key="lesson_q_rise_fall",
            words=_rise_fall_words,
            mode="change",
        ),
        Kind(
            "guess",
            Text("Gæt tallet", "Guess the figure", "Gissa siffran"),
            fields=("indicator", "district", "year"),
            answer=_guess,
            choose=_over_all_years,
            text_key="lesson_q_guess",
            words=_guess_words,
            about_the_district=True,
        ),
        Kind(
            "draw",
            Text("Tegn kurven", "Draw the line", "Rita kurvan"),
            fields=("indicator", "district"),
            answer=_draw,
            choose=_over_all_years,
            text_key="lesson_q_draw",
            words=_draw_words,
            about_the_district=True,
        ),
    )
}


def _range(series: Series) -> tuple[float, float]:
    shown = series.values[series.status == SHOWN.code]
    shown = shown[~np.isnan(shown)]
    return (min(0.0, float(shown.min())), float(shown.max())) if shown.size else (0.0, 1.0)


def make(
    dataset: Dataset, kind: str, indicator: str, year: int, from_year: int, district: str | None
) -> Question | None:
    """The question, its answer worked out, or ``None`` when the data cannot answer it.

    >>> from data.load import load_dataset
    >>> from data.make_demo import DEMO_FOLDER
    >>> demo = load_dataset(DEMO_FOLDER)
    >>> question = make(demo, "guess", "age_0_5", 2016, 2011, "07")
    >>> question.part(), question.low <= question.answer[0] <= question.high
    ('guess:age_0_5:07:2016', True)
    >>> make(demo, "rise_fall", "age_0_5", 2011, 2011, "07") is None  # no years between: nothing rose or fell
    True
    """
    spec = KINDS[kind]
    series = View.checked(dataset, {"indicator": indicator})[0].series(dataset)
    index = dataset.district_ids.index(district) if district is not None else None
    answer = spec.answer(dataset, series, dataset.years.index(year), dataset.years.index(from_year), index)
    if answer is None:
        return None
    return Question(kind, indicator, year, from_year, district, answer, *_range(series))


def candidates(dataset: Dataset) -> Iterator[Question]:
    """A few questions of every kind for a builder to offer, each kind over different families, in registry order.

    An indicator per family: its first with a figure to ask about, in the order the dataset lists them.
    """
    for spec in KINDS.values():
        families: set[str] = set()
        for indicator in dataset.indicators.values():
            if len(families) >= CANDIDATES_PER_KIND or indicator.family.id in families:
                continue
            series = View.checked(dataset, {"indicator": indicator.id})[0].series(dataset)
            chosen = spec.choose(dataset, series)
            if chosen is None:
                continue
            year_index, from_index, district = chosen
            district_id = dataset.district_ids[district] if district is not None else None
            question = make(dataset, spec.id, indicator.id, dataset.years[year_index], dataset.years[from_index],
                            district_id)  # fmt: skip
            if question is not None:
                families.add(indicator.family.id)
                yield question
