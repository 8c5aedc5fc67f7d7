"""A district up close: headline numbers, where it stands, how it changed, its peers, and every family's make-up.

Built as plain components from pure analysis, so a test can read it and a screen reader can follow it. With a
second district chosen, both are shown side by side with sentences naming their largest differences.
"""

from __future__ import annotations

import numpy as np
from dash import dcc, html

from data.model import STATUS_SHOWN, Dataset, Series
from insight.analysis import municipality_share, municipality_total, rank_in_year, similar_districts
from insight.sentences import compare_sentences, district_sentence, ordinal, rank_phrase, term_words
from layers.families import FAMILIES, Family
from ui import ids
from ui.figure import FONT
from ui.i18n import format_value, t

HEADLINES = ("residents", "households", "workplaces")
DISTRICT_COLOUR, AREA_COLOUR = "#0b5d7a", "#9aa9b0"


def _headlines(dataset: Dataset, district: int, year_index: int, lang: str) -> html.Dl:
    items = []
    for indicator_id in HEADLINES:
        series = dataset.series.get((indicator_id, "count"))
        if series is None:
            continue
        shown = series.status[year_index, district] == STATUS_SHOWN
        value = format_value(series.values[year_index, district], series.unit, lang) if shown else "–"
        items += [html.Dt(series.indicator.title(lang)), html.Dd(value)]
    return html.Dl(items, className="headlines")


def _rank_line(dataset: Dataset, series: Series, district: int, year_index: int, lang: str) -> html.Div:
    rank = rank_in_year(series, year_index, district)
    values = np.where(series.status[year_index] == STATUS_SHOWN, series.values[year_index], np.nan)
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
    words = t(key, lang, position=place, ordinal=ordinal(place, lang), of=rank.of)
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


def _trend_figure(dataset: Dataset, series: Series, district: int, lang: str) -> dict:
    years = list(dataset.years)
    own = [None if np.isnan(value) else float(value) for value in series.values[:, district]]
    if series.measure == "share":
        area = [municipality_share(series, y) for y in range(len(years))]
        area_name = t("profile_whole_area", lang)
    else:
        totals = [municipality_total(series, y) for y in range(len(years))]
        area = [None if total is None else total / len(dataset.district_ids) for total in totals]
        area_name = t("profile_average_district", lang, **term_words(dataset, lang))
    trace = {
        "type": "scatter",
        "mode": "lines+markers",
        "x": years,
        "hovertemplate": "%{y}<extra>%{fullData.name}</extra>",
    }
    return {
        "data": [
            {**trace, "y": area, "name": area_name, "line": {"color": AREA_COLOUR, "dash": "dot"}},
            {
                **trace,
                "y": own,
                "name": dataset.district_names[district],
                "line": {"color": DISTRICT_COLOUR, "width": 3},
            },
        ],
        "layout": {
            "height": 200,
            "margin": {"l": 44, "r": 8, "t": 8, "b": 28},
            "font": {"family": FONT, "size": 12},
            "legend": {"orientation": "h", "y": -0.25},
            "xaxis": {"dtick": 1, "fixedrange": True},
            "yaxis": {"fixedrange": True, "separatethousands": True},
            "separators": ",." if lang == "da" else ".,",
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
        series = dataset.series.get((category.id, "share"))
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


def _column(dataset: Dataset, series: Series, district: int, year_index: int, from_index: int, lang: str) -> html.Div:
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
            html.H3(dataset.district_names[district]),
            _headlines(dataset, district, year_index, lang),
            html.P(district_sentence(dataset, series, year_index, district, lang, from_index), className="sentence"),
            _rank_line(dataset, series, district, year_index, lang),
            dcc.Graph(figure=_trend_figure(dataset, series, district, lang), config={"displayModeBar": False}),
            _peers(dataset, family, district, year_index, lang),
            html.P(t("profile_bars_legend", lang, district=dataset.district_names[district]), className="bars-legend"),
            *[
                part
                for part in (_composition(dataset, other, district, year_index, lang) for other in families)
                if part
            ],
        ],
    )


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
    columns = [_column(dataset, series, district, year_index, from_index, lang) for district in districts]
    children.append(
        html.Div(columns, className="profile-columns profile-columns-2" if len(columns) == 2 else "profile-columns")
    )
    return children
