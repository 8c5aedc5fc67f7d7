"""The page: header, controls, the map with its caption and legend, and the ranking beside it."""

from __future__ import annotations

from dash import dcc, html

from data.model import Dataset
from insight.facts import facts
from insight.sentences import district_count, term_words
from layers.i18n import t
from layers.text import LANGUAGE_NAMES, LANGUAGES
from ui import ids
from ui.controls import controls_panel
from ui.panels import TABLE_TEXT_IDS, facts_panel, map_panel, profile_panel, ranking_panel

PLAY_INTERVAL_MS = 1400
PAGE_CLASS = "page"  # the page's own class, to which /embed adds its own (assets/map.js pageMode)


def page_texts(dataset: Dataset, lang: str) -> dict[str, str]:
    """Every fixed text on the page by component id, so one callback can switch them all to another language."""
    info = dataset.info
    source = t("source", lang, source=info.source or "–", licence=info.licence or "–")
    if info.min_count == 0:  # the publisher protected the figures; the reader should know nothing more was hidden
        source = f"{source} {t('source_no_suppression', lang)}"
    if info.fictional:
        source = f"{source} {t('fictional_note', lang)}"
    terms = term_words(dataset, lang)
    as_of = t("subtitle_as_of", lang, date=info.reference_date(lang)) if info.reference_date(lang) else ""
    return {
        ids.HEADER_TAGLINE: t("tagline", lang, **terms),
        ids.HEADER_FICTIONAL: t("fictional_badge", lang) if info.fictional else "",
        ids.PAGE_SKIP: t("skip_to_map", lang),
        ids.PAGE_STATEMENT: t("statement_link", lang),
        ids.PAGE_LESSONS: t("lessons_link", lang),
        ids.CONTROLS_TOGGLE: t("controls_toggle", lang),
        ids.CONTROLS_LANG_LABEL: t("language_label", lang),
        ids.CONTROLS_INDICATOR_LABEL: t("indicator_label", lang),
        ids.CONTROLS_MEASURE_LABEL: t("measure_label", lang),
        ids.CONTROLS_YEAR_LABEL: t("year_label", lang),
        ids.CONTROLS_HELP: t("help", lang),
        ids.MAP_SUBTITLE: t(
            "subtitle",
            lang,
            area=info.area_name,
            districts=district_count(dataset, len(dataset.district_ids), lang),
            as_of=as_of,
        ),  # fmt: skip
        ids.MAP_LEGEND_TITLE: t("legend_title", lang),
        ids.MAP_HELP: t("map_keys_help", lang, **terms),
        ids.MAP_SOURCE: source,
        ids.RANKING_TITLE: t("ranking_title", lang, **terms),
        ids.CONTROLS_MODE_LABEL: t("mode_label", lang),
        ids.CONTROLS_FROM_LABEL: t("from_label", lang),
        ids.CONTROLS_DISTRICT_LABEL: t("district_label", lang, **terms),
        ids.CONTROLS_COMPARE_LABEL: t("compare_label", lang),
        ids.FACTS_TITLE: t("facts_title", lang),
        ids.TABLE_TITLE: t("table_title", lang, **terms),
        ids.TABLE_HELP: t("table_help", lang),
        ids.PROFILE_CLOSE: t("profile_close", lang),
        ids.DOWNLOADS_TITLE: t("downloads_title", lang),
        ids.EMBED_TITLE: t("embed_title", lang),
        ids.ALT_TITLE: t("alt_title", lang),
        ids.EMBED_HELP: t("embed_help", lang),
        ids.DOWNLOAD_DATASET: t("download_dataset", lang),
        **{text_id: t(text_id.replace("-", "_"), lang, **terms) for text_id in TABLE_TEXT_IDS.values()},
    }


