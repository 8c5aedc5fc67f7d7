"""Fuzzed requests to every route and every server callback: whatever arrives, the answer is below 500.

The hostile parts are those that once gave 500s: Unicode digits as years, control characters, numbers JSON allows
but Python cannot convert, nesting deeper than the parser's stack, and bodies of the wrong shape. The routes are
read from the app's own URL map, and the callbacks from its ``/_dash-dependencies``, so one added later is fuzzed
without touching this file. Pictures are stubbed: their drawing is tested in test_pictures.py, and here only the
route around them matters.
"""

from __future__ import annotations

import json
import logging
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import create_app
from data.load import load_dataset
from exports.formats import EXPORTERS
from tests.conftest import write_hostile
from tests.unit.test_hostile import JSON_VALUES, UNICODE_DIGITS, _pattern_ids, _request
from view.view import PARAMETER_NAMES

FUZZ = settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
COUNTS = {"routes": 0, "callbacks": 0}

HOSTILE_TEXT = st.one_of(
    st.sampled_from(
        [*UNICODE_DIGITS, "2016", "2016 ", "Infinity", "NaN", "1e999999", "-0", "9" * 5000, "0x7e0", "%", "%%",
         "\r\n", "\x00", "\u2028", "{\"$ne\":1}", "__proto__", "<script>alert(1)</script>", "[[[[", "../../etc",
         "{%scripts%}", "🙃" * 200, "07", "age_0_5", "change", "en"]
    ),
    st.text(max_size=30),
    st.text(st.characters(max_codepoint=0x3F), max_size=10),  # control characters and ASCII punctuation
)  # fmt: skip
# Raw percent-escapes: invalid UTF-8, NUL, CR and LF, as a client may send them.
RAW_ESCAPES = st.lists(
    st.sampled_from(["%00", "%0d", "%0a", "%ff", "%c3", "%ed%a0%80", "%25", "%2f", "%3f"]), max_size=4
)


def _encoded(text: str) -> str:
    return quote(text.encode("utf-8", "surrogatepass"), safe="")


@st.composite
def queries(draw) -> str:
    names = st.sampled_from(PARAMETER_NAMES) | HOSTILE_TEXT
    pairs = draw(st.lists(st.tuples(names, HOSTILE_TEXT), max_size=6))
    query = "&".join(f"{_encoded(name)}={_encoded(value)}" for name, value in pairs)
    return query + "".join(draw(RAW_ESCAPES))


@st.composite
def paths(draw, shapes_url: str) -> str:
    segment = draw(HOSTILE_TEXT.map(_encoded))
    return draw(
        st.sampled_from(
            [
                "/", "/embed", "/embed/", "/_dash-layout", "/_dash-dependencies", "/healthz", "/_favicon.ico",
                "/_reload-hash", "/export/dataset.zip", shapes_url, *(f"/export/view.{known}" for known in EXPORTERS),
                f"/export/view.{segment}", f"/export/{segment}", f"/_dash-component-suites/dash/{segment}",
                f"/_dash-component-suites/{segment}/{segment}.js", f"/assets/{segment}", f"/static/{segment}",
                f"/data/districts.{segment}.geojson", f"/{segment}",
            ]
        )
    )  # fmt: skip


HEADERS = st.fixed_dictionaries(
    {},
    optional={
        "Accept-Encoding": st.sampled_from(["gzip", "br;q=0, gzip;q=0.5, *", "zstd;q=abc", "*;q=0", "identity"]),
        "Host": st.sampled_from(["evil.example", 'a"b<c>', "[::1]:8050", "x" * 300]),
        "X-Forwarded-Host": st.sampled_from(["evil.example", "a, b, c", ""]),
        "X-Forwarded-Proto": st.sampled_from(["https", "javascript", "http, https"]),
    },
)


@pytest.fixture(scope="module")
def app(demo, tmp_path_factory):
    """Half the requests go to the demo, half to a dataset whose every text is hostile."""
    hostile = load_dataset(write_hostile(tmp_path_factory.mktemp("fuzz") / "hostile"))
    return {"demo": create_app(demo), "hostile": create_app(hostile)}


