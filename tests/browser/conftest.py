"""Browser tests drive a real headless Chromium through dash_duo (run with ``pytest --headless``).

Each helper reads what the map actually drew: MapLibre's rendered features, with their fill colours.
"""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from app import create_app

# MapLibre's rendered features of the choropleth's fill layer, as {feature id: fill colour}. MapLibre turns
# numeric-looking string ids into numbers ("01" becomes 1), so compare with drawn_ids(), not raw district ids.
RENDERED_FILLS = """
const gd = document.querySelector('#map-graph .js-plotly-plot');
if (!gd || !gd._fullLayout || !gd._fullLayout.map) return null;
const map = gd._fullLayout.map._subplot.map;
if (!map.loaded()) return null;
const fills = map.getStyle().layers.filter(layer => layer.id.endsWith('-fill')).map(layer => layer.id);
const colours = {};
for (const feature of map.queryRenderedFeatures({layers: fills})) colours[feature.id] = feature.properties.fc;
return colours;
"""
UPDATE_REQUESTS = """
return performance.getEntriesByType('resource').filter(entry => entry.name.includes('_dash-update-component')).length;
"""


def drawn_ids(district_ids) -> set[str]:
    """District ids as MapLibre reports them for rendered features."""
    return {str(int(district_id)) if district_id.isdigit() else district_id for district_id in district_ids}


@pytest.fixture
def page(dash_duo, demo):
    """The demo app in the browser, with the map drawn and coloured."""
    dash_duo.start_server(create_app(demo))
    dash_duo.wait_for_text_to_equal("#map-title", "0–5 år: andel af indbyggerne, 2016", timeout=20)
    return dash_duo


def _wait_for_fills(duo, accept, timeout: float) -> dict:
    result = {}

    def ready(driver):
        nonlocal result
        result = driver.execute_script(RENDERED_FILLS) or {}
        return accept(result)

    WebDriverWait(duo.driver, timeout).until(ready)
    return result


def rendered_fills(duo, expected_count: int, timeout: float = 20) -> dict:
    """Wait until the map has drawn ``expected_count`` districts, then return their fill colours."""
    return _wait_for_fills(duo, lambda fills: len(fills) >= expected_count, timeout)


def fills_change(duo, before: dict, timeout: float = 10) -> dict:
    """Wait until the map's colours differ from ``before``, and return the new ones."""
    return _wait_for_fills(duo, lambda fills: bool(fills) and fills != before, timeout)


def choose(duo, dropdown_id: str, label: str) -> None:
    """Pick an option of a Dash 4 dropdown the way a reader does: open it, search, click the option."""
    duo.find_element(f"#{dropdown_id}").click()
    duo.find_element(".dash-dropdown-search").send_keys(label)
    duo.driver.find_element(
        By.XPATH, f"//label[contains(@class, 'dash-dropdown-option')][.//span[.='{label}']]"
    ).click()
