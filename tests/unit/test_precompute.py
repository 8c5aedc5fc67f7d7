"""The likely view requests are answered once in the background, and a reader's request, however its JSON is
spaced or ordered, gets that answer back without the app working anything out (serving.precompute, serving.replay).
"""

from __future__ import annotations

import json

import pytest

from app import create_app, likely_views
from layers.registry import MEASURES
from layers.text import LANGUAGES
from serving.precompute import ENCODINGS, likely_bodies, precompute_views, views_ready
from view.modes import MODES

UPDATE = "/_dash-update-component"


@pytest.fixture
def server(demo, monkeypatch):
    monkeypatch.delenv("DISTRIKTSKORT_PUBLIC_URL", raising=False)
    monkeypatch.delenv("DISTRIKTSKORT_TRUSTED_PROXIES", raising=False)
    return create_app(demo).server


def _bodies(server, languages=LANGUAGES, measures=tuple(MEASURES), modes=tuple(MODES)) -> list[dict]:
    client = server.test_client()
    dependencies, layout = client.get("/_dash-dependencies").get_json(), client.get("/_dash-layout").get_json()
    return list(likely_bodies(dependencies, layout, likely_views(languages, measures, modes)))


def _ask(server, body: dict, encoding: str = "br", **dumps):
    data = json.dumps(body, **dumps)
    headers = {"Accept-Encoding": encoding}
    return server.test_client().post(UPDATE, data=data, content_type="application/json", headers=headers)


def test_every_indicator_in_every_measure_mode_and_language_is_asked_for_likeliest_first(server, demo):
    bodies = _bodies(server)
    indicators = [i for i in demo.indicators]
    assert len(bodies) == len(indicators) * len(MEASURES) * len(MODES) * len(LANGUAGES)
    first = {entry["id"]: entry["value"] for entry in bodies[0]["inputs"]}
    assert (first["controls-lang"], first["controls-mode"], first["controls-measure"]) == ("da", "value", "share")
    known = next(entry for entry in bodies[0]["state"] if entry["property"] == "data")
    assert known["value"] == []  # as a page asks before it holds any figures


def test_the_same_question_written_another_way_is_replayed(server):
    body = _bodies(server, ("en",))[3]
    first = _ask(server, body)
    again = _ask(server, {key: body[key] for key in reversed(list(body))}, indent=2)
    assert first.status_code == again.status_code == 200
    assert "X-Replayed" not in first.headers and again.headers["X-Replayed"] == "1"
    assert again.data == first.data and again.headers["Content-Encoding"] == first.headers["Content-Encoding"]


def test_a_different_question_is_not_replayed(server):
    first, second = _bodies(server, ("da",))[:2]
    _ask(server, first)
    assert "X-Replayed" not in _ask(server, second).headers


def test_the_likely_views_are_answered_before_anyone_asks(server):
    assert not views_ready(server)
    precompute_views(server, likely_views(("sv",), ("share",), ("change",))).join(timeout=120)
    assert views_ready(server)
    for body in _bodies(server, ("sv",), ("share",), ("change",))[:3]:
        answers = [_ask(server, body, encoding) for encoding in ENCODINGS]
        assert [answer.headers.get("X-Replayed") for answer in answers] == ["1"] * len(ENCODINGS)
        assert "map-view" in json.loads(_ask(server, body, "identity").data)["response"]
