"""The page's callbacks: thin server callbacks over pure functions, and the browser-side ones in assets/map.js.

``select_view``, ``translate`` and ``show_profile`` are plain functions of the dataset and the inputs, so tests call
them directly. ``register`` binds them to an app. Anything a browser sends is checked: an unknown indicator,
measure, mode, year, district or language falls back to a default, and the page keeps working.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, partial

from dash import ALL, ClientsideFunction, Dash, Input, Output, State, html, no_update

from data.model import Dataset
from insight.facts import facts
from layers.i18n import language, t
from ui import ids
from ui.controls import district_labels, dropdown_labels, mode_options, nearest_year_with_figures
from ui.layout import TEXT_IDS, page_texts, statement_href
from ui.modes import MODES
from ui.panels import TABLE_COLUMNS, TABLE_TEXT_IDS
from ui.profile import chosen_key, profile_panel
from ui.url_state import VIEW_PARAMETERS, parse_view
from ui.view import (
    indicator_options,
    legend_items,
    legend_swatch_class,
    map_view,
    measure_options,
    resolve_mode,
    resolve_selection,
    resolve_year,
    view_layer,
)

JS_NAMESPACE = "distriktskort"
DISTRICT_PICKERS = (ids.CONTROLS_DISTRICT, ids.CONTROLS_COMPARE)


def legend(dataset: Dataset, indicator_id: str, measure: str, mode: str, from_year: int, lang: str) -> list:
    """The legend as list items: a colour swatch and what it means."""
    layer = view_layer(dataset, indicator_id, measure, mode, from_year)
    return [
        html.Li([html.Span(className=legend_swatch_class(colour), style={"backgroundColor": colour}), html.Span(label)])
        for colour, label in legend_items(layer, lang)
    ]


def description(dataset: Dataset, indicator_id: str, lang: str) -> list:
    """What the chosen indicator means, in plain words, for readers who meet it for the first time."""
    indicator = dataset.indicators[indicator_id]
    text = indicator.description(lang) or indicator.family.description(lang)
    return [html.Strong(indicator.family.name(lang)), html.Span(f" – {text}" if text else "")]


VIEWS_KEPT = 32
MAX_KNOWN = 64  # the browser reports at most 48 shared figures (assets/figures.js, SHARED_REPORT); more is junk


def known_keys(known: object) -> frozenset[str]:
    """The shared figures the browser says it holds; anything but a short list of short strings counts as none.

    >>> sorted(known_keys(["12:ab", 7, "x" * 99])), known_keys("nonsense"), len(known_keys(["k"] * 10_000))
    (['12:ab'], frozenset(), 0)
    """
    if not isinstance(known, list) or len(known) > MAX_KNOWN:
        return frozenset()
    return frozenset(key for key in known if isinstance(key, str) and len(key) <= 40)


def view_parts(dataset: Dataset, indicator_id: str, measure: str, lang: str, mode: str, from_year: int) -> tuple:
    """A resolved view's parts, with every shared figure included: what ``select_view`` keeps per view."""
    return (
        map_view(dataset, indicator_id, measure, lang, mode, from_year),
        legend(dataset, indicator_id, measure, mode, from_year, lang),
        measure_options(dataset, indicator_id, lang),
        description(dataset, indicator_id, lang),
        MODES[mode].legend_note(dataset, from_year, lang),
    )


def select_view(
    dataset: Dataset,
    indicator_id: object,
    measure: object,
    lang: object,
    mode: object = None,
    from_year: object = None,
    known: object = None,
    parts: Callable[..., tuple] | None = None,
    year: object = None,
) -> tuple:
    """Everything that changes when the reader picks another indicator, measure, mode, start year or language.

    ``parts`` makes a resolved view's parts (``view_parts`` unless a cached one is given); the figures the browser
    already holds (``known``) are then left out of the view it is sent. The year on the slider moves only when the
    new indicator has no figures in it: to its nearest year with figures.
    """
    lang = language(lang)
    indicator_id, measure = resolve_selection(dataset, indicator_id, measure)
    mode, from_year = resolve_mode(dataset, mode, from_year)
    view, legend_items, options, text, note = (parts or partial(view_parts, dataset))(
        indicator_id, measure, lang, mode, from_year
    )
    held = known_keys(known)
    view = {**view, "shared": {key: figures for key, figures in view["shared"].items() if key not in held}}
    shown_year = resolve_year(dataset, year)
    better_year = nearest_year_with_figures(dataset, indicator_id, measure, shown_year)
    moved = better_year if better_year != year else no_update
    return view, legend_items, options, measure, text, indicator_id, note, mode == "value", moved


