"""Text read from a dataset folder, kept as the text it is.

A dataset folder may come from anywhere: downloaded, or edited by hand. Its names and titles are shown on the page
and written into every export, so each is read as a plain string here, once:

- a JSON object or list where text belongs (as GDAL once wrote the name ``{"$ne":1}``) becomes its JSON text again,
  never Python's ``repr`` of it, and never an object that a component would try to draw;
- a lone surrogate, which JSON allows and UTF-8 cannot encode, becomes U+FFFD instead of failing every response.

Ids are codes, not prose: ``check_id`` refuses the few that would break the page's pickers.
"""

from __future__ import annotations

import json
import math
import re

from layers.errors import InputError

MAX_ID_CHARS = 200  # also the importer's limit on names (importer/checks.py uses it)
# The pickers' search (Dash's dropdown, js-search) files every substring of a label and value under a plain object
# key; '__proto__' as a key writes onto every object in the page instead.
PROTOTYPE_KEY = "__proto__"
SURROGATE = re.compile("[\ud800-\udfff]")
CONTROL_PICTURES = 0x2400  # U+2400 + n is the visible picture of control character n (␀ … ␟)
C0_CONTROLS = re.compile("[\x00-\x1f]")


def as_text(value: object, default: str = "") -> str:
    """``value`` as text: a string as it is, a number as its digits, an object or list as its JSON, nothing as
    ``default``.

    >>> as_text("Nørrebro"), as_text({"$ne": 1}), as_text(["a", 1]), as_text(7), as_text(None, "07")
    ('Nørrebro', '{"$ne":1}', '["a",1]', '7', '07')
    >>> as_text("bad \\ud800 half"), as_text(True), as_text(float("inf"))
    ('bad � half', 'true', 'Infinity')
    """
    if value is None or value == "":
        return default
    if isinstance(value, str):
        text = value
    elif isinstance(value, (dict, list, bool)) or (isinstance(value, float) and not math.isfinite(value)):
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    else:
        text = str(value)
    return text if text.isascii() else SURROGATE.sub("\ufffd", text)


def check_id(text: str, what: str) -> str:
    """``text`` when it can serve as an id on the page; else an ``InputError`` naming ``what`` it is.

    >>> check_id("07", "district_id")
    '07'
    >>> check_id("a__PROTO__b", "district_id")
    Traceback (most recent call last):
    ...
    layers.errors.InputError: district_id 'a__PROTO__b' holds '__proto__', which the page's search cannot hold; give it another id.
    """
    if len(text) > MAX_ID_CHARS:
        raise InputError(f"{what} {text[:40]!r}… is {len(text)} characters long; an id has at most {MAX_ID_CHARS}.")
    if PROTOTYPE_KEY in text.casefold():
        raise InputError(
            f"{what} {text[:60]!r} holds {PROTOTYPE_KEY!r}, which the page's search cannot hold; give it another id."
        )
    return text


def visible(text: str) -> str:
    """``text`` with each C0 control character shown as its Unicode picture, for a message that quotes what a
    reader sent: ``lang=sv\\x00`` reads ``lang=sv␀``, not an invisible byte.

    >>> visible("lang=sv\\x00"), visible("a\\tb")
    ('lang=sv␀', 'a␉b')
    """
    return C0_CONTROLS.sub(lambda found: chr(CONTROL_PICTURES + ord(found.group())), text)
