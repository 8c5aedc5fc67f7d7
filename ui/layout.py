"""The page: header, controls, the map with its caption and legend, and the ranking beside it."""

from __future__ import annotations

from dash import dcc, html

from data.model import Dataset
from layers.text import LANGUAGES
from ui import ids
from ui.figure import map_figure, ranking_figure
from ui.i18n import t
from ui.view import indicator_options, measure_options, resolve_selection

LANGUAGE_NAMES = {"da": "Dansk", "en": "English"}
PLAY_INTERVAL_MS = 1400
GRAPH_CONFIG = {"displaylogo": False, "responsive": True, "modeBarButtonsToRemove": ["select2d", "lasso2d", "toImage"]}


def page_texts(dataset: Dataset, lang: str) -> dict[str, str]:
    """Every fixed text on the page by component id, so one callback can switch them all to another language."""
    info = dataset.info
    first, last = dataset.years[0], dataset.years[-1]
    source = t("source", lang, source=info.source or "–", licence=info.licence or "–")
    if info.fictional:
        source = f"{source} {t('fictional_note', lang)}"
    return {
        ids.HEADER_TAGLINE: t("tagline", lang, term=info.district_term(lang)),
        ids.HEADER_FICTIONAL: t("fictional_badge", lang) if info.fictional else "",
        ids.CONTROLS_LANG_LABEL: t("language_label", lang),
        ids.CONTROLS_INDICATOR_LABEL: t("indicator_label", lang),
        ids.CONTROLS_MEASURE_LABEL: t("measure_label", lang),
        ids.CONTROLS_YEAR_LABEL: t("year_label", lang),
        ids.CONTROLS_HELP: t("help", lang),
        ids.MAP_SUBTITLE: t(
            "subtitle",
            lang,
            area=info.area_name,
            count=len(dataset.district_ids),
            districts=info.district_term_plural(lang),
            date=info.reference_date(lang) or "–",
        ),
        ids.MAP_LEGEND_TITLE: t("legend_title", lang),
        ids.MAP_LEGEND_NOTE: t("legend_fixed", lang, first=first, last=last),
        ids.MAP_SOURCE: source,
        ids.RANKING_TITLE: t("ranking_title", lang),
    }


TEXT_IDS = (
    ids.HEADER_TAGLINE, ids.HEADER_FICTIONAL, ids.CONTROLS_LANG_LABEL, ids.CONTROLS_INDICATOR_LABEL,
    ids.CONTROLS_MEASURE_LABEL, ids.CONTROLS_YEAR_LABEL, ids.CONTROLS_HELP, ids.MAP_SUBTITLE,
    ids.MAP_LEGEND_TITLE, ids.MAP_LEGEND_NOTE, ids.MAP_SOURCE, ids.RANKING_TITLE,
)  # fmt: skip


def dropdown_labels(lang: str) -> dict[str, str]:
    """The indicator picker's own interface texts, which Dash would otherwise show in English."""
    return {
        "search": t("dropdown_search", lang),
        "clear_search": t("dropdown_clear_search", lang),
        "no_options_found": t("dropdown_no_options", lang),
    }


def _labelled(label_id: str, text: str, control, html_for: str | None = None) -> html.Div:
    return html.Div(className="control", children=[html.Label(text, id=label_id, htmlFor=html_for), control])


def _header(dataset: Dataset, texts: dict[str, str], lang: str) -> html.Header:
    return html.Header(
        className="page-header",
        children=[
            html.Div(
                className="brand",
                children=[
                    html.H1([t("app_name", lang), html.Span(f" · {dataset.info.area_name}", className="area")]),
                    html.P(texts[ids.HEADER_TAGLINE], id=ids.HEADER_TAGLINE, className="tagline"),
                ],
            ),
            html.P(
                texts[ids.HEADER_FICTIONAL],
                id=ids.HEADER_FICTIONAL,
                className="badge-fictional",
                hidden=not dataset.info.fictional,
            ),
            html.Div(
                className="language",
                children=[
                    html.Span(texts[ids.CONTROLS_LANG_LABEL], id=ids.CONTROLS_LANG_LABEL, className="visually-hidden"),
                    dcc.RadioItems(
                        id=ids.CONTROLS_LANG,
                        options=[{"label": LANGUAGE_NAMES[code], "value": code} for code in LANGUAGES],
                        value=lang,
                        inline=True,
                        className="language-switch",
                    ),
                ],
            ),
        ],
    )


