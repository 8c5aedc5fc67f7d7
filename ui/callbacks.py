"""The page's callbacks: thin server callbacks over pure functions, and the browser-side ones in assets/map.js.

``select_view`` and ``translate`` are plain functions of the dataset and the inputs, so tests call them directly.
``register`` binds them to an app. Anything a browser sends is checked: an unknown indicator, measure, year or
language falls back to a default, and the page keeps working.
"""

from __future__ import annotations

from dash import ClientsideFunction, Dash, Input, Output, State, html

from data.model import Dataset
from ui import ids
from ui.i18n import language, t
from ui.layout import TEXT_IDS, dropdown_labels, page_texts
from ui.view import indicator_options, legend_items, map_view, measure_options, resolve_selection

JS_NAMESPACE = "distriktskort"


def legend(dataset: Dataset, indicator_id: str, measure: str, lang: str) -> list:
    """The legend as list items: a colour swatch and what it means."""
    series = dataset.series[indicator_id, measure]
    return [
        html.Li([html.Span(className="swatch", style={"backgroundColor": colour}), html.Span(label)])
        for colour, label in legend_items(dataset, series, lang)
    ]


def description(dataset: Dataset, indicator_id: str, lang: str) -> list:
    """What the chosen indicator means, in plain words, for readers who meet it for the first time."""
    indicator = dataset.indicators[indicator_id]
    text = indicator.description(lang) or indicator.family.description(lang)
    return [html.Strong(indicator.family.name(lang)), html.Span(f" – {text}" if text else "")]


def select_view(dataset: Dataset, indicator_id: object, measure: object, lang: object) -> tuple:
    """Everything that changes when the reader picks another indicator, measure or language."""
    lang = language(lang)
    indicator_id, measure = resolve_selection(dataset, indicator_id, measure)
    return (
        map_view(dataset, indicator_id, measure, lang),
        legend(dataset, indicator_id, measure, lang),
        measure_options(dataset, indicator_id, lang),
        measure,
        description(dataset, indicator_id, lang),
        indicator_id,
    )


def translate(dataset: Dataset, lang: object) -> tuple:
    """The page's fixed texts and the picker's labels in another language."""
    lang = language(lang)
    texts = page_texts(dataset, lang)
    return (
        *(texts[text_id] for text_id in TEXT_IDS),
        indicator_options(dataset, lang),
        dropdown_labels(lang),
        t("play_label", lang),
        lang,
    )


def register(app: Dash, dataset: Dataset) -> None:
    """Bind the callbacks to ``app`` for one loaded dataset."""

    @app.callback(
        Output(ids.MAP_VIEW, "data"),
        Output(ids.MAP_LEGEND, "children"),
        Output(ids.CONTROLS_MEASURE, "options"),
        Output(ids.CONTROLS_MEASURE, "value"),
        Output(ids.CONTROLS_DESCRIPTION, "children"),
        Output(ids.CONTROLS_INDICATOR, "value"),
        Input(ids.CONTROLS_INDICATOR, "value"),
        Input(ids.CONTROLS_MEASURE, "value"),
        Input(ids.CONTROLS_LANG, "value"),
    )
    def _select_view(indicator_id, measure, lang):
        return select_view(dataset, indicator_id, measure, lang)

    @app.callback(
        *(Output(text_id, "children") for text_id in TEXT_IDS),
        Output(ids.CONTROLS_INDICATOR, "options"),
        Output(ids.CONTROLS_INDICATOR, "labels"),
        Output(ids.CONTROLS_PLAY, "title"),
        Output(ids.PAGE, "lang"),
        Input(ids.CONTROLS_LANG, "value"),
    )
    def _translate(lang):
        return translate(dataset, lang)

    app.clientside_callback(
        ClientsideFunction(JS_NAMESPACE, "renderYear"),
        Output(ids.MAP_GRAPH, "figure"),
        Output(ids.RANKING_GRAPH, "figure"),
        Output(ids.MAP_TITLE, "children"),
        Input(ids.CONTROLS_YEAR, "value"),
        Input(ids.MAP_VIEW, "data"),
        State(ids.MAP_GRAPH, "figure"),
        State(ids.RANKING_GRAPH, "figure"),
    )
    app.clientside_callback(
        ClientsideFunction(JS_NAMESPACE, "languageFromUrl"),
        Output(ids.CONTROLS_LANG, "value"),
        Input(ids.PAGE_URL, "search"),
        State(ids.CONTROLS_LANG, "value"),
    )
    app.clientside_callback(
        ClientsideFunction(JS_NAMESPACE, "togglePlay"),
        Output(ids.CONTROLS_TICKER, "disabled"),
        Output(ids.CONTROLS_PLAY, "children"),
        Output(ids.CONTROLS_PLAY, "aria-pressed"),
        Input(ids.CONTROLS_PLAY, "n_clicks"),
        State(ids.CONTROLS_TICKER, "disabled"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        ClientsideFunction(JS_NAMESPACE, "nextYear"),
        Output(ids.CONTROLS_YEAR, "value"),
        Input(ids.CONTROLS_TICKER, "n_intervals"),
        State(ids.CONTROLS_YEAR, "value"),
        State(ids.CONTROLS_YEAR, "min"),
        State(ids.CONTROLS_YEAR, "max"),
        prevent_initial_call=True,
    )
