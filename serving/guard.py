"""Requests that make no sense get a clear 4xx answer before they reach Dash, never a 500.

Dash trusts the browser's callback requests: a body that is not an object, names a callback that does not exist,
or has the wrong number of inputs makes it raise, which Flask turns into a 500. The callbacks themselves already
treat any value as possible (unknown ids, years outside the data, wrong types fall back to defaults); this guard
checks the shape around those values against the app's own callback map, and caps the size of every request.
"""

from __future__ import annotations

from collections.abc import Callable

import flask
from dash.exceptions import DependencyException, InvalidCallbackReturnValue
from werkzeug.exceptions import HTTPException

MAX_REQUEST_BYTES = 256 * 1024  # the largest real callback request is a few kB
# A real callback body nests about six deep (a pattern-matched input's id inside its entry inside a list); 100,000
# '[' fit in 256 kB and once made the JSON parser give up with a RecursionError, a 500.
MAX_DEPTH = 32
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


def nesting_depth(value: object, limit: int = MAX_DEPTH) -> int:
    """How deep lists and objects nest in ``value`` (counted without recursion, and only up to ``limit + 1``).

    >>> nesting_depth(1), nesting_depth([]), nesting_depth({"a": [[1], {"b": []}]}), nesting_depth([[[[]]]], limit=2)
    (0, 1, 4, 3)
    """
    deepest, stack = 0, [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (list, dict)):
            depth += 1
            deepest = max(deepest, depth)
            if deepest > limit:
                return deepest
            stack.extend((child, depth) for child in (item.values() if isinstance(item, dict) else item))
    return deepest


def _output_entry(entry: object, pattern: bool) -> bool:
    # One output: an object with an id (text, or for a pattern an object) and a property; a pattern output (ALL)
    # is a list of those.
    if pattern:
        return isinstance(entry, list) and all(_output_entry(item, False) for item in entry)
    return (
        isinstance(entry, dict) and isinstance(entry.get("id"), (str, dict)) and isinstance(entry.get("property"), str)
    )


def _outputs(output: str, outputs: object) -> None:
    parts = output.strip(".").split("...") if output.startswith("..") else [output]
    patterns = [part.startswith("{") for part in parts]
    if output.startswith(".."):  # several outputs: one entry each, a list where an output matches a pattern
        if not isinstance(outputs, list) or len(outputs) != len(parts):
            raise Refused(f"'outputs' must be a list of {len(parts)} entries")
    else:
        outputs = [outputs]
    if not all(_output_entry(entry, pattern) for entry, pattern in zip(outputs, patterns, strict=True)):
        raise Refused("every entry of 'outputs' must be an object with an 'id' and a 'property', or a list of them")


def check_callback_request(body: object, callback_map: dict) -> None:
    """Raise ``Refused`` unless ``body`` is shaped like a request for one of the app's callbacks.

    >>> check_callback_request(
    ...     {"output": "a.children", "outputs": {"id": "a", "property": "children"}, "inputs": []}, {"a.children": {}}
    ... )
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
    _outputs(output, body.get("outputs"))


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
        too_deep = Refused(f"it nests deeper than {MAX_DEPTH} levels")
        try:
            body = request.get_json(silent=True)  # parsed once; Dash reads the same parsed body
        except RecursionError:  # Python's parser gives up near 1,000 levels
            body = too_deep
        if body is None:
            return _refusal("The request body is not JSON. Reload the page.", 400)
        try:
            if body is too_deep or nesting_depth(body) > MAX_DEPTH:
                raise too_deep
            check_callback_request(body, callbacks())
        except Refused as refusal:
            return _refusal(f"This request does not fit the page: {refusal}. Reload the page.", 400)
        return None

    @server.errorhandler(DependencyException)
    def _no_such_script(error: DependencyException) -> flask.Response:
        # An unknown /_dash-component-suites/ path: Dash raises, which Flask logs as a 2.5 kB traceback and answers
        # with a 500. It is a wrong address, nothing more.
        return _refusal("404 Not Found: no such script or style.", 404)

    @server.errorhandler(InvalidCallbackReturnValue)
    def _outputs_do_not_fit(error: InvalidCallbackReturnValue) -> flask.Response:
        # Dash checks a callback's answer against the outputs the request listed; a request that lists, say, two of
        # three pattern-matched outputs gets an answer that cannot fit it. The request is at fault, not the answer:
        # every test of a request the page itself sends expects a 200.
        return _refusal("This request does not fit the page: its outputs do not match. Reload the page.", 400)

    @server.errorhandler(HTTPException)
    def _http_error(error: HTTPException) -> flask.Response:
        # Werkzeug's own pages are HTML with a stack of wording; say it plainly, in JSON for scripts.
        return _refusal(f"{error.code} {error.name}: {error.description}", error.code or 400)
