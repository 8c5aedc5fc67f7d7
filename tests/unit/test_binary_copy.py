"""The binary copy beside a dataset's open files (data/binary.py): the same Dataset as the CSV gives, and never
trusted over the files."""

import dataclasses
import logging
import os
import shutil

import numpy as np
import pytest

import data.load
from app import create_app, main
from data.binary import read_binary_copy
from data.files import BINARY_FIGURES, BINARY_FOLDER, BINARY_MANIFEST, BINARY_STATUS, BINARY_TABLES, STATISTICS_FILE
from data.load import load_dataset
from data.make_demo import DEMO_FOLDER
from data.model import Series
from data.write import check_destination, refresh_binary_copy
from layers.errors import InputError
from tests.conftest import write_imported


def _same(first, second, where: str = "dataset") -> None:
    """Field by field: arrays equal in values (NaN where NaN), dtype and shape; everything else equal."""
    if isinstance(first, np.ndarray) or isinstance(second, np.ndarray):
        assert isinstance(first, np.ndarray) and isinstance(second, np.ndarray), where
        assert first.dtype == second.dtype and first.shape == second.shape, where
        assert np.array_equal(first, second, equal_nan=first.dtype.kind == "f"), where
    elif isinstance(first, Series):
        for field in dataclasses.fields(Series):
            _same(getattr(first, field.name), getattr(second, field.name), f"{where}.{field.name}")
    elif isinstance(first, dict) or hasattr(first, "keys"):
        assert list(first) == list(second), where
        for key in first:
            _same(first[key], second[key], f"{where}[{key!r}]")
    else:
        assert first == second, where


def _same_dataset(first, second) -> None:
    for field in dataclasses.fields(first):
        _same(getattr(first, field.name), getattr(second, field.name), field.name)


def _from_copy_only(monkeypatch) -> None:
    """Make a fall-back to the open files fail the test: what follows must come from the binary copy."""

    def refuse(*_):
        raise AssertionError("read the open files, not the binary copy")

    monkeypatch.setattr(data.load, "_from_open_files", refuse)


@pytest.fixture
def demo_copy(tmp_path):
    folder = tmp_path / "demo"
    shutil.copytree(DEMO_FOLDER, folder)
    refresh_binary_copy(folder)
    return folder


@pytest.fixture
def imported_folder(tmp_path):
    return write_imported(tmp_path / "imported")  # written by data.write, as an import writes: with its copy


@pytest.mark.parametrize("name", ["demo_copy", "imported_folder", "redrawn_folder", "tiny_folder"])
def test_the_binary_copy_gives_the_same_dataset_as_the_open_files(request, monkeypatch, name):
    folder = request.getfixturevalue(name)
    from_files = load_dataset(folder, binary_copy=False)
    _from_copy_only(monkeypatch)
    from_copy = load_dataset(folder)
    _same_dataset(from_files, from_copy)
    assert from_copy.version and from_copy.neighbours and from_copy.series


def test_the_figures_are_read_only_and_the_copys_are_mapped(monkeypatch, imported_folder):
    assert not load_dataset(imported_folder, binary_copy=False).figures.flags.writeable  # read-only both ways
    _from_copy_only(monkeypatch)
    dataset = load_dataset(imported_folder)
    assert not dataset.figures.flags.writeable and not dataset.figures.flags.owndata  # pages of the mapped file


def test_a_changed_figure_of_the_same_size_falls_back_and_shows_the_new_value(imported_folder, caplog):
    before = load_dataset(imported_folder)
    path = imported_folder / STATISTICS_FILE
    text = path.read_text(encoding="utf-8")
    first_row = text.splitlines()[1]  # district_id,year,indicator,value,status
    district_id, year, indicator_id, value, status = first_row.split(",")
    changed = str(int(float(value)) + 1).rjust(len(value), "1")[: len(value)]
    assert changed != value and len(changed) == len(value)
    path.write_text(text.replace(first_row, ",".join([district_id, year, indicator_id, changed, status]), 1))
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))  # an editor's save moves the time
    with caplog.at_level(logging.WARNING, logger="data.load"):
        after = load_dataset(imported_folder)
    series = next(series for (known, _), series in after.series.items() if known == indicator_id)
    column, row = after.district_ids.index(district_id), after.years.index(int(year))
    assert series.counts[row, column] == float(changed) or series.values[row, column] == float(changed)
    assert after.version != before.version
    [line] = caplog.messages
    assert f"{STATISTICS_FILE} has changed" in line and f"reindex --dataset {imported_folder}" in line


