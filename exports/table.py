"""Exactly what a view shows, as a table with its provenance: the one thing every export format writes.

One row per district: id, name, value, count, denominator, status. The header says what it is, where it comes
from, under which licence, the link that reopens the view, and when it was downloaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from data.model import STATUS_MISSING, STATUS_SUPPRESSED, Dataset
from layers.i18n import t
from ui.modes import MODES
from ui.url_state import view_query
from ui.view import legend_items, measure_label, resolve_selection

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
class ExportTable:
    """A view's rows and the header that goes with them."""

    title: str
    header: tuple[tuple[str, str], ...]  # (label, text) lines: source, licence, link, date
    rows: tuple[tuple, ...]
    year_index: int
    file_stem: str
    view: dict  # the checked view parameters this table shows
    legend: tuple[tuple[str, str], ...]  # (colour, label), as on the page
    alt_text: str = ""  # the sentence of the view: what a picture of it shows, for a CMS's alt text


def _number(value: float) -> float | None:
    return None if np.isnan(value) else round(float(value), 6)


def view_table(dataset: Dataset, values: dict, base_url: str, today: date | None = None) -> ExportTable:
    """The table for a parsed view (see ``ui.url_state.parse_view``)."""
    lang = values["lang"]
    indicator_id, measure = resolve_selection(dataset, values["indicator"], values["measure"])
    series = dataset.series[indicator_id, measure]
    year_index = dataset.years.index(values["year"])
    mode = MODES[values["mode"]]
    layer = mode.layer(series, dataset.years.index(values["from"]))
    title = mode.title(series, measure_label(series, lang), values["from"], lang).replace("{year}", str(values["year"]))
    statuses = {STATUS_SUPPRESSED: "suppressed", STATUS_MISSING: "missing"}
    rows = tuple(
        (
            district_id,
            dataset.district_names[d],
            _number(layer.values[year_index, d]),
            _number(series.counts[year_index, d]) if layer.status[year_index, d] == 0 else None,
            _number(series.denominators[year_index, d]) if layer.status[year_index, d] == 0 else None,
            statuses.get(int(layer.status[year_index, d]), ""),
        )
        for d, district_id in enumerate(dataset.district_ids)
    )
    link = base_url.rstrip("/") + "/" + view_query({**values, "indicator": indicator_id, "measure": measure})
    header = (
        (t("export_title", lang), title),
        (t("export_unit", lang), layer.unit.label(lang)),
        (t("export_source", lang), dataset.info.source or "–"),
        (t("export_licence", lang), dataset.info.licence or "–"),
        (t("export_link", lang), link),
        (t("export_downloaded", lang), (today or date.today()).isoformat()),
    )
    if dataset.info.fictional:
        header += ((t("export_note", lang), t("fictional_note", lang)),)
    view = {**values, "indicator": indicator_id, "measure": measure}
    legend = tuple(legend_items(layer, lang))
    alt_text = mode.sentence(
        dataset, series, dataset.years.index(values["from"]), year_index, lang, measure_label(series, lang)
    )
    stem = f"distriktskort_{indicator_id}_{values['year']}"
    return ExportTable(title, header, rows, year_index, stem, view, legend, alt_text)
