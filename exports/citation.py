"""Cite this view: a reference to exactly what is on screen, as plain text, in APA 7 style, and as BibTeX.

Each names the view's title with its year, the area, who published the figures (the dataset's source), the
dataset's title and version (a hash of its files: ``data.version``), the licence, the date it was retrieved, and the
permanent link that reopens the view. The styles are declared in ``CITATION_STYLES``; the routes
(``/export/cite.<ending>``) and the page's download dialog loop over it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from babel.dates import format_date

from data.model import Dataset
from layers.i18n import BABEL_LOCALES, t
from layers.plain_text import visible
from layers.registry import slug
from layers.text import language
from view.view import View

APP_NAME = "Distriktskort"
# LaTeX's special characters, each as text: one pass, so the braces of \textbackslash{} are not escaped again.
BIBTEX_ESCAPES = {
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "&": r"\&", "$": r"\$", "#": r"\#", "_": r"\_",
    "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
}  # fmt: skip
BIBTEX_SPECIAL = re.compile("[" + re.escape("".join(BIBTEX_ESCAPES)) + "]")
# biblatex reads ``url`` verbatim, but its braces must still balance and a space ends it: those are percent-encoded.
URL_UNSAFE = re.compile(r"[{}\\\s\"]")
# What biblatex's ``langid`` calls each interface language, so a style hyphenates and quotes the title rightly.
BIBLATEX_LANGUAGES = {"da": "danish", "en": "british", "sv": "swedish"}


def one_line(text: object) -> str:
    """Dataset text as one line: runs of white space (line breaks too) as one space, other control characters shown.

    >>> one_line("Fjordby\\n  Kommune\\x07")
    'Fjordby Kommune␇'
    """
    return visible(" ".join(str(text).split()))


def bibtex_text(text: object) -> str:
    """Text for a BibTeX field: every LaTeX special character escaped, on one line; non-ASCII stays as it is
    (biblatex reads UTF-8).

    >>> print(bibtex_text("50% & {x}_1 \\\\input #2 ~$^"))
    50\\% \\& \\{x\\}\\_1 \\textbackslash{}input \\#2 \\textasciitilde{}\\$\\textasciicircum{}
    """
    return BIBTEX_SPECIAL.sub(lambda found: BIBTEX_ESCAPES[found.group()], one_line(text))


def bibtex_url(link: str) -> str:
    """A link as BibTeX's verbatim ``url`` field can hold it: braces, backslashes and spaces percent-encoded.

    >>> bibtex_url("https://kort.example.dk/?a=1&b={2}")
    'https://kort.example.dk/?a=1&b=%7B2%7D'
    """
    return URL_UNSAFE.sub(lambda found: "".join(f"%{byte:02X}" for byte in found.group().encode("utf-8")), link)


def bibtex_key(view: View) -> str:
    """A stable key for the view: ``distriktskort_<indicator>_<year>``, in the letters every BibTeX accepts (an
    imported indicator's id may hold any: it is spelled out as the registry makes ids).

    >>> bibtex_key(View("age_0_5", "share", 2016, "value", 2011, None, None, "da"))
    'distriktskort_age_0_5_2016'
    >>> bibtex_key(View("Ældre, 80+ {år}", "count", 2016, "value", 2011, None, None, "da"))
    'distriktskort_aeldre_80_aar_2016'
    """
    return f"distriktskort_{slug(view.indicator) or 'view'}_{view.year}"


@dataclass(frozen=True)
class CitationParts:
    """What every citation of a view says, each part as plain one-line text."""

    title: str  # the view's title, with its year
    area: str
    author: str  # who published the figures: the dataset's source, else the area
    dataset: str  # the dataset's title
    version: str
    licence: str
    link: str  # the permanent link that reopens the view
    retrieved: date
    lang: str
    key: str  # the BibTeX key

    @property
    def retrieved_words(self) -> str:
        """The date retrieved as the language writes it in running text: '1. december 2026', '1 December 2026'."""
        return format_date(self.retrieved, "long", locale=BABEL_LOCALES[self.lang])


def citation_parts(dataset: Dataset, view: View, base_url: str, today: date | None = None) -> CitationParts:
    """The parts of a citation of ``view``; ``base_url`` as ``serving.links.link_base`` gives it, "" for a link
    relative to the site (as exports/table.py makes the link)."""
    info = dataset.info
    return CitationParts(
        title=one_line(view.title(dataset).replace("{year}", str(view.year))),
        area=one_line(info.area_name),
        author=one_line(info.source or info.area_name),
        dataset=one_line(info.title),
        version=dataset.version or "–",
        licence=one_line(info.licence or "–"),
        link=base_url.rstrip("/") + "/" + view.query(),
        retrieved=today or date.today(),
        lang=language(view.lang),
        key=bibtex_key(view),
    )


def _words(parts: CitationParts) -> dict[str, str]:
    return {
        "title": parts.title, "area": parts.area, "author": parts.author, "dataset": parts.dataset,
        "version": parts.version, "licence": parts.licence, "link": parts.link, "date": parts.retrieved_words,
        "app": APP_NAME,
    }  # fmt: skip


def plain_citation(parts: CitationParts) -> str:
    """The citation as a sentence to paste under an article or into a report."""
    return t("cite_text", parts.lang, **_words(parts))


def apa_citation(parts: CitationParts) -> str:
    """The citation in APA 7 style for a data set: Author. (n.d.). Title [Description]. In Dataset (Version v)
    [Data set]. Publisher. Retrieved date, from link. (In plain text: a text box cannot set the title in italics.)"""
    # APA's author element ends with one full stop, whether or not the name brings its own.
    return t("cite_apa", parts.lang, **{**_words(parts), "author": parts.author.rstrip(".")})


def bibtex_citation(parts: CitationParts) -> str:
    """The citation as one biblatex ``@misc`` entry (UTF-8), every field escaped, so a hostile title is text."""
    words = _words(parts)
    fields = (
        ("author", "{" + bibtex_text(parts.author) + "}"),  # in double braces: a body, not a first and last name
        ("title", "{" + bibtex_text(parts.title) + "}"),  # in double braces: the title keeps its capitals
        ("organization", bibtex_text(parts.area)),
        ("howpublished", bibtex_text(t("cite_medium", parts.lang, **words))),
        ("version", bibtex_text(parts.version)),
        ("note", bibtex_text(t("cite_note", parts.lang, **words))),
        ("url", bibtex_url(parts.link)),
        ("urldate", parts.retrieved.isoformat()),
        ("langid", BIBLATEX_LANGUAGES[parts.lang]),
    )
    body = ",\n".join(f"  {name:<12} = {{{value}}}" for name, value in fields)
    return f"@misc{{{parts.key},\n{body}\n}}\n"


@dataclass(frozen=True)
class CitationStyle:
    """One form of a citation: its route's ending (``/export/cite.<ending>``), media type, name, and writer."""

    id: str
    ending: str
    media_type: str
    label_key: str  # the locale key of its name in the download dialog
    write: Callable[[CitationParts], str]


CITATION_STYLES: dict[str, CitationStyle] = {
    style.id: style
    for style in (
        CitationStyle("text", "txt", "text/plain; charset=utf-8", "cite_style_text", plain_citation),
        CitationStyle("apa", "apa.txt", "text/plain; charset=utf-8", "cite_style_apa", apa_citation),
        CitationStyle("bibtex", "bib", "application/x-bibtex; charset=utf-8", "cite_style_bibtex", bibtex_citation),
    )
}
STYLE_OF_ENDING: dict[str, CitationStyle] = {style.ending: style for style in CITATION_STYLES.values()}


def citations(dataset: Dataset, view: View, base_url: str, today: date | None = None) -> dict[str, str]:
    """Every style's citation of ``view``, by style id."""
    parts = citation_parts(dataset, view, base_url, today)
    return {style.id: style.write(parts) for style in CITATION_STYLES.values()}
