"""Start, memory, first map, year step and indicator switch, for Distriktskort and its peer, in headless Chromium.

    python bench/browser.py [--sizes 25 500 2000 10000] [--repeat 5]

For each dataset made by ``bench/make_datasets.py`` it starts Distriktskort (``app.py``) and the peer
(``bench/peer_app.py``: the usual Dash approach, a callback that rebuilds a ``px.choropleth_map`` per change), each
measured unthrottled and with the browser throttled to a phone on 4G (20 Mbit/s, 20 ms). Per run, a fresh browser:

- first map: from navigation start to the first drawn map, and every byte the page loaded until then (median of
  three visits, each in a fresh browser with a cold cache);
- year step: from the slider's key press to the drawn map, and the bytes it cost (median of ``--repeat``);
- indicator switch: from the click on another indicator to the drawn map, and its bytes (median of switches
  within the age family; then one switch to another family, reported on its own);
- the repaint floor: a bare MapLibre repaint of the same map, nothing changed (``floor_repaint_ms``: from
  ``triggerRepaint()`` to the end of that frame; ``floor_redraw_ms``: the frame's own work, ``map.redraw()``), so
  every figure can be set against it.

"Drawn" is ``performance.mark('map-updated')``: Distriktskort sets it when MapLibre is idle after an update (a year
step by key is recoloured by the page at once, and Dash follows after that frame: assets/map.js); for the peer this
script sets it the same way, when Plotly's map is idle after ``plotly_afterplot``. Bytes are encoded
(compressed) bytes from Chromium's network log. Results are printed and written to ``bench/.datasets/browser.json``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import DATASETS, FOUR_G, browser, free_port, pick_option, python, resident_mb, serving, traffic  # noqa: E402

# Set in every page before it runs: a mark at each key press and click, and for the peer a mark once Plotly's map
# has drawn after a plot (Plotly's own event, then MapLibre's idle).
INSTRUMENT = """
document.addEventListener('keydown', function () { performance.mark('input'); }, true);
document.addEventListener('click', function () { performance.mark('input'); }, true);
new MutationObserver(function () {
  var gd = document.querySelector('#map .js-plotly-plot');
  if (!gd || gd.__benchHooked || !gd.on) return;
  gd.__benchHooked = true;
  gd.on('plotly_afterplot', function () {
    var subplot = gd._fullLayout.map && gd._fullLayout.map._subplot;
    if (!subplot) return;
    subplot.map.once('idle', function () { performance.mark('map-updated'); });
    subplot.map.triggerRepaint();
  });
}).observe(document, {childList: true, subtree: true});
"""
MARKS_AFTER = """
var since = arguments[0];
return performance.getEntriesByName('map-updated').map(function (e) { return e.startTime; })
  .filter(function (t) { return t > since; });
"""
FIRST_VISITS = 3
# The repaint floor: a bare MapLibre repaint of the map on the page, nothing changed. "repaint" is from
# triggerRepaint() to the end of the frame it asks for (MapLibre's 'render' event, fired at the end of a frame):
# what any change on the map costs at least, a wait for the next animation frame included. "redraw" is the frame's
# own work alone: map.redraw() draws synchronously. Medians of REPAINTS, each after a pause.
REPAINTS = 15
REPAINT_FLOOR = """
var done = arguments[arguments.length - 1], container = document.getElementById(arguments[0]), count = arguments[1];
var gd = document.querySelector('#map .js-plotly-plot');
var map = container && window.DistrictMap ? DistrictMap.mapOf(container)
  : gd && gd._fullLayout.map && gd._fullLayout.map._subplot.map;
