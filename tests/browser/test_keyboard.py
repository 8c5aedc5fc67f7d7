"""The map by keyboard alone, focus that follows the reader, and a live region that speaks once, not every frame.

The walk: Tab to the skip link, Enter onto the map, a district is focused and said; an arrow moves to a real
neighbour that way (by the polygons, geo/neighbours.py); Enter opens its profile with focus on its heading, and
Escape brings focus back to the map on the same district.
"""

import math
import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from insight.analysis import rank_in_year
from layers.i18n import format_number, format_value
from tests.browser.conftest import choose, rendered_fills
from ui import ids

pytestmark = pytest.mark.browser

MAP = "document.getElementById('map-graph')"
FOCUSED = f"return DistrictMap.focused({MAP});"
# The shapes in the map's own focus source, and whether its outline is drawn on screen.
FOCUS_SOURCE = f"""
const map = DistrictMap.mapOf({MAP});
const source = map.getSource('district-focus');
const data = source.serialize().data;
const features = (data && data.features) || [];
return [features.map(feature => feature.id), map.queryRenderedFeatures({{layers: ['district-focus']}}).length];
"""
TIP = "const tip = document.querySelector('#map-graph .map-tip'); return tip ? tip.textContent : '';"
PROJECT = f"const point = DistrictMap.mapOf({MAP}).project(arguments[0]); return [point.x, point.y];"
ACTIVE = "const a = document.activeElement; return [a.tagName, a.className, a.textContent, a.id];"
# Every text the live region is given from now on (a MutationObserver, so no write between polls is missed).
COUNT_ANNOUNCEMENTS = f"""
window.spokenTexts = [];
new MutationObserver(() => {{
  const text = document.getElementById('{ids.MAP_ANNOUNCE}').textContent;
  if (text) window.spokenTexts.push(text);
}}).observe(document.getElementById('{ids.MAP_ANNOUNCE}'), {{childList: true, characterData: true, subtree: true}});
"""


def _announced(page) -> str:
    return page.find_element(f"#{ids.MAP_ANNOUNCE}").get_attribute("textContent")


def _wait(page, condition, timeout: float = 30):  # generous: the shared test machine can be slow
    return WebDriverWait(page.driver, timeout).until(lambda driver: condition())


def _active(page) -> list:
    return page.driver.execute_script(ACTIVE)


def _shape_of(demo, district_id: str) -> int:
    return int(demo.feature_of_year[demo.years.index(demo.info.default_year)][demo.district_ids.index(district_id)])


def _expected_words(demo, district_id: str) -> tuple[str, str, str, str]:
    """The district's name, figure, count and denominator, and rank, written as the page writes them."""
    series = demo.series[demo.info.default_indicator, demo.info.default_measure]
    year, district = demo.years.index(demo.info.default_year), demo.district_ids.index(district_id)
    rank = rank_in_year(series, year, district)
    upper = rank.position <= rank.from_bottom
    place = f"{rank.position if upper else rank.from_bottom}. {'højeste' if upper else 'laveste'} af {rank.of}"
    count = format_number(series.counts[year, district], 0, "da")
    return demo.district_names[district], format_value(series.values[year, district], series.unit, "da"), count, place


def _tab_onto_the_map(page) -> str:
    page.driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    _wait(page, lambda: _active(page)[3] == ids.PAGE_SKIP)
    page.driver.switch_to.active_element.send_keys(Keys.ENTER)
    _wait(page, lambda: page.driver.execute_script(FOCUSED))
    assert "maplibregl-canvas" in _active(page)[1]
    return page.driver.execute_script(FOCUSED)


