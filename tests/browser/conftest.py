"""Browser tests drive a real headless Chromium through dash_duo (run with ``pytest --headless``).

Each helper reads what the map actually drew: MapLibre's rendered features, with their fill colours (feature-state).
"""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from app import create_app

# What the map has drawn, as {district id: fill colour}, read from the map component itself.
RENDERED_FILLS = """
return window.DistrictMap ? DistrictMap.renderedFills(document.getElementById('map-graph')) : null;
"""
UPDATE_REQUESTS = """
return performance.getEntriesByType('resource').filter(entry => entry.name.includes('_dash-update-component')).length;
"""


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
