"""Hostile requests to every server callback and every route: a clear 4xx or a working answer, never a 500.

The callbacks are read from the running app's own ``/_dash-dependencies``, so a callback added later is covered
without touching this file.
"""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import create_app
from serving.guard import MAX_REQUEST_BYTES

NASTY = [
    None,
    "",
    "<script>alert(1)</script>",
    "DROP TABLE districts",
    -1,
    10**30,
    1e308,
    "NaN",
    "2016",
    ["age_0_5"] * 500,
    {"index": "01", "type": "x"},
    {"$ne": 1},
    "🙃" * 1000,
]
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=8), inner, max_size=5),
    max_leaves=12,
)


@pytest.fixture(scope="module")
def client(demo):
    return create_app(demo).server.test_client()


@pytest.fixture(scope="module")
def callbacks(client):
    return [spec for spec in client.get("/_dash-dependencies").get_json() if not spec.get("clientside_function")]


def _pattern_ids(node, found: list) -> list:
    """Every dict id in a layout, the way a pattern-matched output is matched against the page."""
    if isinstance(node, dict):
        if isinstance(node.get("id"), dict):
            found.append(node["id"])
        for value in node.values():
            _pattern_ids(value, found)
    elif isinstance(node, list):
        for value in node:
            _pattern_ids(value, found)
    return found


@pytest.fixture(scope="module")
def page_ids(client):
    return _pattern_ids(client.get("/_dash-layout").get_json(), [])


def _outputs(spec: dict, page_ids: list) -> list:
    outputs = []
    for part in spec["output"].strip(".").split("..."):
        component, prop = part.rsplit(".", 1)
        if component.startswith("{"):  # {"index": ["ALL"], "type": ...}: every component of that type
            kind = json.loads(component)["type"]
            outputs.append([{"id": found, "property": prop} for found in page_ids if found.get("type") == kind])
        else:
            outputs.append({"id": component, "property": prop})
    return outputs


def _entry(dependency: dict, value) -> dict | list:
    if dependency["id"].startswith("{"):  # a pattern-matched input: a list of the components it matches
        return [{"id": json.loads(dependency["id"]), "property": dependency["property"], "value": value}]
    return {"id": dependency["id"], "property": dependency["property"], "value": value}


def _request(spec: dict, value, page_ids: list) -> dict:
    first = spec["inputs"][0]
    outputs = _outputs(spec, page_ids)
    return {
        "output": spec["output"],
        "outputs": outputs if spec["output"].startswith("..") else outputs[0],
        "inputs": [_entry(dependency, value) for dependency in spec["inputs"]],
        "state": [_entry(dependency, value) for dependency in spec["state"]],
        "changedPropIds": [f"{first['id']}.{first['property']}"],
    }


def _post(client, body) -> object:
    return client.post("/_dash-update-component", json=body)


def test_every_callback_answers_nasty_values_without_an_error(client, callbacks, page_ids):
    assert len(callbacks) >= 4
    for spec in callbacks:
        for value in NASTY:
            response = _post(client, _request(spec, value, page_ids))
            assert response.status_code in (200, 204), (spec["output"], value, response.get_data(as_text=True)[:300])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=JSON_VALUES, which=st.integers(min_value=0, max_value=50))
def test_any_json_value_in_any_callback_keeps_the_page_working(client, callbacks, page_ids, value, which):
    spec = callbacks[which % len(callbacks)]
    assert _post(client, _request(spec, value, page_ids)).status_code in (200, 204)


@pytest.mark.parametrize(
    "body",
    [
        [],
        {},
        {"output": "nope.children", "inputs": [], "changedPropIds": []},
        {"output": 7},
        "just a string",
    ],
    ids=["list", "empty", "unknown-output", "output-not-text", "string"],
)
def test_requests_shaped_wrong_are_refused_in_words(client, body):
    response = _post(client, body)
    assert response.status_code == 400
    assert "Reload the page" in response.get_json()["error"]


