"""The dataset's ``datapackage.json`` from an import: title, licence, sources, what a district is called, the date
the figures refer to, and the disclosure rule that was applied."""

from __future__ import annotations

import datetime
import re

import pandas as pd
from babel import Locale
from babel.dates import format_date

from importer.options import ImportOptions
from importer.rows import slug
from layers.errors import InputError
from layers.registry import COUNT, SHARE
from stats.disclosure import DisclosureRule

DEFAULT_TERM = {"da": "distrikt", "en": "district", "da_plural": "distrikter", "en_plural": "districts"}


def district_term(text: str | None) -> dict[str, str]:
    """``--district-term bydel/bydele`` as the four words the page uses; English stays "district(s)".

    >>> district_term("bydel/bydele")["da_plural"], district_term(None)["da"]
    ('bydele', 'distrikt')
    """
    if not text:
        return dict(DEFAULT_TERM)
    singular, _, plural = (part.strip() for part in text.partition("/"))
    if not singular or "/" in plural:
        raise InputError(f"--district-term {text!r}: write it as SINGULAR/PLURAL, e.g. --district-term bydel/bydele.")
    return {**DEFAULT_TERM, "da": singular, "da_plural": plural or singular}


def reference_date(text: str | None) -> dict[str, str]:
    """``--reference-date "31. december"`` in Danish, and in English and Swedish when it is a day and a Danish month
    (any other text has no Swedish, and so reads as the Danish: layers.text.FALLBACK).

    >>> reference_date("31. december"), reference_date(None)
    ({'da': '31. december', 'en': '31 December', 'sv': '31 december'}, {'da': '', 'en': ''})
    """
    if not text:
        return {"da": "", "en": ""}
    found = re.fullmatch(r"\s*(\d{1,2})\.?\s+(\w+)\s*", text)
    months = {name.casefold(): number for number, name in Locale("da").months["format"]["wide"].items()}
    if found and found[2].casefold() in months:
        try:
            day = datetime.date(2000, months[found[2].casefold()], int(found[1]))
        except ValueError as error:
            raise InputError(f"--reference-date {text!r}: there is no such day ({error}).") from error
        return {
            "da": text.strip(),
            "en": format_date(day, "d MMMM", locale="en"),
            "sv": format_date(day, "d MMMM", locale="sv"),
        }
    return {"da": text.strip(), "en": text.strip()}


def dataset_metadata(options: ImportOptions, rule: DisclosureRule, indicators: pd.DataFrame, years: list) -> dict:
    """``datapackage.json`` for an import."""
    shares = indicators[indicators["denominator"] != ""]
    default = (shares if len(shares) else indicators)["id"].iloc[0]
    title = options.title or options.out.name
    return {
        "name": slug(title).replace("_", "-")[:60],  # Frictionless names are lower-case ASCII
        "title": title,
        "description": f"Statistik pr. distrikt {years[0]}–{years[-1]}, importeret med Distriktskort.",
        "licenses": [{"name": options.licence, "title": options.licence}],
        "sources": [{"title": options.source or ", ".join(path.name for path in options.statistics)}],
        "distriktskort": {
            "area_name": title,
            "district_term": district_term(options.district_term),
            "fictional": False,
            "reference_date": reference_date(options.reference_date),
            "default_indicator": str(default),
            "default_measure": (SHARE if len(shares) else COUNT).id,
            "default_year": int(years[-1]),
            "disclosure": rule.as_metadata(),
        },
    }
