"""The download addresses: ``/export/view.<format>?<the view's parameters>``, ``/export/profile.<png|svg|pdf>?<the
view's parameters>`` (the chosen district's chart), ``/export/cite.<txt|apa.txt|bib>?<the view's parameters>`` (its
citation), ``/export/press.txt?district=<id>`` (a district's press note) and ``/export/dataset.zip``.

The view's parameters are read exactly as the page reads them, and a picture's own options (``headline``,
``standfirst``, ``byline``, ``size``) beside them by ``exports.picture``, so a malformed one falls back to its
default; an unknown format is a 404 that lists the known ones. Nothing here can answer with a 500 for anything a
request sends.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from functools import cache, partial

import flask

from data.model import Dataset
from exports.citation import STYLE_OF_ENDING, bibtex_key, citation_parts
from exports.formats import EXPORTERS
from exports.images import ImageUnavailable, render
from exports.picture import MAX_QUERY_CHARS, Picture, view_query
from exports.profile_picture import PICTURE_FORMATS, render_profile
from exports.table import ExportTable, view_table
from insight.press import press_note_text
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


def _read(dataset: Dataset) -> tuple[ExportTable, Picture, tuple[str, ...]]:
    """The request's view as a table, the picture's options, and what of the address was ignored."""
    query = flask.request.query_string.decode("utf-8", errors="replace")
    picture, ignored_options = Picture.parse(query)
    view, ignored = View.parse(dataset, view_query(query) if len(query) <= MAX_QUERY_CHARS else query)
    return view_table(dataset, view, link_base()), picture, (*ignored, *ignored_options)


def _not_found(message: str) -> flask.Response:
    return flask.Response(message, 404, mimetype="text/plain")


def _download(write: Callable[[], bytes], media_type: str, table: ExportTable, format_id: str,
              ignored: tuple[str, ...], stem: str | None = None) -> flask.Response:  # fmt: skip
    """The file ``write`` makes, as a download; a 503 that says to come back when no picture can be made now."""
    try:
        body = write()
    except ImageUnavailable as error:  # no Chromium here, or every picture slot of this worker is taken
        response = flask.Response(str(error), 503, mimetype="text/plain")
        if error.retry_after_s:
            response.headers["Retry-After"] = str(error.retry_after_s)
        response.headers["Cache-Control"] = "no-store"  # the next try may well succeed: keep no copy of this
        return response
    response = flask.Response(body, mimetype=media_type)
    response.headers["X-Alt-Text"] = percent_encoded(table.alt_text)  # names may hold anything: see its docstring
    response.headers["Content-Disposition"] = attachment(f"{stem or table.file_stem}.{format_id}")
    if ignored:
        response.headers["X-Distriktskort-Ignored"] = percent_encoded(", ".join(ignored))
    return response


def _text_download(body: str, media_type: str, filename: str, ignored: tuple[str, ...]) -> flask.Response:
    """A text (a citation, a press note) as a download, saying what of the address was ignored."""
    response = flask.Response(body.encode("utf-8"), mimetype=media_type)
    response.headers["Content-Disposition"] = attachment(filename)
    if ignored:
        response.headers["X-Distriktskort-Ignored"] = percent_encoded(", ".join(ignored))
    return response


def register(server: flask.Flask, dataset: Dataset) -> None:
    """Add the export routes for one dataset to a Flask server."""
    # Made once, on the first download, and kept: zipping a large dataset takes seconds that a start should not wait
    # for (10,000 districts: 130 MB of CSV). The folder does not change while it is served.
    package = cache(partial(dataset_zip, dataset))

    @server.get("/export/view.<string:format_id>")
    def _export_view(format_id: str) -> flask.Response:
        exporter = EXPORTERS.get(format_id)
        if exporter is None:
            known = ", ".join(f"view.{known}" for known in EXPORTERS)
            return _not_found(f"Unknown export format {format_id[:20]!r}. Use one of: {known}.")
        table, picture, ignored = _read(dataset)
        picture_format = PICTURE_FORMATS.get(format_id)
        if picture_format is None:  # a table: the picture's options have nothing to change in it
            return _download(lambda: exporter.write(table, dataset), exporter.media_type, table, format_id, ignored)
        draw = partial(render, dataset, table, format_id, picture)
        return _download(lambda: picture_format.finish(draw()), exporter.media_type, table, format_id, ignored)

    @server.get("/export/profile.<string:format_id>")
    def _export_profile(format_id: str) -> flask.Response:
        picture_format = PICTURE_FORMATS.get(format_id)
        if picture_format is None:
            known = ", ".join(f"profile.{known}" for known in PICTURE_FORMATS)
            return _not_found(f"Unknown picture format {format_id[:20]!r}. Use one of: {known}.")
        table, picture, ignored = _read(dataset)
        if table.view.district is None:
            example = "/export/profile.png?district=" + dataset.district_ids[0]
            return _not_found(f"A profile picture is of one district: add district= to the address, e.g. {example}.")
        write = partial(render_profile, dataset, table, picture, format_id)
        stem = f"{table.file_stem}_{table.view.district}"
        return _download(write, picture_format.media_type, table, format_id, ignored, stem)

    @server.get("/export/cite.<string:ending>")
    def _export_citation(ending: str) -> flask.Response:
        # /export/cite.txt, /export/cite.apa.txt, /export/cite.bib: the view's citation (exports/citation.py).
        style = STYLE_OF_ENDING.get(ending)
        if style is None:
            known = ", ".join(f"cite.{known}" for known in STYLE_OF_ENDING)
            return flask.Response(f"Unknown citation {ending[:20]!r}. Use one of: {known}.", 404, mimetype="text/plain")
        view, ignored = View.parse(dataset, flask.request.query_string.decode("utf-8", errors="replace"))
        body = style.write(citation_parts(dataset, view, link_base()))
        return _text_download(body, style.media_type, f"{bibtex_key(view)}.{style.ending}", ignored)

    @server.get("/export/press.txt")
    def _export_press_note() -> flask.Response:
        # /export/press.txt?district=07&lang=en: the district's press note, as its profile shows it (insight/press.py).
        view, ignored = View.parse(dataset, flask.request.query_string.decode("utf-8", errors="replace"))
        if view.district is None:
            example = "/export/press.txt?district=" + dataset.district_ids[0]
            message = f"A press note is of one district: add district= to the address, e.g. {example}."
            return flask.Response(message, 404, mimetype="text/plain")
        body = press_note_text(dataset, dataset.district_ids.index(view.district), view.lang)
        name = f"distriktskort_press_{view.district}.txt"
        return _text_download(body, "text/plain; charset=utf-8", name, ignored)

    @server.get("/export/<path:unknown>")
    def _unknown_export(unknown: str) -> flask.Response:
        known = ", ".join(f"/export/view.{known}" for known in EXPORTERS)
        pictures = ", ".join(f"/export/profile.{known}" for known in PICTURE_FORMATS)
        cited = ", ".join(f"/export/cite.{known}" for known in STYLE_OF_ENDING)
        return _not_found(
            f"No such download. Use one of: {known}, {pictures}, {cited}, /export/press.txt, /export/dataset.zip."
        )

    @server.get("/export/dataset.zip")
    def _export_dataset() -> flask.Response:
        response = flask.Response(package(), mimetype="application/zip")
        response.headers["Content-Disposition"] = attachment(f"{dataset.folder.name}.zip")
        return response
