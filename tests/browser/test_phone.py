"""Phone first: on a 360 × 740 phone the map and its title fill the first screen, the controls fold into a drawer
that works by keyboard, a profile opens as a sheet over the map, and nothing is wider than the screen in any mode.
Change figures ("+0,1 procentpoint") fit their cells in the ranking and the table on a phone and on a laptop.
"""

import pytest
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from tests.browser.test_accessibility import _violations
from ui import ids

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740, "deviceScaleFactor": 2, "mobile": True}
LAPTOP = {"width": 1366, "height": 768, "deviceScaleFactor": 1, "mobile": False}

# Where a box is on the screen, and whether it is shown at all.
BOX = """
var element = document.querySelector(arguments[0]);
if (!element) return null;
var box = element.getBoundingClientRect();
return {top: box.top, bottom: box.bottom, left: box.left, right: box.right, height: box.height,
        shown: element.getClientRects().length > 0, position: getComputedStyle(element).position};
"""
# Every box that holds more than it shows sideways: the page itself, and any panel, list or cell inside it.
TOO_WIDE = """
var found = [];
var page = document.documentElement;
if (page.scrollWidth > window.innerWidth) found.push('page: ' + page.scrollWidth + ' > ' + window.innerWidth);
document.querySelectorAll('.panel, .ranking, .ranking li > *, .district-table, .district-table td, .legend-items li, '
                          + '.drawer-toggle, .page-header').forEach(function (element) {
  if (!element.getClientRects().length) return;
  if (element.scrollWidth > element.clientWidth + 1) {
    found.push((element.id || element.className) + ' "' + element.textContent.slice(0, 30) + '": '
               + element.scrollWidth + ' > ' + element.clientWidth);
  }
  var box = element.getBoundingClientRect();
  if (box.right > window.innerWidth + 1 || box.left < -1) {
    found.push((element.id || element.className) + ' reaches ' + Math.round(box.left) + '–' + Math.round(box.right));
  }
});
return found;
"""
# Each change figure in the ranking and the table, and whether it fits its cell without being cut.
VALUE_CELLS = """
return Array.from(document.querySelectorAll('.ranking-value, #table-body td.num')).map(function (cell) {
  return [cell.textContent, cell.scrollWidth, cell.clientWidth];
});
"""


def _emulate(duo, metrics: dict) -> None:
    duo.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)


def _open(duo, path: str) -> None:
    duo.driver.get(duo.server_url + path)
    WebDriverWait(duo.driver, 20).until(lambda driver: driver.find_element("id", ids.MAP_TITLE).text.strip())


def _box(duo, selector: str) -> dict:
    return duo.driver.execute_script(BOX, selector)


def _focused_id(duo) -> str:
    return duo.driver.execute_script("return document.activeElement && document.activeElement.id")


def _wait(duo, condition, timeout: float = 10):
    return WebDriverWait(duo.driver, timeout).until(lambda driver: condition())


def _table_open(duo) -> None:
    duo.find_element(".district-table summary").click()
    _wait(duo, lambda: len(duo.driver.find_elements("css selector", f"#{ids.TABLE_BODY} tr")) > 0)


def test_the_map_and_its_title_fill_the_first_screen_with_the_controls_in_a_drawer(page):
    _emulate(page, PHONE)
    for path, button in (
        ("/", "Vælg tal og år"),
        ("/?lang=en", "Choose figures and year"),
        ("/?mode=change&from=2011", "Vælg tal og år"),
        # The longest first screen: an English change map, under a notice that a parameter was ignored.
        ("/?lang=en&mode=change&from=2011&colour=nonsense", "Choose figures and year"),
    ):
        _open(page, path)
        title, frame = _box(page, f"#{ids.MAP_TITLE}"), _box(page, ".map-frame")
        assert title["top"] >= 0 and title["bottom"] <= frame["top"], path
        assert frame["bottom"] <= PHONE["height"], f"{path}: the map ends {frame['bottom']:.0f} px down"
        assert frame["height"] >= 0.3 * PHONE["height"], f"{path}: the map is only {frame['height']:.0f} px high"
        assert not _box(page, f"#{ids.CONTROLS_PANEL}")["shown"], "the controls wait in a closed drawer"
        page.wait_for_text_to_equal(f"#{ids.CONTROLS_TOGGLE}", button)
        toggle = page.find_element(f"#{ids.CONTROLS_TOGGLE}")
        assert toggle.get_attribute("aria-expanded") == "false"
        assert toggle.get_attribute("aria-controls") == ids.CONTROLS_PANEL
        assert _box(page, f"#{ids.CONTROLS_TOGGLE}")["bottom"] <= frame["top"], "the button is found before the map"


