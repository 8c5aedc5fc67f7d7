"""The statistics formats an import understands, declared as a registry: each knows how to spot itself and how
to turn its grid into long rows of ``district, year, indicator, value`` text.

The first format whose ``matches`` says yes reads the grid. Values stay text here; the shared validator parses
and checks them, whatever format they came from.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from data.errors import InputError
from stats.table import Grid

LONG_COLUMNS = ("district", "year", "indicator", "value", "status", "where")
DISTRICT_COLUMNS = ("district_id", "distrikt_id", "district", "distrikt", "skoledistrikt", "område", "omrade", "omraade",
                    "area", "name", "navn", "kommune", "sogn", "id")  # fmt: skip
YEAR_COLUMNS = ("year", "år", "aar", "tid", "time")
INDICATOR_COLUMNS = ("indicator", "indikator", "variable", "variabel")
VALUE_COLUMNS = ("value", "værdi", "vaerdi", "indhold", "antal")
# A period heading: a year, or a year's first quarter or month (figures as of 1 January). Other periods are skipped.
PERIOD = re.compile(r"^(?P<year>(?:19|20)\d\d)(?P<part>[KQ][1-4]|M\d\d)?$", re.IGNORECASE)
FIRST_PARTS = ("", "K1", "Q1", "M01")


def slug(text: str) -> str:
    """An indicator id from a label: lower case, Danish letters spelled out, anything else an underscore.

    >>> slug("Befolkning 1. januar, Ærø"), slug("KØN Mænd")
    ('befolkning_1_januar_aeroe', 'koen_maend')
    """
    text = text.lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", text).strip("_") or "indicator"


def _column(grid: Grid, names: tuple[str, ...]) -> int | None:
    lowered = [cell.lower() for cell in grid.header]
    return next((lowered.index(name) for name in names if name in lowered), None)


def period_year(text: str) -> int | None:
    """The year of a period heading when it is a year or a year's first quarter or month, else ``None``.

    >>> period_year("2016"), period_year("2016K1"), period_year("2016K3"), period_year("Kommune")
    (2016, 2016, None, None)
    """
    found = PERIOD.match(text.strip())
    if not found or (found["part"] or "").upper() not in FIRST_PARTS:
        return None
    return int(found["year"])


def _frame(records: list[tuple], grid: Grid) -> pd.DataFrame:
    if not records:
        raise InputError(f"{grid.source}: no figures found under the header {', '.join(grid.header)}.")
    return pd.DataFrame.from_records(records, columns=LONG_COLUMNS).assign(decimal_comma=grid.decimal_comma)


def _tidy(grid: Grid, _: str) -> pd.DataFrame:
    d, y, i, v = (_column(grid, names) for names in (DISTRICT_COLUMNS, YEAR_COLUMNS, INDICATOR_COLUMNS, VALUE_COLUMNS))
    s = _column(grid, ("status",))
    records = [
        (row[d], row[y], row[i], row[v], row[s] if s is not None else "", grid.where(n))
        for n, row in enumerate(grid.rows)
    ]
    return _frame(records, grid)


def _statistics_denmark_api(grid: Grid, default_indicator: str) -> pd.DataFrame:
    time, value = _column(grid, ("tid",)), _column(grid, ("indhold",))
    area = _column(grid, ("område", "omrade", "omraade")) or next(
        i for i in range(len(grid.header)) if i not in (time, value)
    )
    dimensions = [i for i in range(len(grid.header)) if i not in (time, value, area)]
    records = []
    for n, row in enumerate(grid.rows):
        year = period_year(row[time])
        if year is None:
            continue
        label = " ".join(f"{grid.header[i]} {row[i]}" for i in dimensions)
        records.append(
            (row[area], str(year), slug(label) if dimensions else default_indicator, row[value], "", grid.where(n))
        )
    return _frame(records, grid)


def _wide(grid: Grid, default_indicator: str) -> pd.DataFrame:
    indicator = _column(grid, INDICATOR_COLUMNS)
    district = _column(grid, DISTRICT_COLUMNS)
    district = district if district is not None and district != indicator else (1 if indicator == 0 else 0)
    years = {i: period_year(heading) for i, heading in enumerate(grid.header) if i not in (district, indicator)}
    records = [
        (
            row[district],
            str(year),
            row[indicator] if indicator is not None else default_indicator,
            row[i],
            "",
            grid.where(n),
        )
        for n, row in enumerate(grid.rows)
        for i, year in years.items()
        if year is not None
    ]
    return _frame(records, grid)


def _has(*groups: tuple[str, ...]) -> Callable[[Grid], bool]:
    return lambda grid: all(_column(grid, names) is not None for names in groups)


def _has_year_columns(grid: Grid) -> bool:
    return sum(period_year(heading) is not None for heading in grid.header) >= 1


@dataclass(frozen=True)
class Format:
    """One statistics layout: how to recognise it, and how to read it into long rows."""

    id: str
    description: str
    matches: Callable[[Grid], bool]
    read: Callable[[Grid, str], pd.DataFrame]


FORMATS: tuple[Format, ...] = (
    Format(
        "statistics-denmark-api",
        "Statistics Denmark API CSV: ';'-separated, long, TID and INDHOLD columns; of quarters (2016K1) and months "
        "the first of each year is kept, as figures are as of 1 January; other columns name the indicator",
        _has(("tid",), ("indhold",)),
        _statistics_denmark_api,
    ),
    Format(
        "tidy",
        "Tidy long table: district_id, year, indicator, value (and optionally status)",
        _has(DISTRICT_COLUMNS, YEAR_COLUMNS, INDICATOR_COLUMNS, VALUE_COLUMNS),
        _tidy,
    ),
    Format(
        "wide",
        "Wide table with years as columns: district, [indicator,] 2011, 2012, … (also Statistics Denmark's "
        "manual exports with title lines above the header); without an indicator column the file name names it",
        _has_year_columns,
        _wide,
    ),
)


def read_long(grid: Grid, path: Path) -> tuple[pd.DataFrame, Format]:
    """Long rows from a grid, with the format that read them. The file name names a lone indicator."""
    for candidate in FORMATS:
        if candidate.matches(grid):
            return candidate.read(grid, slug(path.stem)), candidate
    known = "; ".join(f"{candidate.id}: {candidate.description}" for candidate in FORMATS)
    raise InputError(
        f"{grid.source}: the header ({', '.join(grid.header)}) fits no known layout. Known layouts: {known}."
    )
