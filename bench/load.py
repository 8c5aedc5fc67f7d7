"""The data endpoint under load: gunicorn (2 workers, gunicorn.conf.py) and 100 locust readers for 60 s, on loopback.

    python bench/load.py [--size 2000] [--users 100] [--seconds 60]

Starts ``gunicorn app:server`` on a free 127.0.0.1 port with the benchmark dataset of that size (made by
``bench/make_datasets.py``), waits until its workers are warm, and runs locust headless against 127.0.0.1 only,
bounded in time (``bench/locustfile.py``: readers arriving over 5 s, then switching indicators every 1–3 s). locust needs a newer urllib3
than ``dash[testing]`` allows, so it gets its own venv in ``bench/.venv-load`` (made on first use, from PyPI).
Prints requests/s, p50/p95/p99 and errors per request type, and writes them to ``bench/.datasets/load.json``.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import DATASETS, ROOT, free_port, serving  # noqa: E402

LOCUST = "locust==2.47.0"
VENV = ROOT / "bench" / ".venv-load"
RAMP_S = 5  # readers arrive over the first seconds, not in one instant


def locust_binary() -> Path:
    binary = VENV / "bin" / "locust"
    if not binary.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(VENV / "bin" / "pip"), "install", "--quiet", LOCUST], check=True)
    return binary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=2_000)
    parser.add_argument("--users", type=int, default=100)
    parser.add_argument("--seconds", type=int, default=60)
    arguments = parser.parse_args()
    folder = DATASETS / str(arguments.size) / "dataset"
    if not folder.exists():
        raise SystemExit(f"{folder} is missing: run python bench/make_datasets.py --sizes {arguments.size} first")
    locust = locust_binary()
    port = free_port()
    gunicorn = [str(Path(sys.executable).parent / "gunicorn"), "--bind", f"127.0.0.1:{port}", "app:server"]
    os.environ["DISTRIKTSKORT_DATASET"] = str(folder)
    with (
        serving(gunicorn, port, "/healthz", '"warm":true', log=DATASETS / "load-server.log") as (url, _, _),
        tempfile.TemporaryDirectory() as out,
    ):
        command = [str(locust), "-f", str(ROOT / "bench" / "locustfile.py"), "--headless", "--only-summary",
                   "-u", str(arguments.users), "-r", str(arguments.users / RAMP_S), "-t", f"{arguments.seconds}s",
                   "--host", url, "--csv", f"{out}/load"]  # fmt: skip
        command += ["--stop-timeout", "10"]  # readers finish the click in hand when time is up
        subprocess.run(command, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        with open(f"{out}/load_stats.csv", newline="") as handle:
            rows = list(csv.DictReader(handle))
        with open(f"{out}/load_failures.csv", newline="") as handle:
            failures = [f"{row['Name']}: {row['Error']} ({row['Occurrences']}×)" for row in csv.DictReader(handle)]
    results = {}
    print(f"{arguments.users} readers for {arguments.seconds} s, gunicorn 2 workers, {arguments.size:,} districts")
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
    for failure in failures:
        print("  error:", failure)
    path = DATASETS / "load.json"
    everything = json.loads(path.read_text()) if path.exists() else {}
    everything[str(arguments.size)] = {
        "users": arguments.users,
        "seconds": arguments.seconds,
        "ramp_s": RAMP_S,
        "requests": results,
        "errors": failures,
    }
    path.write_text(json.dumps(everything, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
