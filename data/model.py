"""The read-only model of a loaded dataset: districts, years, and value arrays per indicator and measure."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

import numpy as np

from layers.classify import Classes
from layers.families import Family, Unit
from layers.registry import MEASURES, Measure
from layers.text import Text
from stats.disclosure import DEFAULT_MIN_COUNT


@dataclass(frozen=True)
class Indicator:
    """One row of ``indicators.csv``, with its registry family resolved."""

    id: str
    family: Family
    title: Text
    description: Text
    denominator: str | None
    source: str
    unit: str = "count"  # as in indicators.csv: count, number, percent or per_1000


@dataclass(frozen=True)
class Series:
    """One indicator in one measure over all years: arrays shaped (years, districts).

    ``status`` holds a ``layers.status.Status.code`` per cell, and ``values`` is NaN wherever it is not
    ``SHOWN.code``. ``counts`` and ``denominators`` are the figures a share was computed from (the denominator is
    NaN for a plain count). ``measure`` is the measure's id, as in files and addresses; ``measure_spec`` is what it
    does.
    """

    indicator: Indicator
    measure: str
    unit: Unit
    values: np.ndarray
    counts: np.ndarray
    denominators: np.ndarray
    status: np.ndarray
    classes: Classes | None
    signed: bool = False

    @property
    def measure_spec(self) -> Measure:
        return MEASURES[self.measure]


@dataclass(frozen=True)
class DatasetInfo:
    """What ``datapackage.json`` says about the dataset as a whole."""

    title: str
    description: str
    area_name: str
    district_term: Text
    district_term_plural: Text
    fictional: bool
    licence: str
    source: str
    reference_date: Text
    min_count: int | None
    default_indicator: str
    default_measure: str
    default_year: int
    # Whom to tell about an accessibility problem (an e-mail address or a web address), for the accessibility
    # statement (ui/statement.py); empty when the dataset names no one.
    accessibility_contact: str = ""

    @property
    def hidden_below(self) -> int:
        """The N in "fewer than N people" that readers are told a hidden figure counts: the dataset's ``min_count``,
        or the default rule's when the dataset gives none or 0 (0: the publisher hid figures by a rule of its own).
        The one place this threshold is chosen; sentences and tooltips ask for it.

        >>> from dataclasses import replace
        >>> info = DatasetInfo("", "", "", Text("", ""), Text("", ""), False, "", "", Text("", ""), None, "", "", 2020)
        >>> info.hidden_below, replace(info, min_count=3).hidden_below, replace(info, min_count=0).hidden_below
        (5, 3, 5)
        """
        return self.min_count or DEFAULT_MIN_COUNT


@dataclass(frozen=True)
class Dataset:
    """A loaded dataset folder. Nothing in it changes after loading."""

    folder: Path
    info: DatasetInfo
    district_ids: tuple[str, ...]
    district_names: tuple[str, ...]
    years: tuple[int, ...]
    indicators: Mapping[str, Indicator]
    series: Mapping[tuple[str, str], Series]
    geojson: bytes = field(repr=False)  # the shapes as stored, for downloads
    geojson_hash: str  # of web_geojson: its URL changes exactly when it does
    bounds: tuple[float, float, float, float]  # west, south, east, north in degrees
    feature_keys: tuple[str, ...] = ()  # per shape in the GeoJSON: what the map matches on
    label_points: tuple[tuple[float, float], ...] = ()  # per shape: (lon, lat) well inside its largest part
    feature_of_year: np.ndarray = field(default=None, repr=False)  # (years, districts): shape drawn, -1 for none
    web_geojson: bytes = field(default=b"", repr=False)  # the map's copy of the shapes (geo/web.py)
    district_of_feature: tuple[int, ...] = ()  # per shape: the district it belongs to
    neighbours: tuple[tuple[int, ...], ...] = ()  # per shape: the shapes sharing a border with it (geo/neighbours.py)
    version: str = ""  # a short hash of the files it was loaded from (data/version.py), for citations
    # The figures of statistics.csv as loaded, (indicators in ``indicators`` order, years, districts): values
    # (NaN where a figure is not shown) and status codes. Every series is made from them; the binary copy keeps them.
    figures: np.ndarray = field(default=None, repr=False)
    figure_status: np.ndarray = field(default=None, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "indicators", MappingProxyType(dict(self.indicators)))
        object.__setattr__(self, "series", MappingProxyType(dict(self.series)))

    def measures_of(self, indicator_id: str) -> tuple[str, ...]:
        """The measures this dataset can show for an indicator."""
        return tuple(measure for (known, measure) in self.series if known == indicator_id)
