"""Plain-language sentences about the data, in Danish and English, from templates in ``assets/locales``.

Every view carries one: what the map shows, where a district stands, how it changed, how two districts differ,
and a few "Vidste du …?" facts for the start page. They are built from the numbers, never written by hand, and a
hidden or missing figure is said to be hidden or missing, never zero.
"""

from __future__ import annotations

import re

import numpy as np

from data.model import STATUS_SHOWN, Dataset, Series
from insight.analysis import change_from, hidden, municipality_share, rank_in_year
from layers.families import FAMILIES
from layers.registry import FAMILY_BY_ID
from ui.i18n import format_number, format_value, signed_number, t

FACT_COUNT = 4


def ordinal(position: int, lang: str) -> str:
    """'4.' in Danish, '4th' in English.

    >>> ordinal(4, "da"), ordinal(2, "en"), ordinal(11, "en"), ordinal(23, "en")
    ('4.', '2nd', '11th', '23rd')
    """
    if lang != "en":
        return f"{position}."
    suffix = "th" if 10 <= position % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(position % 10, "th")
    return f"{position}{suffix}"


def signed_value(value: float, unit, lang: str) -> str:
    """A change with its sign: '+1,2 procentpoint', '−0,4 %', and '0,0' rather than '-0,0'.

    >>> from insight.analysis import CHANGE_UNITS
    >>> signed_value(1.23, CHANGE_UNITS["percent"], "da"), signed_value(-0.04, CHANGE_UNITS["percent"], "en")
    ('+1,2 procentpoint', '0.0 percentage points')
    """
    return signed_number(value, unit.decimals, lang) + unit.suffix(lang)


def of_phrase(series: Series, lang: str) -> str:
    """What a share is a share of: 'af indbyggerne', 'of dwellings', 'pr. 1.000 indbyggere'."""
    label = series.indicator.family.share_label(lang)
    return re.sub(r"^(andel|share) ", "", label)


def _category(series: Series, lang: str) -> str:
    return series.indicator.title(lang)


def _districts(dataset: Dataset, lang: str) -> str:
    return dataset.info.district_term_plural(lang)


def rank_phrase(dataset: Dataset, series: Series, year_index: int, district: int, lang: str) -> str:
    """'det 4. højeste blandt de 23 skoledistrikter', or empty when the district has no shown figure."""
    rank = rank_in_year(series, year_index, district)
    if rank is None:
        return ""
    words = {"of": rank.of, "districts": _districts(dataset, lang)}
    if rank.position == 1:
        return t("rank_top", lang, **words)
    if rank.from_bottom == 1:
        return t("rank_bottom", lang, **words)
    place = rank.position if rank.in_upper_half else rank.from_bottom
    key = "rank_high" if rank.in_upper_half else "rank_low"
    return t(key, lang, position=place, ordinal=ordinal(place, lang), **words)


