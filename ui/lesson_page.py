"""The lesson page (``/lektion?q=…``): what the browser needs to play a lesson, and the plain HTML page around it.

The page is plain HTML built here, with no Dash: the lesson is played by assets/lesson.js on the same map the app
draws (assets/district_map.js, MapLibre), from one JSON data block that holds every question, its answer and its
reveal. The answers are in the page from the start, so a pupil's answers never leave the browser: nothing is sent
back, nothing is stored. Every dataset text is escaped (``html.escape`` in markup; ``<`` written ``\\u003c`` in the
JSON block), so a district called ``<script>`` stays text.
"""

from __future__ import annotations

import html
import json

from data.model import Dataset
from layers.i18n import number_symbols, t
from layers.status import MISSING
from layers.text import LANGUAGE_NAMES, LANGUAGES
from lessons.lesson import Lesson
from lessons.questions import KINDS, Question
from ui import ids
from ui.contract import contract_element

# A district before the answer: one plain light grey for all, so the map's white borders show and no colour gives
# the answer away (and it stays apart from the map's background and the grey of a hidden figure).
BLANK = "#d3dce1"
STYLESHEETS = ("/assets/vendor/maplibre-gl/maplibre-gl.css", "/assets/style.css")
SCRIPTS = ("/assets/contract.js", "/assets/figures.js", "/assets/vendor/maplibre-gl/maplibre-gl.js",
           "/assets/district_map.js", "/assets/lesson.js")  # fmt: skip
# The page's own words, as assets/lesson.js shows them: placeholders it fills itself are kept as they are.
PAGE_TEXTS = (
    "lesson_question_of", "lesson_previous", "lesson_next", "lesson_check", "lesson_rise", "lesson_fall",
    "lesson_right", "lesson_wrong", "lesson_most_hint", "lesson_guess_label", "lesson_guess_off",
    "lesson_draw_hint", "lesson_draw_done", "lesson_why", "lesson_score", "lesson_private", "lesson_chart_label",
    "lesson_your_line", "lesson_real_line", "lesson_you_picked", "lesson_finish", "lesson_again",
)  # fmt: skip
BROWSER_FILLS = {name: f"{{{name}}}" for name in ("number", "count", "right", "answer", "off", "district", "year")}


def _fills(dataset: Dataset, codes: list[int] | None, colours: list[str], year_index: int) -> list[str | None]:
    """A fill per shape of the map: its class's colour (``BLANK`` with no ``codes``), ``None`` for a shape not drawn."""
    fills: list[str | None] = []
    for feature, district in enumerate(dataset.district_of_feature):
        drawn = int(dataset.feature_of_year[year_index][district]) == feature
        fills.append(None if not drawn else (colours[codes[district]] if codes else BLANK))
    return fills


def question_data(dataset: Dataset, question: Question, lang: str) -> dict:
    """Everything the browser needs to ask one question and reveal its answer."""
    view = question.view(dataset, lang)
    layer, year_index = view.layer(dataset), dataset.years.index(question.year)
    codes = layer.codes()[year_index].tolist()
    district = dataset.district_ids.index(question.district) if question.district else None
    series = view.series(dataset)
    return {
        "kind": question.kind,
        "kind_name": KINDS[question.kind].name(lang),
        "part": question.part(),
        "text": question.text(dataset, lang),
        "prompt": question.prompt(dataset, lang),
        "answer": list(question.answer),
        "answer_words": question.answer_words(dataset, lang),
        "sentence": question.sentence(dataset, lang),
        "district": question.district,
        "low": question.low,
        "high": question.high,
        "decimals": series.unit.decimals,
        "suffix": series.unit.suffix(lang),
        "blank": _fills(dataset, None, [], year_index),
        "reveal": _fills(dataset, codes, layer.colours(), year_index),
        "no_figure": [bool(codes[d] == MISSING.code) for d in dataset.district_of_feature],
        "chosen": [int(d == district) for d in dataset.district_of_feature],
        "legend": [list(item) for item in layer.legend(lang)],
    }


def lesson_data(dataset: Dataset, lesson: Lesson, setup: dict) -> dict:
    """The whole lesson for the browser: the map's setup (``ui.figure.map_setup``, made once per dataset), the
    page's words, the number symbols and the questions."""
    lang = lesson.lang
    return {
        "lang": lang,
        "setup": setup,
        "texts": {key: t(key, lang, **BROWSER_FILLS) for key in PAGE_TEXTS},
        "numbers": number_symbols(lang),
        "years": list(dataset.years),
        "questions": [question_data(dataset, question, lang) for question in lesson.questions],
    }


def _data_block(data: dict) -> str:
    text = json.dumps(data, ensure_ascii=True, separators=(",", ":")).replace("<", "\\u003c")
    return f'<script type="application/json" id="{ids.LESSON_DATA}">{text}</script>'


def language_links(query_without_lang: str, lang: str) -> str:
    """Links to the same page in every language, the current one marked."""
    links = []
    for code in LANGUAGES:
        current = ' aria-current="page"' if code == lang else ""
        href = html.escape(f"?{query_without_lang}&lang={code}" if query_without_lang else f"?lang={code}")
        links.append(f'<li><a href="{href}" lang="{code}" hreflang="{code}"{current}>{LANGUAGE_NAMES[code]}</a></li>')
    label = html.escape(t("language_label", lang))
    return f'<nav aria-label="{label}"><ul class="lesson-languages">{"".join(links)}</ul></nav>'


def page(title: str, lang: str, body: str, scripts: bool = False) -> str:
    """A whole lesson page (player or builder) around ``body``: escaped title, the lesson styles, and the scripts
    the player needs."""
    styles = "\n".join(f'<link rel="stylesheet" href="{href}">' for href in STYLESHEETS)
    script_tags = "\n".join(f'<script src="{src}"></script>' for src in SCRIPTS) if scripts else ""
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)}</title>
{styles}
</head>
<body class="lesson-page">
{body}
{contract_element() if scripts else ""}
{script_tags}
</body>
</html>
"""


def player_page(dataset: Dataset, lesson: Lesson, setup: dict, notice: str) -> str:
    """The page that plays ``lesson``: a heading, the notice of what was ignored, and the player's root and data."""
    lang = lesson.lang
    title = f"{t('lesson_title', lang)} · {dataset.info.area_name}"
    builder = html.escape(f"/lektion?lang={lang}")
    body = f"""<header class="lesson-header">
<h1>{html.escape(title)}</h1>
{language_links(lesson.query().lstrip("?").rsplit("&lang=", 1)[0], lang)}
</header>
<main id="{ids.LESSON}" class="lesson">
{f'<p class="lesson-notice" role="status">{html.escape(notice)}</p>' if notice else ""}
<noscript><p>{html.escape(t("lesson_needs_script", lang))}</p></noscript>
</main>
<footer class="lesson-footer"><p>{html.escape(t("lesson_private", lang))}</p>
<p><a href="{builder}">{html.escape(t("lesson_builder_title", lang))}</a></p></footer>
{_data_block(lesson_data(dataset, lesson, setup))}"""
    return page(title, lang, body, scripts=True)
