"""Pictures ready to publish: a newsroom's headline, standfirst and byline, sizes for where the picture goes, and the
profile's chart as a picture. Figures are read as dicts; one test draws every size for real with kaleido."""

from __future__ import annotations

import struct
from urllib.parse import parse_qs, unquote, urlencode, urlsplit

import pytest

import exports.images
from app import create_app
from exports.images import _legend_px, image_figure
from exports.picture import DEFAULT_SIZE, SIZES, TEXT_OPTIONS, Picture, clean_text, view_query
from exports.profile_picture import PICTURE_FORMATS, profile_figure
from exports.renderer import Renderer
from exports.table import view_table
from ui.newsroom import picture_href, picture_texts, size_options
from ui.profile import profile_panel
from view.view import View

VIEW = "indicator=age_0_5&measure=share&year=2016&lang=en"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
FAKE_FILES = {"png": PNG_SIGNATURE + b"fake", "svg": b"<svg>N\xc3\xb8r\x07rebro</svg>", "pdf": b"%PDF-1.4 fake"}


def _table(demo, query: str = VIEW):
    return view_table(demo, View.parse(demo, query)[0], "http://example.org/")


def _annotation(figure: dict, name: str) -> str:
    return next(note["text"] for note in figure["layout"]["annotations"] if note.get("name") == name)


class CapturingBrowser:
    """Stands in for Chromium: keeps each figure and its options, and answers with a few bytes."""

    def __init__(self) -> None:
        self.drawn: list[tuple[dict, dict]] = []

    def draw(self, figure: dict, options: dict, topojson: str | None) -> bytes:
        self.drawn.append((figure, options))
        return FAKE_FILES[options["format"]]

    def close(self) -> None:
        pass


@pytest.fixture
def captured(monkeypatch):
    browser = CapturingBrowser()
    monkeypatch.setattr(exports.images, "PICTURES", Renderer(slots=2, open_browser=lambda: browser))
    return browser


@pytest.fixture
def client(demo):
    return create_app(demo).server.test_client()


# The options, as read from an address.
def test_the_options_are_read_beside_the_view_and_kept_out_of_it():
    query = f"?{VIEW}&headline=Flere+b%C3%B8rn&standfirst=Se+kortet&byline=Grafik%3A+Avisen&size=column"
    picture, ignored = Picture.parse(query)
    assert picture == Picture("Flere børn", "Se kortet", "Grafik: Avisen", "column") and ignored == ()
    assert view_query(query) == VIEW


@pytest.mark.parametrize(
    ("query", "expected", "ignored"),
    [
        ("headline=a%00b%0Ac", Picture(headline="a␀b c"), ()),
        ("size=poster", Picture(), ("size=poster",)),
        ("size=%00", Picture(), ("size=␀",)),
        ("headline=one&headline=two", Picture(headline="one"), ("headline",)),
        ("byline=%ED%A0%80", Picture(byline="���"), ()),
        ("headline=" + "x" * 5000, Picture(headline="x" * 119 + "…"), ()),
        (None, Picture(), ()),
    ],
)
def test_hostile_options_are_cleaned_cut_or_named_as_ignored(query, expected, ignored):
    assert Picture.parse(query) == (expected, ignored)


def test_an_overlong_address_is_not_read_for_options():
    picture, ignored = Picture.parse("headline=x&junk=" + "y" * 9000)
    assert picture == Picture() and "over 8000 characters" in ignored[0]


@pytest.mark.parametrize("option", TEXT_OPTIONS, ids=lambda option: option.name)
def test_every_text_is_cut_at_its_limit_with_an_ellipsis(option):
    text = clean_text("ord " * 200, option.max_chars)
    assert len(text) <= option.max_chars and text.endswith("…")


# The figure.
def test_a_headline_tops_the_picture_escaped_and_the_views_title_moves_under_it(demo):
    picture = Picture(headline="<b>Flere</b> & <a href=x>børn</a>", standfirst="<i>Se</i>", byline="<img src=x>")
    figure = image_figure(demo, _table(demo), picture)
    title = figure["layout"]["title"]["text"]
    assert title.startswith("<b>&lt;b&gt;Flere&lt;/b&gt; &amp; &lt;a href=x&gt;børn&lt;/a&gt;</b>")
    assert "<sup>0–5 years: share of residents, 2016 · Fjordby Kommune" in title
    assert _annotation(figure, "standfirst") == "&lt;i&gt;Se&lt;/i&gt;"
    source = _annotation(figure, "source")
    assert source.startswith("&lt;img src=x&gt; · Source:") and "<img" not in source


