"""Requests that make no sense get a clear 4xx answer before they reach Dash, never a 500.

Dash trusts the browser's callback requests: a body that is not an object, names a callback that does not exist,
or has the wrong number of inputs makes it raise, which Flask turns into a 500. The callbacks themselves already
treat any value as possible (unknown ids, years outside the data, wrong types fall back to defaults); this guard
checks the shape around those values against the app's own callback map, and caps the size of every request.
"""

from __future__ import annotations

from collections.abc import Callable

import flask
from werkzeug.exceptions import HTTPException

MAX_REQUEST_BYTES = 256 * 1024  # the largest real callback request is a few kB
CALLBACK_PATH = "/_dash-update-component"


class Refused(Exception):
    """A request whose shape is wrong, with what is wrong in words."""


def _entries(body: dict, field: str, expected: int) -> None:
    entries = body.get(field, [])
    if not isinstance(entries, list) or len(entries) != expected:
        raise Refused(f"'{field}' must be a list of {expected} entries")
    for entry in entries:
        for item in entry if isinstance(entry, list) else [entry]:
            if not isinstance(item, dict) or "id" not in item or not isinstance(item.get("property"), str):
                raise Refused(f"every entry of '{field}' must be an object with an 'id' and a 'property'")


def check_callback_request(body: object, callback_map: dict) -> None:
    """Raise ``Refused`` unless ``body`` is shaped like a request for one of the app's callbacks.

    >>> check_callback_request({"output": "a.children", "outputs": {}, "inputs": []}, {"a.children": {}})
    >>> check_callback_request([], {})
    Traceback (most recent call last):
    ...
    serving.guard.Refused: the body must be a JSON object
    """
    if not isinstance(body, dict):
        raise Refused("the body must be a JSON object")
    output = body.get("output")
    if not isinstance(output, str) or output not in callback_map:
        raise Refused("'output' must name one of this page's callbacks")
    spec = callback_map[output]
    _entries(body, "inputs", len(spec.get("inputs", [])))
    _entries(body, "state", len(spec.get("state", [])))
    changed = body.get("changedPropIds", [])
    if not isinstance(changed, list) or not all(isinstance(item, str) for item in changed):
        raise Refused("'changedPropIds' must be a list of strings")
    outputs = body.get("outputs")
    if output.startswith(".."):  # several outputs: one entry each, a list where an output matches a pattern
        count = output.strip(".").count("...") + 1
        if not isinstance(outputs, list) or len(outputs) != count:
            raise Refused(f"'outputs' must be a list of {count} entries")
    elif not isinstance(outputs, (dict, list)):
        raise Refused("'outputs' must be an object or a list")


def _refusal(message: str, status: int) -> flask.Response:
    response = flask.jsonify(error=message)
    response.status_code = status
    return response


def guard_requests(server: flask.Flask, callbacks: Callable[[], dict]) -> None:
    """Check every callback request against ``callbacks()`` (Dash's callback map) before Dash sees it."""
    server.config["MAX_CONTENT_LENGTH"] = MAX_REQUEST_BYTES

    @server.before_request
    def _check() -> flask.Response | None:
        request = flask.request
        if request.path != CALLBACK_PATH or request.method != "POST":
            return None
        body = request.get_json(silent=True)  # parsed once; Dash reads the same parsed body
        if body is None:
            return _refusal("The request body is not JSON. Reload the page.", 400)
        try:
            check_callback_request(body, callbacks())
        except Refused as refusal:
            return _refusal(f"This request does not fit the page: {refusal}. Reload the page.", 400)
        return None

    @server.errorhandler(HTTPException)
    def _http_error(error: HTTPException) -> flask.Response:
        # Werkzeug's own pages are HTML with a stack of wording; say it plainly, in JSON for scripts.
        return _refusal(f"{error.code} {error.name}: {error.description}", error.code or 400)