def test_the_keyboard_walks_the_map_opens_a_profile_and_comes_back(page, demo):
    rendered_fills(page, len(demo.district_ids))
    canvas = page.find_element("#map-graph canvas.maplibregl-canvas")
    assert canvas.get_attribute("aria-describedby") == ids.MAP_HELP
    assert "piletasterne" in page.find_element(f"#{ids.MAP_HELP}").get_attribute("textContent")
    assert canvas.get_attribute("aria-label") == "Kort over skoledistrikter"
    assert canvas.get_attribute("role") == "application", "a screen reader passes the arrow keys to the map"

    # Nothing chosen: the keyboard starts at the first district by name, and says it in full.
    start = _tab_onto_the_map(page)
    assert start == demo.district_ids[demo.district_names.index("Agerlund")]  # first of the 23 in Danish order
    name, figure, count, place = _expected_words(demo, start)
    _wait(page, lambda: name in _announced(page))
    spoken = _announced(page)
    assert figure in spoken and count in spoken and place in spoken, spoken
    shapes, drawn = page.driver.execute_script(FOCUS_SOURCE)
    assert shapes == [_shape_of(demo, start)]
    # A sighted keyboard user reads what a pointer would: the tooltip, with its count and denominator.
    _wait(page, lambda: name in page.driver.execute_script(TIP))
    assert count in page.driver.execute_script(TIP)

    # An arrow moves to a neighbour by the polygons, lying that way on screen.
    page.driver.switch_to.active_element.send_keys(Keys.ARROW_RIGHT)
    _wait(page, lambda: page.driver.execute_script(FOCUSED) != start)
    moved = page.driver.execute_script(FOCUSED)
    assert _shape_of(demo, moved) in demo.neighbours[_shape_of(demo, start)]
    x0, y0 = page.driver.execute_script(PROJECT, list(demo.label_points[_shape_of(demo, start)]))
    x1, y1 = page.driver.execute_script(PROJECT, list(demo.label_points[_shape_of(demo, moved)]))
    assert x1 > x0 and abs(math.degrees(math.atan2(y1 - y0, x1 - x0))) <= 60
    moved_name = _expected_words(demo, moved)[0]
    _wait(page, lambda: _announced(page).startswith(moved_name))
    # The outline follows, and is drawn.
    _wait(
        page,
        lambda: (
            page.driver.execute_script(FOCUS_SOURCE) == [[_shape_of(demo, moved)], 1]
            or (
                page.driver.execute_script(FOCUS_SOURCE)[0] == [_shape_of(demo, moved)]
                and page.driver.execute_script(FOCUS_SOURCE)[1] > 0
            )
        ),
    )

    # Arrows no longer pan the map while a district has focus.
    centre = page.driver.execute_script(f"return DistrictMap.mapOf({MAP}).getCenter().toArray();")
    page.driver.switch_to.active_element.send_keys(Keys.ARROW_UP)
    assert page.driver.execute_script(f"return DistrictMap.mapOf({MAP}).getCenter().toArray();") == centre

    # Enter opens the profile, with focus on its heading; Escape brings focus back to the map, on the same district.
    page.driver.execute_script(f"DistrictMap.mapOf({MAP}).getCanvas().focus();")
    here = page.driver.execute_script(FOCUSED)
    here_name = _expected_words(demo, here)[0]
    page.driver.switch_to.active_element.send_keys(Keys.ENTER)
    _wait(page, lambda: _active(page)[2] == here_name)
    assert "profile-heading" in _active(page)[1]
    page.driver.switch_to.active_element.send_keys(Keys.ESCAPE)
    page.wait_for_element_by_css_selector("#profile[hidden]")
    _wait(page, lambda: "maplibregl-canvas" in _active(page)[1])
    assert page.driver.execute_script(FOCUSED) == here


def test_a_neighbour_a_little_aside_is_still_that_way_when_nothing_lies_straighter(page, demo):
    # Below Agerlund nothing lies within 60 degrees of straight down; Hesselbjerg shares its southern border, its
    # middle some 65 degrees aside (checked on the demo: an audit found the arrow said "nothing that way").
    start = _tab_onto_the_map(page)
    assert start == demo.district_ids[demo.district_names.index("Agerlund")]
    below = demo.district_ids[demo.district_names.index("Hesselbjerg")]
    assert _shape_of(demo, below) in demo.neighbours[_shape_of(demo, start)]
    page.driver.switch_to.active_element.send_keys(Keys.ARROW_DOWN)
    _wait(page, lambda: page.driver.execute_script(FOCUSED) == below)


def test_an_island_says_there_is_nothing_that_way(page, demo):
    island = demo.district_ids[demo.district_names.index("Æbeløkke")]
    assert demo.neighbours[_shape_of(demo, island)] == ()
    page.driver.get(page.server_url + "/?district=" + island)
    page.wait_for_text_to_equal(".profile-heading", "Æbeløkke", timeout=30)
    rendered_fills(page, len(demo.district_ids))
    # The chosen district is where the keyboard starts; Æbeløkke lies furthest east, so east there is nothing.
    assert _tab_onto_the_map(page) == island
    page.driver.switch_to.active_element.send_keys(Keys.ARROW_RIGHT)
    _wait(page, lambda: "ikke flere skoledistrikter" in _announced(page))
    assert page.driver.execute_script(FOCUSED) == island
    # West, with no neighbour by the polygons, it goes to the nearest district that way.
    page.driver.switch_to.active_element.send_keys(Keys.ARROW_LEFT)
    _wait(page, lambda: page.driver.execute_script(FOCUSED) != island)


def _open_table(page) -> None:
    page.find_element(".district-table summary").click()
    page.wait_for_element_by_css_selector(".row-button")


