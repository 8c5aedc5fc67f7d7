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

import pandas as pd

from importer.areas import TOTALS, fold
from importer.grid import Grid
from importer.roles import Roles, year_of_cell
from layers.registry import OTHER_FAMILY
from layers.registry import slug as ascii_slug
from layers.status import SHOWN

LONG_COLUMNS = ("district", "year", "indicator", "value", "status", "where", "row")
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


def long_rows(
    grid: Grid, roles: Roles, path: Path, tick: Callable[[int, int], None] | None = None
) -> tuple[pd.DataFrame, dict[str, IndicatorSpec]]:
    """The grid's figures as long rows (district, year, indicator, value text), and each indicator's description.

    Rows whose area was set aside (a total, another level, an unmatched label the user chose to skip) are left out.
    """
    context = context_of(grid, path)
    # Words beside a period that are the same over every column ("Antal 2020", "Antal 2021") are a unit, not a part.
    words_vary = len({words for _, words in roles.figures.values()}) > 1
    # A part is (the heading that names its kind, or None where the table's own title does, its value).
    named = [(ID_KIND if grid.header[column].casefold() in ID_HEADINGS else None, column) for column in roles.content]
    named += [(grid.header[column] or None, column) for column in roles.dimensions]
    specs: dict[str, IndicatorSpec] = {}
    known: dict[tuple, IndicatorSpec] = {}
    records = []
    for n, row in enumerate(grid.rows):
        if tick is not None and n % TICK_ROWS == 0:
            tick(n, len(grid.rows))
        district = roles.plan.district_of.get(row[roles.area])
        if district is None:
            continue
        row_year = year_of_cell(row[roles.year]) if roles.year is not None else roles.year_of_file
        if roles.year is not None and row_year is None:
            row_year = row[roles.year]  # not a period: the validator says so, naming the row
        if row_year == 0:
            continue  # a later quarter or month
        parts = tuple((heading, row[column]) for heading, column in named)
        status = row[roles.status] if roles.status is not None else SHOWN.word  # the value decides (stats.validate)
        sources = {roles.value: (None, "")} if roles.value is not None else roles.figures
        for column, (heading_year, words) in sources.items():
            year = heading_year if heading_year is not None else row_year
            if year == 0:
                continue
            own = (*parts, (None, words)) if words and (words_vary or heading_year is None) else parts
            key = (own, column)
            spec = known.get(key)
            if spec is None:  # a million rows name a few hundred indicators: describe each once
                # A figure written "12,3 %" says its unit itself.
                heading = f"{grid.header[column]} {' '.join(grid.titles[:1])}" + (" %" if "%" in row[column] else "")
                spec = known[key] = _spec(list(own), context, heading)
                specs.setdefault(spec.id, spec)
            records.append((district, str(year), spec.id, row[column], status, grid.where(n), n))
    if tick is not None:
        tick(len(grid.rows), len(grid.rows))
    frame = pd.DataFrame.from_records(records, columns=LONG_COLUMNS)
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
