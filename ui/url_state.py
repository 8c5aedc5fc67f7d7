"""The view in the address: every view can be reproduced from its link.

    /?indicator=age_0_5&measure=share&year=2016&district=07&compare=11&mode=change&from=2011&lang=da

The parameters are declared once, here. A parameter the app does not know, or a value it cannot use, falls back to
the default with a quiet notice, never an error page. The same parsing serves exports and embeds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode

from data.model import Dataset
from layers.i18n import t
from layers.plain_text import visible
from layers.text import DEFAULT_LANGUAGE, LANGUAGES
from ui import ids
from ui.modes import DEFAULT_MODE, MODES
from ui.years import as_year


@dataclass(frozen=True)
class ViewParameter:
    """One query parameter: the control it sets, and how to check a value against the dataset."""

    name: str
    control: str
    default: Callable[[Dataset], object]
    check: Callable[[Dataset, str], object | None]  # the usable value, or None when the text is not one


def _year(dataset: Dataset, text: str) -> int | None:
    year = as_year(text)
    return year if year in dataset.years else None


def _district(dataset: Dataset, text: str) -> str | None:
    return text if text in dataset.district_ids else None


VIEW_PARAMETERS: tuple[ViewParameter, ...] = (
    ViewParameter("indicator", ids.CONTROLS_INDICATOR, lambda d: d.info.default_indicator, lambda d, v: v if v in d.indicators else None),
    ViewParameter("measure", ids.CONTROLS_MEASURE, lambda d: d.info.default_measure, lambda d, v: v if v in ("share", "count") else None),
    ViewParameter("year", ids.CONTROLS_YEAR, lambda d: d.info.default_year, _year),
    ViewParameter("district", ids.CONTROLS_DISTRICT, lambda d: None, _district),
    ViewParameter("compare", ids.CONTROLS_COMPARE, lambda d: None, _district),
    ViewParameter("mode", ids.CONTROLS_MODE, lambda d: DEFAULT_MODE, lambda d, v: v if v in MODES else None),
    ViewParameter("from", ids.CONTROLS_FROM, lambda d: d.years[0], _year),
    ViewParameter("lang", ids.CONTROLS_LANG, lambda d: DEFAULT_LANGUAGE, lambda d, v: v if v in LANGUAGES else None),
)  # fmt: skip
PARAMETER_NAMES = tuple(parameter.name for parameter in VIEW_PARAMETERS)
MAX_QUERY_LENGTH = 2000


@dataclass(frozen=True)
class ParsedView:
    """The view a query asks for, with every value checked, and what had to be ignored."""

    values: dict[str, object]
    ignored: tuple[str, ...]

    def notice(self, lang: str) -> str:
        return t("url_ignored", lang, parameters=", ".join(self.ignored)) if self.ignored else ""


def parse_view(dataset: Dataset, query: object) -> ParsedView:
    """The view in a query string (with or without '?'). Bad or unknown parameters fall back to defaults.

    >>> from data.load import load_dataset
    >>> from data.make_demo import DEMO_FOLDER
    >>> view = parse_view(load_dataset(DEMO_FOLDER), "?year=2013&district=07&colour=red&mode=sideways")
    >>> view.values["year"], view.values["district"], view.values["mode"], view.ignored
    (2013, '07', 'value', ('colour', 'mode=sideways'))
    """
    text = query if isinstance(query, str) else ""
    if len(text) > MAX_QUERY_LENGTH:
        text = ""
    pairs = parse_qsl(text.lstrip("?"), keep_blank_values=True)
    given = {}
    ignored = []
    for name, value in pairs:
        if name not in PARAMETER_NAMES or name in given:
            ignored.append(visible(name[:40]))
        else:
            given[name] = value.strip()
    values = {}
    for parameter in VIEW_PARAMETERS:
        raw = given.get(parameter.name)
        checked = parameter.check(dataset, raw) if raw else None
        if raw and checked is None:
            ignored.append(visible(f"{parameter.name}={raw[:40]}"))
        values[parameter.name] = checked if checked is not None else parameter.default(dataset)
    return ParsedView(values, tuple(ignored))


def view_query(values: dict[str, object]) -> str:
    """The query string for a view, leaving out what is empty.

    >>> view_query({"indicator": "age_0_5", "year": 2016, "district": None, "lang": "en"})
    '?indicator=age_0_5&year=2016&lang=en'
    """
    present = [(name, str(values[name])) for name in PARAMETER_NAMES if values.get(name) not in (None, "")]
    return "?" + urlencode(present) if present else ""
