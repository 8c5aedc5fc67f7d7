"""Answer the likely view requests once, in the background after the warm-up, so a reader's switch rarely computes.

A view no one has asked for costs 17–25 ms of CPU (the view, Dash's JSON, compression); a replayed one 3–5 ms
(``serving.replay``). The dataset is fixed while the app runs, so the answers a first switch is likely to want can
be worked out before anyone asks: every indicator, in each of its measures, modes and languages, as the page asks
for it before the browser holds any figures (the ``KNOWN_SERIES`` store empty), with the slider on the view's
default year, once per encoding browsers and HTTP clients ask for. Each request goes through the whole app (a
test client, as ``serving.warm`` does), so what is kept is exactly what the app would have answered; nothing here
knows what the view callback returns. Likely views come first (Danish, figures, shares), and it stops at a budget
of bytes, so a large dataset keeps the likeliest. ``/healthz`` says when it is done (``"views": true``).
"""

from __future__ import annotations

import itertools
import json
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

import flask

ENCODINGS = ("zstd", "br")  # what browsers (zstd) and HTTP clients with brotli ask for first; others compute
BUDGET_BYTES = 40 * 1024 * 1024  # of serving.compression.CACHE_BYTES, which also keeps files and other answers
DONE = "distriktskort_views"


@dataclass(frozen=True)
class ViewQuestions:
    """Which callback answers a view, and what to ask it. The ids are the page's (ui/ids.py), given by the app: this
    floor does not know the page.

    ``output`` is the view callback's output as "component.property"; every indicator ``picker`` offers is asked
    for (a change of it is the usual question); ``asked`` gives other controls' ids and the values to ask them in,
    likeliest first.
    """

    output: str
    picker: str
    asked: Mapping[str, tuple[str, ...]]


def _walk(node: object) -> Iterator[dict]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def _values(layout: object) -> dict[str, dict]:
    """The layout's components by id (string ids only)."""
    return {
        node["props"]["id"]: node["props"] for node in _walk(layout) if isinstance(node.get("props", {}).get("id"), str)
    }


def likely_bodies(dependencies: list[dict], layout: dict, questions: ViewQuestions) -> Iterator[dict]:
    """The view callback's request bodies for every indicator the picker offers, likeliest first: the first value
    of each of ``questions.asked`` before the others, with every other input and state at its value in the page's
    layout (the known figures empty, the slider on its first year).

    >>> spec = {"output": "..map-view.data...x.y..", "inputs": [{"id": "controls-indicator", "property": "value"},
    ...         {"id": "controls-lang", "property": "value"}], "state": [{"id": "k", "property": "data"}]}
    >>> layout = {"props": {"children": [{"props": {"id": "controls-indicator", "value": "a",
    ...           "options": [{"value": "a"}, {"value": "f", "disabled": True}, {"value": "b"}]}},
    ...           {"props": {"id": "controls-lang", "value": "da"}}, {"props": {"id": "k", "data": []}}]}}
    >>> questions = ViewQuestions("map-view.data", "controls-indicator", {"controls-lang": ("da", "en")})
    >>> [[i["value"] for i in body["inputs"]] for body in likely_bodies([spec], layout, questions)]
    [['a', 'da'], ['b', 'da'], ['a', 'en'], ['b', 'en']]
    """
    spec = next(spec for spec in dependencies if questions.output in spec["output"])
    props = _values(layout)
    indicators = [option["value"] for option in props[questions.picker]["options"] if not option.get("disabled")]
    outputs = []
    for part in spec["output"].strip(".").split("..."):
        component, prop = part.rsplit(".", 1)
        outputs.append({"id": component, "property": prop})
    asked = questions.asked
    names = [entry["id"] for entry in spec["inputs"] if entry["id"] in asked and asked[entry["id"]]]
    for choice in itertools.product(*(asked[name] for name in names), indicators):
        values = dict(zip([*names, questions.picker], choice, strict=True))
        yield {
            "output": spec["output"],
            "outputs": outputs,
            "inputs": [
                {
                    "id": entry["id"],
                    "property": entry["property"],
                    "value": values.get(entry["id"], props.get(entry["id"], {}).get(entry["property"])),
                }
                for entry in spec["inputs"]
            ],  # fmt: skip
            "changedPropIds": [f"{questions.picker}.value"],
            "state": [
                {
                    "id": entry["id"],
                    "property": entry["property"],
                    "value": props.get(entry["id"], {}).get(entry["property"]),
                }
                for entry in spec["state"]
            ],  # fmt: skip
        }


def views_ready(server: flask.Flask) -> bool:
    return bool(server.extensions.get(DONE))


def precompute_views(
    server: flask.Flask, questions: ViewQuestions, after: threading.Thread | None = None
) -> threading.Thread:
    """Ask the app every likely view request once per encoding, in a daemon thread (after ``after``, the warm-up,
    has finished), until ``BUDGET_BYTES`` of answers are kept; returns the thread."""

    def run() -> None:
        if after is not None:
            after.join()
        client = server.test_client()
        dependencies = client.get("/_dash-dependencies").get_json()
        layout = client.get("/_dash-layout").get_json()
        kept = 0
        for body in likely_bodies(dependencies, layout, questions):
            data = json.dumps(body)
            for encoding in ENCODINGS:
                answer = client.post("/_dash-update-component", data=data, content_type="application/json",
                                     headers={"Accept-Encoding": encoding})  # fmt: skip
                kept += len(answer.get_data())
            if kept > BUDGET_BYTES:
                break
        server.extensions[DONE] = True

    thread = threading.Thread(target=run, name="distriktskort-precompute", daemon=True)
    thread.start()
    return thread
