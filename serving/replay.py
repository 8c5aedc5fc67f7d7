"""Answers replayed: Dash's data routes answer the same request with the same bytes, so each is worked out once.

The dataset does not change while the app runs, so the page layout, the callback list and every callback's answer
depend on the request alone. The first request runs Dash as usual; its finished (compressed) response is kept, and
the same request, compressed the same way, gets those bytes back without running anything (``replay_key``). Memory is
bounded (``serving.compression.BoundedCache``), so a flood of different requests only evicts older answers.
"""

from __future__ import annotations

import hashlib
import json

import flask

# flask-compress's own reading of Accept-Encoding (private, but the one that decides; tests/unit/test_caches.py
# checks that every answer's Content-Encoding is what this predicts).
from flask_compress.flask_compress import _choose_algorithm, _format

from serving import compression
from serving.compression import BoundedCache
from serving.links import link_base

DEFAULT_ALGORITHMS = ("zstd", "br", "gzip", "deflate")  # flask-compress's default order of preference

REPLAYED = {("POST", "/_dash-update-component"), ("GET", "/_dash-layout"), ("GET", "/_dash-dependencies")}
KEPT_HEADERS = ("Content-Type", "Content-Encoding", "Vary")


def encoding(accepted: str, algorithms: tuple[str, ...] | list[str] | str = DEFAULT_ALGORITHMS) -> str:
    """The encoding the compression will choose for an ``Accept-Encoding`` header: flask-compress's own choice
    (q-values, ``*`` and ``identity`` as it reads them), so an answer kept for one client is only replayed to
    clients that would have been sent the same bytes.

    >>> encoding("gzip, deflate"), encoding("gzip, deflate, br, zstd"), encoding("identity"), encoding("br;q=0, gzip")
    ('gzip', 'zstd', '', 'gzip')
    >>> encoding("gzip;q=1, zstd;q=0.5"), encoding("*"), encoding("*;q=0"), encoding("")
    ('gzip', 'zstd', '', '')
    """
    return _choose_algorithm(_format(algorithms), accepted) or ""


def replay_key(request: flask.Request) -> str | None:
    """The request's key, or None for one that is not replayed.

    The key holds everything the kept bytes depend on: method, path and query, body (``canonical_body``: the same
    JSON however it is spaced or ordered), the encoding they were
    compressed with, the address links are built from (``serving.links``) and the day, so nothing is replayed to
    another site's readers or on a later day.
    """
    if (request.method, request.path) not in REPLAYED:
        return None
    config = flask.current_app.config
    limit = config.get("MAX_CONTENT_LENGTH")
    if limit and (request.content_length or 0) > limit:
        return None  # refused as too large (serving.guard); never read it
    chosen = encoding(request.headers.get("Accept-Encoding", ""), config.get("COMPRESS_ALGORITHM", DEFAULT_ALGORITHMS))
    digest = hashlib.blake2b(digest_size=16)
    for part in (request.method, request.full_path, chosen, link_base(request), compression.today().isoformat()):
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    digest.update(canonical_body(request.get_data(cache=True)))
    return f"{chosen}:{digest.hexdigest()}"


def canonical_body(body: bytes) -> bytes:
    """A JSON body written one way (keys sorted, no spaces), so the same question asked by a browser, by a script
    or by ``serving.precompute`` has one key; a body that is not JSON is kept as it came.

    >>> canonical_body(b'{"b": [1, 2], "a": "x"}'), canonical_body(b'{"a":"x","b":[1,2]}'), canonical_body(b"no json")
    (b'{"a":"x","b":[1,2]}', b'{"a":"x","b":[1,2]}', b'no json')
    """
    if not body:
        return body
    try:
        return json.dumps(json.loads(body), sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    except (ValueError, UnicodeDecodeError, RecursionError):  # not JSON (or too deep): the guard answers it
        return body


def replay(server: flask.Flask, cache: BoundedCache | None = None) -> BoundedCache:
    """Serve repeated requests from ``cache``. Register it before the compression: Flask runs after-request hooks
    last-registered first, so ``_keep`` then sees the compressed body."""
    cache = cache or BoundedCache()

    @server.before_request
    def _replay() -> flask.Response | None:
        key = replay_key(flask.request)
        kept = cache.get(key) if key else None
        if kept is None:
            return None
        headers, body = kept
        response = flask.Response(body, headers=headers)
        response.headers["X-Replayed"] = "1"
        return response

    @server.after_request
    def _keep(response: flask.Response) -> flask.Response:
        key = replay_key(flask.request)
        if key and response.status_code == 200 and not response.is_streamed and "X-Replayed" not in response.headers:
            predicted = key.partition(":")[0]
            if response.headers.get("Content-Encoding", predicted) != predicted:
                return response  # compressed otherwise than predicted: keep nothing rather than a wrong copy
            headers = [(name, response.headers[name]) for name in KEPT_HEADERS if name in response.headers]
            body = response.get_data()
            cache.set(key, (headers, body), weight=len(body))
        return response

    return cache
