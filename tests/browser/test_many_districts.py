"""A dataset with more districts than a list can show whole: 300 parishes-like squares."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from app import create_app
from data.load import load_dataset
from tests.browser.conftest import UPDATE_REQUESTS, rendered_fills

pytestmark = pytest.mark.browser


@pytest.fixture
def many(dash_duo, many_folder):
    dataset = load_dataset(many_folder)
    dash_duo.start_server(create_app(dataset))
    dash_duo.wait_for_text_to_equal("#map-title", "0–5 år: andel af indbyggerne, 2016", timeout=30)
    return dash_duo, dataset


def test_every_district_is_drawn_and_a_year_step_asks_the_server_nothing(many):
    page, dataset = many
    before = rendered_fills(page, 300, timeout=30)
    assert len(before) == 300
    requests = page.driver.execute_script(UPDATE_REQUESTS)
    page.find_element("#controls-year [role=slider]").send_keys(Keys.HOME)
    page.wait_for_text_to_equal("#map-title", "0–5 år: andel af indbyggerne, 2011")
    assert page.driver.execute_script(UPDATE_REQUESTS) == requests


def test_the_ranking_shows_both_ends_and_says_how_many_are_between(many):
    page, _ = many
    page.wait_for_element_by_css_selector(".ranking-gap")
    rows = page.driver.find_elements(By.CSS_SELECTOR, "#ranking-list li")
    assert len(rows) == 21 and rows[10].text == "⋯ 280 ⋯"


def test_the_table_shows_the_first_hundred_and_points_to_the_csv(many):
    page, _ = many
    page.find_element(".district-table summary").click()
    page.wait_for_element_by_css_selector(".table-more")
    assert len(page.driver.find_elements(By.CSS_SELECTOR, ".row-button")) == 100
    assert "100 af 300" in page.find_element(".table-more").text


def test_the_district_picker_offers_the_names_that_match_what_is_typed(many):
    page, _ = many
    page.find_element("#controls-district").click()
    page.find_element(".dash-dropdown-search").send_keys("Sogn 27")
    page.wait_for_element_by_css_selector("label.dash-dropdown-option")
    labels = [element.text for element in page.driver.find_elements(By.CSS_SELECTOR, "label.dash-dropdown-option")]
    assert sorted(labels) == ["Sogn 27", *(f"Sogn 27{digit}" for digit in range(10))]
    page.driver.find_element(
        By.XPATH, "//label[contains(@class, 'dash-dropdown-option')][.//span[.='Sogn 27']]"
    ).click()
    page.wait_for_text_to_equal(".profile-column h3", "Sogn 27")


def test_a_row_of_the_table_opens_its_profile_though_the_picker_lists_no_names_yet(many):
    # Above PICKER_ALL districts the picker holds no options until a name is typed; a district chosen in the table
    # (or on the map) must still become the picker's value, not be dropped as a value it does not offer.
    page, _ = many
    page.find_element(".district-table summary").click()
    page.wait_for_element_by_css_selector(".row-button[data-district]")
    row = page.driver.find_elements(By.CSS_SELECTOR, ".row-button[data-district]")[3]
    name = row.text.split("\n")[0].strip()
    row.click()
    page.wait_for_text_to_equal(".profile-column h3", name, timeout=10)
    assert page.driver.execute_script("return location.search").count("district=") == 1
