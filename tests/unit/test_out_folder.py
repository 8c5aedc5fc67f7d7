"""`--out` is safe: an import replaces only a dataset folder it may replace, never a user's files or a link, and it
tidies (or names) what a killed import left behind."""

import fcntl
import os
import subprocess
import sys
from pathlib import Path

import pytest

from data.write import STAGING
from importer import ImportOptions, Progress, run_import
from layers.errors import InputError
from tests.conftest import grid_districts

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def sources(tmp_path):
    districts = tmp_path / "districts.geojson"
    grid_districts().to_file(districts, driver="GeoJSON")
    figures = tmp_path / "figures.csv"
    figures.write_text("district_id,year,indicator,value\n01,2016,residents,100\n02,2016,residents,200\n")
    return districts, figures


def _import(sources, out: Path):
    districts, figures = sources
    options = ImportOptions(districts=(str(districts),), statistics=(figures,), out=out)
    return run_import(options, Progress(stages=5, stream=open(os.devnull, "w")))  # noqa: SIM115


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def test_a_folder_of_the_users_own_files_is_refused_and_left_as_it_was(tmp_path, sources):
    out = tmp_path / "thesis"
    (out / "chapters").mkdir(parents=True)
    (out / "thesis.docx").write_bytes(b"years of work")
    (out / "chapters" / "one.md").write_text("# One")
    before = _snapshot(out)
    with pytest.raises(InputError, match=r"not a dataset folder.*thesis\.docx.*nothing was changed"):
        _import(sources, out)
    assert _snapshot(out) == before


def test_the_command_line_refuses_it_with_exit_2_and_one_line(tmp_path, sources):
    out = tmp_path / "thesis"
    out.mkdir()
    (out / "thesis.docx").write_bytes(b"years of work")
    districts, figures = sources
    result = subprocess.run(
        [sys.executable, "app.py", "import", "--districts", str(districts), "--statistics", str(figures),
         "--out", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip().count("\n") == 0 and "thesis.docx" in result.stderr
    assert (out / "thesis.docx").read_bytes() == b"years of work"


def test_a_file_as_out_is_refused(tmp_path, sources):
    out = tmp_path / "notes.txt"
    out.write_text("mine")
    with pytest.raises(InputError, match="is a file, not a dataset folder"):
        _import(sources, out)
    assert out.read_text() == "mine"


@pytest.mark.parametrize("target", ["a dataset", "nothing"])
def test_a_link_as_out_is_never_followed_or_replaced(tmp_path, sources, target):
    real = tmp_path / "real"
    if target == "a dataset":
        _import(sources, real)
    out = tmp_path / "link"
    out.symlink_to(real)
    before = _snapshot(real) if real.exists() else None
    with pytest.raises(InputError, match="symbolic link"):
        _import(sources, out)
    assert out.is_symlink() and (_snapshot(real) if real.exists() else None) == before


def test_a_dataset_folder_with_other_files_in_it_is_refused(tmp_path, sources):
    out = tmp_path / "dataset"
    _import(sources, out)
    (out / "notes.docx").write_bytes(b"mine")
    with pytest.raises(InputError, match="also holds notes.docx"):
        _import(sources, out)


def test_an_empty_folder_and_an_existing_dataset_may_be_replaced(tmp_path, sources):
    out = tmp_path / "dataset"
    out.mkdir()
    _import(sources, out)
    _import(sources, out)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["dataset", "districts.geojson", "figures.csv"]


def test_leftovers_of_a_killed_import_are_tidied(tmp_path, sources):
    out = tmp_path / "dataset"
    _import(sources, out)
    stale = tmp_path / f".dataset.{STAGING}x1y2z3w4"
    stale.mkdir()
    (stale / "statistics.csv").write_text("half written")
    (tmp_path / ".dataset.old").mkdir()
    (tmp_path / ".dataset.old" / "datapackage.json").write_text("{}")
    _import(sources, out)
    assert not stale.exists() and not (tmp_path / ".dataset.old").exists()


def test_a_kill_between_the_two_renames_brings_the_previous_dataset_back(tmp_path, sources):
    out = tmp_path / "dataset"
    _import(sources, out)
    out.rename(tmp_path / ".dataset.old")
    figures = sources[1]
    figures.write_text("district_id,year,indicator,value\n01,2016,residents,oops\n")
    with pytest.raises(InputError, match="not a number"):
        _import(sources, out)
    assert (out / "datapackage.json").is_file(), "the previous dataset is restored, even when the new import fails"


def test_a_leftover_holding_someone_elses_files_is_named_not_deleted(tmp_path, sources):
    out = tmp_path / "dataset"
    (tmp_path / ".dataset.old").mkdir()
    (tmp_path / ".dataset.old" / "precious.txt").write_text("mine")
    with pytest.raises(InputError, match=r"\.dataset\.old: left over from an earlier import.*remove it"):
        _import(sources, out)
    assert (tmp_path / ".dataset.old" / "precious.txt").read_text() == "mine"


def test_a_second_import_into_the_same_folder_at_once_is_refused(tmp_path, sources):
    out = tmp_path / "dataset"
    with open(tmp_path / ".dataset.lock", "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        with pytest.raises(InputError, match="another import into it is running"):
            _import(sources, out)
