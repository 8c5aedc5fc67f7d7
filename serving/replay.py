"""Answers replayed: Dash's data routes answer the same request with the same bytes, so each is worked out once.

The dataset does not change while the app runs, so the page layout, the callback list and every callback's answer
depend on the request alone. The first request runs Dash as usual; its finished (compressed) response is kept, and
the same request, with the same accepted encodings, gets those bytes back without running anything. Memory is
bounded (``serving.compression.BoundedCache``), so a flood of different requests only evicts older answers.
"""

from __future__ import annotations

import hashlib

import flask

from serving.compression import BoundedCache

REPLAYED = {("POST", "/_dash-update-component"), ("GET", "/_dash-layout"), ("GET", "/_dash-dependencies")}
KEPT_HEADERS = ("Content-Type", "Content-Encoding", "Vary")
ENCODINGS = ("zstd", "br", "gzip", "deflate")  # flask-compress's order of preference (its default)


def encoding(accepted: str) -> str:
    """The encoding the compression will choose: the first of ENCODINGS the client accepts (q=0 means no).

    >>> encoding("gzip, deflate"), encoding("gzip, deflate, br, zstd"), encoding("identity"), encoding("br;q=0, gzip")
    ('gzip', 'zstd', '', 'gzip')
    """
    offered = {}
    for item in accepted.lower().split(","):
        name, _, quality = item.strip().partition(";q=")
        offered[name.strip()] = quality.strip() not in ("0", "0.0", "0.00", "0.000")
    return next((name for name in ENCODINGS if offered.get(name)), "")


def replay_key(request: flask.Request) -> str | None:
    """The request's key, or None for one that is not replayed."""
    if (request.method, request.path) not in REPLAYED:
        return None
    limit = flask.current_app.config.get("MAX_CONTENT_LENGTH")
    if limit and (request.content_length or 0) > limit:
        return None  # refused as too large (serving.guard); never read it
    digest = hashlib.blake2b(digest_size=16)
    for part in (request.method, request.full_path, encoding(request.headers.get("Accept-Encoding", ""))):
        digest.update(part.encode() + b"\0")
    digest.update(request.get_data(cache=True))
    return digest.hexdigest()


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
            headers = [(name, response.headers[name]) for name in KEPT_HEADERS if name in response.headers]
            body = response.get_data()
            cache.set(key, (headers, body), weight=len(body))
        return response

    return cache
