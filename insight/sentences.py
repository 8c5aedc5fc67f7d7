"""Plain-language sentences about the data, in every interface language, from templates in ``assets/locales``.

Every view carries one: what the map shows, where a district stands, how it changed, how two districts differ,
(the "Vidste du …?" facts are in ``insight.facts``). They are built from the numbers, never written by hand; a
hidden or missing figure is said to be hidden or missing, never zero; and districts are called what the dataset
calls them ("1 bydel", "23 skoledistrikter").
"""

from __future__ import annotations

import numpy as np

from data.model import Dataset, Series
from insight.analysis import change_from, municipality_share, municipality_total, rank_in_year, status_at
from layers.families import Family
from layers.i18n import format_number, format_value, signed_number, t
from layers.registry import MEASURES
from layers.status import SHOWN


def _english_ordinal(position: int) -> str:
    suffix = "th" if 10 <= position % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(position % 10, "th")
    return f"{position}{suffix}"


def _swedish_ordinal(position: int) -> str:
    # 1:a, 2:a, 21:a, 22:a, but 11:e, 12:e and 3:e, 4:e …: "första", "andra" end in -a, the rest in -e.
    return f"{position}:{'a' if position % 10 in (1, 2) and position % 100 not in (11, 12) else 'e'}"


# How each language writes a position as a number: every language in layers.text.LANGUAGES has an entry.
ORDINALS = {"da": lambda position: f"{position}.", "en": _english_ordinal, "sv": _swedish_ordinal}


def ordinal(position: int, lang: str) -> str:
    """'4.' in Danish, '4th' in English, '4:e' in Swedish; an unknown language writes it in Danish.

    >>> ordinal(4, "da"), ordinal(2, "en"), ordinal(11, "en"), ordinal(23, "en")
    ('4.', '2nd', '11th', '23rd')
    >>> ordinal(1, "sv"), ordinal(3, "sv"), ordinal(12, "sv"), ordinal(22, "sv")
    ('1:a', '3:e', '12:e', '22:a')
    """
    return ORDINALS.get(lang, ORDINALS["da"])(position)


def signed_value(value: float, unit, lang: str) -> str:
    """A change with its sign: '+1,2 procentpoint', '−0,4 %', and '0,0' rather than '-0,0'.

    >>> from layers.families import CHANGE_UNITS
    >>> signed_value(1.23, CHANGE_UNITS["points"], "da"), signed_value(-0.04, CHANGE_UNITS["points"], "en")
    ('+1,2 procentpoint', '0.0 percentage points')
    """
    return signed_number(value, unit.decimals, lang) + unit.suffix(lang)


def of_phrase(series: Series, lang: str) -> str:
    """What a share is a share of: 'af indbyggerne', 'of dwellings', 'av invånarna', 'pr. 1.000 indbyggere'; empty
    for a count, and for a share that came as a share and does not say of what."""
    return series.measure_spec.of_phrase(series.indicator.family, lang)


def _category(series: Series, lang: str) -> str:
    return series.indicator.title(lang)


def district_count(dataset: Dataset, count: int, lang: str) -> str:
    """A number of districts in the dataset's own word for them, singular or plural: '1 bydel', '23 bydele'."""
    term = dataset.info.district_term if count == 1 else dataset.info.district_term_plural
    return f"{format_number(count, 0, lang)} {term(lang)}"


def term_words(dataset: Dataset, lang: str) -> dict[str, str]:
    """What the dataset calls a district, for templates: ``{term}``, ``{districts}``, and capitalised to start a
    sentence, ``{Term}`` and ``{Districts}``."""
    term, plural = dataset.info.district_term(lang), dataset.info.district_term_plural(lang)
    return {
        "term": term,
        "districts": plural,
        "Term": term[:1].upper() + term[1:],
        "Districts": plural[:1].upper() + plural[1:],
    }


def shown_values(series: Series, year_index: int) -> np.ndarray:
    """One year's figures, NaN wherever a figure is not shown."""
    return np.where(series.status[year_index] == SHOWN.code, series.values[year_index], np.nan)


def rank_phrase(dataset: Dataset, series: Series, year_index: int, district: int, lang: str) -> str:
    """'det 4. højeste blandt de 23 skoledistrikter', or empty when the district has no shown figure.

    With only one figure, or all of them the same, there is no highest or lowest, and the phrase says so.
    """
    rank = rank_in_year(series, year_index, district)
    if rank is None:
        return ""
    words = {"of": rank.of, "districts": dataset.info.district_term_plural(lang)}
    if rank.of == 1:
        return t("rank_only", lang)
    if np.nanmin(shown_values(series, year_index)) == np.nanmax(shown_values(series, year_index)):
        return t("rank_same", lang, **words)
    if rank.position == 1:
        return t("rank_top", lang, **words)
    if rank.from_bottom == 1:
        return t("rank_bottom", lang, **words)
    place = rank.position if rank.in_upper_half else rank.from_bottom
    key = "rank_high" if rank.in_upper_half else "rank_low"
    return t(key, lang, ordinal=ordinal(place, lang), **words)


def _value_words(series: Series, value: float, lang: str) -> str:
    return (
        format_number(value, series.unit.decimals, lang)
        if series.unit.per_in_words
        else format_value(value, series.unit, lang)
    )


def change_phrase(series: Series, from_index: int, year_index: int, district: int, years, lang: str) -> str:
    """'Det er 1,2 procentpoint mere end i 2011.', or empty when the change cannot be told."""
    if from_index == year_index:
        return ""
    change = change_from(series, from_index)
    amount = change.values[year_index, district]
    if np.isnan(amount):
        return ""
    rounded = round(float(amount), change.unit.decimals)
    if rounded == 0:
        return t("change_same", lang, year=years[from_index])
    key = "change_up" if rounded > 0 else "change_down"
    return t(key, lang, amount=format_value(abs(rounded), change.unit, lang).strip(), year=years[from_index])


