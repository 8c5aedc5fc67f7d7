"""Serving Distriktskort as a public website: headers, caching, compression, and requests that make no sense.

``harden(app)`` is all ``app.py`` calls; each concern lives in its own module.
"""

from __future__ import annotations

from dash import Dash

from serving.compression import compress
from serving.guard import guard_requests
from serving.headers import add_headers
from serving.replay import replay


def harden(app: Dash) -> None:
    """Replayed answers, compression with a cache, response headers, and a guard in front of Dash's callbacks."""
    replay(app.server)  # first: its after-request hook then runs last, on the compressed response
    compress(app.server)
    guard_requests(app.server, lambda: app.callback_map)
    app.server.after_request(add_headers)
