"""The page's callbacks: thin server callbacks over pure functions, and the browser-side ones in assets/map.js.

Every server callback reads the controls as one ``View`` (``view.View.checked``: an unknown indicator, measure,
mode, year, district or language falls back to a default, and the page keeps working), and answers with its
outputs by name (Dash's dict form). ``select_view``, ``translate``, ``show_profile`` and ``apply_url`` are plain
functions of the dataset and those names, so tests call them directly and read what they return by name.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from functools import lru_cache, partial

from dash import ALL, ClientsideFunction, Dash, Input, Output, State, html, no_update

from data.model import Dataset
from insight.facts import facts
from layers.i18n import t
from layers.text import language
from ui import ids
from ui.controls import district_labels, dropdown_labels, mode_options
from ui.layout import TEXT_IDS, page_texts, statement_href
from ui.panels import TABLE_COLUMNS, TABLE_TEXT_IDS
from ui.profile import chosen_key, profile_panel
from ui.view import indicator_options, legend_swatch_class, map_view, measure_options
from view.view import PARAMETER_NAMES, View, ignored_notice, nearest_year_with_figures

JS_NAMESPACE = "distriktskort"
DISTRICT_PICKERS = (ids.CONTROLS_DISTRICT, ids.CONTROLS_COMPARE)
# The control that shows each of the view's parameters, in the address's order (view.view.PARAMETERS).
VIEW_CONTROLS: dict[str, str] = {
    "indicator": ids.CONTROLS_INDICATOR,
    "measure": ids.CONTROLS_MEASURE,
    "year": ids.CONTROLS_YEAR,
    "district": ids.CONTROLS_DISTRICT,
    "compare": ids.CONTROLS_COMPARE,
    "mode": ids.CONTROLS_MODE,
    "from": ids.CONTROLS_FROM,
    "lang": ids.CONTROLS_LANG,
}
assert tuple(VIEW_CONTROLS) == PARAMETER_NAMES, "every view parameter has its control, in the address's order"


def _controls(kind: type, names: tuple[str, ...] = PARAMETER_NAMES) -> dict:
    """The view's controls as named ``Input`` or ``State`` dependencies: a callback receives them as one dict."""
    return {name: kind(VIEW_CONTROLS[name], "value") for name in names}


def legend(dataset: Dataset, view: View) -> list:
    """The legend as list items: a colour swatch and what it means."""
    return [
        html.Li([html.Span(className=legend_swatch_class(colour), style={"backgroundColor": colour}), html.Span(label)])
        for colour, label in view.layer(dataset).legend(view.lang)
    ]


def description(dataset: Dataset, view: View) -> list:
    """What the chosen indicator means, in plain words, for readers who meet it for the first time."""
    indicator = dataset.indicators[view.indicator]
    text = indicator.description(view.lang) or indicator.family.description(view.lang)
    return [html.Strong(indicator.family.name(view.lang)), html.Span(f" – {text}" if text else "")]


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


def view_parts(dataset: Dataset, view: View) -> dict:
    """What the page shows for a view's map, whatever its year and districts, with every shared figure included:
    what ``select_view`` keeps per map (see ``map_only``)."""
    return {
        "map_view": map_view(dataset, view),
        "legend": legend(dataset, view),
        "measure_options": measure_options(dataset, view.indicator, view.lang),
        "description": description(dataset, view),
        "legend_note": view.legend_note(dataset),
    }


def map_only(view: View) -> View:
    """The view with what the map's data does not depend on (the year shown, the districts chosen) set aside, so
    one map's parts are worked out once however the reader moves the slider or picks districts."""
    return replace(view, year=view.from_year, district=None, compare=None)