def district_sentence(
    dataset: Dataset, series: Series, year_index: int, district: int, lang: str, from_index: int = 0
) -> str:
    """Where one district stands on one indicator in one year, and how that changed since ``from_index``."""
    name, year = dataset.district_names[district], dataset.years[year_index]
    status = status_at(series, year_index, district)
    if not status.shown:
        return status.says("sentence", lang, district=name, year=year, min_count=dataset.info.hidden_below)
    value = series.values[year_index, district]
    rank = rank_phrase(dataset, series, year_index, district, lang)
    words = {"district": name, "year": year, "rank": rank, "category": _category(series, lang)}
    of = of_phrase(series, lang)
    if of:
        key = "sentence_rate" if series.unit.per_in_words else "sentence_share"
        sentence = t(key, lang, value=_value_words(series, value, lang), of=of, **words)
    else:  # a count, or a share that came as a share and does not say of what
        sentence = t("sentence_count", lang, value=format_value(value, series.unit, lang), **words)
    change = change_phrase(series, from_index, year_index, district, dataset.years, lang)
    return f"{sentence} {change}".strip()


# What a map sentence says, by how the figures spread: one figure, the same everywhere, or a highest and lowest.
MAP_KEYS = {"one": "map_one", "same": "map_same", "spread": "map_sentence"}
CHANGE_MAP_KEYS = {"one": "change_map_one", "same": "change_map_same", "spread": "change_map_sentence"}


def spread_words(dataset: Dataset, values: np.ndarray, written, lang: str) -> tuple[str, dict]:
    """How one year's shown figures spread, as a ``MAP_KEYS`` key and the words its sentence needs.

    ``written`` writes a figure. Figures that are written the same count as the same, so no sentence says
    "highest in A (0) and lowest in B (0)". ``values`` must have at least one figure.
    """
    top, bottom = int(np.nanargmax(values)), int(np.nanargmin(values))
    count = int((~np.isnan(values)).sum())
    if count == 1:
        return "one", {"district": dataset.district_names[top], "value": written(values[top])}
    if written(values[top]) == written(values[bottom]):
        return "same", {"value": written(values[top]), "districts": district_count(dataset, count, lang)}
    return "spread", {
        "top": dataset.district_names[top], "top_value": written(values[top]),
        "bottom": dataset.district_names[bottom], "bottom_value": written(values[bottom]),
    }  # fmt: skip


def map_sentence(dataset: Dataset, series: Series, year_index: int, lang: str, measure_label: str) -> str:
    """What the whole map shows in one year: where the figure is highest and lowest, and how many are hidden."""
    values = shown_values(series, year_index)
    category, year = _category(series, lang), dataset.years[year_index]
    if np.isnan(values).all():
        return t("map_nothing", lang, category=category, year=year)
    spread, words = spread_words(dataset, values, lambda value: format_value(value, series.unit, lang), lang)
    sentence = t(MAP_KEYS[spread], lang, category=category, measure=measure_label, year=year, **words)
    not_shown = int(np.isnan(values).sum())
    if not_shown:
        sentence += t("map_hidden", lang, districts=district_count(dataset, not_shown, lang))
    return sentence


def change_map_sentence(dataset: Dataset, series: Series, from_index: int, year_index: int, lang: str) -> str:
    """What the change map shows: where the figure rose most and least between two years."""
    change = change_from(series, from_index)
    values = change.values[year_index]
    category, year = _category(series, lang), dataset.years[year_index]
    if np.isnan(values).all() or from_index == year_index:
        return t("map_nothing", lang, category=category, year=year)
    spread, words = spread_words(dataset, values, lambda value: signed_value(value, change.unit, lang), lang)
    return t(CHANGE_MAP_KEYS[spread], lang, category=category, from_year=dataset.years[from_index], year=year, **words)


def compare_sentences(
    dataset: Dataset, family: Family, year_index: int, a: int, b: int, lang: str, top: int = 3
) -> list[str]:
    """The largest differences between two districts in one family's figures (shares where there are), largest
    first. Works for the registry's families and for those a dataset brings."""
    names = {"a": dataset.district_names[a], "b": dataset.district_names[b], "year": dataset.years[year_index]}
    rows = []
    for category in family.categories:
        series = next((dataset.series[category.id, m] for m in MEASURES if (category.id, m) in dataset.series), None)
        if series is None:
            continue
        value_a, value_b = shown_values(series, year_index)[[a, b]]
        if not (np.isnan(value_a) or np.isnan(value_b)):
            rows.append((abs(value_a - value_b), series, value_a, value_b))
    if not rows:
        return [t("compare_none", lang, **names)]
    rows.sort(key=lambda row: -row[0])
    lines = [
        t(
            "compare_line",
            lang,
            category=_category(series, lang),
            value_a=format_value(value_a, series.unit, lang),
            value_b=format_value(value_b, series.unit, lang),
            **names,
        )  # fmt: skip
        for _, series, value_a, value_b in rows[:top]
    ]
    return [t("compare_intro", lang, **names), *lines]


def area_line(dataset: Dataset, series: Series, lang: str) -> tuple[list[float | None], str]:
    """The whole municipality's figure by year, and its name: its share for a share, else its average district
    (for a count or a rate, where the municipality's total would dwarf every district)."""
    years = range(len(dataset.years))
    if series.measure_spec.of_a_whole:
        return [municipality_share(series, year) for year in years], t("profile_whole_area", lang)
    totals = [municipality_total(series, year) for year in years]
    average = [None if total is None else total / len(dataset.district_ids) for total in totals]
    return average, t("profile_average_district", lang, **term_words(dataset, lang))
