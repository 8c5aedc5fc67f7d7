"""Response headers for a public site: a Content-Security-Policy that allows what Dash, Plotly and MapLibre need and
nothing from outside, no MIME sniffing, a careful referrer, and framing allowed only for ``/embed``.

Who may frame ``/embed`` is configurable (``DISTRIKTSKORT_FRAME_ANCESTORS``, default ``*``: any site may embed
the map, which is what embeds are for). The main page may not be framed.
"""

from __future__ import annotations

import os

import flask

FRAME_ANCESTORS_ENV = "DISTRIKTSKORT_FRAME_ANCESTORS"
# Dash starts its renderer from an inline script, React and Plotly set inline styles, Plotly compiles some code at
# run time, and MapLibre runs its workers from blob: URLs. Everything else comes from this origin only.
POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; "
    "child-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'"
)


def frame_ancestors(path: str) -> str:
    """Who may put this page in a frame: anyone allowed by the setting for /embed, nobody for the rest.

    >>> frame_ancestors("/"), frame_ancestors("/embed")
    ("'none'", '*')
    """
    if path.rstrip("/") == "/embed":
        return os.environ.get(FRAME_ANCESTORS_ENV, "*")
    return "'none'"


def add_security_headers(response: flask.Response) -> flask.Response:
    """Set the headers on every response (a Flask ``after_request`` hook)."""
    response.headers["Content-Security-Policy"] = f"{POLICY}; frame-ancestors {frame_ancestors(flask.request.path)}"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "strict-origin-when-cross-origin"
    return response