def test_a_callback_with_the_wrong_number_of_inputs_or_outputs_is_refused(client, callbacks, page_ids):
    body = _request(callbacks[0], None, page_ids)
    body["inputs"] = body["inputs"][:-1]
    response = _post(client, body)
    assert response.status_code == 400 and "'inputs' must be a list of" in response.get_json()["error"]
    body = _request(callbacks[0], None, page_ids)
    body["inputs"][0] = "not an object"
    assert _post(client, body).status_code == 400
    body = _request(callbacks[0], None, page_ids)
    body["outputs"] = body["outputs"][:1]
    assert _post(client, body).status_code == 400


def test_not_json_and_oversized_bodies_are_refused(client):
    response = client.post("/_dash-update-component", data=b"{{{", content_type="application/json")
    assert response.status_code == 400 and "not JSON" in response.get_json()["error"]
    huge = b'{"output": "' + b"x" * (MAX_REQUEST_BYTES + 1) + b'"}'
    response = client.post("/_dash-update-component", data=huge, content_type="application/json")
    assert response.status_code == 413 and "413" in response.get_json()["error"]


@pytest.mark.parametrize(
    "path",
    [
        "/?indicator=%00&year=99999999999999999999&district=<b>&lang=xx&mode=%ff&from=-1",
        "/embed?year=-1&lang=%ff&compare=" + "x" * 5000,
        "/export/view.csv?year=99999999999999999999&indicator=../../etc/passwd",
        "/export/view.xlsx?from=abc&mode=change&measure=[]",
        "/export/view.geojson?district=%00&lang=en",
        "/export/view.exe",
        "/export/dataset.zip?x=1",
        "/data/districts.0000.geojson",
        "/healthz?verbose=1",
        "/_dash-layout?x=1",
        "/assets/../app.py",
        "/assets/%2e%2e/app.py",
    ],
)
def test_odd_addresses_get_a_page_or_a_clear_404(client, path):
    response = client.get(path)
    assert response.status_code in (200, 404), path
    assert b"Traceback" not in response.data
    if path.startswith("/assets/"):
        assert b"create_app" not in response.data, "no source file is served from outside assets/"


def test_other_methods_are_refused_in_words(client):
    response = client.delete("/_dash-update-component")
    assert response.status_code == 405 and "405" in response.get_json()["error"]


# Issue 11: inputs that once gave a 500.

UNICODE_DIGITS = ("²", "①", "٣", "２０１６", "𝟚𝟘𝟙𝟞")  # str.isdigit() is true for each; int() refuses them


@pytest.mark.parametrize("digits", UNICODE_DIGITS)
@pytest.mark.parametrize("parameter", ["year", "from"])
def test_unicode_digits_are_not_a_year(client, demo, parameter, digits):
    from urllib.parse import unquote

    from view.view import View

    _, ignored = View.parse(demo, f"?mode=change&{parameter}={digits}")
    assert f"{parameter}={digits}" in ignored, "ignored, with the quiet notice"
    response = client.get(f"/export/view.csv?mode=change&{parameter}={digits}")
    assert response.status_code == 200
    assert f"{parameter}={digits}" in unquote(response.headers["X-Distriktskort-Ignored"])


def test_unicode_digits_in_a_link_give_the_notice_and_keep_the_rest_of_the_view(demo):
    from ui.callbacks import apply_url

    applied = apply_url(demo, "?indicator=dwelling_flat&year=²&district=07", {})
    values, notice = applied["controls"], applied["notice"]
    assert values["indicator"] == "dwelling_flat" and values["district"] == "07", "the rest of the link is kept"
    assert values["year"] == demo.info.default_year and "year=²" in notice and applied["applied"] is True


