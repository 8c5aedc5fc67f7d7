"""Opening the first profile: the bytes it costs and the time from the click to the drawn profile, in headless Chromium.

    python bench/profile_open.py [--sizes 2000] [--visits 3]

For each dataset made by ``bench/make_datasets.py`` it starts Distriktskort (``app.py``, warm) and, per visit, a
fresh browser (cold cache) opens the page, waits for the drawn map, and picks the first district in the district
picker (typing its name, then clicking it), as a reader does; once with the district table closed, once with it
open (its rows are drawn again for a chosen district). Measured from the click on the name:

- ms: to ``performance.mark('profile-drawn')``, which ``assets/sparkline.js`` sets when the profile's trend chart is
  drawn (the last part of the profile to appear);
- bytes: every encoded (compressed) byte the browser received from the click until the profile settled, with
  the largest responses named, so a chart library loading shows up by name.

Prints the medians of ``--visits`` and writes them to ``bench/.datasets/profile_open.json``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
import urllib.request
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import DATASETS, browser, free_port, pick_option, python, serving, traffic  # noqa: E402

INSTRUMENT = "document.addEventListener('click', function () { performance.mark('input'); }, true);"
MARKS_AFTER = """
var since = arguments[0];
return performance.getEntriesByName(arguments[1]).map(function (e) { return e.startTime; })
  .filter(function (t) { return t > since; });
"""
LAST_INPUT = "var m = performance.getEntriesByName('input'); return m.length ? m[m.length - 1].startTime : 0;"
SETTLE_S = 1.5


def _mark_after(driver, name: str, since: float, timeout: float = 120) -> float:
    found: list[float] = []

    def seen(d):
        nonlocal found
        found = d.execute_script(MARKS_AFTER, since, name)
        return bool(found)

    WebDriverWait(driver, timeout, poll_frequency=0.01).until(seen)
    return found[0]


def visit(url: str, name: str, table: bool) -> dict:
    """One reader in a fresh browser: the page (and its table), then the district picked; that click's ms and
    bytes."""
    driver = browser()
    try:
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": INSTRUMENT})
        driver.execute_cdp_cmd("Network.enable", {})
        driver.get(url + "/")
        _mark_after(driver, "map-updated", 0)
        if table:
            driver.find_element(By.CSS_SELECTOR, ".district-table summary").click()
            WebDriverWait(driver, 60).until(lambda d: d.find_element(By.CSS_SELECTOR, ".row-button[data-district]"))
        time.sleep(SETTLE_S)  # the page's own trailing requests count before the click, not after it
        traffic(driver)
        # The picker, not the row: above PICKER_ALL districts a row's click leaves the picker empty (the picker
        # holds no options until a name is typed), so no profile opens; see the report of issue 15.
        pick_option(driver, "#controls-district", name)
        clicked = driver.execute_script(LAST_INPUT)
        drawn = _mark_after(driver, "profile-drawn", clicked)
        time.sleep(SETTLE_S)
        responses = traffic(driver)
        largest = sorted(responses, key=lambda response: -response[1])[:3]
        return {
            "ms": round(drawn - clicked),
            "bytes": sum(size for _, size in responses),
            "largest": [[url_.split("?")[0].replace(url, ""), size] for url_, size in largest],
        }
    finally:
        driver.quit()


def _first_name(url: str) -> str:
    """The first district's name, from the page's layout (the map's setup store), as locustfile.py reads it."""
    layout = json.loads(urllib.request.urlopen(url + "/_dash-layout", timeout=60).read())
    stack = [layout]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if node.get("id") == "map-setup":
                return node["data"]["names"][0]
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    raise SystemExit("no map-setup store in the layout")


def _medians(runs: list[dict]) -> dict:
    return {
        "ms": round(statistics.median(run["ms"] for run in runs)),
        "bytes": round(statistics.median(run["bytes"] for run in runs)),
        "runs": runs,
    }


def run_size(size: int, visits: int) -> dict:
    """Per dataset size: the profile opened with the district table closed (the page as it opens), and open (its
    rows are drawn again when a district is chosen)."""
    folder = DATASETS / str(size) / "dataset"
    if not folder.exists():
        raise SystemExit(f"{folder} is missing: run python bench/make_datasets.py --sizes {size} first")
    port = free_port()
    command = [python(), "app.py", "--dataset", str(folder), "--port", str(port)]
    with serving(command, port, "/healthz", '"views":true') as (url, _, _):
        name = _first_name(url)
        return {
            "table_closed": _medians([visit(url, name, table=False) for _ in range(visits)]),
            "table_open": _medians([visit(url, name, table=True) for _ in range(visits)]),
        }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2_000])
    parser.add_argument("--visits", type=int, default=3)
    arguments = parser.parse_args()
    path = DATASETS / "profile_open.json"
    results = json.loads(path.read_text()) if path.exists() else {}
    for size in arguments.sizes:
        results[str(size)] = run_size(size, arguments.visits)
        for how, entry in results[str(size)].items():
            print(f"{size:,} districts, {how.replace('_', ' ')}: opening the first profile {entry['ms']} ms, "
                  f"{entry['bytes']:,} B (median of {arguments.visits}; largest: {entry['runs'][-1]['largest']})",
                  flush=True)  # fmt: skip
        path.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
