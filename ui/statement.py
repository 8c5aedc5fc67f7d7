"""The accessibility statement (``/tilgaengelighed``, also ``/accessibility``), in the language ``?lang=`` asks for.

Danish public bodies must publish one under the act on the accessibility of public sector bodies' websites: what
is met and how it was tested, what is not met yet, whom to tell about a problem, where to complain, and the date
the statement was prepared. The texts are in ``assets/locales`` like every other text; the list of what is not
met yet (``GAPS``) is kept by whoever runs the site.

Whom to contact comes from the setting ``DISTRIKTSKORT_ACCESSIBILITY_CONTACT`` when it is set, else from the
dataset (``distriktskort.accessibility_contact`` in ``datapackage.json``); with neither, the page says so. Every
text from the dataset or the setting is escaped: the page is plain HTML built here, not by React, so a dataset
titled ``<script>`` must stay text. The page has no script, so it keeps the Content-Security-Policy every page gets
(``serving.headers``); its few styles are inline, which that policy allows for styles.
"""

from __future__ import annotations

import datetime
import html
import os
import re

import flask
from babel.dates import format_date

from data.model import Dataset
from layers.i18n import BABEL_LOCALES, language, t
from layers.text import LANGUAGE_NAMES, LANGUAGES

STATEMENT_PATHS = ("/tilgaengelighed", "/accessibility")
CONTACT_ENV = "DISTRIKTSKORT_ACCESSIBILITY_CONTACT"
# The day this statement's content was last prepared: change it whenever what it says changes.
PREPARED = datetime.date(2026, 12, 1)
TESTED = ("statement_tested_axe", "statement_tested_keyboard", "statement_tested_colour", "statement_tested_phone")
# What is not met yet: kept by whoever runs the site (the statement's "not yet met" list).
GAPS = ("statement_gap_basemap", "statement_gap_worksheet", "statement_gap_screen_reader")
# Where to complain: the Danish Agency for Digital Government's page on the web accessibility act.
COMPLAINT_SITE, COMPLAINT_NAME = "https://was.digst.dk", "was.digst.dk"
EMAIL = re.compile(r"^[^@\s<>\"']+@[^@\s<>\"']+\.[^@\s<>\"']+$")
WEB_ADDRESS = re.compile(r"^https?://[^\s<>\"']+$")
STYLE = """
body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #1b2a33; background: #fff;
  margin: 0 auto; max-width: 44rem; padding: 1rem; line-height: 1.5; }
h1 { font-size: 1.6rem; line-height: 1.25; }
h1, h2, p, li { overflow-wrap: anywhere; hyphens: auto; }  /* "Tillgänglighetsredogörelse" on a 360 px phone */
a { color: #0b5394; }
a:focus-visible { outline: 3px solid #1b2a33; outline-offset: 2px; }
nav ul { list-style: none; display: flex; gap: 1rem; padding: 0; margin: 0 0 1rem; }
.gaps-note { border-left: 4px solid #8a5a00; padding-left: 0.75rem; }
"""


def accessibility_contact(dataset: Dataset) -> str:
    """Whom to tell about a problem: the setting, when set, wins over the dataset; empty when neither names one."""
    return (os.environ.get(CONTACT_ENV) or "").strip() or dataset.info.accessibility_contact


def _contact_link(contact: str) -> str:
    """The contact as escaped markup: a mail or web link when it is an address, else plain text.

    >>> _contact_link("a11y@kommune.dk")
    '<a href="mailto:a11y@kommune.dk">a11y@kommune.dk</a>'
    >>> _contact_link("<b>Borgerservice</b>")
    '&lt;b&gt;Borgerservice&lt;/b&gt;'
    """
    text = html.escape(contact)
    if EMAIL.match(contact):
        return f'<a href="mailto:{text}">{text}</a>'
    if WEB_ADDRESS.match(contact):
        return f'<a href="{text}">{text}</a>'
    return text


def _paragraph(text: str, class_name: str = "") -> str:
    attribute = f' class="{class_name}"' if class_name else ""
    return f"<p{attribute}>{html.escape(text)}</p>"


def _section(title: str, *parts: str) -> str:
    return f"<h2>{html.escape(title)}</h2>\n" + "\n".join(parts)


def _items(keys: tuple[str, ...], lang: str) -> str:
    return "<ul>" + "".join(f"<li>{html.escape(t(key, lang))}</li>" for key in keys) + "</ul>"


def _paragraph_with(key: str, lang: str, name: str, markup: str) -> str:
    """The text of ``key`` as a paragraph, escaped around its one placeholder ``name``, where ``markup`` goes in."""
    marker = f"\x00{name}\x00"
    before, after = t(key, lang, **{name: marker}).split(marker)
    return f"<p>{html.escape(before)}{markup}{html.escape(after)}</p>"


def _feedback(contact: str, lang: str) -> str:
    if not contact:
        return _paragraph(t("statement_no_contact", lang))
    return _paragraph_with("statement_contact", lang, "contact", _contact_link(contact))


def _language_links(lang: str) -> str:
    links = []
    for code in LANGUAGES:
        current = ' aria-current="page"' if code == lang else ""
        links.append(
            f'<li><a href="?lang={code}" lang="{code}" hreflang="{code}"{current}>{LANGUAGE_NAMES[code]}</a></li>'
        )
    return f'<nav aria-label="{html.escape(t("language_label", lang))}"><ul>{"".join(links)}</ul></nav>'


def statement_page(dataset: Dataset, lang: str, contact: str, prepared: datetime.date = PREPARED) -> str:
    """The statement as a whole HTML page in ``lang``, every dataset text escaped."""
    area = dataset.info.area_name
    title = t("statement_title", lang)
    date = format_date(prepared, format="long", locale=BABEL_LOCALES[lang])
    body = "\n".join(
        (
            f"<h1>{html.escape(title)}</h1>",
            _paragraph(t("statement_intro", lang, area=area)),
            _section(t("statement_status_title", lang), _paragraph(t("statement_status", lang))),
            _section(t("statement_met_title", lang), _paragraph(t("statement_met", lang))),
            _section(t("statement_tested_title", lang), _items(TESTED, lang)),
            _section(
                t("statement_gaps_title", lang),
                _paragraph(t("statement_gaps_note", lang), "gaps-note"),
                _items(GAPS, lang),
            ),
            _section(t("statement_feedback_title", lang), _feedback(contact, lang)),
            _section(
                t("statement_complaint_title", lang),
                _paragraph_with(
                    "statement_complaint", lang, "site", f'<a href="{COMPLAINT_SITE}">{COMPLAINT_NAME}</a>'
                ),
            ),
            _paragraph(t("statement_prepared", lang, date=date)),
        )
    )
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(f"{title} · {area}")}</title>
<style>{STYLE}</style>
</head>
<body>
<header>{_language_links(lang)}</header>
<main>
{body}
</main>
<footer><p><a href="./?lang={lang}">{html.escape(t("statement_back", lang))}</a></p></footer>
</body>
</html>
"""


def register_statement(server: flask.Flask, dataset: Dataset) -> None:
    """Serve the statement at each of ``STATEMENT_PATHS``."""

    def _statement() -> flask.Response:
        lang = language(flask.request.args.get("lang"))
        page = statement_page(dataset, lang, accessibility_contact(dataset))
        return flask.Response(page, mimetype="text/html")

    for path in STATEMENT_PATHS:
        server.add_url_rule(path, f"statement{path.replace('/', '_')}", _statement, methods=["GET"])
