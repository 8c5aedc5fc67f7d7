"""The ``import`` command line: flags to ``ImportOptions``, the report to stdout, a refusal to stderr with exit 2."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from importer.options import DEFAULT_LICENCE, ImportOptions
from importer.pipeline import run_import
from layers.errors import InputError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="app.py import", description="Turn district polygons and statistics files into a dataset folder."
    )
    add = parser.add_argument
    add(
        "--districts",
        action="append",
        required=True,
        help="GeoPackage, Shapefile (.shp, folder or .zip) or GeoJSON; when boundaries changed, give each set as "
        "FILE@FROM-TO, e.g. --districts old.gpkg@2011-2013 --districts new.gpkg@2014-",
    )
    add(
        "--statistics",
        type=Path,
        action="append",
        required=True,
        help="CSV or spreadsheet (xlsx, xls, ods) as published; repeat for several files (one per year is fine)",
    )
    add("--out", type=Path, required=True, help="the dataset folder to write (replaced only on success)")
    add("--layer", help="the layer to read, when the districts file has several")
    add("--id-field", help="the polygons' district id field (default: the field whose values the statistics use)")
    add("--name-field", help="the polygons' district name field (guessed when left out)")
    add("--crs", help="the districts' CRS when the file has none, e.g. EPSG:25832")
    add("--encoding", help="text encoding of the files when it is not UTF-8, UTF-16 or Latin-1")
    add(
        "--indicators",
        type=Path,
        help="a CSV describing indicators (the indicators.csv columns: id, and any of family, unit, title_da, ...); "
        "its unit and family win over the guess",
    )
    add("--title", help="the dataset's title, e.g. 'Hedensted Kommune'")
    add("--licence", default=DEFAULT_LICENCE, help="the data's licence, e.g. 'CC BY 4.0'")
    add("--source", help="who made the figures, e.g. 'Danmarks Statistik'")
    add(
        "--min-count",
        type=int,
        default=5,
        help="hide counts below this (default 5); 0 hides nothing, for figures their publisher already protected",
    )
    add("--area-prefix", help="read only the rows whose area label starts with this, e.g. 'Bydel - '")
    add(
        "--skip-unmatched",
        action="store_true",
        help="leave out rows whose area matches no polygon (they are listed), instead of refusing",
    )
    add("--area-column", help="the column holding the areas (guessed from what matches the polygons)")
    add("--year-column", help="the column holding the year")
    add("--value-column", help="the column holding the figures, in a long table")
    add(
        "--indicator-column",
        action="append",
        dest="indicator_columns",
        default=[],
        help="a column that names the indicator; repeat for each (default: content and dimension columns)",
    )
    add("--district-term", help="what a district is called, SINGULAR/PLURAL in Danish, e.g. bydel/bydele")
    add("--reference-date", help="the date the figures refer to, e.g. '1. januar' or '31. december'")
    add("--max-input-mb", type=int, default=100, help="refuse an input file larger than this (default 100 MB)")
    add(
        "--max-unzipped-mb",
        type=int,
        default=1024,
        help="refuse a zip or workbook that unpacks to more than this (default 1024 MB)",
    )
    add("--max-features", type=int, default=50_000, help="refuse a districts file with more features (default 50,000)")
    add(
        "--max-vertices",
        type=int,
        default=5_000_000,
        help="refuse districts with more vertices in all (default 5,000,000); simplify them first",
    )
    return parser


def _arguments(argv: list[str]) -> ImportOptions:
    parser = _parser()
    arguments = parser.parse_args(argv)
    if arguments.min_count < 0:
        parser.error(f"--min-count must be 0 or more, got {arguments.min_count}")
    for flag in ("max_input_mb", "max_unzipped_mb", "max_features", "max_vertices"):
        if getattr(arguments, flag) < 1:
            parser.error(f"--{flag.replace('_', '-')} must be 1 or more, got {getattr(arguments, flag)}")
    return ImportOptions(**{**vars(arguments), "statistics": tuple(arguments.statistics),
                            "districts": tuple(arguments.districts),
                            "indicator_columns": tuple(arguments.indicator_columns)})  # fmt: skip


def import_main(argv: list[str]) -> int:
    """The ``import`` command: exit 0 with a summary, or 2 with the reason."""
    options = _arguments(argv)
    try:
        summary = run_import(options)
    except InputError as error:
        print(f"distriktskort import: {error}", file=sys.stderr)
        return 2
    print("\n".join(summary.lines()))
    return 0
