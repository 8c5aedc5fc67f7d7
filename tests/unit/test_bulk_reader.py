"""A long file read in bulk means exactly what the cell-by-cell reader says it means, and a file that is not plain
goes the cell-by-cell way."""

import pytest

import importer.bulk
from importer import ImportOptions, run_import
from importer.bulk import bulk_grid, text_grid
from importer.grid import TableRows, grid_from_text
from tests.conftest import grid_districts

ROWS = 2_600  # more than the head the bulk reader reads cell by cell


@pytest.fixture(autouse=True)
def every_file_is_long(monkeypatch):
    monkeypatch.setattr(importer.bulk, "BULK_CHARS", 0)


def _tidy(separator=",", value=lambda n: f"{n % 700}", title="", end="", area=lambda n: f"0{1 + n % 4}") -> str:
    lines = [title] if title else []
    lines.append(separator.join(["district_id", "year", "indicator", "value"]) + end)
    for n in range(ROWS):
        cells = [area(n), str(2000 + n // 4 % 650), f"ind_{n // 2600}", value(n)]
        lines.append(separator.join(cells) + end)
    return "\n".join(lines) + "\n"


def _same(bulk, cell_by_cell) -> None:
    assert isinstance(bulk.rows, TableRows)
    assert bulk.header == cell_by_cell.header and bulk.titles == cell_by_cell.titles
    assert list(bulk.rows) == list(cell_by_cell.rows)
    assert list(bulk.lines) == list(cell_by_cell.lines)
    assert bulk.decimal_comma == cell_by_cell.decimal_comma
    assert bulk.where(7) == cell_by_cell.where(7)


@pytest.mark.parametrize(
    "text",
    [
        _tidy(),
        _tidy(";", lambda n: f"{n},{n % 10}"),  # decimal commas
        _tidy(";", lambda n: f"1.{n % 1000:03d}"),  # thousands dots in a Danish file
        _tidy("\t", lambda n: f" {n} "),  # cells with spaces around them
        _tidy(";", title="Folketal 1. januar efter område", end=";"),  # a title line, a separator at each end
        _tidy(",", lambda n: f'"{n:,}"'),  # English thousands, quoted
        _tidy(",", lambda n: ".." if n % 7 == 0 else str(n)),  # missing markers
    ],
    ids=["plain", "decimal-comma", "thousands-dot", "spaces", "title-and-trailing-separator", "quoted", "missing"],
)
def test_a_plain_long_file_reads_the_same_in_bulk(text):
    _same(bulk_grid(text, "x.csv"), grid_from_text(text, "x.csv"))


@pytest.mark.parametrize(
    "text",
    [
        _tidy().replace("\n01,2010", "\n\n01,2010", 1),  # a blank line within the table
        _tidy() + "\nKilde: Danmarks Statistik\n",  # a footnote
        _tidy(area=lambda n: f"Område {n % 4}").replace("\nOmråde 1,", "\n,", 1),  # a label to fill down
        _tidy().replace("\n03,", '\n"0\n3",', 1),  # a quoted line break
        _tidy() + "01,2000,x,1,extra\n",  # a row wider than the rest
    ],
    ids=["blank-line", "footnote", "fill-down", "quoted-line-break", "wide-row"],
)
def test_a_file_that_is_not_plain_is_read_cell_by_cell(text):
    assert bulk_grid(text, "x.csv") is None
    try:
        expected = grid_from_text(text, "x.csv")
    except Exception as error:  # the cell-by-cell reader's refusal is the answer either way
        with pytest.raises(type(error), match=str(error)[:40]):
            text_grid(text, "x.csv")
        return
    found = text_grid(text, "x.csv")
    assert list(found.rows) == list(expected.rows) and list(found.lines) == list(expected.lines)


def test_an_import_read_in_bulk_writes_the_same_dataset(tmp_path, monkeypatch):
    districts = tmp_path / "d.geojson"
    grid_districts().to_file(districts, driver="GeoJSON")
    figures = tmp_path / "figures.csv"
    figures.write_text(
        _tidy(";", lambda n: "2" if n % 5 == 0 else f"1.{n % 1000:03d}", area=lambda n: f"0{1 + n % 4}"),
        encoding="cp1252",
    )
    written = {}
    for name, threshold in (("bulk", 0), ("cells", 10**12)):
        monkeypatch.setattr(importer.bulk, "BULK_CHARS", threshold)
        out = tmp_path / name / "dataset"
        run_import(ImportOptions(districts=(str(districts),), statistics=(figures,), out=out))
        written[name] = {path.name: path.read_bytes() for path in out.iterdir() if path.is_file()}
    assert written["bulk"] == written["cells"]
    assert b"suppressed" in written["bulk"]["statistics.csv"]
