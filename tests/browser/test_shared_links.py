"""The view lives in the address: a shared link reopens it, changes write it, and Back goes back."""

import pytest
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

pytestmark = pytest.mark.browser


def test_a_shared_link_opens_the_same_view(dash_duo, demo):
    from app import create_app

    dash_duo.start_server(create_app(demo))
    link = "/?indicator=dwelling_flat&measure=share&year=2013&district=01&mode=change&from=2011&lang=en"
    dash_duo.driver.get(dash_duo.server_url + link)
    dash_duo.wait_for_text_to_equal("#map-title", "Flats: change in share of dwellings from 2011 to 2013", timeout=20)
    dash_duo.wait_for_text_to_equal(".profile-column h3", "Fjordby")
    assert dash_duo.find_element("#page-notice").text == ""


def test_changing_the_view_writes_the_address_and_back_returns(page):
    page.find_element("#controls-year [role=slider]").send_keys(Keys.HOME)
    page.wait_for_text_to_equal("#map-title", "0–5 år: andel af indbyggerne, 2011")
    assert "year=2011" in page.driver.current_url
    page.find_element("#controls-year [role=slider]").send_keys(Keys.END)
    page.wait_for_text_to_equal("#map-title", "0–5 år: andel af indbyggerne, 2016")
    page.driver.back()
    page.wait_for_text_to_equal("#map-title", "0–5 år: andel af indbyggerne, 2011")


def test_a_malformed_link_falls_back_with_a_quiet_notice(dash_duo, demo):
    from app import create_app

    dash_duo.start_server(create_app(demo))
    dash_duo.driver.get(dash_duo.server_url + "/?indicator=nonsense&year=1800&colour=red")
    dash_duo.wait_for_text_to_equal("#map-title", "0–5 år: andel af indbyggerne, 2016", timeout=20)
    notice = dash_duo.find_element("#page-notice").text
    assert "colour" in notice and "indicator=nonsense" in notice and "year=1800" in notice
    assert [entry for entry in dash_duo.get_logs() if entry.get("level") == "SEVERE"] == []


def test_the_embed_shows_the_map_legend_title_slider_and_source_at_320_px(dash_duo, demo):
    from app import create_app

    dash_duo.start_server(create_app(demo))
    dash_duo.driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride", {"width": 320, "height": 640, "deviceScaleFactor": 1, "mobile": True}
    )
    dash_duo.driver.get(dash_duo.server_url + "/embed?indicator=dwelling_flat&year=2013")
    dash_duo.wait_for_text_to_equal("#map-title", "Etageboliger: andel af boligerne, 2013", timeout=20)
    visible = dash_duo.driver.execute_script(
        "return ['.page-header', '#map-graph', '#map-legend', '#controls-year', '#map-source', '.side',"
        " '#controls-indicator'].map(s => { const e = document.querySelector(s); return !!(e && e.offsetParent); })"
    )
    assert visible == [True, True, True, True, True, False, False]  # the header: the area's name and the badge
    assert dash_duo.driver.execute_script("return document.documentElement.scrollWidth") <= 320


def test_the_embed_dialog_gives_the_iframe_for_the_current_view(page):
    page.find_element("#controls-year [role=slider]").send_keys(Keys.HOME)
    page.wait_for_text_to_equal("#map-title", "0–5 år: andel af indbyggerne, 2011")
    page.find_element(".embed-dialog summary").click()
    code = page.find_element("#embed-code").get_attribute("value")
    assert code.startswith('<iframe src="http') and "/embed?" in code and "year=2011" in code


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_change_ranking_writes_falls_as_falls_highest_first(dash_duo, demo, lang):
    from app import create_app

    dash_duo.start_server(create_app(demo))
    link = f"/?indicator=dwelling_detached&measure=share&year=2016&mode=change&from=2011&lang={lang}"
    dash_duo.driver.get(dash_duo.server_url + link)
    read = "return [...document.querySelectorAll('#ranking-list .ranking-value')].map(e => e.textContent)"
    # The ranking is drawn again once the change view arrives: read it when every label is a change.
    labels = WebDriverWait(dash_duo.driver, 20).until(
        lambda driver: (found := driver.execute_script(read)) and all(label[0] in "+−0" for label in found) and found
    )
    decimal = "," if lang == "da" else "."
    numbers = [float(label.split()[0].replace("−", "-").replace(decimal, ".")) for label in labels]
    assert len(numbers) == len(demo.district_ids), labels
    assert numbers == sorted(numbers, reverse=True), "highest first, with falls below zero"
    assert labels[0].startswith("+") and labels[-1].startswith("−"), "a rise has a plus and a fall a true minus"
    series = demo.series["dwelling_detached", "share"]
    assert max(numbers) == pytest.approx(max(series.values[-1] - series.values[0]), abs=0.051)
    assert min(numbers) == pytest.approx(min(series.values[-1] - series.values[0]), abs=0.051)
