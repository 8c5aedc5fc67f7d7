"""Loading a dataset folder into the read-only model, with an error a person can act on for every defect."""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd

from data.binary import BinaryCopy, StaleCopy, read_binary_copy
from data.districts import read_boundaries
from data.files import (
    BINARY_FOLDER,
    DISTRICTS_FILE,
    INDICATOR_COLUMNS,
    INDICATORS_FILE,
    PACKAGE_FILE,
    STATISTICS_COLUMNS,
    STATISTICS_FILE,
)
from data.model import Dataset, DatasetInfo, Indicator
from data.series import all_series
from data.version import dataset_version
from layers.errors import InputError
from layers.families import UNITS, Category, Family
from layers.plain_text import as_text, check_id
from layers.registry import (
    DEFAULT_MEASURE,
    FAMILY_BY_ID,
    OTHER_FAMILY,
    fallback_family,
    family_slug,
    lookup,
)
from layers.status import CODE_OF_WORD, MISSING, SHOWN, WORDS_IN_FILES
from layers.text import Text

LOG = logging.getLogger(__name__)


def _read_json(path: Path) -> dict:
    if not path.is_file():
        raise InputError(
            f"{path}: missing. A dataset folder needs {PACKAGE_FILE}, {DISTRICTS_FILE}, {STATISTICS_FILE} and {INDICATORS_FILE}."
        )
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise InputError(
            f"{path}: not valid JSON at line {error.lineno}, column {error.colno} ({error.msg})."
        ) from error
    except UnicodeDecodeError as error:
        raise InputError(f"{path}: not UTF-8 text ({error.reason}). Save it as UTF-8.") from error


def _read_csv(path: Path, columns: tuple[str, ...]) -> pd.DataFrame:
    if not path.is_file():
        raise InputError(f"{path}: missing. Every dataset folder needs it.")
    try:
        table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except UnicodeDecodeError as error:
        raise InputError(f"{path}: not UTF-8 text ({error.reason}). Save it as UTF-8.") from error
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        raise InputError(f"{path}: cannot be read as CSV ({error}).") from error
    missing = [column for column in columns if column not in table.columns]
    if missing:
        raise InputError(
            f"{path}: the column(s) {', '.join(missing)} are missing; the header must have {', '.join(columns)}."
        )
    return table


def _object(value: object) -> dict:
    # A part of datapackage.json that should be an object; anything else (a hand edit gone wrong) counts as empty.
    return value if isinstance(value, dict) else {}


def _first(value: object) -> dict:
    return _object(value[0]) if isinstance(value, list) and value else {}


# The Swedish of the generic Danish words for a district (the importer's default); a dataset's own word ("bydel")
# has no Swedish unless the dataset gives one, and reads as the Danish (layers.text.FALLBACK).
SWEDISH_TERMS = {"distrikt": "distrikt", "distrikter": "distrikt"}


def _term(term: dict, suffix: str, danish: str, english: str) -> Text:
    """What a district is called, singular (``suffix`` "") or plural ("_plural"), in each language."""
    da = as_text(term.get(f"da{suffix}"), danish)
    return Text(
        da, as_text(term.get(f"en{suffix}"), english), as_text(term.get(f"sv{suffix}"), SWEDISH_TERMS.get(da, ""))
    )


