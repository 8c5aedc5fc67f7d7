"""What the page shows for a choice of indicator, measure and language: pure functions over a loaded dataset.

The map view is computed once per indicator change and holds every year, so the browser can move the year slider
and play through the years without asking the server again.
"""

from __future__ import annotations

import hashlib

import numpy as np
import pandas as pd
from plotly.colors import convert_colors_to_same_type, unlabel_rgb

from data.model import STATUS_MISSING, STATUS_SUPPRESSED, Dataset, Indicator, Series
from insight.sentences import term_words
from layers.classify import CODE_MISSING, CODE_SUPPRESSED, FIRST_CLASS_CODE, MISSING_COLOUR, SUPPRESSED_COLOUR
from layers.families import FAMILIES, UNITS, Family, Unit
from layers.i18n import format_number, number_symbols, signed_number, t
from layers.registry import MEASURES
from ui.labels import option_label
from ui.modes import DEFAULT_MODE, MODES, Layer
from ui.years import as_year


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
    year = as_year(year)
    return year if year in dataset.years else dataset.info.default_year


def measure_label(series: Series, lang: str) -> str:
    family = series.indicator.family
    label = family.share_label if series.measure == "share" else family.count_label
    return label(lang) or MEASURES[series.measure].label(lang).lower()


def families_in(dataset: Dataset) -> list[tuple[Family, list[Indicator]]]:
    """The dataset's families with their indicators: the registry's first, in its order, then the dataset's own
    in the order ``indicators.csv`` lists them. Within a family the registry's categories come in its order, and
    everything else in the file's order, never alphabetically (3-6 år before 25-29 år)."""
    registry_order = {category.id: i for i, category in enumerate(c for f in FAMILIES for c in f.categories)}
    family_order = {family.id: i for i, family in enumerate(FAMILIES)}
    grouped: dict[str, list[Indicator]] = {}
    for indicator in dataset.indicators.values():
        grouped.setdefault(indicator.family.id, []).append(indicator)
    families = sorted(grouped.values(), key=lambda members: family_order.get(members[0].family.id, len(FAMILIES)))
    return [
        (members[0].family, sorted(members, key=lambda i: registry_order.get(i.id, len(registry_order))))
        for members in families
    ]


def indicator_options(dataset: Dataset, lang: str) -> list[dict]:
    """Picker options grouped by family: a disabled heading per family, then its indicators (see ``families_in``)."""
    options = []
    for family, members in families_in(dataset):
        heading = option_label(family.name(lang).upper())  # labels are indexed for search: see ui/labels.py
        options.append({"label": heading, "value": f"family:{family.id}", "disabled": True})
        options.extend({"label": option_label(indicator.title(lang)), "value": indicator.id} for indicator in members)
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


def packed(values: np.ndarray, decimals: int) -> dict:
    """A (years, districts) array, small on the wire: whole numbers in steps of ``10**-decimals``, district by
    district, each year written as its change from the year before (NaN carries the last value, and is listed
    in ``gaps`` by its position). Figures drift slowly from year to year, so the steps are small numbers that
    compress well; ``assets/figures.js`` unpacks them.

    >>> packed(np.array([[12.34, 5.0], [12.5, np.nan]]), 1)
    {'decimals': 1, 'steps': [123, 2, 50, 0], 'gaps': [3]}
    """
    scaled = pd.DataFrame(np.round(np.asarray(values, dtype=float) * 10**decimals))
    gaps = np.flatnonzero(scaled.isna().to_numpy().T)
    filled = scaled.ffill().fillna(0).to_numpy()
    steps = np.diff(filled, axis=0, prepend=np.zeros((1, filled.shape[1])))
    return {"decimals": decimals, "steps": steps.T.astype(np.int64).ravel().tolist(), "gaps": gaps.tolist()}


class Shared:
    """Figures a view refers to by a key made from their content, sent only to a browser that lacks them.

    Every share of residents has the same denominators, and switching back to an indicator needs figures the
    browser already holds. The browser says which keys it holds (``known``); ``refer`` returns the key, and
    ``sent`` what must travel. The same figures always get the same key, so a stale or false list only costs
    bytes, never a wrong number.
    """

    def __init__(self, known: frozenset[str]) -> None:
        self.known = known
        self.sent: dict[str, dict] = {}

    def refer(self, values: np.ndarray, decimals: int) -> str:
        figures = packed(values, decimals)
        digest = hashlib.blake2b(np.asarray(figures["steps"], dtype=np.int64).tobytes(), digest_size=9)
        digest.update(np.asarray(figures["gaps"], dtype=np.int64).tobytes() + bytes([decimals]))
        key = f"{len(figures['steps'])}:{digest.hexdigest()}"
        if key not in self.known:
            self.sent[key] = figures
        return key


def _written(unit: Unit, signed: bool, lang: str) -> dict:
    """How the browser writes a number of this unit: decimals, suffix, and whether it carries a sign."""
    return {"decimals": unit.decimals, "suffix": unit.suffix(lang), "signed": signed}


