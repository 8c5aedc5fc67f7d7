"""The lesson builder (``/lektion`` with no questions): candidate questions made from the dataset, of every kind;
the teacher ticks 3 to 6 and gets the lesson's link and its worksheet's (``/lektion/link``).

Plain HTML forms with no script: the form sends the ticked questions in the address, as the lesson itself keeps
them, so the builder stores nothing either.
"""

from __future__ import annotations

import html
from itertools import groupby

from data.model import Dataset
from layers.i18n import t
from lessons.lesson import MAX_QUESTIONS, MIN_QUESTIONS, Lesson
from lessons.questions import KINDS, candidates
from ui.lesson_page import language_links, page

LESSON_PATH = "/lektion"
LINK_PATH = "/lektion/link"
WORKSHEET_PATH = "/lektion.pdf"


def _escaped(key: str, lang: str, **values: object) -> str:
    return html.escape(t(key, lang, **values))


def builder_page(dataset: Dataset, lang: str, ticked: tuple[str, ...] = (), message: str = "") -> str:
    """The builder in ``lang``: every candidate question as a checkbox, grouped by kind, ``ticked`` ticked."""
    groups = []
    for kind, questions in groupby(candidates(dataset), key=lambda question: question.kind):
        items = []
        for question in questions:
            part = question.part()
            checked = " checked" if part in ticked else ""
            items.append(
                f'<li><label><input type="checkbox" name="q" value="{html.escape(part)}"{checked}> '
                f"{html.escape(question.text(dataset, lang))}</label></li>"
            )
        groups.append(
            f'<fieldset class="lesson-kind"><legend>{html.escape(KINDS[kind].name(lang))}</legend>'
            f'<ul class="lesson-candidates">{"".join(items)}</ul></fieldset>'
        )
    title = f"{t('lesson_builder_title', lang)} · {dataset.info.area_name}"
    alert = f'<p class="lesson-notice" role="alert">{html.escape(message)}</p>' if message else ""
    body = f"""<header class="lesson-header"><h1>{html.escape(title)}</h1>{language_links("", lang)}</header>
<main class="lesson-builder">
<p>{_escaped("lesson_builder_intro", lang, low=MIN_QUESTIONS, high=MAX_QUESTIONS)}</p>
<p>{_escaped("lesson_private", lang)}</p>
{alert}
<form method="get" action="{LINK_PATH}">
<input type="hidden" name="lang" value="{lang}">
{"".join(groups)}
<p><button type="submit" class="lesson-button">{_escaped("lesson_builder_make", lang)}</button></p>
</form>
</main>"""
    return page(title, lang, body)


def link_page(dataset: Dataset, lesson: Lesson, base: str) -> str:
    """The finished lesson: its link to give the pupils, a link to play it, and its worksheet."""
    lang, query = lesson.lang, lesson.query()
    link, worksheet = f"{base}{LESSON_PATH}{query}", f"{base}{WORKSHEET_PATH}{query}"
    questions = "".join(f"<li>{html.escape(question.text(dataset, lang))}</li>" for question in lesson.questions)
    title = f"{t('lesson_link_title', lang)} · {dataset.info.area_name}"
    body = f"""<header class="lesson-header"><h1>{html.escape(title)}</h1></header>
<main class="lesson-builder">
<ol>{questions}</ol>
<p><label for="lesson-link">{_escaped("lesson_link_label", lang)}</label><br>
<input id="lesson-link" class="lesson-link" type="text" readonly value="{html.escape(link)}"></p>
<p><a class="lesson-button" href="{html.escape(link)}">{_escaped("lesson_start", lang)}</a>
<a class="lesson-button" href="{html.escape(worksheet)}">{_escaped("lesson_worksheet", lang)}</a></p>
<p>{_escaped("lesson_private", lang)}</p>
<p><a href="{LESSON_PATH}?lang={lang}">{_escaped("lesson_builder_back", lang)}</a></p>
</main>"""
    return page(title, lang, body)
