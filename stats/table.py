"""From a statistics file to a grid of text cells: encoding, separator, title lines and decimal mark sniffed.

CSV files come in UTF-8 with or without a byte-order mark, or in Windows Latin-1; separated by commas, semicolons
or tabs; sometimes with title lines above the header (Statistics Denmark's manual exports) and with decimal commas.
Excel sheets are read with openpyxl. Every reader gives the same ``Grid``, so the formats need not care.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from data.errors import InputError

SEPARATORS = (";", "\t", ",")
EXCEL_SUFFIXES = (".xlsx", ".xlsm")
DECIMAL_COMMA = re.compile(r"^\s*-?(\d{1,3}(\.\d{3})+|\d+),\d+\s*$")  # 73,7 or 1.234,5
THOUSANDS_DOT = re.compile(r"^\s*-?\d{1,3}(\.\d{3})+\s*$")  # 1.234 in a Danish file: a thousand, not one


@dataclass(frozen=True)
class Grid:
    """A table as text: the header, the rows, the line each row came from, and any title lines above it."""

    source: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    lines: tuple[int, ...]
    titles: tuple[str, ...] = ()
    decimal_comma: bool = False

    def where(self, index: int) -> str:
        """Where row ``index`` is, for an error message: 'file.csv, line 12'."""
        return f"{self.source}, line {self.lines[index]}"


def decode(raw: bytes, path: Path, encoding: str | None = None) -> str:
    """The file's text: ``encoding`` when given, else UTF-8 (with or without BOM), else Windows Latin-1.

    >>> decode("Ærø".encode("cp1252"), Path("x.csv"))
    'Ærø'
    """
    if encoding:
        try:
            return raw.decode(encoding)
        except (UnicodeDecodeError, LookupError) as error:
            raise InputError(f"{path}: cannot be read as {encoding} ({error}). Check --encoding.") from error
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _split(line: str, separator: str) -> list[str]:
    return next(csv.reader([line], delimiter=separator, quotechar='"'), [])


def _separator(lines: list[str]) -> str:
    # The separator that splits the most lines into the same number (two or more) of fields.
    best, best_score = ",", 0
    for separator in SEPARATORS:
        counts = Counter(len(_split(line, separator)) for line in lines if line.strip())
        width, score = max(counts.items(), key=lambda item: (item[1], item[0]), default=(0, 0))
        if width >= 2 and score > best_score:
            best, best_score = separator, score
    return best


def grid_from_text(text: str, source: str) -> Grid:
    """Sniff separator, title lines and decimal mark, and split the text into a grid."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    separator = _separator(lines[:200])
    split = [[cell.strip() for cell in _split(line, separator)] for line in lines]
    widths = Counter(len(cells) for cells in split if len(cells) >= 2)
    if not widths:
        raise InputError(f"{source}: no table found. Expected a header and rows separated by ',', ';' or tabs.")
    width = widths.most_common(1)[0][0]
    start = next(i for i, cells in enumerate(split) if len(cells) == width)
    titles = tuple(line.strip().strip('"').strip() for line in lines[:start] if line.strip())
    rows, numbers = [], []
    for i in range(start + 1, len(split)):
        if not lines[i].strip():
            if rows:
                break  # a blank line after the table: what follows are footnotes
            continue
        if len(split[i]) != width:
            raise InputError(
                f"{source}, line {i + 1}: has {len(split[i])} fields where the header (line {start + 1}) has {width}. "
                "Check the quoting and the separator."
            )
        rows.append(tuple(split[i]))
        numbers.append(i + 1)
    # A comma inside a number can only be a decimal comma: with ',' as separator it must have been quoted.
    sample = [cell for row in rows[:500] for cell in row[1:]]
    comma = any(DECIMAL_COMMA.match(cell) for cell in sample)
    # With ';' or tabs, the Danish convention: a dot between groups of three digits separates thousands.
    comma = comma or (separator != "," and any(THOUSANDS_DOT.match(cell) for cell in sample))
    return Grid(source, tuple(split[start]), tuple(rows), tuple(numbers), titles, comma)


def _excel_grids(path: Path) -> list[Grid]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise InputError(f"{path}: cannot be read as an Excel workbook ({error}).") from error
    grids = []
    for sheet in book.worksheets:
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter="\t")
        for row in sheet.iter_rows(values_only=True):
            writer.writerow(["" if value is None else _excel_text(value) for value in row])
        text = buffer.getvalue()
        if text.strip():
            grids.append(grid_from_text(text, f"{path} [{sheet.title}]"))
    book.close()
    return grids


def _excel_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_grids(path: Path, encoding: str | None = None) -> list[Grid]:
    """Every table in a statistics file: one for a CSV file, one per non-empty sheet of a workbook."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file.")
    if path.suffix.lower() in EXCEL_SUFFIXES:
        return _excel_grids(path)
    if path.suffix.lower() == ".xls":
        raise InputError(f"{path}: old Excel (.xls) files cannot be read. Save it as .xlsx or CSV.")
    return [grid_from_text(decode(path.read_bytes(), path, encoding), str(path))]