def test_the_drawer_opens_and_closes_by_keyboard(page):
    _emulate(page, PHONE)
    _open(page, "/")
    toggle = page.find_element(f"#{ids.CONTROLS_TOGGLE}")
    assert toggle.text == "Vælg tal og år"
    toggle.send_keys(Keys.ENTER)
    _wait(page, lambda: toggle.get_attribute("aria-expanded") == "true")
    assert _box(page, f"#{ids.CONTROLS_PANEL}")["shown"]
    inside = f"return document.getElementById('{ids.CONTROLS_PANEL}').contains(document.activeElement)"
    _wait(page, lambda: page.driver.execute_script(inside))  # focus moved into the drawer
    page.driver.switch_to.active_element.send_keys(Keys.ESCAPE)
    _wait(page, lambda: toggle.get_attribute("aria-expanded") == "false")
    assert not _box(page, f"#{ids.CONTROLS_PANEL}")["shown"]
    assert _focused_id(page) == ids.CONTROLS_TOGGLE, "Escape gives focus back to the button"
    # Space opens it too, and the button closes it again.
    toggle.send_keys(Keys.SPACE)
    _wait(page, lambda: toggle.get_attribute("aria-expanded") == "true")
    toggle.send_keys(Keys.ENTER)
    _wait(page, lambda: toggle.get_attribute("aria-expanded") == "false")
    assert not _box(page, f"#{ids.CONTROLS_PANEL}")["shown"]


def test_on_a_wide_screen_the_controls_are_always_shown_and_the_button_is_not(page):
    _emulate(page, LAPTOP)
    _open(page, "/")
    assert _box(page, f"#{ids.CONTROLS_PANEL}")["shown"]
    assert not _box(page, f"#{ids.CONTROLS_TOGGLE}")["shown"]


def test_a_profile_opens_as_a_sheet_over_the_map_with_its_close_button_at_the_top(page):
    _emulate(page, PHONE)
    _open(page, "/?district=01")
    _wait(page, lambda: _box(page, f"#{ids.PROFILE}")["shown"], timeout=20)
    sheet = _box(page, f"#{ids.PROFILE}")
    assert sheet["position"] == "fixed"
    assert 0 <= sheet["top"] < PHONE["height"], "the sheet starts on the screen, not thousands of pixels down"
    assert abs(sheet["bottom"] - PHONE["height"]) <= 1, "the sheet sits on the bottom of the screen"
    assert sheet["height"] <= 0.85 * PHONE["height"] + 1
    # Scrolled far down inside, the sheet keeps its close button at its top.
    page.driver.execute_script(f"document.getElementById('{ids.PROFILE}').scrollTop = 2000")
    scrolled = page.driver.execute_script(f"return document.getElementById('{ids.PROFILE}').scrollTop")
    assert scrolled > 0, "the profile is longer than the sheet, and scrolls inside it"
    close = _box(page, f"#{ids.PROFILE_CLOSE}")
    assert sheet["top"] <= close["top"] and close["bottom"] <= sheet["top"] + 60
    page.find_element(f"#{ids.PROFILE_CLOSE}").click()
    _wait(page, lambda: not _box(page, f"#{ids.PROFILE}")["shown"])