def test_a_table_row_moves_focus_to_the_profile_and_closing_brings_it_back(page):
    _open_table(page)
    row = "//button[contains(@class, 'row-button')][.='Tornhøj']"
    page.driver.find_element(By.XPATH, row).send_keys(Keys.ENTER)
    _wait(page, lambda: _active(page)[2] == "Tornhøj")
    assert "profile-heading" in _active(page)[1]
    spoken = _announced(page)
    assert "Tornhøj" in spoken and len(spoken) <= 300
    page.find_element(f"#{ids.PROFILE_CLOSE}").click()
    page.wait_for_element_by_css_selector("#profile[hidden]")
    _wait(page, lambda: "row-button" in _active(page)[1] and _active(page)[2] == "Tornhøj")


def test_a_peer_button_moves_focus_to_the_peers_heading_and_closing_returns_to_the_origin(page):
    _open_table(page)
    page.driver.find_element(By.XPATH, "//button[contains(@class, 'row-button')][.='Fjordby']").send_keys(Keys.ENTER)
    _wait(page, lambda: _active(page)[2] == "Fjordby")
    peer = page.find_element(".peer")
    peer_name = peer.text
    peer.send_keys(Keys.ENTER)
    _wait(page, lambda: _active(page)[2] == peer_name)
    assert "profile-heading" in _active(page)[1]
    assert peer_name in _announced(page)
    page.driver.switch_to.active_element.send_keys(Keys.ESCAPE)
    page.wait_for_element_by_css_selector("#profile[hidden]")
    _wait(page, lambda: "row-button" in _active(page)[1] and _active(page)[2] == "Fjordby")


def test_a_profile_announces_one_short_sentence_not_its_whole_text(page):
    assert page.find_element(f"#{ids.PROFILE}").get_attribute("aria-live") is None
    _open_table(page)
    page.driver.find_element(By.XPATH, "//button[contains(@class, 'row-button')][.='Mølleby']").click()
    page.wait_for_text_to_equal(".profile-heading", "Mølleby")
    _wait(page, lambda: "Mølleby" in _announced(page))
    assert _announced(page) == "Profilen for Mølleby er åbnet."
    assert len(page.find_element(f"#{ids.PROFILE}").text) > 300, "the profile itself is long; only a sentence is said"


def test_escape_closes_the_open_embed_dialog_and_focus_returns_to_its_summary(page):
    summary = page.find_element(f"#{ids.EMBED_TITLE}")
    summary.send_keys(Keys.ENTER)
    dialog = page.driver.find_element(By.XPATH, f"//summary[@id='{ids.EMBED_TITLE}']/..")
    _wait(page, lambda: dialog.get_attribute("open") is not None)
    page.driver.switch_to.active_element.send_keys(Keys.ESCAPE)
    _wait(page, lambda: dialog.get_attribute("open") is None)
    assert _active(page)[3] == ids.EMBED_TITLE
    # The table, opened and left with focus elsewhere on the page, closes on Escape too.
    _open_table(page)
    page.driver.find_element(By.TAG_NAME, "body").send_keys(Keys.ESCAPE)
    table = page.find_element(".district-table")
    _wait(page, lambda: table.get_attribute("open") is None)


def test_playing_is_quiet_until_it_stops_and_then_says_the_year_once(page):
    for live in (ids.MAP_TITLE, ids.MAP_SENTENCE):
        assert page.find_element(f"#{live}").get_attribute("aria-live") is None
    page.driver.execute_script(COUNT_ANNOUNCEMENTS)
    titles = set()
    page.find_element(f"#{ids.CONTROLS_PLAY}").click()
    _wait(page, lambda: titles.add(page.find_element(f"#{ids.MAP_TITLE}").text) or len(titles) >= 3, timeout=15)
    assert page.driver.execute_script("return window.spokenTexts;") == [], "nothing said while it plays"
    page.find_element(f"#{ids.CONTROLS_PLAY}").click()
    _wait(page, lambda: page.driver.execute_script("return window.spokenTexts.length;") >= 1)
    page.driver.execute_script("return new Promise(done => setTimeout(done, 1500));")
    spoken = page.driver.execute_script("return window.spokenTexts;")
    assert len(spoken) == 1
    assert spoken[0].startswith(page.find_element(f"#{ids.MAP_TITLE}").text)


def test_moving_the_year_by_hand_is_said_once_it_rests(page):
    page.driver.execute_script(COUNT_ANNOUNCEMENTS)
    page.find_element(f"#{ids.CONTROLS_YEAR} [role=slider]").send_keys(Keys.HOME)
    page.wait_for_text_to_equal(f"#{ids.MAP_TITLE}", "0–5 år: andel af indbyggerne, 2011")
    _wait(page, lambda: page.driver.execute_script("return window.spokenTexts.length;") >= 1)
    assert page.driver.execute_script("return window.spokenTexts;")[0].startswith("0–5 år: andel af indbyggerne, 2011.")


