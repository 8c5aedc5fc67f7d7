"""One contract with the browser: the page's scripts take every component id, view parameter, limit and status code
they share with Python from the contract (ui/contract.py), never from a copy of their own."""

import json
import re
from pathlib import Path

import pytest

from ui import ids
from ui.contract import CONTRACT_ELEMENT, PAGE_CLASS, browser_contract, contract_element

ASSETS = Path(__file__).resolve().parents[2] / "assets"
SCRIPTS = sorted(ASSETS.glob("*.js"))  # the page's own scripts; the vendored map library lies below, in vendor/
COMPONENT_IDS = {name: value for name, value in vars(ids).items() if name.isupper() and isinstance(value, str)}
CONTRACT = browser_contract()
# The names a script would give its own copy of a contract value: the contract's keys, as constants, and the
# Python names they come from.
COPY_NAMES = {key.upper() for key in CONTRACT} | {f"{word.upper()}_CODE" for word in CONTRACT["status"]} | {
    "PARAMETER_NAMES", "PANEL", "TOGGLE", "ANNOUNCE", "PICKERS",
}  # fmt: skip


def id_literals(text: str) -> list[str]:
    """The component ids ``text`` writes itself: as a string ("map-graph", 'map-graph') or a selector ("#map-graph
    canvas")."""
    found = []
    for name, value in COMPONENT_IDS.items():
        as_selector = re.compile(r"""["']#""" + re.escape(value) + r"(?![\w-])")
        if f'"{value}"' in text or f"'{value}'" in text or as_selector.search(text):
            found.append(f"{name} ({value})")
    return found


def copied_values(text: str) -> list[str]:
    """The contract's values ``text`` keeps a copy of: a constant named like one (``var PICKER_ALL = 200``), a list
    of its names written out (``["indicator", "measure", ...``), or a status code compared with a number."""
    constants = re.finditer(r"\bvar\s+([A-Z][A-Z0-9_]*)\s*=", text)
    copies = [found.group(0) for found in constants if found.group(1) in COPY_NAMES]
    for key, value in CONTRACT.items():
        if isinstance(value, list) and len(value) > 1:
            written = re.compile(r"""["']{}["']\s*,\s*["']{}["']""".format(*map(re.escape, value[:2])))
            copies += [f"{key}: {found.group(0)}" for found in written.finditer(text)]
    copies += [found.group(0) for found in re.finditer(r"\b\w*[Cc]ode\s*[!=]==?\s*\d+", text)]
    return copies


def read_names(pattern: str) -> set[str]:
    """Every name the scripts read from the contract through ``pattern`` (a regular expression with one group)."""
    return {name for script in SCRIPTS for name in re.findall(pattern, script.read_text(encoding="utf-8"))}


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda path: path.name)
def test_no_script_writes_a_component_id_itself(script):
    assert id_literals(script.read_text(encoding="utf-8")) == [], "read it from the contract: contract().ids.NAME"


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda path: path.name)
def test_no_script_keeps_its_own_copy_of_a_contract_value(script):
    assert copied_values(script.read_text(encoding="utf-8")) == [], "read it from the contract: contract().name"


def test_the_checks_find_a_planted_copy():
    assert id_literals('document.getElementById("map-graph")') == ["MAP_GRAPH (map-graph)"]
    assert id_literals("document.querySelector('#profile .x')") == ["PROFILE (profile)"]
    assert id_literals('closest(".profile-heading"); getElementById(contract().ids.PROFILE)') == []
    assert copied_values("var PICKER_ALL = 200;") == ["var PICKER_ALL ="]
    assert copied_values('var names = ["indicator", "measure", "year"];') == ['view_parameters: "indicator", "measure"']
    assert copied_values("if (code === 1) return;") == ["code === 1"]


def test_every_id_a_script_reads_is_in_the_contract_and_every_one_there_is_read():
    read = read_names(r"\bids\.([A-Z][A-Z0-9_]*)")
    assert read == set(CONTRACT["ids"])
    assert all(COMPONENT_IDS[name] == value for name, value in CONTRACT["ids"].items()), "as ui/ids.py has them"


def test_every_value_a_script_reads_is_in_the_contract_and_every_one_there_is_read():
    assert read_names(r"\bcontract\(\)\.([a-z_]+)") == set(CONTRACT)
    assert read_names(r"\.status\.([a-z]+)") <= set(CONTRACT["status"])


def test_the_contract_is_read_from_the_element_the_page_carries(demo):
    from app import create_app

    script = (ASSETS / "contract.js").read_text(encoding="utf-8")
    assert f'var ELEMENT = "{CONTRACT_ELEMENT}";' in script
    for path in ("/", "/embed"):
        page = create_app(demo).server.test_client().get(path).get_data(as_text=True)
        assert contract_element() in page
        carried = re.search(rf'<script type="application/json" id="{CONTRACT_ELEMENT}">(.*?)</script>', page)
        assert json.loads(carried.group(1)) == CONTRACT


def test_the_contract_holds_the_python_values():
    from layers.status import MISSING, SUPPRESSED
    from ui.controls import PICKER_ALL
    from ui.labels import MAX_LABEL_CHARS
    from view.view import PARAMETER_NAMES

    assert CONTRACT["view_parameters"] == list(PARAMETER_NAMES)
    assert (CONTRACT["picker_all"], CONTRACT["max_label_chars"]) == (PICKER_ALL, MAX_LABEL_CHARS)
    assert CONTRACT["status"] == {"missing": MISSING.code, "suppressed": SUPPRESSED.code}


def test_the_page_class_is_the_one_the_layout_gives(demo):
    from ui.layout import build_layout

    assert build_layout(demo, "da", "/data/districts.x.geojson").className == PAGE_CLASS
