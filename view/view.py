"""The view: what is on screen, as one small frozen object that the address, the page, the exports and the command
line all share.

    /?indicator=age_0_5&measure=share&year=2016&district=07&compare=11&mode=change&from=2011&lang=da

The parameters are declared once, here, and every value is checked here once, against the dataset: a value the
dataset cannot show falls back to its default and is named among what was ignored, never an error page. A
``View`` is always a view the dataset can draw, so whoever holds one (a callback, ``/embed``, ``/export/*``,
``python app.py export``) needs no check of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from urllib.parse import parse_qsl, urlencode

from data.model import Dataset, Series
from layers.i18n import t
from layers.plain_text import visible
from layers.registry import MEASURES
from layers.status import SHOWN
from layers.text import DEFAULT_LANGUAGE, LANGUAGES
from view.modes import DEFAULT_MODE, MODES, Layer, Mode
from view.years import as_year

MAX_QUERY_LENGTH = 2000  # longer addresses are not read at all: no view needs a tenth of this
SHOWN_CHARS = 40  # of an ignored name or value, in the notice


def _year(dataset: Dataset, value: object) -> int | None:
    year = as_year(value)
    return year if year in dataset.years else None


def _district(dataset: Dataset, value: object) -> str | None:
    return value if isinstance(value, str) and value in dataset.district_ids else None


def _member(known: Callable[[Dataset], object]) -> Callable[[Dataset, object], object | None]:
    return lambda dataset, value: value if isinstance(value, str) and value in known(dataset) else None


@dataclass(frozen=True)
class Parameter:
    """One parameter of the address: the ``View`` field it sets, its default, and its check against a dataset."""

    name: str
    field: str
    default: Callable[[Dataset], object]
    check: Callable[[Dataset, object], object | None]  # the usable value, or None when the value is not one


PARAMETERS: tuple[Parameter, ...] = (
    Parameter("indicator", "indicator", lambda d: d.info.default_indicator, _member(lambda d: d.indicators)),
    Parameter("measure", "measure", lambda d: d.info.default_measure, _member(lambda d: MEASURES)),
    Parameter("year", "year", lambda d: d.info.default_year, _year),
    Parameter("district", "district", lambda d: None, _district),
    Parameter("compare", "compare", lambda d: None, _district),
    Parameter("mode", "mode", lambda d: DEFAULT_MODE, _member(lambda d: MODES)),
    Parameter("from", "from_year", lambda d: d.years[0], _year),
    Parameter("lang", "lang", lambda d: DEFAULT_LANGUAGE, _member(lambda d: LANGUAGES)),
)
PARAMETER_NAMES = tuple(parameter.name for parameter in PARAMETERS)


@dataclass(frozen=True)
class View:
    """One view of a dataset, every value checked: build it with ``View.parse`` or ``View.checked``."""

    indicator: str
    measure: str
    year: int
    mode: str
    from_year: int  # "from" in the address: the year a change is counted from
    district: str | None
    compare: str | None
    lang: str

    @classmethod
    def checked(cls, dataset: Dataset, values: Mapping[str, object]) -> tuple[View, tuple[str, ...]]:
        """The view ``values`` ask for (by parameter name), and what could not be used, as ``name=value``.

        A value that is absent, empty or ``None`` takes its default quietly. A measure the indicator has not got
        (a count of a share that arrived as a share) becomes one it has, quietly too: the address was right for
        another indicator.
        """
        chosen, ignored = {}, []
        for parameter in PARAMETERS:
            given = values.get(parameter.name)
            given = given.strip() if isinstance(given, str) else given
            usable = parameter.check(dataset, given) if given not in (None, "") else None
            if given not in (None, "") and usable is None:
                ignored.append(visible(f"{parameter.name}={str(given)[:SHOWN_CHARS]}"))
            chosen[parameter.field] = usable if usable is not None else parameter.default(dataset)
        available = dataset.measures_of(chosen["indicator"])
        if chosen["measure"] not in available:
            default = dataset.info.default_measure
            chosen["measure"] = default if default in available else available[0]
        return cls(**chosen), tuple(ignored)

    @classmethod
    def parse(cls, dataset: Dataset, query: object) -> tuple[View, tuple[str, ...]]:
        """The view in a query string (with or without '?'), and what was ignored: unknown or repeated
        parameters by name, unusable values as ``name=value``.

        >>> from data.load import load_dataset
        >>> from data.make_demo import DEMO_FOLDER
        >>> view, ignored = View.parse(load_dataset(DEMO_FOLDER), "?year=2013&district=07&colour=red&mode=sideways")
        >>> view.year, view.district, view.mode, ignored
        (2013, '07', 'value', ('colour', 'mode=sideways'))
        """
        text = query if isinstance(query, str) and len(query) <= MAX_QUERY_LENGTH else ""
        given, unknown = {}, []
        for name, value in parse_qsl(text.lstrip("?"), keep_blank_values=True):
            if name not in PARAMETER_NAMES or name in given:
                unknown.append(visible(name[:SHOWN_CHARS]))
            else:
                given[name] = value
        view, unusable = cls.checked(dataset, given)
        return view, (*unknown, *unusable)

    @classmethod
    def default(cls, dataset: Dataset) -> View:
        """The view a plain address opens on."""
        return cls.checked(dataset, {})[0]

    def values(self) -> dict[str, object]:
        """The view by parameter name, as the address writes it."""
        return {parameter.name: getattr(self, parameter.field) for parameter in PARAMETERS}

    def query(self) -> str:
        """The address's query string for this view, leaving out what is empty.

        >>> View("age_0_5", "share", 2016, "value", 2011, None, None, "en").query()
        '?indicator=age_0_5&measure=share&year=2016&mode=value&from=2011&lang=en'
        """
        present = [(name, str(value)) for name, value in self.values().items() if value not in (None, "")]
        return "?" + urlencode(present) if present else ""

    def with_year(self, year: int) -> View:
        return replace(self, year=year)

    # What the view draws, worked out from the dataset it was checked against.
    def series(self, dataset: Dataset) -> Series:
        return dataset.series[self.indicator, self.measure]

    @property
    def mode_spec(self) -> Mode:
        return MODES[self.mode]

    def layer(self, dataset: Dataset) -> Layer:
        """What the map colours: values, statuses, unit and classes over all years, for this view's mode."""
        return self.mode_spec.layer(self.series(dataset), dataset.years.index(self.from_year))

    def measure_words(self, dataset: Dataset) -> str:
        """The measure as the title says it: 'andel af indbyggerne', 'number', 'per 1,000 residents'."""
        series = self.series(dataset)
        return series.measure_spec.label_for(series.indicator.family, self.lang)

    def title(self, dataset: Dataset) -> str:
        """The view's title with ``{year}`` where the year goes (the browser fills it as the slider moves)."""
        return self.mode_spec.title(self.series(dataset), self.measure_words(dataset), self.from_year, self.lang)

    def sentence(self, dataset: Dataset, year: int | None = None) -> str:
        """What the map shows in ``year`` (the view's own by default), in one sentence."""
        year_index = dataset.years.index(self.year if year is None else year)
        return self.mode_spec.sentence(
            dataset, self.series(dataset), dataset.years.index(self.from_year), year_index, self.lang,
            self.measure_words(dataset),
        )  # fmt: skip

    def legend_note(self, dataset: Dataset) -> str:
        return self.mode_spec.legend_note(dataset, self.from_year, self.lang)


def ignored_notice(ignored: tuple[str, ...], lang: str) -> str:
    """The quiet notice of what an address asked for that could not be used, or nothing."""
    return t("url_ignored", lang, parameters=", ".join(ignored)) if ignored else ""


def nearest_year_with_figures(dataset: Dataset, view: View) -> int:
    """The view's year when its indicator has a figure to show in it, else the nearest year that has one (the later
    of two as near), so that picking an indicator with fewer years, or opening a link to a year it lacks, never
    opens on an empty map. With no figures anywhere, the year stays.
    """
    series = view.series(dataset)
    shown = [year for year, status in zip(dataset.years, series.status, strict=True) if (status == SHOWN.code).any()]
    if not shown or view.year in shown:
        return view.year
    return min(shown, key=lambda candidate: (abs(candidate - view.year), -candidate))
