"""Cite this view: the dataset's version, the three citation styles, their routes, and the dialog's callback."""

from __future__ import annotations

import re
import shutil
from dataclasses import replace
from datetime import date

import pytest

from app import create_app
from data.load import load_dataset
from data.make_demo import DEMO_FOLDER
from data.version import VERSIONED_FILES, dataset_version
from exports.citation import (
    CITATION_STYLES,
    STYLE_OF_ENDING,
    apa_citation,
    bibtex_citation,
    bibtex_text,
    citation_parts,
    citations,
)
from layers.i18n import t
from layers.text import LANGUAGES
from ui import ids
from ui.citing import CITATION_BOXES, citation_dialog, cite_view, cite_words
from view.view import View

TODAY = date(2026, 12, 1)
BASE = "https://kort.example.dk"
HOSTILE = "}\n@misc{evil, title={pwned}} 100% & $5 #1 under_score \\input{/etc/passwd} ~^ Ærø"


@pytest.fixture(scope="module")
def client(demo):
    return create_app(demo).server.test_client()


def _view(demo, query: str = "?indicator=age_0_5&measure=share&year=2013&lang=da") -> View:
    return View.parse(demo, query)[0]


# The dataset's version


def test_the_demo_has_a_short_version_that_is_the_hash_of_its_files(demo):
    assert re.fullmatch(r"[0-9a-f]{12}", demo.version)
    assert demo.version == dataset_version(DEMO_FOLDER) == load_dataset(DEMO_FOLDER).version, "deterministic"


