"""What the benchmark scripts share: a server on a free loopback port, Debian's headless Chromium, and its traffic.

Nothing here is part of the product or of the tests.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.common.by import By

ROOT = Path(__file__).resolve().parent.parent
DATASETS = ROOT / "bench" / ".datasets"
# A phone on 4G, as the issue asks: 20 Mbit/s down, 20 ms latency (and 10 Mbit/s up).
FOUR_G = {"offline": False, "latency": 20, "downloadThroughput": 20e6 / 8, "uploadThroughput": 10e6 / 8}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def resident_mb(pid: int) -> float:
    """Resident memory of a process and its children, in MB (from /proc)."""
    total = 0
    for candidate in [pid, *_children(pid)]:
        try:
            for line in Path(f"/proc/{candidate}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except FileNotFoundError:
            continue
    return total / 1024


def children(pid: int) -> list[int]:
    """The direct children of a process (a gunicorn master's workers), from /proc."""
    try:
        return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except FileNotFoundError:
        return []


def _children(pid: int) -> list[int]:
    found = children(pid)
    return found + [grandchild for child in found for grandchild in _children(child)]


@contextmanager
def serving(
    command: list[str],
    port: int,
    ready_path: str = "/",
    ready_text: str = "",
    timeout: float = 300,
    log: Path | None = None,
):
    """Start ``command`` (which listens on 127.0.0.1:``port``), wait until ``ready_path`` answers with
    ``ready_text`` in its body, and yield (url, pid, seconds until it first answered at all)."""
    url = f"http://127.0.0.1:{port}"
    started = time.perf_counter()
    output = log.open("w") if log else subprocess.DEVNULL
    server = subprocess.Popen(command, cwd=ROOT, stdout=output, stderr=subprocess.STDOUT)
    answered = None
    try:
        while True:
            if server.poll() is not None:
                raise SystemExit(f"{' '.join(command)} exited with {server.returncode}")
            try:
                body = urllib.request.urlopen(url + ready_path, timeout=5).read().decode()
                answered = answered or time.perf_counter() - started
                if ready_text in body:
                    break
            except OSError:
                pass
            if time.perf_counter() - started > timeout:
                raise SystemExit(f"{' '.join(command)} was not ready within {timeout} s")
            time.sleep(0.1)
        yield url, server.pid, answered
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()


def browser(width: int = 1300, height: int = 1000) -> webdriver.Chrome:
    """Debian's Chromium, headless, with its network log on and a fresh profile (a cold cache)."""
    options = Options()
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-background-networking",
        f"--window-size={width},{height}",
    ):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    return webdriver.Chrome(options=options)


def traffic(driver: webdriver.Chrome) -> list[tuple[str, int]]:
    """(url, encoded bytes) for every response finished since the last call."""
    urls, sizes = {}, []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        params = message.get("params", {})
        if message["method"] == "Network.responseReceived":
            urls[params["requestId"]] = params["response"]["url"]
        elif message["method"] == "Network.loadingFinished":
            sizes.append((params["requestId"], int(params["encodedDataLength"])))
    return [(urls.get(request_id, "?"), size) for request_id, size in sizes]


def pick_option(driver: webdriver.Chrome, dropdown: str, label: str) -> None:
    """Pick an option of a Dash 4 dropdown as a reader does: open it, search, click the option."""
    driver.find_element(By.CSS_SELECTOR, dropdown).click()
    driver.find_element(By.CSS_SELECTOR, ".dash-dropdown-search").send_keys(label)
    driver.find_element(By.XPATH, f"//label[contains(@class, 'dash-dropdown-option')][.//span[.='{label}']]").click()


def python() -> str:
    return sys.executable
