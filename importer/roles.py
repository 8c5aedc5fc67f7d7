"""Step 2 of an import: what each column of a grid is, and the long rows that follow from it.

A column is the **area** (matched against the polygons, ``areas.py``), the **year** (a column of periods), a
**content** column that names what is counted (``Information``, ``tabellinnehåll``, ``statistikkvariabel``,
``Tiedot``, ``ENHED``), the **value**, a column of figures headed by a **period** (``2020``, ``Antal 2020``,
``Asukkaat yhteensä, 2020 (HE)``, ``2016K1``), a column of figures per **indicator** (a wide file with a year
column), a **dimension** (household type, sex, age) that becomes part of the indicator, or a column that only
**repeats the area** (a parent area's name, a second code). Every column gets a role or is listed as ignored,
never dropped silently. The user can name any role when the guess is wrong.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from importer.areas import AreaPlan, Polygons, best_match, plan_areas
from importer.grid import PERIOD_CELL, Grid, is_missing, is_number
from layers.errors import InputError

YEAR_NAMES = ("year", "years", "år", "aar", "årstal", "tid", "time", "vuosi", "period", "periode", "periods")
CONTENT_NAMES = ("indicator", "indikator", "variable", "variabel", "information", "tabellinnehåll", "tabellinnehall",
                 "statistikkvariabel", "tiedot", "enhed", "enhet", "contents", "content", "innhold", "mått")  # fmt: skip
VALUE_NAMES = ("value", "values", "værdi", "vaerdi", "indhold", "antal", "värde", "varde", "antal", "verdi", "arvo",
               "figure", "count", "number")  # fmt: skip
AREA_NAMES = ("district_id", "distrikt_id", "district", "distrikt", "skoledistrikt", "område", "omrade", "omraade",
              "area", "region", "bydel", "delbydel", "postinumeroalue", "alue", "kommune", "kommun", "kunta", "sogn",
              "navn", "name", "id")  # fmt: skip
STATUS_NAMES = ("status",)
CODE_HEADING = re.compile(r"(id|kode|code|kod|nr|nummer|numero|koodi)\b")
# A period in a heading or cell: a year, a quarter or month of it, a school year (2021/22: its first year, when the
# count is made), or a date (its year).
PERIOD = re.compile(
    r"(?<![\d/])(?P<year>(?:19|20)\d\d)(?:(?P<part>[KQ][1-4]|M\d\d)|/(?:\d\d|(?:19|20)\d\d)|-\d\d-\d\d)?(?![\d/])",
    re.IGNORECASE,
)
FIRST_PARTS = ("", "K1", "Q1", "M01")  # figures as of 1 January: of quarters and months the first is kept


@dataclass(frozen=True)
class Role:
    """A role a column can play, as the report names it and as the command line overrides it."""

    id: str
    description: str


ROLES: tuple[Role, ...] = (
    Role("area", "the areas, matched against the polygons by id, code in the label, name or code suffix"),
    Role("year", "the year of each row: a year, or a year's first quarter or month (2016, 2016K1, 2016M01)"),
    Role(
        "content",
        "what is counted (Information, tabellinnehåll, statistikkvariabel, Tiedot, ENHED); part of the indicator",
    ),  # fmt: skip
    Role("value", "the figure of a long table"),
    Role("period", "figures headed by a period: 2020, Antal 2020, 2020 Antal, Asukkaat yhteensä, 2020 (HE), 2016K1"),
    Role("indicator", "figures headed by what they count, in a table with a year column"),
    Role(
        "dimension",
        "categories that vary within one area and year (sex, age, household type): part of the "
        "indicator, and its family",
    ),  # fmt: skip
    Role("repeat", "repeats the area (a parent area's name, a second code): ignored"),
    Role("constant", "the same in every row: ignored"),
)


def period_of(heading: str) -> tuple[int, str] | None:
    """The year a column heading names and the words around it, or ``None`` without exactly one period.

    Later quarters and months give year 0: their figures are not as of 1 January.

    >>> period_of("2020"), period_of("Antal 2020"), period_of("Asukkaat yhteensä, 2020 (HE)"), period_of("2016K3")
    ((2020, ''), (2020, 'Antal'), (2020, 'Asukkaat yhteensä (HE)'), (0, ''))
    >>> period_of("Elever 2021/22"), period_of("2020-12-31"), period_of("1850-1899")
    ((2021, 'Elever'), (2020, ''), None)
    """
    found = list(PERIOD.finditer(heading))
    if len(found) != 1:
        return None
    token = found[0]
    rest = (heading[: token.start()] + " " + heading[token.end() :]).strip()
    rest = re.sub(r"\s*,\s*(?=\(|$)|^\s*,\s*", " ", rest)
    rest = " ".join(rest.split()).strip(" ,;:-")
    year = int(token["year"]) if (token["part"] or "").upper() in FIRST_PARTS else 0
    return year, rest


@functools.lru_cache(maxsize=4096)
def year_of_cell(text: str) -> int | None:
    """The year of a period cell (2016, 2016K1, 2016M01), 0 for a later quarter or month, else ``None``."""
    if not PERIOD_CELL.match(text):
        return None
    found = period_of(text.strip())
    return found[0] if found else None


def column_name(grid: Grid, column: int) -> str:
    """A column as a message names it: ``column 'OMRÅDE'``, or ``column 1`` when it has no heading."""
    return f"column {grid.header[column]!r}" if grid.header[column] else f"column {column + 1}"


@dataclass(frozen=True)
class Overrides:
    """Roles the user named on the command line (``--area-column`` and the like), by column heading."""

    area: str | None = None
    year: str | None = None
    value: str | None = None
    indicators: tuple[str, ...] = ()
    area_prefix: str | None = None


@dataclass
class Roles:
    """Each column's role in one grid, and the notes for the import report."""

    area: int
    plan: AreaPlan
    year: int | None = None
    year_of_file: int | None = None
    value: int | None = None
    status: int | None = None
    content: list[int] = field(default_factory=list)
    dimensions: list[int] = field(default_factory=list)
    # column -> (the year in its heading, None when the row's year applies, 0 for a later quarter; its other words)
    figures: dict[int, tuple[int | None, str]] = field(default_factory=dict)
    ignored: dict[int, str] = field(default_factory=dict)  # column -> role id of why (repeat, constant, ...)
    notes: list[str] = field(default_factory=list)