def _info(package: dict, path: Path) -> DatasetInfo:
    # Every text is read with as_text (layers/plain_text.py): the title '{"$ne":1}' is that text, never an object.
    package = _object(package)
    own = _object(package.get("distriktskort"))
    term = _object(own.get("district_term"))
    reference = _object(own.get("reference_date"))
    licence = _first(package.get("licenses"))
    sources = package.get("sources") if isinstance(package.get("sources"), list) else []
    disclosure = _object(own.get("disclosure"))
    try:
        default_year = int(own.get("default_year") or 0)
    except (TypeError, ValueError, OverflowError) as error:  # OverflowError: JSON's Infinity
        raise InputError(
            f"{path}: distriktskort.default_year must be a year, got {own.get('default_year')!r:.60}."
        ) from error
    min_count = disclosure.get("min_count")
    title = as_text(package.get("title"), path.parent.name)
    return DatasetInfo(
        title=title,
        description=as_text(package.get("description")),
        area_name=as_text(own.get("area_name"), title),
        # Swedish is optional everywhere: a text without it is read in Danish (layers.text.FALLBACK).
        district_term=_term(term, "", "distrikt", "district"),
        district_term_plural=_term(term, "_plural", "distrikter", "districts"),
        fictional=bool(own.get("fictional", False)),
        licence=as_text(licence.get("title") or licence.get("name")),
        source=", ".join(as_text(_object(source).get("title")) for source in sources if _object(source).get("title")),
        reference_date=Text(as_text(reference.get("da")), as_text(reference.get("en")), as_text(reference.get("sv"))),
        min_count=min_count if isinstance(min_count, int) and not isinstance(min_count, bool) else None,
        default_indicator=as_text(own.get("default_indicator")),
        default_measure=as_text(own.get("default_measure"), DEFAULT_MEASURE),
        default_year=default_year,
        accessibility_contact=as_text(own.get("accessibility_contact")).strip(),
    )


def _family_name(row) -> str:
    return row.family.strip() or OTHER_FAMILY


def _swedish(row, column: str, registry_text: Text | None) -> str:
    """The Swedish text of an ``indicators.csv`` row: its ``<column>_sv`` where the file has one, else the
    registry's Swedish when the row keeps the registry's Danish text (a retitled indicator keeps its own words, read
    in Danish), else nothing, which reads as the Danish (layers.text.FALLBACK)."""
    own = as_text(getattr(row, f"{column}_sv", ""))
    if own or registry_text is None:
        return own
    return registry_text.sv if getattr(row, f"{column}_da") == registry_text.da else ""


def _title(row) -> Text:
    known = lookup(row.id)
    swedish = _swedish(row, "title", known[1].name if known else None)
    return Text(row.title_da or row.id, row.title_en or row.title_da or row.id, swedish)


def _imported_families(table: pd.DataFrame) -> dict[str, Family]:
    """The families the registry does not know, by their name in ``indicators.csv``, in the file's order.

    Each keeps its name as its text and gets a slug for an id (ids go into DOM ids and URLs); its indicators are
    its categories in the order the file lists them, which is the order the data has (3-6 år before 25-29 år).
    """
    taken, rows_of = set(FAMILY_BY_ID), {}
    for row in table.itertuples(index=False):
        if lookup(row.id) is None and _family_name(row) not in FAMILY_BY_ID:
            rows_of.setdefault(_family_name(row), []).append(row)
    families = {}
    titles = {row.id: _title(row) for row in table.itertuples(index=False)}
    for name, rows in rows_of.items():
        categories = tuple(Category(row.id, _title(row)) for row in rows)
        # One published total that every share in the family is taken of: the family can be shown as shares.
        denominators = {row.denominator for row in rows if row.denominator}
        total = denominators.pop() if len(denominators) == 1 else None
        total = Category(total, titles[total]) if total in titles else None
        families[name] = fallback_family(family_slug(name, taken), name, categories, total)
        taken.add(families[name].id)
    return families


def _indicators(table: pd.DataFrame) -> dict[str, Indicator]:
    imported = _imported_families(table)
    indicators = {}
    for row in table.itertuples(index=False):
        known = lookup(row.id)
        family = known[0] if known else FAMILY_BY_ID.get(_family_name(row)) or imported[_family_name(row)]
        indicators[row.id] = Indicator(
            id=check_id(row.id, f"{INDICATORS_FILE}: id"),
            family=family,
            title=_title(row),
            description=Text(
                row.description_da,
                row.description_en or row.description_da,
                _swedish(row, "description", known[0].description if known else None),
            ),
            denominator=row.denominator or None,
            source=row.source,
            unit=row.unit if row.unit in UNITS else "count",
        )
    return indicators


