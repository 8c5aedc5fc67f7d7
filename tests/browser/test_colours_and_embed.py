"""Colours that survive colour blindness, the comparison as one chart, and /embed with its context, in a real browser.

"No figure" is hatched on the map and in the legend; two chosen districts share one chart whose line colours are
their outlines' colours on the map; and /embed shows its title, area, badge, legend and source in 320 x 480.
"""

import pytest
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from tests.browser.conftest import rendered_fills
from tests.browser.test_accessibility import _violations
from ui import ids
from ui.figure import CHOSEN_COLOURS

pytestmark = pytest.mark.browser

MISSING = "return DistrictMap.renderedMissing(document.getElementById('map-graph'));"
HATCH_LAYER = """
const map = DistrictMap.mapOf(document.getElementById('map-graph'));
const layers = map.getStyle().layers.map(layer => layer.id);
return {pattern: map.getPaintProperty('district-missing', 'fill-pattern'), image: map.hasImage('missing-hatch'),
        above_fill: layers.indexOf('district-missing') > layers.indexOf('district-fill')};
"""
MISSING_SWATCH = """
const item = Array.from(document.querySelectorAll('#map-legend li')).find(li => li.textContent === arguments[0]);
const swatch = item && item.querySelector('.swatch');
return swatch && [swatch.className, getComputedStyle(swatch).backgroundImage];
"""
# The profile's charts, and the comparison chart's lines and direct labels, as assets/sparkline.js drew them; and
# whether any chart library was loaded for them (none should be).
CHARTS = """
const charts = document.querySelectorAll('#profile .trend-svg');
const chart = document.querySelector('#profile .trend-compare .trend-svg');
return chart && {count: charts.length,
  lines: Array.from(chart.querySelectorAll('.trend-line')).map(line =>
    [line.dataset.name, line.querySelector('path').getAttribute('stroke'), line.dataset.dash]),
  labels: Array.from(chart.querySelectorAll('.trend-label')).map(label => [label.dataset.name, label.getAttribute('fill')]),
  plotly: Boolean(window.Plotly)};
"""
OUTLINES = """
const map = DistrictMap.mapOf(document.getElementById('map-graph'));
const drawn = map.queryRenderedFeatures({layers: ['district-chosen', 'district-chosen-second']});
return {first: map.getPaintProperty('district-chosen', 'line-color'),
        second: map.getPaintProperty('district-chosen-second', 'line-color'),
        dashed: map.getPaintProperty('district-chosen-second', 'line-dasharray') !== undefined,
        orders: Array.from(new Set(drawn.map(feature => feature.layer.id + ':' + feature.properties.order))).sort()};
"""
ONE_CHART = """
const chart = document.querySelector('#profile .trend .trend-svg');
return chart && Array.from(chart.querySelectorAll('.trend-line')).map(line =>
  [line.dataset.name, line.querySelector('path').getAttribute('stroke')]);
"""
FRAME = {"width": 320, "height": 480, "deviceScaleFactor": 1, "mobile": False}
# Each element a reader must see in the frame, and where it is: displayed, inside 320 x 480, and its box.
PLACES = """
return arguments[0].map(selector => {
  const element = document.querySelector(selector);
  if (!element) return [selector, false, false, null];
  const box = element.getBoundingClientRect();
  const shown = element.offsetParent !== null && box.width > 0 && box.height > 0;
  const inside = box.left >= 0 && box.top >= 0 && box.right <= innerWidth + 0.5 && box.bottom <= innerHeight + 0.5;
  return [selector, shown, inside, [box.top, box.bottom]];
});
"""
WIDEST = """
return [document.documentElement.scrollWidth,
        Array.from(document.querySelectorAll('body *')).filter(element => element.getBoundingClientRect().right > innerWidth + 0.5
          && element.offsetParent !== null).map(element => element.tagName + '.' + element.className).slice(0, 5)];
"""
NUMBER_BOXES = """
return Array.from(document.querySelectorAll('.year-row input')).filter(input => input.offsetParent !== null).length;
"""


def _open(page, path: str) -> None:
    page.driver.get(page.server_url + path)
    WebDriverWait(page.driver, 40).until(lambda driver: driver.find_element("id", ids.MAP_TITLE).text.strip())


