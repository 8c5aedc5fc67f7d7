"""The accessibility statement (/tilgaengelighed) and the page's language: each served in the language asked for,
with the contact from the setting or the dataset, every dataset text escaped, and no script at all."""

from __future__ import annotations

import datetime
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from app import create_app
from data.load import load_dataset
from data.make_demo import DEMO_FOLDER
from layers.i18n import t
from tests.conftest import HOSTILE_AREA, write_hostile
from ui.statement import CONTACT_ENV, GAPS, STATEMENT_PATHS, statement_page

HTML_LANG = re.compile(r'<html lang="([^"]*)">')


class _Page(HTMLParser):
    """What a browser's parser sees: the elements' names, the links, and the text."""

    def __init__(self):
        super().__init__()
        self.tags, self.links, self.text = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "a":
            self.links.append(dict(attrs).get("href"))

    def handle_data(self, data):
        self.text.append(data)


def _parsed(body: str) -> _Page:
    page = _Page()
    page.feed(body)
    return page


def _copy_with_contact(tmp_path: Path, contact: str) -> Path:
    folder = tmp_path / "with-contact"
    folder.mkdir()
    for path in DEMO_FOLDER.iterdir():
        (folder / path.name).write_bytes(path.read_bytes())
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    package["distriktskort"]["accessibility_contact"] = contact
    (folder / "datapackage.json").write_text(json.dumps(package, ensure_ascii=False), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def client(demo):
    return create_app(demo).server.test_client()


@pytest.mark.parametrize("path", STATEMENT_PATHS)
@pytest.mark.parametrize(("asked", "lang"), [("", "da"), ("en", "en"), ("sv", "sv"), ("xx", "da"), ("<b>", "da")])
def test_the_statement_is_served_in_the_language_asked_for(client, monkeypatch, path, asked, lang):
    monkeypatch.delenv(CONTACT_ENV, raising=False)
    response = client.get(f"{path}?lang={asked}")
    body = response.get_data(as_text=True)
    assert response.status_code == 200 and response.mimetype == "text/html"
    assert HTML_LANG.search(body).group(1) == lang
    page = _parsed(body)
    text = " ".join(page.text)
    assert t("statement_title", lang) in text and "Fjordby Kommune" in text
    assert all(t(key, lang) in text for key in GAPS), "the list of what is not met yet"
    assert "WCAG 2.1" in text and "axe-core" in text and "360 px" in text
    assert f"./?lang={lang}" in page.links, "a way back to the map in the same language"


def test_the_statement_names_the_date_it_was_prepared(demo):
    written = {lang: statement_page(demo, lang, "", datetime.date(2026, 11, 30)) for lang in ("da", "en", "sv")}
    assert "udarbejdet den 30. november 2026" in written["da"]
    assert "prepared on 30 November 2026" in written["en"]
    assert "upprättades den 30 november 2026" in written["sv"]


def test_without_a_contact_the_statement_says_so_and_points_to_the_oversight(client, monkeypatch):
    monkeypatch.delenv(CONTACT_ENV, raising=False)
    body = client.get("/tilgaengelighed?lang=en").get_data(as_text=True)
    assert t("statement_no_contact", "en") in body
    assert "Digitaliseringsstyrelsen" in body and '<a href="https://was.digst.dk">was.digst.dk</a>.' in body
    assert "mailto:" not in body


def test_the_contact_comes_from_the_dataset_and_the_setting_wins(tmp_path, monkeypatch):
    monkeypatch.delenv(CONTACT_ENV, raising=False)
    dataset = load_dataset(_copy_with_contact(tmp_path, "tilgaengelighed@fjordby.dk"))
    assert dataset.info.accessibility_contact == "tilgaengelighed@fjordby.dk"
    client = create_app(dataset).server.test_client()
    page = _parsed(client.get("/tilgaengelighed").get_data(as_text=True))
    assert "mailto:tilgaengelighed@fjordby.dk" in page.links
    assert t("statement_no_contact", "da") not in " ".join(page.text)

    monkeypatch.setenv(CONTACT_ENV, "https://fjordby.dk/tilgaengelighed")
    page = _parsed(create_app(dataset).server.test_client().get("/tilgaengelighed?lang=sv").get_data(as_text=True))
    assert "https://fjordby.dk/tilgaengelighed" in page.links and "mailto:tilgaengelighed@fjordby.dk" not in page.links


def test_dataset_text_and_the_setting_stay_text(tmp_path, monkeypatch):
    monkeypatch.setenv(CONTACT_ENV, "<script>window.__hostile='contact'</script>")
    hostile = load_dataset(write_hostile(tmp_path / "hostile"))
    response = create_app(hostile).server.test_client().get("/tilgaengelighed?lang=en")
    body = response.get_data(as_text=True)
    page = _parsed(body)
    assert "script" not in page.tags and "img" not in page.tags
    assert HOSTILE_AREA in "".join(page.text), "the area's name shows as the text it is"
    assert "<script>window.__hostile='contact'</script>" in "".join(page.text)
    assert "{%" in body and "'unsafe-inline'" not in response.headers["Content-Security-Policy"].split("style-src")[0]


def test_the_map_page_is_served_in_the_language_asked_for(client):
    for asked, lang in (("", "da"), ("en", "en"), ("sv", "sv"), ("xx", "da"), ('"><script>', "da")):
        body = client.get(f"/?lang={asked}").get_data(as_text=True)
        assert HTML_LANG.search(body).group(1) == lang
    assert HTML_LANG.search(client.get("/embed?lang=en").get_data(as_text=True)).group(1) == "en"
