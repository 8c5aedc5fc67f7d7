"""A district up close: headline numbers, where it stands, how it changed, its peers, and every family's make-up.

Built as plain components from pure analysis, so a test can read it and a screen reader can follow it. With a
second district chosen, both are shown side by side with sentences naming their largest differences.
"""

from __future__ import annotations

import math
from html import escape
from urllib.parse import urlencode

import numpy as np
from dash import dcc, html

from data.model import Dataset, Series
from insight.analysis import municipality_share, rank_in_year, similar_districts
from insight.sentences import area_line, compare_sentences, district_sentence, ordinal, rank_phrase
from layers.families import FAMILIES, Family
from layers.i18n import format_value, number_symbols, t
from layers.look import AREA_COLOUR, CHOSEN_COLOURS, FONT
from layers.registry import COUNT, SHARE
from layers.status import SHOWN
from ui import ids
from ui.citing import press_note_details

HEADLINES = ("residents", "households", "workplaces")
# The whole municipality in AREA_COLOUR, dotted; the chosen districts take CHOSEN_COLOURS, as their outlines on the
# map do, the second one dashed, so the lines differ without colour too.
DISTRICT_LINES = ({"dash": "solid", "symbol": "circle"}, {"dash": "dash", "symbol": "square"})
LABEL_CHARS = 14  # a direct label's line; a longer name takes two lines, cut after the second
LABEL_GAP = 0.1  # the least distance between two direct labels, as a share of the y-axis' span


def _headlines(dataset: Dataset, district: int, year_index: int, lang: str) -> html.Dl:
    items = []
    for indicator_id in HEADLINES:
        series = dataset.series.get((indicator_id, COUNT.id))
        if series is None:
            continue
        shown = series.status[year_index, district] == SHOWN.code
        value = format_value(series.values[year_index, district], series.unit, lang) if shown else "–"
        items += [html.Dt(series.indicator.title(lang)), html.Dd(value)]
    return html.Dl(items, className="headlines")


def _rank_line(dataset: Dataset, series: Series, district: int, year_index: int, lang: str) -> html.Div:
    rank = rank_in_year(series, year_index, district)
    values = np.where(series.status[year_index] == SHOWN.code, series.values[year_index], np.nan)
    if rank is None or np.isnan(values).all():
        return html.Div()
    low, high = np.nanmin(values), np.nanmax(values)
    span = (high - low) or 1.0
    dots = [
        html.Span(
            className="strip-dot strip-dot-self" if other == district else "strip-dot",
            style={"left": f"{(value - low) / span * 100:.1f}%"},
            title=f"{dataset.district_names[other]}: {format_value(value, series.unit, lang)}",
        )
        for other, value in enumerate(values)
        if not np.isnan(value)
    ]
    # Counted from the nearer end, as the sentence does: "7. laveste af 23" rather than "17. højeste af 23".
    place = rank.position if rank.in_upper_half else rank.from_bottom
    key = "rank_text" if rank.in_upper_half else "rank_text_low"
    words = t(key, lang, ordinal=ordinal(place, lang), of=rank.of)
    if rank.of == 1 or low == high:  # no "1. højeste af 1": with one figure, or one for all, the sentence says so
        phrase = rank_phrase(dataset, series, year_index, district, lang)
        words = phrase[:1].upper() + phrase[1:]
    return html.Div(
        className="rank",
        children=[
            html.P(words, className="rank-text"),
            html.Div(dots, className="strip", role="img", **{"aria-label": words}),
            html.Div(
                [html.Span(format_value(low, series.unit, lang)), html.Span(format_value(high, series.unit, lang))],
                className="strip-ends",
            ),
        ],
    )


def _separators(lang: str) -> str:
    """Plotly's ``separators``: the decimal mark, then the thousands separator, as the language writes them.

    >>> _separators("da"), _separators("en"), _separators("sv")
    (',.', '.,', ',\xa0')
    """
    symbols = number_symbols(lang)
    return symbols["decimal"] + symbols["group"]


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


