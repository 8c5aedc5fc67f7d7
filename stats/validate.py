"""The one validator every statistics file goes through once its districts are matched: values parsed, figures
checked.

Every refusal names the file, line, field and value, and says what to do.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from layers.errors import InputError
from layers.families import COUNTED_UNITS
from layers.status import MISSING, SHOWN, WORDS_IN_FILES, status_of_word

# What statistics offices write where there is no figure: Danish and Finnish "..", Norwegian "." and ":"
# (confidential), Eurostat ":", and the spreadsheet's own empty cell.
MISSING_MARKERS = ("", "..", "...", "-", ".", "…", ":", "na", "n/a", "nan")


def parse_values(text: pd.Series, decimal_comma: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Numbers and statuses from value text: missing markers become ``missing``; anything else must be a number.

    >>> values, status = parse_values(pd.Series(["1.234,5", "..", "7", "1 234,5", "−3,5", "12,5 %"]), pd.Series([True] * 6))
    >>> values.tolist()[0], status.tolist()[:3], values.tolist()[3:]
    (1234.5, ['', 'missing', ''], [1234.5, -3.5, 12.5])
    >>> parse_values(pd.Series(["1,234.5", "12.5"]), pd.Series([False, False]))[0].tolist()
    [1234.5, 12.5]
    """
    # Spaces (Nordic thousands), a true minus, and a per cent sign after the figure are how people write numbers.
    cleaned = text.astype(str).str.strip().str.replace(r"[\s\u00a0\u202f%]", "", regex=True).str.replace("−", "-")
    comma = decimal_comma.astype(bool)
    cleaned = cleaned.where(~comma, cleaned.str.replace(".", "", regex=False).str.replace(",", ".", regex=False))
    english = ~comma & cleaned.str.fullmatch(r"-?\d{1,3}(,\d{3})+(\.\d+)?")  # 1,234.5 in an English file
    cleaned = cleaned.where(~english, cleaned.str.replace(",", "", regex=False))
    is_missing = cleaned.str.lower().isin(MISSING_MARKERS)
    values = pd.to_numeric(cleaned.where(~is_missing), errors="coerce")
    status = pd.Series(np.where(is_missing, MISSING.word, SHOWN.word), index=text.index)
    return values, status


def where(long: pd.DataFrame, index) -> str:
    """Where the long row ``index`` came from, for a message: 'file.csv, line 12'."""
    return f"{long['place'][index]} {long['line'][index]}"


def _distinct(series: pd.Series, clean=lambda texts: texts) -> tuple[np.ndarray, pd.Index]:
    # Each row's code into the distinct values of ``series`` after ``clean``: a million cells hold a few thousand
    # texts, so each is cleaned once (and two that clean to the same value share a code).
    codes, texts = pd.factorize(series, use_na_sentinel=False)
    cleaned = clean(pd.Series(np.asarray(texts, dtype=object), dtype=str))
    merged, distinct = pd.factorize(cleaned, use_na_sentinel=False)
    return merged[codes], pd.Index(distinct)


def _per_distinct(series: pd.Series, clean) -> pd.Series:
    codes, distinct = _distinct(series, clean)
    return pd.Series(distinct.to_numpy()[codes], index=series.index)


def _text_column(codes: np.ndarray, distinct: pd.Index, index: pd.Index) -> pd.Series:
    # Ids stay categorical: every later step groups and sorts by them, and codes are what grouping needs.
    return pd.Series(pd.Categorical.from_codes(codes, distinct.astype(str)), index=index)


