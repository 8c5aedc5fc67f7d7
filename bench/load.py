"""The data endpoint under load: gunicorn (2 workers, gunicorn.conf.py) and 100 locust readers for 60 s, on loopback.

    python bench/load.py [--size 2000] [--users 100] [--seconds 60]
    python bench/load.py --via nginx --disrupt kill [--at 30]    # one worker killed (SIGKILL) mid-run

Starts ``gunicorn app:server`` on a free 127.0.0.1 port with the benchmark dataset of that size (made by
``bench/make_datasets.py``), waits until its workers are warm, and runs locust headless against 127.0.0.1 only,
bounded in time (``bench/locustfile.py``: readers arriving over 5 s, then switching indicators every 1–3 s). locust needs a newer urllib3
than ``dash[testing]`` allows, so it gets its own venv in ``bench/.venv-load`` (made on first use, from PyPI).
Prints requests/s, p50/p95/p99 and errors per request type, and writes them to ``bench/.datasets/load.json``.

``--via nginx`` serves as ``make serve`` does (``tools/serve.py``: nginx in front of gunicorn on a unix socket).
``--disrupt`` does one thing to the server ``--at`` seconds into the run: ``kill`` kills one worker outright (its
requests in hand are lost to it; gunicorn starts another), ``hup`` asks the master to replace every worker
gracefully, ``recycle`` lowers ``max_requests`` so that workers are replaced as they reach it. Such runs print the
requests, errors and p95 of the whole run and of the 10 s after the disruption, and go to ``load_disrupted.json``.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import DATASETS, ROOT, children, free_port, serving  # noqa: E402

LOCUST = "locust==2.47.0"
VENV = ROOT / "bench" / ".venv-load"
RAMP_S = 5  # readers arrive over the first seconds, not in one instant
WINDOW_S = 10  # locust's "current" percentiles cover the last 10 s: the window after a disruption
VIEWS_IN_A_ROW = 12  # with 2 workers, the chance that one never answered is 1 in 4,096
RECYCLE_AFTER = 500  # max_requests for --disrupt recycle: each worker is replaced every 10–20 s of this load


def locust_binary() -> Path:
    binary = VENV / "bin" / "locust"
    if not binary.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(VENV / "bin" / "pip"), "install", "--quiet", LOCUST], check=True)
    return binary


def _server_command(via: str, port: int, run_dir: Path) -> list[str]:
    if via == "nginx":
        return [sys.executable, "-m", "tools.serve", "--port", str(port), "--run-dir", str(run_dir)]
    return [str(Path(sys.executable).parent / "gunicorn"), "--bind", f"127.0.0.1:{port}", "app:server"]


def _disrupt(kind: str, master: int, at_s: float, done: dict) -> threading.Timer:
    """Kill one worker, or hang up on the master, ``at_s`` seconds from now; note when in ``done``."""

    def act() -> None:
        done["at"] = time.time()
        if kind == "kill":
            worker = children(master)[0]
            os.kill(worker, signal.SIGKILL)
            done["what"] = f"worker {worker} killed (SIGKILL)"
        elif kind == "hup":
            os.kill(master, signal.SIGHUP)
            done["what"] = "master sent SIGHUP: every worker replaced gracefully"

    timer = threading.Timer(at_s, act)
    timer.start()
    return timer


def _window(history_csv: Path, start: float) -> dict:
    """Requests, errors and p95 in the WINDOW_S seconds from ``start`` (a Unix time), from locust's history: a row a
    second, stamped with the whole second, with running totals and the p95 of the 10 s before it."""
    rows = [row for row in csv.DictReader(history_csv.open(newline="")) if row["Name"] == "Aggregated"]
    stamped = sorted((int(row["Timestamp"]), row) for row in rows)
    before = next(row for second, row in reversed(stamped) if second < int(start))  # written before it happened
    after = next((row for second, row in stamped if second >= start + WINDOW_S), stamped[-1][1])
    return {
        "requests": int(after["Total Request Count"]) - int(before["Total Request Count"]),
        "errors": int(after["Total Failure Count"]) - int(before["Total Failure Count"]),
        "p95_ms": float(after["95%"]) if after["95%"] != "N/A" else 0.0,
    }


def _wait_for_views(url: str, timeout: float = 600) -> float:
    """Wait until every worker has answered the likely views (``serving.precompute``): ``/healthz`` says so
    ``VIEWS_IN_A_ROW`` times running, from whichever worker answers. Returns the seconds waited."""
    started, in_a_row = time.perf_counter(), 0
    while in_a_row < VIEWS_IN_A_ROW:
        if time.perf_counter() - started > timeout:
            raise SystemExit(f"the workers had not answered the likely views within {timeout} s")
        ready = '"views":true' in urllib.request.urlopen(url + "/healthz", timeout=10).read().decode()
        in_a_row = in_a_row + 1 if ready else 0
        time.sleep(0.05 if ready else 0.5)
    return round(time.perf_counter() - started, 1)


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=2_000)
    parser.add_argument("--users", type=int, default=100)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--via", choices=("gunicorn", "nginx"), default="gunicorn")
    parser.add_argument("--disrupt", choices=("none", "kill", "hup", "recycle"), default="none")
    parser.add_argument("--at", type=float, help="seconds into the run for --disrupt kill or hup (default: half)")
    return parser.parse_args()


def _print_table(rows: list[dict]) -> dict:
    results = {}
    print(f"{'request':<34}{'count':>8}{'req/s':>8}{'p50 ms':>8}{'p95 ms':>8}{'p99 ms':>8}{'errors':>8}")
    for row in rows:
        entry = {
            "count": int(row["Request Count"]),
            "rps": round(float(row["Requests/s"]), 1),
            "p50_ms": float(row["50%"]),
            "p95_ms": float(row["95%"]),
            "p99_ms": float(row["99%"]),
            "errors": int(row["Failure Count"]),
        }
        results[row["Name"]] = entry
        print(f"{row['Name']:<34}{entry['count']:>8,}{entry['rps']:>8}{entry['p50_ms']:>8.0f}{entry['p95_ms']:>8.0f}"
              f"{entry['p99_ms']:>8.0f}{entry['errors']:>8}")  # fmt: skip
    return results


def _save(name: str, key: str, entry: dict) -> None:
    path = DATASETS / name
    everything = json.loads(path.read_text()) if path.exists() else {}
    everything[key] = entry
    path.write_text(json.dumps(everything, indent=2))


def _run(arguments: argparse.Namespace, locust: Path, out: Path) -> tuple[list[dict], list[str], dict]:
    """Serve, run locust against it (disrupting the server if asked), and return locust's rows and errors, and
    what was disrupted when, with the window after it."""
    port = free_port()
    at_s = RAMP_S + arguments.seconds / 2 if arguments.at is None else arguments.at
    disruption: dict = {}
    command = _server_command(arguments.via, port, out / "run")
    log = DATASETS / ("load-server.log" if arguments.via == "gunicorn" and arguments.disrupt == "none"
                      else f"load-server-{arguments.via}-{arguments.disrupt}.log")  # fmt: skip
    with serving(command, port, "/healthz", '"warm":true', log=log) as (url, pid, _):
        master = int((out / "run" / "gunicorn.pid").read_text()) if arguments.via == "nginx" else pid
        disruption["views_s"] = _wait_for_views(url)
        command = [str(locust), "-f", str(ROOT / "bench" / "locustfile.py"), "--headless", "--only-summary",
                   "-u", str(arguments.users), "-r", str(arguments.users / RAMP_S), "-t", f"{arguments.seconds}s",
                   "--host", url, "--csv", f"{out}/load", "--csv-full-history"]  # fmt: skip
        command += ["--stop-timeout", "10"]  # readers finish the click in hand when time is up
        timer = _disrupt(arguments.disrupt, master, at_s, disruption) if arguments.disrupt in ("kill", "hup") else None
        subprocess.run(command, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if timer:
            timer.cancel()
    with open(out / "load_stats.csv", newline="") as handle:
        rows = list(csv.DictReader(handle))
    with open(out / "load_failures.csv", newline="") as handle:
        failures = [f"{row['Name']}: {row['Error']} ({row['Occurrences']}×)" for row in csv.DictReader(handle)]
    shutil.copy(out / "load_stats_history.csv", DATASETS / f"load-history-{arguments.via}-{arguments.disrupt}.csv")
    if "at" in disruption:
        disruption["window"] = _window(out / "load_stats_history.csv", disruption["at"])
    return rows, failures, disruption


def main() -> int:
    arguments = _arguments()
    folder = DATASETS / str(arguments.size) / "dataset"
    if not folder.exists():
        raise SystemExit(f"{folder} is missing: run python bench/make_datasets.py --sizes {arguments.size} first")
    locust = locust_binary()
    os.environ["DISTRIKTSKORT_DATASET"] = str(folder)
    if arguments.disrupt == "recycle":
        os.environ["DISTRIKTSKORT_MAX_REQUESTS"] = str(RECYCLE_AFTER)
    busy_before = os.getloadavg()[0]  # other work on the machine skews the figures: say how much there was
    with tempfile.TemporaryDirectory() as out:
        Path(out).chmod(0o755)  # as root, nginx's workers run as nobody, and must reach the run folder in it
        rows, failures, disruption = _run(arguments, locust, Path(out))
    views_s = disruption.pop("views_s")
    served = "nginx in front of gunicorn" if arguments.via == "nginx" else "gunicorn"
    print(f"{arguments.users} readers for {arguments.seconds} s, {served}, 2 workers, {arguments.size:,} districts; "
          f"likely views answered {views_s} s after warm; load average before {busy_before:.1f}")  # fmt: skip
    results = _print_table(rows)
    for failure in failures:
        print("  error:", failure)
    entry = {"users": arguments.users, "seconds": arguments.seconds, "ramp_s": RAMP_S, "requests": results,
             "errors": failures, "views_s": views_s, "load_average_before": round(busy_before, 1)}  # fmt: skip
    if arguments.disrupt == "none" and arguments.via == "gunicorn":
        _save("load.json", str(arguments.size), entry)
        return 0
    window = disruption.get("window")
    recycled = f"max_requests {RECYCLE_AFTER} (jitter {RECYCLE_AFTER // 10}): workers replaced as they reach it"
    what = disruption.get("what") or (recycled if arguments.disrupt == "recycle" else "undisturbed")
    entry |= {"via": arguments.via, "disrupt": arguments.disrupt, "what": what, "window": window,
              "load_average_before": round(busy_before, 1)}  # fmt: skip
    if window:
        print(f"{what}; in the {WINDOW_S} s after it: {window['requests']:,} requests, {window['errors']} errors, "
              f"p95 {window['p95_ms']:.0f} ms")  # fmt: skip
    _save("load_disrupted.json", f"{arguments.size} {arguments.via} {arguments.disrupt}", entry)
    return 0


if __name__ == "__main__":
    sys.exit(main())