def test_without_a_headline_the_picture_keeps_its_own_title(demo):
    figure = image_figure(demo, _table(demo))
    assert figure["layout"]["title"]["text"].startswith("<b>0–5 years: share of residents, 2016</b><br><sup>Fjordby")
    assert figure["layout"]["annotations"][0]["name"] == "source"
    assert (figure["layout"]["width"], figure["layout"]["height"]) == (900, 760)


@pytest.mark.parametrize("size", [size for size in SIZES.values() if size.height], ids=lambda size: size.id)
def test_a_fixed_size_gives_its_width_and_height(demo, size):
    layout = image_figure(demo, _table(demo), Picture(headline="Flere børn", size=size.id))["layout"]
    assert (layout["width"], layout["height"]) == (size.width, size.height)


def test_a_print_picture_is_a4_at_96_dpi():
    assert (round(SIZES["print"].width / 96 * 25.4), round(SIZES["print"].height / 96 * 25.4)) == (210, 297)


@pytest.mark.parametrize("size", SIZES.values(), ids=lambda size: size.id)
def test_the_legend_never_covers_the_map(demo, size):
    table = _table(demo, "indicator=industry_agriculture&measure=share&year=2011&lang=da")  # with "no figure" too
    layout = image_figure(demo, table, Picture(headline="Rubrik", standfirst="Tekst " * 30, size=size.id))["layout"]
    geo, legend = layout["geo"]["domain"], layout["legend"]
    legend_w, legend_h = _legend_px(table.legend)
    plot_w = layout["width"] - layout["margin"]["l"] - layout["margin"]["r"]
    plot_h = layout["height"] - layout["margin"]["t"] - layout["margin"]["b"]
    if size.legend_beside:
        assert legend["x"] >= geo["x"][1] and legend["x"] + legend_w / plot_w <= 1.0001
    else:
        assert legend["y"] == 0 and legend_h / plot_h <= geo["y"][0] + 1e-9
    assert legend["yanchor"] == "bottom" and legend["xanchor"] == "left"


def test_a_column_grows_with_its_text(demo):
    short = image_figure(demo, _table(demo), Picture(size="column"))["layout"]
    long = image_figure(demo, _table(demo), Picture(headline="Rubrik " * 15, standfirst="Tekst " * 45, size="column"))
    assert short["width"] == long["layout"]["width"] == 640
    assert long["layout"]["height"] > short["height"] + 60
    assert long["layout"]["margin"]["t"] - short["margin"]["t"] == long["layout"]["height"] - short["height"]


def test_the_profile_picture_draws_the_districts_against_the_municipality(demo):
    table = _table(demo, f"{VIEW}&district=07&compare=11&mode=change")
    figure = profile_figure(demo, table, Picture(headline="To skoler", size="social"))
    names = [trace["name"] for trace in figure["data"]]
    chosen = [demo.district_names[demo.district_ids.index(code)] for code in ("07", "11")]
    assert names == ["Whole municipality", *chosen]
    assert [trace["line"]["dash"] for trace in figure["data"]] == ["dot", "solid", "dash"]
    labels = [note["text"] for note in figure["layout"]["annotations"] if note["name"] == "line-label"]
    assert labels == names and (figure["layout"]["width"], figure["layout"]["height"]) == (1200, 675)
    assert "2011–2016" in figure["layout"]["title"]["text"], "the years it spans, not the change's title"
    assert figure["layout"]["xaxis"]["domain"][1] < 1, "room for the names at the lines' ends"


# The routes.
@pytest.mark.parametrize(
    "query",
    [
        "headline=%3Cscript%3Ealert(1)%3C/script%3E&size=poster",
        "headline=%00%01%1f&standfirst=" + "%E2%80%AE" * 400 + "&byline=%ED%A0%80",
        "size=social&size=square&headline=a&headline=b",
        "headline=" + "A" * 3000 + f"&{VIEW}",
        "size[]=1&headline[x]=2&byline=",
        "junk=" + "x" * 9000,
    ],
)
@pytest.mark.parametrize("format_id", PICTURE_FORMATS)
def test_hostile_picture_options_never_break_a_download(client, captured, query, format_id):
    response = client.get(f"/export/view.{format_id}?{query}")
    assert response.status_code == 200
    figure, options = captured.drawn[-1]
    assert (options["width"], options["height"]) == (figure["layout"]["width"], figure["layout"]["height"])
    assert "<script>" not in figure["layout"]["title"]["text"]
    assert b"\x07" not in response.data, "an SVG's control characters are shown as their pictures"


def test_an_unknown_size_is_named_in_the_ignored_header_and_the_view_still_read(client, captured):
    response = client.get(f"/export/view.png?{VIEW}&headline=Hej&size=poster")
    assert unquote(response.headers["X-Distriktskort-Ignored"]) == "size=poster"
    figure, options = captured.drawn[-1]
    assert options == {"format": "png", "width": 900, "height": 760, "scale": 2}
    assert "0–5 years" in figure["layout"]["title"]["text"], "the view's English survives beside the options"