def _value_words(series: Series, value: float, lang: str) -> str:
    return (
        format_number(value, series.unit.decimals, lang)
        if series.unit.id == "per_1000"
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
    status = hidden(series, year_index, district)
    if status == "suppressed":
        return t("sentence_suppressed", lang, district=name, year=year, min_count=dataset.info.min_count or 5)
    if status == "missing":
        return t("sentence_missing", lang, district=name, year=year)
    value = series.values[year_index, district]
    rank = rank_phrase(dataset, series, year_index, district, lang)
    words = {"district": name, "year": year, "rank": rank, "category": _category(series, lang)}
    if series.measure == "share":
        key = "sentence_rate" if series.unit.id == "per_1000" else "sentence_share"
        sentence = t(key, lang, value=_value_words(series, value, lang), of=of_phrase(series, lang), **words)
    else:
        sentence = t("sentence_count", lang, value=format_value(value, series.unit, lang), **words)
    change = change_phrase(series, from_index, year_index, district, dataset.years, lang)
    return f"{sentence} {change}".strip()


def map_sentence(dataset: Dataset, series: Series, year_index: int, lang: str, measure_label: str) -> str:
    """What the whole map shows in one year: where the figure is highest and lowest, and how many are hidden."""
    values = np.where(series.status[year_index] == STATUS_SHOWN, series.values[year_index], np.nan)
    category, year = _category(series, lang), dataset.years[year_index]
    if np.isnan(values).all():
        return t("map_nothing", lang, category=category, year=year)
    top, bottom = int(np.nanargmax(values)), int(np.nanargmin(values))
    sentence = t(
        "map_sentence", lang, category=category, measure=measure_label, year=year,
        top=dataset.district_names[top], top_value=format_value(values[top], series.unit, lang),
        bottom=dataset.district_names[bottom], bottom_value=format_value(values[bottom], series.unit, lang),
    )  # fmt: skip
    not_shown = int(np.isnan(values).sum())
    if not_shown:
        sentence += t("map_hidden", lang, count=not_shown, districts=_districts(dataset, lang))
    return sentence


def change_map_sentence(dataset: Dataset, series: Series, from_index: int, year_index: int, lang: str) -> str:
    """What the change map shows: where the figure rose most and least between two years."""
    change = change_from(series, from_index)
    values = change.values[year_index]
    category, year = _category(series, lang), dataset.years[year_index]
    if np.isnan(values).all() or from_index == year_index:
        return t("map_nothing", lang, category=category, year=year)
    top, bottom = int(np.nanargmax(values)), int(np.nanargmin(values))
    return t(
        "change_map_sentence", lang, category=category, from_year=dataset.years[from_index], year=year,
        top=dataset.district_names[top], top_value=signed_value(values[top], change.unit, lang),
        bottom=dataset.district_names[bottom], bottom_value=signed_value(values[bottom], change.unit, lang),
    )  # fmt: skip


def compare_sentences(
    dataset: Dataset, family_id: str, year_index: int, a: int, b: int, lang: str, top: int = 3
) -> list[str]:
    """The largest differences between two districts in one family's shares, largest first."""
    family = FAMILY_BY_ID.get(family_id)
    names = {"a": dataset.district_names[a], "b": dataset.district_names[b], "year": dataset.years[year_index]}
    rows = []
    for category in family.categories if family else ():
        series = dataset.series.get((category.id, "share")) or dataset.series.get((category.id, "count"))
        if series is None:
            continue
        value_a, value_b = series.values[year_index, a], series.values[year_index, b]
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


def _share_series(dataset: Dataset) -> list[Series]:
    return [
        dataset.series[category.id, "share"]
        for family in FAMILIES
        if family.composition
        for category in family.categories
        if (category.id, "share") in dataset.series
    ]


def facts(dataset: Dataset, lang: str, count: int = FACT_COUNT) -> list[str]:
    """'Vidste du …?' facts for the start page: the districts that stand out most, and the largest change.

    A district stands out when its share is far above the whole area's. One fact per family, so the facts differ.
    """
    last, first = len(dataset.years) - 1, 0
    standouts, changes = [], []
    for series in _share_series(dataset):
        values = np.where(series.status[last] == STATUS_SHOWN, series.values[last], np.nan)
        overall = municipality_share(series, last)
        if np.isnan(values).all() or not overall:
            continue
        top = int(np.nanargmax(values))
        standouts.append(((values[top] - overall) / overall, series, top, overall))
        change = change_from(series, first).values[last]
        if not np.isnan(change).all():
            moved = int(np.nanargmax(np.abs(change)))
            changes.append((abs(change[moved]), series, moved))
    chosen, families, places = [], set(), set()
    for _, series, district, overall in sorted(standouts, key=lambda row: -row[0]):
        if series.indicator.family.id in families or district in places:
            continue  # one fact per family and per district, so the facts tell different stories
        families.add(series.indicator.family.id)
        places.add(district)
        chosen.append(t(
            "fact_extreme", lang, value=format_value(series.values[last, district], series.unit, lang),
            of=of_phrase(series, lang), district=dataset.district_names[district], category=_category(series, lang),
            overall=format_value(overall, series.unit, lang), year=dataset.years[last],
        ))  # fmt: skip
        if len(chosen) == count - 1:
            break
    if changes and len(dataset.years) > 1:
        _, series, district = max(changes, key=lambda row: row[0])
        before, after = series.values[first, district], series.values[last, district]
        chosen.append(t(
            "fact_change_up" if after > before else "fact_change_down", lang, category=_category(series, lang),
            district=dataset.district_names[district], first=format_value(before, series.unit, lang),
            last=format_value(after, series.unit, lang), of=of_phrase(series, lang),
            first_year=dataset.years[first], last_year=dataset.years[last],
        ))  # fmt: skip
    return chosen
