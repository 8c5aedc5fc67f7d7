"""The profile's trend: the chosen district (or two) against the whole municipality over the years, on one y-axis.

The server works out everything a reader reads (figures written as the language writes them, tick labels, where the
direct labels sit, why a year has no figure) and writes it into the page as one ``data-trend`` attribute;
``assets/sparkline.js`` only scales it into a small SVG. So opening a profile loads no chart library (Plotly's was
1.27 MB for this one chart: issue 15), and the figures are the same as in the rest of the profile. The same
figures stand in a visually hidden table, the chart's text alternative, and years without a figure are named
under the chart with their reason.
"""

from __future__ import annotations

import json
import math

import numpy as np
from dash import html

from data.model import Dataset, Series
from insight.sentences import area_line
from layers.i18n import format_number, format_value, t
from layers.look import AREA_COLOUR, CHOSEN_COLOURS
from layers.status import MISSING, STATUSES

TREND_ATTRIBUTE = "data-trend"  # read by assets/sparkline.js
# The whole municipality in AREA_COLOUR, dotted; the chosen districts take CHOSEN_COLOURS, as their outlines on the
# map do, the second one dashed, so the lines differ without colour too.
AREA_LINE = {"colour": AREA_COLOUR, "dash": "dot", "width": 2, "marker": "circle", "size": 5}
DISTRICT_LINES = (
    {"dash": "solid", "width": 3, "marker": "circle", "size": 7},
    {"dash": "dash", "width": 3, "marker": "square", "size": 7},
)
LABEL_CHARS = 14  # a direct label's line; a longer name takes two lines, cut after the second
LABEL_GAP = 0.1  # the least distance between two direct labels, as a share of the y-axis' span
TICKS = 4  # about this many figures on the y-axis
FIGURE_DECIMALS = 4  # figures travel to be drawn, not read: finer than a pixel is enough
CHAR_PX = 7  # the width of a character at 12 px, for the margins that hold tick labels and direct labels
STATUS_OF_CODE = {status.code: status for status in STATUSES}


def label_lines(name: str) -> list[str]:
    """A direct label in at most two short lines, broken at a space where there is one, the rest cut with "…".

    >>> label_lines("Hele kommunen"), label_lines("Gennemsnitligt skoledistrikt")
    (['Hele kommunen'], ['Gennemsnitligt', 'skoledistrikt'])
    >>> label_lines("Sankt Klemens Nordvest og Omegn")
    ['Sankt Klemens', 'Nordvest og O…']
    """
    if len(name) <= LABEL_CHARS:
        return [name]
    space = name.rfind(" ", 0, LABEL_CHARS + 1)
    first, rest = (name[:space], name[space + 1 :]) if space > 0 else (name[:LABEL_CHARS], name[LABEL_CHARS:])
    return [first, rest if len(rest) <= LABEL_CHARS else rest[: LABEL_CHARS - 1].rstrip() + "…"]


def spread_labels(values: list[float], gap: float) -> list[float]:
    """Heights for direct labels at the given line ends, moved apart just enough that no two are closer than
    ``gap``, in the order given.

    >>> spread_labels([10.0, 10.2, 30.0], 1.0)
    [9.6, 10.6, 30.0]
    """
    order = sorted(range(len(values)), key=values.__getitem__)
    placed = [values[i] for i in order]
    for i in range(1, len(placed)):
        placed[i] = max(placed[i], placed[i - 1] + gap)
    # The pushed-up cluster is centred again on the ends it labels, so no label drifts far from its line.
    start = 0
    for end in range(1, len(placed) + 1):
        if end == len(placed) or placed[end] > placed[end - 1] + gap + 1e-9:
            shift = (sum(values[i] for i in order[start:end]) - sum(placed[start:end])) / (end - start)
            placed[start:end] = [height + shift for height in placed[start:end]]
            start = end
    for i in range(1, len(placed)):  # a cluster moved down may now crowd the one below it
        placed[i] = max(placed[i], placed[i - 1] + gap)
    heights = [0.0] * len(values)
    for rank, i in enumerate(order):
        heights[i] = round(placed[rank], 10)
    return heights


def nice_ticks(low: float, high: float, count: int = TICKS) -> tuple[list[float], int]:
    """About ``count`` round figures from ``low`` to ``high`` (steps of 1, 2 or 5 times a power of ten), and the
    decimals their step needs.

    >>> nice_ticks(3.2, 17.9)
    ([5.0, 10.0, 15.0], 0)
    >>> nice_ticks(0.42, 0.58)
    ([0.45, 0.5, 0.55], 2)
    >>> nice_ticks(7.0, 7.0)
    ([7.0], 0)
    """
    if high <= low:
        return [low], max(0, -math.floor(math.log10(abs(low)))) if 0 < abs(low) < 1 else 0
    rough = (high - low) / count
    power = 10 ** math.floor(math.log10(rough))
    step = next(factor * power for factor in (1, 2, 5, 10) if factor * power >= rough)
    decimals = max(0, -math.floor(math.log10(step) + 1e-9))
    first = math.ceil(low / step - 1e-9)
    ticks = [float(round(index * step, decimals)) for index in range(first, math.floor(high / step + 1e-9) + 1)]
    return ticks, decimals


