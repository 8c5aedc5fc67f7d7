"""``python app.py export``: the same downloads as the page, for reports: one view, or every indicator × year.

    python app.py export --dataset DIR --indicator ID --year YYYY --format png --out FILE
    python app.py export --dataset DIR --all --format svg --out FOLDER

Images are made by kaleido on Debian's Chromium (see the README). One Chromium is opened for the first picture and
kept for the rest (``exports.renderer``), so ``--all`` pays its start once; a progress bar goes to stderr.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from data.load import load_dataset
from exports.formats import EXPORTERS
from exports.images import PICTURES, ImageUnavailable
from exports.table import view_table
from layers.errors import InputError
from layers.registry import MEASURES
from layers.text import DEFAULT_LANGUAGE, LANGUAGES
from view.modes import DEFAULT_MODE, MODES
from view.view import View

BAR_WIDTH = 30


def _arguments(argv: list[str]) -> argparse.Namespace:
    from data.make_demo import DEMO_FOLDER

    parser = argparse.ArgumentParser(prog="app.py export", description="Write a view, or every view, to files.")
    parser.add_argument("--dataset", type=Path, default=DEMO_FOLDER, help="a dataset folder (default: the demo)")
    parser.add_argument("--indicator", help="the indicator id (see the README's table)")
    parser.add_argument("--year", type=int, help="the year (default: the dataset's default year)")
    parser.add_argument("--measure", choices=tuple(MEASURES), help="share or count (default: the dataset's)")
    parser.add_argument("--mode", choices=tuple(MODES), default=DEFAULT_MODE, help="the figure, or its change")
    parser.add_argument("--from", dest="from_year", type=int, help="with --mode change: the year the change is from")
    parser.add_argument("--lang", choices=LANGUAGES, default=DEFAULT_LANGUAGE)
    parser.add_argument("--format", choices=tuple(EXPORTERS), required=True)
    parser.add_argument("--all", action="store_true", help="every indicator × year into the folder --out")
    parser.add_argument("--out", type=Path, required=True, help="the file to write, or the folder with --all")
    return parser.parse_args(argv)


def _write(dataset, asked: dict, format_id: str, path: Path) -> None:
    view, ignored = View.checked(dataset, asked)
    if ignored:
        raise InputError(
            f"cannot export {', '.join(ignored)}: not in {dataset.folder}. See the README's indicator table."
        )
    path.write_bytes(EXPORTERS[format_id].write(view_table(dataset, view, ""), dataset))


def _common(arguments: argparse.Namespace) -> dict:
    return {"measure": arguments.measure, "lang": arguments.lang, "mode": arguments.mode, "from": arguments.from_year}


def _progress(done: int, total: int, label: str) -> None:
    filled = round(BAR_WIDTH * done / total)
    print(
        f"\r[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {done}/{total} {label:<40}",
        end="",
        file=sys.stderr,
        flush=True,
    )


def _all(dataset, arguments: argparse.Namespace) -> int:
    arguments.out.mkdir(parents=True, exist_ok=True)
    jobs = [(indicator_id, year) for indicator_id in dataset.indicators for year in dataset.years]
    for done, (indicator_id, year) in enumerate(jobs, start=1):
        query = {**_common(arguments), "indicator": indicator_id, "year": year}
        _write(dataset, query, arguments.format, arguments.out / f"{indicator_id}_{year}.{arguments.format}")
        _progress(done, len(jobs), f"{indicator_id} {year}")
    print(f"\nWrote {len(jobs)} files to {arguments.out}", file=sys.stderr)
    return 0


def export_main(argv: list[str]) -> int:
    """The ``export`` command: exit 0 having written the file(s), or 2 with the reason."""
    arguments = _arguments(argv)
    try:
        dataset = load_dataset(arguments.dataset)
        if arguments.all:
            return _all(dataset, arguments)
        query = {**_common(arguments), "indicator": arguments.indicator, "year": arguments.year}
        _write(dataset, query, arguments.format, arguments.out)
        print(f"Wrote {arguments.out}", file=sys.stderr)
        return 0
    except (InputError, ImageUnavailable, OSError) as error:
        print(f"distriktskort export: {error}", file=sys.stderr)
        return 2
    finally:
        PICTURES.close()  # Chromium, if a picture opened it
