"""Text that an import puts on a page: names and titles without control characters, and names of a readable length.

A bell or a newline in a district's name breaks exports and headers, and a 10,000-character name freezes a page.
Such text is refused at the door, with the name of the field it came from, rather than cleaned silently.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from layers.errors import InputError
from layers.plain_text import MAX_ID_CHARS

CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
MAX_NAME = MAX_ID_CHARS  # names as ids: one limit, which loading a dataset keeps too


def check_text(text: str, what: str, *, max_length: int | None = None) -> None:
    """Refuse ``text`` that holds a control character, or is longer than ``max_length``.

    >>> check_text("Nørrebro", "district name")
    >>> check_text("Nør\\arebro", "district name")
    Traceback (most recent call last):
    ...
    layers.errors.InputError: district name 'Nør\\x07rebro' holds a control character (BELL, U+0007). Remove it from the source and import again.
    """
    found = CONTROL.search(text)
    if found:
        character = found.group()
        name = unicodedata.name(character, {"\n": "LINE FEED", "\r": "CARRIAGE RETURN", "\t": "TAB",
                                            "\a": "BELL", "\x00": "NULL"}.get(character, "CONTROL"))  # fmt: skip
        raise InputError(
            f"{what} {text[:60]!r} holds a control character ({name}, U+{ord(character):04X}). "
            "Remove it from the source and import again."
        )
    if max_length is not None and len(text) > max_length:
        raise InputError(
            f"{what} {text[:60]!r}… is {len(text):,} characters long; names may have at most {max_length}. "
            "Shorten it in the source, or choose another field with --name-field."
        )


def check_all(texts: Iterable[str], what: str, *, max_length: int | None = None) -> None:
    """``check_text`` over every distinct text."""
    for text in dict.fromkeys(texts):
        check_text(str(text), what, max_length=max_length)
