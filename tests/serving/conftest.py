"""The serving tier: nginx in front of gunicorn, started exactly as ``make serve`` starts them (``tools/serve.py``),
on a free port, with the demo dataset. It needs Debian's nginx (``make nginx``, which ``make test`` runs); without
it these tests fail and say so, rather than skip.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

from tools.serve import find_nginx

ROOT = Path(__file__).resolve().parents[2]
READY_TIMEOUT_S = 90


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Pair:
    """A running ``make serve``: the supervisor process, its run folder, and what it printed."""

    url: str
    run_dir: Path
    log: Path
    process: subprocess.Popen

    def master(self) -> int:
        return int((self.run_dir / "gunicorn.pid").read_text())

    def workers(self) -> list[int]:
        master = self.master()
        return [int(pid) for pid in Path(f"/proc/{master}/task/{master}/children").read_text().split()]

    def log_lines(self) -> list[str]:
        return self.log.read_text(errors="replace").splitlines()

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        return self.process.wait(60)


def wait_until_warm(url: str, process: subprocess.Popen, log: Path, timeout_s: float = READY_TIMEOUT_S) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"make serve stopped (exit {process.returncode}):\n{log.read_text()[-3000:]}")
        try:
            if requests.get(f"{url}/healthz", timeout=2).json().get("warm"):
                return
        except (requests.RequestException, ValueError):
            pass
        time.sleep(0.2)
    pytest.fail(f"make serve was not warm within {timeout_s} s:\n{log.read_text()[-3000:]}")


@pytest.fixture(scope="session")
def pair():
    """``make serve`` on a free port: 2 workers × 4 threads, the demo, a run folder of its own. One for the tier:
    ``test_restarts.py`` disturbs it last, and stops it."""
    if find_nginx() is None:
        pytest.fail("nginx is missing: run `make nginx` (apt-get install nginx-light) for the serving tests")
    # Not pytest's tmp_path: as root, nginx's workers run as nobody and cannot pass its private folders. Short,
    # too: a unix socket's path has a limit of about 100 bytes.
    run_dir = Path(tempfile.mkdtemp(prefix="distriktskort-serve-"))
    run_dir.chmod(0o755)
    log = run_dir / "serve.log"
    port = free_port()
    environment = {**os.environ, "WEB_CONCURRENCY": "2", "DISTRIKTSKORT_THREADS": "4"}
    environment.pop("DISTRIKTSKORT_DATASET", None)
    with log.open("w") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "tools.serve", "--port", str(port), "--run-dir", str(run_dir)],
            cwd=ROOT,
            env=environment,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    running = Pair(f"http://127.0.0.1:{port}", run_dir, log, process)
    try:
        wait_until_warm(running.url, process, log)
        yield running
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(60)
            except subprocess.TimeoutExpired:
                process.kill()
        shutil.rmtree(run_dir, ignore_errors=True)
