"""Serving Distriktskort as a public website: headers, caching, compression, links, and requests that make no sense.

``harden(app)`` is all ``app.py`` calls (on a ``serving.page.SafePage``); each concern lives in its own module.
"""

from __future__ import annotations

from serving.compression import compress
from serving.guard import guard_requests
from serving.headers import add_headers
from serving.links import configure_links
from serving.page import SafePage, register_script_hashes
from serving.replay import replay


def harden(app: SafePage) -> None:
    """Links from a trusted address, replayed answers, compression with a cache, response headers with the page's
    script hashes, and a guard in front of Dash's callbacks."""
    if not isinstance(app, SafePage):
        raise TypeError(f"harden() takes a serving.page.SafePage, whose page escapes its title; got {type(app)}")
    configure_links(app.server)
    replay(app.server)  # first: its after-request hook then runs last, on the compressed response
    compress(app.server)
    guard_requests(app.server, lambda: app.callback_map)
    register_script_hashes(app)
    app.server.after_request(add_headers)
