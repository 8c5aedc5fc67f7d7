"""Step 4 of an import: long rows from a grid whose roles are known, and a description of every indicator in them.

An indicator is named by the file's own words: the content (``Folkmängd``), the dimensions' values (``Mænd``,
``0 år``) and the words of a period heading (``Asukkaat yhteensä (HE)``). Its family is the last dimension
(``Alder``) or, without one, the table's title; its id is a stable slug of its title. Categories are put in their
natural order (``3-6 år`` before ``25-29 år``, ``Før 1850`` before ``1850-1899``), not in the alphabet's.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from pandas.api.types import union_categoricals

from importer.areas import TOTALS, fold
from importer.grid import Grid
from importer.roles import Roles, year_of_cell
from layers.registry import OTHER_FAMILY
from layers.registry import slug as ascii_slug
from layers.status import SHOWN

LONG_COLUMNS = ("district", "year", "indicator", "value", "status", "place", "line", "row")  # place: "file.csv, line"
MAX_TITLE = 120
TICK_ROWS = 50_000  # how often a long file reports its progress
ID_HEADINGS = ("indicator", "indikator", "indicator_id")  # a tidy file's column of indicator ids
ID_KIND = "id"
BEFORE = re.compile(r"\b(før|for|under|before|less than|mindre end|innan|före|fore|alle|ennen|alle|<)\b|^-")
AFTER = re.compile(r"\b(over|derover|og mere|eller mer|and over|and more|efter|after|äldre|ældre|eller fler|el\.? "
                   r"mere|jälkeen|yli|plus|\+)|\+\s*$|-$")  # fmt: skip


def slug(text: str) -> str:
    """An indicator id from a label (``layers.registry.slug``), never empty.

    >>> slug("Opførelsesår før 1850"), slug("…")
    ('opfoerelsesaar_foer_1850', 'indicator')
    """
    return ascii_slug(text) or "indicator"


@dataclass(frozen=True)
class IndicatorSpec:
    """What the file says about one indicator: its title in the file's words, family, category and context."""

    id: str
    title: str
    family: str
    category: str
    words: str  # every heading and label that describes it, for telling its unit


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def context_of(grid: Grid, path: Path) -> str:
    """The table's own name: its first title line, else the file's name."""
    title = next((line for line in grid.titles if len(line) > 3), "")
    return (title or path.stem.replace("_", " "))[:MAX_TITLE]


def natural_key(category: str, appearance: int) -> tuple:
    """A sort key that puts categories in their natural order: totals first, then by their first number.

    >>> sorted(["25-29 år", "3-6 år", "I alt", "100 år og derover"], key=lambda label: natural_key(label, 0))
    ['I alt', '3-6 år', '25-29 år', '100 år og derover']
    >>> sorted(["1850-1899", "2000 og senere", "Før 1850"], key=lambda label: natural_key(label, 0))
    ['Før 1850', '1850-1899', '2000 og senere']
    """
    folded = category.casefold()
    if TOTALS.search(fold(category)):
        return (0, 0.0, appearance)
    number = re.search(r"\d+(?:[.,]\d+)?", folded.replace(".", "") if re.search(r"\d\.\d{3}", folded) else folded)
    if not number:
        return (2, 0.0, appearance)
    bias = -0.5 if BEFORE.search(folded) else 0.5 if AFTER.search(folded) else 0.0
    return (1, float(number.group().replace(",", ".")) + bias, appearance)


def _year_codes(grid: Grid, roles: Roles, texts: dict[str, int]) -> np.ndarray | None:
    # Each row's year as a code into ``texts``; -1 for a later quarter or month (the row is left out). None when the
    # year is the file's (or only in the headings).
    if roles.year is None:
        return None
    column = grid.column(roles.year)
    codes = []
    for label in column.categories:
        year = year_of_cell(label)
        # Not a period: the validator says so, naming the row.
        codes.append(-1 if year == 0 else texts.setdefault(label if year is None else str(year), len(texts)))
    return np.asarray(codes, dtype=np.int64)[column.codes]


