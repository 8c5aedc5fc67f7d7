"""What the page shows for a choice of indicator, measure and language: pure functions over a loaded dataset.

The map view is computed once per indicator change and holds every year, so the browser can move the year slider
and play through the years without asking the server again.
"""

from __future__ import annotations

import numpy as np
from plotly.colors import convert_colors_to_same_type, unlabel_rgb

from data.model import STATUS_MISSING, STATUS_SUPPRESSED, Dataset, Series
from layers.classify import CODE_MISSING, CODE_SUPPRESSED, FIRST_CLASS_CODE, MISSING_COLOUR, SUPPRESSED_COLOUR
from layers.families import FAMILIES, UNITS
from layers.registry import MEASURES
from ui.i18n import format_number, format_value, t


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def resolve_selection(dataset: Dataset, indicator_id: object, measure: object) -> tuple[str, str]:
    """A valid (indicator, measure) pair: the one asked for where it exists, else the nearest sensible default."""
    if not isinstance(indicator_id, str) or indicator_id not in dataset.indicators:
        indicator_id = dataset.info.default_indicator
    available = dataset.measures_of(indicator_id)
    if not isinstance(measure, str) or measure not in available:
        measure = dataset.info.default_measure if dataset.info.default_measure in available else available[0]
    return indicator_id, measure


def resolve_year(dataset: Dataset, year: object) -> int:
    """The year asked for when the dataset has it, else the dataset's default year."""
    try:
        year = int(year)
    except (TypeError, ValueError):
        return dataset.info.default_year
    return year if year in dataset.years else dataset.info.default_year


def measure_label(series: Series, lang: str) -> str:
    family = series.indicator.family
    label = family.share_label if series.measure == "share" else family.count_label
    return label(lang) or MEASURES[series.measure].label(lang).lower()


def indicator_options(dataset: Dataset, lang: str) -> list[dict]:
    """Picker options grouped by family: a disabled heading per family, then its indicators, in registry order."""
    families = [family for family in FAMILIES] + sorted(
        {indicator.family for indicator in dataset.indicators.values() if indicator.family not in FAMILIES},
        key=lambda family: family.id,
    )
    options = []
    for family in families:
        # Registry families list their categories in the registry's order; others in the dataset's.
        order = [category.id for category in family.categories] or list(dataset.indicators)
        members = [
            dataset.indicators[i] for i in order if i in dataset.indicators and dataset.indicators[i].family == family
        ]
        if not members:
            continue
        options.append({"label": family.name(lang).upper(), "value": f"family:{family.id}", "disabled": True})
        options.extend({"label": indicator.title(lang), "value": indicator.id} for indicator in members)
    return options


def measure_options(dataset: Dataset, indicator_id: str, lang: str) -> list[dict]:
    """Share and count options, labelled for the indicator's family, disabled where they mean nothing."""
    available = dataset.measures_of(indicator_id)
    options = []
    for measure in MEASURES:
        series = dataset.series.get((indicator_id, measure))
        label = _capitalised(measure_label(series, lang)) if series else MEASURES[measure].label(lang)
        options.append({"label": label, "value": measure, "disabled": measure not in available})
    return options


def _codes(series: Series) -> np.ndarray:
    codes = series.classes.codes(series.values) if series.classes else np.full(series.values.shape, CODE_MISSING)
    codes = np.where(series.status == STATUS_SUPPRESSED, CODE_SUPPRESSED, codes)
    return np.where(series.status == STATUS_MISSING, CODE_MISSING, codes)


def _colours(series: Series) -> list[str]:
    return [MISSING_COLOUR, SUPPRESSED_COLOUR, *(series.classes.colours if series.classes else ())]


def needs_light_text(colour: str) -> bool:
    """True when a fill is dark enough that a name on it must be white to be read (WCAG relative luminance).

    >>> needs_light_text("rgb(63,0,125)"), needs_light_text("#f4f4f4")
    (True, False)
    """
    red, green, blue = (channel / 255 for channel in unlabel_rgb(convert_colors_to_same_type(colour, "rgb")[0][0]))
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in (red, green, blue)]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2] < 0.25


def discrete_colorscale(colours: list[str]) -> list[list]:
    """A Plotly colorscale that gives integer code ``i`` exactly ``colours[i]``, for ``zmin=-0.5``.

    >>> discrete_colorscale(["#000", "#fff"])
    [[0.0, '#000'], [0.5, '#000'], [0.5, '#fff'], [1.0, '#fff']]
    """
    steps = len(colours)
    scale = []
    for code, colour in enumerate(colours):
        scale.extend([[code / steps, colour], [(code + 1) / steps, colour]])
    return scale


