"""What a district's figure can be: shown, hidden to protect individuals, or missing. One registry, one code each.

A status's ``code`` is the one integer encoding everywhere: in every status array (``data.model.Series.status``),
and as the colour code the map draws a district with. A shown figure is coloured by its class, whose codes start at
``FIRST_CLASS_CODE``, so the two hidden statuses keep their own codes below the classes. ``word`` is what
``statistics.csv`` and every export write. Everything a status says (its legend entry, its tooltip, its short form
in the ranking, its sentence) is a locale key ``<kind>_<word>`` in ``assets/locales``; code asks the status, never a
literal.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from layers.i18n import t

# "No figure" is white under a dark diagonal hatch wherever it is drawn (map, legend; pictures use a dotted outline
# instead, see exports/images.py): a flat pale grey sat 0.6 ΔE2000 from the white middle of a diverging scale, so a
# missing figure read as "no change".
MISSING_COLOUR = "#ffffff"
MISSING_HATCH = "#51626b"
# "Hidden" is a mid grey chosen to stay at least 10 ΔE2000 from every class colour of every palette the app uses,
# under normal vision, deuteranopia and protanopia (tests/unit/test_colour_vision.py). Lighter or darker greys meet
# the magentas of PuRd under colour-vision deficiency; #6e6e6e is the grey with the widest margin.
SUPPRESSED_COLOUR = "#6e6e6e"
# The kinds of text a status that is not shown says, each a locale key "<kind>_<word>" in every language.
TEXT_KINDS = ("legend", "hover", "ranking_value", "sentence")


@dataclass(frozen=True)
class Status:
    """One status: its code, its word in files, and the colour it is drawn in (``None``: its class's colour)."""

    code: int
    word: str
    colour: str | None

    @property
    def shown(self) -> bool:
        return self.colour is None

    def says(self, kind: str, lang: str, **values: object) -> str:
        """What this status says as a ``kind`` of text: legend, hover, ranking_value or sentence.

        >>> MISSING.says("legend", "en"), SUPPRESSED.says("ranking_value", "da")
        ('No figures', 'skjult')
        """
        return t(f"{kind}_{self.word}", lang, **values)


MISSING = Status(0, "missing", MISSING_COLOUR)
SUPPRESSED = Status(1, "suppressed", SUPPRESSED_COLOUR)
SHOWN = Status(2, "", None)
STATUSES: tuple[Status, ...] = (MISSING, SUPPRESSED, SHOWN)  # in the order of their codes
HIDDEN: tuple[Status, ...] = (SUPPRESSED, MISSING)  # as the legend lists them
BY_WORD = {status.word: status for status in STATUSES}
FIRST_CLASS_CODE = SHOWN.code  # a shown district's colour code is FIRST_CLASS_CODE + the index of its class
CODE_OF_WORD = {status.word: status.code for status in STATUSES}  # how statistics.csv's status column is read
# When two figures make one (a share from a count and its denominator, a change from two years' figures), the
# result takes the status that comes later here: hidden beats shown, and missing beats hidden. A result that is
# missing tells nothing a hidden one would protect, and this is the order the figures have always combined in.
PRECEDENCE: tuple[Status, ...] = (SHOWN, SUPPRESSED, MISSING)
_RANK_OF_CODE = np.array([PRECEDENCE.index(status) for status in STATUSES])  # indexed by code
# How an error message lists what a file's status column may hold: "empty, 'suppressed' or 'missing'".
WORDS_IN_FILES = "empty, " + " or ".join(f"'{status.word}'" for status in PRECEDENCE if status.word)


def status_of_word(word: object) -> Status | None:
    """The status a file writes as ``word`` (blank for shown), or ``None`` for a word that is not one.

    >>> status_of_word("suppressed").code, status_of_word(" ").code, status_of_word("secret")
    (1, 2, None)
    """
    return BY_WORD.get(word.strip().lower() if isinstance(word, str) else "")


def worst(first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """The status codes of figures made from two others, cell by cell: the later of the two in ``PRECEDENCE``.

    >>> shown, hidden, missing = SHOWN.code, SUPPRESSED.code, MISSING.code
    >>> worst(np.array([shown, shown, hidden, missing]), np.array([shown, hidden, missing, hidden])).tolist()
    [2, 1, 0, 0]
    """
    first, second = np.asarray(first), np.asarray(second)
    return np.where(_RANK_OF_CODE[first] >= _RANK_OF_CODE[second], first, second)
