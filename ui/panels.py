"""The page's panels: the map with its caption and legend, the ranking and table, the profile and the facts."""

from __future__ import annotations

from dash import dcc, html

from data.model import Dataset
from exports.formats import EXPORTERS
from exports.picture import DEFAULT_SIZE, TEXT_OPTIONS, TextOption
from exports.profile_picture import PICTURE_FORMATS
from layers.text import DEFAULT_LANGUAGE
from ui import ids
from ui.citing import citation_dialog
from ui.figure import map_setup
from ui.newsroom import TEXT_INPUTS, picture_texts, size_options


def map_panel(dataset: Dataset, texts: dict[str, str], geojson_url: str) -> html.Section:
    return html.Section(
        className="panel panel-map",
        children=[
            # No aria-live on the title and sentence: playing would read them out every frame. The browser says
            # them once, in the live region below, when the year or the view changes by hand or playing stops.
            html.H2(id=ids.MAP_TITLE, className="map-title"),
            html.P(texts[ids.MAP_SUBTITLE], id=ids.MAP_SUBTITLE, className="map-subtitle"),
            html.P(id=ids.MAP_SENTENCE, className="map-sentence"),
            html.Div(
                className="map-frame",
                **{"aria-describedby": ids.MAP_SENTENCE},
                # assets/district_map.js draws the map into this box (role and label set there, on the canvas).
                children=html.Div(id=ids.MAP_GRAPH, className="district-map"),
            ),
            # Which outline is which chosen district, in the colours of their lines in the profile's chart.
            html.P(id=ids.MAP_CHOSEN_KEY, className="chosen-key"),
            html.P(texts[ids.MAP_HELP], id=ids.MAP_HELP, className="visually-hidden"),
            # Written only by the browser (assets/map.js announce): a district reached by keyboard, the year or
            # view once it settles, a profile opened, the table's new order. Dash never renders into it.
            html.Div(id=ids.MAP_ANNOUNCE, className="visually-hidden", **{"aria-live": "polite"}),
            dcc.Store(id=ids.MAP_SETUP, data=map_setup(dataset, geojson_url)),
            dcc.Store(id=ids.DISTRICT_PICK),
            html.Div(
                className="legend",
                children=[
                    html.H3(texts[ids.MAP_LEGEND_TITLE], id=ids.MAP_LEGEND_TITLE),
                    html.Ul(id=ids.MAP_LEGEND, className="legend-items"),
                    html.P(id=ids.MAP_LEGEND_NOTE, className="legend-note"),
                ],
            ),
            html.P(texts[ids.MAP_SOURCE], id=ids.MAP_SOURCE, className="source"),
            html.Div(
                className="downloads",
                children=[
                    html.Span(texts[ids.DOWNLOADS_TITLE], id=ids.DOWNLOADS_TITLE),
                    *(
                        html.A(
                            exporter_id.upper(),
                            id={"type": ids.EXPORT_LINK, "index": exporter_id},
                            href=f"/export/view.{exporter_id}",
                            download="",
                        )
                        for exporter_id in EXPORTERS
                    ),
                    html.A(
                        texts[ids.DOWNLOAD_DATASET], id=ids.DOWNLOAD_DATASET, href="/export/dataset.zip", download=""
                    ),
                ],
            ),
            picture_dialog(DEFAULT_LANGUAGE),
            html.Details(
                className="embed-dialog",
                # assets/a11y.js names the text box by the summary, as Dash's Textarea takes no aria props.
                **{"data-labelledby": ids.ALT_TITLE},
                children=[
                    html.Summary(texts[ids.ALT_TITLE], id=ids.ALT_TITLE),
                    dcc.Textarea(id=ids.ALT_TEXT, readOnly=True, className="embed-code", rows=3),
                ],
            ),
            html.Details(
                className="embed-dialog",
                **{"data-labelledby": ids.EMBED_TITLE},
                children=[
                    html.Summary(texts[ids.EMBED_TITLE], id=ids.EMBED_TITLE),
                    html.P(texts[ids.EMBED_HELP], id=ids.EMBED_HELP, className="help"),
                    dcc.Textarea(id=ids.EMBED_CODE, readOnly=True, className="embed-code", rows=3),
                ],
            ),
            citation_dialog(),  # "Citér denne visning": filled and kept in step by ui/citing.py
        ],
    )


def _text_box(option: TextOption, input_id: str, label_id: str, texts: dict[str, str]) -> html.Div:
    return html.Div(
        className="picture-field",
        children=[
            html.Label(texts[label_id], id=label_id, htmlFor=input_id),
            dcc.Input(
                id=input_id, type="text", maxLength=option.max_chars, debounce=0.4, value="", className="picture-text"
            ),
        ],
    )


