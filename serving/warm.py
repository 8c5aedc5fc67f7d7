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
# Files Dash loads after the page (async chunks), which the page's HTML does not name, by the component that needs
# them: only those of components the first layout holds are part of a first visit (a page without a chart never
# loads plotly.js, 4.8 MB, whose three compressions were 40 % of the warming).
LATER_FOR = {
    "Dropdown": ("/_dash-component-suites/dash/dcc/async-dropdown.js",),
    "Slider": ("/_dash-component-suites/dash/dcc/async-slider.js",),
    "Graph": (
        "/_dash-component-suites/dash/dcc/async-graph.js",
        "/_dash-component-suites/plotly/package_data/plotly.min.js",
    ),
}
WARM = "distriktskort_warm"


def later_paths(layout: str) -> list[str]:
    """The async chunks a layout's components (its ``/_dash-layout`` JSON) make Dash load.

    >>> later_paths('{"type": "Slider", "namespace": "dash_core_components"}')
    ['/_dash-component-suites/dash/dcc/async-slider.js']
    """
    present = set(re.findall(r'"type":\s*"(\w+)"', layout))
    return [path for component, paths in LATER_FOR.items() if component in present for path in paths]


def page_paths(html: str) -> list[str]:
    """The same-origin scripts and styles a page's HTML names.

    >>> page_paths('<script src="/a.js?m=1"></script><link href="/b.css" rel="stylesheet"><a href="//x.org/c">')
    ['/a.js?m=1', '/b.css']
    """
    return re.findall(r'(?:src|href)="(/(?!/)[^"]+)"', html)


def is_warm(server: flask.Flask) -> bool:
    return bool(server.extensions.get(WARM))


def _request_all(server: flask.Flask, paths: list[str], algorithm: str) -> None:
    client = server.test_client()
    for path in paths:
        client.get(path, headers={"Accept-Encoding": algorithm})


def warm(server: flask.Flask, also: tuple[str, ...] = ()) -> threading.Thread:
    """Request every file of a first visit once per compression, in a daemon thread; returns the thread."""

    def run() -> None:
        client = server.test_client()
        html, layout = (client.get(path).get_data(as_text=True) for path in ("/", "/_dash-layout"))
        paths = ["/", "/_dash-layout", "/_dash-dependencies", *page_paths(html), *later_paths(layout), *also]
        # One thread per encoding: zstd, brotli and zlib let go of the GIL while they compress, so on two cores
        # they run side by side (10,000 districts: about half the time of one after the other).
        encodings = [
            threading.Thread(target=_request_all, args=(server, paths, algorithm), daemon=True)
            for algorithm in ALGORITHMS
        ]
        for thread in encodings:
            thread.start()
        for thread in encodings:
            thread.join()
        server.extensions[WARM] = True

    thread = threading.Thread(target=run, name="distriktskort-warm", daemon=True)
    thread.start()
    return thread
