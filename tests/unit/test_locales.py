"""Every text lives in assets/locales, in every language, and a page in one language speaks only that language.

A locale file that lacks a key, or writes a key with other ``{placeholders}``, fails here before a reader meets a
KeyError or a blank. The page's texts (fixed texts, the language switch's outputs, every view's sentences and
legend, the facts, a profile and a comparison) are rendered in each language and searched for words that give
another language away. The words are chosen so that the demo's place names ("Fjordby", "Østerlund") and
words the languages share ("distrikt", "kommunen", "med") do not trip it.
"""

from __future__ import annotations

import json
import re
import string
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from dash.development.base_component import Component

from data.load import load_dataset
from data.make_demo import DEMO_FOLDER
from insight.facts import facts
from insight.sentences import compare_sentences, district_sentence, ordinal
from layers.families import CHANGE_UNITS, FAMILIES, UNITS
from layers.i18n import LOCALE_FOLDER, format_number, format_value, number_symbols, t
from layers.registry import MEASURES
from layers.text import DEFAULT_LANGUAGE, FALLBACK, LANGUAGE_NAMES, LANGUAGES, Text
from ui.callbacks import select_view, translate
from ui.figure import map_setup
from ui.layout import page_texts, statement_href
from ui.profile import profile_panel
from view.modes import MODES

LOCALES = {path.stem: json.loads(path.read_text(encoding="utf-8")) for path in LOCALE_FOLDER.glob("*.json")}

# Words that give a language away: common words of one language that the other two never write. Not "distrikt"
# (Swedish writes it too), "kommunen", "med", "ingen" or "i", which two of them share.
GIVE_AWAY = {
    "da": {
        "og", "af", "højeste", "laveste", "ikke", "hvor", "tallet", "tallene", "skjult", "distrikter", "indbyggere",
        "ændring", "vælg", "søg", "mellem", "blandt", "farverne", "hele", "være", "ud",
    },
    "sv": {
        "och", "av", "högst", "lägst", "inte", "siffror", "siffran", "förändring", "välj", "sök", "från", "mellan",
        "invånare", "färgerna", "kartan", "hela", "är", "finns",
    },
    "en": {
        "the", "of", "highest", "lowest", "and", "figures", "change", "search", "from", "between", "residents",
        "hidden", "map", "colours", "with", "or", "is", "choose",
    },
}  # fmt: skip
# Props that hold names, ids and values for code, never words for a reader.
PLACEHOLDER = re.compile(r"\{\w+\}")
SHARED_KEY = re.compile(r"\d+:[0-9a-f]+")
NOT_TEXT = {"id", "className", "href", "style", "type", "value", "download", "role", "htmlFor", "index", "key"}


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _strings(value: object, key: str = "") -> Iterator[str]:
    """Every text a reader may meet in a callback's output: strings in components' props, lists and dicts."""
    if key in NOT_TEXT:
        return
    if isinstance(value, str):
        yield value
    elif isinstance(value, Component):
        yield from _strings(value.to_plotly_json()["props"])
    elif isinstance(value, dict):
        for inner_key, inner in value.items():
            yield from _strings(inner, inner_key)
    elif isinstance(value, (list, tuple)):
        for inner in value:
            yield from _strings(inner, key)


def _words(texts: list[str], codes: set[str]) -> set[str]:
    """The words in ``texts``, leaving out codes (indicator ids, the keys of shared figures such as '138:9af2…')
    and the ``{placeholders}`` the browser fills in."""
    shown = [PLACEHOLDER.sub(" ", text) for text in texts if text not in codes and not SHARED_KEY.fullmatch(text)]
    return {word.casefold() for text in shown for word in re.findall(r"[^\W\d_]+", text)}


@pytest.fixture(scope="module")
def demo_texts(demo):
    """Every text the demo's page writes in each language."""
    district_ids = demo.district_ids
    rendered = {}
    for lang in LANGUAGES:
        texts = [*page_texts(demo, lang).values(), *facts(demo, lang)]
        texts += _strings(translate(demo, lang))
        texts += _strings(map_setup(demo, "/x")["texts"][lang])
        for indicator_id in demo.indicators:
            for measure in demo.measures_of(indicator_id):
                for mode in MODES:
                    asked = {"indicator": indicator_id, "measure": measure, "lang": lang, "mode": mode}
                    shown = select_view(demo, {**asked, "from": demo.years[0]})
                    texts += _strings({name: part for name, part in shown.items() if name != "year"})
                series = demo.series[indicator_id, measure]
                for district in range(0, len(district_ids), 5):
                    texts.append(district_sentence(demo, series, len(demo.years) - 1, district, lang))
        for family in FAMILIES:
            texts += compare_sentences(demo, family, len(demo.years) - 1, 0, 1, lang)
        series = demo.series[demo.info.default_indicator, "share"]
        for chosen in ([0], [3], [0, 1]):
            texts += _strings(profile_panel(demo, series, chosen, len(demo.years) - 1, 0, lang))
        rendered[lang] = texts
    return rendered


def test_every_language_has_a_locale_file_and_every_file_a_language():
    assert set(LOCALES) == set(LANGUAGES) == set(LANGUAGE_NAMES)


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != DEFAULT_LANGUAGE])
def test_every_key_is_in_every_language_with_the_same_placeholders(lang):
    reference, other = LOCALES[DEFAULT_LANGUAGE], LOCALES[lang]
    assert sorted(set(reference) - set(other)) == [], f"missing in {lang}.json"
    assert sorted(set(other) - set(reference)) == [], f"only in {lang}.json"
    differ = {key: (_placeholders(reference[key]), _placeholders(other[key])) for key in reference}
    assert {key: sets for key, sets in differ.items() if sets[0] != sets[1]} == {}
    assert [key for key, text in other.items() if not text.strip() and reference[key].strip()] == []