def picture_dialog(lang: str) -> html.Details:
    """A picture to publish: a newsroom's headline, standfirst and byline, a size, and the picture's links, which
    ui/newsroom.py keeps in step with the view and these choices."""
    texts = picture_texts(lang)
    labels = {ids.PICTURE_HEADLINE: ids.PICTURE_HEADLINE_LABEL, ids.PICTURE_STANDFIRST: ids.PICTURE_STANDFIRST_LABEL,
              ids.PICTURE_BYLINE: ids.PICTURE_BYLINE_LABEL}  # fmt: skip
    return html.Details(
        id=ids.PICTURE_DIALOG,
        className="embed-dialog picture-dialog",
        children=[
            html.Summary(texts[ids.PICTURE_TITLE], id=ids.PICTURE_TITLE),
            dcc.Store(id=ids.PICTURE_SEARCH),
            html.P(texts[ids.PICTURE_HELP], id=ids.PICTURE_HELP, className="help"),
            *(
                _text_box(option, TEXT_INPUTS[option.name], labels[TEXT_INPUTS[option.name]], texts)
                for option in TEXT_OPTIONS
            ),
            html.Fieldset(
                className="picture-sizes",
                # data-labelledby: assets/a11y.js makes the radio items a radiogroup named by the legend.
                **{"data-labelledby": ids.PICTURE_SIZE_LABEL},
                children=[
                    html.Legend(texts[ids.PICTURE_SIZE_LABEL], id=ids.PICTURE_SIZE_LABEL),
                    dcc.RadioItems(id=ids.PICTURE_SIZE, options=size_options(lang), value=DEFAULT_SIZE),
                ],
            ),
            html.P(
                className="downloads",
                children=[
                    html.Span(texts[ids.PICTURE_LINKS_TITLE], id=ids.PICTURE_LINKS_TITLE),
                    *(
                        html.A(
                            format_id.upper(),
                            id={"type": ids.PICTURE_LINK, "index": format_id},
                            href=f"/export/view.{format_id}",
                            download="",
                        )
                        for format_id in PICTURE_FORMATS
                    ),
                ],
            ),
        ],
    )


def ranking_panel(dataset: Dataset, texts: dict[str, str]) -> html.Section:
    return html.Section(
        className="panel panel-ranking",
        children=[
            html.H3(texts[ids.RANKING_TITLE], id=ids.RANKING_TITLE),
            # Bars drawn as HTML by assets/lists.js: text a screen reader reads, and no chart library to load.
            html.Ol(id=ids.RANKING_LIST, className="ranking", **{"aria-labelledby": ids.RANKING_TITLE}),
            html.Details(
                className="district-table",
                children=[
                    html.Summary(texts[ids.TABLE_TITLE], id=ids.TABLE_TITLE),
                    html.P(texts[ids.TABLE_HELP], id=ids.TABLE_HELP, className="help"),
                    html.Table(
                        [
                            html.Thead(html.Tr([_heading(column, texts) for column in TABLE_COLUMNS])),
                            html.Tbody(id=ids.TABLE_BODY),
                        ]
                    ),
                ],
            ),
        ],
    )


TABLE_COLUMNS = ("name", "value", "rank")
TABLE_TEXT_IDS = {"name": "table-name", "value": "table-value", "rank": "table-rank"}


def _heading(column: str, texts: dict[str, str]) -> html.Th:
    # A button per heading sorts by that column; assets/lists.js keeps aria-sort in step.
    button = html.Button(
        texts[TABLE_TEXT_IDS[column]], id={"type": ids.TABLE_HEADING, "index": column}, className="sort"
    )
    return html.Th(button, scope="col")


def profile_panel(texts: dict[str, str]) -> html.Section:
    """Where a chosen district's profile opens: beside the map on a wide screen, as a sheet over it on a phone."""
    return html.Section(
        id=ids.PROFILE,
        className="panel panel-profile",
        hidden=True,
        # No aria-live: a profile is thousands of characters. assets/keys.js moves focus to its heading and the
        # live region says one sentence.
        children=[
            html.Button(
                "×",
                id=ids.PROFILE_CLOSE,
                className="profile-close",
                n_clicks=0,
                title=texts[ids.PROFILE_CLOSE],
                **{"aria-label": texts[ids.PROFILE_CLOSE]},
            ),
            html.Div(id=ids.PROFILE_BODY),
        ],
    )


def facts_panel(texts: dict[str, str], facts: list[str]) -> html.Section:
    """'Vidste du …?': a few facts computed from the data, shown while no district is chosen."""
    return html.Section(
        id=ids.FACTS,
        className="panel panel-facts",
        children=[
            html.H3(texts[ids.FACTS_TITLE], id=ids.FACTS_TITLE),
            html.Ul([html.Li(fact) for fact in facts], id=ids.FACTS_LIST),
        ],
    )
