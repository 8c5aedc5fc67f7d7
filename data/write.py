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

from data.binary import PARTIAL, write_binary_copy
from data.files import (
    BINARY_FILES,
    BINARY_FOLDER,
    DATASET_FILES,
    DISTRICTS_FILE,
    INDICATOR_COLUMNS,
    INDICATORS_FILE,
    PACKAGE_FILE,
    STATISTICS_COLUMNS,
    STATISTICS_FILE,
)
from data.load import load_dataset
from data.model import Dataset
from geo.io import write_geojson
from layers.errors import InputError
from layers.status import MISSING, SHOWN, SUPPRESSED


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


def format_values(values: pd.Series) -> np.ndarray:
    """Figures as ``statistics.csv`` writes them: positional, as short as round-trips, empty where there is none.

    Each distinct figure is formatted once: a million rows hold a few thousand figures.

    >>> format_values(pd.Series([1234.0, 0.1, 1e-05, float("nan"), -0.0, 2.5e16])).tolist()
    ['1234', '0.1', '0.00001', '', '-0', '25000000000000000']
    """
    values = values.to_numpy(dtype=float)
    codes, distinct = pd.factorize(values)  # NaN is -1, which picks the empty text at the end
    texts = np.array([np.format_float_positional(value, trim="-") for value in distinct] + [""], dtype=object)[codes]
    zero = values == 0  # -0.0 and 0.0 are one figure to factorize, not to format
    texts[zero] = np.where(np.signbit(values[zero]), "-0", "0")
    return texts


def _sort_codes(column: pd.Series) -> np.ndarray:
    # Each row's rank among the column's distinct values: each distinct text is compared once, not a million times.
    codes, distinct = pd.factorize(column, use_na_sentinel=False)
    return np.argsort(np.argsort(np.asarray(distinct, dtype=object), kind="stable"))[codes]


def _sorted(statistics: pd.DataFrame) -> pd.DataFrame:
    # By indicator, year and district, as sort_values would, but on integer ranks.
    keys = [_sort_codes(statistics[column]) for column in ("district_id", "year", "indicator")]
    return statistics.iloc[np.lexsort(keys)]


CSV_CHUNK_ROWS = 500_000


def _csv_field(text: str) -> str:
    # As pandas' to_csv (the csv module's minimal quoting) writes a field: quoted when it holds a comma, a quote or a
    # line break, and only then.
    return '"' + text.replace('"', '""') + '"' if any(mark in text for mark in ',"\r\n') else text


def _csv_texts(column: pd.Series) -> np.ndarray:
    # Each distinct value written once (empty where there is none), spread over the rows.
    codes, distinct = pd.factorize(column, use_na_sentinel=False)
    texts = [_csv_field("" if isinstance(value, float) and np.isnan(value) else str(value)) for value in distinct]
    return np.asarray(texts, dtype=object)[codes]


def _write_csv(table: pd.DataFrame, path: Path) -> None:
    """``table.to_csv(path, index=False, lineterminator="\\n")``, byte for byte, for a table of text and whole
    numbers: a million rows hold a few thousand distinct cells, and joining them is quicker than pandas' writer."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(",".join(_csv_field(str(name)) for name in table.columns) + "\n")
        for start in range(0, len(table), CSV_CHUNK_ROWS):
            part = table.iloc[start : start + CSV_CHUNK_ROWS]
            columns = [_csv_texts(part[name]) for name in part.columns]
            lines = columns[0]
            for column in columns[1:]:
                lines = lines + "," + column
            handle.write("\n".join(lines.tolist()) + "\n")


def _write_into(
    folder: Path, districts: gpd.GeoDataFrame, statistics: pd.DataFrame, indicators: pd.DataFrame, metadata: dict
) -> None:
    write_geojson(districts, folder / DISTRICTS_FILE)
    table = _sorted(statistics.loc[:, list(STATISTICS_COLUMNS)])
    table = table.assign(value=format_values(table["value"]), status=table["status"].fillna(SHOWN.word))
    _write_csv(table, folder / STATISTICS_FILE)
    indicators.loc[:, list(INDICATOR_COLUMNS)].to_csv(folder / INDICATORS_FILE, index=False, lineterminator="\n")
    package = {**metadata, "resources": _resources()}
    (folder / PACKAGE_FILE).write_text(json.dumps(package, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


STAGING = "staging-"


def _listing(names: list[str]) -> str:
    shown = ", ".join(names[:10])
    return shown + (f" and {len(names) - 10} more" if len(names) > 10 else "")


def _is_binary_copy(path: Path) -> bool:
    """A ``binary/`` folder as ``data.binary`` writes it: its files (finished or partial) and nothing else."""
    known = set(BINARY_FILES) | {name + PARTIAL for name in BINARY_FILES}
    return (
        path.is_dir()
        and not path.is_symlink()
        and all(entry.name in known and entry.is_file() and not entry.is_symlink() for entry in path.iterdir())
    )


def _is_ours(path: Path) -> bool:
    # What an import writes into a dataset folder, and so may replace: the open files and the binary copy.
    if path.name == BINARY_FOLDER:
        return _is_binary_copy(path)
    return path.name in DATASET_FILES and path.is_file()


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
    foreign = [name for name in contents if not _is_ours(folder / name)]
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
        ours = path.is_dir() and not path.is_symlink() and all(_is_ours(entry) for entry in path.iterdir())
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
    binary_copy: bool = True,
) -> None:
    """Write a complete dataset folder, replacing ``folder`` only once everything is written.

    ``verify`` is called with the finished staging folder before the swap; if it raises, nothing is replaced.
    Unless ``binary_copy`` is false, the folder gets its binary copy (data/binary.py), made from the ``Dataset``
    that ``verify`` returned, if it returned one, else loaded here.
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
            checked = verify(staging) if verify is not None else None
            if binary_copy:
                _write_binary_copy(staging, checked)
            retired = folder.with_name(f".{folder.name}.old")
            if folder.exists():
                folder.rename(retired)
            staging.rename(folder)
            shutil.rmtree(retired, ignore_errors=True)
        finally:
            shutil.rmtree(staging, ignore_errors=True)


def _write_binary_copy(folder: Path, checked: object) -> None:
    dataset = checked if isinstance(checked, Dataset) and checked.figures is not None else None
    if dataset is None:
        try:
            dataset = load_dataset(folder, binary_copy=False)
        except InputError:
            return  # a folder the loader refuses gets no copy: loading it names the problem, as it always did
    write_binary_copy(folder, dataset)


def refresh_binary_copy(folder: Path) -> Dataset:
    """Write the binary copy of the dataset in ``folder`` anew from its open files (``python app.py reindex``).

    Files are replaced one by one through new names, so a server running on the old copy keeps reading it. Raises
    ``InputError`` when the open files do not load, when ``binary/`` holds anything else, or when they changed
    while they were read.
    """
    folder = Path(folder)
    if not folder.is_dir():
        load_dataset(folder)  # raises the loader's own error for a missing folder, before a lock file is made
    binary = folder / BINARY_FOLDER
    if binary.is_symlink() or (binary.exists() and not _is_binary_copy(binary)):
        raise InputError(f"{binary}: holds files that are not a binary copy's. Move them elsewhere first.")
    with _only_import_into(folder):
        dataset = load_dataset(folder, binary_copy=False)
        if not write_binary_copy(folder, dataset):
            raise InputError(f"{folder}: its files changed while they were read. Run the command again.")
    return dataset
