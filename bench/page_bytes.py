"""Bytes over the wire for the demo page: first load, one year step, one indicator switch.

    python bench/page_bytes.py [--dataset DIR] [--list]

Starts the app on a free loopback port, drives Debian's headless Chromium, and sums the encoded (compressed)
bytes of every response from Chromium's network log. Prints a table; it asserts nothing.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from common import browser, free_port, pick_option, traffic  # noqa: E402


def _wait_for_title(driver, text: str) -> None:
    WebDriverWait(driver, 30).until(lambda d: d.find_element(By.ID, "map-title").text.endswith(text))
    time.sleep(1.0)  # let any trailing request finish, so it is counted in this step


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", default=None)
    parser.add_argument("--list", action="store_true", help="also list every response of the first load")
    arguments = parser.parse_args()
    port = free_port()
    command = [sys.executable, "app.py", "--port", str(port)] + (
        ["--dataset", arguments.dataset] if arguments.dataset else []
    )
    server = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(url, timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        driver = browser()
        try:
            driver.get(url)
            _wait_for_title(driver, "2016")
            first = traffic(driver)
            driver.find_element(By.CSS_SELECTOR, "#controls-year [role=slider]").send_keys(Keys.ARROW_LEFT)
            _wait_for_title(driver, "2015")
            year_step = traffic(driver)
            pick_option(driver, "#controls-indicator", "Etageboliger")
            _wait_for_title(driver, "2015")
            switch = traffic(driver)
            pick_option(driver, "#controls-district", "Fjordby")
            WebDriverWait(driver, 30).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".profile-column h3"))
            time.sleep(1.0)
            profile = traffic(driver)
            driver.find_element(By.CSS_SELECTOR, "#controls-year [role=slider]").send_keys(Keys.ARROW_LEFT)
            _wait_for_title(driver, "2014")
            profile_step = traffic(driver)
        finally:
            driver.quit()
    finally:
        server.terminate()
        server.wait(timeout=10)

    def total(responses, fragment=""):
        return sum(size for url, size in responses if fragment in url)

    print(f"Distriktskort page bytes ({arguments.dataset or 'demo'}), encoded as sent over HTTP")
    print(f"{'step':<28}{'requests':>10}{'bytes':>12}")
    for label, responses in (("first load, everything", first), ("  of which district shapes", [t for t in first if ".geojson" in t[0]]),
                           ("  of which _dash-layout", [t for t in first if "_dash-layout" in t[0]]),
                           ("one year step", year_step), ("one indicator switch", switch),
                           ("opening a profile", profile), ("a year step, profile open", profile_step)):  # fmt: skip
        print(f"{label:<28}{len(responses):>10}{total(responses):>12,}")
    if arguments.list:  # what the first view loads, largest first: what could wait
        print("\nfirst load, response by response")
        for url_, size in sorted(first, key=lambda response: -response[1]):
            print(f"{size:>12,}  {url_.split('?')[0].replace(url.rstrip('/'), '')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
