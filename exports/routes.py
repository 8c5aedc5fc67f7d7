"""The download addresses: ``/export/view.<format>?<the view's parameters>`` and ``/export/dataset.zip``.

Parameters are read exactly as the page reads them, so a malformed one falls back to its default; an unknown format
is a 404 that lists the known ones. Nothing here can answer with a 500 for anything a request sends.
"""

from __future__ import annotations

import io
import zipfile

import flask

from data.model import Dataset
from exports.formats import EXPORTERS
from exports.images import ImageUnavailable
from exports.table import view_table
from serving.header_values import attachment, percent_encoded
from serving.links import link_base
from view.view import View

DATASET_FILES = ("datapackage.json", "districts.geojson", "statistics.csv", "indicators.csv")


def dataset_zip(dataset: Dataset) -> bytes:
    """The dataset folder as loaded, zipped: the open data package behind the map."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in DATASET_FILES:
            path = dataset.folder / name
            if path.is_file():
                archive.writestr(f"{dataset.folder.name}/{name}", path.read_bytes())
    return buffer.getvalue()


def register(server: flask.Flask, dataset: Dataset) -> None:
    """Add the export routes for one dataset to a Flask server."""
    package = dataset_zip(dataset)  # made once, at start-up: the folder does not change while it is served

    @server.get("/export/view.<string:format_id>")
    def _export_view(format_id: str) -> flask.Response:
        exporter = EXPORTERS.get(format_id)
        if exporter is None:
            known = ", ".join(f"view.{known}" for known in EXPORTERS)
            return flask.Response(
                f"Unknown export format {format_id[:20]!r}. Use one of: {known}.", 404, mimetype="text/plain"
            )
        view, ignored = View.parse(dataset, flask.request.query_string.decode("utf-8", errors="replace"))
        table = view_table(dataset, view, link_base())
        try:
            body = exporter.write(table, dataset)
        except ImageUnavailable as error:  # no Chromium here, or every picture slot of this worker is taken
            response = flask.Response(str(error), 503, mimetype="text/plain")
            if error.retry_after_s:
                response.headers["Retry-After"] = str(error.retry_after_s)
            response.headers["Cache-Control"] = "no-store"  # the next try may well succeed: keep no copy of this
            return response
        response = flask.Response(body, mimetype=exporter.media_type)
        response.headers["X-Alt-Text"] = percent_encoded(table.alt_text)  # names may hold anything: see its docstring
        response.headers["Content-Disposition"] = attachment(f"{table.file_stem}.{exporter.id}")
        if ignored:
            response.headers["X-Distriktskort-Ignored"] = percent_encoded(", ".join(ignored))
        return response

    @server.get("/export/<path:unknown>")
    def _unknown_export(unknown: str) -> flask.Response:
        known = ", ".join(f"/export/view.{known}" for known in EXPORTERS)
        return flask.Response(
            f"No such download. Use one of: {known}, /export/dataset.zip.", 404, mimetype="text/plain"
        )

    @server.get("/export/dataset.zip")
    def _export_dataset() -> flask.Response:
        response = flask.Response(package, mimetype="application/zip")
        response.headers["Content-Disposition"] = attachment(f"{dataset.folder.name}.zip")
        return response
