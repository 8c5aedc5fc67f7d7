"""Response headers for a public site: a Content-Security-Policy that allows what Dash and MapLibre need and
nothing from outside, no MIME sniffing, a careful referrer, framing allowed only for ``/embed``, and long cache
lifetimes for every file whose URL changes with its content.

Scripts run only from this origin, plus the page's inline scripts by their hashes (``serving.page``): no
``'unsafe-inline'`` for scripts, so text that got into the page as markup still could not run. Styles keep
``'unsafe-inline'``: Dash's components and Plotly add ``<style>`` elements at run time (webpack's style-loader),
and Dash gives them no nonce.

Who may frame ``/embed`` is configurable (``DISTRIKTSKORT_FRAME_ANCESTORS``, default ``*``: any site may embed
the map, which is what embeds are for). The main page may not be framed.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence

import flask

from serving.page import script_hashes

FRAME_ANCESTORS_ENV = "DISTRIKTSKORT_FRAME_ANCESTORS"
HASHED_CACHE = "public, max-age=31536000, immutable"
# Dash starts its renderer from an inline script (allowed by its hash), Dash's components and Plotly add style
# elements, Plotly (in a profile's chart) compiles some code at run time, and MapLibre runs its workers from blob:
# URLs. Everything else comes from this origin only.
SCRIPT_SOURCES = "'self' {hashes} 'unsafe-eval'"
POLICY = (
    "default-src 'self'; script-src {scripts}; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; "
    "child-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors {ancestors}"
)


def frame_ancestors(path: str) -> str:
    """Who may put this page in a frame: anyone allowed by the setting for /embed, nobody for the rest.

    >>> frame_ancestors("/"), frame_ancestors("/embed")
    ("'none'", '*')
    """
    if path.rstrip("/") == "/embed":
        return os.environ.get(FRAME_ANCESTORS_ENV, "*")
    return "'none'"


def is_versioned(path: str, arguments: Mapping[str, str]) -> bool:
    """True for an asset URL that changes whenever its content does: Dash stamps assets with ``?m=`` (the file's
    time) and the map's glyphs carry ``?v=`` (a hash of the font). (The shapes' route sets its own header.)

    >>> is_versioned("/assets/map.js", {"m": "1795"}), is_versioned("/assets/map.js", {})
    (True, False)
    >>> is_versioned("/export/view.csv", {"m": "1"})
    False
    """
    return path.startswith("/assets/") and bool(arguments.get("m") or arguments.get("v"))


def policy(script_hashes: Sequence[str], path: str) -> str:
    """The Content-Security-Policy for a response to ``path``, allowing the inline scripts with these hashes.

    >>> text = policy(["'sha256-abc='"], "/embed")
    >>> "script-src 'self' 'sha256-abc=' 'unsafe-eval';" in text, "unsafe-inline" in text.split("style-src")[0]
    (True, False)
    """
    scripts = SCRIPT_SOURCES.format(hashes=" ".join(script_hashes)).replace("  ", " ")
    return POLICY.format(scripts=scripts, ancestors=frame_ancestors(path))


def add_headers(response: flask.Response) -> flask.Response:
    """Set the headers on every response (a Flask ``after_request`` hook)."""
    request = flask.request
    response.headers["Content-Security-Policy"] = policy(script_hashes(flask.current_app), request.path)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "strict-origin-when-cross-origin"
    if response.status_code == 200 and is_versioned(request.path, request.args):
        response.headers["Cache-Control"] = HASHED_CACHE
    return response
