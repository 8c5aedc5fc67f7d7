"""One way of writing numbers, on the server and in the browser: ``layers.i18n.write_number`` and the browser's
``writeNumber`` (assets/figures.js, run here in Node.js) give the same text for every value, language, unit and
sign. A fall is written as a fall, a rise as a rise, and nothing that rounds to zero carries a sign."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from layers.families import UNITS
from layers.i18n import number_symbols, write_number
from layers.text import LANGUAGES

ROOT = Path(__file__).resolve().parents[2]
NODE = shutil.which("node")
needs_node = pytest.mark.skipif(NODE is None, reason="Node.js runs the browser's formatter")
HARNESS = """
const window = {};
globalThis.window = window;
require(process.argv[1]);
const cases = JSON.parse(require("fs").readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(cases.map(c => window.DistriktskortFigures.writeNumber(c[0], c[1], c[2]))));
"""
# Every way a view writes a figure: each unit, as a level and as a change (suffixes as the change map uses them).
WRITTEN = [
    {"decimals": unit.decimals, "suffix": unit.suffix(lang), "signed": signed, "lang": lang}
    for unit in UNITS.values()
    for lang in LANGUAGES
    for signed in (False, True)
] + [{"decimals": 1, "suffix": " procentpoint", "signed": True, "lang": "da"},
     {"decimals": 1, "suffix": " percentage points", "signed": True, "lang": "en"},
     {"decimals": 1, "suffix": " procentenheter", "signed": True, "lang": "sv"}]  # fmt: skip


def _browser(values_and_written: list[tuple[float, dict]]) -> list[str]:
    cases = [
        (value, {key: written[key] for key in ("decimals", "suffix", "signed")}, number_symbols(written["lang"]))
        for value, written in values_and_written
    ]
    result = subprocess.run(
        [NODE, "-e", HARNESS, str(ROOT / "assets" / "figures.js")],
        input=json.dumps(cases), capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    return json.loads(result.stdout)


def _server(values_and_written: list[tuple[float, dict]]) -> list[str]:
    return [write_number(value, written, written["lang"]) for value, written in values_and_written]


CASES = [-1234567.89, -12.35, -0.4, -0.05, -0.04, -0.0, 0.0, 0.04, 0.05, 0.25, 0.35, 0.4, 2.5, 12.35, 1234.45, 99999.5]


@needs_node
def test_the_browser_and_the_server_write_every_value_alike():
    cases = [(value, written) for value in CASES for written in WRITTEN]
    assert _browser(cases) == _server(cases)


@needs_node
@settings(max_examples=30, deadline=None)
@given(st.lists(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False), min_size=1, max_size=50))
def test_the_browser_and_the_server_agree_on_any_value(values):
    cases = [(value, written) for value in values for written in WRITTEN]
    assert _browser(cases) == _server(cases)


@pytest.mark.parametrize("written", WRITTEN, ids=lambda written: f"{written['lang']}-{written['suffix'].strip()}-"
                                                                 f"{'signed' if written['signed'] else 'level'}")  # fmt: skip
def test_a_fall_is_written_as_a_fall_and_a_rise_as_a_rise(written):
    step = 4 * 10 ** -written["decimals"]  # a change the unit's decimals can show
    fall, none, rise = (write_number(value, written, written["lang"]) for value in (-step, 0.0, step))
    minus = "−" if written["signed"] else number_symbols(written["lang"])["minus"]
    assert fall.startswith(minus) and not rise.startswith(minus) and not none.startswith(("+", "−", "-"))
    assert rise.startswith("+") == written["signed"]
    assert not write_number(-0.0001, written, written["lang"]).startswith(("−", "-", "+")), "rounds to zero: no sign"
