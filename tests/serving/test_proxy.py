"""``make serve`` as production runs it: pages through nginx, static files from nginx itself with the app's cache
headers, slow clients held by nginx, and pictures that never stall ``/healthz``."""

from __future__ import annotations

import re
import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

import pytest
import requests

from serving.headers import HASHED_CACHE
from serving.proxy import STAMPED_CACHE

pytestmark = pytest.mark.serving

VIEW = "indicator=age_0_5&measure=share&year=2016&lang=da"
HEALTHY_WITHIN_S = 2


def _page_files(html: str) -> list[str]:
    return re.findall(r'(?:src|href)="(/(?!/)[^"]+)"', html)


def _timed_health(url: str) -> float:
    started = time.perf_counter()
    response = requests.get(f"{url}/healthz", timeout=10)
    assert response.status_code == 200 and response.json()["status"] == "ok"
    return time.perf_counter() - started


def _answered_by_gunicorn(pair, path: str) -> bool:
    """What nginx's log says: upstream=- when nginx answered from disk, the socket when gunicorn did."""
    time.sleep(0.2)  # the access log line is written as the response finishes
    lines = [line for line in pair.log_lines() if f'"GET {path} HTTP' in line]
    assert lines, f"no log line for {path}"
    return "upstream=-" not in lines[-1]


def test_the_page_and_its_hashed_files_come_through_and_nginx_sends_the_files_itself(pair):
    page = requests.get(pair.url + "/", timeout=10)
    assert page.status_code == 200 and "Content-Security-Policy" in page.headers, "the app's own headers pass"
    assert _answered_by_gunicorn(pair, "/")
    files = _page_files(page.text)
    assets = [path for path in files if path.startswith("/assets/") and "?m=" in path]
    suites = [path for path in files if path.startswith("/_dash-component-suites/")]
    assert len(assets) >= 3 and len(suites) >= 3
    for path in files:
        response = requests.get(pair.url + path, headers={"Accept-Encoding": "gzip"}, timeout=10)
        assert response.status_code == 200, path
        assert response.headers["X-Content-Type-Options"] == "nosniff", path
    for path in assets:
        response = requests.get(pair.url + path, timeout=10)
        assert response.headers["Cache-Control"] == HASHED_CACHE, path
    for path in suites:
        response = requests.get(pair.url + path, timeout=10)
        assert response.headers["Cache-Control"] == STAMPED_CACHE and "immutable" not in STAMPED_CACHE, path
    for path in (assets[0], suites[0]):
        assert not _answered_by_gunicorn(pair, path), f"{path} should come from nginx's disk, not gunicorn"
    shapes = next(path for path in files if path.startswith("/data/districts."))
    response = requests.get(pair.url + shapes, timeout=10)
    assert response.headers["Cache-Control"] == HASHED_CACHE and response.headers["Content-Encoding"] in ("br", "zstd")


def test_files_whose_address_carries_no_version_are_never_cached_for_good(pair):
    for path in ("/assets/map.js", "/assets/topojson/world_110m.json"):
        response = requests.get(pair.url + path, timeout=10)
        assert response.status_code == 200 and response.headers["Cache-Control"] == "no-cache", path
    assert requests.get(pair.url + "/assets/nothing-here.js", timeout=10).status_code == 404


def test_a_body_over_the_apps_limit_is_refused_at_the_door(pair):
    response = requests.post(pair.url + "/_dash-update-component", data=b"{" * 300_000, timeout=10)
    assert response.status_code == 413


def test_download_links_name_the_address_the_reader_used_and_never_a_forwarded_header_it_forged(pair):
    forged = {"Host": "kort.example.dk:8443", "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https"}
    response = requests.get(f"{pair.url}/export/view.csv?{VIEW}", headers=forged, timeout=10)
    text = response.content.decode("utf-8-sig")
    assert "http://kort.example.dk:8443/?indicator=age_0_5" in text, "nginx's X-Forwarded-Host and -Proto"
    assert "evil.example" not in text and "https:" not in text


def _trickle(url: str, clients: int, seconds: float, stop: threading.Event) -> None:
    """``clients`` connections each sending a callback request's body one byte at a time."""
    host, port = urlsplit(url).hostname, urlsplit(url).port
    connections = []
    for _ in range(clients):
        connection = socket.create_connection((host, port), timeout=5)
        connection.sendall(
            b"POST /_dash-update-component HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
            b"Content-Length: 4000\r\n\r\n{"
        )
        connections.append(connection)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not stop.is_set():
        for connection in connections:
            connection.send(b" ")
        time.sleep(0.25)
    for connection in connections:
        connection.close()


def test_sixteen_clients_trickling_a_body_leave_healthz_answering(pair):
    stop = threading.Event()
    trickling = threading.Thread(target=_trickle, args=(pair.url, 16, 6, stop), daemon=True)
    trickling.start()
    try:
        time.sleep(1)  # every trickler connected and sending
        times = []
        for _ in range(8):
            times.append(_timed_health(pair.url))
            time.sleep(0.4)
        assert trickling.is_alive(), "the tricklers were still sending while /healthz was asked"
    finally:
        stop.set()
        trickling.join()
    assert max(times) < HEALTHY_WITHIN_S, times


def test_eight_pictures_at_once_leave_healthz_answering(pair):
    def picture(_):
        return requests.get(f"{pair.url}/export/view.png?{VIEW}", timeout=60)

    with ThreadPoolExecutor(8) as pool:
        pictures = [pool.submit(picture, n) for n in range(8)]
        time.sleep(0.3)  # the pictures are in the workers' hands
        times = [_timed_health(pair.url) for _ in range(5)]
        answers = [answer.result() for answer in pictures]
    assert max(times) < HEALTHY_WITHIN_S, times
    statuses = sorted(answer.status_code for answer in answers)
    assert set(statuses) <= {200, 503} and 200 in statuses, statuses
    for answer in answers:
        if answer.status_code == 200:
            assert answer.content[:8] == b"\x89PNG\r\n\x1a\n"
        else:
            assert int(answer.headers["Retry-After"]) > 0 and "try again" in answer.text
