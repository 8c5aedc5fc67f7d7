"""A journalist's picture: the download dialog takes a headline and a size, and its PNG link carries them."""

from urllib.parse import parse_qs, urlsplit

import pytest
from selenium.webdriver.support.ui import WebDriverWait

pytestmark = pytest.mark.browser

PNG_LINK = "return (document.querySelector('.picture-dialog a[href*=\"/export/view.png\"]') || {}).href || '';"
# The picture the link points at, fetched as a reader's browser would: its status and media type.
FETCH = """
const done = arguments[arguments.length - 1];
fetch(arguments[0]).then(r => done([r.status, r.headers.get('content-type')])).catch(e => done([0, String(e)]));
"""


def test_the_download_dialog_puts_a_headline_and_a_size_on_the_picture(dash_duo, demo):
    from app import create_app

    page = dash_duo
    page.start_server(create_app(demo))
    page.driver.get(page.server_url + "/?indicator=dwelling_flat&measure=share&year=2013")
    page.wait_for_text_to_equal("#map-title", "Etageboliger: andel af boligerne, 2013", timeout=30)
    page.find_element(".picture-dialog summary").click()
    page.find_element("#picture-headline").send_keys("Flere småbørn i nord")
    page.find_element("#picture-size input[value='social']").click()
    page.find_element("#picture-byline").click()  # leaving the box sends its text at once, without the wait

    def carried(driver):
        query = parse_qs(urlsplit(driver.execute_script(PNG_LINK)).query)
        return query if query.get("headline") == ["Flere småbørn i nord"] and query.get("size") == ["social"] else None

    query = WebDriverWait(page.driver, 30).until(carried)
    assert query["indicator"] == ["dwelling_flat"] and query["year"] == ["2013"], "and the view on screen"
    page.driver.set_script_timeout(60)  # the server's Chromium may still be starting
    try:
        status, media_type = page.driver.execute_async_script(FETCH, page.driver.execute_script(PNG_LINK))
    finally:
        from exports.images import PICTURES

        PICTURES.close()  # this process's picture browser, opened by the test server: closed before it stops
    assert (status, media_type) == (200, "image/png")