def select_view(
    dataset: Dataset,
    controls: Mapping[str, object],
    known: object = None,
    parts: Callable[[View], dict] | None = None,
) -> dict:
    """Everything that changes when the reader picks another indicator, measure, mode, start year or language.

    ``controls`` are the view's controls by parameter name. ``parts`` makes a view's parts (``view_parts`` unless a
    cached one is given); the figures the browser already holds (``known``) are then left out of the map view it is
    sent. The year on the slider moves only when the new indicator has no figures in it: to its nearest year with
    figures.
    """
    view, _ = View.checked(dataset, controls)
    shown = (parts or partial(view_parts, dataset))(map_only(view))
    held = known_keys(known)
    sent = shown["map_view"]
    sent = {**sent, "shared": {key: figures for key, figures in sent["shared"].items() if key not in held}}
    better_year = nearest_year_with_figures(dataset, view)
    return {
        **shown,
        "map_view": sent,
        "measure": view.measure,
        "indicator": view.indicator,
        "from_disabled": not view.mode_spec.counts_from,
        "year": better_year if better_year != controls.get("year") else no_update,
    }


def translate(dataset: Dataset, lang: object) -> dict:
    """The page's fixed texts, the pickers' labels and placeholders, and the statement's link in another language;
    and the language itself, for the page's ``lang`` (which assets/page_language.js copies onto ``<html>``)."""
    lang = language(lang)
    texts = page_texts(dataset, lang)
    return {
        "texts": [texts[text_id] for text_id in TEXT_IDS],
        "indicator_options": indicator_options(dataset, lang),
        "indicator_labels": dropdown_labels(lang),
        "play_label": [t("play_label", lang)] * 2,
        "mode_options": mode_options(lang),
        "facts": [html.Li(fact) for fact in facts(dataset, lang)],
        "table_headings": [texts[TABLE_TEXT_IDS[column]] for column in TABLE_COLUMNS],
        "close_label": [texts[ids.PROFILE_CLOSE]] * 2,
        "picker_placeholders": [t("district_placeholder", lang) for _ in DISTRICT_PICKERS],
        "picker_labels": [district_labels(lang) for _ in DISTRICT_PICKERS],
        "statement_href": statement_href(lang),
        "lang": lang,
    }


def apply_url(dataset: Dataset, search: object, current: Mapping[str, object]) -> dict:
    """The controls set to the view in the address, leaving alone those already right, and a notice of what was
    ignored. A year in which the indicator has no figures becomes its nearest year with figures."""
    view, ignored = View.parse(dataset, search)
    asked = replace(view, year=nearest_year_with_figures(dataset, view)).values()
    return {
        "controls": {name: value if value != current.get(name) else no_update for name, value in asked.items()},
        "notice": ignored_notice(ignored, view.lang),
        "applied": True,
    }


def _district_index(dataset: Dataset, district_id: str | None) -> int | None:
    return dataset.district_ids.index(district_id) if district_id is not None else None


def _chosen(dataset: Dataset, view: View) -> list[int]:
    """The chosen districts' indices, first and second, each once."""
    indices = (_district_index(dataset, view.district), _district_index(dataset, view.compare))
    return list(dict.fromkeys(index for index in indices if index is not None))


def show_profile(dataset: Dataset, controls: Mapping[str, object]) -> dict:
    """The profile of the chosen district (and the one it is compared with), or nothing and the facts again."""
    view, _ = View.checked(dataset, controls)
    chosen = _chosen(dataset, view)
    if not chosen:
        return {"body": [], "profile_hidden": True, "facts_hidden": False}
    body = profile_panel(dataset, view.series(dataset), chosen, dataset.years.index(view.year),
                         dataset.years.index(view.from_year), view.lang)  # fmt: skip
    return {"body": body, "profile_hidden": False, "facts_hidden": True}


def outline_key(dataset: Dataset, controls: Mapping[str, object]) -> list:
    """The key beside the map to the chosen districts' outlines, first and second as the profile orders them."""
    view, _ = View.checked(dataset, controls)
    return chosen_key(dataset, _chosen(dataset, view), view.lang)


