"""The page's contract with its JavaScript: the ids, names, limits and codes that assets/*.js shares with Python.

Each value is read from the Python registry that owns it (component ids from ``ui.ids``, the address's parameters
from the view, the pickers' limits, the status codes), so the browser never keeps a copy that could drift. The page
carries the contract once, as a JSON data block in its HTML (``app.py``'s template, element ``CONTRACT_ELEMENT``),
there before any script runs; every asset reads it through ``window.DistriktskortContract()`` (assets/contract.js).
tests/unit/test_browser_contract.py checks that no asset writes one of these values itself, and that every name an
asset reads is here.
"""

from __future__ import annotations

import json

from layers.status import HIDDEN
from ui import ids
from ui.controls import PICKER_ALL, PICKER_MATCHES
from ui.labels import MAX_LABEL_CHARS
from ui.layout import PAGE_CLASS
from ui.panels import TABLE_COLUMNS
from view.view import PARAMETER_NAMES

# The one id the browser cannot take from the contract: the element the contract is read from (assets/contract.js
# names it too, and the test checks the two agree). Not a Dash component, so not in ui.ids.
CONTRACT_ELEMENT = "page-contract"
# The component ids the browser reads, by their names in ui.ids: it finds elements by them, sets their props
# (dash_clientside.set_props), and tells which input triggered a clientside callback.
BROWSER_IDS = (
    "CONTROLS_COMPARE", "CONTROLS_DISTRICT", "CONTROLS_PANEL", "CONTROLS_TOGGLE", "CONTROLS_YEAR", "DISTRICT_PICK",
    "MAP_ANNOUNCE", "MAP_GRAPH", "MAP_HELP", "MAP_SENTENCE", "MAP_TITLE", "MAP_VIEW", "PAGE", "PROFILE",
    "PROFILE_CLOSE", "TABLE_OPEN", "TABLE_SORT", "LESSON", "LESSON_DATA", "RANKING_LIST", "TABLE_BODY",
)  # fmt: skip


def browser_contract() -> dict:
    """Everything assets/*.js needs to know of the Python side, as plain JSON values.

    >>> contract = browser_contract()
    >>> contract["ids"]["MAP_GRAPH"], contract["status"]["missing"], contract["view_parameters"][0]
    ('map-graph', 0, 'indicator')
    """
    return {
        "ids": {name: getattr(ids, name) for name in BROWSER_IDS},
        # In the order the page's writeUrl callback receives the controls' values (ui/callbacks.py).
        "view_parameters": list(PARAMETER_NAMES),
        "picker_all": PICKER_ALL,
        "picker_matches": PICKER_MATCHES,
        "max_label_chars": MAX_LABEL_CHARS,
        # The colour codes of the districts with no figure shown (drawn hatched or grey), by their status word.
        "status": {status.word: status.code for status in HIDDEN},
        "table_columns": list(TABLE_COLUMNS),  # in the order of the table's headings
        "page_class": PAGE_CLASS,
    }


def contract_element() -> str:
    """The contract as the page carries it: a JSON data block, which is never run, so it needs no CSP hash.

    ``<`` is written as ``\\u003c``, so no value can close the element early.

    >>> contract_element().startswith('<script type="application/json" id="page-contract">{"ids"')
    True
    """
    text = json.dumps(browser_contract(), ensure_ascii=True, separators=(",", ":")).replace("<", "\\u003c")
    return f'<script type="application/json" id="{CONTRACT_ELEMENT}">{text}</script>'
