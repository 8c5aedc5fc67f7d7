"""The download dialog's picture to publish: its texts in the reader's language, and its links, which carry the
view on screen and the newsroom's headline, standfirst, byline and size.

The links are made here, in Python, with ``exports.picture``'s own check: what a link carries is exactly what the
picture route will print, cut and cleaned the same way, and no name of an option is written twice.
"""

from __future__ import annotations

from urllib.parse import urlencode

from dash import ALL, Dash, Input, Output

from exports.picture import MAX_QUERY_CHARS, SIZES, TEXT_OPTIONS, Picture, view_query
from exports.profile_picture import PICTURE_FORMATS
from layers.i18n import t
from layers.text import language
from ui import ids
from ui.dialogs import forward_while_open

# The dialog's fixed texts by component id, and the locale key of each.
PICTURE_TEXT_KEYS = {
    ids.PICTURE_TITLE: "picture_title",
    ids.PICTURE_HELP: "picture_help",
    ids.PICTURE_HEADLINE_LABEL: "picture_headline",
    ids.PICTURE_STANDFIRST_LABEL: "picture_standfirst",
    ids.PICTURE_BYLINE_LABEL: "picture_byline",
    ids.PICTURE_SIZE_LABEL: "picture_size",
    ids.PICTURE_LINKS_TITLE: "picture_links",
}
# The text box of each of the picture's texts, in the order of exports.picture.TEXT_OPTIONS.
TEXT_INPUTS = {"headline": ids.PICTURE_HEADLINE, "standfirst": ids.PICTURE_STANDFIRST, "byline": ids.PICTURE_BYLINE}
assert tuple(TEXT_INPUTS) == tuple(option.name for option in TEXT_OPTIONS), "a text box for every text option"


def picture_texts(lang: str) -> dict[str, str]:
    """The dialog's fixed texts by component id.

    >>> picture_texts("en")["picture-headline-label"]
    'Headline'
    """
    return {text_id: t(key, lang) for text_id, key in PICTURE_TEXT_KEYS.items()}


def size_options(lang: str) -> list[dict]:
    """The sizes to choose from, as radio options, with their pixels in the label.

    >>> size_options("en")[1]
    {'label': 'Social media (1200 × 675)', 'value': 'social'}
    """
    return [
        {"label": t(f"picture_size_{size.id}", lang, width=size.width, height=size.height or ""), "value": size.id}
        for size in SIZES.values()
    ]


def picture_href(format_id: str, search: object, texts: dict[str, object], size: object) -> str:
    """The address of the picture of the view in ``search`` (the page's address), with the texts and size as the
    picture route reads them: anything but text counts as empty, and a size it does not know as the default.

    >>> picture_href("png", "?year=2013&size=x", {"headline": "Flere <b>børn</b>\\n"}, "column")
    '/export/view.png?year=2013&headline=Flere+%3Cb%3Eb%C3%B8rn%3C%2Fb%3E&size=column'
    """
    chosen = [(name, value) for name, value in texts.items() if name in TEXT_INPUTS and isinstance(value, str)]
    chosen.append(("size", size if isinstance(size, str) else ""))
    picture, _ = Picture.parse(urlencode(chosen))
    view = view_query(search) if isinstance(search, str) and len(search) <= MAX_QUERY_CHARS else ""
    query = "&".join(part for part in (view, picture.query()) if part)
    return f"/export/view.{format_id}" + (f"?{query}" if query else "")


def register_newsroom(app: Dash) -> None:
    """Bind the dialog's callbacks: its texts follow the page's language, its links the view and the options (the
    view only while the dialog is open, so a year step costs nothing)."""
    forward_while_open(app, ids.PICTURE_SEARCH, ids.PICTURE_TITLE, ids.PICTURE_DIALOG)

    @app.callback(
        output={
            "texts": [Output(text_id, "children") for text_id in PICTURE_TEXT_KEYS],
            "sizes": Output(ids.PICTURE_SIZE, "options"),
        },
        inputs={"lang": Input(ids.CONTROLS_LANG, "value")},
    )
    def _translate(lang):
        lang = language(lang)
        texts = picture_texts(lang)
        return {"texts": [texts[text_id] for text_id in PICTURE_TEXT_KEYS], "sizes": size_options(lang)}

    # One link per picture format, in the registry's order, as ui/panels.py lays them out: so the answer never
    # depends on ids a request sends back.
    @app.callback(
        Output({"type": ids.PICTURE_LINK, "index": ALL}, "href"),
        inputs={
            "search": Input(ids.PICTURE_SEARCH, "data"),
            "texts": {name: Input(input_id, "value") for name, input_id in TEXT_INPUTS.items()},
            "size": Input(ids.PICTURE_SIZE, "value"),
        },
        prevent_initial_call=True,  # made when the dialog first opens
    )
    def _links(search, texts, size):
        return [picture_href(format_id, search, texts, size) for format_id in PICTURE_FORMATS]