@pytest.mark.parametrize("junk", ["%0d%0aSet-Cookie:%20x=1", "%00", "%0a", "%e2%80%a8", "%ff%fe"])
def test_control_characters_in_an_ignored_parameter_keep_the_header_one_safe_line(client, junk):
    from urllib.parse import unquote

    response = client.get(f"/export/view.csv?indicator=age{junk}_0_5&colour{junk}=red")
    assert response.status_code == 200 and "Set-Cookie" not in response.headers
    ignored = response.headers["X-Distriktskort-Ignored"]
    assert ignored.isascii() and ignored.isprintable(), "percent-encoded: one line of ASCII"
    assert "indicator=age" in unquote(ignored) and "colour" in unquote(ignored)


def _raw_post(client, spec: dict, page_ids: list, raw_value: str):
    # Put JSON that json.dumps never writes (1e999999, Infinity, deep nesting) in place of every value.
    text = json.dumps(_request(spec, "__RAW__", page_ids)).replace('"__RAW__"', raw_value)
    return client.post("/_dash-update-component", data=text, content_type="application/json")


@pytest.mark.parametrize("raw", ["Infinity", "-Infinity", "NaN", "1e999999", "-1e999999", "2016.5", "9" * 4000])
def test_huge_and_infinite_numbers_as_a_year_in_a_callback_body(client, callbacks, page_ids, raw):
    for spec in callbacks:
        response = _raw_post(client, spec, page_ids, raw)
        assert response.status_code in (200, 204), (spec["output"], raw, response.get_data(as_text=True)[:200])


def test_deep_nesting_under_the_size_limit_is_refused_in_words(client, callbacks, page_ids):
    for depth in (40, 5_000, 100_000):
        body = "[" * depth + "]" * depth
        assert len(body) < MAX_REQUEST_BYTES
        response = client.post("/_dash-update-component", data=body, content_type="application/json")
        assert response.status_code == 400 and "Reload the page" in response.get_json()["error"]
    for depth in (40, 5_000):  # as the value of every input of a real request
        response = _raw_post(client, callbacks[0], page_ids, "[" * depth + "]" * depth)
        assert response.status_code == 400 and "nests deeper" in response.get_json()["error"]


WRONG_OUTPUTS = [None, [], {}, "x", 7, [None], [[]], [{"id": "x"}], {"id": None, "property": "value"}, [[{}]]]


@pytest.mark.parametrize("outputs", WRONG_OUTPUTS)
def test_outputs_of_the_wrong_shape_are_refused(client, callbacks, page_ids, outputs):
    for spec in callbacks:
        body = _request(spec, None, page_ids)
        body["outputs"] = outputs
        assert _post(client, body).status_code == 400, (spec["output"], outputs)


def test_pattern_outputs_that_do_not_match_the_page_are_refused(client, callbacks, page_ids):
    spec = next(spec for spec in callbacks if '"ALL"' in spec["output"] or "ALL" in spec["output"])
    body = _request(spec, None, page_ids)
    pattern = next(i for i, entry in enumerate(body["outputs"]) if isinstance(entry, list))
    body["outputs"][pattern] = body["outputs"][pattern][:1]  # one of the page's matching components, not all
    response = _post(client, body)
    assert response.status_code == 400 and "outputs do not match" in response.get_json()["error"]


@pytest.mark.parametrize(
    "path",
    [
        "/_dash-component-suites/dash/nope.js",
        "/_dash-component-suites/nothing/x.js",
        "/_dash-component-suites/dash/../../app.py",
        "/_dash-component-suites/dash/dcc/%00.js",
        "/_dash-component-suites/plotly/" + "a/" * 200 + "x.js",
    ],
)
def test_unknown_component_scripts_are_a_quiet_404(client, path, caplog):
    with caplog.at_level("DEBUG"):
        response = client.get(path)
    assert response.status_code == 404 and b"Traceback" not in response.data
    assert not [record for record in caplog.records if record.levelname in ("ERROR", "CRITICAL")], "no traceback"
