"""JSON-stat 2.0, what the PxWeb APIs of Statistics Sweden, Norway and Finland (and cities' statbanks) return: a
cube of values with its dimensions, turned into the same long grid a CSV download gives.

Each dimension becomes a column of its categories' labels; the area dimension (role ``geo``, else the largest)
also gets a column of its codes, so the areas can be matched by either. The status of a value (``..``, ``:``)
stands in for a missing one, as in the CSV.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Sequence

from importer.grid import Grid
from layers.errors import InputError

MAX_CELLS = 5_000_000


def looks_like_jsonstat(text: str) -> bool:
    head = text.lstrip()[:4000]
    return head.startswith("{") and '"dimension"' in text[:200_000] and '"value"' in text


def _categories(dimension: dict, name: str, source: str) -> tuple[list[str], list[str]]:
    category = dimension.get("category") or {}
    index = category.get("index")
    labels = category.get("label") or {}
    if isinstance(index, dict):
        codes = [code for code, _ in sorted(index.items(), key=lambda item: item[1])]
    elif isinstance(index, list):
        codes = [str(code) for code in index]
    elif isinstance(labels, dict) and len(labels) == 1:
        codes = list(labels)
    else:
        raise InputError(f"{source}: dimension {name!r} has no category index. Is it JSON-stat 2.0?")
    return codes, [str(labels.get(code, code)) if isinstance(labels, dict) else code for code in codes]


def _values(data: dict, cells: int, source: str) -> tuple[list, dict]:
    values, status = data.get("value"), data.get("status") or {}
    if isinstance(values, dict):  # sparse: position -> value
        values = [values.get(str(position)) for position in range(cells)]
    if not isinstance(values, list) or len(values) != cells:
        raise InputError(f"{source}: has {len(values or [])} values where its dimensions make {cells}.")
    if isinstance(status, str):
        status = dict.fromkeys(map(str, range(cells)), status)
    elif isinstance(status, list):
        status = {str(position): mark for position, mark in enumerate(status) if mark}
    return values, status


def jsonstat_grid(text: str, source: str) -> Grid:
    """The long grid of a JSON-stat 2.0 dataset: one column per dimension (two for the areas), and the value."""
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as error:
        raise InputError(f"{source}: is not valid JSON ({error}).") from error
    if isinstance(data, dict) and "dataset" in data and "dimension" not in data:
        data = data["dataset"]  # JSON-stat 1.x wraps one dataset
    if not isinstance(data, dict) or not isinstance(data.get("dimension"), dict):
        raise InputError(f"{source}: is JSON but not a JSON-stat dataset (no 'dimension'). Download CSV instead.")
    ids: Sequence[str] = data.get("id") or [key for key in data["dimension"] if key not in ("id", "size", "role")]
    dimensions = [data["dimension"].get(name) or {} for name in ids]
    categories = [_categories(dimension, name, source) for dimension, name in zip(dimensions, ids, strict=True)]
    cells = 1
    for codes, _ in categories:
        cells *= len(codes)
    if cells > MAX_CELLS:
        raise InputError(f"{source}: has {cells:,} cells, more than {MAX_CELLS:,}. Download a smaller selection.")
    values, status = _values(data, cells, source)
    geo = (data.get("role") or {}).get("geo") or []
    area = ids.index(geo[0]) if geo and geo[0] in ids else max(range(len(ids)), key=lambda i: len(categories[i][0]))
    labels = [str(dimension.get("label") or name) for dimension, name in zip(dimensions, ids, strict=True)]
    header = (f"{labels[area]} (code)", *labels, str(data.get("label") or "value"))
    rows = []
    for position, combination in enumerate(itertools.product(*(range(len(codes)) for codes, _ in categories))):
        value = values[position]
        text_value = status.get(str(position), "..") if value is None else str(value)
        row = [categories[area][0][combination[area]]]
        row += [categories[d][1][i] for d, i in enumerate(combination)]
        rows.append((*row, text_value))
    if not rows:
        raise InputError(f"{source}: has no values.")
    title = str(data.get("label") or "")
    return Grid(source, header, tuple(rows), tuple(range(1, len(rows) + 1)), (title,) if title else (), False, "value")
