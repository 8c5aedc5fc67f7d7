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


def validate(long: pd.DataFrame, units: Mapping[str, str]) -> pd.DataFrame:
    """The tidy table (``district_id, year, indicator, value, status``) from long rows whose districts are matched.

    ``units`` gives each indicator's unit: counts may not be negative, percentages must lie within 0–100.
    """
    where = long["where"]
    district_id = long["district"].astype(str)
    years = pd.to_numeric(long["year"].astype(str).str.strip(), errors="coerce")
    bad = years.isna() | (years % 1 != 0)
    if bad.any():
        first = bad.idxmax()
        raise InputError(f"{where[first]}: year {long['year'][first]!r} is not a year. Write it as 2016.")
    values, status = parse_values(long["value"], long["decimal_comma"])
    given = long["status"].astype(str).str.strip().str.lower()
    status = status.where(given == SHOWN.word, given)
    not_number = values.isna() & (status == SHOWN.word)
    if not_number.any():
        first = not_number.idxmax()
        raise InputError(
            f"{where[first]}: value {long['value'][first]!r} for {long['indicator'][first]} is not a number. "
            "Write numbers with digits (decimal comma or point), and '..' or an empty cell where there is none."
        )
    unknown_status = status.map(status_of_word).isna()
    if unknown_status.any():
        first = unknown_status.idxmax()
        raise InputError(f"{where[first]}: status {status[first]!r} must be {WORDS_IN_FILES}.")
    tidy = pd.DataFrame(
        {
            "district_id": district_id,
            "year": years.astype(int),
            "indicator": long["indicator"].astype(str).str.strip(),
            "value": values.where(status == SHOWN.word),
            "status": status,
        }  # fmt: skip
    )
    duplicated = tidy.duplicated(["district_id", "year", "indicator"], keep=False)
    if duplicated.any():
        rows = where[duplicated].tolist()
        first = duplicated.idxmax()
        raise InputError(
            f"{rows[0]} and {rows[1]}: two figures for district {tidy['district_id'][first]}, "
            f"{tidy['year'][first]}, {tidy['indicator'][first]}. Keep one."
        )
    unit = tidy["indicator"].map(units).astype(object).fillna("count")
    for broken, expected in (
        (unit.isin(COUNTED_UNITS) & (tidy["value"] < 0), "a count, which cannot be negative"),
        (
            (unit == "percent") & ((tidy["value"] < 0) | (tidy["value"] > 100)),
            "a percentage, which lies between 0 and 100",
        ),
    ):
        if broken.any():
            first = broken.idxmax()
            raise InputError(
                f"{where[first]}: value {long['value'][first]!r} for {tidy['indicator'][first]} is {expected}. "
                "Fix the figure, or describe the indicator's unit with --indicators."
            )
    return tidy