def _controls(dataset: Dataset, texts: dict[str, str], lang: str) -> html.Section:
    years = dataset.years
    return html.Section(
        className="panel panel-controls",
        children=[
            _labelled(
                ids.CONTROLS_INDICATOR_LABEL,
                texts[ids.CONTROLS_INDICATOR_LABEL],
                dcc.Dropdown(
                    id=ids.CONTROLS_INDICATOR,
                    options=indicator_options(dataset, lang),
                    value=dataset.info.default_indicator,
                    clearable=False,
                    searchable=True,
                    search_order="original",
                    labels=dropdown_labels(lang),
                    maxHeight=420,
                ),
                html_for=ids.CONTROLS_INDICATOR,
            ),
            _labelled(
                ids.CONTROLS_MEASURE_LABEL,
                texts[ids.CONTROLS_MEASURE_LABEL],
                dcc.RadioItems(
                    id=ids.CONTROLS_MEASURE,
                    options=measure_options(dataset, dataset.info.default_indicator, lang),
                    value=resolve_selection(dataset, dataset.info.default_indicator, dataset.info.default_measure)[1],
                    className="measure-switch",
                ),
            ),
            _labelled(
                ids.CONTROLS_YEAR_LABEL,
                texts[ids.CONTROLS_YEAR_LABEL],
                html.Div(
                    className="year-row",
                    children=[
                        html.Button("▶", id=ids.CONTROLS_PLAY, className="play", n_clicks=0, title=""),
                        dcc.Slider(
                            id=ids.CONTROLS_YEAR,
                            min=years[0],
                            max=years[-1],
                            step=1,
                            value=dataset.info.default_year,
                            marks={year: str(year) for year in years},
                            updatemode="drag",
                            className="year-slider",
                        ),
                    ],
                ),
            ),
            html.Div(id=ids.CONTROLS_DESCRIPTION, className="description", **{"aria-live": "polite"}),
            html.P(texts[ids.CONTROLS_HELP], id=ids.CONTROLS_HELP, className="help"),
        ],
    )


def _map_panel(dataset: Dataset, texts: dict[str, str], geojson_url: str) -> html.Section:
    return html.Section(
        className="panel panel-map",
        children=[
            html.H2(id=ids.MAP_TITLE, className="map-title", **{"aria-live": "polite"}),
            html.P(texts[ids.MAP_SUBTITLE], id=ids.MAP_SUBTITLE, className="map-subtitle"),
            html.Div(
                className="map-frame",
                children=dcc.Graph(id=ids.MAP_GRAPH, figure=map_figure(dataset, geojson_url), config=GRAPH_CONFIG),
            ),
            html.Div(
                className="legend",
                children=[
                    html.H3(texts[ids.MAP_LEGEND_TITLE], id=ids.MAP_LEGEND_TITLE),
                    html.Ul(id=ids.MAP_LEGEND, className="legend-items"),
                    html.P(texts[ids.MAP_LEGEND_NOTE], id=ids.MAP_LEGEND_NOTE, className="legend-note"),
                ],
            ),
            html.P(texts[ids.MAP_SOURCE], id=ids.MAP_SOURCE, className="source"),
        ],
    )


def _ranking_panel(dataset: Dataset, texts: dict[str, str]) -> html.Section:
    return html.Section(
        className="panel panel-ranking",
        children=[
            html.H3(texts[ids.RANKING_TITLE], id=ids.RANKING_TITLE),
            dcc.Graph(
                id=ids.RANKING_GRAPH,
                figure=ranking_figure(dataset),
                config={"displayModeBar": False, "responsive": True},
            ),
        ],
    )


def build_layout(dataset: Dataset, lang: str, geojson_url: str) -> html.Div:
    """The whole page for a dataset, in one language, at the dataset's default view."""
    texts = page_texts(dataset, lang)
    return html.Div(
        id=ids.PAGE,
        lang=lang,
        className="page",
        children=[
            _header(dataset, texts, lang),
            html.Main(
                className="page-main",
                children=[
                    _controls(dataset, texts, lang),
                    _map_panel(dataset, texts, geojson_url),
                    _ranking_panel(dataset, texts),
                ],
            ),
            dcc.Location(id=ids.PAGE_URL, refresh=False),
            dcc.Store(id=ids.MAP_VIEW),
            dcc.Interval(id=ids.CONTROLS_TICKER, interval=PLAY_INTERVAL_MS, disabled=True),
        ],
    )
