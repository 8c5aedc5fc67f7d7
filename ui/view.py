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
from ui.i18n import format_number, format_value, signed_number, t
from ui.modes import DEFAULT_MODE, MODES, Layer


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


def _codes(layer: Layer) -> np.ndarray:
    codes = layer.classes.codes(layer.values) if layer.classes else np.full(layer.values.shape, CODE_MISSING)
    codes = np.where(layer.status == STATUS_SUPPRESSED, CODE_SUPPRESSED, codes)
    return np.where(layer.status == STATUS_MISSING, CODE_MISSING, codes)


def _colours(layer: Layer) -> list[str]:
    return [MISSING_COLOUR, SUPPRESSED_COLOUR, *(layer.classes.colours if layer.classes else ())]


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


def _hover(
    dataset: Dataset, series: Series, layer: Layer, from_index: int | None, year_index: int, district: int, lang: str
) -> tuple[str, str]:
    """The tooltip for one district and year, and the short value label used beside the map."""
    name = dataset.district_names[district]
    year = dataset.years[year_index]
    status = layer.status[year_index, district]
    if status == STATUS_SUPPRESSED:
        note = t("hover_suppressed", lang, min_count=dataset.info.min_count or 5)
        return f"<b>{name}</b><br>{note}<br>{year}", t("ranking_value_suppressed", lang)
    if status == STATUS_MISSING:
        return f"<b>{name}</b><br>{t('hover_missing', lang)}<br>{year}", t("ranking_value_missing", lang)
    value = layer.written(layer.values[year_index, district], lang)
    if from_index is None:
        detail = _detail_line(dataset, series, year_index, district, lang)
    else:
        detail = t(
            "hover_change_from", lang,
            before=format_value(series.values[from_index, district], series.unit, lang), from_year=dataset.years[from_index],
            after=format_value(series.values[year_index, district], series.unit, lang), year=year,
        )  # fmt: skip
    lines = [f"<b>{name}</b>", f"<b>{value}</b>", detail, str(year)]
    return "<br>".join(line for line in lines if line), value


def legend_items(layer: Layer, lang: str) -> list[tuple[str, str]]:
    """(colour, label) per legend row: the classes, low to high, then the statuses that occur in this layer."""
    items = []
    if layer.classes:
        decimals = layer.unit.decimals
        for lower, upper, colour in zip(
            layer.classes.lower_bounds, layer.classes.upper_bounds, layer.classes.colours, strict=True
        ):
            written = signed_number if layer.signed else format_number
            low, high = written(lower, decimals, lang), written(upper, decimals, lang)
            label = low if low == high else f"{low} til {high}" if layer.signed and lang == "da" else f"{low}–{high}"
            items.append((colour, label + layer.unit.suffix(lang)))
    if (layer.status == STATUS_SUPPRESSED).any():
        items.append((SUPPRESSED_COLOUR, t("legend_suppressed", lang)))
    if (layer.status == STATUS_MISSING).any():
        items.append((MISSING_COLOUR, t("legend_missing", lang)))
    return items


def resolve_mode(dataset: Dataset, mode: object, from_year: object) -> tuple[str, int]:
    """A known mode and a start year the dataset has: the first year unless another is asked for."""
    mode = mode if isinstance(mode, str) and mode in MODES else DEFAULT_MODE
    try:
        from_year = int(from_year)
    except (TypeError, ValueError):
        from_year = dataset.years[0]
    return mode, from_year if from_year in dataset.years else dataset.years[0]


def map_view(
    dataset: Dataset, indicator_id: str, measure: str, lang: str, mode: str = DEFAULT_MODE, from_year: int | None = None
) -> dict:
    """Everything the browser needs to draw one indicator in every year: codes, tooltips, colours, title, sentences.

    ``codes[y][d]`` is the colour code of district ``d`` in year ``years[y]``; ``values`` and ``labels`` feed the
    ranking and the table beside the map; ``sentences[y]`` says in words what the map shows that year.
    """
    series = dataset.series[indicator_id, measure]
    mode_id, from_year = resolve_mode(dataset, mode, from_year)
    from_index = dataset.years.index(from_year)
    chosen = MODES[mode_id]
    layer = chosen.layer(series, from_index)
    codes = _codes(layer)
    hover, labels = [], []
    for year_index in range(len(dataset.years)):
        pairs = [
            _hover(dataset, series, layer, from_index if mode_id != DEFAULT_MODE else None, year_index, district, lang)
            for district in range(len(dataset.district_ids))
        ]
        hover.append([tip for tip, _ in pairs])
        labels.append([label for _, label in pairs])
    colours = _colours(layer)
    values = np.round(layer.values, layer.unit.decimals)
    measure_words = measure_label(series, lang)
    return {
        "key": f"{indicator_id}|{measure}|{lang}|{mode_id}|{from_year}",
        "years": list(dataset.years),
        "ids": list(dataset.district_ids),
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
        "title": chosen.title(series, measure_words, from_year, lang),
        "sentences": [
            chosen.sentence(dataset, series, from_index, year_index, lang, measure_words)
            for year_index in range(len(dataset.years))
        ],
    }


def view_layer(dataset: Dataset, indicator_id: str, measure: str, mode: str, from_year: int) -> Layer:
    """The layer a view draws, for the legend."""
    return MODES[mode].layer(dataset.series[indicator_id, measure], dataset.years.index(from_year))
