"""The status registry is complete, and it is the only place a status word is written."""

import json

import numpy as np
import pytest

from layers.i18n import LOCALE_FOLDER
from layers.status import (
    BY_WORD,
    FIRST_CLASS_CODE,
    HIDDEN,
    MISSING,
    PRECEDENCE,
    SHOWN,
    STATUSES,
    SUPPRESSED,
    TEXT_KINDS,
    status_of_word,
    worst,
)
from layers.text import LANGUAGES
from tests.unit.source_literals import FLOORS, literals, python_files

# The words a status is written as in files; a literal with one of these values outside layers/status.py is the
# vocabulary written twice.
STATUS_WORDS = {status.word for status in STATUSES if status.word}


@pytest.mark.parametrize("status", STATUSES, ids=lambda status: status.word or "shown")
def test_every_word_reads_back_as_its_status(status):
    assert status_of_word(status.word) is status
    assert status_of_word(f" {status.word.upper()} ") is status, "files may pad and capitalise a word"
    assert BY_WORD[status.word] is status


def test_codes_are_one_encoding_from_zero_and_classes_come_after_them():
    assert [status.code for status in STATUSES] == list(range(len(STATUSES)))
    assert FIRST_CLASS_CODE == max(status.code for status in STATUSES) == SHOWN.code
    assert set(HIDDEN) == {status for status in STATUSES if not status.shown} == {SUPPRESSED, MISSING}
    assert set(PRECEDENCE) == set(STATUSES) and len(PRECEDENCE) == len(STATUSES)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("status", HIDDEN, ids=lambda status: status.word)
def test_every_hidden_status_says_every_kind_of_text_in_every_language(status, lang):
    messages = json.loads((LOCALE_FOLDER / f"{lang}.json").read_text(encoding="utf-8"))
    for kind in TEXT_KINDS:
        assert messages.get(f"{kind}_{status.word}", "").strip(), f"{lang}.json lacks {kind}_{status.word}"
        assert status.says(kind, lang, district="A", year=2020, min_count=5)


def test_hidden_statuses_are_drawn_in_colours_of_their_own():
    colours = [status.colour for status in HIDDEN]
    assert all(colours) and len(set(colours)) == len(colours)
    assert SHOWN.colour is None, "a shown figure takes its class's colour"


def test_a_figure_made_from_two_is_as_hidden_as_the_more_hidden_one():
    shown, hidden, missing = SHOWN.code, SUPPRESSED.code, MISSING.code
    first = np.array([shown, shown, hidden, hidden, missing, missing])
    second = np.array([shown, hidden, shown, missing, shown, hidden])
    assert worst(first, second).tolist() == [shown, hidden, hidden, missing, missing, missing]
    assert worst(second, first).tolist() == worst(first, second).tolist()


def _status_words_written_outside_the_registry(places, root=None):
    files = python_files(places) if root is None else python_files(places, root)
    return [
        str(literal)
        for path in files
        if path.name != "status.py" or path.parent.name != "layers"
        for literal in literals(path)
        if literal.value.strip().lower() in STATUS_WORDS
    ]


def test_no_status_word_is_written_outside_the_registry():
    assert _status_words_written_outside_the_registry(FLOORS) == []


def test_the_status_word_scan_finds_a_planted_word(tmp_path):
    (tmp_path / "planted").mkdir()
    (tmp_path / "planted" / "module.py").write_text(
        '"""A docstring that says missing is fine."""\nKEY = "legend_missing"\nif status == "suppressed":\n    pass\n'
    )
    found = _status_words_written_outside_the_registry(["planted"], tmp_path)
    assert len(found) == 1 and "'suppressed'" in found[0] and ":3:" in found[0]
