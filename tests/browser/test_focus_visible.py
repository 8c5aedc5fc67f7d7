"""Focus you can see, and nothing said by colour alone (WCAG 2.4.7, 1.4.11, 1.4.1 and 2.5.3), the rules axe cannot
judge: Tab through the whole page, with the table and the dialogs open, and read each focused control's own style.

Every focused control must show an outline at least 2 px wide whose colour has a contrast of at least 3:1 against the
background next to it (the nearest opaque ancestor's), and every control's accessible name must contain the text of
its visible label.
"""

import re

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from ui import ids

pytestmark = pytest.mark.browser

# The focused element, its focus style, and the colour behind it: the first ancestor with an opaque background.
FOCUS_STYLE = """
var element = document.activeElement;
if (!element || element === document.body) return null;
var style = getComputedStyle(element);
var behind = 'rgb(255, 255, 255)';
for (var node = element.parentElement; node; node = node.parentElement) {
  var colour = getComputedStyle(node).backgroundColor;
  var alpha = colour.match(/rgba\\([^)]*,\\s*([\\d.]+)\\)/);
  if (colour !== 'transparent' && (!alpha || Number(alpha[1]) >= 1)) { behind = colour; break; }
}
// A radio button is labelled by its own label; the control a labelled wrapper is made for (a dropdown, the slider,
// a text box) by the wrapper's label; a button or link by the words it shows (read in Python from innerText).
var wrapper = element.closest('[data-labelledby]'), own = element.closest('label');
var labelled = element.matches('.dash-dropdown, [role=slider], textarea, input:not([type=radio])');
var labelText = element.type === 'radio' && own ? own.textContent
  : wrapper && labelled ? (document.getElementById(wrapper.getAttribute('data-labelledby')) || {}).textContent : '';
return {
  what: element.tagName.toLowerCase() + (element.id ? '#' + element.id : '') + '.' + element.className,
  key: element.tabStopKey || (element.tabStopKey = 'stop-' + (window.tabStops = (window.tabStops || 0) + 1)),
  outlineStyle: style.outlineStyle, outlineWidth: style.outlineWidth, outlineColour: style.outlineColor,
  behind: behind, text: (element.innerText || '').trim(), label: (labelText || '').trim(),
  focusVisible: element.matches(':focus-visible')
};
"""
TABS = 120  # more than the page has stops, with the table and both dialogs open


def relative_luminance(colour: str) -> float:
    """WCAG 2.1 relative luminance of a CSS ``rgb()``/``rgba()`` colour (alpha ignored).

    >>> relative_luminance("rgb(255, 255, 255)"), relative_luminance("rgb(0, 0, 0)")
    (1.0, 0.0)
    """
    channels = [int(part) / 255 for part in re.findall(r"[\d.]+", colour)[:3]]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    """WCAG contrast ratio between two CSS colours, from 1 to 21.

    >>> round(contrast_ratio("rgb(0, 0, 0)", "rgb(255, 255, 255)"), 1)
    21.0
    >>> round(contrast_ratio("rgb(242, 169, 0)", "rgb(255, 255, 255)"), 1)  # the old amber ring: too pale
    2.0
    """
    light, dark = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_contrast_ratio_is_wcags():
    assert round(contrast_ratio("rgb(27, 42, 51)", "rgb(255, 255, 255)"), 1) == 14.7
    assert round(contrast_ratio("rgb(118, 118, 118)", "rgb(255, 255, 255)"), 2) == 4.54  # the classic AA grey
    assert contrast_ratio("rgb(255, 255, 255)", "rgba(255, 255, 255, 1)") == 1.0


def _open(duo, path: str) -> None:
    duo.driver.get(duo.server_url + path)
    WebDriverWait(duo.driver, 20).until(lambda driver: driver.find_element("id", ids.MAP_TITLE).text.strip())


