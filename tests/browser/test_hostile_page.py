"""A dataset whose title and names are markup, JSON, control characters, '__proto__' and a 10,000-letter word, in a
real browser: nothing runs, no alert opens, the page stays quick, and every text shows as it is.
"""

from __future__ import annotations

import time

import pytest
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

from app import create_app
from data.load import load_dataset
from tests.conftest import HOSTILE_AREA, HOSTILE_NAMES, write_hostile

pytestmark = pytest.mark.browser

TITLE = ": antal, 2016"  # the map's title ends so; the indicator's own title is hostile too
# Whether anything the dataset carried ran, and whether the pickers' search index wrote onto every object.
RAN = "return window.__hostile === undefined ? null : String(window.__hostile);"
POLLUTED = "return Object.keys(Object.prototype).concat(Object.keys(Object)).join(',');"
PROJECT = """
const point = DistrictMap.mapOf(document.getElementById('map-graph')).project(arguments[0]);
return [point.x, point.y];
"""
MANY = 203  # above ui/controls.py's PICKER_ALL: the pickers then list what assets/map.js finds


def _nothing_ran(duo) -> None:
    assert duo.driver.execute_script(RAN) is None, "a script from the dataset ran"
    try:
        alert = duo.driver.switch_to.alert
        text = alert.text
        alert.dismiss()
        raise AssertionError(f"an alert opened: {text!r}")
    except NoAlertPresentException:
        pass
    assert duo.driver.execute_script(POLLUTED) == "", "Object.prototype was written to"
    blocked = [entry for entry in duo.get_logs() or [] if "Content Security Policy" in entry.get("message", "")]
    assert blocked == [], "the page's own scripts run under its policy, and nothing else tried to"


@pytest.fixture
def hostile(dash_duo, tmp_path):
    dataset = load_dataset(write_hostile(tmp_path / "hostile"))
    dash_duo.start_server(create_app(dataset))
    dash_duo.wait_for_contains_text("#map-title", TITLE, timeout=20)
    return dash_duo, dataset


@pytest.mark.parametrize("path", ["/", "/embed"])
def test_nothing_from_the_dataset_runs_and_its_text_shows_as_written(hostile, path):
    duo, dataset = hostile
    if path != "/":
        duo.driver.get(duo.server_url + path)
        duo.wait_for_contains_text("#map-title", TITLE, timeout=20)
    assert duo.driver.title == f"Distriktskort · {HOSTILE_AREA}"
    assert HOSTILE_NAMES["01"] in duo.find_element("#map-sentence").text, "the lowest, named in the caption"
    if path == "/":
        ranking = duo.find_element("#ranking-list").text
        for name in (HOSTILE_NAMES["01"], HOSTILE_NAMES["02"], HOSTILE_NAMES["03"], HOSTILE_NAMES["05"]):
            assert name in ranking, name
        assert HOSTILE_AREA in duo.find_element("h1 .area").text
        assert "<b onmouseover" in duo.find_element("#controls-description").text + duo.find_element("#map-title").text
    _nothing_ran(duo)


def test_the_tooltip_and_profile_show_names_as_text(hostile):
    duo, dataset = hostile
    for district_id in ("01", "02"):
        feature = int(dataset.feature_of_year[-1][dataset.district_ids.index(district_id)])
        x, y = duo.driver.execute_script(PROJECT, list(dataset.label_points[feature]))
        canvas = duo.find_element("#map-graph canvas.maplibregl-canvas")
        ActionChains(duo.driver).move_to_element_with_offset(canvas, x, y).pause(0.3).perform()
        duo.wait_for_contains_text(".map-tip", HOSTILE_NAMES[district_id])
        assert duo.find_element(".map-tip strong").text == HOSTILE_NAMES[district_id]
    ActionChains(duo.driver).click().perform()
    duo.wait_for_text_to_equal(".profile-column h3", HOSTILE_NAMES["02"])
    _nothing_ran(duo)


def test_the_district_picker_searches_a_10000_letter_name_at_once(hostile):
    duo, _ = hostile
    started = time.monotonic()  # from a fresh page: the pickers index their labels as they are first drawn
    duo.driver.get(duo.server_url)
    duo.wait_for_contains_text("#map-title", TITLE, timeout=20)
    duo.find_element("#controls-district").click()
    duo.find_element(".dash-dropdown-search").send_keys("Langx")
    duo.wait_for_element_by_css_selector("label.dash-dropdown-option", timeout=5)
    labels = [element.text for element in duo.driver.find_elements(By.CSS_SELECTOR, "label.dash-dropdown-option")]
    assert time.monotonic() - started < 10, "the page opens, and the picker finds a long name, without a stall"
    assert len(labels) == 1 and labels[0].startswith("Langxxx") and labels[0].endswith("…") and len(labels[0]) <= 80
    duo.find_element("label.dash-dropdown-option").click()
    duo.wait_for_contains_text(".profile-column h3", "Langxxxxxxxxxx")
    _nothing_ran(duo)


def test_a_large_datasets_picker_cuts_and_defuses_labels_too(dash_duo, tmp_path):
    names = {f"{i:03d}": f"Sogn {i}" for i in range(MANY - 2)}
    names.update({"900": "Lang" + "x" * 10_000, "901": "Sogn __proto__"})
    dash_duo.start_server(create_app(load_dataset(write_hostile(tmp_path / "many", names=names, name_as_object=None))))
    dash_duo.wait_for_contains_text("#map-title", TITLE, timeout=30)
    for typed, expected in (("Langx", "Langxxx"), ("proto", "Sogn __proto")):
        dash_duo.find_element("#controls-district").click()
        dash_duo.find_element(".dash-dropdown-search").send_keys(typed)
        dash_duo.wait_for_contains_text("label.dash-dropdown-option", expected, timeout=5)
        label = dash_duo.find_element("label.dash-dropdown-option").text
        assert len(label) <= 80 and "__proto__" not in label.replace("\u200d", "|")
        dash_duo.find_element("label.dash-dropdown-option").click()
    _nothing_ran(dash_duo)
