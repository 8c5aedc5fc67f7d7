"""A lesson's worksheet (``/lektion.pdf?q=…``): the questions, an empty map to colour, and the answers on the last
page, so a teacher can hand out the first pages and keep the last.

Each page is a Plotly figure the size of an A4 page, drawn to PDF by the same Chromium as the app's pictures
(``exports.images.PICTURES``), and the pages are joined with pypdf. The map is drawn like a picture's, with every
district white inside a dark outline and its name printed, for pupils to colour by hand.
"""

from __future__ import annotations

import io
import json
import textwrap

from data.model import Dataset
from exports.images import PICTURES, TOPOJSON_URL, ImageUnavailable, plain
from exports.renderer import RendererBusy
from layers.i18n import t
from layers.look import FONT
from lessons.lesson import Lesson

A4_PX = (794, 1123)  # an A4 page at the 96 px per inch that Chromium prints at
MARGIN_PX = 56
TEXT_FONT_PX = 14
LINE_PX = 22
# Characters of a line of text that fit the page's width (an average glyph is about 0.55 em wide).
LINE_CHARS = int((A4_PX[0] - 2 * MARGIN_PX) / (TEXT_FONT_PX * 0.55))
INK = "#1b2a33"


def _text_page(title: str, blocks: list[tuple[str, bool]]) -> dict:
    """A page of text: a title, then blocks of (text, bold), each wrapped to the page and escaped after wrapping."""
    lines: list[tuple[str, bool]] = []
    for text, bold in blocks:
        lines += [(line, bold) for line in textwrap.wrap(text, LINE_CHARS) or [""]]
    annotations = [
        {"text": f"<b>{plain(line)}</b>" if bold else plain(line), "xref": "paper", "yref": "paper", "x": 0,
         "y": 1, "yshift": -index * LINE_PX, "xanchor": "left", "yanchor": "top", "showarrow": False,
         "align": "left", "font": {"size": TEXT_FONT_PX}}
        for index, (line, bold) in enumerate(lines)
    ]  # fmt: skip
    return _page(title, [], annotations)


def _page(title: str, data: list[dict], annotations: list[dict], geo: dict | None = None) -> dict:
    layout = {
        "width": A4_PX[0],
        "height": A4_PX[1],
        "font": {"family": FONT, "color": INK},
        "title": {"text": f"<b>{plain(title)}</b>", "x": MARGIN_PX / A4_PX[0], "xanchor": "left", "y": 0.97},
        "margin": {"l": MARGIN_PX, "r": MARGIN_PX, "t": MARGIN_PX + 40, "b": MARGIN_PX},
        "xaxis": {"visible": False},
        "yaxis": {"visible": False},
        "annotations": annotations,
        "showlegend": False,
        "plot_bgcolor": "#ffffff",
    }
    if geo:
        layout["geo"] = geo
    return {"data": data, "layout": layout}


def empty_map(dataset: Dataset, title: str) -> dict:
    """The districts of the latest year as white shapes in dark outlines, with their names: a map to colour."""
    collection = json.loads(dataset.geojson)
    drawn = [(district, int(feature)) for district, feature in enumerate(dataset.feature_of_year[-1]) if feature >= 0]
    shapes = {
        "type": "choropleth",
        "geojson": {"type": "FeatureCollection", "features": [collection["features"][f] for _, f in drawn]},
        "featureidkey": "properties.key",
        "locations": [dataset.feature_keys[feature] for _, feature in drawn],
        "z": [0] * len(drawn),
        "colorscale": [[0, "#ffffff"], [1, "#ffffff"]],
        "showscale": False,
        "marker": {"line": {"color": INK, "width": 1.2}},
    }
    names = {
        "type": "scattergeo",
        "mode": "text",
        "lon": [dataset.label_points[feature][0] for _, feature in drawn],
        "lat": [dataset.label_points[feature][1] for _, feature in drawn],
        "text": [plain(dataset.district_names[district]) for district, _ in drawn],
        "textfont": {"family": FONT, "size": 10, "color": INK},
        "hoverinfo": "skip",
    }
    geo = {"fitbounds": "locations", "visible": False, "projection": {"type": "mercator"}}
    return _page(title, [shapes, names], [], geo)


def worksheet_pages(dataset: Dataset, lesson: Lesson) -> list[dict]:
    """The worksheet's pages as figures: the questions, the map to colour, and the answers last."""
    lang = lesson.lang
    questions: list[tuple[str, bool]] = []
    answers: list[tuple[str, bool]] = []
    for number, question in enumerate(lesson.questions, start=1):
        questions += [(f"{number}. {question.text(dataset, lang)}", True), (t("lesson_sheet_answer", lang), False),
                      (f"{t('lesson_why', lang)} {question.prompt(dataset, lang)}", False), ("", False)]  # fmt: skip
        answers += [(f"{number}. {question.text(dataset, lang)}", True),
                    (question.answer_words(dataset, lang), False), ("", False)]  # fmt: skip
    area = dataset.info.area_name
    return [
        _text_page(f"{t('lesson_title', lang)} · {area}", questions),
        empty_map(dataset, t("lesson_sheet_map", lang, area=area)),
        _text_page(t("lesson_sheet_answers", lang), answers),
    ]


def worksheet_pdf(dataset: Dataset, lesson: Lesson) -> bytes:
    """The worksheet as one PDF, each page drawn by kaleido and joined in order.

    Raises ``ImageUnavailable`` when no picture can be drawn now (no Chromium, or every slot busy).
    """
    from pypdf import PdfReader, PdfWriter  # here, not at the top: a start need not wait for it (0.15 s)

    writer = PdfWriter()
    options = {"format": "pdf", "width": A4_PX[0], "height": A4_PX[1], "scale": 1}
    try:
        with PICTURES.turn():
            for figure in worksheet_pages(dataset, lesson):
                for sheet in PdfReader(io.BytesIO(PICTURES.draw(figure, options, TOPOJSON_URL))).pages:
                    writer.add_page(sheet)
    except RendererBusy as busy:
        raise ImageUnavailable(str(busy), retry_after_s=busy.retry_after_s) from None
    except ImageUnavailable:
        raise
    except Exception as error:  # kaleido raises its own kinds when Chromium is missing or crashes
        raise ImageUnavailable(f"The worksheet cannot be made here ({type(error).__name__}).") from error
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
