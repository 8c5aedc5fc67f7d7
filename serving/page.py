"""The page's HTML: dataset text in it is text, never markup.

Dash puts the app's ``title`` into ``<title>`` as it is, and fills its template one placeholder after another, so
a dataset titled ``</title><script>alert(22)</script>`` ran script on ``/`` and ``/embed``, and one titled
``{%scripts%}`` had the page's scripts copied into its title. ``SafePage`` escapes the title and fills every
placeholder in one pass, so nothing a value holds is read as markup or as another placeholder. (The meta tags Dash
escapes itself; everything else on the page is built by React from JSON, which sets text, never HTML.)

The page says which language it is in (``<html lang="en">`` for ``?lang=en``), so a screen reader reads it in the
right voice from the first word; assets/page_language.js keeps the attribute in step when the reader switches language.

The page's only inline script is Dash's renderer start; its hash, with any other inline script Dash adds, goes into
the Content-Security-Policy (``serving.headers``) instead of ``'unsafe-inline'``.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable

import flask
from dash import Dash

from layers.text import language

PLACEHOLDER = re.compile(r"\{%(\w+)%\}")
# Dash lists dash_table's script on every page whether a DataTable is used or not; this page uses none (its table
# is plain HTML, ui/panels.py), so the first visit does not load, parse and run it.
UNUSED_SCRIPT = re.compile(r'<script src="[^"]*/dash_table/[^"]*"></script>\n?')
SCRIPT_HASHES = "distriktskort_script_hashes"  # in server.extensions: () -> the inline scripts' CSP sources


def fill_template(template: str, parts: dict[str, str]) -> str:
    """Each ``{%name%}`` in ``template`` replaced by ``parts[name]`` in one pass: a placeholder inside a value
    stays text. Unknown placeholders are left as they are.

    >>> fill_template("<title>{%title%}</title>{%scripts%}", {"title": "{%scripts%}", "scripts": "<script></script>"})
    '<title>{%scripts%}</title><script></script>'
    """
    return PLACEHOLDER.sub(lambda found: parts.get(found.group(1), found.group(0)), template)


class SafePage(Dash):
    """A Dash app whose page escapes its title, fills its template in one pass, fills ``{%lang%}`` with the
    language the request asks for, and loads no script of a component library it does not use."""

    def _generate_scripts_html(self) -> str:
        return UNUSED_SCRIPT.sub("", super()._generate_scripts_html())

    def interpolate_index(self, **parts: str) -> str:
        parts["title"] = html.escape(parts.get("title", ""))
        parts["lang"] = language(flask.request.args.get("lang") if flask.has_request_context() else None)
        return fill_template(self.index_string, parts)


def script_hashes(server: flask.Flask) -> tuple[str, ...]:
    """The CSP sources (``'sha256-…'``) of the page's inline scripts; empty for a server that serves no page."""
    hashes: Callable[[], tuple[str, ...]] | None = server.extensions.get(SCRIPT_HASHES)
    return hashes() if hashes else ()


def register_script_hashes(app: Dash) -> None:
    """Work the hashes out on first use, when every callback (and so every inline script) is registered."""
    app.server.extensions[SCRIPT_HASHES] = functools.cache(lambda: tuple(app.csp_hashes("sha256")))
