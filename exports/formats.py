"""The download formats, declared as a registry: each turns an ``ExportTable`` into the bytes of one file.

Adding a format is adding an entry here; the routes, the download links and the tests loop over ``EXPORTERS``.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass

import openpyxl
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from data.model import Dataset
from exports.images import render
from exports.table import COLUMNS, ExportTable, neutralise
from layers.plain_text import CONTROL_PICTURES

XML_FORBIDDEN = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # in UTF-8 these bytes are always those characters


def _csv(table: ExportTable, dataset: Dataset) -> bytes:
    buffer = io.StringIO()
    for label, text in table.header:  # comment lines above the table, one fact each
        buffer.write(f"# {label}: {' '.join(str(text).split())}\n")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in table.rows:
        writer.writerow(["" if cell is None else neutralise(cell) for cell in row])
    return buffer.getvalue().encode("utf-8-sig")  # the BOM makes Excel read æøå right


def spreadsheet_cell(cell: object) -> object:
    """A cell as Excel can hold it: formulas neutralised, and each control character that XML 1.0 forbids (which
    openpyxl refuses, failing the whole download) shown as its Unicode picture, so ``Nør\\x07rebro`` reads
    ``Nør␇rebro`` and the district is still recognisable.

    >>> spreadsheet_cell("Nør\\x07rebro"), spreadsheet_cell("=1+1"), spreadsheet_cell("a\\tb\\nc"), spreadsheet_cell(2.5)
    ('Nør␇rebro', "'=1+1", 'a\\tb\\nc', 2.5)
    """
    cell = neutralise(cell)
    if isinstance(cell, str):
        return ILLEGAL_CHARACTERS_RE.sub(lambda found: chr(CONTROL_PICTURES + ord(found.group())), cell)
    return cell


def xml_safe(document: bytes) -> bytes:
    """An XML document (a picture's SVG) with each control character XML 1.0 forbids shown as its picture: Plotly
    writes a name's BEL as it is, and a viewer then refuses the whole file.

    >>> xml_safe("<text>Nør\\x07rebro</text>".encode())
    b'<text>N\\xc3\\xb8r\\xe2\\x90\\x87rebro</text>'
    """
    return XML_FORBIDDEN.sub(lambda found: chr(CONTROL_PICTURES + found.group()[0]).encode(), document)


def _xlsx(table: ExportTable, dataset: Dataset) -> bytes:
    book = openpyxl.Workbook()
    data = book.active
    data.title = "Data"
    data.append(COLUMNS)
    for row in table.rows:
        data.append([spreadsheet_cell(cell) for cell in row])
    about = book.create_sheet("Om data")
    for label, text in table.header:
        about.append([spreadsheet_cell(label), spreadsheet_cell(text)])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _geojson(table: ExportTable, dataset: Dataset) -> bytes:
    features = json.loads(dataset.geojson)["features"]
    drawn = dataset.feature_of_year[table.year_index]
    collection = {
        "type": "FeatureCollection",
        "name": table.title,
        "metadata": dict(table.header),
        "features": [
            {
                "type": "Feature",
                "properties": dict(zip(COLUMNS, row, strict=True)),
                "geometry": features[int(drawn[d])]["geometry"],
            }
            for d, row in enumerate(table.rows)
            if drawn[d] >= 0
        ],
    }
    return json.dumps(collection, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


@dataclass(frozen=True)
class Exporter:
    """One download format of a view."""

    id: str
    media_type: str
    write: Callable[[ExportTable, Dataset], bytes]


EXPORTERS: dict[str, Exporter] = {
    exporter.id: exporter
    for exporter in (
        Exporter("csv", "text/csv; charset=utf-8", _csv),
        Exporter("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", _xlsx),
        Exporter("geojson", "application/geo+json", _geojson),
        Exporter("png", "image/png", lambda table, dataset: render(dataset, table, "png")),
        Exporter("svg", "image/svg+xml", lambda table, dataset: xml_safe(render(dataset, table, "svg"))),
        Exporter("pdf", "application/pdf", lambda table, dataset: render(dataset, table, "pdf")),
    )
}
