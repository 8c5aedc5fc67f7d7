"""A district up close: headline numbers, where it stands, how it changed, its peers, and every family's make-up.

Built as plain components from pure analysis, so a test can read it and a screen reader can follow it. With a
second district chosen, both are shown side by side with sentences naming their largest differences.
"""

from __future__ import annotations

import json
from urllib.parse import urlencode

import numpy as np
from dash import html

from data.model import Dataset, Series
from insight.analysis import municipality_share, rank_in_year, similar_districts
from insight.sentences import compare_sentences, district_sentence, ordinal, rank_phrase
from layers.families import FAMILIES, Family
from layers.i18n import format_value, t
from layers.look import CHOSEN_COLOURS
from layers.registry import COUNT, SHARE
from layers.status import SHOWN
from ui import ids
from ui.citing import press_note_details
from ui.controls import PICKER_ALL
from ui.trend import trend

HEADLINES = ("residents", "households", "workplaces")
BARS_ATTRIBUTE = "data-bars"  # read by assets/profile_bars.js
STRIP_ATTRIBUTE = "data-strip"  # read by assets/profile_bars.js
STRIP_NAMED = PICKER_ALL  # up to as many districts as the pickers list whole, every strip dot names its district
STRIP_PLACES = 200  # above it, the places across the strip the other districts' dots are drawn at, once each


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


def _strip_dots(dataset: Dataset, series: Series, values: np.ndarray, district: int, lang: str) -> list[list]:
    """A dot per district on the strip from the lowest figure to the highest, as [left in %, its district's name
    and figure or None, whether it is the chosen one]; ``assets/profile_bars.js`` draws them (as Dash components,
    each dot cost Dash time to render). Above STRIP_NAMED districts the others' dots are drawn once per place
    (STRIP_PLACES across the strip) and unnamed: thousands of dots cannot be told apart by pointing."""
    low, high = np.nanmin(values), np.nanmax(values)
    at = (values - low) / ((high - low) or 1.0) * 100
    shown = np.flatnonzero(~np.isnan(values))

    def dot(other: int, left: float) -> list:
        named = other == district or len(shown) <= STRIP_NAMED
        title = f"{dataset.district_names[other]}: {format_value(values[other], series.unit, lang)}" if named else None
        return [round(float(left), 1), title, bool(other == district)]

    if len(shown) <= STRIP_NAMED:
        return [dot(other, at[other]) for other in shown]
    places = np.round(at[shown[shown != district]] * STRIP_PLACES / 100)
    firsts = np.unique(places, return_index=True)[1]
    others = [
        dot(other, place * 100 / STRIP_PLACES)
        for other, place in zip(shown[shown != district][firsts], places[firsts], strict=True)
    ]
    return [*others, dot(district, at[district])]


def _rank_line(dataset: Dataset, series: Series, district: int, year_index: int, lang: str) -> html.Div:
    rank = rank_in_year(series, year_index, district)
    values = np.where(series.status[year_index] == SHOWN.code, series.values[year_index], np.nan)
    if rank is None or np.isnan(values).all():
        return html.Div()
    low, high = np.nanmin(values), np.nanmax(values)
    dots = _strip_dots(dataset, series, values, district, lang)
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
            html.Div(
                className="strip",
                role="img",
                **{"aria-label": words, STRIP_ATTRIBUTE: json.dumps(dots, ensure_ascii=False)},
            ),
            html.Div(
                [html.Span(format_value(low, series.unit, lang)), html.Span(format_value(high, series.unit, lang))],
                className="strip-ends",
            ),
        ],
    )


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


def _composition(dataset: Dataset, family: Family, district: int, year_index: int, lang: str) -> dict | None:
    """One family's make-up in the district and in the whole municipality: per category its name, and each bar's
    width (a percentage) and figure as written."""
    rows = []
    for category in family.categories:
        series = dataset.series.get((category.id, SHARE.id))
        if series is None:
            continue
        own = series.values[year_index, district]
        area = municipality_share(series, year_index)
        own_text = format_value(own, series.unit, lang) if not np.isnan(own) else t("ranking_value_suppressed", lang)
        area_text = format_value(area, series.unit, lang) if area is not None else "–"
        own_width, area_width = (0 if np.isnan(own) else min(own, 100)), min(area or 0, 100)
        rows.append([category.name(lang), round(float(own_width), 1), own_text, round(float(area_width), 1), area_text])
    return {"name": family.name(lang), "rows": rows} if rows else None


def _compositions(dataset: Dataset, families: list[Family], district: int, year_index: int, lang: str) -> html.Div:
    """Every family's make-up as bars, drawn by assets/profile_bars.js from the figures in ``data-bars``: as Dash
    components they were 400 of a profile's 520, and Dash took seconds to render them (issue 15)."""
    parts = [part for part in (_composition(dataset, other, district, year_index, lang) for other in families) if part]
    return html.Div(className="compositions", **{BARS_ATTRIBUTE: json.dumps(parts, ensure_ascii=False)})


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
            trend(dataset, series, [district], lang) if chart else None,
            _peers(dataset, family, district, year_index, lang),
            press_note_details(dataset, district, lang),  # the district's largest changes, to copy (ui/citing.py)
            html.P(t("profile_bars_legend", lang, district=dataset.district_names[district]), className="bars-legend"),
            _compositions(dataset, families, district, year_index, lang),
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
        children.append(trend(dataset, series, districts, lang))
    children.append(_picture_link(dataset, series, districts, year_index, from_index, lang))
    chart = len(districts) < 2
    columns = [_column(dataset, series, district, year_index, from_index, lang, chart) for district in districts]
    children.append(
        html.Div(columns, className="profile-columns profile-columns-2" if len(columns) == 2 else "profile-columns")
    )
    return children
