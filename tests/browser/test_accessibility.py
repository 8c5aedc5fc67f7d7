"""Everyone can read it: axe-core finds no WCAG 2.1 A or AA violation on any view, every control carries the name of
its visible label, and the first Tab stop is a link that takes the keyboard to the map.

One app serves every view, so that the whole audit costs one server start.
"""

from pathlib import Path

import pytest
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from ui import ids

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parent.parent / "vendor" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
RUN_AXE = """
var done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: arguments[1], values: arguments[0]}}).then(
  function (result) {
    done(result.violations.map(function (v) { return v.id + ' (' + v.nodes.length + '): ' + v.nodes[0].target; }));
  },
  function (error) { done(['axe failed: ' + error]); });
"""
# Each control in a labelled wrapper, and the ids that name it: the visible label's must come first.
CONTROL_NAMES = """
return Array.from(document.querySelectorAll('[data-labelledby]')).flatMap(wrapper =>
  Array.from(wrapper.querySelectorAll('[role=radiogroup], [role=slider], button.dash-dropdown, textarea')).map(
    control => [wrapper.getAttribute('data-labelledby'), control.getAttribute('aria-labelledby') || '']));
"""
PHONE = {"width": 360, "height": 740, "deviceScaleFactor": 2, "mobile": True}

# A view: its address, and the selector a reader clicks there (if any) before axe looks.
VIEWS = {
    "start": ("/", None),
    "english": ("/?lang=en", None),
    "swedish": ("/?lang=sv", None),
    "swedish profile": ("/?lang=sv&district=01&compare=02", None),
    "profile": ("/?district=01", None),
    "comparison": ("/?district=01&compare=02", None),
    "change map": ("/?mode=change&from=2011", None),
    "table open": ("/", ".district-table summary"),
    "alt text open": ("/", f"#{ids.ALT_TITLE}"),
    "embed dialog open": ("/", f"#{ids.EMBED_TITLE}"),
    "picture dialog open": ("/", f"#{ids.PICTURE_TITLE}"),
    "citation dialog open": ("/", f"#{ids.CITE_TITLE}"),
    "embed": ("/embed", None),
    "no figures, hatched": ("/?indicator=industry_agriculture&measure=share&year=2011", None),
    "embed comparison": ("/embed?district=01&compare=02", None),
    "statement": ("/tilgaengelighed", None),
    "statement in swedish": ("/tilgaengelighed?lang=sv", None),
    "lesson builder": ("/lektion", None),
    "lesson": ("/lektion?q=most:age_0_5:2016&q=guess:age_0_5:07:2016&q=draw:age_0_5:07", None),
}
PLAIN_PAGES = ("/tilgaengelighed", "/lektion")  # pages without the Dash map (ui/statement.py, ui/lesson_*.py)


def _open(duo, path: str) -> None:
    duo.driver.get(duo.server_url + path)
    if path.startswith(PLAIN_PAGES):
        WebDriverWait(duo.driver, 20).until(lambda driver: driver.find_element("tag name", "h1").text.strip())
        return
    WebDriverWait(duo.driver, 20).until(lambda driver: driver.find_element("id", ids.MAP_TITLE).text.strip())


def _violations(duo, values: list[str] = WCAG_TAGS, kind: str = "tag") -> list[str]:
    duo.driver.execute_script(AXE.read_text(encoding="utf-8"))
    duo.driver.set_script_timeout(60)
    return duo.driver.execute_async_script(RUN_AXE, values, kind)


def test_axe_finds_no_wcag_violation_on_any_view(page):
    found = {}
    for name, (path, click) in VIEWS.items():
        _open(page, path)
        if click is not None:
            page.find_element(click).click()
        found[name] = _violations(page)
    page.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    _open(page, "/")
    found["phone 360 px"] = _violations(page)
    assert {name: rules for name, rules in found.items() if rules} == {}


# Beyond WCAG A/AA, axe's best practice for landmarks: one banner, one main, one footer, each told apart.
LANDMARK_RULES = ["landmark-one-main", "landmark-no-duplicate-banner", "landmark-no-duplicate-contentinfo",
                  "landmark-no-duplicate-main", "landmark-unique"]  # fmt: skip


@pytest.mark.parametrize("path", ["/", "/?district=01&compare=02&lang=sv"])
def test_the_page_has_one_of_each_landmark(page, path):
    _open(page, path)
    assert _violations(page, LANDMARK_RULES, "rule") == []


def test_every_control_is_named_by_its_visible_label(page):
    names = page.driver.execute_script(CONTROL_NAMES)
    assert len(names) >= 9  # language, indicator, measure, year, mode, from year, two districts, alt text, embed
    assert [(label, named_by) for label, named_by in names if named_by.split(" ")[0] != label] == []


def test_the_first_tab_reaches_the_skip_link_and_enter_moves_focus_to_the_map(page):
    page.driver.find_element("tag name", "body").send_keys(Keys.TAB)
    focused = page.driver.switch_to.active_element
    assert focused.get_attribute("id") == ids.PAGE_SKIP
    assert focused.text == "Spring til kortet"  # shown once focused, not only to screen readers
    focused.send_keys(Keys.ENTER)
    WebDriverWait(page.driver, 5).until(
        lambda driver: driver.execute_script(
            f"return document.getElementById('{ids.MAP_GRAPH}').contains(document.activeElement)"
        )
    )
