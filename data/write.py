"""Writing a dataset folder: the open format that the app serves and municipalities publish.

A folder is written next to its destination and swapped in at the end, so a failed write leaves any existing
dataset exactly as it was.
"""

from __future__ import annotations

import contextlib
import fcntl
import glob
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

from geo.io import write_geojson
from layers.errors import InputError
from layers.status import MISSING, SHOWN, SUPPRESSED

DISTRICTS_FILE = "districts.geojson"
STATISTICS_FILE = "statistics.csv"
INDICATORS_FILE = "indicators.csv"
PACKAGE_FILE = "datapackage.json"

STATISTICS_COLUMNS = ("district_id", "year", "indicator", "value", "status")
INDICATOR_COLUMNS = (
    "id", "family", "category", "unit", "denominator",
    "title_da", "title_en", "description_da", "description_en", "source",
)  # fmt: skip


def _field(name: str, kind: str, description: str) -> dict:
    return {"name": name, "type": kind, "description": description}


def _resources() -> list[dict]:
    return [
        {
            "name": "districts",
            "path": DISTRICTS_FILE,
            "format": "geojson",
            "mediatype": "application/geo+json",
            "description": "One feature per district and boundary period, RFC 7946 (WGS84).",
        },
        {
            "name": "statistics",
            "path": STATISTICS_FILE,
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": {
                "fields": [
                    _field("district_id", "string", "District id, as text"),
                    _field("year", "integer", "Reference year (the date within it is distriktskort.reference_date)"),
                    _field("indicator", "string", "Indicator id, described in indicators.csv"),
                    _field("value", "number", "The figure; empty when suppressed or missing"),
                    _field("status", "string", f"Empty, '{SUPPRESSED.word}' (hidden for privacy) or '{MISSING.word}'"),
                ],
                "missingValues": [""],
            },
        },
        {
            "name": "indicators",
            "path": INDICATORS_FILE,
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": {"fields": [_field(name, "string", name) for name in INDICATOR_COLUMNS]},
        },
    ]


def _format_value(value: float) -> str:
    return "" if np.isnan(value) else np.format_float_positional(value, trim="-")