def register(app: Dash, dataset: Dataset) -> None:
    """Bind the callbacks to ``app`` for one loaded dataset."""
    # The dataset never changes, so a map once worked out is kept (a few dozen: a map of 2,000 districts is about
    # 1 MB of Python objects).
    cached_parts = lru_cache(maxsize=VIEWS_KEPT)(partial(view_parts, dataset))
    chosen_view = ("indicator", "measure", "lang", "mode", "from")

    @app.callback(
        output={
            "map_view": Output(ids.MAP_VIEW, "data"),
            "legend": Output(ids.MAP_LEGEND, "children"),
            "measure_options": Output(ids.CONTROLS_MEASURE, "options"),
            "measure": Output(ids.CONTROLS_MEASURE, "value"),
            "description": Output(ids.CONTROLS_DESCRIPTION, "children"),
            "indicator": Output(ids.CONTROLS_INDICATOR, "value"),
            "legend_note": Output(ids.MAP_LEGEND_NOTE, "children"),
            "from_disabled": Output(ids.CONTROLS_FROM, "disabled"),
            "year": Output(ids.CONTROLS_YEAR, "value", allow_duplicate=True),
        },
        inputs={"controls": _controls(Input, chosen_view)},
        state={"known": State(ids.KNOWN_SERIES, "data"), "year": State(ids.CONTROLS_YEAR, "value")},
        prevent_initial_call="initial_duplicate",
    )
    def _select_view(controls, known, year):
        return select_view(dataset, {**controls, "year": year}, known, cached_parts)

    @app.callback(
        output={
            "texts": [Output(text_id, "children") for text_id in TEXT_IDS],
            "indicator_options": Output(ids.CONTROLS_INDICATOR, "options"),
            "indicator_labels": Output(ids.CONTROLS_INDICATOR, "labels"),
            # The play button's text is a symbol, so it is named in words, and so is the close button's.
            "play_label": [Output(ids.CONTROLS_PLAY, "title"), Output(ids.CONTROLS_PLAY, "aria-label")],
            "mode_options": Output(ids.CONTROLS_MODE, "options"),
            "facts": Output(ids.FACTS_LIST, "children"),
            "table_headings": Output({"type": ids.TABLE_HEADING, "index": ALL}, "children"),
            "close_label": [Output(ids.PROFILE_CLOSE, "title"), Output(ids.PROFILE_CLOSE, "aria-label")],
            "picker_placeholders": [Output(picker, "placeholder") for picker in DISTRICT_PICKERS],
            "picker_labels": [Output(picker, "labels") for picker in DISTRICT_PICKERS],
            "statement_href": Output(ids.PAGE_STATEMENT, "href"),
            "lang": Output(ids.PAGE, "lang"),
        },
        inputs={"lang": Input(ids.CONTROLS_LANG, "value")},
    )
    def _translate(lang):
        return translate(dataset, lang)

    @app.callback(
        output={
            "body": Output(ids.PROFILE_BODY, "children"),
            "profile_hidden": Output(ids.PROFILE, "hidden"),
            "facts_hidden": Output(ids.FACTS, "hidden"),
        },
        inputs={
            "chosen": _controls(Input, ("district", "compare")),
            "shown": Input(ids.PROFILE_YEAR, "data"),  # year and view, forwarded only while a profile is open
        },
        state={"controls": _controls(State, ("indicator", "measure", "from", "lang"))},
    )
    def _show_profile(chosen, shown, controls):
        year = shown.get("year") if isinstance(shown, dict) else None
        return show_profile(dataset, {**controls, **chosen, "year": year})

    @app.callback(
        Output(ids.MAP_CHOSEN_KEY, "children"),
        inputs={"controls": _controls(Input, ("district", "compare", "lang"))},
    )
    def _outline_key(controls):
        return outline_key(dataset, controls)

    @app.callback(
        output={
            "controls": {
                name: Output(control, "value", allow_duplicate=True) for name, control in VIEW_CONTROLS.items()
            },
            "notice": Output(ids.PAGE_NOTICE, "children"),
            "applied": Output(ids.URL_APPLIED, "data"),
        },
        inputs={"search": Input(ids.URL_REQUEST, "data")},
        state={"current": _controls(State)},
        prevent_initial_call=True,
    )
    def _apply_url(search, current):
        return apply_url(dataset, search, current)

    _register_browser_side(app)


def _register_browser_side(app: Dash) -> None:
    def clientside(function: str, *dependencies, **options) -> None:
        app.clientside_callback(ClientsideFunction(JS_NAMESPACE, function), *dependencies, **options)

    clientside(
        "renderYear",
        Output(ids.MAP_TITLE, "children"),  # and, drawn by the browser itself, the ranking and the table's rows
        Output(ids.MAP_SENTENCE, "children"),
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
        *_controls(Input).values(),
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