if (!map) { done(null); return; }
var repaints = [], redraws = [];
function median(list) { list = list.slice().sort(function (a, b) { return a - b; }); return list[list.length >> 1]; }
function one() {
  var asked = performance.now();
  map.once('render', function () {
    repaints.push(performance.now() - asked);
    var started = performance.now();
    map.redraw();
    redraws.push(performance.now() - started);
    if (repaints.length < count) setTimeout(one, 60);
    else done({repaint_ms: median(repaints), redraw_ms: median(redraws)});
  });
  map.triggerRepaint();
}
setTimeout(one, 60);
"""
LAST_INPUT = "var m = performance.getEntriesByName('input'); return m.length ? m[m.length - 1].startTime : 0;"


class Page:
    """What differs between the two apps: their controls."""

    def __init__(self, slider: str, dropdown: str, options: list[str], elsewhere: str, map_id: str = ""):
        self.slider, self.dropdown, self.options, self.elsewhere = slider, dropdown, options, elsewhere
        self.map = map_id  # the id of the box DistrictMap draws in; the peer's map is found through Plotly


# Switches within the age family (the same denominators), then one to another family (flats, out of dwellings).
OURS = Page(
    "#controls-year [role=slider]",
    "#controls-indicator",
    ["6–16 år", "17–24 år", "25–39 år", "40–64 år"],
    "Etageboliger",
    "map-graph",
)
PEER = Page("#year [role=slider]", "#indicator", ["age_6_16", "age_17_24", "age_25_39", "age_40_64"], "dwelling_flat")


def _drawn_after(driver, since: float, timeout: float = 180) -> float:
    found: list[float] = []

    def drawn(d):
        nonlocal found
        found = d.execute_script(MARKS_AFTER, since)
        return bool(found)

    WebDriverWait(driver, timeout, poll_frequency=0.02).until(drawn)
    return found[0]


def _settle(driver, seconds: float = 1.5) -> None:
    time.sleep(seconds)  # trailing requests and repaints finish, so they count where they belong
    traffic(driver)


def _switch(driver, page: Page, option: str) -> tuple[float, int]:
    """Pick another indicator as a reader does; the time from the click to the drawn map, and the bytes."""
    _settle(driver)
    pick_option(driver, page.dropdown, option)
    clicked = driver.execute_script(LAST_INPUT)
    took = _drawn_after(driver, clicked) - clicked
    time.sleep(1.0)
    return took, sum(size for _, size in traffic(driver))


def _first_visit(url: str, throttled: bool):
    """A fresh browser (cold cache) opening the page: the browser, the time to the drawn map, and the traffic."""
    driver = browser()
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": INSTRUMENT})
    driver.execute_cdp_cmd("Network.enable", {})
    if throttled:
        driver.execute_cdp_cmd("Network.emulateNetworkConditions", FOUR_G)
    driver.get(url + "/")
    first_ms = _drawn_after(driver, 0)
    time.sleep(1.0)
    return driver, first_ms, traffic(driver)


def measure(url: str, page: Page, throttled: bool, repeat: int, visits: int = FIRST_VISITS) -> dict:
    times, sizes = [], []
    for _ in range(visits - 1):  # the first visit is timed several times, each in a fresh browser
        driver, first_ms, first = _first_visit(url, throttled)
        driver.quit()
        times.append(first_ms)
        sizes.append(sum(size for _, size in first))
    driver, first_ms, first = _first_visit(url, throttled)
    try:
        times.append(first_ms)
        sizes.append(sum(size for _, size in first))
        result = {"first_ms": round(statistics.median(times)), "first_bytes": round(statistics.median(sizes))}
        result["geometry_bytes"] = sum(size for url_, size in first if ".geojson" in url_)
        floor = driver.execute_async_script(REPAINT_FLOOR, page.map, REPAINTS) or {}
        result.update({f"floor_{name}": round(value, 1) for name, value in floor.items()})
        steps, step_bytes = [], []
        handle = driver.find_element(By.CSS_SELECTOR, page.slider)
        for index in range(repeat):
            _settle(driver)
            handle.send_keys(Keys.ARROW_LEFT if index % 2 == 0 else Keys.ARROW_RIGHT)
            pressed = driver.execute_script(LAST_INPUT)
            steps.append(_drawn_after(driver, pressed) - pressed)
            time.sleep(1.0)
            step_bytes.append(sum(size for _, size in traffic(driver)))
        switches, switch_bytes = [], []
        for option in page.options[: max(1, min(repeat, len(page.options)))]:
            took, sent = _switch(driver, page, option)
            switches.append(took)
            switch_bytes.append(sent)
        other_ms, other_bytes = _switch(driver, page, page.elsewhere)
        result.update(
            step_ms=round(statistics.median(steps)),
            step_bytes=round(statistics.median(step_bytes)),
            switch_ms=round(statistics.median(switches)),
            switch_bytes=round(statistics.median(switch_bytes)),
            family_switch_ms=round(other_ms),
            family_switch_bytes=other_bytes,
        )
        return result
    finally:
        driver.quit()


def run_size(size: int, repeat: int) -> dict:
    folder = DATASETS / str(size) / "dataset"
    if not folder.exists():
        raise SystemExit(f"{folder} is missing: run python bench/make_datasets.py --sizes {size} first")
    results = {}
    # Distriktskort is measured once its worker has compressed what a first visit loads ("warm", serving/warm.py)
    # and answered the likely views ("views", serving/precompute.py): the state every reader after the first meets,
    # and no background work shares the cores with the browser. Its start time is until it first answers, like the
    # peer's.
    apps = (("distriktskort", OURS, "app.py", "/healthz", '"views":true'), ("peer", PEER, "bench/peer_app.py", "/", ""))
    for name, page, script, ready_path, ready_text in apps:
        port = free_port()
        command = [python(), script, "--dataset", str(folder), "--port", str(port)]
        with serving(command, port, ready_path, ready_text) as (url, pid, start_s):
            entry = {"start_s": round(start_s, 2)}
            for network in ("unthrottled", "4g"):
                entry[network] = measure(url, page, network == "4g", repeat)
                if network == "unthrottled":
                    entry["rss_mb"] = round(resident_mb(pid))
            results[name] = entry
        print(f"  {size:,} districts, {name}: {json.dumps(entry)}", flush=True)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[25, 500, 2_000, 10_000])
    parser.add_argument("--repeat", type=int, default=5)
    arguments = parser.parse_args()
    path = DATASETS / "browser.json"
    results = json.loads(path.read_text()) if path.exists() else {}
    for size in arguments.sizes:
        results[str(size)] = run_size(size, arguments.repeat)
        path.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