def test_a_copied_folder_with_new_file_times_still_uses_the_copy(tmp_path, monkeypatch, imported_folder):
    copy = tmp_path / "copied"
    shutil.copytree(imported_folder, copy, copy_function=shutil.copy)  # new times, as a copy or a clone has
    _from_copy_only(monkeypatch)
    assert load_dataset(copy).version == load_dataset(imported_folder).version


@pytest.mark.parametrize(
    ("name", "damage"),
    [
        (BINARY_FIGURES, lambda content: content[: len(content) // 2]),  # truncated
        (BINARY_STATUS, lambda content: content[:100] + bytes(len(content) - 100)),  # zeroed, same size
        (BINARY_TABLES, lambda content: b"{" + content),
        (BINARY_MANIFEST, lambda content: content[:-5]),
    ],
    ids=["truncated figures", "zeroed status", "broken tables", "truncated manifest"],
)
def test_a_damaged_copy_falls_back_without_an_error_page(imported_folder, caplog, name, damage):
    path = imported_folder / BINARY_FOLDER / name
    path.write_bytes(damage(path.read_bytes()))
    with caplog.at_level(logging.WARNING, logger="data.load"):
        dataset = load_dataset(imported_folder)
    _same_dataset(dataset, load_dataset(imported_folder, binary_copy=False))
    [line] = caplog.messages
    assert "binary copy is not used" in line and "reindex" in line
    assert create_app(dataset).server.test_client().get("/").status_code == 200


def test_a_copy_made_by_another_version_of_the_code_is_not_trusted(imported_folder, monkeypatch, caplog):
    monkeypatch.setattr("data.binary.code_fingerprint", lambda: "another")
    with caplog.at_level(logging.WARNING, logger="data.load"):
        load_dataset(imported_folder)
    assert "another version of Distriktskort" in caplog.text


def test_a_folder_without_a_copy_loads_from_its_files_quietly(tmp_path, caplog):
    folder = tmp_path / "demo"
    shutil.copytree(DEMO_FOLDER, folder)
    with caplog.at_level(logging.WARNING, logger="data.load"):
        load_dataset(folder)
    assert caplog.messages == []


def test_the_demo_has_no_committed_copy():
    # Decided in data/make_demo.py: a copy's recorded file times never match a fresh clone's, and the demo is small.
    assert not (DEMO_FOLDER / BINARY_FOLDER).exists()


def test_a_second_import_into_the_same_folder_replaces_its_copy(tmp_path, monkeypatch):
    folder = write_imported(tmp_path / "again")
    check_destination(folder)  # the binary folder is the import's own, not the user's
    write_imported(folder, value=lambda indicator, d, y: 7.0)
    _from_copy_only(monkeypatch)
    dataset = load_dataset(folder)
    assert np.nanmax(dataset.figures) == 7.0


def test_reindex_rewrites_a_stale_copy(imported_folder, monkeypatch):
    (imported_folder / BINARY_FOLDER / BINARY_FIGURES).write_bytes(b"not an array")
    assert main(["reindex", "--dataset", str(imported_folder)]) == 0
    read_binary_copy(imported_folder)  # raises if it were still stale
    assert sorted(path.name for path in (imported_folder / BINARY_FOLDER).iterdir() if "partial" in path.name) == []


def test_reindex_of_a_missing_folder_exits_2(tmp_path, capsys):
    assert main(["reindex", "--dataset", str(tmp_path / "nowhere" / "dataset")]) == 2
    assert "no such dataset folder" in capsys.readouterr().err
    assert not (tmp_path / "nowhere").exists()


def test_files_of_the_users_own_in_the_binary_folder_are_never_replaced(imported_folder):
    (imported_folder / BINARY_FOLDER / "notes.txt").write_text("mine")
    with pytest.raises(InputError, match="also holds binary"):
        check_destination(imported_folder)
    with pytest.raises(InputError, match="not a binary copy's"):
        refresh_binary_copy(imported_folder)