def _tab_through(duo) -> list[dict]:
    """Press Tab from the top of the page until focus comes round again, and return each focused element's style."""
    # Focus on the page itself, so that the first Tab goes to the first control, wherever the last click was.
    duo.driver.execute_script(
        "document.body.tabIndex = -1; document.body.focus(); document.body.removeAttribute('tabindex');"
        "window.scrollTo(0, 0)"
    )
    seen, stops = set(), []
    for _ in range(TABS):
        ActionChains(duo.driver).send_keys(Keys.TAB).perform()
        stop = duo.driver.execute_script(FOCUS_STYLE)
        if stop is None:
            continue
        if stop["key"] in seen:
            break
        seen.add(stop["key"])
        stops.append({**stop, "name": duo.driver.switch_to.active_element.accessible_name or ""})
    return stops


def _badly_focused(stops: list[dict]) -> list[str]:
    bad = []
    for stop in stops:
        width = float(stop["outlineWidth"].removesuffix("px") or 0)
        ratio = contrast_ratio(stop["outlineColour"], stop["behind"])
        if not stop["focusVisible"] or stop["outlineStyle"] == "none" or width < 2 or ratio < 3:
            bad.append(f"{stop['what']}: {stop['outlineStyle']} {stop['outlineWidth']} {stop['outlineColour']} "
                       f"on {stop['behind']} ({ratio:.1f}:1)")  # fmt: skip
    return bad


def _misnamed(stops: list[dict]) -> list[str]:
    """Controls whose accessible name leaves out their visible label, or the words they show themselves."""
    bad = []
    for stop in stops:
        own = stop["text"] if stop["what"].split("#")[0].split(".")[0] in ("a", "button", "summary") else ""
        # Words only: a symbol such as "×" or "▶" is not a label a speech user would say.
        words = [text for text in (stop["label"], own) if re.search(r"\w", text)]
        name = stop["name"].casefold()
        bad += [f"{stop['what']}: {text!r} not in its name {name!r}" for text in words if text.casefold() not in name]
    return bad


@pytest.mark.parametrize(
    ("path", "opened"),
    [
        ("/", ()),
        ("/?district=01&compare=02", ()),
        ("/", (".district-table summary", f"#{ids.ALT_TITLE}", f"#{ids.EMBED_TITLE}")),
        ("/?mode=change&from=2011&lang=en", (".district-table summary",)),
    ],
    ids=["start", "comparison", "table and dialogs open", "english change map, table open"],
)
def test_every_control_shows_its_focus_at_3_to_1_and_is_named_by_its_label(page, path, opened):
    _open(page, path)
    if "district=" in path:
        WebDriverWait(page.driver, 20).until(lambda driver: driver.find_element("id", ids.PROFILE).is_displayed())
    for selector in opened:  # opened as a reader's click would, without waiting for the page to settle in between
        page.driver.execute_script("document.querySelector(arguments[0]).closest('details').open = true", selector)
    if opened:
        WebDriverWait(page.driver, 10).until(
            lambda driver: driver.find_elements("css selector", f"#{ids.TABLE_BODY} .row-button")
        )
    stops = _tab_through(page)
    reached = " ".join(stop["what"] for stop in stops)
    # The walk must reach every kind of control, or it proves nothing.
    for kind in ("a#page-skip", "input", ".dash-dropdown", "#controls-play", "summary", "canvas"):
        assert kind in reached, f"Tab never reached {kind}"
    if opened:
        assert "row-button" in reached and ".sort" in reached
    if f"#{ids.EMBED_TITLE}" in opened:
        assert sum(stop["what"].startswith("textarea") for stop in stops) == 2, "the alt text and the embed code"
    assert _badly_focused(stops) == []
    assert _misnamed(stops) == []


# --- Nothing said by colour alone (WCAG 1.4.1) ----------------------------------------------------------------------

