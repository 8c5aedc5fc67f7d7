"""Exactly what a view shows, as a table with its provenance: the one thing every export format writes.

One row per district: id, name, value, count, denominator, status. Its ``Provenance`` says what it is, where it
comes from, under which licence, the link that reopens the view, and when it was downloaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from data.model import Dataset
from layers.i18n import t
from layers.status import SHOWN, STATUSES
from view.view import View

COLUMNS = ("id", "name", "value", "count", "denominator", "status")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: object) -> object:
    """Text that a spreadsheet would run as a formula gets a leading apostrophe; numbers stay numbers.

    >>> neutralise('=HYPERLINK("http://x")'), neutralise("Ølsted"), neutralise(-3.5)
    ('\\'=HYPERLINK("http://x")', 'Ølsted', -3.5)
    """
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


@dataclass(frozen=True)
class Provenance:
    """What a download is, and where it comes from: every file and picture carries it."""

    title: str
    unit: str
    source: str
    licence: str
    link: str  # the address that reopens the view
    downloaded: str  # ISO date
    note: str = ""  # that the data is fictional, when it is

    def lines(self, lang: str) -> tuple[tuple[str, str], ...]:
        """(label, text) per fact, in the reader's language: the header of a CSV, the "about" sheet of a workbook."""
        facts = (("export_title", self.title), ("export_unit", self.unit), ("export_source", self.source),
                 ("export_licence", self.licence), ("export_link", self.link), ("export_downloaded", self.downloaded),
                 ("export_note", self.note))  # fmt: skip
        return tuple((t(key, lang), text) for key, text in facts if text)


@dataclass(frozen=True)
class ExportTable:
    """A view's rows, and what goes with them."""

    view: View
    provenance: Provenance
    rows: tuple[tuple, ...]
    year_index: int
    legend: tuple[tuple[str, str], ...]  # (colour, label), as on the page
    alt_text: str = ""  # the sentence of the view: what a picture of it shows, for a CMS's alt text

    @property
    def title(self) -> str:
        return self.provenance.title

    @property
    def header(self) -> tuple[tuple[str, str], ...]:
        return self.provenance.lines(self.view.lang)

    @property
    def file_stem(self) -> str:
        return f"distriktskort_{self.view.indicator}_{self.view.year}"


def _number(value: float) -> float | None:
    return None if np.isnan(value) else round(float(value), 6)


def view_table(dataset: Dataset, view: View, base_url: str, today: date | None = None) -> ExportTable:
    """The table of a view: one row per district, in the year the view shows."""
    lang, series, layer = view.lang, view.series(dataset), view.layer(dataset)
    year_index = dataset.years.index(view.year)
    values, status = layer.values[year_index], layer.status[year_index]
    rows = tuple(
        (
            district_id,
            dataset.district_names[d],
            _number(values[d]),
            _number(series.counts[year_index, d]) if status[d] == SHOWN.code else None,
            _number(series.denominators[year_index, d]) if status[d] == SHOWN.code else None,
            STATUSES[int(status[d])].word,
        )
        for d, district_id in enumerate(dataset.district_ids)
    )
    provenance = Provenance(
        title=view.title(dataset).replace("{year}", str(view.year)),
        unit=layer.unit.label(lang),
        source=dataset.info.source or "–",
        licence=dataset.info.licence or "–",
        link=base_url.rstrip("/") + "/" + view.query(),
        downloaded=(today or date.today()).isoformat(),
        note=t("fictional_note", lang) if dataset.info.fictional else "",
    )
    return ExportTable(view, provenance, rows, year_index, tuple(layer.legend(lang)), view.sentence(dataset))
