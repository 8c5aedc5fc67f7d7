"""An imported dataset in the browser: a long run of years with a gap, on a 360 px phone."""

import pytest
from selenium.webdriver.common.keys import Keys

from data.load import load_dataset
from tests.conftest import write_imported
from ui import ids

pytestmark = pytest.mark.browser

YEARS = tuple(year for year in range(1995, 2025) if year not in (2001, 2002))  # 28 years, 2001–2002 missing

# The slider's marks as the browser laid them out: label, left and right edge in px, and the tick's centre.
MARKS = """
return [...document.querySelectorAll('#controls-year .dash-slider-mark')].map(mark => {
  const box = mark.getBoundingClientRect();
  const range = document.createRange(); range.selectNodeContents(mark);
  const text = range.getBoundingClientRect();
  return {label: mark.textContent, left: text.left, right: text.right, centre: box.left + box.width / 2};
});
"""


@pytest.fixture
def phone(dash_duo, tmp_path):
    from app import create_app

    dataset = load_dataset(write_imported(tmp_path / "long", years=YEARS))
    dash_duo.start_server(create_app(dataset))
    dash_duo.driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride", {"width": 360, "height": 800, "deviceScaleFactor": 1, "mobile": True}
    )
    dash_duo.driver.get(dash_duo.server_url + "/?year=2000")
    dash_duo.wait_for_text_to_equal("#map-title", "Enlig: antal, 2000", timeout=20)
    # On a phone the controls wait in a drawer: a reader opens it to reach the year slider.
    dash_duo.find_element(f"#{ids.CONTROLS_TOGGLE}").click()
    dash_duo.wait_for_element(f"#{ids.CONTROLS_TOGGLE}[aria-expanded=true]")
    return dash_duo


def test_year_labels_do_not_overlap_on_a_phone_and_the_gap_shows(phone):
    marks = phone.driver.execute_script(MARKS)
    assert len(marks) == len(YEARS), "one mark per year there is, none in the gap"
    labelled = [mark for mark in marks if mark["label"]]
    assert labelled[0]["label"] == "1995" and labelled[-1]["label"] == "2024"
    assert all(a["right"] + 4 <= b["left"] for a, b in zip(labelled, labelled[1:], strict=False)), labelled
    spacing = [b["centre"] - a["centre"] for a, b in zip(marks, marks[1:], strict=False)]
    assert max(spacing) > 2.5 * min(spacing), "the missing years leave a wider stretch"


def test_the_arrow_keys_and_play_step_over_the_gap(phone):
    phone.find_element("#controls-year [role=slider]").send_keys(Keys.ARROW_RIGHT)
    phone.wait_for_text_to_equal("#map-title", "Enlig: antal, 2003")
    phone.find_element("#controls-year [role=slider]").send_keys(Keys.ARROW_LEFT)
    phone.wait_for_text_to_equal("#map-title", "Enlig: antal, 2000")
    phone.find_element("#controls-play").click()
    phone.wait_for_text_to_equal("#map-title", "Enlig: antal, 2003", timeout=10)
    phone.find_element("#controls-play").click()
    assert [entry for entry in phone.get_logs() if entry.get("level") == "SEVERE"] == []


def test_an_indicator_without_figures_in_the_year_moves_to_its_nearest_year(phone):
    from tests.browser.conftest import choose

    choose(phone, "controls-indicator", "Elbiler")
    phone.wait_for_text_to_equal("#map-title", "Elbiler: antal, 2024")
    assert "year=2024" in phone.driver.current_url
