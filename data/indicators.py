"""Rows of ``indicators.csv``: from the registry where it knows an indicator, from the user's description where
one is given, and a readable default otherwise."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

import pandas as pd

from data.write import INDICATOR_COLUMNS
from layers.errors import InputError
from layers.registry import lookup

UNITS_IN_FILES = ("count", "number", "percent", "per_1000")


def _readable(indicator_id: str) -> str:
    text = indicator_id.replace("_", " ").strip()
    return text[:1].upper() + text[1:]


def indicator_row(
    indicator_id: str, present: set[str], source: str, described: Mapping[str, str] | None = None
) -> dict:
    """One ``indicators.csv`` row. ``present`` are the ids in the dataset, so a denominator is only named when the
    dataset has it; ``described`` is the user's row for this id, which wins over everything else.

    >>> indicator_row("age_0_5", {"age_0_5", "residents"}, "DST")["denominator"]
    'residents'
    >>> indicator_row("bees", {"bees"}, "DST")["title_da"]
    'Bees'
    """
    known = lookup(indicator_id)
    if known:
        family, category = known
        row = {
            "id": indicator_id, "family": family.id, "category": category.name.da,
            "unit": "number" if category.signed else "count",
            "denominator": family.denominator if family.denominator in present else "",
            "title_da": category.name.da, "title_en": category.name.en,
            "description_da": family.description.da, "description_en": family.description.en, "source": source,
        }  # fmt: skip
    else:
        title = _readable(indicator_id)
        row = {
            "id": indicator_id, "family": "other", "category": title, "unit": "count", "denominator": "",
            "title_da": title, "title_en": title, "description_da": "", "description_en": "", "source": source,
        }  # fmt: skip
    row.update({key: value for key, value in (described or {}).items() if key in INDICATOR_COLUMNS and value})
    return row


def indicator_table(
    ids: Iterable[str], source: str, described: Mapping[str, Mapping[str, str]] | None = None
) -> pd.DataFrame:
    """``indicators.csv`` for a set of indicator ids, in a stable order."""
    present = set(ids)
    described = described or {}
    rows = [
        indicator_row(indicator_id, present, source, described.get(indicator_id)) for indicator_id in sorted(present)
    ]
    return pd.DataFrame(rows, columns=list(INDICATOR_COLUMNS))


def read_descriptions(path: Path) -> dict[str, dict[str, str]]:
    """A user's ``--indicators`` file: the ``indicators.csv`` columns, of which only ``id`` is required."""
    path = Path(path)
    try:
        table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except FileNotFoundError as error:
        raise InputError(f"{path}: no such file.") from error
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        raise InputError(f"{path}: cannot be read as a UTF-8 CSV file ({error}).") from error
    if "id" not in table.columns:
        raise InputError(f"{path}: needs an 'id' column; it may also have {', '.join(INDICATOR_COLUMNS[1:])}.")
    bad_units = table.loc[~table.get("unit", pd.Series("", index=table.index)).isin(("", *UNITS_IN_FILES))]
    if len(bad_units):
        first = bad_units.index[0]
        raise InputError(
            f"{path}, line {first + 2}: unit {table.at[first, 'unit']!r} must be one of {', '.join(UNITS_IN_FILES)}."
        )
    return {
        row["id"].strip(): {key: str(value).strip() for key, value in row.items()} for row in table.to_dict("records")
    }
