"""The lesson addresses: ``/lektion`` (the builder, or with ``?q=…`` the lesson played), ``/lektion/link`` (the
finished lesson's links) and ``/lektion.pdf`` (its worksheet).

Everything in a request is read through ``Lesson.parse``: what cannot be used is named in a notice, and no address
can give a 500. Nothing is stored: a lesson is its address.
"""

from __future__ import annotations

import flask

from data.model import Dataset
from exports.images import ImageUnavailable
from layers.i18n import t
from layers.text import language
from lessons.lesson import Lesson, ignored_notice
from serving.header_values import attachment
from serving.links import link_base
from ui.figure import map_setup
from ui.lesson_builder import LESSON_PATH, LINK_PATH, WORKSHEET_PATH, builder_page, link_page
from ui.lesson_page import player_page
from ui.lesson_sheet import worksheet_pdf

HTML = "text/html"


def _query() -> str:
    return flask.request.query_string.decode("utf-8", errors="replace")


def _lesson(dataset: Dataset) -> tuple[Lesson, str]:
    lesson, ignored = Lesson.parse(dataset, _query())
    return lesson, ignored_notice(ignored, lesson.lang)


def register_lessons(server: flask.Flask, dataset: Dataset, shapes_url: str) -> None:
    """Add the lesson routes for one dataset to a Flask server."""
    setup = map_setup(dataset, shapes_url)  # the map's fixed setup, made once: every lesson page carries the same

    @server.get(LESSON_PATH)
    def _lesson_page() -> flask.Response:
        lesson, notice = _lesson(dataset)
        if not lesson.questions:  # no usable question: the builder, with a word on what could not be used
            lang = language(flask.request.args.get("lang"))
            return flask.Response(builder_page(dataset, lang, message=notice), mimetype=HTML)
        return flask.Response(player_page(dataset, lesson, setup, notice), mimetype=HTML)

    @server.get(LINK_PATH)
    def _lesson_link() -> flask.Response:
        lesson, notice = _lesson(dataset)
        if not lesson.complete:
            ticked = tuple(question.part() for question in lesson.questions)
            message = " ".join(filter(None, (t("lesson_builder_count", lesson.lang), notice)))
            return flask.Response(builder_page(dataset, lesson.lang, ticked, message), mimetype=HTML)
        return flask.Response(link_page(dataset, lesson, link_base()), mimetype=HTML)

    @server.get(WORKSHEET_PATH)
    def _worksheet() -> flask.Response:
        lesson, _ = _lesson(dataset)
        if not lesson.questions:
            return flask.Response(t("lesson_sheet_none", lesson.lang), 404, mimetype="text/plain")
        try:
            body = worksheet_pdf(dataset, lesson)
        except ImageUnavailable as error:
            response = flask.Response(str(error), 503, mimetype="text/plain")
            if error.retry_after_s:
                response.headers["Retry-After"] = str(error.retry_after_s)
            response.headers["Cache-Control"] = "no-store"
            return response
        response = flask.Response(body, mimetype="application/pdf")
        response.headers["Content-Disposition"] = attachment(f"{t('lesson_file_name', lesson.lang)}.pdf")
        return response
