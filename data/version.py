"""A dataset's version: a short hash of the files it was loaded from, so a citation says exactly which figures it
shows.

A dataset folder carries no reliable version of its own (``datapackage.json`` may say "1.0.0" for years while the
figures are corrected), so the version is taken from the bytes: the same files give the same version on every
machine, and changing one byte of any of them gives another.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from data.files import DISTRICTS_FILE, INDICATORS_FILE, PACKAGE_FILE, STATISTICS_FILE

# The files whose bytes make the version, in this order: every file the loader reads.
VERSIONED_FILES = (PACKAGE_FILE, DISTRICTS_FILE, STATISTICS_FILE, INDICATORS_FILE)
VERSION_CHARS = 12  # hex digits: 48 bits, so two versions of one dataset practically never share one


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes, in hex."""
    with Path(path).open("rb") as file:
        return hashlib.file_digest(file, "sha256").hexdigest()


def version_of(digests: dict[str, str]) -> str:
    """The version made from the files' SHA-256 digests (hex, by file name); names not in ``VERSIONED_FILES`` are
    ignored. The binary copy (data/binary.py) keeps the digests, so a start need not hash the files again.

    >>> version_of({"statistics.csv": "00" * 32}) == version_of({"statistics.csv": "00" * 32, "x": "11"})
    True
    """
    digest = hashlib.sha256()
    for name in VERSIONED_FILES:
        if name in digests:
            digest.update(name.encode("utf-8") + b"\0" + bytes.fromhex(digests[name]))
    return digest.hexdigest()[:VERSION_CHARS]


def versioned_digests(folder: Path) -> dict[str, str]:
    """The SHA-256 (hex) of each of ``VERSIONED_FILES`` present in ``folder``."""
    paths = {name: Path(folder) / name for name in VERSIONED_FILES}
    return {name: file_sha256(path) for name, path in paths.items() if path.is_file()}


def dataset_version(folder: Path) -> str:
    """A short hex hash of the dataset's files (those present of ``VERSIONED_FILES``), deterministic.

    Each file enters as its name and its own SHA-256, so moving bytes from one file to the next changes it too.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "statistics.csv").write_text("district_id,year\\n")
    >>> first = dataset_version(folder)
    >>> len(first), first == dataset_version(folder)
    (12, True)
    >>> _ = (folder / "statistics.csv").write_text("district_id,yeas\\n")
    >>> dataset_version(folder) != first
    True
    """
    return version_of(versioned_digests(folder))
