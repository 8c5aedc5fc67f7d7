"""Make the benchmark datasets, and time their import: ``python bench/make_datasets.py [--sizes 25 500 2000 10000]``.

Each size is a Voronoi coverage of that many districts in EPSG:25832 (about 20 km² a district, so 2,000 districts
cover a Denmark-sized area), with every family of the demo for 2011–2016, drawn by the demo's own generator
(``data.demo_figures``). The districts go to a GeoPackage and the figures to a tidy CSV; then ``python app.py
import`` makes the dataset folder, as a municipality would, in a child process whose wall time and peak resident
memory are printed and written to ``OUT/import.json`` for ``bench/RESULTS.md``.

The folders land in ``bench/.datasets/<size>/dataset`` (ignored by git); the other benchmarks read them.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from data.demo_figures import figures_of  # noqa: E402
from data.demo_geography import Place  # noqa: E402

DEFAULT_OUT = ROOT / "bench" / ".datasets"
SIZES = (25, 500, 2_000, 10_000)
KM2_PER_DISTRICT = 20.0
KINDS = ("town", "small_town", "village", "rural")
KIND_WEIGHTS = (0.03, 0.12, 0.35, 0.50)
# Danish-sounding names of realistic lengths, so the map's labels cost what real ones would.
FIRST = ("Nørre", "Søndre", "Øster", "Vester", "Store", "Lille", "Ny", "Gammel", "")
STEMS = ("Kilde", "Bøge", "Ege", "Hessel", "Lyng", "Mølle", "Sten", "Tjørne", "Hvide", "Ager", "Eng", "Skov")
ENDS = ("lund", "by", "sted", "rup", "høj", "vad", "bjerg", "holm", "skov", "ø")


def districts_of(count: int, seed: int = 6) -> tuple[gpd.GeoDataFrame, list[Place]]:
    """``count`` Voronoi cells over a 3:2 rectangle in EPSG:25832, with a name and a kind of settlement each."""
    rng = np.random.default_rng(seed + count)
    area_m2 = count * KM2_PER_DISTRICT * 1e6
    width, height = (area_m2 * 1.5) ** 0.5, (area_m2 / 1.5) ** 0.5
    x0, y0 = 700_000.0 - width / 2, 6_200_000.0 - height / 2
    seeds = np.column_stack([x0 + rng.uniform(0, width, count), y0 + rng.uniform(0, height, count)])
    frame = shapely.box(x0, y0, x0 + width, y0 + height)
    cells = shapely.get_parts(shapely.voronoi_polygons(shapely.multipoints(seeds), extend_to=frame, ordered=True))
    cells = shapely.intersection(cells, frame)
    kinds = rng.choice(KINDS, size=count, p=KIND_WEIGHTS)
    places, names = [], []
    for index in range(count):
        first, stem, end = rng.choice(FIRST), rng.choice(STEMS), rng.choice(ENDS)
        name = f"{first} {stem}{end}".strip() if first else f"{stem}{end}"
        names.append(f"{name} {index + 1}")
        places.append(Place(f"{index + 1:05d}", names[-1], str(kinds[index]), 0.0, 0.0))
    frame_ = {"district_id": [place.district_id for place in places], "name": names}
    return gpd.GeoDataFrame(frame_, geometry=cells, crs="EPSG:25832"), places


def make_inputs(count: int, folder: Path) -> tuple[Path, Path]:
    """Write ``districts.gpkg`` and ``statistics.csv`` for ``count`` districts into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    districts, places = districts_of(count)
    districts.to_file(folder / "districts.gpkg", engine="pyogrio")
    figures = figures_of(places)
    figures[["district_id", "year", "indicator", "value"]].to_csv(folder / "statistics.csv", index=False)
    return folder / "districts.gpkg", folder / "statistics.csv"


def timed_import(districts: Path, statistics: Path, out: Path) -> dict:
    """Run ``app.py import`` in a child process; its wall time and its own peak resident memory."""
    command = [sys.executable, str(ROOT / "app.py"), "import", "--districts", str(districts), "--statistics",
               str(statistics), "--out", str(out), "--title", f"Benchmark, {out.parent.name} distrikter",
               "--max-input-mb", "1000"]  # fmt: skip
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - started
    stdout, stderr = child.stdout.read(), child.stderr.read()
    if status != 0:
        raise SystemExit(f"import failed ({status}):\n{stderr}\n{stdout}")
    return {"seconds": round(elapsed, 2), "peak_mb": round(usage.ru_maxrss / 1024), "rows": _rows(statistics)}


def _rows(path: Path) -> int:
    with path.open() as handle:
        return sum(1 for _ in handle) - 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    arguments = parser.parse_args()
    results_path = arguments.out / "import.json"
    results = json.loads(results_path.read_text()) if results_path.exists() else {}
    print(f"{'districts':>9} {'rows':>10} {'import s':>9} {'peak MB':>8}")
    for count in arguments.sizes:
        folder = arguments.out / str(count)
        districts, statistics = make_inputs(count, folder / "input")
        result = timed_import(districts, statistics, folder / "dataset")
        results[str(count)] = result
        print(f"{count:>9,} {result['rows']:>10,} {result['seconds']:>9.1f} {result['peak_mb']:>8,}", flush=True)
    results_path.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