def _write_into(
    folder: Path, districts: gpd.GeoDataFrame, statistics: pd.DataFrame, indicators: pd.DataFrame, metadata: dict
) -> None:
    write_geojson(districts, folder / DISTRICTS_FILE)
    table = statistics.loc[:, list(STATISTICS_COLUMNS)].sort_values(["indicator", "year", "district_id"])
    table = table.assign(
        value=table["value"].astype(float).map(_format_value), status=table["status"].fillna(SHOWN.word)
    )
    table.to_csv(folder / STATISTICS_FILE, index=False, lineterminator="\n")
    indicators.loc[:, list(INDICATOR_COLUMNS)].to_csv(folder / INDICATORS_FILE, index=False, lineterminator="\n")
    package = {**metadata, "resources": _resources()}
    (folder / PACKAGE_FILE).write_text(json.dumps(package, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


DATASET_FILES = (PACKAGE_FILE, DISTRICTS_FILE, STATISTICS_FILE, INDICATORS_FILE)
STAGING = "staging-"


def _listing(names: list[str]) -> str:
    shown = ", ".join(names[:10])
    return shown + (f" and {len(names) - 10} more" if len(names) > 10 else "")


def check_destination(folder: Path) -> None:
    """Refuse a destination that a dataset may not replace: a link, a file, or a folder that holds anything else.

    An existing dataset folder (``datapackage.json`` and the other dataset files, nothing more) may be replaced, and
    so may an empty folder. Everything else is the user's, and an import never deletes it.
    """
    folder = Path(folder)
    if folder.is_symlink():
        raise InputError(
            f"--out {folder}: is a symbolic link (to {os.readlink(folder)}). An import does not follow or replace "
            "links: give the real folder, or remove the link first."
        )
    if not folder.exists():
        return
    if not folder.is_dir():
        raise InputError(f"--out {folder}: is a file, not a dataset folder. Choose another --out; nothing was changed.")
    contents = sorted(entry.name for entry in folder.iterdir())
    if contents and PACKAGE_FILE not in contents:
        raise InputError(
            f"--out {folder}: exists and is not a dataset folder (no {PACKAGE_FILE}); it holds {_listing(contents)}. "
            "Choose a new or empty folder; nothing was changed."
        )
    foreign = [name for name in contents if name not in DATASET_FILES or (folder / name).is_dir()]
    if foreign:
        raise InputError(
            f"--out {folder}: the dataset folder also holds {_listing(foreign)}, which a new import would delete. "
            "Move them elsewhere first; nothing was changed."
        )


def _leftovers(folder: Path) -> list[Path]:
    # Staging folders and retired datasets of earlier imports that were killed before they could tidy up.
    # Only names an import makes: a user's own ".name.backup" is never touched.
    staging = folder.parent.glob(f".{glob.escape(folder.name)}.{STAGING}*")
    return [
        *staging,
        *[path for path in [folder.with_name(f".{folder.name}.old")] if path.exists() or path.is_symlink()],
    ]


def _tidy_leftovers(folder: Path) -> None:
    retired = folder.with_name(f".{folder.name}.old")
    if not folder.exists() and (retired / PACKAGE_FILE).is_file() and not retired.is_symlink():
        retired.rename(folder)  # killed between the two renames of a swap: the previous dataset comes back
    for path in _leftovers(folder):
        ours = (
            path.is_dir()
            and not path.is_symlink()
            and all(entry.name in DATASET_FILES and entry.is_file() for entry in path.iterdir())
        )
        if not ours:
            raise InputError(
                f"{path}: left over from an earlier import, but it holds files that are not a dataset's. "
                "Look inside, then remove it; nothing was changed."
            )
        shutil.rmtree(path)


@contextlib.contextmanager
def _only_import_into(folder: Path) -> Iterator[None]:
    # One import at a time per destination: leftovers may then be tidied without touching a running import's.
    folder.parent.mkdir(parents=True, exist_ok=True)
    lock_path = folder.with_name(f".{folder.name}.lock")
    with open(lock_path, "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as error:
            raise InputError(f"--out {folder}: another import into it is running. Wait for it to finish.") from error
        try:
            yield
        finally:
            lock_path.unlink(missing_ok=True)  # nothing is left beside the dataset


def prepare_destination(folder: Path) -> None:
    """Tidy what a killed import left beside ``folder`` (bringing back a dataset caught mid-swap), then check that
    ``folder`` may be replaced. Raises ``InputError`` naming what is in the way; changes nothing of the user's."""
    folder = Path(folder)
    if folder.is_symlink():
        check_destination(folder)  # before a lock file is made beside a link
    with _only_import_into(folder):
        _tidy_leftovers(folder)
        check_destination(folder)


def write_dataset(
    folder: Path,
    *,
    districts: gpd.GeoDataFrame,
    statistics: pd.DataFrame,
    indicators: pd.DataFrame,
    metadata: dict,
    verify: Callable[[Path], object] | None = None,
) -> None:
    """Write a complete dataset folder, replacing ``folder`` only once everything is written.

    ``verify`` is called with the finished staging folder before the swap; if it raises, nothing is replaced.
    Raises ``InputError`` when ``folder`` is not ours to replace (``check_destination``) or another import into it
    is running. Leftovers of an import that was killed are tidied first.
    """
    folder = Path(folder)
    with _only_import_into(folder):
        _tidy_leftovers(folder)
        check_destination(folder)
        staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.{STAGING}", dir=folder.parent))
        staging.chmod(0o755)
        try:
            _write_into(staging, districts, statistics, indicators, metadata)
            if verify is not None:
                verify(staging)
            retired = folder.with_name(f".{folder.name}.old")
            if folder.exists():
                folder.rename(retired)
            staging.rename(folder)
            shutil.rmtree(retired, ignore_errors=True)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
