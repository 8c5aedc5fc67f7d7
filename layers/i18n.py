"""Interface texts in Danish, English and Swedish, and numbers written the way each language writes them.

Texts live in ``assets/locales/<lang>.json``, one file per language in ``layers.text.LANGUAGES``, each with every
key (tests/unit/test_locales.py). Numbers are formatted with Babel: Danish writes 1.234,5 and "12,3 %", English
1,234.5, Swedish 1 234,5 (a no-break space between thousands, and a true minus, "−3").
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from types import MappingProxyType

from babel.numbers import format_decimal, get_decimal_symbol, get_group_symbol, get_minus_sign_symbol

from layers.families import Unit
from layers.text import LANGUAGES, language

LOCALE_FOLDER = Path(__file__).resolve().parent.parent / "assets" / "locales"
BABEL_LOCALES = MappingProxyType({"da": "da_DK", "en": "en_GB", "sv": "sv_SE"})
MESSAGES = MappingProxyType(
    {
        lang: MappingProxyType(json.loads((LOCALE_FOLDER / f"{lang}.json").read_text(encoding="utf-8")))
        for lang in LANGUAGES
    }
)


def t(key: str, lang: str, **values: object) -> str:
    """The text for ``key`` in ``lang``, with ``{placeholders}`` filled in.

    >>> t("year_label", "da"), t("year_label", "en")
    ('År', 'Year')
    """
    return MESSAGES[language(lang)][key].format(**values)


def _rounded(value: float, decimals: int) -> Decimal:
    # The size of a number at ``decimals`` places, rounded as JavaScript's toFixed rounds: the exact binary value,
    # a tie away from zero. assets/figures.js writes every figure the browser shows this way, so both agree.
    return Decimal(abs(float(value))).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def format_number(value: float, decimals: int, lang: str) -> str:
    """A number with grouping and a fixed number of decimals, as the language writes it; never "-0,0".

    >>> format_number(1234.5, 1, "da"), format_number(1234.5, 1, "en"), format_number(-3.0, 0, "da")
    ('1.234,5', '1,234.5', '-3')
    >>> format_number(-0.04, 1, "da"), format_number(0.25, 1, "en")
    ('0,0', '0.3')
    >>> format_number(-1234.5, 1, "sv")
    '−1\xa0234,5'
    """
    rounded = _rounded(value, decimals)
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    locale = BABEL_LOCALES[language(lang)]
    minus = get_minus_sign_symbol(locale) if value < 0 and rounded else ""
    return minus + format_decimal(rounded, format=pattern, locale=locale)


def number_symbols(lang: str) -> dict[str, str]:
    """What the browser needs to write numbers as ``format_number`` does: Babel's symbols for the language.

    >>> number_symbols("da")
    {'decimal': ',', 'group': '.', 'minus': '-'}
    """
    locale = BABEL_LOCALES[language(lang)]
    return {
        "decimal": get_decimal_symbol(locale),
        "group": get_group_symbol(locale),
        "minus": get_minus_sign_symbol(locale),
    }


def format_value(value: float, unit: Unit, lang: str) -> str:
    """A value with its unit: "12,3 %", "45,0 pr. 1.000" or "1.234". NaN gives an empty string.

    >>> from layers.families import UNITS
    >>> format_value(12.345, UNITS["percent"], "da")
    '12,3 %'
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return format_number(value, unit.decimals, lang) + unit.suffix(lang)


def signed_number(value: float, decimals: int, lang: str) -> str:
    """A change with its sign and a true minus: '+1,2', '−0,4', and '0,0' rather than '-0,0'.

    >>> signed_number(1.23, 1, "da"), signed_number(-0.04, 1, "en"), signed_number(-2.5, 1, "da")
    ('+1,2', '0.0', '−2,5')
    """
    rounded = _rounded(value, decimals)
    sign = ("+" if value > 0 else "−") if rounded else ""
    return sign + format_number(abs(value), decimals, lang)


def write_number(value: float, written: Mapping[str, object], lang: str) -> str:
    """A figure as a view's ``written`` says (decimals, suffix, signed): the one contract that the browser's
    ``writeNumber`` (assets/figures.js) keeps too, checked against it in tests/unit/test_number_formats.py.

    >>> write_number(-0.4, {"decimals": 1, "suffix": " procentpoint", "signed": True}, "da")
    '−0,4 procentpoint'
    """
    decimals, suffix = int(written["decimals"]), str(written["suffix"])
    text = signed_number(value, decimals, lang) if written["signed"] else format_number(value, decimals, lang)
    return text + suffix
