"""``python app.py import``: turn the files a municipality has into a dataset folder, or say clearly why not.

Districts go through ``geo`` (read, reproject, repair, dissolve, simplify), statistics through ``stats`` (sniff,
parse by format, validate, disclose), and the result is written next to ``--out`` and swapped in only when the
written folder loads. A failed import leaves any existing folder exactly as it was.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from data.boundary_sets import check_years_have_boundaries, read_boundary_sets
from data.errors import InputError
from data.indicators import indicator_table, read_descriptions
from data.load import load_dataset
from data.write import write_dataset
from geo.pipeline import GeometryReport
from stats.disclosure import SUPPRESSED, DisclosureRule, apply_disclosure_control
from stats.formats import read_long, slug
from stats.table import read_grids
from stats.validate import validate

DEFAULT_LICENCE = "Ikke angivet / not stated"


@dataclass(frozen=True)
class ImportOptions:
    """What the command line asked for."""

    districts: tuple[str, ...]  # FILE or FILE@FROM-TO, one per boundary set
    statistics: tuple[Path, ...]
    out: Path
    layer: str | None = None
    id_field: str | None = None
    name_field: str | None = None
    crs: str | None = None
    encoding: str | None = None
    indicators: Path | None = None
    title: str | None = None
    licence: str = DEFAULT_LICENCE
    source: str | None = None
    min_count: int = 5


@dataclass
class Progress:
    """Stage-by-stage progress on stderr, so a long import is never silent."""

    stages: int
    stream: object = field(default=sys.stderr)
    done: int = 0
    started: float = field(default_factory=time.perf_counter)

    def step(self, text: str) -> None:
        self.done += 1
        elapsed = time.perf_counter() - self.started
        print(f"[{self.done}/{self.stages}] {text} ({elapsed:.1f} s)", file=self.stream, flush=True)


@dataclass(frozen=True)
class ImportSummary:
    districts: int
    years: tuple[int, ...]
    indicators: int
    rows: int
    suppressed: int
    missing: int
    geometry: GeometryReport
    formats: tuple[str, ...]
    boundary_sets: str
    bytes_on_disk: int
    out: Path

    def lines(self) -> list[str]:
        first, last = self.years[0], self.years[-1]
        notes = [
            f"Imported into {self.out}",
            f"  districts:   {self.districts}",
            f"  years:       {first}–{last} ({len(self.years)})",
            f"  indicators:  {self.indicators}",
            f"  rows:        {self.rows:,}",
            f"  suppressed:  {self.suppressed:,} cells hidden to protect individuals; {self.missing:,} missing",
            f"  boundaries:  {self.boundary_sets}",
            f"  geometry:    {self.geometry.repaired} invalid polygon(s) repaired, {self.geometry.dissolved_rows} row(s) dissolved into their district",
            f"  coverage:    {_coverage_note(self.geometry)}",
            f"  formats:     {', '.join(self.formats)}",
            f"  on disk:     {self.bytes_on_disk / 1024:,.0f} kB",
        ]
        return notes


def _coverage_note(report: GeometryReport) -> str:
    if report.overlap_m2 < 1 and report.gap_m2 < 1:
        return "the districts fit together with no gaps or overlaps"
    return f"overlaps of {report.overlap_m2 / 1e4:,.2f} ha and gaps of {report.gap_m2 / 1e4:,.2f} ha between districts"


def _statistics(paths: tuple[Path, ...], encoding: str | None) -> tuple[pd.DataFrame, dict[str, str], list[str]]:
    frames, titles, formats = [], {}, []
    for path in paths:
        for grid in read_grids(path, encoding):
            long, layout = read_long(grid, Path(path))
            formats.append(f"{Path(path).name}: {layout.id}")
            indicators = long["indicator"].unique()
            if grid.titles and len(indicators) == 1:
                titles[indicators[0]] = " ".join(grid.titles)
            frames.append(long)
    return pd.concat(frames, ignore_index=True), titles, formats


def _metadata(options: ImportOptions, rule: DisclosureRule, indicators: pd.DataFrame, years: list[int]) -> dict:
    shares = indicators[indicators["denominator"] != ""]
    default = (shares if len(shares) else indicators)["id"].iloc[0]
    title = options.title or options.out.name
    return {
        "name": slug(title).replace("_", "-")[:60],  # Frictionless names are lower-case ASCII
        "title": title,
        "description": f"Statistik pr. distrikt {years[0]}–{years[-1]}, importeret med Distriktskort.",
        "licenses": [{"name": options.licence, "title": options.licence}],
        "sources": [{"title": options.source or ", ".join(path.name for path in options.statistics)}],
        "distriktskort": {
            "area_name": title,
            "district_term": {"da": "distrikt", "en": "district", "da_plural": "distrikter", "en_plural": "districts"},
            "fictional": False,
            "reference_date": {"da": "1. januar", "en": "1 January"},
            "default_indicator": str(default),
            "default_measure": "share" if len(shares) else "count",
            "default_year": int(years[-1]),
            "disclosure": rule.as_metadata(),
        },
    }


def run_import(options: ImportOptions, progress: Progress | None = None) -> ImportSummary:
    """Import districts and statistics into ``options.out``. Raises ``InputError`` and leaves ``out`` untouched."""
    progress = progress or Progress(stages=5)
    districts, report, notes = read_boundary_sets(options)
    progress.step(f"read {districts['district_id'].nunique()} districts ({'; '.join(notes)})")
    described = read_descriptions(options.indicators) if options.indicators else {}
    long, titles, formats = _statistics(options.statistics, options.encoding)
    progress.step(f"read {len(long):,} figures from {len(options.statistics)} statistics file(s)")
    source = options.source or ", ".join(path.name for path in options.statistics)
    for indicator_id, title in titles.items():
        described.setdefault(indicator_id, {}).setdefault("title_da", title)
    ids = sorted(long["indicator"].astype(str).str.strip().unique())
    indicators = indicator_table(ids, source, described)
    units = dict(zip(indicators["id"], indicators["unit"], strict=True))
    tidy = validate(long, list(districts["district_id"]), list(districts["name"]), units)
    check_years_have_boundaries(tidy, districts)
    progress.step(f"checked {len(tidy):,} figures against the districts")
    rule = DisclosureRule(min_count=options.min_count)
    counts = tidy["indicator"].map(units) == "count"
    protected = apply_disclosure_control(tidy[counts], rule)
    statistics = pd.concat([protected, tidy[~counts]]).sort_index()
    progress.step(f"applied disclosure control (counts under {rule.min_count} hidden)")
    years = sorted(statistics["year"].unique().tolist())
    write_dataset(
        options.out,
        districts=districts,
        statistics=statistics,
        indicators=indicators,
        metadata=_metadata(options, rule, indicators, years),
        verify=load_dataset,
    )
    progress.step(f"wrote and checked {options.out}")
    return ImportSummary(
        districts=districts["district_id"].nunique(),
        years=tuple(int(year) for year in years),
        indicators=len(indicators),
        rows=len(statistics),
        suppressed=int((statistics["status"] == SUPPRESSED).sum()),
        missing=int((statistics["status"] == "missing").sum()),
        geometry=report,
        formats=tuple(formats),
        boundary_sets="; ".join(notes),
        bytes_on_disk=sum(path.stat().st_size for path in options.out.iterdir()),
        out=options.out,
    )


def _arguments(argv: list[str]) -> ImportOptions:
    parser = argparse.ArgumentParser(
        prog="app.py import", description="Turn district polygons and statistics files into a dataset folder."
    )
    parser.add_argument(
        "--districts",
        action="append",
        required=True,
        help="GeoPackage, Shapefile (.shp, folder or .zip) or GeoJSON; when boundaries changed, give each set as "
        "FILE@FROM-TO, e.g. --districts old.gpkg@2011-2013 --districts new.gpkg@2014-",
    )
    parser.add_argument(
        "--statistics", type=Path, action="append", required=True, help="CSV or Excel; repeat for several files"
    )
    parser.add_argument(
        "--out", type=Path, required=True, help="the dataset folder to write (replaced only on success)"
    )
    parser.add_argument("--layer", help="the layer to read, when the districts file has several")
    parser.add_argument("--id-field", help="the field holding the district id (guessed when left out)")
    parser.add_argument("--name-field", help="the field holding the district name (guessed when left out)")
    parser.add_argument("--crs", help="the districts' CRS when the file has none, e.g. EPSG:25832")
    parser.add_argument("--encoding", help="text encoding of the files when it is not UTF-8 or Latin-1")
    parser.add_argument("--indicators", type=Path, help="a CSV describing indicators (the indicators.csv columns)")
    parser.add_argument("--title", help="the dataset's title, e.g. 'Hedensted Kommune'")
    parser.add_argument("--licence", default=DEFAULT_LICENCE, help="the data's licence, e.g. 'CC BY 4.0'")
    parser.add_argument("--source", help="who made the figures, e.g. 'Danmarks Statistik'")
    parser.add_argument("--min-count", type=int, default=5, help="hide counts below this (default 5)")
    arguments = parser.parse_args(argv)
    if arguments.min_count < 1:
        parser.error(f"--min-count must be 1 or more, got {arguments.min_count}")
    return ImportOptions(
        **{**vars(arguments), "statistics": tuple(arguments.statistics), "districts": tuple(arguments.districts)}
    )


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
