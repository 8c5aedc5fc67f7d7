"""The year slider's keys recolour the map at once, and Dash (slider, title, ranking, address) follows after that frame;
another indicator is drawn as its answer arrives, before Dash applies the legend and the rest.

assets/map.js draws a year step by key itself and tells Dash afterwards, so keys pressed faster than Dash follows
must still end with the map, the slider, the title and the address on the same year.
"""

from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from tests.browser.conftest import choose, fills_change, rendered_fills

SLIDER = "#controls-year [role=slider]"
# When the title last changed, and every 'map-updated' mark, on the page's clock.
WATCH_TITLE = """
window.titleChanged = [];
new MutationObserver(function () { window.titleChanged.push(performance.now()); })
  .observe(document.getElementById('map-title'), {childList: true, characterData: true, subtree: true});
"""
MARKS = "return performance.getEntriesByName('map-updated').map(function (entry) { return entry.startTime; });"


def test_a_year_key_draws_the_map_before_dash_writes_the_title(page, demo):
    before = rendered_fills(page, len(demo.district_ids))
    page.driver.execute_script(WATCH_TITLE)
    pressed = page.driver.execute_script("return performance.now();")
    page.find_element(SLIDER).send_keys(Keys.ARROW_LEFT)
    page.wait_for_text_to_equal("#map-title", "0–5 år: andel af indbyggerne, 2015", timeout=10)
    drawn = [mark for mark in page.driver.execute_script(MARKS) if mark > pressed]
    titled = page.driver.execute_script("return window.titleChanged;")
    assert drawn and titled and min(drawn) < min(titled), "the new colours are drawn first, the title after"
    assert fills_change(page, before) != before


def test_keys_pressed_faster_than_dash_follows_end_on_one_year_everywhere(page, demo):
    rendered_fills(page, len(demo.district_ids))
    page.find_element(SLIDER).send_keys(Keys.ARROW_LEFT * 3)
    page.wait_for_text_to_equal("#map-title", "0–5 år: andel af indbyggerne, 2013", timeout=10)
    WebDriverWait(page.driver, 10).until(lambda driver: "year=2013" in driver.execute_script("return location.search"))
    assert page.find_element(SLIDER).get_attribute("aria-valuenow") == "2013"
    stepped = rendered_fills(page, len(demo.district_ids))
    # The same year opened from its address: the same colours.
    page.driver.get(page.server_url + "/?year=2013")
    page.wait_for_text_to_equal("#map-title", "0–5 år: andel af indbyggerne, 2013", timeout=20)
    WebDriverWait(page.driver, 10).until(
        lambda driver: rendered_fills(page, len(demo.district_ids)) == stepped, "the map shows 2013 as opened"
    )


# When the legend first changed, and when the map was asked to draw, on the page's clock.
WATCH_LEGEND_AND_DRAWS = """
window.legendChanged = [];
new MutationObserver(function () { window.legendChanged.push(performance.now()); })
  .observe(document.getElementById('map-legend'), {childList: true, characterData: true, subtree: true});
window.drawsAsked = [];
var draw = window.DistrictMap.draw;
window.DistrictMap.draw = function () { window.drawsAsked.push(performance.now()); return draw.apply(this, arguments); };
"""


def test_another_indicator_is_drawn_as_its_answer_arrives_before_dash_applies_the_legend(page, demo):
    before = rendered_fills(page, len(demo.district_ids))
    page.driver.execute_script(WATCH_LEGEND_AND_DRAWS)
    choose(page, "controls-indicator", "Etageboliger")
    page.wait_for_text_to_equal("#map-title", "Etageboliger: andel af boligerne, 2016", timeout=10)
    fills_change(page, before)
    legend, draws = page.driver.execute_script("return [window.legendChanged, window.drawsAsked];")
    assert legend and draws and min(draws) < min(legend), "the map is drawn from the answer, the legend after"
