"""WCAG 2.1 A and AA violations that axe-core finds on each view of the demo, in headless Chromium.

    python bench/a11y.py [--views start english ...]

axe-core 4.14.1 is vendored in ``tests/vendor/axe-core`` (MPL-2.0). The script serves the demo (``app.py``),
opens each view, runs axe with the WCAG 2.0/2.1 A and AA rules, and prints each failing rule with its impact and the
number of nodes, and a total per view. It is the measuring stick for issue 12 (everyone can read it); it reports
and does not fail, so that the figure can be followed while the page is made accessible.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import ROOT, browser, free_port, python, serving  # noqa: E402

from ui import ids  # noqa: E402

AXE = ROOT / "tests" / "vendor" / "axe-core" / "axe.min.js"
RUN_AXE = """
var done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
  .then(function (result) {
    done(result.violations.map(function (v) { return [v.id, v.impact, v.nodes.length]; }));
  }, function (error) { done([['axe-error', String(error), 0]]); });
"""


def _click(selector: str) -> Callable:
    def act(driver) -> None:
        driver.find_element(By.CSS_SELECTOR, selector).click()

    return act


def _phone(driver) -> None:
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride", {"width": 360, "height": 740, "deviceScaleFactor": 2, "mobile": True}
    )
    driver.refresh()


# A view: its address, and what a reader does there before axe looks.
VIEWS: dict[str, tuple[str, Callable | None]] = {
    "start": ("/", None),
    "english": ("/?lang=en", None),
    "profile": ("/?district=01", None),
    "comparison": ("/?district=01&compare=02", None),
    "change map": ("/?mode=change&from=2011", None),
    "table open": ("/", _click(".district-table summary")),
    "alt text open": ("/", _click(f"#{ids.ALT_TITLE}")),
    "embed dialog open": ("/", _click(f"#{ids.EMBED_TITLE}")),
    "embed": ("/embed", None),
    "phone 360 px": ("/", _phone),
}


def audit(driver, url: str, act: Callable | None) -> list[tuple[str, str, int]]:
    driver.get(url)
    WebDriverWait(driver, 30).until(lambda d: d.find_element(By.ID, "map-title").text.strip())
    if act is not None:
        try:
            act(driver)
        except Exception as error:  # a view the page does not have (yet): said, not fatal
            return [("view-not-reached", type(error).__name__, 0)]
        WebDriverWait(driver, 30).until(lambda d: d.find_element(By.ID, "map-title").text.strip())
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    driver.set_script_timeout(60)
    return [tuple(row) for row in driver.execute_async_script(RUN_AXE)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--views", nargs="*", default=list(VIEWS), choices=list(VIEWS))
    arguments = parser.parse_args()
    port = free_port()
    command = [python(), "app.py", "--host", "127.0.0.1", "--port", str(port)]
    total = 0
    with serving(command, port, ready_path="/healthz") as (url, _, _):
        driver = browser()
        try:
            for name in arguments.views:
                path, act = VIEWS[name]
                violations = audit(driver, url + path, act)
                nodes = sum(count for _, _, count in violations)
                total += nodes
                print(f"{name}: {len(violations)} rule(s), {nodes} node(s)")
                for rule, impact, count in violations:
                    print(f"    {rule} ({impact}): {count}")
        finally:
            driver.quit()
    print(f"total: {total} failing node(s) over {len(arguments.views)} view(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