# The texts whose component shows them as children; the close button's text is its title, set apart.
TEXT_IDS = (
    ids.PAGE_SKIP, ids.PAGE_STATEMENT, ids.PAGE_LESSONS, ids.HEADER_TAGLINE, ids.HEADER_FICTIONAL, ids.CONTROLS_LANG_LABEL, ids.CONTROLS_INDICATOR_LABEL,
    ids.CONTROLS_MEASURE_LABEL, ids.CONTROLS_YEAR_LABEL, ids.CONTROLS_HELP, ids.MAP_SUBTITLE,
    ids.MAP_LEGEND_TITLE, ids.MAP_SOURCE, ids.RANKING_TITLE, ids.CONTROLS_MODE_LABEL, ids.CONTROLS_FROM_LABEL,
    ids.CONTROLS_DISTRICT_LABEL, ids.CONTROLS_COMPARE_LABEL, ids.FACTS_TITLE, ids.TABLE_TITLE, ids.TABLE_HELP,
    ids.DOWNLOADS_TITLE, ids.DOWNLOAD_DATASET, ids.EMBED_TITLE, ids.EMBED_HELP, ids.ALT_TITLE, ids.CONTROLS_TOGGLE,
    ids.MAP_HELP,
)  # fmt: skip


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
                **{"data-labelledby": ids.CONTROLS_LANG_LABEL},  # named by assets/a11y.js
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


def _drawer_toggle(texts: dict[str, str]) -> html.Button:
    # Below 760 px the map comes first and the controls fold away behind this button (assets/style.css hides it on
    # a wide screen, where the controls are always shown). assets/drawer.js keeps aria-expanded in step, moves focus
    # into the drawer, and closes it on Escape.
    return html.Button(
        texts[ids.CONTROLS_TOGGLE],
        id=ids.CONTROLS_TOGGLE,
        className="drawer-toggle",
        type="button",
        **{"aria-expanded": "false", "aria-controls": ids.CONTROLS_PANEL},
    )


def statement_href(lang: str) -> str:
    """The accessibility statement in ``lang``, relative to the page, so it works under any path prefix.

    >>> statement_href("en")
    'tilgaengelighed?lang=en'
    """
    return f"tilgaengelighed?lang={lang}"


def _footer(texts: dict[str, str], lang: str) -> html.Footer:
    # The accessibility statement, which Danish law asks every public site to link to, and the lesson builder for
    # teachers (both hidden in /embed).
    return html.Footer(
        className="page-footer",
        children=[
            html.A(texts[ids.PAGE_STATEMENT], id=ids.PAGE_STATEMENT, href=statement_href(lang)),
            " · ",
            html.A(texts[ids.PAGE_LESSONS], id=ids.PAGE_LESSONS, href="lektion"),
        ],
    )


def build_layout(dataset: Dataset, lang: str, geojson_url: str) -> html.Div:
    """The whole page for a dataset, in one language, at the dataset's default view."""
    texts = page_texts(dataset, lang)
    return html.Div(
        id=ids.PAGE,
        lang=lang,
        className=PAGE_CLASS,
        children=[
            # The first Tab stop, shown when focused; assets/a11y.js moves focus onto the map's canvas.
            html.A(texts[ids.PAGE_SKIP], id=ids.PAGE_SKIP, href=f"#{ids.MAP_GRAPH}", className="skip-link"),
            _header(dataset, texts, lang),
            html.P(id=ids.PAGE_NOTICE, className="notice", role="status"),
            html.Main(
                className="page-main",
                children=[
                    _drawer_toggle(texts),
                    controls_panel(dataset, texts, lang),
                    map_panel(dataset, texts, geojson_url),
                    html.Div(
                        className="side",
                        children=[
                            profile_panel(texts),
                            facts_panel(texts, facts(dataset, lang)),
                            ranking_panel(dataset, texts),
                        ],
                    ),
                ],
            ),
            _footer(texts, lang),
            dcc.Location(id=ids.PAGE_URL, refresh=False),
            dcc.Store(id=ids.URL_REQUEST),
            dcc.Store(id=ids.URL_APPLIED, data=False),
            dcc.Store(id=ids.MAP_VIEW),
            dcc.Store(id=ids.PROFILE_YEAR),
            dcc.Store(id=ids.TABLE_SORT, data={"by": "value", "descending": True}),
            dcc.Store(id=ids.TABLE_OPEN, data=False),
            dcc.Store(id=ids.KNOWN_SERIES, data=[]),
            dcc.Interval(id=ids.CONTROLS_TICKER, interval=PLAY_INTERVAL_MS, disabled=True),
        ],
    )