def parse_long(long: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """``parse_values`` of the long rows' value text, each distinct text and decimal mark parsed once."""
    text_codes, texts = pd.factorize(long["value"], use_na_sentinel=False)
    key, pairs = pd.factorize(text_codes.astype(np.int64) * 2 + long["decimal_comma"].to_numpy(dtype=bool))
    texts = pd.Series(np.asarray(texts, dtype=object)[pairs // 2], dtype=str)
    values, status = parse_values(texts, pd.Series(pairs % 2 == 1))
    return (pd.Series(values.to_numpy()[key], index=long.index),
            pd.Series(status.to_numpy(dtype=object)[key], index=long.index, dtype=object))  # fmt: skip


def combined_codes(*codes: np.ndarray) -> np.ndarray:
    """One integer per combination of several columns' codes (each from 0), kept small enough to count with.

    >>> combined_codes(np.array([0, 1, 1]), np.array([2, 0, 2])).tolist()
    [2, 3, 5]
    """
    key = np.zeros(len(codes[0]), dtype=np.int64)
    widest = 2 * len(key) + 1024  # so that counting per key needs an array no longer than about twice the rows
    for column in codes:
        size = int(column.max(initial=0)) + 1
        if (int(key.max(initial=0)) + 1) * size > widest:
            key = pd.factorize(key)[0].astype(np.int64)  # renumbered densely before the range grows too wide
        key = key * size + column
    return pd.factorize(key)[0].astype(np.int64) if int(key.max(initial=0)) > widest else key


def _duplicated(key: np.ndarray) -> np.ndarray:
    # Every row whose key occurs twice or more (duplicated(keep=False)), by counting.
    return np.bincount(key)[key] > 1 if len(key) else np.zeros(0, dtype=bool)


def validate(long: pd.DataFrame, units: Mapping[str, str]) -> pd.DataFrame:
    """The tidy table (``district_id, year, indicator, value, status``) from long rows whose districts are matched.

    ``units`` gives each indicator's unit: counts may not be negative, percentages must lie within 0–100.
    """
    district_codes, district_ids = _distinct(long["district"])
    year_codes, distinct_years = _distinct(
        long["year"], lambda texts: pd.to_numeric(texts.str.strip(), errors="coerce")
    )
    years = pd.Series(distinct_years.to_numpy()[year_codes], index=long.index)
    bad = years.isna() | (years % 1 != 0)
    if bad.any():
        first = bad.idxmax()
        raise InputError(f"{where(long, first)}: year {long['year'][first]!r} is not a year. Write it as 2016.")
    values, parsed = parse_long(long)
    given = _per_distinct(long["status"], lambda texts: texts.str.strip().str.lower()).to_numpy(dtype=object)
    # Plain object arrays while the statuses are worked out: a few words over a million rows.
    words = np.where(given == SHOWN.word, parsed.to_numpy(dtype=object), given)
    shown = words == SHOWN.word
    not_number = values.isna().to_numpy() & shown
    if not_number.any():
        first = long.index[not_number.argmax()]
        raise InputError(
            f"{where(long, first)}: value {long['value'][first]!r} for {long['indicator'][first]} is not a number. "
            "Write numbers with digits (decimal comma or point), and '..' or an empty cell where there is none."
        )
    status = pd.Series(pd.Categorical(words), index=long.index)
    unknown_status = status.isin([word for word in status.cat.categories if status_of_word(word) is None])
    if unknown_status.any():
        first = unknown_status.idxmax()
        raise InputError(f"{where(long, first)}: status {status[first]!r} must be {WORDS_IN_FILES}.")
    indicator_codes, indicator_ids = _distinct(long["indicator"], lambda texts: texts.str.strip())
    tidy = pd.DataFrame(
        {
            "district_id": _text_column(district_codes, district_ids, long.index),
            "year": years.astype(int),
            "indicator": _text_column(indicator_codes, indicator_ids, long.index),
            "value": values.where(shown),
            "status": status,
        }  # fmt: skip
    )
    duplicated = pd.Series(_duplicated(combined_codes(district_codes, year_codes, indicator_codes)), index=tidy.index)
    if duplicated.any():
        rows = [where(long, index) for index in duplicated[duplicated].index[:2]]
        first = duplicated.idxmax()
        raise InputError(
            f"{rows[0]} and {rows[1]}: two figures for district {tidy['district_id'][first]}, "
            f"{tidy['year'][first]}, {tidy['indicator'][first]}. Keep one."
        )
    # Each indicator's unit looked up once, and spread over its rows as flags.
    unit_of = ["count" if pd.isna(units.get(indicator_id)) else units[indicator_id] for indicator_id in indicator_ids]
    counted = pd.Series(
        np.asarray([unit in COUNTED_UNITS for unit in unit_of], dtype=bool)[indicator_codes], index=tidy.index
    )
    percent = pd.Series((np.asarray(unit_of, dtype=object) == "percent")[indicator_codes], index=tidy.index)
    for broken, expected in (
        (counted & (tidy["value"] < 0), "a count, which cannot be negative"),
        (percent & ((tidy["value"] < 0) | (tidy["value"] > 100)), "a percentage, which lies between 0 and 100"),
    ):
        if broken.any():
            first = broken.idxmax()
            raise InputError(
                f"{where(long, first)}: value {long['value'][first]!r} for {tidy['indicator'][first]} is {expected}. "
                "Fix the figure, or describe the indicator's unit with --indicators."
            )
    return tidy
