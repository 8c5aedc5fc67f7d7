"""A lesson: 3 to 6 questions, kept entirely in its address, so nothing about it (or a pupil) is stored anywhere.

    /lektion?q=most:age_0_5:2016&q=rise_fall:ownership_owner:07:2011:2016&q=guess:age_0_5:07:2016&lang=en

The address is read like ``View.parse`` reads the page's: a question that cannot be used (an unknown kind,
indicator, year or district, a question the data cannot answer, one asked twice, one past the sixth) is left out
and named among what was ignored, and never gives an error page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode

from data.model import Dataset
from layers.i18n import t
from layers.plain_text import visible
from layers.text import DEFAULT_LANGUAGE, LANGUAGES
from lessons.questions import KINDS, SEPARATOR, Question, make
from view.view import MAX_QUERY_LENGTH, SHOWN_CHARS
from view.years import as_year

MIN_QUESTIONS, MAX_QUESTIONS = 3, 6
QUESTION_PARAMETER = "q"
LANGUAGE_PARAMETER = "lang"


def _year_in(dataset: Dataset, text: str) -> int | None:
    year = as_year(text)
    return year if year in dataset.years else None


# How each field of an address part is read: the usable value, or None.
FIELDS: dict[str, Callable[[Dataset, str], object | None]] = {
    "indicator": lambda dataset, text: text if text in dataset.indicators else None,
    "district": lambda dataset, text: text if text in dataset.district_ids else None,
    "year": _year_in,
    "from": _year_in,
}


def from_part(dataset: Dataset, part: str) -> Question | None:
    """The question an address part asks, or ``None`` when anything in it is unusable.

    >>> from data.load import load_dataset
    >>> from data.make_demo import DEMO_FOLDER
    >>> demo = load_dataset(DEMO_FOLDER)
    >>> from_part(demo, "most:age_0_5:2016").part(), from_part(demo, "most:age_0_5:1999"), from_part(demo, "x")
    ('most:age_0_5:2016', None, None)
    """
    kind, *texts = part.split(SEPARATOR)
    spec = KINDS.get(kind)
    if spec is None or len(texts) != len(spec.fields):
        return None
    given = {field: FIELDS[field](dataset, text) for field, text in zip(spec.fields, texts, strict=True)}
    if any(value is None for value in given.values()):
        return None
    return make(dataset, kind, given["indicator"], given.get("year", dataset.years[-1]),
                given.get("from", dataset.years[0]), given.get("district"))  # fmt: skip


@dataclass(frozen=True)
class Lesson:
    """The questions of a lesson, in order, and the language it is played in."""

    questions: tuple[Question, ...]
    lang: str = DEFAULT_LANGUAGE

    @classmethod
    def parse(cls, dataset: Dataset, query: object) -> tuple[Lesson, tuple[str, ...]]:
        """The lesson in a query string (with or without '?'), and what was ignored.

        >>> from data.load import load_dataset
        >>> from data.make_demo import DEMO_FOLDER
        >>> lesson, ignored = Lesson.parse(load_dataset(DEMO_FOLDER), "?q=most:age_0_5:2016&q=most:nope:2016&x=1")
        >>> [question.part() for question in lesson.questions], ignored
        (['most:age_0_5:2016'], ('q=most:nope:2016', 'x'))
        """
        text = query if isinstance(query, str) and len(query) <= MAX_QUERY_LENGTH else ""
        questions: list[Question] = []
        lang, ignored = DEFAULT_LANGUAGE, []
        for name, value in parse_qsl(text.lstrip("?"), keep_blank_values=True):
            if name == LANGUAGE_PARAMETER and value in LANGUAGES:
                lang = value
                continue
            if name != QUESTION_PARAMETER:
                ignored.append(visible(name[:SHOWN_CHARS]))
                continue
            question = from_part(dataset, value.strip())
            if question is None or question in questions or len(questions) >= MAX_QUESTIONS:
                ignored.append(visible(f"{name}={value[:SHOWN_CHARS]}"))
            else:
                questions.append(question)
        return cls(tuple(questions), lang), tuple(ignored)

    @property
    def complete(self) -> bool:
        """Whether the lesson has as many questions as a lesson should (a shorter one still plays)."""
        return MIN_QUESTIONS <= len(self.questions) <= MAX_QUESTIONS

    def query(self, lang: str | None = None) -> str:
        """The query string that reopens this lesson (in ``lang``, or its own language).

        >>> from data.load import load_dataset
        >>> from data.make_demo import DEMO_FOLDER
        >>> Lesson.parse(load_dataset(DEMO_FOLDER), "q=draw:age_0_5:07&lang=en")[0].query()
        '?q=draw%3Aage_0_5%3A07&lang=en'
        """
        parts = [(QUESTION_PARAMETER, question.part()) for question in self.questions]
        return "?" + urlencode([*parts, (LANGUAGE_PARAMETER, lang or self.lang)])


def ignored_notice(ignored: tuple[str, ...], lang: str) -> str:
    """The quiet notice of what a lesson's address asked for that could not be used, or nothing."""
    return t("lesson_ignored", lang, parameters=", ".join(ignored)) if ignored else ""
