"""Step 1 for long files: a plain table's body read by pandas' C parser, once its layout is known from the first lines.

The cell-by-cell reader (``importer.grid``) tells every oddity of a published file, but costs seconds per hundred
thousand rows. A long file is nearly always plain: one header, then rows of the same width. So the first lines go
through the cell-by-cell reader, which finds the separator, titles, header and decimal mark; the body is then read
in one pass into categorical columns. Whenever the body is not plain (a blank line, a footnote, a label written once
per block, a short or overlong row, a quoted line break), the whole file goes the cell-by-cell way, so what a file
means never depends on its length.
"""

from __future__ import annotations

import csv
import io

import numpy as np
import pandas as pd
from pandas.api.types import union_categoricals

from importer.grid import (
    Grid,
    TableRows,
    grid_from_cells,
    grid_from_text,
    label_columns,
    sniff_separator,
    split_records,
    with_thousands_dots,
)
from layers.errors import InputError

BULK_CHARS = 2_000_000  # below this, the cell-by-cell reader takes well under a second
HEAD_LINES = 2_000  # lines read cell by cell to find the layout; more than the 500 rows that tell the decimal mark
CHUNK_ROWS = 250_000
MAX_FIELD = 131_072  # what Python's csv reader accepts in one field; beyond, the cell-by-cell reader says where


def _head(text: str) -> int | None:
    # Where the first HEAD_LINES lines end, or None in a file that is not longer.
    end = 0
    for _ in range(HEAD_LINES):
        end = text.find("\n", end) + 1
        if end == 0:
            return None
    return end


def _stripped(column: pd.Categorical) -> pd.Categorical:
    # The cell-by-cell reader strips every cell; here each distinct label is stripped once.
    labels = column.categories.to_numpy(dtype=object)
    clean = np.array([label.strip() for label in labels], dtype=object)
    if (clean == labels).all():
        return column
    return pd.Categorical(clean[column.codes])


def _body(text: str, offset: int, separator: str, width: int) -> list[pd.Categorical] | None:
    # Read as text in chunks (pandas would make "00001" the number 1 in a categorical of its own), each chunk's
    # columns made categorical at once, so the cells never all exist as Python strings together.
    parts: list[list[pd.Categorical]] = [[] for _ in range(width)]
    try:
        # Bytes, not a StringIO: that would hold the text four bytes a character.
        body = io.BytesIO(text.encode("utf-8"))
        body.seek(len(text[:offset].encode("utf-8")))
        chunks = pd.read_csv(body, encoding="utf-8", sep=separator, quotechar='"', header=None, names=list(range(width)),
                             index_col=False, dtype=str, na_filter=False, skip_blank_lines=False, engine="c",
                             chunksize=CHUNK_ROWS)  # fmt: skip
        for chunk in chunks:
            for column in range(width):
                parts[column].append(pd.Categorical(chunk[column].to_numpy(dtype=object)))
    except (pd.errors.ParserError, ValueError):
        return None  # a row wider than the head's: the cell-by-cell reader names it
    return [_stripped(union_categoricals(part)) for part in parts]


def _plain(columns: list[pd.Categorical], width: int, labels: int) -> bool:
    # Every row has two filled cells or more (no blank line, no footnote), the label columns are filled in every row
    # (nothing to fill down), and the columns beyond the header's width are empty (a separator at each line's end).
    filled = np.zeros(len(columns[0]), dtype=np.int16)
    for index, column in enumerate(columns):
        categories = column.categories
        if categories.str.len().max() > MAX_FIELD or categories.str.contains("\n", regex=False).any():
            return False
        blank = column.codes == (categories.get_loc("") if "" in categories else -2)
        if index >= width:
            if not blank.all():
                return False
            continue
        if index < labels and blank.any():
            return False
        filled += ~blank
    return bool((filled >= 2).all())


def bulk_grid(text: str, source: str) -> Grid | None:
    """The grid of a long plain table, read in bulk; ``None`` when it is short or not plain."""
    if len(text) < BULK_CHARS or "\x00" in text:
        return None
    end = _head(text)
    if end is None:
        return None
    lines = text[:end].split("\n")[:-1]
    separator = sniff_separator(lines[:200])
    records = split_records(lines, separator, source)
    if len(records) != len(lines):
        return None  # a quoted line break: lines and records differ
    head = grid_from_cells(records, list(range(1, len(records) + 1)), source)
    if len(head.rows) < 500:
        return None  # the decimal mark is told from the first 500 rows, all of which the head must hold
    start = head.lines[0] - 1
    if list(head.lines) != list(range(start + 1, len(records) + 1)):
        return None  # a blank line or a footnote within the first lines
    if any('"' in line for line in lines[:start]):
        return None
    offset = sum(len(line) + 1 for line in lines[:start])
    raw_width = max(len(record) for record in records)
    width = len(head.header)
    columns = _body(text, offset, separator, raw_width)
    if columns is None or not _plain(columns, width, label_columns(head.header, list(head.rows[:500]))):
        return None
    columns = columns[:width]
    rows = TableRows(columns)
    lines_of = range(start + 1, start + 1 + len(rows))
    grid = Grid(source, head.header, rows, lines_of, head.titles, head.decimal_comma, columns=dict(enumerate(columns)))
    return with_thousands_dots(grid, separator)


def text_grid(text: str, source: str) -> Grid:
    """The grid of a CSV text: read in bulk when it is long and plain, else cell by cell (``grid_from_text``)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    try:
        grid = bulk_grid(text, source)
    except (InputError, csv.Error):
        grid = None  # the cell-by-cell reader over the whole file says what is wrong, and where
    return grid if grid is not None else grid_from_text(text, source)