@pytest.fixture(scope="module")
def errors(app):
    """Every error Flask logs while the fuzz runs: a handled 4xx logs none, an unexpected exception one each."""
    found: list[logging.LogRecord] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            found.append(record)

    handler = Collect(level=logging.ERROR)
    for each in app.values():
        each.server.logger.addHandler(handler)
    yield found
    for each in app.values():
        each.server.logger.removeHandler(handler)


@pytest.fixture(autouse=True)
def no_pictures(monkeypatch):
    from exports.images import PICTURES

    monkeypatch.setattr(PICTURES, "draw", lambda figure, options, topojson=None: b"picture")


def _check(response, errors: list, what: str) -> None:
    assert response.status_code < 500, (what, response.status_code, response.get_data(as_text=True)[:300])
    assert not errors, (what, errors[0].getMessage()[:300])


@FUZZ
@given(data=st.data())
def test_any_address_gets_an_answer_below_500(app, errors, data):
    which = data.draw(st.sampled_from(sorted(app)))
    server = app[which].server
    path = data.draw(paths(server.config["DISTRIKTSKORT_SHAPES_URL"]))
    query = data.draw(queries())
    response = server.test_client().get(f"{path}?{query}", headers=data.draw(HEADERS))
    COUNTS["routes"] += 1
    _check(response, errors, f"{which} GET {path}?{query}")


# Values that json.dumps never writes; put into a body as raw text.
RAW_VALUES = ["Infinity", "-Infinity", "NaN", "1e999999", "-1e999999", "1e-999999", "9" * 4000, "[" * 3000 + "]" * 3000]
VALUES = st.one_of(HOSTILE_TEXT, JSON_VALUES, st.integers(min_value=-(10**400), max_value=10**400), st.floats())


@st.composite
def callback_bodies(draw, specs: list, page_ids: list) -> str:
    spec = draw(st.sampled_from(specs))
    body = _request(spec, "__VALUE__", page_ids)
    for _ in range(draw(st.integers(min_value=0, max_value=3))):  # wrong shapes: a part replaced or dropped
        part = draw(st.sampled_from(["output", "outputs", "inputs", "state", "changedPropIds"]))
        if draw(st.booleans()):
            body.pop(part, None)
        else:
            body[part] = draw(JSON_VALUES)
    text = json.dumps(body)
    values = draw(st.lists(VALUES.map(lambda value: json.dumps(value)) | st.sampled_from(RAW_VALUES), min_size=1))
    for value in values:  # each entry's value in turn, the last one for the rest
        text = text.replace('"__VALUE__"', value, 1)
    return text.replace('"__VALUE__"', values[-1])


@pytest.fixture(scope="module")
def callbacks(app):
    found = {}
    for which, each in app.items():
        client = each.server.test_client()
        specs = [spec for spec in client.get("/_dash-dependencies").get_json() if not spec.get("clientside_function")]
        found[which] = (specs, _pattern_ids(client.get("/_dash-layout").get_json(), []))
    return found


@FUZZ
@given(data=st.data())
def test_any_callback_body_gets_an_answer_below_500(app, callbacks, errors, data):
    which = data.draw(st.sampled_from(sorted(app)))
    specs, page_ids = callbacks[which]
    assert len(specs) >= 4
    body = data.draw(callback_bodies(specs, page_ids))
    client = app[which].server.test_client()
    response = client.post("/_dash-update-component", data=body, content_type="application/json")
    COUNTS["callbacks"] += 1
    _check(response, errors, f"{which} POST {body[:300]}")


def test_the_fuzz_ran(request):
    # Run after the two above (file order): say how many requests they sent, for the changelog and the report.
    if COUNTS["routes"] or COUNTS["callbacks"]:
        request.node.user_properties.append(("fuzzed", dict(COUNTS)))
        print(f"\nfuzzed requests: {COUNTS['routes']} addresses, {COUNTS['callbacks']} callback bodies")