def translate(dataset: Dataset, lang: object) -> tuple:
    """The page's fixed texts, the pickers' labels and placeholders, and the statement's link in another language;
    last, the language itself, for the page's ``lang`` (which assets/page_language.js copies onto ``<html>``)."""
    lang = language(lang)
    texts = page_texts(dataset, lang)
    return (
        *(texts[text_id] for text_id in TEXT_IDS),
        indicator_options(dataset, lang),
        dropdown_labels(lang),
        t("play_label", lang),
        t("play_label", lang),
        mode_options(lang),
        [html.Li(fact) for fact in facts(dataset, lang)],
        [texts[TABLE_TEXT_IDS[column]] for column in TABLE_COLUMNS],
        texts[ids.PROFILE_CLOSE],
        texts[ids.PROFILE_CLOSE],
        *(t("district_placeholder", lang) for _ in DISTRICT_PICKERS),
        *(district_labels(lang) for _ in DISTRICT_PICKERS),
        statement_href(lang),
        lang,
    )


def apply_url(dataset: Dataset, search: object, current: tuple) -> tuple:
    """The controls set to the view in the address, leaving alone those already right, and a notice of what was
    ignored. A year in which the indicator has no figures becomes its nearest year with figures."""
    parsed = parse_view(dataset, search)
    indicator_id, measure = resolve_selection(dataset, parsed.values["indicator"], parsed.values["measure"])
    asked = {**parsed.values, "year": nearest_year_with_figures(dataset, indicator_id, measure, parsed.values["year"])}
    values = [asked[parameter.name] for parameter in VIEW_PARAMETERS]
    changed = [value if value != now else no_update for value, now in zip(values, current, strict=True)]
    return (*changed, parsed.notice(language(parsed.values["lang"])), True)


def _district_index(dataset: Dataset, district_id: object) -> int | None:
    return (
        dataset.district_ids.index(district_id)
        if isinstance(district_id, str) and district_id in dataset.district_ids
        else None
    )


def show_profile(
    dataset: Dataset,
    district: object,
    compare: object,
    indicator_id: object,
    measure: object,
    year: object,
    from_year: object,
    lang: object,
) -> tuple:
    """The profile of the chosen district (and the one it is compared with), or nothing and the facts again."""
    chosen = [
        index for index in (_district_index(dataset, district), _district_index(dataset, compare)) if index is not None
    ]
    chosen = list(dict.fromkeys(chosen))
    if not chosen:
        return [], True, False
    lang = language(lang)
    indicator_id, measure = resolve_selection(dataset, indicator_id, measure)
    _, from_year = resolve_mode(dataset, None, from_year)
    year_index = dataset.years.index(resolve_year(dataset, year))
    series = dataset.series[indicator_id, measure]
    return profile_panel(dataset, series, chosen, year_index, dataset.years.index(from_year), lang), False, True


def outline_key(dataset: Dataset, district: object, compare: object, lang: object) -> list:
    """The key beside the map to the chosen districts' outlines, first and second as the profile orders them."""
    chosen = [_district_index(dataset, district), _district_index(dataset, compare)]
    return chosen_key(dataset, list(dict.fromkeys(index for index in chosen if index is not None)), language(lang))


