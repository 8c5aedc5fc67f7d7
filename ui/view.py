"""What the page shows for a choice of indicator, measure and language: pure functions over a loaded dataset.

The map view is computed once per indicator change and holds every year, so the browser can move the year slider
and play through the years without asking the server again.
"""

from __future__ import annotations

import hashlib

import numpy as np
import pandas as pd

from data.model import Dataset, Indicator, Series
from insight.sentences import term_words
from layers.families import FAMILIES, UNITS, Family, Unit
from layers.i18n import number_symbols, t
from layers.registry import MEASURES, SHARE
from layers.status import FIRST_CLASS_CODE, HIDDEN, MISSING
from ui.labels import option_label
from view.view import View


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


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
        label = (
            _capitalised(series.measure_spec.label_for(series.indicator.family, lang))
            if series
            else MEASURES[measure].label(lang)
        )
        options.append({"label": label, "value": measure, "disabled": measure not in available})
    return options


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


def _rounded(values: np.ndarray, decimals: int) -> np.ndarray:
    """Figures as the browser unpacks them from ``packed``: rounded half to even to ``decimals``, NaN kept."""
    scale = 10**decimals
    return np.round(np.asarray(values, dtype=float) * scale) / scale


def share_from_parts(
    values: np.ndarray, decimals: int, counts: np.ndarray, denominators: np.ndarray, count_decimals: int, per: float
) -> dict | None:
    """How the browser works out a share's figures from the count and denominator it already has for the tooltip,
    so the figures need not travel too: or None unless that gives every figure exactly as ``packed`` would.

    The browser computes ``count / denominator * per`` from the unpacked (rounded) counts and denominators, in the
    same IEEE arithmetic, and rounds it half to even to ``decimals`` as ``packed`` does (assets/figures.js
    ``shareOf``). ``gaps`` are the positions with no figure (as in ``packed``: district by district, year by year).

    >>> share_from_parts(np.array([[50.0, np.nan]]), 1, np.array([[1.0, 2.0]]), np.array([[2.0, 0.0]]), 0, 100.0)
    {'decimals': 1, 'per': 100.0, 'gaps': [1]}
    >>> share_from_parts(np.array([[33.4]]), 1, np.array([[1.0]]), np.array([[3.0]]), 0, 100.0) is None
    True
    """
    shown = ~np.isnan(values)
    with np.errstate(divide="ignore", invalid="ignore"):
        derived = _rounded(counts, count_decimals) / _rounded(denominators, count_decimals) * per
    scale = 10**decimals
    if not np.isfinite(derived[shown]).all():
        return None
    if not np.array_equal(np.round(derived[shown] * scale), np.round(np.asarray(values)[shown] * scale)):
        return None
    return {"decimals": decimals, "per": per, "gaps": np.flatnonzero(~shown.T).tolist()}


def _values(series: Series, values: np.ndarray, unit: Unit, detail: dict | None, shared: Shared) -> str | dict:
    """The figures the map shows: the key of shared figures, or for a share whose tooltip sends its count and
    denominator anyway, how the browser works it out from them (``share_from_parts``; ``of`` holds their keys)."""
    if detail and unit.per and series.measure_spec.of_a_whole:
        parts = (series.counts, series.denominators)
        how = share_from_parts(values, unit.decimals, *parts, UNITS["count"].decimals, unit.per)
        if how is not None:
            return {"of": [part["ref"] for part in detail["parts"]], **how}
    return shared.refer(values, unit.decimals)


def _written(unit: Unit, signed: bool, lang: str) -> dict:
    """How the browser writes a number of this unit: decimals, suffix, and whether it carries a sign."""
    return {"decimals": unit.decimals, "suffix": unit.suffix(lang), "signed": signed}


def _part_of(dataset: Dataset, series: Series, lang: str, first: int) -> str:
    """The count and denominator behind a share, as numbered gaps from ``first``: "{0} af {1} indbyggere"."""
    what = dataset.indicators[series.indicator.denominator].title(lang).lower()
    return t("hover_part_of", lang, count=f"{{{first}}}", denominator=f"{{{first + 1}}}", what=what)


