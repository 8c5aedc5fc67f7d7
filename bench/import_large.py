"""Time and peak memory of `python app.py import` on a large synthetic municipality.

    python bench/import_large.py [--districts 2000] [--years 6] [--indicators 100]

Writes a Voronoi coverage of districts in EPSG:25832 (GeoPackage) and a tidy CSV of districts × years × indicators
(1.2 million rows at the defaults) to a temporary folder, runs the import as a child process, and prints wall
time and the child's peak resident memory. It asserts nothing.
"""

from __future__ import annotations

import argparse
import resource
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--districts", type=int, default=2000)
    parser.add_argument("--years", type=int, default=6)
    parser.add_argument("--indicators", type=int, default=100)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        districts = synthetic_districts(arguments.districts)
        districts.to_file(folder / "districts.gpkg", engine="pyogrio")
        statistics = synthetic_statistics(list(districts["district_id"]), arguments.years, arguments.indicators)
        statistics.to_csv(folder / "statistics.csv", index=False)
        size = (folder / "statistics.csv").stat().st_size
        command = [sys.executable, str(ROOT / "app.py"), "import", "--districts", str(folder / "districts.gpkg"),
                   "--statistics", str(folder / "statistics.csv"), "--out", str(folder / "dataset")]  # fmt: skip
        started = time.perf_counter()
        result = subprocess.run(command, capture_output=True, text=True)
        elapsed = time.perf_counter() - started
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"import of {arguments.districts:,} districts × {arguments.years} years × {arguments.indicators} indicators "
          f"= {len(statistics):,} rows ({size / 1e6:.0f} MB CSV)")  # fmt: skip
    print(f"exit code {result.returncode}; wall time {elapsed:.1f} s; peak memory {peak_mb:,.0f} MB")
    print(result.stderr.strip())
    print(result.stdout.strip())
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
