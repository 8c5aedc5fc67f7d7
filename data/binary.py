"""A binary copy of a loaded dataset, kept beside its open files, so that a start maps arrays instead of parsing CSV.

Loading the open files of a large dataset is slow: 3.7 million CSV rows at 10,000 districts are parsed, checked,
arranged and classified, and every shape gets a label point, a simplified web copy and its neighbours. An import
does that once anyway, to check what it wrote, and keeps the result in ``binary/`` (data/files.py): the figures and
their status codes as ``.npy`` arrays (mapped read-only, so gunicorn's workers share one copy in memory), the colour
classes, the districts' tables, both GeoJSON texts and the feature of each year.

The open files stay the dataset; the copy is a cache that is never trusted over them. Its manifest records each
open file's size, modification time and SHA-256. A file whose size and time still match is taken to be unchanged
(a change that keeps both is what ``make`` would miss too); any other is hashed and compared. A copy made from other
bytes, or whose own files do not hash as recorded, is refused with a reason (``StaleCopy``), and the loader reads the
open files instead (data/load.py).
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from functools import cache
from importlib.metadata import version as package_version
from pathlib import Path

import numpy as np

from data.files import (
    BINARY_FEATURE_OF_YEAR,
    BINARY_FIGURES,
    BINARY_FILES,
    BINARY_FOLDER,
    BINARY_GEOJSON,
    BINARY_MANIFEST,
    BINARY_STATUS,
    BINARY_TABLES,
    BINARY_WEB_GEOJSON,
)
from data.model import Dataset
from data.version import VERSIONED_FILES, file_sha256, version_of
from layers.classify import Classes

# Bumped whenever what the files hold changes meaning: a copy of another format is stale, and a reindex renews it.
FORMAT = 1
ROOT = Path(__file__).resolve().parent.parent
# What the copy's contents are derived with: the code that reads, classifies and simplifies, and the libraries it
# calls. An app whose code here differs (an upgrade) does not trust a copy made by another; a reindex renews it.
DERIVED_WITH = (
    "data/load.py", "data/series.py", "data/districts.py", "data/binary.py", "geo/web.py", "geo/neighbours.py",
    "layers/classify.py", "layers/families.py", "layers/registry.py", "layers/status.py", "layers/plain_text.py",
)  # fmt: skip
DERIVED_WITH_PACKAGES = ("numpy", "pandas", "shapely", "geopandas", "mapclassify")
PARTIAL = ".partial"  # a file being written: renamed into place when complete, so a reader never sees half of one


class StaleCopy(Exception):
    """The binary copy cannot be used; ``str()`` says why, for the one line the loader logs."""


@dataclass(frozen=True)
class BinaryCopy:
    """What a binary copy holds: everything of a ``Dataset`` that is slow to make from the open files."""

    version: str
    years: tuple[int, ...]
    indicator_ids: tuple[str, ...]
    figures: np.ndarray  # (indicators, years, districts) float64, mapped read-only
    figure_status: np.ndarray  # (indicators, years, districts) int8, mapped read-only
    classes: dict[tuple[str, str], Classes | None]  # per (indicator, measure) series
    district_ids: tuple[str, ...]
    district_names: tuple[str, ...]
    feature_keys: tuple[str, ...]
    district_of_feature: tuple[int, ...]
    label_points: tuple[tuple[float, float], ...]
    bounds: tuple[float, float, float, float]
    neighbours: tuple[tuple[int, ...], ...]
    feature_of_year: np.ndarray  # (years, districts)
    geojson: bytes
    web_geojson: bytes


@cache  # the code does not change while the app runs
def code_fingerprint() -> str:
    """A hash of ``DERIVED_WITH``'s sources and ``DERIVED_WITH_PACKAGES``' versions."""
    digest = hashlib.sha256()
    for name in DERIVED_WITH:
        path = ROOT / name
        digest.update(name.encode() + b"\0" + (path.read_bytes() if path.is_file() else b""))
    for package in DERIVED_WITH_PACKAGES:
        digest.update(f"{package}=={package_version(package)}".encode() + b"\0")
    return digest.hexdigest()[:16]


def _classes_record(classes: Classes | None) -> dict | None:
    if classes is None:
        return None
    return {
        "lowest": classes.lowest,
        "upper_bounds": list(classes.upper_bounds),
        "colours": list(classes.colours),
        "decimals": classes.decimals,
    }


def _classes(record: dict | None) -> Classes | None:
    if record is None:
        return None
    return Classes(
        float(record["lowest"]),
        tuple(float(bound) for bound in record["upper_bounds"]),
        tuple(str(colour) for colour in record["colours"]),
        int(record["decimals"]),
    )


def _tables(dataset: Dataset) -> dict:
    return {
        "years": list(dataset.years),
        "indicators": list(dataset.indicators),
        "district_ids": list(dataset.district_ids),
        "district_names": list(dataset.district_names),
        "feature_keys": list(dataset.feature_keys),
        "district_of_feature": list(dataset.district_of_feature),
        "label_points": [list(point) for point in dataset.label_points],
        "bounds": list(dataset.bounds),
        "neighbours": [list(each) for each in dataset.neighbours],
        "series": [
            {"indicator": indicator_id, "measure": measure, "classes": _classes_record(series.classes)}
            for (indicator_id, measure), series in dataset.series.items()
        ],
    }


def _write_file(folder: Path, name: str, write) -> str:
    """Write one file through a partial name and rename it into place; returns its SHA-256 (hex).

    A new file, never the old one rewritten: a running server may have the old one mapped, and keeps reading it.
    """
    partial = folder / (name + PARTIAL)
    with partial.open("wb") as file:
        write(file)
    digest = file_sha256(partial)
    os.replace(partial, folder / name)
    return digest


def _npy(array: np.ndarray, dtype: str):
    return lambda file: np.save(file, np.ascontiguousarray(array, dtype=dtype), allow_pickle=False)


def write_binary_copy(folder: Path, dataset: Dataset) -> bool:
    """Write the binary copy of ``dataset``, loaded from the open files in ``folder`` just now, into ``folder/binary``.

    Writes nothing, and returns false, when the files no longer hash to the version the dataset was loaded with
    (they changed during the load). The manifest goes last: until it is renamed into place, the old copy's manifest (if any) no longer
    matches the new files, and a reader falls back to the open files.
    """
    folder = Path(folder)
    open_files = {}
    for name in VERSIONED_FILES:
        path = folder / name
        if path.is_file():
            stat = path.stat()
            open_files[name] = {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "sha256": file_sha256(path)}
    if version_of({name: record["sha256"] for name, record in open_files.items()}) != dataset.version:
        return False
    binary = folder / BINARY_FOLDER
    binary.mkdir(exist_ok=True)
    tables = json.dumps(_tables(dataset), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    writers = {
        BINARY_FIGURES: _npy(dataset.figures, "float64"),
        BINARY_STATUS: _npy(dataset.figure_status, "int8"),
        BINARY_FEATURE_OF_YEAR: _npy(dataset.feature_of_year, "int64"),
        BINARY_TABLES: lambda file: file.write(tables),
        BINARY_GEOJSON: lambda file: file.write(dataset.geojson),
        BINARY_WEB_GEOJSON: lambda file: file.write(dataset.web_geojson),
    }
    digests = {name: _write_file(binary, name, write) for name, write in writers.items()}
    manifest = {"format": FORMAT, "code": code_fingerprint(), "files": open_files, "binary": digests}
    text = json.dumps(manifest, indent=1).encode("utf-8")
    _write_file(binary, BINARY_MANIFEST, lambda file: file.write(text))
    return True


def _open_file_digests(folder: Path, recorded: dict) -> dict[str, str]:
    """The SHA-256 of each open file, taken from the manifest where size and time still match; ``StaleCopy`` when a
    file differs from the one the copy was made from."""
    present = {name for name in VERSIONED_FILES if (folder / name).is_file()}
    if present != set(recorded):
        raise StaleCopy(f"the folder's files ({', '.join(sorted(present))}) are not those the copy was made from")
    digests = {}
    for name in sorted(present):
        stat, record = (folder / name).stat(), recorded[name]
        if stat.st_size != record["size"]:
            raise StaleCopy(f"{name} has changed since the copy was made (its size differs)")
        unchanged = stat.st_mtime_ns == record["mtime_ns"]
        # A copied or cloned folder has new times: its files are hashed, and the copy serves if the bytes match.
        digests[name] = record["sha256"] if unchanged else file_sha256(folder / name)
        if digests[name] != record["sha256"]:
            raise StaleCopy(f"{name} has changed since the copy was made")
    return digests


def _checked_bytes(path: Path, expected: str) -> bytes:
    content = path.read_bytes()
    if hashlib.sha256(content).hexdigest() != expected:
        raise StaleCopy(f"{path.name} in {BINARY_FOLDER}/ is damaged (its bytes are not those written)")
    return content


def _checked_array(path: Path, expected: str, dtype: str, shape: tuple[int, ...], mapped: bool) -> np.ndarray:
    if file_sha256(path) != expected:
        raise StaleCopy(f"{path.name} in {BINARY_FOLDER}/ is damaged (its bytes are not those written)")
    array = np.load(path, mmap_mode="r" if mapped else None, allow_pickle=False)
    if array.dtype != np.dtype(dtype) or array.shape != shape:
        raise StaleCopy(f"{path.name} in {BINARY_FOLDER}/ holds {array.dtype} {array.shape}, not {dtype} {shape}")
    # A plain read-only array over the mapped pages (not an np.memmap), as the open files' path gives.
    return np.asarray(array) if mapped else array


def read_binary_copy(folder: Path) -> BinaryCopy:
    """The binary copy of the dataset in ``folder``, checked against the open files and its own manifest.

    Raises ``StaleCopy`` saying why when there is none, it is of another format, or it does not match.
    """
    folder = Path(folder)
    binary = folder / BINARY_FOLDER
    if not (binary / BINARY_MANIFEST).is_file():
        raise StaleCopy(f"there is no {BINARY_FOLDER}/{BINARY_MANIFEST}")
    try:
        manifest = json.loads((binary / BINARY_MANIFEST).read_bytes())
        if manifest.get("format") != FORMAT:
            raise StaleCopy(f"it is of format {manifest.get('format')!r}, this version reads {FORMAT}")
        if manifest.get("code") != code_fingerprint():
            raise StaleCopy("it was made by another version of Distriktskort or of the libraries it uses")
        digests = _open_file_digests(folder, manifest["files"])
        written = manifest["binary"]
        if set(written) != set(BINARY_FILES) - {BINARY_MANIFEST}:
            raise StaleCopy(f"its manifest lists {', '.join(sorted(written))}")
        tables = json.loads(_checked_bytes(binary / BINARY_TABLES, written[BINARY_TABLES]))
        years, indicator_ids = tuple(tables["years"]), tuple(tables["indicators"])
        district_ids = tuple(tables["district_ids"])
        cube = (len(indicator_ids), len(years), len(district_ids))
        return BinaryCopy(
            version=version_of(digests),
            years=tuple(int(year) for year in years),
            indicator_ids=indicator_ids,
            figures=_checked_array(binary / BINARY_FIGURES, written[BINARY_FIGURES], "float64", cube, True),
            figure_status=_checked_array(binary / BINARY_STATUS, written[BINARY_STATUS], "int8", cube, True),
            classes={(row["indicator"], row["measure"]): _classes(row["classes"]) for row in tables["series"]},
            district_ids=district_ids,
            district_names=tuple(tables["district_names"]),
            feature_keys=tuple(tables["feature_keys"]),
            district_of_feature=tuple(tables["district_of_feature"]),
            label_points=tuple((float(x), float(y)) for x, y in tables["label_points"]),
            bounds=tuple(float(value) for value in tables["bounds"]),
            neighbours=tuple(tuple(each) for each in tables["neighbours"]),
            feature_of_year=_checked_array(
                binary / BINARY_FEATURE_OF_YEAR,
                written[BINARY_FEATURE_OF_YEAR],
                "int64",
                (len(years), len(district_ids)),
                False,
            ),
            geojson=_checked_bytes(binary / BINARY_GEOJSON, written[BINARY_GEOJSON]),
            web_geojson=_checked_bytes(binary / BINARY_WEB_GEOJSON, written[BINARY_WEB_GEOJSON]),
        )
    except StaleCopy:
        raise
    except (OSError, ValueError, KeyError, TypeError, AttributeError, EOFError) as error:
        # A truncated or hand-edited file: whatever numpy or json made of it, the open files still hold the data.
        raise StaleCopy(f"it cannot be read ({type(error).__name__}: {error})") from error