def _numbers(column: pd.Series) -> pd.Series:
    """``pd.to_numeric(column, errors="coerce")``, each distinct text converted once: 3.7 million rows hold some
    thousands of distinct figures and a handful of years, and converting them row by row took a third of a load.

    >>> _numbers(pd.Series(["7", "x", "7", ""])).tolist()
    [7.0, nan, 7.0, nan]
    """
    codes, distinct = pd.factorize(column, use_na_sentinel=False)
    return pd.Series(pd.to_numeric(pd.Series(distinct), errors="coerce").to_numpy()[codes], index=column.index)


def _statistics(table: pd.DataFrame, path: Path, district_ids: list[str], indicators: dict) -> pd.DataFrame:
    line = table.index + 2  # the header is line 1
    for column, allowed, what in (
        ("district_id", set(district_ids), f"a district in {DISTRICTS_FILE}"),
        ("indicator", set(indicators), f"an indicator in {INDICATORS_FILE}"),
        ("status", set(CODE_OF_WORD), WORDS_IN_FILES),
    ):
        bad = ~table[column].isin(allowed)
        if bad.any():
            first = bad.idxmax()
            raise InputError(
                f"{path}, line {line[first]}: {column} {table.at[first, column]!r} is not {what} ({bad.sum()} such rows)."
            )
    years = _numbers(table["year"])
    values = _numbers(table["value"])
    for bad, field, expected in (
        (years.isna() | (years % 1 != 0) | ~years.between(1000, 9999), "year", "a year of four digits"),
        (
            values.isna() & (table["status"] == SHOWN.word),
            "value",
            f"a number (leave it empty and set status to '{MISSING.word}' if there is none)",
        ),
    ):
        if bad.any():
            first = bad.idxmax()
            raise InputError(f"{path}, line {line[first]}: {field} {table.at[first, field]!r} is not {expected}.")
    tidy = table.assign(
        year=years.astype(int),
        value=values.where(table["status"] == SHOWN.word),
        # Each row's indicator and district as positions: duplicates are found, and the cube filled, on numbers.
        indicator_at=pd.Index(list(indicators)).get_indexer(table["indicator"]),
        district_at=pd.Index(district_ids).get_indexer(table["district_id"]),
    )
    cell = (tidy["indicator_at"] * len(district_ids) + tidy["district_at"]).astype(np.int64) * 10_000 + tidy["year"]
    duplicated = cell.duplicated(keep="first")
    if duplicated.any():
        first = duplicated.idxmax()
        raise InputError(
            f"{path}, line {line[first]}: a second row for district {tidy.at[first, 'district_id']}, {tidy.at[first, 'year']}, {tidy.at[first, 'indicator']}."
        )
    return tidy


def _cube(
    tidy: pd.DataFrame, indicator_ids: list[str], years: list[int], district_ids: list[str]
) -> tuple[np.ndarray, np.ndarray]:
    shape = (len(indicator_ids), len(years), len(district_ids))
    # Duplicates were refused (_statistics): each row fills one cell, and a cell without a row is missing.
    at = (
        tidy["indicator_at"].to_numpy(),
        np.searchsorted(np.asarray(years), tidy["year"].to_numpy()),
        tidy["district_at"].to_numpy(),
    )
    values = np.full(shape, np.nan)
    values[at] = tidy["value"].to_numpy(dtype=float)
    codes, words = pd.factorize(tidy["status"], use_na_sentinel=False)
    status = np.full(shape, MISSING.code, dtype=np.int8)
    status[at] = np.array([CODE_OF_WORD[word] for word in words], dtype=np.int8)[codes]
    # Read-only, as the binary copy's mapped arrays are: the model does not change after loading.
    values.flags.writeable = status.flags.writeable = False
    return values, status


def _with_defaults(info: DatasetInfo, indicators: Mapping[str, Indicator], years: tuple[int, ...]) -> DatasetInfo:
    return replace(
        info,
        default_indicator=info.default_indicator if info.default_indicator in indicators else next(iter(indicators)),
        default_year=info.default_year if info.default_year in years else int(years[-1]),
    )


