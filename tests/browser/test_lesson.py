"""A whole lesson of the four kinds, played in headless Chromium at 1024 × 768 (a classroom Chromebook or iPad):
the map uncoloured until a district is picked by keyboard, rise or fall and then the change map, a slider guess and
how far off it was, a line drawn by pointer and keys and the real one over it, and the score. Nothing the pupil does
is sent anywhere: after the page has loaded, it asks the server for nothing but its own files.
"""

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from app import create_app
from insight.analysis import change_from
from layers.status import SHOWN
from ui.lesson_page import BLANK

pytestmark = pytest.mark.browser

CLASSROOM = {"width": 1024, "height": 768, "deviceScaleFactor": 1, "mobile": False}
WAIT_S = 30
FILLS = "return DistrictMap.renderedFills(document.querySelector('.lesson-map'));"
# Every request the page made that is not one of its own files (or the browser's icon): what a pupil's answers
# would leave by.
SENT = """
return performance.getEntriesByType('resource').map(e => e.name)
  .filter(name => !name.includes('/assets/') && !name.includes('/data/districts.') && !name.endsWith('/favicon.ico'));
"""
TOO_WIDE = "return document.documentElement.scrollWidth > window.innerWidth;"


def _district_that_changed(demo, indicator: str) -> str:
    series = demo.series[indicator, "share"]
    change = change_from(series, 0)
    return next(
        demo.district_ids[d]
        for d in range(len(demo.district_ids))
        if change.status[-1, d] == SHOWN.code and round(float(change.values[-1, d]), change.unit.decimals) != 0
    )


def _fills(duo, accept):
    found = {}

    def ready(driver):
        nonlocal found
        found = driver.execute_script(FILLS) or {}
        return len(found) >= 23 and accept(found)

    WebDriverWait(duo.driver, WAIT_S).until(ready)
    return found


def _verdict(duo) -> str:
    WebDriverWait(duo.driver, WAIT_S).until(lambda driver: duo.find_element(".lesson-verdict").text.strip())
    return duo.find_element(".lesson-verdict").text


def _keys_to(duo, selector: str, *keys: str) -> None:
    duo.driver.execute_script("document.querySelector(arguments[0]).focus();", selector)
    ActionChains(duo.driver).send_keys(*keys).perform()


def _next(duo, expected_kind_text: str) -> None:
    duo.find_element(".lesson-next").click()
    WebDriverWait(duo.driver, WAIT_S).until(
        lambda driver: expected_kind_text in duo.find_element(".lesson-progress").text
    )


def test_a_whole_lesson_of_four_kinds_plays_at_1024_by_768(dash_duo, demo):
    dash_duo.start_server(create_app(demo))
    dash_duo.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", CLASSROOM)
    district = _district_that_changed(demo, "ownership_owner")
    lesson = (f"/lektion?q=most:age_0_5:2016&q=rise_fall:ownership_owner:{district}:2011:2016"
              "&q=guess:age_0_5:07:2016&q=draw:age_0_5:07")  # fmt: skip
    dash_duo.driver.get(dash_duo.server_url + lesson)
    WebDriverWait(dash_duo.driver, WAIT_S).until(
        lambda driver: "1 af 4" in dash_duo.find_element(".lesson-progress").text
    )

    # Which district has the most? The map is plain grey until the pupil picks, here by keyboard: Tab onto it, Enter.
    assert set(_fills(dash_duo, lambda fills: True).values()) == {BLANK}
    assert "Hvilket skoledistrikt" in dash_duo.find_element(".lesson-question").text
    # The first Enter reaches a district (unless focus already did), the next picks it; once answered, keys only look.
    _keys_to(dash_duo, ".lesson-map canvas", Keys.ENTER, Keys.ENTER)
    assert _verdict(dash_duo) in ("Rigtigt!", "Ikke helt.")
    assert len(set(_fills(dash_duo, lambda fills: set(fills.values()) != {BLANK}).values())) > 2
    assert "Hvorfor mon?" in dash_duo.find_element(".lesson-why").text
    assert not dash_duo.driver.execute_script(TOO_WIDE)

    # Rise or fall: two buttons, then the change map.
    _next(dash_duo, "2 af 4")
    assert set(_fills(dash_duo, lambda fills: True).values()) == {BLANK}
    dash_duo.find_element("[data-choice='rise']").click()
    assert _verdict(dash_duo) in ("Rigtigt!", "Ikke helt.")
    _fills(dash_duo, lambda fills: set(fills.values()) != {BLANK})
    assert dash_duo.find_element(".lesson-answer").text.startswith(("Det steg", "Det faldt"))

    # Guess the figure: the slider by keyboard, then the answer and how far off the guess was.
    _next(dash_duo, "3 af 4")
    slider = dash_duo.find_element(".lesson-slider")
    before = dash_duo.find_element(".lesson-guess-value").text
    slider.send_keys(Keys.ARROW_RIGHT * 5)
    assert dash_duo.find_element(".lesson-guess-value").text != before
    dash_duo.find_element(".lesson-check").click()
    _verdict(dash_duo)
    assert "Svaret er" in dash_duo.find_element(".lesson-feedback").text
    assert "fra." in dash_duo.find_element(".lesson-feedback").text

    # Draw the line: a stroke across the empty chart, one year moved by keyboard, then the real line over it.
    _next(dash_duo, "4 af 4")
    assert not dash_duo.find_element(".lesson-map").is_displayed()
    chart = dash_duo.find_element(".lesson-chart")
    dash_duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", chart)
    width, height = chart.size["width"], chart.size["height"]
    # From the chart's top left corner (Selenium 4.2), a stroke from the first year to the last.
    actions = ActionChains(dash_duo.driver).move_to_element_with_offset(chart, 70, height // 2).click_and_hold()
    for _ in range(11):
        actions = actions.move_by_offset((width - 100) // 11, -4)
    actions.release().perform()
    own = dash_duo.find_element(".lesson-line-own").get_attribute("d")
    assert own.count("L") >= 5, own  # a point for every year
    _keys_to(dash_duo, ".lesson-chart", Keys.ARROW_LEFT, Keys.ARROW_UP, Keys.ARROW_UP)
    assert dash_duo.find_element(".lesson-line-own").get_attribute("d") != own
    assert dash_duo.find_element(".lesson-line-real").get_attribute("d") in ("", None)
    dash_duo.find_element(".lesson-check").click()
    _verdict(dash_duo)
    assert dash_duo.find_element(".lesson-line-real").get_attribute("d").count("L") == 5

    # The score, and nothing sent anywhere.
    assert dash_duo.find_element(".lesson-next").text == "Se resultatet"
    dash_duo.find_element(".lesson-next").click()
    WebDriverWait(dash_duo.driver, WAIT_S).until(
        lambda driver: "af 4 rigtige" in dash_duo.find_element(".lesson-score").text
    )
    assert dash_duo.driver.execute_script(SENT) == []
    assert not dash_duo.driver.execute_script(TOO_WIDE)