# Where the focus is, whether it is inside the profile, and what stands outside it that Tab could still reach.
FOCUS_AND_INERT = """
var profile = document.getElementById(arguments[0]), active = document.activeElement;
var outside = Array.from(document.querySelectorAll('a[href], button, input, textarea, summary, [tabindex], canvas'))
  .filter(function (element) { return !profile.contains(element) && !element.closest('[inert]')
                                       && element.getClientRects().length; });
return {inside: profile.contains(active), active: active === document.body ? 'BODY' : active.id || active.className,
        reachableOutside: outside.length, inert: document.querySelectorAll('[inert]').length,
        role: profile.getAttribute('role'), modal: profile.getAttribute('aria-modal'),
        name: (profile.getAttribute('aria-labelledby') || '').split(' ').map(function (id) {
          return (document.getElementById(id) || {}).textContent; }).join(' ')};
"""


def _tap(duo, x: int, y: int) -> None:
    """A real tap at a point of the screen, hit-tested by the browser as a finger's would be (inert counts)."""
    for kind in ("mousePressed", "mouseReleased"):
        duo.driver.execute_cdp_cmd(
            "Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1}
        )


def _open_from_the_table(duo) -> str:
    if not duo.driver.execute_script("return document.querySelector('.district-table').open"):
        _table_open(duo)
    row = duo.find_element(f"#{ids.TABLE_BODY} .row-button")
    name = row.text
    row.send_keys(Keys.ENTER)
    _wait(duo, lambda: _box(duo, f"#{ids.PROFILE}")["shown"], timeout=20)
    _wait(duo, lambda: duo.driver.execute_script(FOCUS_AND_INERT, ids.PROFILE)["inside"])
    return name