def _from_open_files(folder: Path, info: DatasetInfo) -> Dataset:
    """The dataset as its open files give it: every file parsed and checked, every series classified."""
    boundaries = read_boundaries(folder / DISTRICTS_FILE, _read_json(folder / DISTRICTS_FILE))
    district_ids = list(boundaries.district_ids)
    indicators = _indicators(_read_csv(folder / INDICATORS_FILE, INDICATOR_COLUMNS))
    tidy = _statistics(
        _read_csv(folder / STATISTICS_FILE, STATISTICS_COLUMNS), folder / STATISTICS_FILE, district_ids, indicators
    )
    if tidy.empty:
        raise InputError(f"{folder / STATISTICS_FILE}: has no figures.")
    years = tuple(int(year) for year in sorted(tidy["year"].unique().tolist()))
    counts, status = _cube(tidy, list(indicators), list(years), district_ids)
    return Dataset(
        folder=folder,
        info=_with_defaults(info, indicators, years),
        district_ids=boundaries.district_ids,
        district_names=boundaries.district_names,
        years=years,
        indicators=indicators,
        series=all_series(indicators, counts, status),
        geojson=boundaries.geojson,
        geojson_hash=hashlib.sha256(boundaries.web_geojson).hexdigest()[:16],
        bounds=boundaries.bounds,
        feature_keys=boundaries.keys,
        label_points=boundaries.label_points,
        feature_of_year=boundaries.feature_of_year(years),
        web_geojson=boundaries.web_geojson,
        district_of_feature=boundaries.district_of_feature,
        neighbours=boundaries.neighbours,
        version=dataset_version(folder),
        figures=counts,
        figure_status=status,
    )


def _from_binary_copy(folder: Path, info: DatasetInfo, copy: BinaryCopy) -> Dataset:
    """The same dataset from its binary copy (data/binary.py): only the small files are parsed.

    ``indicators.csv`` is read as the open-files path reads it, so the registry of this version of the app decides
    the families, measures and texts; the copy adds the figures, the classes and the districts' derived tables.
    """
    indicators = _indicators(_read_csv(folder / INDICATORS_FILE, INDICATOR_COLUMNS))
    if tuple(indicators) != copy.indicator_ids:
        raise StaleCopy(f"its indicators are not those of {INDICATORS_FILE}")
    return Dataset(
        folder=folder,
        info=_with_defaults(info, indicators, copy.years),
        district_ids=copy.district_ids,
        district_names=copy.district_names,
        years=copy.years,
        indicators=indicators,
        series=all_series(indicators, copy.figures, copy.figure_status, copy.classes),
        geojson=copy.geojson,
        geojson_hash=hashlib.sha256(copy.web_geojson).hexdigest()[:16],
        bounds=copy.bounds,
        feature_keys=copy.feature_keys,
        label_points=copy.label_points,
        feature_of_year=copy.feature_of_year,
        web_geojson=copy.web_geojson,
        district_of_feature=copy.district_of_feature,
        neighbours=copy.neighbours,
        version=copy.version,
        figures=copy.figures,
        figure_status=copy.figure_status,
    )


def load_dataset(folder: Path, *, binary_copy: bool = True) -> Dataset:
    """Load and check a dataset folder (the format is described in the README).

    The folder's binary copy (data/binary.py) is used when it matches the open files, and gives the same
    ``Dataset``; otherwise, or with ``binary_copy=False``, the open files are read. A copy that is there but does
    not match is named in one logged line that says how to refresh it.

    Raises ``InputError`` naming the file, line, field and value of the first problem found.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(
            f"{folder}: no such dataset folder. Give a folder made by 'python app.py import', or leave --dataset out for the demo."
        )
    info = _info(_read_json(folder / PACKAGE_FILE), folder / PACKAGE_FILE)
    if binary_copy:
        try:
            return _from_binary_copy(folder, info, read_binary_copy(folder))
        except StaleCopy as reason:
            there = (folder / BINARY_FOLDER).exists()
            LOG.log(
                logging.WARNING if there else logging.INFO,
                "distriktskort: %s: the binary copy is not used (%s); reading the open files instead, which is "
                "slower. Refresh it with: python app.py reindex --dataset %s",
                folder,
                reason,
                folder,
            )
    return _from_open_files(folder, info)
