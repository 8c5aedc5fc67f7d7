"""District boundaries for an import, possibly several sets for the years each was valid.

A municipality redraws its school districts now and then. An import takes each set of boundaries as its own
``--districts FILE@FROM-TO`` (either end may be left open: ``old.gpkg@-2013``, ``new.gpkg@2014-``), or one file
whose features carry ``valid_from`` and ``valid_to`` fields (``gyldig_fra``, ``gyldig_til`` in Danish). Each set
is repaired, dissolved and simplified on its own, and the map draws a year with the set valid that year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import geopandas as gpd
import numpy as np
import pandas as pd

from data.districts import check_periods
from geo.pipeline import DEFAULT_TOLERANCE_M, GeometryReport, prepare_districts
from geo.read import guess_fields, read_districts
from layers.errors import InputError

if TYPE_CHECKING:
    from importer.options import ImportOptions, Progress

PERIOD_SUFFIX = re.compile(r"^(?P<path>.+)@(?P<start>\d{4})?-(?P<end>\d{4})?$")
PERIOD_FIELDS = (("valid_from", "valid_to"), ("gyldig_fra", "gyldig_til"))


def parse_spec(spec: str) -> tuple[Path, int | None, int | None]:
    """A ``--districts`` value as (file, first year, last year).

    >>> parse_spec("old.gpkg@2011-2013"), parse_spec("new.gpkg@2014-"), parse_spec("all.geojson")
    ((PosixPath('old.gpkg'), 2011, 2013), (PosixPath('new.gpkg'), 2014, None), (PosixPath('all.geojson'), None, None))
    """
    found = PERIOD_SUFFIX.match(spec)
    if not found:
        return Path(spec), None, None
    start, end = (int(found[part]) if found[part] else None for part in ("start", "end"))
    if start is not None and end is not None and end < start:
        raise InputError(f"--districts {spec}: the period ends ({end}) before it starts ({start}).")
    return Path(found["path"]), start, end


def _period_fields(table: gpd.GeoDataFrame) -> tuple[str, str] | None:
    lowered = {column.lower(): column for column in table.columns}
    return next(((lowered[a], lowered[b]) for a, b in PERIOD_FIELDS if a in lowered and b in lowered), None)


def _year_or_none(value: object, field: str = "valid_from") -> int | None:
    """A boundary set's first or last year: empty, or four ASCII digits (2014, or 2014.0 from a number field)."""
    if value is None or value is pd.NA or value is pd.NaT or str(value).strip() in ("", "nan", "<NA>"):
        return None
    text = str(value).strip().removesuffix(".0")
    if not re.fullmatch(r"[0-9]{4}", text):
        raise InputError(f"--districts: {field} {value!r} is not a year. Write it as 2014, or leave it empty.")
    return int(text)


@dataclass(frozen=True)
class BoundarySet:
    """One set of boundaries as read, before cleaning: the file it came from and the years it is valid."""

    name: str
    table: gpd.GeoDataFrame
    start: int | None
    end: int | None


def read_raw_sets(options: ImportOptions, progress: Progress | None = None) -> list[BoundarySet]:
    """Every ``--districts`` file read, and split by its own ``valid_from``/``valid_to`` fields when it has them."""
    sets = []
    for spec in options.districts:
        path, start, end = parse_spec(spec)
        if progress is not None and path.is_file():
            progress.note(f"reading {path.name} ({path.stat().st_size / 2**20:,.1f} MB)")
        raw = read_districts(
            path, layer=options.layer, encoding=options.encoding, crs=options.crs, limits=options.limits
        )
        fields = _period_fields(raw)
        if fields is None or start is not None or end is not None:
            sets.append(BoundarySet(path.name, raw, start, end))
            continue
        starts, ends = ([_year_or_none(value, field) for value in raw[field]] for field in fields)
        for (first, last), part in raw.groupby([starts, ends], dropna=False):
            sets.append(BoundarySet(path.name, part, _year_or_none(first), _year_or_none(last)))
    return sets