def register(app: Dash, dataset: Dataset) -> None:
    """Bind the callbacks to ``app`` for one loaded dataset."""
    # The dataset never changes, so a view once worked out is kept (a few dozen: a view of 2,000 districts is
    # about 1 MB of Python objects).
    cached_parts = lru_cache(maxsize=VIEWS_KEPT)(partial(view_parts, dataset))

    @app.callback(
        Output(ids.MAP_VIEW, "data"),
        Output(ids.MAP_LEGEND, "children"),
        Output(ids.CONTROLS_MEASURE, "options"),
        Output(ids.CONTROLS_MEASURE, "value"),
        Output(ids.CONTROLS_DESCRIPTION, "children"),
        Output(ids.CONTROLS_INDICATOR, "value"),
        Output(ids.MAP_LEGEND_NOTE, "children"),
        Output(ids.CONTROLS_FROM, "disabled"),
        Output(ids.CONTROLS_YEAR, "value", allow_duplicate=True),
        Input(ids.CONTROLS_INDICATOR, "value"),
        Input(ids.CONTROLS_MEASURE, "value"),
        Input(ids.CONTROLS_LANG, "value"),
        Input(ids.CONTROLS_MODE, "value"),
        Input(ids.CONTROLS_FROM, "value"),
        State(ids.KNOWN_SERIES, "data"),
        State(ids.CONTROLS_YEAR, "value"),
        prevent_initial_call="initial_duplicate",
    )
    def _select_view(indicator_id, measure, lang, mode, from_year, known, year):
        return select_view(dataset, indicator_id, measure, lang, mode, from_year, known, cached_parts, year)

    @app.callback(
        *(Output(text_id, "children") for text_id in TEXT_IDS),
        Output(ids.CONTROLS_INDICATOR, "options"),
        Output(ids.CONTROLS_INDICATOR, "labels"),
        Output(ids.CONTROLS_PLAY, "title"),
        Output(ids.CONTROLS_PLAY, "aria-label"),  # its text is a symbol, so it is named by words
        Output(ids.CONTROLS_MODE, "options"),
        Output(ids.FACTS_LIST, "children"),
        Output({"type": ids.TABLE_HEADING, "index": ALL}, "children"),
        Output(ids.PROFILE_CLOSE, "title"),
        Output(ids.PROFILE_CLOSE, "aria-label"),
        *(Output(picker, "placeholder") for picker in DISTRICT_PICKERS),
        *(Output(picker, "labels") for picker in DISTRICT_PICKERS),
        Output(ids.PAGE_STATEMENT, "href"),
        Output(ids.PAGE, "lang"),
        Input(ids.CONTROLS_LANG, "value"),
    )
    def _translate(lang):
        return translate(dataset, lang)

    @app.callback(
        Output(ids.PROFILE_BODY, "children"),
        Output(ids.PROFILE, "hidden"),
        Output(ids.FACTS, "hidden"),
        Input(ids.CONTROLS_DISTRICT, "value"),
        Input(ids.CONTROLS_COMPARE, "value"),
        Input(ids.PROFILE_YEAR, "data"),  # year and view, forwarded by the browser only while a profile is open
        State(ids.CONTROLS_INDICATOR, "value"),
        State(ids.CONTROLS_MEASURE, "value"),
        State(ids.CONTROLS_FROM, "value"),
        State(ids.CONTROLS_LANG, "value"),
    )
    def _show_profile(district, compare, shown, indicator_id, measure, from_year, lang):
        year = shown.get("year") if isinstance(shown, dict) else None
        return show_profile(dataset, district, compare, indicator_id, measure, year, from_year, lang)

    @app.callback(
        Output(ids.MAP_CHOSEN_KEY, "children"),
        Input(ids.CONTROLS_DISTRICT, "value"),
        Input(ids.CONTROLS_COMPARE, "value"),
        Input(ids.CONTROLS_LANG, "value"),
    )
    def _outline_key(district, compare, lang):
        return outline_key(dataset, district, compare, lang)

    @app.callback(
        *(Output(parameter.control, "value", allow_duplicate=True) for parameter in VIEW_PARAMETERS),
        Output(ids.PAGE_NOTICE, "children"),
        Output(ids.URL_APPLIED, "data"),
        Input(ids.URL_REQUEST, "data"),
        *(State(parameter.control, "value") for parameter in VIEW_PARAMETERS),
        prevent_initial_call=True,
    )
    def _apply_url(search, *current):
        return apply_url(dataset, search, current)

    _register_browser_side(app)


