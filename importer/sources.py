"""Step 1 of an import, the dispatch: which reader a statistics file needs (a workbook, JSON-stat, or text), and
the tables it holds, each as a ``Grid`` (importer/grid.py)."""

from __future__ import annotations

import datetime
from pathlib import Path

from geo.read import DEFAULT_LIMITS, ReadLimits, check_size
from importer.bulk import text_grid
from importer.grid import EXCEL_SUFFIXES, Grid, decode, filled, grid_from_cells
from importer.jsonstat import jsonstat_grid, looks_like_jsonstat
from layers.errors import InputError


def _excel_text(value: object) -> str:
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()[:10]
    return str(value)


def _excel_grids(path: Path) -> list[Grid]:
    # calamine reads xlsx, xls, xlsb and ods alike, and does not trust a sheet's stated size, which some
    # statistics databases write wrongly (so other readers see only cell A1).
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(path))
        sheets = [(name, book.get_sheet_by_name(name).to_python(skip_empty_area=False)) for name in book.sheet_names]
    except Exception as error:  # calamine raises its own kinds for a damaged or disguised file
        raise InputError(
            f"{path}: cannot be read as a spreadsheet ({error}). Open it in a spreadsheet program and save it as "
            ".xlsx or CSV."
        ) from error
    grids = []
    for name, values in sheets:
        cells = [[_excel_text(value) for value in row] for row in values]
        if any(filled(row) for row in cells):
            grids.append(grid_from_cells(cells, list(range(1, len(cells) + 1)), f"{path} [{name}]", "row"))
    if not grids:
        raise InputError(f"{path}: every sheet is empty.")
    return grids


def read_grids(path: Path, encoding: str | None = None, limits: ReadLimits = DEFAULT_LIMITS) -> list[Grid]:
    """Every table in a statistics file: one for a CSV or JSON-stat file, one per non-empty sheet of a workbook."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file.")
    check_size(path, limits)  # a workbook is a zip, and may unpack to gigabytes
    raw = path.read_bytes()
    if path.suffix.lower() in EXCEL_SUFFIXES or raw[:4] == b"PK\x03\x04" or raw[:4] == b"\xd0\xcf\x11\xe0":
        if raw[:4] not in (b"PK\x03\x04", b"\xd0\xcf\x11\xe0"):
            # Some databases save an HTML or CSV table under an Excel name: read what it really is.
            if raw.lstrip()[:1] == b"<":
                raise InputError(f"{path}: is a web page (HTML), not a spreadsheet. Download the CSV instead.")
            return [text_grid(decode(raw, path, encoding), str(path))]
        return _excel_grids(path)
    text = decode(raw, path, encoding)
    if looks_like_jsonstat(text):
        return [jsonstat_grid(text, str(path))]
    return [text_grid(text, str(path))]