def test_the_registries_give_every_text_in_every_language():
    texts = [family.name for family in FAMILIES] + [family.description for family in FAMILIES]
    texts += [family.share_label for family in FAMILIES] + [family.count_label for family in FAMILIES]
    texts += [category.name for family in FAMILIES for category in family.categories]
    texts += [unit.suffix for unit in (*UNITS.values(), *CHANGE_UNITS.values())]
    texts += [unit.label for unit in (*UNITS.values(), *CHANGE_UNITS.values())]
    texts += [measure.label for measure in MEASURES.values()] + [mode.label for mode in MODES.values()]
    for lang in LANGUAGES:
        untranslated = [text.da for text in texts if text.da and not getattr(text, lang)]
        assert untranslated == [], f"no {lang} text"


def test_a_swedish_text_a_dataset_lacks_is_read_in_danish():
    assert FALLBACK == {"sv": "da"}
    assert Text("Skoledistrikt", "School district")("sv") == "Skoledistrikt"
    assert Text("Skoledistrikt", "School district", "Skoldistrikt")("sv") == "Skoldistrikt"
    assert Text("Skoledistrikt", "School district")("xx") == "Skoledistrikt"


def _with_indicator_rows(tmp_path: Path, change) -> Path:
    folder = tmp_path / "demo"
    folder.mkdir()
    for path in DEMO_FOLDER.iterdir():
        (folder / path.name).write_bytes(path.read_bytes())
    table = pd.read_csv(folder / "indicators.csv", dtype=str, keep_default_na=False)
    change(table)
    table.to_csv(folder / "indicators.csv", index=False)
    return folder


def test_dataset_titles_in_swedish_come_from_the_file_then_the_registry_then_danish(tmp_path):
    def change(table):
        table.loc[table["id"] == "age_6_16", "title_da"] = "Skolebørn"  # retitled: the registry's Swedish is not its
        table["title_sv"] = np.where(table["id"] == "age_17_24", "Unga vuxna", "")

    dataset = load_dataset(_with_indicator_rows(tmp_path, change))
    titles = {key: dataset.indicators[key].title for key in ("age_0_5", "age_6_16", "age_17_24", "age_80_plus")}
    assert titles["age_17_24"]("sv") == "Unga vuxna"  # the file's own Swedish
    assert titles["age_80_plus"]("sv") == "80 år och äldre"  # the registry's, for a title the file kept
    assert titles["age_6_16"]("sv") == "Skolebørn"  # a title of the file's own has no Swedish: read in Danish
    assert titles["age_6_16"]("en") == "6–16 years" and titles["age_0_5"]("da") == "0–5 år"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_page_shows_no_word_of_another_language(demo, demo_texts, lang):
    words = _words(demo_texts[lang], set(demo.indicators))
    assert len(words) > 200, "the texts were rendered"
    leaks = {other: sorted(words & GIVE_AWAY[other]) for other in LANGUAGES if other != lang}
    assert leaks == {other: [] for other in leaks}
    assert words & GIVE_AWAY[lang], "the check would see its own language"


def test_swedish_writes_numbers_ordinals_and_units_as_swedish_does():
    assert number_symbols("sv") == {"decimal": ",", "group": "\u00a0", "minus": "\u2212"}
    assert format_number(1234.5, 1, "sv") == "1\u00a0234,5"
    assert format_value(12.345, UNITS["percent"], "sv") == "12,3 %"
    assert format_value(45.0, UNITS["per_1000"], "sv") == "45,0 per 1\u00a0000"
    assert [ordinal(position, "sv") for position in (1, 2, 3, 11, 12, 21, 22, 101)] == [
        "1:a", "2:a", "3:e", "11:e", "12:e", "21:a", "22:a", "101:a",
    ]  # fmt: skip


def test_the_swedish_sentences_read_as_swedish(demo):
    series = demo.series["age_0_5", "share"]
    sentence = district_sentence(demo, series, len(demo.years) - 1, 0, "sv", from_index=0)
    assert sentence.startswith(f"I {demo.district_names[0]} hör ")
    assert "av invånarna till ”0–5 år”" in sentence and re.search(r"(högst|lägst) av (alla )?23 skoldistrikt", sentence)
    assert re.search(r"Det är .+ (mer|mindre) än år 2011\.|Det är detsamma som år 2011\.", sentence)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_language_switch_sets_the_pickers_words_and_the_statement_link(demo, lang):
    switched = translate(demo, lang)
    assert switched["picker_placeholders"] == [t("district_placeholder", lang)] * 2  # the picker and the comparison's
    searches = [part for part in switched["picker_labels"] if part.get("search") == t("district_search", lang)]
    assert len(searches) == 2 and all(part["no_options_found"] == t("district_no_options", lang) for part in searches)
    assert switched["statement_href"] == statement_href(lang) and switched["lang"] == lang


@pytest.mark.parametrize(
    ("term", "swedish"),
    [
        ({"da": "bydel", "da_plural": "bydele"}, ("bydel", "bydele")),  # its own word, without Swedish: the Danish
        ({"da": "distrikt", "da_plural": "distrikter"}, ("distrikt", "distrikt")),  # the generic word has Swedish
        ({}, ("distrikt", "distrikt")),
        ({"da": "bydel", "sv": "stadsdel", "sv_plural": "stadsdelar"}, ("stadsdel", "stadsdelar")),
    ],
)
def test_what_a_district_is_called_in_swedish(tmp_path, term, swedish):
    folder = _with_indicator_rows(tmp_path, lambda table: None)
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    package["distriktskort"]["district_term"] = term
    (folder / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    info = load_dataset(folder).info
    assert (info.district_term("sv"), info.district_term_plural("sv")) == swedish