def _find(grid: Grid, given: str, flag: str) -> int:
    lowered = [heading.casefold() for heading in grid.header]
    if given.casefold() in lowered:
        return lowered.index(given.casefold())
    raise InputError(f"{grid.source}: {flag} {given!r}: no such column. The columns are: {', '.join(grid.header)}.")


def _named(grid: Grid, names: tuple[str, ...], taken: set[int]) -> int | None:
    lowered = [heading.casefold().strip() for heading in grid.header]
    return next((lowered.index(name) for name in names if name in lowered and lowered.index(name) not in taken), None)


def _numeric_share(tally: Mapping[str, int]) -> float:
    # The share of a column's cells (each distinct cell with how often it occurs) that are figures. A figure of 2015
    # residents looks like a year; in a column of figures it is a figure.
    present = {cell: count for cell, count in tally.items() if not is_missing(cell)}
    total = sum(present.values())
    numbers = sum(count for cell, count in present.items() if is_number(cell) or PERIOD_CELL.match(cell))
    return numbers / total if total else 1.0


def _year_from_context(grid: Grid, path: Path) -> int | None:
    # One file per year: the year is in the title lines or, failing that, in the file's name.
    for text in (" ".join(grid.titles), path.stem):
        years = {int(token["year"]) for token in PERIOD.finditer(text)}
        if len(years) == 1:
            return years.pop()
    return None


