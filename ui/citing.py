"""For newsrooms: "Cite this view" in the download dialog, and a district's press note in its profile.

Each is a labelled read-only text box with a copy button; assets/copy.js copies the box beside the button and says
so in the reader's language (the button carries the words). The citations follow the address, as the download
links do, through one server callback (``cite_view``); the press note is drawn with the profile.
"""

from __future__ import annotations

from datetime import date

from dash import Dash, Input, Output, dcc, html

from data.model import Dataset
from exports.citation import CITATION_STYLES, citations
from insight.press import press_note_text
from layers.i18n import t
from layers.text import DEFAULT_LANGUAGE, language
from serving.links import link_base
from ui import ids
from ui.dialogs import forward_while_open
from view.view import View

# Per citation style: its text box, the label naming the box, its copy button, and the box's height in lines.
CITATION_BOXES: dict[str, tuple[str, str, str, int]] = {
    "text": (ids.CITE_TEXT, ids.CITE_TEXT_LABEL, ids.CITE_TEXT_COPY, 6),
    "apa": (ids.CITE_APA, ids.CITE_APA_LABEL, ids.CITE_APA_COPY, 7),
    "bibtex": (ids.CITE_BIBTEX, ids.CITE_BIBTEX_LABEL, ids.CITE_BIBTEX_COPY, 12),
}
assert set(CITATION_BOXES) == set(CITATION_STYLES), "every citation style has its box in the dialog"
PRESS_ROWS = 12  # five sentences in a narrow profile column, and the source line


def _copy_words(lang: str) -> dict[str, str]:
    # What the button says, and what its status line says after a copy (assets/copy.js reads the data- words).
    return {"children": t("copy_button", lang), "data-copied": t("copy_done", lang),
            "data-copy-failed": t("copy_failed", lang)}  # fmt: skip


def copy_block(label: str, label_id: str, box: dcc.Textarea, lang: str, button_id: str | None = None) -> html.Div:
    """A read-only text box named by the label above it (assets/a11y.js sets its aria-labelledby from
    ``data-labelledby``), a copy button, and the polite status line that says the text was copied."""
    words = _copy_words(lang)
    button = html.Button(
        words.pop("children"), type="button", className="copy-button", **({"id": button_id} if button_id else {}),
        **words,
    )  # fmt: skip
    return html.Div(
        className="copy-block",
        **{"data-labelledby": label_id},
        children=[
            html.P(label, id=label_id, className="copy-label"),
            box,
            html.Div([button, html.Span(className="copy-status", role="status")], className="copy-row"),
        ],
    )


def citation_dialog(lang: str = DEFAULT_LANGUAGE) -> html.Details:
    """The download dialog's "Cite this view": the view's citation in every style, filled by ``cite_view``."""
    blocks = [
        copy_block(
            t(CITATION_STYLES[style_id].label_key, lang),
            label_id,
            dcc.Textarea(id=box_id, readOnly=True, className="embed-code", rows=rows),
            lang,
            copy_id,
        )
        for style_id, (box_id, label_id, copy_id, rows) in CITATION_BOXES.items()
    ]
    return html.Details(
        id=ids.CITE_DIALOG,
        className="embed-dialog cite-dialog",
        children=[
            html.Summary(t("cite_title", lang), id=ids.CITE_TITLE),
            dcc.Store(id=ids.CITE_SEARCH),
            html.P(t("cite_help", lang), id=ids.CITE_HELP, className="help"),
            *blocks,
        ],
    )


def cite_view(dataset: Dataset, search: object, base_url: str, today: date | None = None) -> dict:
    """The citations of the view in the address (``search``, as the page's location has it) and the dialog's words
    in the view's language. Anything the address holds that is not a view falls back, as everywhere."""
    view, _ = View.parse(dataset, search)
    lang, written = view.lang, citations(dataset, view, base_url, today)
    words = _copy_words(lang)
    return {
        "citations": {style_id: written[style_id] for style_id in CITATION_BOXES},
        "buttons": {style_id: dict(words) for style_id in CITATION_BOXES},
    }


def cite_words(lang: object) -> dict:
    """The dialog's fixed words in the page's language: its summary shows while the dialog is shut, so they follow
    the language switch, not the opening.

    >>> cite_words("en")["title"]
    'Cite this view'
    """
    lang = language(lang)
    return {
        "title": t("cite_title", lang),
        "help": t("cite_help", lang),
        "labels": {style_id: t(style.label_key, lang) for style_id, style in CITATION_STYLES.items()},
    }


def press_note_details(dataset: Dataset, district: int, lang: str) -> html.Details:
    """The profile's "Pressenotat": the district's largest changes as text to copy (insight.press)."""
    name = dataset.district_names[district]
    box = dcc.Textarea(
        value=press_note_text(dataset, district, lang), readOnly=True, className="embed-code press-text",
        rows=PRESS_ROWS,
    )  # fmt: skip
    return html.Details(
        className="embed-dialog press-note",
        children=[
            html.Summary(t("press_title", lang)),
            copy_block(t("press_help", lang, district=name), f"{ids.PROFILE_PRESS_TITLE}-{district}", box, lang),
        ],
    )


def register(app: Dash, dataset: Dataset) -> None:
    """Keep the citations in step with the address while the dialog is open (a closed one costs a year step nothing)."""
    forward_while_open(app, ids.CITE_SEARCH, ids.CITE_TITLE, ids.CITE_DIALOG)
    button_props = ("children", "data-copied", "data-copy-failed")

    @app.callback(
        output={
            "title": Output(ids.CITE_TITLE, "children"),
            "help": Output(ids.CITE_HELP, "children"),
            "labels": {style_id: Output(box[1], "children") for style_id, box in CITATION_BOXES.items()},
        },
        inputs={"lang": Input(ids.CONTROLS_LANG, "value")},
        prevent_initial_call=True,  # the page is made in Danish, and says so until the language changes
    )
    def _cite_words(lang):
        return cite_words(lang)

    @app.callback(
        output={
            "citations": {style_id: Output(box[0], "value") for style_id, box in CITATION_BOXES.items()},
            "buttons": {
                style_id: {prop: Output(box[2], prop) for prop in button_props}
                for style_id, box in CITATION_BOXES.items()
            },
        },
        inputs={"search": Input(ids.CITE_SEARCH, "data")},
        prevent_initial_call=True,  # worked out when the dialog first opens
    )
    def _cite_view(search):
        return cite_view(dataset, search, link_base())
