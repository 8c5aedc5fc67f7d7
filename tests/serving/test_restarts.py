"""Workers that die lose nothing: a killed worker and a graceful restart, each under steady traffic through nginx,
and ``make serve`` stopping cleanly. (``bench/load.py --disrupt`` measures the same at a hundred readers.)"""

from __future__ import annotations

import os
import signal
import socket
import threading
import time
from collections import Counter

import pytest
import requests

pytestmark = pytest.mark.serving

CLIENTS = 8
# What the traffic asks, and the one answer each must get: pages, Dash's data, a download, and a POST (one the
# app's guard refuses, so its answer is certain) that nginx may only retry because callbacks change nothing.
REQUESTS = (
    ("GET", "/", None, 200),
    ("GET", "/_dash-layout", None, 200),
    ("GET", "/healthz", None, 200),
    ("GET", "/export/view.csv?indicator=age_0_5&year=2016", None, 200),
    ("POST", "/_dash-update-component", b'{"output": "no-such.output"}', 400),
)


def _traffic(url: str, seconds: float, disrupt) -> Counter:
    """CLIENTS clients asking in turn for REQUESTS for ``seconds``, with ``disrupt()`` called a third of the way
    in; returns how many answers were as expected, and each unexpected one."""
    outcomes: Counter = Counter()
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def client(offset: int) -> None:
        session = requests.Session()  # keep-alive, as browsers do
        n = offset
        while time.monotonic() < deadline:
            method, path, body, expected = REQUESTS[n % len(REQUESTS)]
            try:
                status = session.request(method, url + path, data=body, timeout=30).status_code
                outcome = "expected" if status == expected else f"{method} {path}: {status}"
            except requests.RequestException as error:
                outcome = f"{method} {path}: {type(error).__name__}"
            with lock:
                outcomes[outcome] += 1
            n += 1

    threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
    for thread in threads:
        thread.start()
    time.sleep(seconds / 3)
    disrupt()
    for thread in threads:
        thread.join()
    return outcomes


def _wait_for_workers(pair, count: int, besides: set[int], timeout_s: float = 60) -> list[int]:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        workers = pair.workers()
        if len(workers) == count and not besides & set(workers):
            return workers
        time.sleep(0.2)
    pytest.fail(f"gunicorn did not get back to {count} new workers: {pair.workers()}")


def test_a_worker_killed_under_traffic_loses_no_request(pair):
    victim = pair.workers()[0]
    outcomes = _traffic(pair.url, 6, lambda: os.kill(victim, signal.SIGKILL))
    assert set(outcomes) == {"expected"} and outcomes["expected"] > 100, outcomes
    assert victim not in _wait_for_workers(pair, 2, {victim}), "gunicorn replaced the killed worker"


def test_a_graceful_restart_under_traffic_loses_no_request(pair):
    before = set(pair.workers())
    outcomes = _traffic(pair.url, 8, lambda: os.kill(pair.master(), signal.SIGHUP))
    assert set(outcomes) == {"expected"} and outcomes["expected"] > 100, outcomes
    _wait_for_workers(pair, 2, before)


def test_make_serve_stops_cleanly_and_leaves_nothing_behind(pair):
    master = pair.master()
    assert pair.stop() == 0
    assert not (pair.run_dir / "gunicorn.sock").exists()
    assert not os.path.exists(f"/proc/{master}"), "gunicorn's master has gone"
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", int(pair.url.rsplit(":", 1)[1])), 1):
        pass  # nginx no longer listens