def _end_labels(years: list[int], lines: list[tuple[list, list[str], str]]) -> list[dict]:
    """A direct label at the end of each line (values by year, label lines, colour), so no one hunts a legend."""
    ends = []
    for values, text, colour in lines:
        last = max((i for i, value in enumerate(values) if value is not None), default=None)
        if last is not None:
            ends.append((years[last], values[last], text, colour))
    shown = [value for values, _, _ in lines for value in values if value is not None]
    span = (max(shown) - min(shown)) if shown else 0.0
    heights = spread_labels([value for _, value, _, _ in ends], LABEL_GAP * (span or 1.0))
    return [
        {"x": x, "y": height, "text": "<br>".join(escape(line, quote=False) for line in text), "xref": "x", "yref": "y", "xanchor": "left", "xshift": 6,
         "showarrow": False, "font": {"color": colour, "size": 12}, "name": "direct-label"}
        for (x, _, text, colour), height in zip(ends, heights, strict=True)
    ]  # fmt: skip


def _trend_figure(dataset: Dataset, series: Series, districts: list[int], lang: str) -> dict:
    """One chart of the chosen districts and the whole municipality, on one y-axis, each line labelled at its end."""
    years = list(dataset.years)
    area, area_name = area_line(dataset, series, lang)
    trace = {
        "type": "scatter",
        "mode": "lines+markers",
        "x": years,
        "hovertemplate": "%{y}<extra>%{fullData.name}</extra>",
    }
    data = [{**trace, "y": area, "name": area_name, "line": {"color": AREA_COLOUR, "dash": "dot", "width": 2},
             "marker": {"color": AREA_COLOUR, "size": 5}}]  # fmt: skip
    lines = [(area, label_lines(area_name), AREA_COLOUR)]
    for order, district in enumerate(districts[:2]):
        own = [None if np.isnan(value) else float(value) for value in series.values[:, district]]
        colour, style = CHOSEN_COLOURS[order], DISTRICT_LINES[order]
        name = escape(dataset.district_names[district], quote=False)  # Plotly reads <b>, <br> and <a> in names
        data.append({**trace, "y": own, "name": name, "line": {"color": colour, "width": 3, "dash": style["dash"]},
                     "marker": {"color": colour, "size": 7, "symbol": style["symbol"]}})  # fmt: skip
        lines.append((own, label_lines(dataset.district_names[district]), colour))
    right = 12 + 7 * max(len(line) for _, text, _ in lines for line in text)
    return {
        "data": data,
        "layout": {
            "height": 200 if len(districts) < 2 else 240,
            "margin": {"l": 44, "r": right, "t": 8, "b": 28},
            "font": {"family": FONT, "size": 12},
            "showlegend": False,
            "annotations": _end_labels(years, lines),
            # A fixed range: autorange would stretch the axis to hold the direct labels. Ticks every year up to
            # five years, then fewer, always at the last year, so they fit beside the labels without turning.
            "xaxis": {
                "range": [years[0] - 0.3, years[-1] + 0.3],
                "dtick": math.ceil(len(years) / 5),
                "tick0": years[-1],
                "fixedrange": True,
            },
            "yaxis": {"fixedrange": True, "separatethousands": True},
            "separators": _separators(lang),
            "paper_bgcolor": "rgba(0,0,0,0)",
            "plot_bgcolor": "rgba(0,0,0,0)",
        },  # fmt: skip
    }


def _peers(dataset: Dataset, family: Family, district: int, year_index: int, lang: str) -> html.Div:
    peers = similar_districts(dataset, family, year_index, district)
    if not peers:
        return html.Div()
    buttons = [
        html.Button(
            dataset.district_names[peer],
            id={"type": ids.PROFILE_PEER, "index": dataset.district_ids[peer]},
            className="peer",
        )
        for peer in peers
    ]
    return html.Div(
        [html.H4(t("profile_peers", lang, family=family.name(lang).lower())), html.Div(buttons, className="peers")]
    )


def _composition(dataset: Dataset, family: Family, district: int, year_index: int, lang: str) -> html.Div | None:
    rows = []
    for category in family.categories:
        series = dataset.series.get((category.id, SHARE.id))
        if series is None:
            continue
        own = series.values[year_index, district]
        area = municipality_share(series, year_index)
        own_text = format_value(own, series.unit, lang) if not np.isnan(own) else t("ranking_value_suppressed", lang)
        rows.append(
            html.Li(
                [
                    html.Span(category.name(lang), className="bar-label"),
                    html.Span(
                        html.Span(
                            className="bar bar-self", style={"width": f"{0 if np.isnan(own) else min(own, 100):.1f}%"}
                        ),
                        className="bar-track",
                    ),
                    html.Span(own_text, className="bar-value"),
                    html.Span(
                        html.Span(className="bar bar-area", style={"width": f"{min(area or 0, 100):.1f}%"}),
                        className="bar-track bar-track-area",
                    ),
                    html.Span(
                        format_value(area, series.unit, lang) if area is not None else "–",
                        className="bar-value bar-value-area",
                    ),
                ]
            )
        )
    if not rows:
        return None
    return html.Section([html.H4(family.name(lang)), html.Ul(rows, className="bars")], className="composition")


