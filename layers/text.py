"""Bilingual text, the one shape every user-facing label in the registry takes."""

from __future__ import annotations

from dataclasses import dataclass

LANGUAGES = ("da", "en")
DEFAULT_LANGUAGE = "da"


@dataclass(frozen=True)
class Text:
    """A label in Danish and English.

    >>> Text("Boliger", "Dwellings")("en")
    'Dwellings'
    """

    da: str
    en: str

    def __call__(self, lang: str) -> str:
        return self.en if lang == "en" else self.da
