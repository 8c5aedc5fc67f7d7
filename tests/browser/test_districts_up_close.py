"""Profiles, comparison, the change map and the table, in a real browser."""

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from tests.browser.conftest import choose, fills_change, rendered_fills

pytestmark = pytest.mark.browser

# Where on the map's canvas a point (lon, lat) is drawn, read from MapLibre.
PROJECT = """
const point = DistrictMap.mapOf(document.getElementById('map-graph')).project(arguments[0]);
return [point.x, point.y];
"""


def _point_at(page, demo, district_id: str) -> None:
    """Move the pointer over a district's name point on the map (selenium 4.2 offsets count from the top-left)."""
    district = demo.district_ids.index(district_id)
    feature = int(demo.feature_of_year[-1][district])
    x, y = page.driver.execute_script(PROJECT, list(demo.label_points[feature]))
    canvas = page.find_element("#map-graph canvas.maplibregl-canvas")
    ActionChains(page.driver).move_to_element_with_offset(canvas, x, y).pause(0.3).perform()


def _profile_names(page) -> list[str]:
    return [element.text for element in page.driver.find_elements(By.CSS_SELECTOR, ".profile-column h3")]


def test_clicking_a_district_on_the_map_opens_its_profile(page, demo):
    rendered_fills(page, len(demo.district_ids))
    _point_at(page, demo, "01")
    ActionChains(page.driver).click().perform()
    page.wait_for_text_to_equal(".profile-column h3", "Fjordby")
    assert page.find_element(".rank-text").text == "2. højeste af 23"
    assert page.find_element("#facts").get_attribute("hidden") is not None
    page.driver.switch_to.active_element.send_keys(Keys.ESCAPE)
    page.wait_for_element_by_css_selector("#facts:not([hidden])")
    assert page.find_element("#profile").get_attribute("hidden") is not None


def test_the_table_selects_a_district_with_the_keyboard(page):
    summary = page.find_element(".district-table summary")
    summary.send_keys(Keys.ENTER)  # opens the table
    tornhoj = "//button[contains(@class, 'row-button')][.='Tornhøj']"
    page.driver.find_element(By.XPATH, tornhoj).send_keys(Keys.ENTER)
    page.wait_for_text_to_equal(".profile-column h3", "Tornhøj")
    row = page.driver.find_element(By.XPATH, f"{tornhoj}/ancestor::tr")  # the table was redrawn with the selection
    assert "selected" in row.get_attribute("class")


def test_the_table_sorts_by_name_and_back_by_value(page):
    page.find_element(".district-table summary").click()
    first = lambda: page.driver.find_elements(By.CSS_SELECTOR, ".row-button")[0].text  # noqa: E731
    assert first() == "Nørre Kildebjerg", "highest value first"

    def headings():
        return [
            th.get_attribute("aria-sort") for th in page.driver.find_elements(By.CSS_SELECTOR, ".district-table th")
        ]

    assert headings() == ["none", "descending", "none"]
    # The name column is headed by the demo's word for a district.
    page.driver.find_element(By.XPATH, "//button[contains(@class, 'sort')][.='Skoledistrikt']").click()
    page.wait_for_text_to_equal(".row-button", "Agerlund")
    assert headings() == ["ascending", "none", "none"]


def test_change_mode_recolours_with_a_diverging_legend(page, demo):
    before = rendered_fills(page, len(demo.district_ids))
    page.driver.find_element(By.XPATH, "//label[contains(., 'Ændringen')]").click()
    page.wait_for_text_to_equal("#map-title", "0–5 år: ændring i andel af indbyggerne fra 2011 til 2016")
    fills_change(page, before)
    legend = page.find_element("#map-legend").text
    assert "−" in legend and "+" in legend and "procentpoint" in legend
    assert "Blå er en stigning, rød et fald" in page.find_element("#map-legend-note").text
    assert page.find_element("#controls-from").get_attribute("disabled") is None, "the start year can be chosen now"


def test_comparing_two_districts_shows_both(page):
    choose(page, "controls-district", "Fjordby")
    page.wait_for_text_to_equal(".profile-column h3", "Fjordby")
    choose(page, "controls-compare", "Tornhøj")
    page.wait_for_element_by_css_selector(".profile-columns-2")
    assert _profile_names(page) == ["Fjordby", "Tornhøj"]
    assert "De største forskelle mellem Fjordby og Tornhøj" in page.find_element(".compare-sentences").text


def test_the_map_sentence_follows_the_year(page):
    assert page.find_element("#map-sentence").text.endswith("2016.")
    page.find_element("#controls-year [role=slider]").send_keys(Keys.HOME)
    page.wait_for_text_to_equal("#map-title", "0–5 år: andel af indbyggerne, 2011")
    assert "2011" in page.find_element("#map-sentence").text


def test_an_open_profile_follows_the_year_and_the_indicator(page):
    choose(page, "controls-district", "Fjordby")
    page.wait_for_text_to_equal(".profile-column h3", "Fjordby")
    page.find_element("#controls-year [role=slider]").send_keys(Keys.HOME)
    page.wait_for_contains_text(".profile-column .sentence", "(2011)")
    choose(page, "controls-indicator", "Etageboliger")
    page.wait_for_contains_text(".profile-column .sentence", "«Etageboliger» (2011)")


def test_the_tooltip_writes_the_figure_and_its_parts_in_danish(page, demo):
    rendered_fills(page, len(demo.district_ids))
    fjordby = demo.district_ids.index("01")
    year = demo.years.index(2016)
    series = demo.series["age_0_5", "share"]
    _point_at(page, demo, "01")
    tip = page.find_element(".map-tip").text
    share = f"{series.values[year, fjordby]:.1f}".replace(".", ",") + " %"
    parts = f"{int(series.counts[year, fjordby])} af {int(series.denominators[year, fjordby]):,} indbyggere"
    assert tip.splitlines() == ["Fjordby", share, parts.replace(",", "."), "2016"]


def test_figures_kept_in_the_browser_still_fill_the_tooltip_after_a_switch(page, demo):
    # The residents behind every age group travel once: after switching within the family the server refers to
    # them by key (ui.view.Shared; test_app checks they are left out), and the tooltip must find them here.
    choose(page, "controls-indicator", "6–16 år")
    page.wait_for_text_to_equal("#map-title", "6–16 år: andel af indbyggerne, 2016")
    fjordby = demo.district_ids.index("01")
    year = demo.years.index(2016)
    series = demo.series["age_6_16", "share"]
    _point_at(page, demo, "01")
    residents = f"{int(series.denominators[year, fjordby]):,}".replace(",", ".")
    page.wait_for_contains_text(".map-tip", f"af {residents} indbyggere")
