"""The English and the Swedish page speak their language only: no Danish word in the visible text, the pickers'
placeholders and search boxes, aria-labels or titles; ``<html lang>`` is the page's language from the first byte,
and it and the map's canvas label follow the language switch."""

from __future__ import annotations

import re

import pytest
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from app import create_app
from layers.i18n import t
from layers.text import LANGUAGE_NAMES
from tests.unit.test_locales import GIVE_AWAY, LOCALES, PLACEHOLDER
from ui import ids

pytestmark = pytest.mark.browser

# Everything a reader (or a screen reader) meets: the text, and the words in placeholders, aria-labels and titles.
READER_WORDS = """
var texts = [document.body.innerText, document.title];
document.querySelectorAll('[placeholder], [aria-label], [title]').forEach(function (element) {
  ['placeholder', 'aria-label', 'title'].forEach(function (name) {
    if (element.hasAttribute(name)) texts.push(element.getAttribute(name));
  });
});
return texts.join('\\n');
"""
CANVAS_LABEL = "var c = document.querySelector('#map-graph canvas'); return c && c.getAttribute('aria-label');"


def _danish_words(text: str) -> list[str]:
    words = {word.casefold() for word in re.findall(r"[^\W\d_]+", PLACEHOLDER.sub(" ", text))}
    return sorted(words & GIVE_AWAY["da"])


def _danish_phrases(lang: str) -> list[str]:
    """Every stretch of a Danish text of the page's own (a locale key's, between its placeholders) that the other
    language writes otherwise: found on its page, it is a text left untranslated, whatever its words."""
    phrases = set()
    for key, danish in LOCALES["da"].items():
        if LOCALES[lang].get(key) == danish:
            continue
        phrases.update(part.strip() for part in PLACEHOLDER.split(danish) if len(part.strip()) >= 10)
    return sorted(phrases - {part for text in LOCALES[lang].values() for part in PLACEHOLDER.split(text)})


def _wait_for_language(duo, lang: str, demo) -> None:
    map_title = t("map_title", lang, districts=demo.info.district_term_plural(lang))

    def settled(driver):
        return (
            driver.execute_script("return document.documentElement.lang") == lang
            and driver.find_element("id", ids.PAGE_SKIP).get_attribute("textContent") == t("skip_to_map", lang)
            and driver.find_element("id", ids.MAP_TITLE).text.strip() != ""
            and driver.execute_script(CANVAS_LABEL) == map_title
        )

    WebDriverWait(duo.driver, 20).until(settled)


def _words_with_pickers_open(duo) -> str:
    """The reader's words, also with each picker open (its search box has its own placeholder)."""
    texts = [duo.driver.execute_script(READER_WORDS)]
    for picker in (ids.CONTROLS_INDICATOR, ids.CONTROLS_DISTRICT):
        duo.find_element(f"#{picker}").click()
        duo.find_element(".dash-dropdown-search")
        texts.append(duo.driver.execute_script(READER_WORDS))
        duo.driver.switch_to.active_element.send_keys(Keys.ESCAPE)
    return "\n".join(texts)


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_the_page_in_english_or_swedish_shows_no_danish_word(dash_duo, demo, lang):
    dash_duo.start_server(create_app(demo))
    dash_duo.driver.get(f"{dash_duo.server_url}/?lang={lang}")
    _wait_for_language(dash_duo, lang, demo)
    text = _words_with_pickers_open(dash_duo)
    assert t("district_placeholder", lang) in text and t("dropdown_search", lang) in text, "the pickers were read"
    assert _danish_words(text) == []
    assert [phrase for phrase in _danish_phrases(lang) if phrase in text] == []


def test_the_language_switch_keeps_html_lang_and_the_map_label_in_step(dash_duo, demo):
    dash_duo.start_server(create_app(demo))
    dash_duo.driver.get(f"{dash_duo.server_url}/?lang=en")
    _wait_for_language(dash_duo, "en", demo)
    for lang in ("sv", "da"):
        dash_duo.driver.find_element(
            "xpath", f"//*[@id='{ids.CONTROLS_LANG}']//label[normalize-space(.)='{LANGUAGE_NAMES[lang]}']"
        ).click()
        _wait_for_language(dash_duo, lang, demo)
    assert _danish_words(dash_duo.driver.execute_script(READER_WORDS)), "the Danish page is seen as Danish"


def test_the_footer_links_to_the_statement_in_the_pages_language(dash_duo, demo):
    dash_duo.start_server(create_app(demo))
    dash_duo.driver.get(f"{dash_duo.server_url}/?lang=sv")
    _wait_for_language(dash_duo, "sv", demo)
    link = dash_duo.find_element(f"#{ids.PAGE_STATEMENT}")
    assert link.text == t("statement_link", "sv")
    link.click()
    WebDriverWait(dash_duo.driver, 10).until(
        lambda driver: driver.find_element("tag name", "h1").text == t("statement_title", "sv")
    )
    assert dash_duo.driver.execute_script("return document.documentElement.lang") == "sv"
    assert _danish_words(dash_duo.driver.execute_script(READER_WORDS)) == []


def test_the_statement_fits_a_360_px_phone_in_every_language(dash_duo, demo):
    dash_duo.start_server(create_app(demo))
    dash_duo.driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride", {"width": 360, "height": 740, "deviceScaleFactor": 1, "mobile": True}
    )
    for lang in LANGUAGE_NAMES:  # Swedish's "Tillgänglighetsredogörelse" alone is wider than the screen unbroken
        dash_duo.driver.get(f"{dash_duo.server_url}/tilgaengelighed?lang={lang}")
        assert dash_duo.find_element("h1").text == t("statement_title", lang)
        assert dash_duo.driver.execute_script("return document.documentElement.scrollWidth") <= 360