def _reasons(series: Series | None, district: int | None, values: list[float | None], lang: str) -> list[str]:
    """Why each year has no figure ("" where it has one): the district's status, or "no figures" for the area."""
    reasons = []
    for year_index, value in enumerate(values):
        code = series.status[year_index, district] if series is not None else MISSING.code
        status = STATUS_OF_CODE.get(int(code), MISSING)
        reasons.append("" if value is not None else (MISSING if status.shown else status).says("legend", lang))
    return reasons


def trend_figures(dataset: Dataset, series: Series, districts: list[int], lang: str) -> dict:
    """What ``assets/sparkline.js`` draws: per line its name, look, figures (None for a gap), the figures written
    out and the reason for each gap; the axes' ticks; and each direct label's lines and height, in figures."""
    years = list(dataset.years)
    area_figures, area_name = area_line(dataset, series, lang)
    area = [
        None if value is None or math.isnan(value) else round(float(value), FIGURE_DECIMALS) for value in area_figures
    ]
    lines = [{"name": area_name, **AREA_LINE, "values": area, "reasons": _reasons(None, None, area, lang)}]
    for order, district in enumerate(districts[:2]):
        own = [
            None if np.isnan(value) else round(float(value), FIGURE_DECIMALS) for value in series.values[:, district]
        ]
        look = {"colour": CHOSEN_COLOURS[order], **DISTRICT_LINES[order]}
        name = dataset.district_names[district]
        lines.append({"name": name, **look, "values": own, "reasons": _reasons(series, district, own, lang)})
    shown = [value for line in lines for value in line["values"] if value is not None]
    low, high = (min(shown), max(shown)) if shown else (0.0, 1.0)
    pad = (high - low) * 0.08 or abs(high) * 0.1 or 1.0
    ticks, decimals = nice_ticks(low - pad, high + pad)
    ends = []
    for line in lines:
        line["texts"] = [None if value is None else format_value(value, series.unit, lang) for value in line["values"]]
        last = max((i for i, value in enumerate(line["values"]) if value is not None), default=None)
        line["label"] = {"lines": label_lines(line["name"]), "at": last}
        if last is not None:
            ends.append(line)
    heights = spread_labels([line["values"][line["label"]["at"]] for line in ends], LABEL_GAP * ((high - low) or 1.0))
    for line, height in zip(ends, heights, strict=True):
        line["label"]["y"] = height
    year_step = math.ceil(len(years) / 5)  # every year up to five, then fewer, always the last, so none turn
    tick_labels = [format_number(tick, decimals, lang) for tick in ticks]
    widest_label = max(len(text) for line in lines for text in line["label"]["lines"])
    return {
        "years": years,
        "year_ticks": years[::-1][::year_step][::-1],
        "range": [low - pad, high + pad],
        "ticks": [[tick, text] for tick, text in zip(ticks, tick_labels, strict=True)],
        "height": 200 if len(districts) < 2 else 240,
        "left": 10 + CHAR_PX * max(len(text) for text in tick_labels),
        "right": 12 + CHAR_PX * widest_label,
        "lines": lines,
    }


def _table(dataset: Dataset, series: Series, figures: dict, lang: str) -> html.Table:
    """The chart's figures as a table, for screen readers: a row per year, a column per line."""
    caption = f"{series.indicator.title(lang)}: {series.measure_spec.label_for(series.indicator.family, lang)}"
    head = html.Tr([html.Th(t("year_label", lang), scope="col")] + [
        html.Th(line["name"], scope="col") for line in figures["lines"]])  # fmt: skip
    rows = [
        html.Tr([html.Th(str(year), scope="row")] + [
            html.Td(line["texts"][index] or line["reasons"][index]) for line in figures["lines"]])
        for index, year in enumerate(dataset.years)
    ]  # fmt: skip
    # Hidden by a box around it: a table grows to its content whatever width it is given, and would stick out of
    # a phone's screen, hidden or not.
    return html.Div(
        html.Table([html.Caption(caption), html.Thead(head), html.Tbody(rows)]), className="visually-hidden"
    )


def _gap_notes(dataset: Dataset, figures: dict) -> html.Ul | None:
    """Under the chart, the years a line has no figure for, with the reason: "Fjordby, 2013, 2014: Hidden…"."""
    notes = []
    for line in figures["lines"]:
        by_reason: dict[str, list[str]] = {}
        for year, reason in zip(dataset.years, line["reasons"], strict=True):
            if reason:
                by_reason.setdefault(reason, []).append(str(year))
        notes += [html.Li(f"{line['name']}, {', '.join(years)}: {reason}") for reason, years in by_reason.items()]
    return html.Ul(notes, className="trend-gaps") if notes else None


def trend(dataset: Dataset, series: Series, districts: list[int], lang: str) -> html.Div:
    """The trend chart as the page holds it: an empty box the script draws into, the table, the gaps' reasons."""
    figures = trend_figures(dataset, series, districts, lang)
    # The drawing is only a picture of the table beside it, so screen readers skip it and read the table.
    drawing = html.Div(className="trend-drawing", **{TREND_ATTRIBUTE: json.dumps(figures, ensure_ascii=False)},
                       style={"height": f"{figures['height']}px"}, **{"aria-hidden": "true"})  # fmt: skip
    children = [drawing, _table(dataset, series, figures, lang), _gap_notes(dataset, figures)]
    return html.Div(
        [child for child in children if child is not None],
        className="trend" if len(districts) < 2 else "trend trend-compare",
    )
