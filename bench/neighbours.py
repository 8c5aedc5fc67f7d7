"""Time the map's neighbour table (geo/neighbours.py), worked out once per dataset load for the arrow keys.

``python bench/neighbours.py [--sizes 25 500 2000 10000] [--repeat 3]`` prints, per size, the best wall time of
``neighbours_lonlat`` over the benchmark's Voronoi districts (bench/make_datasets.py, reprojected to longitude and
latitude as a loaded dataset holds them), the mean number of neighbours, and the JSON bytes the page carries for it.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from make_datasets import SIZES, districts_of  # noqa: E402

from geo.neighbours import neighbours_lonlat  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"{'districts':>10} {'best s':>8} {'mean neighbours':>16} {'page JSON kB':>13}")
    for size in args.sizes:
        shapes = list(districts_of(size)[0].to_crs(4326).geometry)
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            table = neighbours_lonlat(shapes)
            times.append(time.perf_counter() - start)
        mean = sum(len(each) for each in table) / len(table)
        size_kb = len(json.dumps([list(each) for each in table], separators=(",", ":"))) / 1000
        print(f"{size:>10,} {min(times):>8.2f} {mean:>16.1f} {size_kb:>13.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
