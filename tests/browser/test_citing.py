"""For newsrooms, in a real browser: the download dialog cites the view on screen, and a profile holds a press note."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from insight.press import PRESS_COUNT
from layers.i18n import t
from ui import ids
from view.view import View

pytestmark = pytest.mark.browser
WAIT_S = 30


def _value(page, element_id: str) -> str:
    return page.driver.find_element(By.ID, element_id).get_attribute("value") or ""


def test_the_citation_holds_the_link_of_the_view_on_screen(dash_duo, demo):
    from app import create_app

    dash_duo.start_server(create_app(demo))
    link = "/?indicator=dwelling_flat&measure=share&year=2013&lang=en"
    dash_duo.driver.get(dash_duo.server_url + link)
    dash_duo.wait_for_text_to_equal("#map-title", "Flats: share of dwellings, 2013", timeout=WAIT_S)
    dash_duo.find_element(f"#{ids.CITE_TITLE}").click()  # opens "Cite this view"
    query = View.parse(demo, link[1:])[0].query()
    WebDriverWait(dash_duo.driver, WAIT_S).until(lambda driver: query in _value(dash_duo, ids.CITE_TEXT))
    assert dash_duo.find_element(f"#{ids.CITE_TEXT_LABEL}").text == t("cite_style_text", "en")
    assert query in _value(dash_duo, ids.CITE_APA) and query in _value(dash_duo, ids.CITE_BIBTEX)
    assert _value(dash_duo, ids.CITE_BIBTEX).startswith("@misc{distriktskort_dwelling_flat_2013,")
    box = dash_duo.driver.find_element(By.ID, ids.CITE_TEXT)
    assert box.get_attribute("aria-labelledby") == ids.CITE_TEXT_LABEL, "named by its label (assets/a11y.js)"
    dash_duo.find_element(f"#{ids.CITE_TEXT_COPY}").click()
    status = ".copy-block:has(#cite-text) .copy-status"
    WebDriverWait(dash_duo.driver, WAIT_S).until(lambda driver: dash_duo.find_element(status).text)
    assert dash_duo.find_element(status).text in (t("copy_done", "en"), t("copy_failed", "en"))


def test_the_citation_follows_the_view_while_its_dialog_is_open(page):
    page.find_element(f"#{ids.CITE_TITLE}").click()
    WebDriverWait(page.driver, WAIT_S).until(lambda driver: "year=2016" in _value(page, ids.CITE_TEXT))
    # The slider moves while the dialog is open: the citation follows.
    page.find_element(f"#{ids.CONTROLS_YEAR} [role=slider]").send_keys(Keys.ARROW_LEFT)
    page.wait_for_text_to_equal("#map-title", "0–5 år: andel af indbyggerne, 2015", timeout=WAIT_S)
    WebDriverWait(page.driver, WAIT_S).until(lambda driver: "year=2015" in _value(page, ids.CITE_TEXT))
    assert "0–5 år: andel af indbyggerne, 2015" in _value(page, ids.CITE_TEXT)
    # Shut, it asks the server nothing (a year step stays free); opened again, it is the view on screen.
    page.find_element(f"#{ids.CITE_TITLE}").click()
    page.find_element(f"#{ids.CONTROLS_YEAR} [role=slider]").send_keys(Keys.ARROW_LEFT)
    page.wait_for_text_to_equal("#map-title", "0–5 år: andel af indbyggerne, 2014", timeout=WAIT_S)
    assert "year=2015" in _value(page, ids.CITE_TEXT)
    page.find_element(f"#{ids.CITE_TITLE}").click()
    WebDriverWait(page.driver, WAIT_S).until(lambda driver: "year=2014" in _value(page, ids.CITE_TEXT))


def test_a_profile_holds_a_press_note_of_five_sentences(dash_duo, demo):
    from app import create_app

    dash_duo.start_server(create_app(demo))
    dash_duo.driver.get(dash_duo.server_url + "/?district=07")
    name = demo.district_names[demo.district_ids.index("07")]
    dash_duo.wait_for_text_to_equal(".profile-column h3", name, timeout=WAIT_S)
    dash_duo.find_element(".press-note summary").click()
    box = dash_duo.find_element(".press-note textarea")
    sentences = (box.get_attribute("value") or "").split("\n\n")[0].split("\n")
    assert len(sentences) == PRESS_COUNT and all(name in sentence for sentence in sentences)
    assert box.get_attribute("aria-labelledby"), "named by the line above it"