def _register_browser_side(app: Dash) -> None:
    def clientside(function: str, *dependencies, **options) -> None:
        app.clientside_callback(ClientsideFunction(JS_NAMESPACE, function), *dependencies, **options)

    clientside(
        "renderYear",
        Output(ids.RANKING_LIST, "children"),
        Output(ids.MAP_TITLE, "children"),
        Output(ids.MAP_SENTENCE, "children"),
        Output(ids.TABLE_BODY, "children"),
        Input(ids.CONTROLS_YEAR, "value"),
        Input(ids.MAP_VIEW, "data"),
        Input(ids.CONTROLS_DISTRICT, "value"),
        Input(ids.CONTROLS_COMPARE, "value"),
        Input(ids.TABLE_SORT, "data"),
        Input(ids.TABLE_OPEN, "data"),
        State(ids.MAP_SETUP, "data"),
    )
    # <html lang> and the map's canvas label follow the language switch (assets/page_language.js); no output.
    clientside("followLanguage", Input(ids.CONTROLS_LANG, "value"), State(ids.MAP_SETUP, "data"))
    # The map is made while the first view is still on its way (the output is untouched: no_update).
    clientside("prepareMap", Output(ids.MAP_GRAPH, "className"), Input(ids.MAP_SETUP, "data"))
    # A large dataset's district pickers list the names that match what is typed (ui/controls.py, PICKER_ALL).
    for picker in (ids.CONTROLS_DISTRICT, ids.CONTROLS_COMPARE):
        clientside(
            "districtOptions",
            Output(picker, "options"),
            Input(picker, "search_value"),
            Input(picker, "value"),
            State(ids.MAP_SETUP, "data"),
            prevent_initial_call=True,
        )
    # Which shared figures the browser holds, so the server sends each only once (ui.view.Shared).
    clientside("knownSeries", Output(ids.KNOWN_SERIES, "data"), Input(ids.MAP_VIEW, "data"))
    # The profile follows the year only while it is open, so a closed profile costs the slider nothing.
    clientside(
        "profileYear",
        Output(ids.PROFILE_YEAR, "data"),
        Input(ids.CONTROLS_YEAR, "value"),
        Input(ids.CONTROLS_DISTRICT, "value"),
        Input(ids.CONTROLS_COMPARE, "value"),
        Input(ids.MAP_VIEW, "modified_timestamp"),
    )
    clientside(
        "chooseDistrict",
        Output(ids.CONTROLS_DISTRICT, "value"),
        Output(ids.CONTROLS_COMPARE, "value"),
        Input(ids.DISTRICT_PICK, "data"),
        Input({"type": ids.PROFILE_PEER, "index": ALL}, "n_clicks"),
        Input(ids.PROFILE_CLOSE, "n_clicks"),
        State(ids.CONTROLS_DISTRICT, "value"),
        State(ids.CONTROLS_COMPARE, "value"),
        prevent_initial_call=True,
    )
    clientside(
        "sortTable",
        Output(ids.TABLE_SORT, "data"),
        Input({"type": ids.TABLE_HEADING, "index": ALL}, "n_clicks"),
        State(ids.TABLE_SORT, "data"),
        prevent_initial_call=True,
    )
    # The view in the address: read it when the page opens and on Back and Forward, write it on every change.
    clientside("gateUrl", Output(ids.URL_REQUEST, "data"), Input(ids.PAGE_URL, "search"))
    # /embed is the same page with everything but the map, its caption, legend, year slider and source hidden.
    clientside("pageMode", Output(ids.PAGE, "className"), Input(ids.PAGE_URL, "pathname"))
    clientside("embedCode", Output(ids.EMBED_CODE, "value"), Input(ids.PAGE_URL, "search"))
    # The alt text for a downloaded picture is the sentence that says what the map shows.
    clientside("altText", Output(ids.ALT_TEXT, "value"), Input(ids.MAP_SENTENCE, "children"))
    clientside(
        "exportLinks",
        Output({"type": ids.EXPORT_LINK, "index": ALL}, "href"),
        Input(ids.PAGE_URL, "search"),
        State({"type": ids.EXPORT_LINK, "index": ALL}, "id"),
    )
    clientside(
        "writeUrl",
        Output(ids.PAGE_URL, "search"),
        *(Input(parameter.control, "value") for parameter in VIEW_PARAMETERS),
        State(ids.URL_APPLIED, "data"),  # the address is only written once the one the page opened with is read
        prevent_initial_call=True,
    )
    clientside(
        "togglePlay",
        Output(ids.CONTROLS_TICKER, "disabled"),
        Output(ids.CONTROLS_PLAY, "children"),
        Output(ids.CONTROLS_PLAY, "aria-pressed"),
        Input(ids.CONTROLS_PLAY, "n_clicks"),
        State(ids.CONTROLS_TICKER, "disabled"),
        prevent_initial_call=True,
    )
    clientside(
        "nextYear",
        Output(ids.CONTROLS_YEAR, "value"),
        Input(ids.CONTROLS_TICKER, "n_intervals"),
        State(ids.CONTROLS_YEAR, "value"),
        State(ids.MAP_SETUP, "data"),  # its years: playing skips the years the dataset lacks
        prevent_initial_call=True,
    )