def test_the_phone_sheet_is_modal_until_it_is_closed(page):
    _emulate(page, PHONE)
    _open(page, "/")
    name = _open_from_the_table(page)
    state = page.driver.execute_script(FOCUS_AND_INERT, ids.PROFILE)
    assert (state["role"], state["modal"]) == ("dialog", "true")
    assert state["name"] == name, "the sheet is named by its heading"
    assert state["reachableOutside"] == 0 and state["inert"] > 0, "the page behind the sheet is inert"
    for _ in range(40):  # well past the end of the profile: Tab stays inside the sheet
        page.driver.switch_to.active_element.send_keys(Keys.TAB)
        state = page.driver.execute_script(FOCUS_AND_INERT, ids.PROFILE)
        assert state["inside"] or state["active"] == "BODY", f"Tab left the sheet for {state['active']}"
    page.driver.switch_to.active_element.send_keys(Keys.ESCAPE)
    _wait(page, lambda: not _box(page, f"#{ids.PROFILE}")["shown"])
    state = page.driver.execute_script(FOCUS_AND_INERT, ids.PROFILE)
    assert (state["inert"], state["role"]) == (0, None), "closed, the whole page is back"
    _wait(page, lambda: page.driver.switch_to.active_element.text == name)  # focus back on the row it came from
    # A tap on the dimmed page above the sheet closes it too.
    _open_from_the_table(page)
    _tap(page, PHONE["width"] // 2, 20)
    _wait(page, lambda: not _box(page, f"#{ids.PROFILE}")["shown"])
    assert page.driver.execute_script(FOCUS_AND_INERT, ids.PROFILE)["inert"] == 0


def test_a_compared_sheet_is_named_by_both_districts_and_an_embedded_profile_makes_nothing_inert(page, demo):
    _emulate(page, PHONE)
    _open(page, "/?district=01&compare=02")
    _wait(page, lambda: _box(page, f"#{ids.PROFILE}")["shown"], timeout=20)
    names = " ".join(demo.district_names[demo.district_ids.index(key)] for key in ("01", "02"))
    _wait(page, lambda: page.driver.execute_script(FOCUS_AND_INERT, ids.PROFILE)["name"] == names)
    # /embed shows no profile, even when its address names districts: the whole frame stays usable.
    _emulate(page, {**PHONE, "width": 320, "height": 480})
    _open(page, "/embed?district=01&compare=02")
    heading = f"return Boolean(document.querySelector('#{ids.PROFILE} .profile-heading'))"
    _wait(page, lambda: page.driver.execute_script(heading), timeout=20)  # the profile is made, though not shown
    state = page.driver.execute_script(FOCUS_AND_INERT, ids.PROFILE)
    assert (state["inert"], state["role"]) == (0, None)
    assert not page.driver.execute_script("return document.body.classList.contains('sheet-open')")


def test_on_a_wide_screen_the_profile_is_a_panel_and_the_page_stays_usable(page):
    _emulate(page, LAPTOP)
    _open(page, "/")
    _open_from_the_table(page)
    state = page.driver.execute_script(FOCUS_AND_INERT, ids.PROFILE)
    assert (state["inert"], state["role"], state["modal"]) == (0, None, None)
    assert state["reachableOutside"] > 10


# Each mode a reader can reach, by its address, and what is opened there before looking (a selector to click).
MODES = {
    "start": ("/", None),
    "change": ("/?mode=change&from=2011", None),
    "table open": ("/", ".district-table summary"),
    "change, table open": ("/?mode=change&from=2011", ".district-table summary"),
    "profile": ("/?district=01", None),
    "comparison": ("/?district=01&compare=02", None),
    "alt text open": ("/", f"#{ids.ALT_TITLE}"),
    "embed code open": ("/", f"#{ids.EMBED_TITLE}"),
    "drawer open": ("/", f"#{ids.CONTROLS_TOGGLE}"),
    "english": ("/?lang=en", None),
    "english change, table open": ("/?lang=en&mode=change&from=2011", ".district-table summary"),
}


def test_nothing_is_wider_than_the_screen_in_any_mode(page):
    _emulate(page, PHONE)
    found = {}
    for name, (path, click) in MODES.items():
        _open(page, path)
        if "district=" in path:
            _wait(page, lambda: _box(page, f"#{ids.PROFILE}")["shown"], timeout=20)
        if click is not None:
            page.find_element(click).click()
        if "table" in name:
            _wait(page, lambda: len(page.driver.find_elements("css selector", f"#{ids.TABLE_BODY} tr")) > 0)
        found[name] = page.driver.execute_script(TOO_WIDE)
    assert {name: boxes for name, boxes in found.items() if boxes} == {}


@pytest.mark.parametrize("metrics", [PHONE, LAPTOP], ids=["360 px", "1366 px"])
@pytest.mark.parametrize(("lang", "unit"), [("da", "procentpoint"), ("en", "percentage point")])
def test_change_figures_fit_their_cells_in_the_ranking_and_the_table(page, metrics, lang, unit):
    _emulate(page, metrics)
    _open(page, f"/?lang={lang}&mode=change&from=2011")
    _wait(page, lambda: unit in page.find_element(f"#{ids.RANKING_LIST}").text)
    _table_open(page)
    cells = page.driver.execute_script(VALUE_CELLS)
    written = [text for text, _, _ in cells if unit in text]
    assert len(written) >= 2 * 20, "every district's change, in the ranking and in the table, with its unit"
    assert any(text.startswith("+") for text in written) or any(text.startswith("−") for text in written)
    assert [(text, needs, has) for text, needs, has in cells if needs > has] == []


def test_axe_finds_nothing_on_a_phone_with_the_drawer_or_the_sheet_open(page):
    _emulate(page, PHONE)
    found = {}
    _open(page, "/")
    page.find_element(f"#{ids.CONTROLS_TOGGLE}").click()
    _wait(page, lambda: _box(page, f"#{ids.CONTROLS_PANEL}")["shown"])
    found["drawer open"] = _violations(page)
    _open(page, "/?district=01&compare=02")
    _wait(page, lambda: _box(page, f"#{ids.PROFILE}")["shown"], timeout=20)
    found["comparison sheet open"] = _violations(page)
    assert {name: rules for name, rules in found.items() if rules} == {}