def _detail(dataset: Dataset, series: Series, from_index: int | None, lang: str, shared: Shared) -> dict | None:
    """The tooltip's second line as a template with numbered gaps, and the figures that fill them.

    ``{0}``, ``{1}``: the shared figures ``parts[i]["ref"]`` at the year shown, or at year index ``at`` when it is
    set; ``{year}``: the year.
    """
    count_unit = UNITS["count"]
    counted = series.measure_spec.of_a_whole and series.indicator.denominator in dataset.indicators
    if from_index is not None:
        template = t("hover_change_from", lang, before="{0}", from_year=dataset.years[from_index], after="{1}",
                     year="{year}")  # fmt: skip
        figures = shared.refer(series.values, series.unit.decimals)
        parts = [{"ref": figures, "at": from_index}, {"ref": figures, "at": None}]
        written = [_written(series.unit, False, lang)] * 2
        if counted:  # a share's change, with the count and denominator behind the year's share, as elsewhere
            template += f" ({_part_of(dataset, series, lang, 2)})"
            parts += [{"ref": shared.refer(part, count_unit.decimals), "at": None}
                      for part in (series.counts, series.denominators)]  # fmt: skip
            written += [_written(count_unit, False, lang)] * 2
        return {"template": template, "parts": parts, "written": written}
    if series.measure_spec.of_a_whole:
        if not counted:
            return None  # a share that arrived as a share: there is no count to show
        template = _part_of(dataset, series, lang, 0)
        parts, units = [series.counts, series.denominators], [count_unit, count_unit]
    else:
        share = dataset.series.get((series.indicator.id, SHARE.id))
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


def map_view(dataset: Dataset, view: View, known: frozenset[str] = frozenset()) -> dict:
    """Everything the browser needs to draw a view's indicator in every year, packed small (see ``packed``).

    ``codes[d * len(years) + y]`` is the colour code of district ``d`` in year ``years[y]``; ``values`` (the
    figures the map shows) and ``detail`` (the tooltip's second line) refer to figures in ``shared``, which holds
    only those not in ``known`` (a share's ``values`` may instead say how to work it out from its count and
    denominator, see ``share_from_parts``); ``sentences[y]`` says in words what the map shows that year. Names, ids and
    shapes are fixed per page (``ui.figure.map_setup``), so they are not sent again here. The view's year and
    districts do not change what is sent: the browser moves through the years itself.
    """
    series, layer, lang = view.series(dataset), view.layer(dataset), view.lang
    from_index = dataset.years.index(view.from_year)
    shared = Shared(known)
    counts_from = view.mode_spec.counts_from
    detail = _detail(dataset, series, from_index if counts_from else None, lang, shared)
    values = _values(series, layer.values, layer.unit, None if counts_from else detail, shared)
    hidden = {status.word: status for status in HIDDEN}
    return {
        "key": f"{view.indicator}|{view.measure}|{lang}|{view.mode}|{view.from_year}",
        "years": list(dataset.years),
        "codes": layer.codes().T.ravel().tolist(),
        "values": values,
        "shared": shared.sent,
        "written": _written(layer.unit, layer.signed, lang),
        "number": number_symbols(lang),
        "detail": detail,
        "words": {
            **{
                word: status.says("hover", lang, min_count=dataset.info.hidden_below) for word, status in hidden.items()
            },
            **{f"{word}_short": status.says("ranking_value", lang) for word, status in hidden.items()},
            "table_more": t("table_more", lang, shown="{shown}", total="{total}", **term_words(dataset, lang)),
        },
        "colours": layer.colours(),
        "first_class_code": FIRST_CLASS_CODE,
        "title": view.title(dataset),
        "sentences": [view.sentence(dataset, year) for year in dataset.years],
    }


def legend_swatch_class(colour: str) -> str:
    """The CSS class of a legend swatch: "no figure" is hatched (assets/style.css), as on the map, never flat.

    >>> legend_swatch_class(MISSING.colour), legend_swatch_class("rgb(8,48,107)")
    ('swatch swatch-missing', 'swatch')
    """
    return "swatch swatch-missing" if colour == MISSING.colour else "swatch"
