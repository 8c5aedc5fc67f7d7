"""Step 1 of an import: from a statistics file to a table of text cells, whatever the publisher wrapped around it.

Published files are rarely a bare header and rows. CSV comes in UTF-8 (with or without a byte-order mark), UTF-16,
or Windows Latin-1; separated by commas, semicolons or tabs; with title lines above and footnotes below
("Kilde:", "Databas:"), and with decimal commas. Excel downloads put a title in A1, then a blank row, then one to
four header rows whose labels span several columns, then rows whose label cells are filled only on the first row of
a block. Every reader gives the same ``Grid``: one label per column (the header rows joined), the data rows with
their block labels filled down, and the line or row each came from, so later steps never care about the wrapping.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
import pandas as pd

from layers.errors import InputError
from stats.validate import MISSING_MARKERS

SEPARATORS = (";", "\t", ",")
EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xlsb", ".xls", ".ods")
MAX_HEADER_ROWS = 4
DECIMAL_COMMA = re.compile(r"^\s*[-−]?(\d{1,3}([.\s\u00a0\u202f]\d{3})+|\d+),\d+\s*%?\s*$")  # 73,7, 1.234,5, 1 234,5
THOUSANDS_DOT = re.compile(r"^\s*-?\d{1,3}(\.\d{3})+\s*$")  # 1.234 in a Danish file: a thousand, not one
NUMBER = re.compile(r"^\s*[-+−]?(\d[\d\s\u00a0.,]*)\s*%?\s*$")
# Where a cell is a period (2016, 2016K1, 2016M01, 2016Q1), it is a heading, not a figure.
PERIOD_CELL = re.compile(
    r"^\s*(19|20)\d\d([KQ][1-4]|M\d\d|/\d\d|/(19|20)\d\d|-\d\d-\d\d)?\s*$", re.IGNORECASE
)  # 2016, 2016K1, 2016M01, a school year 2021/22, a date 2020-12-31
# A line under the table that starts like one of these is a footnote, even without a blank line before it.
FOOTNOTE = re.compile(
    r"^\s*(kilde|källa|kalla|lähde|lahde|source|databas|database|intern referenskod|officiell statistik|"
    r"anm|anmærkning|anmärkning|note|fodnote|fotnot|fotnote|senast uppdaterad|sist oppdatert|enhed|enhet)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Grid:
    """A table as text: one label per column, the data rows, where each row came from, and the title lines."""

    source: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    lines: tuple[int, ...]
    titles: tuple[str, ...] = ()
    decimal_comma: bool = False
    line_word: str = "line"  # "row" in a spreadsheet
    # Each column as a categorical, made once when a step first asks (or by the bulk reader): the columnar steps
    # read these, so a million rows cost a few distinct labels and an array of codes.
    columns: dict[int, pd.Categorical] = field(default_factory=dict, compare=False, repr=False)

    def where(self, index: int) -> str:
        """Where row ``index`` is, for an error message: 'file.csv, line 12'."""
        return f"{self.source}, {self.line_word} {self.lines[index]}"

    def column(self, index: int) -> pd.Categorical:
        """Column ``index`` of the rows as a categorical of its text cells.

        >>> Grid("x.csv", ("a", "b"), (("1", "x"), ("2", "x")), (2, 3)).column(1).categories.tolist()
        ['x']
        """
        if index not in self.columns:
            self.columns[index] = pd.Categorical([row[index] for row in self.rows])
        return self.columns[index]

    def cells(self, index: int, limit: int | None = None) -> list[str]:
        """The text of column ``index``, row by row (the first ``limit`` rows)."""
        if isinstance(self.rows, TableRows):
            return np.asarray(self.column(index)[:limit], dtype=object).tolist()
        return [row[index] for row in self.rows[:limit]]

    def tally(self, index: int) -> dict[str, int]:
        """How often each distinct cell of column ``index`` occurs, in order of first appearance.

        >>> Grid("x.csv", ("a", "b"), (("1", "x"), ("2", "y"), ("3", "x")), (2, 3, 4)).tally(1)
        {'x': 2, 'y': 1}
        """
        column = self.column(index)
        codes, first = np.unique(column.codes, return_index=True)
        counts = np.bincount(column.codes, minlength=len(column.categories))
        order = codes[np.argsort(first)]
        return {column.categories[code]: int(counts[code]) for code in order}

    def depends_on(self, index: int, on: int) -> bool:
        """Whether column ``index`` has one value for each value of column ``on`` (it only repeats it)."""
        on_codes = self.column(on).codes.astype(np.int64)
        pairs = on_codes * (len(self.column(index).categories) + 1) + self.column(index).codes
        return len(np.unique(pairs)) == len(np.unique(on_codes))


class TableRows(Sequence):
    """The rows of a grid read in bulk, kept as categorical columns: a row is made only when one is asked for."""

    def __init__(self, columns: list[pd.Categorical]) -> None:
        self._columns = columns

    def __len__(self) -> int:
        return len(self._columns[0])

    def __getitem__(self, index):
        if isinstance(index, slice):
            return list(zip(*(self._text(column[index]) for column in self._columns), strict=True))
        return tuple(str(column[index]) for column in self._columns)

    def __iter__(self) -> Iterator[tuple[str, ...]]:
        return zip(*(self._text(column) for column in self._columns), strict=True)

    @staticmethod
    def _text(column: pd.Categorical) -> list[str]:
        return np.asarray(column, dtype=object).tolist()


def is_number(text: str) -> bool:
    """Whether a cell holds a figure: digits with the usual marks, not a period heading.

    >>> is_number("1.234,5"), is_number(" 73,7"), is_number("2016K1"), is_number("Mænd")
    (True, True, False, False)
    """
    return bool(NUMBER.match(text)) and not PERIOD_CELL.match(text)


def is_missing(text: str) -> bool:
    return text.strip().lower() in MISSING_MARKERS


def decode(raw: bytes, path: Path, encoding: str | None = None) -> str:
    """The file's text: ``encoding`` when given, else UTF-8 or UTF-16 by their marks, else Windows Latin-1.

    >>> decode("Ærø".encode("cp1252"), Path("x.csv")), decode("Ærø".encode("utf-16"), Path("x.csv"))
    ('Ærø', 'Ærø')
    """
    if encoding:
        try:
            return raw.decode(encoding)
        except (UnicodeDecodeError, LookupError) as error:
            raise InputError(f"{path}: cannot be read as {encoding} ({error}). Check --encoding.") from error
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as error:
            raise InputError(
                f"{path}: starts as UTF-16 text but is not ({error.reason}). Is it the right file?"
            ) from error
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _split(line: str, separator: str) -> list[str]:
    try:
        return next(csv.reader([line], delimiter=separator, quotechar='"'), [])
    except csv.Error:  # an overlong field or a NUL byte: the reader below says where
        return [line]


def sniff_separator(lines: list[str]) -> str:
    # The separator that splits the most lines into the same number (two or more) of fields.
    best, best_score = ",", 0
    for separator in SEPARATORS:
        counts = Counter(len(_split(line, separator)) for line in lines if line.strip())
        width, score = max(counts.items(), key=lambda item: (item[1], item[0]), default=(0, 0))
        if width >= 2 and score > best_score:
            best, best_score = separator, score
    return best


def filled(cells: list[str]) -> int:
    return sum(1 for cell in cells if cell.strip())


def _is_header_row(cells: list[str]) -> bool:
    # Header rows hold words and periods; the first row with a figure or a missing marker is data.
    texts = [cell for cell in cells if cell.strip()]
    return bool(texts) and not any(is_number(cell) or is_missing(cell) for cell in texts)


def _column_labels(header_rows: list[list[str]], width: int) -> tuple[str, ...]:
    # A label over several columns is written once, in the first of them (a merged cell): it carries on to the
    # right over every column that has a label of its own in the last header row.
    last = header_rows[-1]
    filled_rows = []
    for row in header_rows[:-1]:
        carried, current = [], ""
        for column in range(width):
            cell = row[column].strip()
            current = cell or (current if last[column].strip() else "")
            carried.append(current)
        filled_rows.append(carried)
    filled_rows.append([cell.strip() for cell in last])
    return tuple(" ".join(row[column] for row in filled_rows if row[column]).strip() for column in range(width))


def label_columns(header: tuple[str, ...], rows: list[list[str]]) -> int:
    # The leading columns that name a row (area, category) rather than hold its figures: their heading is empty or
    # their cells are words. Their empty cells repeat the label above (a block's label is written once).
    count = 0
    for column, label in enumerate(header):
        cells = [row[column] for row in rows[:500] if row[column].strip()]
        wordy = sum(not is_number(cell) and not is_missing(cell) for cell in cells) > len(cells) / 2
        if label and not wordy:
            break
        count += 1
    return min(count, len(header) - 1)


def _fill_down(rows: list[list[str]], labels: int) -> None:
    above = [""] * labels
    for row in rows:
        if not any(cell.strip() for cell in row[labels:]):
            continue
        for column in range(labels):
            if row[column].strip():
                above[column] = row[column]
                # A new outer label starts a new block: the inner labels above no longer apply.
                above[column + 1 :] = [""] * (labels - column - 1)
            else:
                row[column] = above[column]


def _footnote(cells: list[str]) -> bool:
    texts = [cell for cell in cells if cell.strip()]
    return len(texts) == 1 and bool(FOOTNOTE.match(texts[0]))


def grid_from_cells(cells: list[list[str]], numbers: list[int], source: str, line_word: str = "line") -> Grid:
    """A grid from rows of cells (CSV fields or spreadsheet cells): titles, header rows and footnotes set apart."""
    width = max((len(row) - next((i for i, c in enumerate(reversed(row)) if c.strip()), len(row)) for row in cells),
                default=0)  # fmt: skip
    cells = [[cell.strip() for cell in row[:width]] + [""] * (width - len(row)) for row in cells]
    start = next((i for i, row in enumerate(cells) if filled(row) >= 2 or (row and not row[0] and filled(row))), None)
    if width < 2 or start is None:
        raise InputError(f"{source}: no table found. Expected a header and rows separated by ',', ';' or tabs.")
    titles = tuple(cell for row in cells[:start] for cell in row if cell)
    header_rows = [cells[start]]
    position = start + 1
    while position < len(cells) and len(header_rows) < MAX_HEADER_ROWS:
        row = cells[position]
        if filled(row) == 0:
            position += 1
            continue
        # Only a heading that leaves its first cell empty goes on below (row labels have no heading there), so a
        # first data row without figures is not taken for a heading.
        if not _is_header_row(row) or (header_rows[0][0] and row[0]):
            break
        header_rows.append(row)
        position += 1
    header = _column_labels(header_rows, width)
    rows, lines = [], []
    for index in range(position, len(cells)):
        row = cells[index]
        if filled(row) == 0:
            following = next((other for other in cells[index + 1 :] if filled(other)), None)
            if rows and (following is None or filled(following) < 2 or _footnote(following)):
                break  # a blank line after the table: what follows are footnotes
            continue
        if rows and _footnote(row):
            break
        rows.append(row)
        lines.append(numbers[index])
    if not rows:
        raise InputError(f"{source}: a header ({', '.join(header)}) but no rows of figures under it.")
    _fill_down(rows, label_columns(header, rows))
    sample = [cell for row in rows[:500] for cell in row[1:]]
    comma = any(DECIMAL_COMMA.match(cell) for cell in sample)
    return Grid(source, header, tuple(map(tuple, rows)), tuple(lines), titles, comma, line_word)


def split_records(lines: list[str], separator: str, source: str) -> list[list[str]]:
    """The text's lines split into fields; refuses a line with more fields than most lines have."""
    reader = csv.reader(lines, delimiter=separator, quotechar='"')
    try:
        split = list(reader)
    except csv.Error as error:  # a field beyond csv's limit (128 kB), or a NUL byte: not a statistics table
        raise InputError(
            f"{source}, line {reader.line_num}: cannot be read as a table ({error}). Is it the right file?"
        ) from error
    widths = Counter(len(cells) for cells in split if len(cells) >= 2)
    if not widths:
        raise InputError(f"{source}: no table found. Expected a header and rows separated by ',', ';' or tabs.")
    width = widths.most_common(1)[0][0]
    for number, cells in enumerate(split, start=1):
        if 2 <= len(cells) != width and filled(cells) >= 2 and len(cells) > width:
            raise InputError(
                f"{source}, line {number}: has {len(cells)} fields where most lines have {width}. "
                "Check the quoting and the separator."
            )
    return split


def with_thousands_dots(grid: Grid, separator: str) -> Grid:
    """With ';' or tabs, the Danish convention: a dot between groups of three digits separates thousands."""
    if not grid.decimal_comma and separator != ",":
        sample = [cell for row in grid.rows[:500] for cell in row[1:]]
        if any(THOUSANDS_DOT.match(cell) for cell in sample):
            return replace(grid, decimal_comma=True)
    return grid


def grid_from_text(text: str, source: str) -> Grid:
    """Sniff separator, title lines and decimal mark, and split the text into a grid."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    separator = sniff_separator(lines[:200])
    split = split_records(lines, separator, source)
    return with_thousands_dots(grid_from_cells(split, list(range(1, len(split) + 1)), source), separator)