def _detail(dataset: Dataset, series: Series, from_index: int | None, lang: str, shared: Shared) -> dict | None:
    """The tooltip's second line as a template with numbered gaps, and the figures that fill them.

    ``{0}``, ``{1}``: the shared figures ``parts[i]["ref"]`` at the year shown, or at year index ``at`` when it is
    set; ``{year}``: the year.
    """
    count_unit = UNITS["count"]
    if from_index is not None:
        template = t("hover_change_from", lang, before="{0}", from_year=dataset.years[from_index], after="{1}",
                     year="{year}")  # fmt: skip
        figures = shared.refer(series.values, series.unit.decimals)
        parts = [{"ref": figures, "at": from_index}, {"ref": figures, "at": None}]
        return {"template": template, "parts": parts, "written": [_written(series.unit, False, lang)] * 2}
    if series.measure == "share":
        if series.indicator.denominator not in dataset.indicators:
            return None  # a share that arrived as a share: there is no count to show
        what = dataset.indicators[series.indicator.denominator].title(lang).lower()
        template = t("hover_part_of", lang, count="{0}", denominator="{1}", what=what)
        parts, units = [series.counts, series.denominators], [count_unit, count_unit]
    else:
        share = dataset.series.get((series.indicator.id, "share"))
        if share is None:
            return None
        what = dataset.indicators[share.indicator.denominator].title(lang).lower()
        template = t("hover_share_of", lang, share="{0}", denominator="{1}", what=what)
        parts, units = [share.values, share.denominators], [share.unit, count_unit]
    return {
        "template": template,
        "parts": [
            {"ref": shared.refer(part, unit.decimals), "at": None} for part, unit in zip(parts, units, strict=True)
        ],
        "written": [_written(unit, False, lang) for unit in units],
    }


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
            # A range of signed figures reads "−2,0 til +1,0" where the language has a word: "−2,0–+1,0" is hard to read.
            range_key = "legend_range_signed" if layer.signed else "legend_range"
            label = low if low == high else t(range_key, lang, low=low, high=high)
            items.append((colour, label + layer.unit.suffix(lang)))
    if (layer.status == STATUS_SUPPRESSED).any():
        items.append((SUPPRESSED_COLOUR, t("legend_suppressed", lang)))
    if (layer.status == STATUS_MISSING).any():
        items.append((MISSING_COLOUR, t("legend_missing", lang)))
    return items


def legend_swatch_class(colour: str) -> str:
    """The CSS class of a legend swatch: "no figure" is hatched (assets/style.css), as on the map, never flat.

    >>> legend_swatch_class(MISSING_COLOUR), legend_swatch_class("rgb(8,48,107)")
    ('swatch swatch-missing', 'swatch')
    """
    return "swatch swatch-missing" if colour == MISSING_COLOUR else "swatch"


def resolve_mode(dataset: Dataset, mode: object, from_year: object) -> tuple[str, int]:
    """A known mode and a start year the dataset has: the first year unless another is asked for."""
    mode = mode if isinstance(mode, str) and mode in MODES else DEFAULT_MODE
    from_year = as_year(from_year)
    return mode, from_year if from_year in dataset.years else dataset.years[0]


def map_view(
    dataset: Dataset,
    indicator_id: str,
    measure: str,
    lang: str,
    mode: str = DEFAULT_MODE,
    from_year: int | None = None,
    known: frozenset[str] = frozenset(),
) -> dict:
    """Everything the browser needs to draw one indicator in every year, packed small (see ``packed``).

    ``codes[d * len(years) + y]`` is the colour code of district ``d`` in year ``years[y]``; ``values`` (the
    figures the map shows) and ``detail`` (the tooltip's second line) refer to figures in ``shared``, which holds
    only those not in ``known``; ``sentences[y]`` says in words what the map shows that year. Names, ids and
    shapes are fixed per page (``ui.figure.map_setup``), so they are not sent again here.
    """
    series = dataset.series[indicator_id, measure]
    mode_id, from_year = resolve_mode(dataset, mode, from_year)
    from_index = dataset.years.index(from_year)
    chosen = MODES[mode_id]
    layer = chosen.layer(series, from_index)
    codes = _codes(layer)
    colours = _colours(layer)
    measure_words = measure_label(series, lang)
    shared = Shared(known)
    values = shared.refer(layer.values, layer.unit.decimals)
    detail = _detail(dataset, series, from_index if mode_id != DEFAULT_MODE else None, lang, shared)
    return {
        "key": f"{indicator_id}|{measure}|{lang}|{mode_id}|{from_year}",
        "years": list(dataset.years),
        "codes": codes.T.astype(int).ravel().tolist(),
        "values": values,
        "shared": shared.sent,
        "written": _written(layer.unit, layer.signed, lang),
        "number": number_symbols(lang),
        "detail": detail,
        "words": {
            "suppressed": t("hover_suppressed", lang, min_count=dataset.info.min_count or 5),
            "missing": t("hover_missing", lang),
            "suppressed_short": t("ranking_value_suppressed", lang),
            "missing_short": t("ranking_value_missing", lang),
            "table_more": t("table_more", lang, shown="{shown}", total="{total}", **term_words(dataset, lang)),
        },
        "colours": colours,
        "first_class_code": FIRST_CLASS_CODE,
        "title": chosen.title(series, measure_words, from_year, lang),
        "sentences": [
            chosen.sentence(dataset, series, from_index, year_index, lang, measure_words)
            for year_index in range(len(dataset.years))
        ],
    }


def year_codes(view: dict, year_index: int) -> list[int]:
    """One year's colour codes, district by district, from a packed ``map_view``."""
    years = len(view["years"])
    return view["codes"][year_index::years]


def view_layer(dataset: Dataset, indicator_id: str, measure: str, mode: str, from_year: int) -> Layer:
    """The layer a view draws, for the legend."""
    return MODES[mode].layer(dataset.series[indicator_id, measure], dataset.years.index(from_year))