def _area_candidates(grid: Grid, taken: set[int]) -> list[int]:
    # Words, or whole numbers that look like codes: under no heading, a code-like heading, or with leading zeros.
    def could_be_area(column: int) -> bool:
        cells = grid.cells(column, 2000)
        if _numeric_share(Counter(cells)) < 1:
            return True
        heading = grid.header[column].casefold()
        return all(re.fullmatch(r"\s*\d+\s*", cell) for cell in cells if cell.strip()) and (
            not heading
            or heading in AREA_NAMES
            or bool(CODE_HEADING.search(heading))
            or any(cell.strip().startswith("0") for cell in cells)
        )

    return [column for column in range(len(grid.header)) if column not in taken and could_be_area(column)]


def _choose_area(grid: Grid, candidates: list[int], polygons: Polygons, fields: list[str]) -> int:
    # The column whose labels the polygons know best (codes before names, as they do not change with spelling);
    # a heading such as "område" only breaks ties.
    def score(column: int) -> tuple[int, bool, bool, int]:
        labels = list(grid.tally(column))
        found = best_match(column_name(grid, column), labels, polygons, fields)
        hinted = grid.header[column].casefold().strip() in AREA_NAMES
        return (found.count if found else 0, bool(found and found.by_code), hinted, -column)

    if not candidates:
        raise InputError(
            f"{grid.source}: no column holds area labels (the columns are {', '.join(grid.header)}). "
            "Name it with --area-column."
        )
    return max(candidates, key=score)


