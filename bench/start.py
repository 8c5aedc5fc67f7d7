"""The start: seconds from launch to the first answer and to ``/healthz`` warm, and memory, per dataset size.

    python bench/start.py [--sizes 2000 10000] [--repeat 3] [--servers app gunicorn]

For each size, the benchmark dataset (``bench/.datasets/<size>/dataset``, made by ``bench/make_datasets.py``) is
copied into a temporary folder, so the shared one is never changed, and started in three states:

- ``open files``: without a binary copy, so the app parses the CSV and GeoJSON (the start before issue 15);
- ``binary copy``: after ``python app.py reindex`` (timed too), with the file times the copy recorded;
- ``binary, new times``: the same files touched, as a copy or a git clone leaves them, so every file is hashed.

Each start runs ``python app.py --dataset D`` (and ``gunicorn app:server`` with 2 workers, as ``make serve`` does)
on a free 127.0.0.1 port, and polls ``/healthz`` until it answers, then until it says ``"warm": true`` (what a first
visit loads is compressed). Memory is taken then: resident (RSS, which counts pages shared between gunicorn's
workers once per process) and proportional (PSS, which splits them). Prints the median of ``--repeat`` runs and
writes every run to ``bench/.datasets/start.json``.

The servers run with their bytecode cached, as a deployed app does: the project is compiled first, and
``PYTHONDONTWRITEBYTECODE`` is dropped for them (with it, every start compiles some hundred modules anew, 0.3–0.5 s).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import DATASETS, ROOT, _children, free_port, resident_mb, serving  # noqa: E402

STATES = ("open files", "binary copy", "binary, new times")
WARM = '"warm":true'


def proportional_mb(pid: int) -> float:
    """Proportional memory (PSS) of a process and its children, in MB: shared pages count once in the sum."""
    total = 0
    for candidate in [pid, *_children(pid)]:
        try:
            for line in Path(f"/proc/{candidate}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
        except (FileNotFoundError, PermissionError):
            continue
    return total / 1024


def _command(server: str, port: int, folder: Path) -> list[str]:
    if server == "gunicorn":
        return [str(Path(sys.executable).parent / "gunicorn"), "--bind", f"127.0.0.1:{port}", "app:server"]
    return [sys.executable, "app.py", "--dataset", str(folder), "--port", str(port)]


def start_once(server: str, folder: Path) -> dict:
    """Start one server on ``folder``; seconds to the first answer and to warm, and memory when warm."""
    os.environ["DISTRIKTSKORT_DATASET"] = str(folder)  # read by gunicorn app:server
    port = free_port()
    launched = time.perf_counter()
    with serving(_command(server, port, folder), port, "/healthz", WARM) as (_, pid, answered):
        warm = time.perf_counter() - launched
        return {"first_answer_s": answered, "warm_s": warm, "rss_mb": resident_mb(pid), "pss_mb": proportional_mb(pid)}


def _touch(folder: Path) -> None:
    # New modification times, same bytes: what a copy or a clone leaves.
    for path in folder.iterdir():
        if path.is_file():
            os.utime(path)


def _reindex(folder: Path) -> float:
    began = time.perf_counter()
    subprocess.run([sys.executable, "app.py", "reindex", "--dataset", str(folder)], cwd=ROOT, check=True)
    return time.perf_counter() - began


def measure_size(size: int, servers: list[str], repeat: int, states: list[str]) -> list[dict]:
    source = DATASETS / str(size) / "dataset"
    if not (source / "statistics.csv").is_file():
        raise SystemExit(f"{source}: missing; make it with python bench/make_datasets.py --sizes {size}")
    runs = []
    with tempfile.TemporaryDirectory(prefix="distriktskort-start-") as scratch:
        folder = Path(scratch) / "dataset"
        shutil.copytree(source, folder, ignore=shutil.ignore_patterns("binary"))
        for state in STATES:
            if state == "binary copy":
                runs.append({"size": size, "state": "reindex", "server": "python app.py reindex",
                             "warm_s": _reindex(folder)})  # fmt: skip
            if state == "binary, new times":
                _touch(folder)
            if state not in states:
                continue
            for server in servers:
                for attempt in range(repeat):
                    if state == "binary, new times" and attempt:
                        _touch(folder)  # the manifest's times never catch up: every run hashes
                    run = start_once(server, folder)
                    runs.append({"size": size, "state": state, "server": server, **run})
                    print(f"  {size} {state:18} {server:8} {json.dumps(run)}", file=sys.stderr)
    return runs


def _median(runs: list[dict], key: str) -> float | None:
    values = [run[key] for run in runs if run.get(key) is not None]
    return statistics.median(values) if values else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 10000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--servers", nargs="+", choices=("app", "gunicorn"), default=["app", "gunicorn"])
    parser.add_argument("--states", nargs="+", choices=STATES, default=list(STATES), help="which starts to time")
    arguments = parser.parse_args()
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    packages = ["app.py", *(path.name for path in ROOT.iterdir() if (path / "__init__.py").is_file())]
    subprocess.run([sys.executable, "-m", "compileall", "-q", *packages], cwd=ROOT, check=True)
    print(f"load average before: {os.getloadavg()}", file=sys.stderr)
    runs = [
        run
        for size in arguments.sizes
        for run in measure_size(size, arguments.servers, arguments.repeat, arguments.states)
    ]
    print(f"{'size':>6}  {'state':18} {'server':22} {'first answer s':>14} {'warm s':>7} {'RSS MB':>7} {'PSS MB':>7}")
    for size in arguments.sizes:
        for state in ("reindex", *STATES):
            for server in sorted({run["server"] for run in runs if run["state"] == state}):
                group = [run for run in runs if (run["size"], run["state"], run["server"]) == (size, state, server)]
                if not group:
                    continue
                cells = [_median(group, key) for key in ("first_answer_s", "warm_s", "rss_mb", "pss_mb")]
                shown = [
                    "" if cell is None else f"{cell:.2f}" if i < 2 else f"{cell:.0f}" for i, cell in enumerate(cells)
                ]
                print(f"{size:>6}  {state:18} {server:22} {shown[0]:>14} {shown[1]:>7} {shown[2]:>7} {shown[3]:>7}")
    print(f"(medians of {arguments.repeat}; load average after: {os.getloadavg()})")
    (DATASETS / "start.json").write_text(json.dumps(runs, indent=1) + "\n")


if __name__ == "__main__":
    main()
