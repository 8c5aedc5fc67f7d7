"""Text in the interface's languages, the one shape every user-facing label in the registry takes.

Danish is the default and always given, and the registries give all three. Swedish may be missing in a
dataset's own texts (``indicators.csv`` has ``title_da`` and ``title_en``, and may have ``title_sv``): a Swedish
text that is missing is read in Danish, not English. Danish is the dataset's own language (its English is often a
copy of the Danish, or a translation of it), the words are mostly the same words ("skoledistrikt",
"skoldistrikt"), and written Danish is read by Swedish readers without help; a place's own name, which no
translation touches, is Danish anyway. ``FALLBACK`` holds that rule, and tests/unit/test_locales.py checks it.
"""

from __future__ import annotations

from dataclasses import dataclass

LANGUAGES = ("da", "en", "sv")
DEFAULT_LANGUAGE = "da"
# Each language's name in itself, as the language switch offers it.
LANGUAGE_NAMES = {"da": "Dansk", "en": "English", "sv": "Svenska"}
# The language a missing text is read in instead (see the module's docstring for why Swedish falls back to Danish).
FALLBACK = {"sv": "da"}


def language(value: object) -> str:
    """A supported language code, falling back to Danish for anything else (an address's ``?lang=``, a callback's
    input, a request's argument: all read here).

    >>> language("en"), language("sv"), language("xx"), language('"><script>'), language(None)
    ('en', 'sv', 'da', 'da', 'da')
    """
    return value if isinstance(value, str) and value in LANGUAGES else DEFAULT_LANGUAGE


@dataclass(frozen=True)
class Text:
    """A label in Danish, English and (where given) Swedish; an unknown language reads the Danish.

    >>> Text("Boliger", "Dwellings", "Bostäder")("sv"), Text("Boliger", "Dwellings")("en")
    ('Bostäder', 'Dwellings')
    >>> Text("Skoledistrikt", "School district")("sv")
    'Skoledistrikt'
    """

    da: str
    en: str
    sv: str = ""

    def __call__(self, lang: str) -> str:
        if lang not in LANGUAGES:
            return self.da
        own = getattr(self, lang)
        return own if own or lang not in FALLBACK else self(FALLBACK[lang])