def _combinations(grid: Grid, columns: list[int], rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    # The distinct combinations of the cells of ``columns`` in ``rows``: each row's combination, and the first row
    # of each, in the order they first appear.
    key = np.zeros(len(rows), dtype=np.int64)
    for column in columns:
        codes = grid.column(column).codes[rows]
        key = pd.factorize(key * (int(codes.max(initial=0)) + 2) + codes)[0].astype(np.int64)
    combination = pd.factorize(key)[0]  # numbered in order of first appearance
    return combination, rows[np.unique(combination, return_index=True)[1]]


def long_rows(
    grid: Grid, roles: Roles, path: Path, tick: Callable[[int, int], None] | None = None
) -> tuple[pd.DataFrame, dict[str, IndicatorSpec]]:
    """The grid's figures as long rows (district, year, indicator, value text), and each indicator's description.

    Rows whose area was set aside (a total, another level, an unmatched label the user chose to skip) are left out.
    The work is done column by column over the grid's categorical columns: a million rows name a few hundred
    indicators, each described once, from the first row that names it.
    """
    context = context_of(grid, path)
    total = len(grid.rows)
    # Words beside a period that are the same over every column ("Antal 2020", "Antal 2021") are a unit, not a part.
    words_vary = len({words for _, words in roles.figures.values()}) > 1
    # A part is (the heading that names its kind, or None where the table's own title does, its value).
    named = [(ID_KIND if grid.header[column].casefold() in ID_HEADINGS else None, column) for column in roles.content]
    named += [(grid.header[column] or None, column) for column in roles.dimensions]
    area = grid.column(roles.area)
    district_ids = list(dict.fromkeys(roles.plan.district_of.values()))
    index_of = {district: n for n, district in enumerate(district_ids)}
    district_codes = np.asarray([index_of.get(roles.plan.district_of.get(label), -1) for label in area.categories]
                                + [-1], dtype=np.int64)[area.codes]  # fmt: skip
    years: dict[str, int] = {}
    row_years = _year_codes(grid, roles, years)
    kept = district_codes >= 0
    if row_years is not None:
        kept &= row_years >= 0
    rows = np.flatnonzero(kept)
    sources = {roles.value: (None, "")} if roles.value is not None else roles.figures
    # A heading's later quarter or month (year 0) is left out; so is a row's period when the file has none.
    sources = {column: found for column, found in sources.items()
               if (found[0] if found[0] is not None else roles.year_of_file if roles.year is None else 1) != 0}  # fmt: skip
    combination, first_rows = _combinations(grid, [column for _, column in named], rows)
    specs: dict[str, IndicatorSpec] = {}
    indicator_ids: dict[str, int] = {}
    indicator_codes = np.zeros((len(sources), len(first_rows)), dtype=np.int64)
    for n, first in enumerate(first_rows.tolist()):
        parts = tuple((heading, str(grid.column(column)[first])) for heading, column in named)
        for position, (column, (heading_year, words)) in enumerate(sources.items()):
            own = (*parts, (None, words)) if words and (words_vary or heading_year is None) else parts
            cell = str(grid.column(column)[first])
            # A figure written "12,3 %" says its unit itself.
            heading = f"{grid.header[column]} {' '.join(grid.titles[:1])}" + (" %" if "%" in cell else "")
            spec = _spec(list(own), context, heading)
            specs.setdefault(spec.id, spec)
            indicator_codes[position, n] = indicator_ids.setdefault(spec.id, len(indicator_ids))
    if tick is not None:
        # One pass does every row; the bar is still drawn, so a log of a long import reads as it always has.
        for done in [*range(0, total, TICK_ROWS), total]:
            tick(done, total)
    width = len(sources)
    year_codes = []
    for heading_year, _ in sources.values():
        if heading_year is not None:
            year_codes.append(np.full(len(rows), years.setdefault(str(heading_year), len(years))))
        elif row_years is not None:
            year_codes.append(row_years[rows])
        else:
            year_codes.append(np.full(len(rows), years.setdefault(str(roles.year_of_file), len(years))))
    values = union_categoricals([grid.column(column)[rows] for column in sources]) if sources else pd.Categorical([])
    lines = np.arange(grid.lines[0], grid.lines[0] + total) if isinstance(grid.lines, range) else np.asarray(grid.lines)

    def interleaved(codes: list[np.ndarray] | np.ndarray) -> np.ndarray:
        # Row by row, and within a row column by column: the order in which the file gives its figures.
        return np.asarray(codes).reshape(width, len(rows)).T.ravel() if width else np.zeros(0, dtype=np.int64)

    status = (grid.column(roles.status)[rows] if roles.status is not None
              else pd.Categorical.from_codes(np.zeros(len(rows), dtype=np.int8), [SHOWN.word]))  # fmt: skip
    frame = pd.DataFrame(
        {
            "district": pd.Categorical.from_codes(np.repeat(district_codes[rows], width), district_ids),
            "year": pd.Categorical.from_codes(interleaved(year_codes), list(years)),
            "indicator": pd.Categorical.from_codes(interleaved(indicator_codes[:, combination]), list(indicator_ids)),
            "value": pd.Categorical.from_codes(interleaved(values.codes), values.categories),
            "status": pd.Categorical.from_codes(np.repeat(status.codes, width), status.categories),
            "place": pd.Categorical.from_codes(
                np.zeros(len(rows) * width, dtype=np.int8), [f"{grid.source}, {grid.line_word}"]
            ),  # fmt: skip
            "line": np.repeat(lines[rows], width),
            "row": np.repeat(rows, width),
        }
    )
    return frame.assign(decimal_comma=grid.decimal_comma), specs


def _spec(parts: list[tuple[str | None, str]], context: str, heading: str) -> IndicatorSpec:
    parts = [(kind, value.strip()) for kind, value in parts if value.strip()]
    if not parts:
        return IndicatorSpec(slug(context), context, context, context, f"{context} {heading}")
    values = [value for _, value in parts]
    if [kind for kind, _ in parts] == [ID_KIND]:
        # A tidy file names its indicators by id: the registry or --indicators describes them, else "other".
        title = _capitalised(values[0].replace("_", " "))
        return IndicatorSpec(slug(values[0]), title, OTHER_FAMILY, title, f"{title} {heading}")
    title = ", ".join(values)[:MAX_TITLE]
    # The family is named by the kind of its last part (a dimension's heading, else the table's title),
    # qualified by the other parts: "Alder – Mænd" holds "0 år", "1 år", ...
    kind = parts[-1][0] or context
    family = _capitalised(kind) + (f" – {', '.join(values[:-1])}" if len(values) > 1 else "")
    return IndicatorSpec(slug(title), title, family[:MAX_TITLE], values[-1], f"{title} {heading}")
