"""What only a browser shows: the map draws every district, and the controls recolour and retitle it."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from tests.browser.conftest import RENDERED_FILLS, UPDATE_REQUESTS, choose, fills_change, rendered_fills

pytestmark = pytest.mark.browser


def _severe(duo):
    return [entry for entry in duo.get_logs() if entry.get("level") == "SEVERE"]


def test_the_page_loads_with_every_district_drawn_and_no_console_errors(page, demo):
    fills = rendered_fills(page, len(demo.district_ids))
    assert set(fills) == set(demo.district_ids)
    assert _severe(page) == []


def test_the_page_fetches_nothing_from_outside(page, demo):
    rendered_fills(page, len(demo.district_ids))
    urls = page.driver.execute_script("return performance.getEntriesByType('resource').map(entry => entry.name)")
    # MapLibre's own fetches (glyphs) run in its workers; the map lists them.
    map_urls = page.driver.execute_script("return DistrictMap.requested(document.getElementById('map-graph'))")
    outside = [url for url in urls + map_urls if not url.startswith(page.server_url)]
    assert outside == [], "no tiles, fonts or scripts from outside"
    assert sum(".geojson" in url for url in urls + map_urls) == 1, "the shapes are fetched once"
    assert any("/assets/glyphs/" in url for url in map_urls), "names are drawn with our own glyphs"


def test_moving_the_year_slider_recolours_the_map_without_asking_the_server(page, demo):
    before = rendered_fills(page, len(demo.district_ids))
    requests = page.driver.execute_script(UPDATE_REQUESTS)
    handle = page.find_element("#controls-year [role=slider]")
    handle.send_keys(Keys.HOME)
    page.wait_for_text_to_equal("#map-title", "0–5 år: andel af indbyggerne, 2011")
    after = fills_change(page, before)
    assert set(after) == set(before) and after != before
    assert page.driver.execute_script(UPDATE_REQUESTS) == requests, "a year step must not call the server"
    assert _severe(page) == []


def test_changing_the_indicator_changes_legend_and_title(page, demo):
    legend_before = page.find_element("#map-legend").text
    choose(page, "controls-indicator", "Etageboliger")
    page.wait_for_text_to_equal("#map-title", "Etageboliger: andel af boligerne, 2016")
    assert page.find_element("#map-legend").text != legend_before
    assert "Boliger" in page.find_element("#controls-description").text
    assert _severe(page) == []


def test_the_english_switch_translates_the_page(page):
    page.driver.find_element(By.XPATH, "//label[contains(., 'English')]").click()
    page.wait_for_text_to_equal("#map-title", "0–5 years: share of residents, 2016")
    assert page.find_element("#controls-indicator-label").text == "What do you want to see?"
    assert "Fictional" in page.find_element("#header-fictional").text
    assert page.find_element("#page").get_attribute("lang") == "en"


def test_the_play_button_steps_through_the_years(page):
    assert page.find_element("#controls-play").get_attribute("aria-pressed") == "false", "a toggle, before any press"
    page.find_element("#controls-year [role=slider]").send_keys(Keys.HOME)
    page.wait_for_text_to_equal("#map-title", "0–5 år: andel af indbyggerne, 2011")
    page.find_element("#controls-play").click()
    # A loaded machine can be slow to take play's first step.
    page.wait_for_text_to_equal("#map-title", "0–5 år: andel af indbyggerne, 2012", timeout=20)
    page.find_element("#controls-play").click()  # pause
    assert page.find_element("#controls-play").get_attribute("aria-pressed") == "false"


def test_a_phone_sees_the_whole_municipality(page, demo):
    page.driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride", {"width": 360, "height": 740, "deviceScaleFactor": 2, "mobile": True}
    )
    page.driver.refresh()
    page.wait_for_text_to_equal("#map-title", "0–5 år: andel af indbyggerne, 2016", timeout=20)
    fills = rendered_fills(page, len(demo.district_ids))
    assert set(fills) == set(demo.district_ids)
    width = page.driver.execute_script("return document.documentElement.scrollWidth")
    assert width <= 360, f"the page is {width} px wide on a 360 px phone"


def test_english_from_the_address(dash_duo, demo):
    from app import create_app

    dash_duo.start_server(create_app(demo))
    dash_duo.driver.get(dash_duo.server_url + "/?lang=en")
    dash_duo.wait_for_text_to_equal("#map-title", "0–5 years: share of residents, 2016", timeout=20)


def test_redrawn_districts_change_shape_with_the_year(dash_duo, redrawn_folder):
    from app import create_app
    from data.load import load_dataset

    dash_duo.start_server(create_app(load_dataset(redrawn_folder)))
    dash_duo.wait_for_text_to_equal("#map-title", "Indbyggere: antal, 2016", timeout=20)
    assert set(rendered_fills(dash_duo, 3)) == {"01", "02", "05"}
    dash_duo.find_element("#controls-year [role=slider]").send_keys(Keys.HOME)
    dash_duo.wait_for_text_to_equal("#map-title", "Indbyggere: antal, 2015")
    WebDriverWait(dash_duo.driver, 10).until(lambda driver: len(driver.execute_script(RENDERED_FILLS) or {}) == 4)
    assert set(rendered_fills(dash_duo, 4)) == {"01", "02", "03", "04"}


def test_when_the_shapes_cannot_load_the_map_says_so_and_the_rest_works(dash_duo, demo):
    from app import create_app

    dash_duo.driver.execute_cdp_cmd("Network.enable", {})
    dash_duo.driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["*/data/districts.*"]})
    try:
        dash_duo.start_server(create_app(demo))
        dash_duo.wait_for_element_by_css_selector(".map-failed", timeout=20)
        assert "Genindlæs siden" in dash_duo.find_element(".map-failed").text
        dash_duo.wait_for_text_to_equal("#map-title", "0–5 år: andel af indbyggerne, 2016")
        assert len(dash_duo.driver.find_elements(By.CSS_SELECTOR, "#ranking-list li")) == len(demo.district_ids)
    finally:
        dash_duo.driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": []})
