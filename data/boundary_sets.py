"""District boundaries for an import, possibly several sets for the years each was valid.

A municipality redraws its school districts now and then. An import takes each set of boundaries as its own
``--districts FILE@FROM-TO`` (either end may be left open: ``old.gpkg@-2013``, ``new.gpkg@2014-``), or one file
whose features carry ``valid_from`` and ``valid_to`` fields (``gyldig_fra``, ``gyldig_til`` in Danish). Each set
is repaired, dissolved and simplified on its own, and the map draws a year with the set valid that year.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import geopandas as gpd
import pandas as pd

from data.districts import check_periods
from data.errors import InputError
from geo.pipeline import DEFAULT_TOLERANCE_M, GeometryReport, prepare_districts
from geo.read import guess_fields, read_districts

if TYPE_CHECKING:
    from data.importer import ImportOptions

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


def _year_or_none(value: object) -> int | None:
    return None if pd.isna(value) or str(value).strip() == "" else int(float(value))


def _sets(options: ImportOptions) -> list[tuple[str, gpd.GeoDataFrame, str, str, int | None, int | None]]:
    sets = []
    for spec in options.districts:
        path, start, end = parse_spec(spec)
        raw = read_districts(path, layer=options.layer, encoding=options.encoding, crs=options.crs)
        id_field, name_field = guess_fields(raw, options.id_field, options.name_field)
        fields = _period_fields(raw)
        if fields is None or start is not None or end is not None:
            sets.append((path.name, raw, id_field, name_field, start, end))
            continue
        for (first, last), part in raw.groupby(
            [raw[fields[0]].map(_year_or_none), raw[fields[1]].map(_year_or_none)], dropna=False
        ):
            sets.append((path.name, part, id_field, name_field, _year_or_none(first), _year_or_none(last)))
    return sets


def _describe(name: str, count: int, id_field: str, start: int | None, end: int | None) -> str:
    period = "" if start is None and end is None else f" for {start or '…'}–{end or '…'}"
    return f"{count} from {name}{period}, id field {id_field}"


def read_boundary_sets(options: ImportOptions) -> tuple[gpd.GeoDataFrame, GeometryReport, list[str]]:
    """Every boundary set read, cleaned and stacked, with ``valid_from`` / ``valid_to`` when there are periods."""
    parts, reports, notes = [], [], []
    sets = _sets(options)
    for name, raw, id_field, name_field, start, end in sets:
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