def _trend(dataset: Dataset, series: Series, districts: list[int], lang: str) -> dcc.Graph:
    return dcc.Graph(
        figure=_trend_figure(dataset, series, districts, lang),
        config={"displayModeBar": False},
        className="trend" if len(districts) < 2 else "trend trend-compare",
    )


def _column(
    dataset: Dataset, series: Series, district: int, year_index: int, from_index: int, lang: str, chart: bool = True
) -> html.Div:
    family = series.indicator.family
    # The chosen family first, and any family counted out of it (newcomers' origins for moves); then the rest.
    own = {category.id for category in family.categories}
    families = sorted(
        (other for other in FAMILIES if other.composition),
        key=lambda other: not (other.id == family.id or other.denominator in own),
    )
    return html.Div(
        className="profile-column",
        children=[
            # tabIndex -1: assets/keys.js moves focus here when a profile opens, so a keyboard starts reading at it.
            html.H3(dataset.district_names[district], className="profile-heading", tabIndex=-1),
            _headlines(dataset, district, year_index, lang),
            html.P(district_sentence(dataset, series, year_index, district, lang, from_index), className="sentence"),
            _rank_line(dataset, series, district, year_index, lang),
            # Two districts share one chart, above both columns (profile_panel).
            _trend(dataset, series, [district], lang) if chart else None,
            _peers(dataset, family, district, year_index, lang),
            press_note_details(dataset, district, lang),  # the district's largest changes, to copy (ui/citing.py)
            html.P(t("profile_bars_legend", lang, district=dataset.district_names[district]), className="bars-legend"),
            *[
                part
                for part in (_composition(dataset, other, district, year_index, lang) for other in families)
                if part
            ],
        ],
    )


def chosen_key(dataset: Dataset, districts: list[int], lang: str) -> list:
    """The key to the chosen outlines on the map: a line in each district's colour (the second dashed) and its
    name, as in the profile's chart. Empty when no district is chosen."""
    if not districts:
        return []
    items = [
        html.Span(
            [html.Span(className=f"chosen-key-line chosen-key-line-{order + 1}", style={"borderTopColor": colour}),
             dataset.district_names[district]],
            className="chosen-key-item",
        )
        for order, (district, colour) in enumerate(zip(districts[:2], CHOSEN_COLOURS, strict=False))
    ]  # fmt: skip
    return [html.Span(t("chosen_key", lang), className="chosen-key-title"), *items]


def _picture_link(
    dataset: Dataset, series: Series, districts: list[int], year_index: int, from_index: int, lang: str
) -> html.P:
    """A link to the profile's chart as a picture to publish (/export/profile.png), of the districts shown."""
    chosen = [("district", dataset.district_ids[district]) for district in districts[:1]]
    chosen += [("compare", dataset.district_ids[district]) for district in districts[1:2]]
    view = [("indicator", series.indicator.id), ("measure", series.measure), ("year", dataset.years[year_index]),
            ("from", dataset.years[from_index])]  # fmt: skip
    query = urlencode([*view, *chosen, ("lang", lang)])
    link = html.A(t("profile_picture", lang), id=ids.PROFILE_PICTURE, href=f"/export/profile.png?{query}", download="")
    return html.P(link, className="profile-picture")


def profile_panel(
    dataset: Dataset, series: Series, districts: list[int], year_index: int, from_index: int, lang: str
) -> list:
    """The profile of one district, or two side by side with their largest differences named first."""
    children = []
    if len(districts) == 2:
        lines = compare_sentences(dataset, series.indicator.family, year_index, districts[0], districts[1], lang)
        children.append(
            html.Div([html.P(lines[0]), html.Ul([html.Li(line) for line in lines[1:]])], className="compare-sentences")
        )
        children.append(_trend(dataset, series, districts, lang))
    children.append(_picture_link(dataset, series, districts, year_index, from_index, lang))
    chart = len(districts) < 2
    columns = [_column(dataset, series, district, year_index, from_index, lang, chart) for district in districts]
    children.append(
        html.Div(columns, className="profile-columns profile-columns-2" if len(columns) == 2 else "profile-columns")
    )
    return children