def _holds_periods(tally: Mapping[str, int]) -> bool:
    # Every cell a period. Plain four-digit numbers could as well be 2,015 residents per area, so those must
    # repeat as years in a long table do; 2016K1, 2021/22 and 2020-12-31 speak for themselves.
    if not all(year_of_cell(cell) is not None for cell in tally):
        return False
    plain = all(cell.strip().isdigit() for cell in tally)
    return not plain or len(tally) <= max(1, sum(tally.values()) // 2)


def _aliases(grid: Grid, area: int, repeats: list[int]) -> dict[str, set[str]]:
    # The other words each area label comes with: the cells of columns that only repeat the area.
    aliases: dict[str, set[str]] = {label: set() for label in grid.tally(area)}
    labels = grid.column(area)
    for column in repeats:
        others = grid.column(column)
        pairs = np.unique(labels.codes.astype(np.int64) * (len(others.categories) + 1) + others.codes)
        for label, other in zip(*np.divmod(pairs, len(others.categories) + 1), strict=True):
            aliases[labels.categories[label]].add(others.categories[other])
    return aliases


def find_roles(grid: Grid, path: Path, polygons: Polygons, fields: list[str], overrides: Overrides) -> Roles:
    """Every column's role in ``grid``, with the area labels matched. Raises ``InputError`` when no role fits."""
    width = len(grid.header)
    taken: set[int] = set()
    year = _find(grid, overrides.year, "--year-column") if overrides.year else _named(grid, YEAR_NAMES, taken)
    if year is None:
        year = next((column for column in range(width) if grid.header[column] and period_of(grid.header[column])
                     is None and _holds_periods(grid.tally(column))), None)  # fmt: skip
    taken |= {year} if year is not None else set()
    value = _find(grid, overrides.value, "--value-column") if overrides.value else None
    status = _named(grid, STATUS_NAMES, taken)
    figures: dict[int, tuple[int | None, str]] = {}
    if year is None and value is None:
        for column in range(width):
            found = period_of(grid.header[column])
            if found and _numeric_share(grid.tally(column)) >= 0.5:
                figures[column] = found
    if not figures and value is None:
        value = _named(grid, VALUE_NAMES, taken | ({status} if status is not None else set()))
    taken |= set(figures) | {column for column in (value, status) if column is not None}
    if overrides.indicators:
        content = [_find(grid, name, "--indicator-column") for name in overrides.indicators]
    else:
        content = [column for column in range(width) if grid.header[column].casefold().strip() in CONTENT_NAMES
                   and column not in taken]  # fmt: skip
    taken |= set(content)
    if overrides.area:
        area = _find(grid, overrides.area, "--area-column")
    else:
        area = _choose_area(grid, _area_candidates(grid, taken), polygons, fields)
    taken.add(area)
    roles = Roles(area, plan=None, year=year, value=value, status=status, content=content, figures=figures)  # type: ignore[arg-type]
    _place_the_rest(grid, roles, taken, overrides)
    if year is None and not any(year for year, _ in roles.figures.values()):
        roles.year_of_file = _year_from_context(grid, path)
        if roles.year_of_file is None:
            raise InputError(
                f"{grid.source}: no year found: no year column, no years in the column headings "
                f"({', '.join(grid.header)}), and none in the title or the file name. Name the year column with "
                "--year-column, or put the year in the file name (figures_2020.csv)."
            )
    aliases = _aliases(grid, area, [column for column, why in roles.ignored.items() if why == "repeat"])
    roles.plan = plan_areas(column_name(grid, area), list(aliases), polygons, fields, overrides.area_prefix, aliases)
    return roles


def _place_the_rest(grid: Grid, roles: Roles, taken: set[int], overrides: Overrides) -> None:
    rest = [column for column in range(len(grid.header)) if column not in taken]
    codes = [column for column in _area_candidates(grid, taken) if _numeric_share(grid.tally(column)) == 1
             and len(grid.tally(column)) > 1 and grid.depends_on(column, roles.area)]  # fmt: skip
    for column in codes:
        roles.ignored[column] = "repeat"  # a second code or a parent area's name beside the area
    rest = [column for column in rest if column not in codes]
    numeric = [column for column in rest if _numeric_share(grid.tally(column)) >= 0.9]
    if roles.value is None and not roles.figures:
        if len(numeric) == 1:
            roles.value = numeric[0]
        else:
            roles.figures = {column: (None, grid.header[column]) for column in numeric}
            roles.notes.append(f"one indicator per column: {', '.join(column_name(grid, c) for c in numeric)}")
        numeric_used = numeric
    else:
        numeric_used = []
    for column in rest:
        if column in numeric_used:
            continue
        if column in numeric:
            roles.ignored[column] = "unused figures"
        elif overrides.indicators:
            roles.ignored[column] = "not named by --indicator-column"
        elif len(grid.tally(column)) == 1:
            roles.ignored[column] = "constant"
        elif grid.depends_on(column, roles.area):
            roles.ignored[column] = "repeat"
        else:
            roles.dimensions.append(column)


def describe(grid: Grid, roles: Roles) -> list[str]:
    """The report's lines on how the columns of a grid were read."""
    lines = []
    if roles.year is not None:
        lines.append(f"year: {column_name(grid, roles.year)}")
    elif roles.year_of_file is not None:
        lines.append(f"year {roles.year_of_file}, from the title or file name")
    if roles.value is not None:
        lines.append(f"value: {column_name(grid, roles.value)}")
    periods = sorted({year for year, _ in roles.figures.values() if year})
    if periods:
        lines.append(f"years from the column headings: {', '.join(map(str, periods))}")
    later = [column for column, (year, _) in roles.figures.items() if year == 0]
    if later:
        lines.append(f"skipped {len(later)} column(s) of later quarters or months (figures are as of 1 January)")
    for column in roles.content:
        lines.append(f"{column_name(grid, column)} names what is counted")
    for column in roles.dimensions:
        lines.append(f"{column_name(grid, column)} varies within one district and year: a dimension of the indicators")
    for column, why in roles.ignored.items():
        what = {"repeat": "repeats the area", "constant": f"is {grid.rows[0][column]!r} in every row"}.get(why, why)
        lines.append(f"ignored {column_name(grid, column)}: {what}")
    return lines + roles.notes