@pytest.mark.parametrize("name", VERSIONED_FILES)
def test_changing_one_byte_of_any_file_changes_the_version(tmp_path, demo, name):
    folder = tmp_path / "demo"
    shutil.copytree(DEMO_FOLDER, folder)
    assert dataset_version(folder) == demo.version, "the same bytes, the same version, wherever the folder is"
    body = bytearray((folder / name).read_bytes())
    body[len(body) // 2] ^= 1
    (folder / name).write_bytes(bytes(body))
    assert dataset_version(folder) != demo.version


# The three styles


def _parts_as_written(demo, view: View) -> dict[str, str]:
    parts = citation_parts(demo, view, BASE, TODAY)
    return {
        "title": parts.title, "dataset": demo.info.title, "version": demo.version, "area": demo.info.area_name,
        "source": demo.info.source, "licence": demo.info.licence, "link": parts.link,
    }  # fmt: skip


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("style", ["text", "apa"])
def test_a_text_citation_holds_every_part(demo, lang, style):
    view = _view(demo, f"?indicator=age_0_5&measure=share&year=2013&lang={lang}")
    written = citations(demo, view, BASE, TODAY)[style]
    parts = _parts_as_written(demo, view)
    assert parts["title"].endswith("2013"), "the view's title with its year"
    for name, part in parts.items():
        assert part.rstrip(".") in written, name
    assert parts["link"] == BASE + "/" + view.query() and written.endswith(parts["link"])
    retrieved = {"da": "1. december 2026", "en": "1 December 2026", "sv": "1 december 2026"}[lang]
    assert retrieved in written
    assert "\n" not in written


def test_the_bibtex_entry_holds_every_part_escaped(demo):
    view = _view(demo)
    entry = bibtex_citation(citation_parts(demo, view, BASE, TODAY))
    assert entry.startswith("@misc{distriktskort_age_0_5_2013,\n")
    for name, part in _parts_as_written(demo, view).items():
        if name != "link":
            assert bibtex_text(part) in entry, name
    assert "make\\_demo" in entry, "the demo's source has an underscore"
    assert f"url          = {{{BASE}/{view.query()}}}" in entry
    assert "urldate      = {2026-12-01}" in entry and "langid       = {danish}" in entry
    assert _bibtex_problems(entry) == []


def _bibtex_problems(entry: str) -> list[str]:
    """What would break the entry in BibTeX or biblatex: braces out of balance, a LaTeX special character left bare
    in a field that is not the verbatim url, a second entry."""
    problems, depth, i = [], 0, 0
    lines = entry.splitlines()
    if not re.fullmatch(r"@misc\{[A-Za-z0-9_-]+,", lines[0]) or lines[-1] != "}":
        problems.append("not one @misc entry")
    for line in lines[1:-1]:
        found = re.fullmatch(r"  (\w+) +=\s\{(.*)\},?", line)
        if not found:
            problems.append(f"not a field: {line!r}")
            continue
        name, value = found.groups()
        depth, i = 0, 0
        while i < len(value):
            char = value[i]
            if char == "\\" and name != "url":
                command = re.match(
                    r"\\(?:[{}%&$#_]|textbackslash\{\}|textasciitilde\{\}|textasciicircum\{\})", value[i:]
                )
                if not command:
                    problems.append(f"{name}: a bare backslash")
                    break
                i += len(command.group())
                continue
            depth += {"{": 1, "}": -1}.get(char, 0)
            if depth < 0:
                problems.append(f"{name}: a closing brace too many")
                break
            if char in "%&$#_^~" and name != "url":
                problems.append(f"{name}: a bare {char}")
            i += 1
        if depth > 0:
            problems.append(f"{name}: an opening brace too many")
    return problems


def test_the_check_finds_an_unescaped_entry():
    assert _bibtex_problems("@misc{k,\n  title = {a_b}\n}") == ["title: a bare _"]
    assert _bibtex_problems("@misc{k,\n  title = {a}b}\n}") == ["title: a closing brace too many"]


def test_a_hostile_dataset_text_stays_text_in_bibtex(demo):
    info = replace(demo.info, title=HOSTILE, source=HOSTILE, area_name=HOSTILE, licence=HOSTILE)
    hostile = replace(demo, info=info)
    entry = bibtex_citation(citation_parts(hostile, _view(hostile), BASE, TODAY))
    assert _bibtex_problems(entry) == [] and entry.startswith("@misc{distriktskort_age_0_5_2013,\n")
    assert "\\textbackslash{}input\\{/etc/passwd\\}" in entry and "Ærø" in entry
    assert "\n@misc{evil" not in entry, "a line break in a title is a space"


def test_a_link_with_braces_or_spaces_is_percent_encoded_in_the_url_field(demo):
    entry = bibtex_citation(citation_parts(demo, _view(demo), "https://kort.example.dk/a {b}", TODAY))
    assert "url          = {https://kort.example.dk/a%20%7Bb%7D/?indicator=" in entry
    assert _bibtex_problems(entry) == []


APA_EN = re.compile(
    r"(?P<author>[^\n]+[^.])\. \(n\.d\.\)\. (?P<title>.+), (?P<area>.+) \[Interactive map\]\. "
    r"In (?P<dataset>.+) \(Version (?P<version>[0-9a-f]{12})\) \[Data set\]\. Distriktskort\. "
    r"Licence: (?P<licence>.+)\. Retrieved (?P<date>\d{1,2} [A-Z][a-z]+ \d{4}), from (?P<link>\S+)"
)


def test_apa_has_the_shape_of_an_apa_7_data_set_reference(demo):
    view = _view(demo, "?indicator=age_0_5&year=2016&lang=en")
    found = APA_EN.fullmatch(apa_citation(citation_parts(demo, view, BASE, TODAY)))
    assert found, apa_citation(citation_parts(demo, view, BASE, TODAY))
    assert found["author"] == demo.info.source and found["title"] == "0–5 years: share of residents, 2016"
    assert found["dataset"] == demo.info.title and found["version"] == demo.version
    assert found["date"] == "1 December 2026" and found["link"] == f"{BASE}/{view.query()}"
    danish = apa_citation(citation_parts(demo, replace(view, lang="da"), BASE, TODAY))
    assert "(u.å.)" in danish and "[Interaktivt kort]" in danish and "Hentet 1. december 2026 fra https://" in danish


def test_an_author_ending_in_a_full_stop_gets_one_in_apa(demo):
    hostile = replace(demo, info=replace(demo.info, source="Fjordby Kommune, Statistik."))
    assert apa_citation(citation_parts(hostile, _view(hostile), BASE, TODAY)).startswith(
        "Fjordby Kommune, Statistik. (u.å.). "
    )


def test_the_link_is_relative_without_a_public_address(demo):
    view = _view(demo)
    assert citation_parts(demo, view, "", TODAY).link == "/" + view.query()


def test_the_key_is_stable_and_every_bibtex_accepts_it(demo):
    keys = {citation_parts(demo, _view(demo, f"?indicator={i}&year=2014"), BASE, TODAY).key for i in demo.indicators}
    assert len(keys) == len(demo.indicators) and all(re.fullmatch(r"[a-z0-9_]+", key) for key in keys)


# The routes


@pytest.mark.parametrize("ending", list(STYLE_OF_ENDING))
def test_every_style_downloads_at_its_ending(client, demo, ending):
    response = client.get(f"/export/cite.{ending}?indicator=age_0_5&year=2013&lang=en")
    assert response.status_code == 200
    assert response.mimetype == STYLE_OF_ENDING[ending].media_type.split(";")[0]
    assert f'filename="distriktskort_age_0_5_2013.{ending}"' in response.headers["Content-Disposition"]
    body = response.get_data(as_text=True)
    assert "0–5 years: share of residents, 2013" in body and demo.version in body
    assert "/?indicator=age_0_5&measure=share&year=2013" in body


@pytest.mark.parametrize(
    "path",
    [
        "/export/cite.txt?year=99999999999999999999&indicator=../../etc/passwd&lang=%ff",
        "/export/cite.bib?indicator=%00&district=<b>&mode=%ff&from=-1&lang=xx",
        "/export/cite.apa.txt?" + "x=1&" * 3000,
        "/export/cite.bib?indicator={}&measure=[]&year=NaN",
        "/export/press.txt?district=01&lang=%ff&year=-1",
        "/export/press.txt?district=01&district=02",
    ],
)
def test_hostile_addresses_still_get_a_citation_or_a_press_note(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    assert b"Traceback" not in response.data and response.data.strip()


@pytest.mark.parametrize(
    "path", ["/export/cite.exe", "/export/cite.", "/export/cite.bib.exe", "/export/cite.%00", "/export/cite.txt/x"]
)
def test_an_unknown_citation_is_a_404_that_names_the_known_ones(client, path):
    response = client.get(path)
    assert response.status_code == 404 and b"Traceback" not in response.data
    if path not in ("/export/cite.", "/export/cite.txt/x"):  # those two are no citation's address at all
        assert b"cite.txt" in response.data and b"cite.bib" in response.data


@pytest.mark.parametrize("query", ["", "?district=", "?district=zz", "?district=%00", "?district=" + "9" * 5000])
def test_a_press_note_without_a_district_says_how_to_ask_for_one(client, query):
    response = client.get(f"/export/press.txt{query}")
    assert response.status_code == 404 and b"district=01" in response.data


# The dialog


def test_the_dialog_follows_the_address_in_its_language(demo):
    shown = cite_view(demo, "?indicator=age_0_5&year=2013&lang=en", BASE, TODAY)
    assert all(button["children"] == "Copy" for button in shown["buttons"].values())
    assert shown["buttons"]["bibtex"]["data-copied"] == t("copy_done", "en")
    view = View.parse(demo, "?indicator=age_0_5&year=2013&lang=en")[0]
    assert shown["citations"] == citations(demo, view, BASE, TODAY)
    assert all(BASE + "/" + view.query() in text for text in shown["citations"].values())


@pytest.mark.parametrize("search", [None, 7, "", "?lang=xx&year=1&indicator=%00", {"$ne": 1}, ["?"], "?" + "a" * 9000])
def test_the_dialog_shows_the_default_view_for_an_address_that_is_not_one(demo, search):
    shown = cite_view(demo, search, "", TODAY)
    assert set(shown["citations"]) == set(CITATION_STYLES) and shown["buttons"]["text"]["children"] == t(
        "copy_button", "da"
    )
    assert "year=2016" in shown["citations"]["text"]


@pytest.mark.parametrize("lang", ["da", "en", "sv", None, "<b>"])
def test_the_dialogs_own_words_follow_the_page_language_even_while_it_is_shut(lang):
    words = cite_words(lang)  # the summary shows while the dialog is shut: it must not wait for the opening
    asked = lang if lang in ("da", "en", "sv") else "da"
    assert words["title"] == t("cite_title", asked) and words["help"] == t("cite_help", asked)
    assert words["labels"] == {style_id: t(style.label_key, asked) for style_id, style in CITATION_STYLES.items()}
    assert set(words["labels"]) == set(CITATION_BOXES), "a label for every box"


def test_every_citation_box_is_named_by_its_label(demo):
    dialog = citation_dialog()
    props = [child.to_plotly_json()["props"] for child in dialog.children]
    blocks = [block for block in props if block.get("className") == "copy-block"]
    assert len(blocks) == len(CITATION_BOXES) and props[0]["id"] == ids.CITE_TITLE
    for block, (box_id, label_id, copy_id, _) in zip(blocks, CITATION_BOXES.values(), strict=True):
        label, box, row = block["children"]
        assert block["data-labelledby"] == label.id == label_id and box.id == box_id and box.readOnly
        button, status = row.children
        assert button.id == copy_id and status.to_plotly_json()["props"]["role"] == "status"