def _wait_for(page, script: str, accept, *args, timeout: float = 40):  # generous: CI machines are shared
    found = None

    def ready(driver):
        nonlocal found
        found = driver.execute_script(script, *args)
        return accept(found)

    WebDriverWait(page.driver, timeout).until(ready)
    return found


def test_a_district_with_no_figure_is_hatched_on_the_map_and_in_the_legend(page, demo):
    _open(page, "/?indicator=industry_agriculture&measure=share&year=2011")
    rendered_fills(page, len(demo.district_ids), timeout=40)
    assert page.driver.execute_script(HATCH_LAYER) == {"pattern": "missing-hatch", "image": True, "above_fill": True}
    assert _wait_for(page, MISSING, lambda missing: missing == ["07"]) == [
        "07"
    ]  # district 07 has no industry figures in 2011
    swatch_class, background = page.driver.execute_script(MISSING_SWATCH, "Ingen tal")
    assert "swatch-missing" in swatch_class.split() and "repeating-linear-gradient" in background
    # A later year has the figure: the flag follows the year, as the colours do.
    page.find_element("#controls-year [role=slider]").send_keys(Keys.END)
    assert _wait_for(page, MISSING, lambda missing: missing == []) == []


def test_two_districts_share_one_chart_in_their_outline_colours(page, demo):
    _open(page, "/?district=01&compare=02")
    charts = _wait_for(page, CHARTS, bool)
    first, second = demo.district_names[0], demo.district_names[1]
    assert charts["count"] == 1, "one chart for both, not one per column"
    assert charts["plotly"] is False, "no chart library loads for the profile"
    lines = {name: (colour, dash) for name, colour, dash in charts["lines"]}
    assert len(charts["lines"]) == 3 and {first, second} < set(lines)
    assert lines[first] == (CHOSEN_COLOURS[0], "solid") and lines[second] == (CHOSEN_COLOURS[1], "dash")
    labels = dict(charts["labels"])
    assert labels.get(first) == CHOSEN_COLOURS[0] and labels.get(second) == CHOSEN_COLOURS[1]
    rendered_fills(page, len(demo.district_ids), timeout=40)
    outlines = _wait_for(page, OUTLINES, lambda found: len(found["orders"]) == 2)
    assert (outlines["first"], outlines["second"]) == (lines[first][0], lines[second][0])
    assert outlines["dashed"] and outlines["orders"] == ["district-chosen-second:2", "district-chosen:1"]
    key = page.find_element(f"#{ids.MAP_CHOSEN_KEY}").text
    assert first in key and second in key and key.index(first) < key.index(second)


def test_one_district_keeps_one_colour(page, demo):
    _open(page, "/?district=01")
    lines = _wait_for(page, ONE_CHART, bool)
    assert dict(lines)[demo.district_names[0]] == CHOSEN_COLOURS[0]
    rendered_fills(page, len(demo.district_ids), timeout=40)
    outlines = _wait_for(page, OUTLINES, lambda found: len(found["orders"]) == 1)
    assert outlines["orders"] == ["district-chosen:1"] and outlines["first"] == CHOSEN_COLOURS[0]


def test_embed_carries_its_context_within_320_by_480(page, demo):
    page.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", FRAME)
    _open(page, "/embed")
    rendered_fills(page, len(demo.district_ids), timeout=40)
    wanted = [".page-header h1", ".badge-fictional", f"#{ids.MAP_TITLE}", ".year-row", f"#{ids.MAP_GRAPH} canvas",
              f"#{ids.MAP_LEGEND} li:last-child", f"#{ids.MAP_SOURCE}"]  # fmt: skip
    places = page.driver.execute_script(PLACES, wanted)
    assert [(selector, shown, inside) for selector, shown, inside, _ in places if not (shown and inside)] == []
    assert demo.info.area_name in page.find_element(".page-header h1").text
    boxes = {selector: box for selector, _, _, box in places}
    assert boxes[".year-row"][0] >= boxes[f"#{ids.MAP_TITLE}"][1], "the year control sits below the title"
    width, wider = page.driver.execute_script(WIDEST)
    assert width <= 320, wider
    assert page.driver.execute_script(NUMBER_BOXES) == 0, "no number box beside the year slider"
    assert _violations(page) == []  # axe-core, WCAG 2.1 A and AA, in the small frame too