def _text(value: object) -> str:
    # Attributes as the statistics would write them: 766.0 read from a DBF is the code 766.
    if value is None or (isinstance(value, float) and not np.isfinite(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def attribute_fields(sets: list[BoundarySet]) -> dict[str, tuple[str, ...]]:
    """The fields every set has, as text, one value per feature over all sets in order."""
    tables = [boundary_set.table for boundary_set in sets]
    shared = [column for column in tables[0].columns if column != tables[0].geometry.name
              and all(column in table.columns for table in tables[1:])]  # fmt: skip
    fields = {}
    for column in shared:
        values = [_text(value) for table in tables for value in table[column].tolist()]
        fields[column] = tuple(values)
    return fields


def choose_fields(sets: list[BoundarySet], id_field: str | None, name_field: str | None) -> tuple[str, str]:
    """The id and name fields given or guessed, the same for every set.

    Without a field name we know, the first field stands in: the statistics' matching chooses the field later.
    """
    try:
        chosen = {guess_fields(boundary_set.table, id_field, name_field) for boundary_set in sets}
    except InputError:
        if id_field or name_field:
            raise
        first = next(column for column in sets[0].table.columns if column != sets[0].table.geometry.name)
        return first, first
    if len(chosen) > 1:
        raise InputError(
            f"--districts: the files name their id fields differently ({', '.join(f'{a}/{b}' for a, b in chosen)}). "
            "Choose with --id-field and --name-field."
        )
    return chosen.pop()


def _describe(name: str, count: int, id_field: str, start: int | None, end: int | None) -> str:
    period = "" if start is None and end is None else f" for {start or '…'}–{end or '…'}"
    return f"{count} from {name}{period}, id field {id_field}"


def clean_boundary_sets(
    sets: list[BoundarySet], id_field: str, name_field: str
) -> tuple[gpd.GeoDataFrame, GeometryReport, list[str]]:
    """Every boundary set cleaned and stacked, with ``valid_from`` / ``valid_to`` when there are periods."""
    parts, reports, notes = [], [], []
    for boundary_set in sets:
        name, raw, start, end = boundary_set.name, boundary_set.table, boundary_set.start, boundary_set.end
        cleaned, report = prepare_districts(
            raw, id_field=id_field, name_field=name_field, tolerance_m=DEFAULT_TOLERANCE_M
        )
        if len(sets) > 1 or start is not None or end is not None:
            cleaned = cleaned.assign(valid_from=pd.array([start] * len(cleaned), dtype="Int64"),
                                     valid_to=pd.array([end] * len(cleaned), dtype="Int64"))  # fmt: skip
        parts.append(cleaned)
        reports.append(report)
        notes.append(_describe(name, len(cleaned), id_field, start, end))
    districts = gpd.GeoDataFrame(pd.concat(parts, ignore_index=True), crs=parts[0].crs)
    if "valid_from" in districts:
        for district_id, rows in districts.groupby("district_id"):
            periods = [
                (i + 1, _year_or_none(row.valid_from), _year_or_none(row.valid_to)) for i, row in rows.iterrows()
            ]
            if len(periods) > 1:
                check_periods(Path("--districts"), str(district_id), periods)
    total = GeometryReport(
        districts=districts["district_id"].nunique(),
        repaired=sum(report.repaired for report in reports),
        dissolved_rows=sum(report.dissolved_rows for report in reports),
        overlap_m2=sum(report.overlap_m2 for report in reports),
        gap_m2=sum(report.gap_m2 for report in reports),
    )
    return districts, total, notes


def check_years_have_boundaries(tidy: pd.DataFrame, districts: gpd.GeoDataFrame) -> None:
    """Refuse figures for a district in a year when none of its boundary sets is valid that year."""
    if "valid_from" not in districts:
        return
    start = districts["valid_from"].astype("float").fillna(-1e9)
    end = districts["valid_to"].astype("float").fillna(1e9)
    periods = pd.DataFrame({"district_id": districts["district_id"], "start": start, "end": end})
    joined = tidy[["district_id", "year"]].reset_index().merge(periods, on="district_id")
    covered = joined[(joined["year"] >= joined["start"]) & (joined["year"] <= joined["end"])]["index"].unique()
    orphans = tidy.index.difference(covered)
    if len(orphans):
        first = tidy.loc[orphans[0]]
        raise InputError(
            f"There are figures for district {first['district_id']} in {first['year']}, but none of its boundary sets "
            "is valid that year. Check the years given with --districts FILE@FROM-TO."
        )