def test_sorting_the_table_says_the_new_order(page):
    _open_table(page)
    page.driver.find_element(By.XPATH, "//button[contains(@class, 'sort')][.='Skoledistrikt']").click()
    _wait(page, lambda: _announced(page) == "Sorteret efter skoledistrikt, A til Å.")
    page.driver.find_element(By.XPATH, "//button[contains(@class, 'sort')][.='Tal']").click()
    _wait(page, lambda: _announced(page) == "Sorteret efter tal, højeste først.")


def test_the_map_speaks_english_on_the_english_page(dash_duo, demo):
    from app import create_app

    dash_duo.start_server(create_app(demo))
    dash_duo.driver.get(dash_duo.server_url + "/?lang=en")
    dash_duo.wait_for_element(f"#{ids.MAP_ANNOUNCE}", timeout=20)
    dash_duo.driver.execute_script(COUNT_ANNOUNCEMENTS)
    dash_duo.wait_for_text_to_equal("#map-title", "0–5 years: share of residents, 2016", timeout=20)
    rendered_fills(dash_duo, len(demo.district_ids))
    assert "arrow keys" in dash_duo.find_element(f"#{ids.MAP_HELP}").get_attribute("textContent")
    assert _tab_onto_the_map(dash_duo) == demo.district_ids[demo.district_names.index("Agerlund")]
    _wait(dash_duo, lambda: "counted from the" in _announced(dash_duo))
    assert _announced(dash_duo).startswith("Agerlund, ")
    # The English view the address asked for is the first view, not a change the reader made: it is not said,
    # then or later (it once was, 0.6 s after the render, over the district the reader had moved to).
    time.sleep(1.5)
    assert [text for text in dash_duo.driver.execute_script("return window.spokenTexts") if text] == [
        _announced(dash_duo)
    ]


def test_on_the_change_map_a_district_is_said_with_the_count_and_denominator_behind_its_share(page, demo):
    page.driver.get(page.server_url + "/?mode=change&from=2011")
    page.wait_for_text_to_equal(
        f"#{ids.MAP_TITLE}", "0–5 år: ændring i andel af indbyggerne fra 2011 til 2016", timeout=20
    )
    rendered_fills(page, len(demo.district_ids))
    start = _tab_onto_the_map(page)
    name, _, count, place = _expected_words(demo, start)
    _wait(page, lambda: name in _announced(page))
    spoken = _announced(page)
    assert "procentpoint" in spoken and "fra " in spoken and " i 2011 til " in spoken, spoken
    assert f"({count} af " in spoken and "indbyggere)" in spoken, f"the count behind the share: {spoken}"


def test_the_district_picker_moves_focus_to_the_profile_and_escape_returns_to_the_picker(page):
    choose(page, ids.CONTROLS_DISTRICT, "Fjordby")
    _wait(page, lambda: _active(page)[2] == "Fjordby" and "profile-heading" in _active(page)[1])
    page.driver.switch_to.active_element.send_keys(Keys.ESCAPE)
    page.wait_for_element_by_css_selector("#profile[hidden]")
    picker = f"#{ids.CONTROLS_DISTRICT}"
    _wait(
        page,
        lambda: page.driver.execute_script(
            f"return document.querySelector('{picker}').closest('.control').contains(document.activeElement);"
        ),
    )


def test_a_peer_button_in_a_profile_opened_by_a_link_moves_focus_to_the_peers_heading(page, demo):
    # A shared link opens the profile before the reader has pressed anything; the first key is in the profile.
    page.driver.get(page.server_url + "/?district=01")
    page.wait_for_text_to_equal(".profile-heading", demo.district_names[0], timeout=30)
    peer = page.find_element(".peer")
    peer_name = peer.text
    peer.send_keys(Keys.ENTER)
    _wait(page, lambda: _active(page)[2] == peer_name)
    assert "profile-heading" in _active(page)[1] and peer_name in _announced(page)
    # Closing it goes to the map: the profile came from no control on the page.
    page.driver.switch_to.active_element.send_keys(Keys.ESCAPE)
    page.wait_for_element_by_css_selector("#profile[hidden]")
    _wait(page, lambda: "maplibregl-canvas" in _active(page)[1])


ZOOM_NAMES = "return [...document.querySelectorAll('#map-graph .maplibregl-ctrl button')].map(b => b.getAttribute('aria-label'));"


def test_the_maps_own_buttons_speak_the_pages_language(page):
    _wait(page, lambda: page.driver.execute_script(ZOOM_NAMES) == ["Zoom ind", "Zoom ud"])
    page.find_element("#controls-lang input[value=sv]").click()
    _wait(page, lambda: page.driver.execute_script(ZOOM_NAMES) == ["Zooma in", "Zooma ut"])
    page.find_element("#controls-lang input[value=en]").click()
    _wait(page, lambda: page.driver.execute_script(ZOOM_NAMES) == ["Zoom in", "Zoom out"])
