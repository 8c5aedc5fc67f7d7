"""Time and peak memory of `python app.py import` on a large synthetic municipality.

    python bench/import_large.py [--districts 2000] [--years 6] [--indicators 100]
    python bench/import_large.py --inputs bench/.datasets/10000/input [--repeat 3]

Writes a Voronoi coverage of districts in EPSG:25832 (GeoPackage) and a tidy CSV of districts × years × indicators
(1.2 million rows at the defaults) to a temporary folder, or takes ``districts.gpkg`` and ``statistics.csv`` from
``--inputs`` (the folders ``bench/make_datasets.py`` writes: 3.66 million rows at 10,000 districts), runs the import
as a child process, and prints wall time and the child's peak resident memory (each run's, and their medians), and
the import's own log of its stages. It asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics as stats
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from layers.families import FAMILIES  # noqa: E402


def synthetic_districts(count: int, seed: int = 1) -> gpd.GeoDataFrame:
    """A Voronoi coverage of ``count`` districts over a 60 × 40 km area in EPSG:25832."""
    rng = np.random.default_rng(seed)
    x0, y0 = 520_000.0, 6_160_000.0
    points = shapely.multipoints(
        np.column_stack([x0 + rng.uniform(0, 60_000, count), y0 + rng.uniform(0, 40_000, count)])
    )
    frame = shapely.box(x0, y0, x0 + 60_000, y0 + 40_000)
    cells = shapely.get_parts(shapely.voronoi_polygons(points, extend_to=frame, ordered=True))
    cells = shapely.intersection(cells, frame)
    ids = [f"{i:05d}" for i in range(count)]
    return gpd.GeoDataFrame(
        {"district_id": ids, "name": [f"Distrikt {i}" for i in ids]}, geometry=cells, crs="EPSG:25832"
    )


def synthetic_statistics(ids: list[str], years: int, indicators: int, seed: int = 2) -> pd.DataFrame:
    known = [category.id for family in FAMILIES for category in family.categories]
    names = (known + [f"extra_{i:03d}" for i in range(indicators)])[:indicators]
    rng = np.random.default_rng(seed)
    index = pd.MultiIndex.from_product(
        [ids, range(2011, 2011 + years), names], names=["district_id", "year", "indicator"]
    )
    values = rng.integers(0, 800, len(index))
    return pd.DataFrame({"value": values}, index=index).reset_index()


def timed_import(
    districts: Path, statistics: Path, out: Path
) -> tuple[float, float, float, subprocess.CompletedProcess]:
    """Run ``app.py import`` in a child process: its wall time (s), its CPU time (s: on a busy machine, the steadier
    figure), its own peak resident memory (MB), and its result."""
    command = [sys.executable, str(ROOT / "app.py"), "import", "--districts", str(districts), "--statistics",
               str(statistics), "--out", str(out), "--max-input-mb", "1000"]  # fmt: skip
    with tempfile.TemporaryFile("w+") as stdout, tempfile.TemporaryFile("w+") as stderr:
        started = time.perf_counter()
        child = subprocess.Popen(command, stdout=stdout, stderr=stderr, text=True)
        _, status, usage = os.wait4(child.pid, 0)  # this child's own peak, not the largest of all children so far
        elapsed = time.perf_counter() - started
        stdout.seek(0)
        stderr.seek(0)
        result = subprocess.CompletedProcess(command, os.waitstatus_to_exitcode(status), stdout.read(), stderr.read())
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--districts", type=int, default=2000)
    parser.add_argument("--years", type=int, default=6)
    parser.add_argument("--indicators", type=int, default=100)
    parser.add_argument("--inputs", type=Path, help="a folder with districts.gpkg and statistics.csv to import")
    parser.add_argument("--repeat", type=int, default=1)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        if arguments.inputs:
            districts_path, statistics_path = arguments.inputs / "districts.gpkg", arguments.inputs / "statistics.csv"
            with statistics_path.open() as handle:
                rows = sum(1 for _ in handle) - 1
            what = f"import of {arguments.inputs}: {rows:,} rows"
        else:
            districts = synthetic_districts(arguments.districts)
            districts_path, statistics_path = folder / "districts.gpkg", folder / "statistics.csv"
            districts.to_file(districts_path, engine="pyogrio")
            statistics = synthetic_statistics(list(districts["district_id"]), arguments.years, arguments.indicators)
            statistics.to_csv(statistics_path, index=False)
            what = (f"import of {arguments.districts:,} districts × {arguments.years} years × {arguments.indicators} "
                    f"indicators = {len(statistics):,} rows")  # fmt: skip
        size = statistics_path.stat().st_size
        print(f"{what} ({size / 1e6:.0f} MB CSV)", flush=True)
        seconds, cpu, peaks = [], [], []
        for run in range(arguments.repeat):
            elapsed, used, peak_mb, result = timed_import(districts_path, statistics_path, folder / f"dataset{run}")
            print(f"run {run + 1}: exit code {result.returncode}; wall time {elapsed:.1f} s; CPU time {used:.1f} s; "
                  f"peak memory {peak_mb:,.0f} MB", flush=True)  # fmt: skip
            if result.returncode != 0 or run == 0:
                print(result.stderr.strip())
                print("\n".join(line for line in result.stdout.splitlines() if line.startswith("[")))
            if result.returncode != 0:
                return result.returncode
            seconds.append(elapsed)
            cpu.append(used)
            peaks.append(peak_mb)
    print(
        f"median of {len(seconds)}: wall time {stats.median(seconds):.1f} s; CPU time {stats.median(cpu):.1f} s; "
        f"peak memory {stats.median(peaks):,.0f} MB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
