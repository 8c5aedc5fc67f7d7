"""Compress, in the background at start, everything a first visit asks for, so no reader waits for it.

Compressed bodies are cached (``serving.compression``), at strong levels that take a moment for a large script.
Without this, the first reader after a start pays that moment for every file; with it, a worker compresses them
while it waits for readers. ``/healthz`` says when it is done (``"warm": true``).
"""

from __future__ import annotations

import re
import threading

import flask

ALGORITHMS = ("zstd", "br", "gzip")  # what browsers ask for, best first
# Files Dash loads after the page (async chunks), which the page's HTML does not name.
LATER = (
    "/_dash-component-suites/dash/dcc/async-dropdown.js",
    "/_dash-component-suites/dash/dcc/async-slider.js",
    "/_dash-component-suites/dash/dcc/async-graph.js",
    "/_dash-component-suites/plotly/package_data/plotly.min.js",
)
WARM = "distriktskort_warm"


def page_paths(html: str) -> list[str]:
    """The same-origin scripts and styles a page's HTML names.

    >>> page_paths('<script src="/a.js?m=1"></script><link href="/b.css" rel="stylesheet"><a href="//x.org/c">')
    ['/a.js?m=1', '/b.css']
    """
    return re.findall(r'(?:src|href)="(/(?!/)[^"]+)"', html)


def is_warm(server: flask.Flask) -> bool:
    return bool(server.extensions.get(WARM))


def warm(server: flask.Flask, also: tuple[str, ...] = ()) -> threading.Thread:
    """Request every file of a first visit once per compression, in a daemon thread; returns the thread."""

    def run() -> None:
        client = server.test_client()
        html = client.get("/").get_data(as_text=True)
        paths = ["/", "/_dash-layout", "/_dash-dependencies", *page_paths(html), *LATER, *also]
        for algorithm in ALGORITHMS:
            for path in paths:
                client.get(path, headers={"Accept-Encoding": algorithm})
        server.extensions[WARM] = True

    thread = threading.Thread(target=run, name="distriktskort-warm", daemon=True)
    thread.start()
    return thread