def _detail_line(dataset: Dataset, series: Series, year_index: int, district: int, lang: str) -> str:
    counts, count_unit = series.counts[year_index, district], UNITS["count"]
    if series.measure == "share":
        denominator = series.denominators[year_index, district]
        if np.isnan(denominator) or series.indicator.denominator not in dataset.indicators:
            return ""  # a share that arrived as a share: there is no count to show
        what = dataset.indicators[series.indicator.denominator].title(lang).lower()
        return t(
            "hover_part_of",
            lang,
            count=format_value(counts, count_unit, lang),
            denominator=format_value(denominator, count_unit, lang),
            what=what,
        )
    share = dataset.series.get((series.indicator.id, "share"))
    if share is None or np.isnan(share.values[year_index, district]):
        return ""
    what = dataset.indicators[share.indicator.denominator].title(lang).lower()
    denominator = format_value(share.denominators[year_index, district], count_unit, lang)
    return t(
        "hover_share_of",
        lang,
        share=format_value(share.values[year_index, district], share.unit, lang),
        denominator=denominator,
        what=what,
    )


def _hover(dataset: Dataset, series: Series, year_index: int, district: int, lang: str) -> tuple[str, str]:
    """The tooltip for one district and year, and the short value label used beside the map."""
    name = dataset.district_names[district]
    year = dataset.years[year_index]
    status = series.status[year_index, district]
    if status == STATUS_SUPPRESSED:
        note = t("hover_suppressed", lang, min_count=dataset.info.min_count or 5)
        return f"<b>{name}</b><br>{note}<br>{year}", t("ranking_value_suppressed", lang)
    if status == STATUS_MISSING:
        return f"<b>{name}</b><br>{t('hover_missing', lang)}<br>{year}", t("ranking_value_missing", lang)
    value = format_value(series.values[year_index, district], series.unit, lang)
    detail = _detail_line(dataset, series, year_index, district, lang)
    lines = [f"<b>{name}</b>", f"<b>{value}</b>", detail, str(year)]
    return "<br>".join(line for line in lines if line), value


def title_template(series: Series, lang: str) -> str:
    """The map title with ``{year}`` left open for the browser to fill in as the slider moves."""
    return t("title", lang, category=series.indicator.title(lang), measure=measure_label(series, lang), year="{year}")


def legend_items(dataset: Dataset, series: Series, lang: str) -> list[tuple[str, str]]:
    """(colour, label) per legend row: the classes, low to high, then the statuses that occur in this indicator."""
    items = []
    if series.classes:
        decimals = series.unit.decimals
        for lower, upper, colour in zip(
            series.classes.lower_bounds, series.classes.upper_bounds, series.classes.colours, strict=True
        ):
            low, high = format_number(lower, decimals, lang), format_number(upper, decimals, lang)
            label = low if low == high else f"{low}–{high}"
            items.append((colour, label + series.unit.suffix(lang)))
    if (series.status == STATUS_SUPPRESSED).any():
        items.append((SUPPRESSED_COLOUR, t("legend_suppressed", lang)))
    if (series.status == STATUS_MISSING).any():
        items.append((MISSING_COLOUR, t("legend_missing", lang)))
    return items


def map_view(dataset: Dataset, indicator_id: str, measure: str, lang: str) -> dict:
    """Everything the browser needs to draw one indicator in every year: codes, tooltips, colours and title.

    ``codes[y][d]`` is the colour code of district ``d`` in year ``years[y]``; ``values`` and ``labels`` feed the
    ranking beside the map.
    """
    series = dataset.series[indicator_id, measure]
    codes = _codes(series)
    hover, labels = [], []
    for year_index in range(len(dataset.years)):
        pairs = [_hover(dataset, series, year_index, district, lang) for district in range(len(dataset.district_ids))]
        hover.append([tip for tip, _ in pairs])
        labels.append([label for _, label in pairs])
    colours = _colours(series)
    values = np.round(series.values, series.unit.decimals)
    return {
        "key": f"{indicator_id}|{measure}|{lang}",
        "years": list(dataset.years),
        "names": list(dataset.district_names),
        "codes": codes.tolist(),
        "values": [[None if np.isnan(value) else float(value) for value in row] for row in values],
        "labels": labels,
        "hover": hover,
        "colours": colours,
        "colorscale": discrete_colorscale(colours),
        "light_text": [needs_light_text(colour) for colour in colours],
        "zmax": len(colours) - 0.5,
        "first_class_code": FIRST_CLASS_CODE,
        "title": title_template(series, lang),
    }