def test_a_long_headline_does_not_push_the_view_out_of_the_address(client, captured):
    client.get(f"/export/view.svg?headline={'%C3%B8' * 600}&indicator=age_0_5&year=2012&lang=en")
    assert "2012" in captured.drawn[-1][0]["layout"]["title"]["text"]


def test_a_table_download_is_unchanged_by_picture_options(client):
    plain, with_options = client.get(f"/export/view.csv?{VIEW}"), client.get(f"/export/view.csv?{VIEW}&headline=x")
    assert with_options.status_code == 200 and "X-Distriktskort-Ignored" not in with_options.headers
    assert plain.data.splitlines()[1:] == with_options.data.splitlines()[1:]


def test_a_profile_picture_without_a_district_says_to_add_one(client, captured):
    response = client.get(f"/export/profile.png?{VIEW}")
    assert response.status_code == 404 and "district=" in response.get_data(as_text=True)
    assert captured.drawn == []


@pytest.mark.parametrize("path", ["/export/profile.gif?district=07", "/export/profile.?district=07", "/export/profile"])
def test_an_unknown_profile_format_lists_the_known_ones(client, path):
    response = client.get(path)
    assert response.status_code == 404 and "profile.png" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    "query", ["district=07&compare=07", "district=07&compare=99&size=print", "district=%00", "district=07&lang=xx"]
)
def test_hostile_profile_addresses_never_500(client, captured, query):
    response = client.get(f"/export/profile.svg?{VIEW}&{query}")
    assert response.status_code in (200, 404)
    if response.status_code == 200:
        assert response.mimetype == "image/svg+xml" and response.headers["Content-Disposition"].endswith('.svg"')


# The page.
def test_the_dialogs_links_carry_the_view_and_the_checked_options():
    href = picture_href("png", f"?{VIEW}&size=x", {"headline": "Flere\x00 børn", "byline": 7}, "square")
    address = urlsplit(href)
    assert address.path == "/export/view.png"
    assert parse_qs(address.query) == {
        "indicator": ["age_0_5"], "measure": ["share"], "year": ["2016"], "lang": ["en"],
        "headline": ["Flere␀ børn"], "size": ["square"],
    }  # fmt: skip
    assert picture_href("svg", None, {}, None) == "/export/view.svg"
    assert picture_href("pdf", "?year=2013", {"headline": "x" * 500}, DEFAULT_SIZE).endswith("x" * 119 + "%E2%80%A6")


@pytest.mark.parametrize("lang", ["da", "en", "sv"])
def test_the_dialog_speaks_every_language(lang):
    texts = picture_texts(lang)
    assert all(texts.values()) and len(size_options(lang)) == len(SIZES)


def test_the_profile_links_to_its_chart_as_a_picture(demo):
    series = demo.series["age_0_5", "share"]
    panel = profile_panel(demo, series, [6, 10], len(demo.years) - 1, 0, "en")
    link = next(child.children for child in panel if getattr(child, "className", "") == "profile-picture")
    query = parse_qs(urlsplit(link.href).query)
    assert link.href.startswith("/export/profile.png?") and query["district"] == ["07"] and query["compare"] == ["11"]
    assert link.children == "Download the chart as a picture (PNG)"


# Drawn for real.
@pytest.mark.parametrize("size", ["social", "square", "column", "print"])
def test_each_size_downloads_as_a_png_twice_its_size_with_a_headline(demo, size):
    picture = Picture(headline="Flere småbørn i nord", standfirst="Andelen af 0–5-årige steg.", byline="Grafik: Test")
    picture = Picture(picture.headline, picture.standfirst, picture.byline, size)
    options = urlencode({"headline": picture.headline, "standfirst": picture.standfirst, "byline": picture.byline,
                         "size": size})  # fmt: skip
    try:
        response = create_app(demo).server.test_client().get(f"/export/view.png?{VIEW}&{options}")
    finally:
        exports.images.PICTURES.close()
    assert response.status_code == 200 and response.mimetype == "image/png"
    png = response.get_data()
    assert png[:8] == PNG_SIGNATURE
    layout = image_figure(demo, _table(demo), picture)["layout"]
    assert struct.unpack(">II", png[16:24]) == (2 * layout["width"], 2 * layout["height"])
    assert "headline" not in response.headers.get("X-Distriktskort-Ignored", "")


def test_a_print_pdf_is_an_a4_page(demo):
    import re

    pdf = exports.images.render(demo, _table(demo), "pdf", Picture(headline="A4", size="print"))
    width, height = (float(side) for side in re.search(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf).groups())
    assert abs(width - 595.28) < 1.5 and abs(height - 841.89) < 1.5, "210 × 297 mm, in points"
