"""A year, from whatever a link or a browser sends: ASCII digits or a whole number, nothing else.

``str.isdigit`` is true for '²' and '①', which ``int`` then refuses, and JSON's ``Infinity`` or ``1e999999`` arrive
as a float that ``int`` cannot convert; each of those once turned a link or a callback into a 500.
"""

from __future__ import annotations

import math

MAX_YEAR_DIGITS = 6  # no dataset reaches year 999,999; longer digit strings are not worth converting


def as_year(value: object) -> int | None:
    """The year ``value`` names, or None when it names none.

    >>> as_year("2016"), as_year(2016), as_year(2016.0), as_year(" 2016 ")
    (2016, 2016, 2016, 2016)
    >>> as_year("²"), as_year("①"), as_year(float("inf")), as_year(2016.5), as_year(True), as_year("-1")
    (None, None, None, None, None, None)
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if math.isfinite(value) and value.is_integer() else None
    if isinstance(value, str):
        text = value.strip()
        if text.isascii() and text.isdigit() and len(text) <= MAX_YEAR_DIGITS:
            return int(text)
    return None
