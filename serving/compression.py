"""Compressed responses, each compressed once.

Every response Distriktskort gives is decided by its request, the site's address and the day: the dataset never
changes while the app runs, so a callback asked the same question gives the same answer. Compressed bodies are
therefore kept in a small cache keyed by all three (``request_key``): the first reader of a file or view pays for
compressing it, every later one gets the stored bytes. Anything new an answer comes to depend on belongs in that key.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from datetime import date

import flask
from flask_compress import Compress

from serving.links import link_base

COMPRESSED_TYPES = (
    "text/html",
    "text/css",
    "text/plain",
    "application/javascript",
    "text/javascript",
    "application/json",
    "application/geo+json",
)
# Levels that compress a 180 kB map view in about 5 ms: every distinct view is compressed once (then kept), but
# that once is on a reader's click. (gzip 9 took 68 ms for 14 % fewer bytes; zstd 15, 29 ms for 17 % fewer.)
LEVELS = {"COMPRESS_LEVEL": 6, "COMPRESS_BR_LEVEL": 5, "COMPRESS_ZSTD_LEVEL": 9}
CACHE_ENTRIES = 4096  # bounded by CACHE_BYTES first: serving.precompute keeps a thousand views or more
CACHE_BYTES = 64 * 1024 * 1024


class BoundedCache:
    """A thread-safe least-recently-used store of compressed bodies, bounded in entries and bytes.

    >>> cache = BoundedCache(entries=2, limit=100)
    >>> cache.set("a", b"1"); cache.set("b", b"2"); cache.set("c", b"3")
    >>> cache.get("a"), cache.get("c")
    (None, b'3')
    """

    def __init__(self, entries: int = CACHE_ENTRIES, limit: int = CACHE_BYTES) -> None:
        self.entries, self.limit, self.size = entries, limit, 0
        self.store: OrderedDict[str, tuple[object, int]] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: str) -> object | None:
        with self.lock:
            kept = self.store.get(key)
            if kept is None:
                return None
            self.store.move_to_end(key)
            return kept[0]

    def set(self, key: str, value: object, weight: int | None = None) -> None:
        """Keep ``value``, which counts ``weight`` bytes (its length unless given)."""
        weight = len(value) if weight is None else weight
        if weight > self.limit:
            return
        with self.lock:
            if key in self.store:
                self.size -= self.store.pop(key)[1]
            self.store[key] = (value, weight)
            self.size += weight
            while len(self.store) > self.entries or self.size > self.limit:
                _, (_, dropped) = self.store.popitem(last=False)
                self.size -= dropped


def today() -> date:
    """The server's date, which every export prints; one place, so tests can move it."""
    return date.today()


def request_key(request: flask.Request) -> str:
    """What decides a response: method, path with query, body, the address links are built from
    (``serving.links``: an export prints its view link) and the day (an export prints its date).

    flask-compress adds the encoding it chose in front of this key.
    """
    digest = hashlib.blake2b(digest_size=16)
    for part in (request.method, request.full_path, link_base(request), today().isoformat()):
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    digest.update(request.get_data(cache=True))
    return digest.hexdigest()


def buffer_files(response: flask.Response) -> flask.Response:
    """Read a served file into memory, so it is compressed once and cached rather than streamed and compressed on
    every request (flask-compress caches only whole bodies). Scripts and styles are at most a few MB."""
    if response.status_code == 200 and response.mimetype in COMPRESSED_TYPES and response.is_streamed:
        response.direct_passthrough = False
        response.get_data()  # buffers the body: the response is no longer streamed
    return response


def compress(server: flask.Flask) -> Compress:
    server.config.update(
        COMPRESS_MIMETYPES=list(COMPRESSED_TYPES),
        COMPRESS_CACHE_KEY=request_key,
        COMPRESS_CACHE_BACKEND=BoundedCache,
        **LEVELS,
    )
    compression = Compress(server)
    # Flask runs after-request hooks last-registered first: this one runs before the compression.
    server.after_request(buffer_files)
    return compression
