"""Interface texts in Danish and English, and numbers written the way each language writes them.

Texts live in ``assets/locales/<lang>.json``. Numbers are formatted with Babel: Danish writes 1.234,5 and
"12,3 %", English 1,234.5.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from types import MappingProxyType

from babel.numbers import format_decimal, get_decimal_symbol, get_group_symbol, get_minus_sign_symbol

from layers.families import Unit
from layers.text import DEFAULT_LANGUAGE, LANGUAGES

LOCALE_FOLDER = Path(__file__).resolve().parent.parent / "assets" / "locales"
BABEL_LOCALES = MappingProxyType({"da": "da_DK", "en": "en_GB"})
MESSAGES = MappingProxyType(
    {
        lang: MappingProxyType(json.loads((LOCALE_FOLDER / f"{lang}.json").read_text(encoding="utf-8")))
        for lang in LANGUAGES
    }
)


def language(value: object) -> str:
    """A supported language code, falling back to Danish for anything else.

    >>> language("en"), language("xx"), language(None)
    ('en', 'da', 'da')
    """
    return value if isinstance(value, str) and value in LANGUAGES else DEFAULT_LANGUAGE


def t(key: str, lang: str, **values: object) -> str:
    """The text for ``key`` in ``lang``, with ``{placeholders}`` filled in.

    >>> t("year_label", "da"), t("year_label", "en")
    ('År', 'Year')
    """
    return MESSAGES[language(lang)][key].format(**values)


def format_number(value: float, decimals: int, lang: str) -> str:
    """A number with grouping and a fixed number of decimals, as the language writes it.

    >>> format_number(1234.5, 1, "da"), format_number(1234.5, 1, "en"), format_number(-3.0, 0, "da")
    ('1.234,5', '1,234.5', '-3')
    """
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=BABEL_LOCALES[language(lang)])


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
    rounded = round(float(value), decimals) + 0.0  # + 0.0 turns -0.0 into 0.0
    sign = "+" if rounded > 0 else ("−" if rounded < 0 else "")
    return sign + format_number(abs(rounded), decimals, lang)
