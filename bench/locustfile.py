"""Readers of a busy Distriktskort, for locust (run by ``bench/load.py``; not part of the product).

Each simulated reader opens the page's data (the shapes, once) and then switches indicators, measures and
languages, pausing one to three seconds between clicks as a reader does. An indicator switch is the one request a
reader's click sends: Dash's callback that returns the map view with every year.
"""

from __future__ import annotations

import random

from locust import HttpUser, between, task

VIEW_OUTPUT = "map-view.data"


class Reader(HttpUser):
    wait_time = between(1, 3)

    def on_start(self) -> None:
        dependencies = self.client.get("/_dash-dependencies", name="/_dash-dependencies").json()
        self.spec = next(spec for spec in dependencies if VIEW_OUTPUT in spec["output"])
        layout = self.client.get("/_dash-layout", name="/_dash-layout").json()
        self.indicators = [option["value"] for option in _options(layout) if not option.get("disabled")]
        # Every input and state the reader does not change is sent as the page holds it: the figures the browser
        # holds (none yet), the slider's year, the start year of a change.
        self.page = {node["props"]["id"]: node["props"] for node in _walk(layout)
                     if isinstance(node.get("props", {}).get("id"), str)}  # fmt: skip
        self.shapes = _setup(layout)["shapes"]
        self.client.get(self.shapes, name="/data/districts.<hash>.geojson")

    @task
    def switch_indicator(self) -> None:
        values = {
            "controls-indicator": random.choice(self.indicators),
            "controls-measure": random.choice(["share", "share", "share", "count"]),
            "controls-lang": "en" if random.random() < 0.1 else "da",
            "controls-mode": "change" if random.random() < 0.15 else "value",
        }

        def held(entry: dict) -> object:
            return values.get(entry["id"], self.page.get(entry["id"], {}).get(entry["property"]))

        body = {
            "output": self.spec["output"],
            "outputs": [_output(part) for part in self.spec["output"].strip(".").split("...")],
            "inputs": [
                {"id": entry["id"], "property": entry["property"], "value": held(entry)}
                for entry in self.spec["inputs"]
            ],
            "state": [
                {"id": entry["id"], "property": entry["property"], "value": held(entry)} for entry in self.spec["state"]
            ],
            "changedPropIds": ["controls-indicator.value"],
        }
        with self.client.post("/_dash-update-component", json=body, name="indicator switch", catch_response=True) as r:
            if r.status_code != 200 or VIEW_OUTPUT.split(".")[0] not in r.text:
                r.failure(f"HTTP {r.status_code}: {r.error!r}"[:200])


def _output(part: str) -> dict:
    component, prop = part.rsplit(".", 1)
    return {"id": component, "property": prop}


def _walk(node):
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def _options(layout) -> list[dict]:
    picker = next(node for node in _walk(layout) if node.get("id") == "controls-indicator")
    return picker["options"]


def _setup(layout) -> dict:
    return next(node for node in _walk(layout) if node.get("id") == "map-setup")["data"]