# Each row of the ranking and the table: its district's name, aria-current, weight, and the marker drawn before it.
ROW_MARKS = """
function marks(row, nameCell) {
  return {name: nameCell.textContent.trim(), current: row.getAttribute('aria-current'),
          weight: Number(getComputedStyle(nameCell).fontWeight),
          marker: getComputedStyle(nameCell, '::before').content};
}
return {
  ranking: Array.from(document.querySelectorAll('#ranking-list li:not(.ranking-gap)')).map(
    row => marks(row, row.querySelector('.ranking-name'))),
  table: Array.from(document.querySelectorAll('#table-body tr:not(.table-more)')).map(
    row => marks(row, row.querySelector('.row-button')))
};
"""


def _no_marker(content: str) -> bool:
    return content in ("none", "normal", "")


def test_the_chosen_districts_rows_are_marked_by_more_than_colour(page, demo):
    _open(page, "/?district=01&compare=02")
    page.find_element(".district-table summary").click()
    WebDriverWait(page.driver, 10).until(lambda driver: driver.find_elements("css selector", "#table-body tr"))
    chosen = {demo.district_names[demo.district_ids.index(district)] for district in ("01", "02")}
    rows = page.driver.execute_script(ROW_MARKS)
    for where in ("ranking", "table"):
        marked = [row for row in rows[where] if row["current"] == "true"]
        assert {row["name"] for row in marked} == chosen, where
        assert all(row["weight"] >= 600 and not _no_marker(row["marker"]) for row in marked), where
        others = [row for row in rows[where] if row["name"] not in chosen]
        assert len(others) == len(demo.district_ids) - 2
        assert all(row["current"] is None and _no_marker(row["marker"]) for row in others), where


def test_the_legend_names_every_colour_in_words(page):
    for path in ("/", "/?mode=change&from=2011"):
        _open(page, path)
        items = page.driver.execute_script(
            "return Array.from(document.querySelectorAll('#map-legend li')).map(li => li.textContent.trim())"
        )
        assert len(items) >= 3 and all(re.search(r"\d|\w{3}", item) for item in items), items


def test_the_change_map_writes_its_signs_and_does_not_leave_them_to_colour(page):
    _open(page, "/?mode=change&from=2011")
    legend = page.find_element(f"#{ids.MAP_LEGEND}").text
    assert "−" in legend and "+" in legend, "falls and rises are told apart by their sign, not only orange vs purple"
    page.driver.find_element("css selector", f"#{ids.RANKING_LIST} li")
    values = page.driver.execute_script(
        "return Array.from(document.querySelectorAll('.ranking-value')).map(cell => cell.textContent)"
    )
    figures = [value for value in values if re.match(r"[+−]?\d", value)]
    assert len(figures) >= 20
    for value in figures:
        digits = re.sub(r"[^\d]", "", value)
        assert value[0] in "+−" or set(digits) == {"0"}, f"{value!r}: a change other than zero carries its sign"
    # ...and the right one: the ranking runs from the highest change to the lowest, so the written figures do too.
    written = [float(re.match(r"[+−]?[\d,]+", value)[0].replace("−", "-").replace(",", ".")) for value in figures]
    assert written == sorted(written, reverse=True), figures


def test_the_districts_own_dot_on_the_strip_differs_by_size_and_outline(page):
    _open(page, "/?district=01")
    WebDriverWait(page.driver, 20).until(lambda driver: driver.find_elements("css selector", ".strip-dot-self"))
    dots = page.driver.execute_script(
        "return Array.from(document.querySelectorAll('.strip-dot')).map(dot => [dot.classList.contains("
        "'strip-dot-self'), dot.getBoundingClientRect().width, getComputedStyle(dot).borderTopStyle])"
    )
    own = [dot for dot in dots if dot[0]]
    others = [dot for dot in dots if not dot[0]]
    assert len(own) == 1 and len(others) >= 10
    assert own[0][1] >= 1.4 * max(dot[1] for dot in others), "the district's own dot is larger than the rest"
    assert own[0][2] != "none" and all(dot[2] == "none" for dot in others)
