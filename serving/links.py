"""The site's own address, for links that leave the page: the view link printed in every export.

A link must never come from a bare ``Host`` header: anyone can send one, and an export carrying it may be kept
and served to others. So the address is, in order:

1. ``DISTRIKTSKORT_PUBLIC_URL`` (e.g. ``https://kort.example.dk``), when set: the one the site is known by;
2. otherwise, with ``DISTRIKTSKORT_TRUSTED_PROXIES=n`` (n ≥ 1 proxies in front, such as ``make serve``'s nginx),
   the host and scheme those proxies pass in ``X-Forwarded-Host`` and ``X-Forwarded-Proto``, read by Werkzeug's
   ``ProxyFix``, which believes exactly the last n of each and nothing a client added before them;
3. otherwise none: the link is relative (``/?indicator=…``), which is right on the site and wrong nowhere.

``python app.py`` sets the address it listens on as the public one, so a local export links back to it.
"""

from __future__ import annotations

import os
import re
from urllib.parse import urlsplit

import flask
from werkzeug.middleware.proxy_fix import ProxyFix

from layers.errors import InputError

PUBLIC_URL_ENV = "DISTRIKTSKORT_PUBLIC_URL"
TRUSTED_PROXIES_ENV = "DISTRIKTSKORT_TRUSTED_PROXIES"
# The Flask config keys are the settings' names: the checked public address (or ""), and the number of proxies.
PUBLIC_URL, TRUSTED_PROXIES = PUBLIC_URL_ENV, TRUSTED_PROXIES_ENV
# A host name, an IPv4 address or a bracketed IPv6 address, with an optional port: nothing a link could carry
# further (quotes, spaces, '@', '/'). No nested repetition, so a hostile header cannot make it backtrack.
HOST = re.compile(r"(?:[A-Za-z0-9.-]{1,253}|\[[0-9A-Fa-f:.]{2,45}\])(?::[0-9]{1,5})?")
WILDCARD_HOSTS = ("", "0.0.0.0", "::", "[::]")


def public_url(text: str) -> str:
    """The checked public address: http(s), a host, an optional path, no query; without a trailing slash.

    >>> public_url("https://kort.example.dk/"), public_url("http://127.0.0.1:8050"), public_url("")
    ('https://kort.example.dk', 'http://127.0.0.1:8050', '')
    >>> public_url("kort.example.dk")
    Traceback (most recent call last):
    ...
    layers.errors.InputError: DISTRIKTSKORT_PUBLIC_URL must be an http or https address such as https://kort.example.dk, got 'kort.example.dk'
    """
    text = text.strip()
    if not text:
        return ""
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not HOST.fullmatch(parts.netloc) or parts.query or parts.fragment:
        raise InputError(
            f"{PUBLIC_URL_ENV} must be an http or https address such as https://kort.example.dk, got {text[:80]!r}"
        )
    return text.rstrip("/")


def trusted_proxies(text: str) -> int:
    """How many proxies stand in front of the app, from the setting's text (empty: none).

    >>> trusted_proxies(""), trusted_proxies("1")
    (0, 1)
    """
    text = text.strip() or "0"
    if not (text.isascii() and text.isdigit()) or int(text) > 10:
        raise InputError(f"{TRUSTED_PROXIES_ENV} must be a number of proxies from 0 to 10, got {text[:20]!r}")
    return int(text)


def configure_links(server: flask.Flask, public: str | None = None) -> None:
    """Read the two settings (``public`` stands in for an unset ``DISTRIKTSKORT_PUBLIC_URL``) and, with trusted
    proxies, put ``ProxyFix`` in front of the app so the request says what those proxies saw."""
    server.config[PUBLIC_URL] = public_url(os.environ.get(PUBLIC_URL_ENV) or public or "")
    server.config[TRUSTED_PROXIES] = count = trusted_proxies(os.environ.get(TRUSTED_PROXIES_ENV, ""))
    if count:
        server.wsgi_app = ProxyFix(server.wsgi_app, x_for=count, x_proto=count, x_host=count, x_port=count)


def listening_address(server: flask.Flask, host: str, port: int) -> None:
    """``python app.py``: without a public address set, links name the address the app listens on (not a
    wildcard such as 0.0.0.0, which names no machine a reader could open)."""
    if not server.config.get(PUBLIC_URL) and host not in WILDCARD_HOSTS:
        server.config[PUBLIC_URL] = public_url(f"http://{f'[{host}]' if ':' in host else host}:{port}")


def link_base(request: flask.Request | None = None) -> str:
    """The address links start with: the public one, else what trusted proxies passed on, else "" (relative).

    Whatever it is, it is part of the key of every cached answer (``serving.compression``, ``serving.replay``).
    """
    config = flask.current_app.config
    if config.get(PUBLIC_URL):
        return config[PUBLIC_URL]
    request = request or flask.request
    if config.get(TRUSTED_PROXIES) and request.scheme in ("http", "https") and HOST.fullmatch(request.host):
        return f"{request.scheme}://{request.host}"
    return ""
