"""The current view as a captioned picture: PNG (at 2×) and SVG with real vector paths, made with kaleido.

The picture is a Plotly geo map (``go.Choropleth``), not the interactive MapLibre one: it needs no tiles, and an
SVG of it keeps every district as a path a journalist can edit. It carries the title, the unit, a legend, the
district names, the source, the licence and the date. The world outline Plotly wants is served from
``assets/topojson`` so nothing is fetched from outside. Pictures are drawn by this process's one Chromium, a few at
a time (``exports.renderer``).
"""

from __future__ import annotations

import html
import json
import textwrap
from collections.abc import Callable
from pathlib import Path

from data.model import Dataset
from exports.picture import DEFAULT_SIZE, EDGE_PX, QUIET_COLOUR, SIZES, Block, Picture, heading, map_aspect, page_layout
from exports.renderer import Renderer, RendererBusy, slots_from_environment
from exports.table import ExportTable
from layers.i18n import t
from layers.look import FONT, discrete_colorscale, label_colour
from layers.plain_text import visible
from layers.status import MISSING

TOPOJSON_FOLDER = Path(__file__).resolve().parent.parent / "assets" / "topojson"
TOPOJSON_URL = TOPOJSON_FOLDER.as_uri() + "/"
SOURCE_FONT_PX = 10
# Characters of the source line that fit the standard picture's width (an average glyph is about 0.55 em wide).
SOURCE_LINE_CHARS = int((SIZES[DEFAULT_SIZE].width - 2 * EDGE_PX) / (SOURCE_FONT_PX * 0.55))
LEGEND_FONT_PX = 12
LEGEND_ROW_PX = 21  # a legend row as Plotly draws it at that font, with its 14 px swatch
DEFAULT_PICTURE = Picture()
# A process resource, like a connection pool, not state of a reader: each gunicorn worker gets its own on fork, and
# it opens Chromium only when the worker's first picture is asked for.
PICTURES = Renderer(slots_from_environment())


class ImageUnavailable(Exception):
    """No picture now: kaleido or Chromium is missing, or (with ``retry_after_s``) every picture slot is busy."""

    def __init__(self, message: str, retry_after_s: int | None = None) -> None:
        super().__init__(message)
        self.retry_after_s = retry_after_s


def _features(dataset: Dataset, year_index: int) -> tuple[dict, list[tuple[int, int]]]:
    collection = json.loads(dataset.geojson)
    drawn = [
        (district, int(feature)) for district, feature in enumerate(dataset.feature_of_year[year_index]) if feature >= 0
    ]
    features = [collection["features"][feature] for _, feature in drawn]
    return {"type": "FeatureCollection", "features": features}, drawn


# "No figure" cannot be hatched in a Plotly map, so a picture draws it white inside a dark dotted outline, and its
# legend entry is that same dotted line: never a flat colour that a class could have.
MISSING_OUTLINE = {"color": "#1b2a33", "width": 1.5, "dash": "dot"}


def _rings(geometry: dict) -> tuple[list, list]:
    """Every ring of a (Multi)Polygon as one scattergeo line: longitudes and latitudes, rings apart by ``None``.

    >>> _rings({"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [0, 1], [0, 0]]]})
    ([0, 1, 0, 0, None], [0, 0, 1, 0, None])
    """
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    lons, lats = [], []
    for ring in (ring for polygon in polygons for ring in polygon):
        lons += [point[0] for point in ring] + [None]
        lats += [point[1] for point in ring] + [None]
    return lons, lats


def _missing_outlines(features: list[dict], label: str | None) -> list[dict]:
    """The dotted outlines of the districts with no figure, as one trace that is also their legend entry."""
    if not features and label is None:
        return []
    lons, lats = [], []
    for feature in features:
        ring_lons, ring_lats = _rings(feature["geometry"])
        lons, lats = lons + ring_lons, lats + ring_lats
    return [{"type": "scattergeo", "mode": "lines", "lon": lons or [None], "lat": lats or [None],
             "line": MISSING_OUTLINE, "name": plain(label or ""), "showlegend": label is not None,
             "hoverinfo": "skip"}]  # fmt: skip


def source_lines(parts: list[str], width: int = SOURCE_LINE_CHARS) -> list[str]:
    """The source line's parts joined by " · ", broken between parts (or, for one too long, between words) so no
    line runs past the picture's edge.

    >>> source_lines(["Kilde: Danmarks Statistik", "Licens: CC BY 4.0", "Hentet: 30. nov. 2026"], width=45)
    ['Kilde: Danmarks Statistik · Licens: CC BY 4.0', 'Hentet: 30. nov. 2026']
    >>> source_lines(["Kilde: " + "meget " * 12], width=30)
    ['Kilde: meget meget meget meget', 'meget meget meget meget meget', 'meget meget meget']
    """
    lines: list[str] = []
    for part in parts:
        candidate = f"{lines[-1]} · {part}" if lines else part
        if lines and len(candidate) <= width:
            lines[-1] = candidate
        else:
            lines.extend(textwrap.wrap(part, width, break_long_words=True) or [""])
    return lines


def plain(text: object) -> str:
    """Dataset text for a Plotly string, which reads ``<b>``, ``<br>`` and ``<a href>`` as markup: escaped, so a
    name such as ``<a href=https://…>`` prints as itself and never becomes a link in an SVG.

    A control character is shown as its picture (``Nør\x07rebro`` reads ``Nør␇rebro``): Chromium cannot draw a
    picture whose text holds one, so the whole picture failed.

    >>> plain("<b>Nørre & Søndre</b>"), plain("Nør\x07rebro")
    ('&lt;b&gt;Nørre &amp; Søndre&lt;/b&gt;', 'Nør␇rebro')
    """
    return html.escape(visible(str(text)), quote=False)


def image_figure(dataset: Dataset, table: ExportTable, picture: Picture = DEFAULT_PICTURE) -> dict:
    """The figure behind an image export: map, names, legend, title and source line, drawn from the view's layer,
    at the picture's size, with its headline, standfirst and byline."""
    view, year_index = table.view, table.year_index
    layer = view.layer(dataset)
    codes, colours = layer.codes()[year_index].tolist(), layer.colours()
    geojson, drawn = _features(dataset, year_index)
    choropleth = {
        "type": "choropleth",
        "geojson": geojson,
        "featureidkey": "properties.key",
        "locations": [dataset.feature_keys[feature] for _, feature in drawn],
        "z": [codes[district] for district, _ in drawn],
        "zmin": -0.5,
        "zmax": len(colours) - 0.5,
        "colorscale": discrete_colorscale(colours),
        "showscale": False,
        "marker": {"line": {"color": "#ffffff", "width": 0.8}},
    }
    names = {
        "type": "scattergeo",
        "mode": "text",
        "lon": [dataset.label_points[feature][0] for _, feature in drawn],
        "lat": [dataset.label_points[feature][1] for _, feature in drawn],
        "text": [plain(dataset.district_names[district]) for district, _ in drawn],
        "textfont": {"family": FONT, "size": 10, "color": [label_colour(colours[codes[d]]) for d, _ in drawn]},
        "showlegend": False,
        "hoverinfo": "skip",
    }
    legend = [
        {"type": "scattergeo", "lon": [None], "lat": [None], "mode": "markers", "name": plain(label), "showlegend": True,
         "marker": {"symbol": "square", "size": 14, "color": colour, "line": {"color": "#8a989f", "width": 1}}}
        for colour, label in table.legend if colour != MISSING.colour
    ]  # fmt: skip
    missing_label = next((label for colour, label in table.legend if colour == MISSING.colour), None)
    missing = [feature for (district, _), feature in zip(drawn, geojson["features"], strict=True)
               if codes[district] == MISSING.code]  # fmt: skip
    provenance, lang, year = table.provenance, view.lang, view.year
    reference = dataset.info.reference_date(lang)
    # With no reference date the caption says which year the figures are for, with no dangling "pr.".
    figures_as_of = (
        t("image_as_of", lang, date=f"{reference} {year}") if reference else t("image_year", lang, year=year)
    )
    size = picture.size_spec
    page = page_layout(
        size,
        heading(
            picture, provenance.title, f"{dataset.info.area_name} · {provenance.unit} · {figures_as_of}", size.width
        ),
        [source_block(table, picture, size.width)],
        _legend_px(table.legend),
        map_aspect(dataset.bounds),
        plain,
    )
    body, legend_box = page["body"], page["legend"]
    return {
        "data": [choropleth, names, *legend, *_missing_outlines(missing, missing_label)],
        "layout": {
            "width": page["width"],
            "height": page["height"],
            "font": {"family": FONT, "color": "#1b2a33"},
            "geo": {"fitbounds": "locations", "visible": False, "projection": {"type": "mercator"},
                    "domain": {"x": body["x"], "y": body["y"]}},
            "legend": {"orientation": "v", "x": legend_box["x"][0], "xanchor": "left", "y": legend_box["y"][0],
                       "yanchor": "bottom", "font": {"size": LEGEND_FONT_PX}, "tracegroupgap": 0},
            "margin": page["margin"],
            "title": page["title"],
            "annotations": page["annotations"],
        },
    }  # fmt: skip


def source_block(table: ExportTable, picture: Picture, width_px: int) -> Block:
    """The line under a picture: the byline first, then the source, licence, date and note (not the long link).
    Wrapped before escaping, so an escaped "&amp;" is not cut in two and counts as the one character it shows."""
    provenance, lang = table.provenance, table.view.lang
    printed = (("export_source", provenance.source), ("export_licence", provenance.licence),
               ("export_downloaded", provenance.downloaded), ("export_note", provenance.note))  # fmt: skip
    parts = [picture.byline] if picture.byline else []
    parts += [f"{t(key, lang)}: {text}" for key, text in printed if text]
    width = int((width_px - 2 * EDGE_PX) / (SOURCE_FONT_PX * 0.55))
    return Block("source", tuple(source_lines(parts, width)), SOURCE_FONT_PX, QUIET_COLOUR)


def _legend_px(legend: tuple[tuple[str, str], ...]) -> tuple[float, float]:
    """About how wide and tall the legend is drawn, in pixels: a row per class, a swatch and its label."""
    if not legend:
        return 0.0, 0.0
    return 48 + LEGEND_FONT_PX * 0.6 * max(len(label) for _, label in legend), 8 + LEGEND_ROW_PX * len(legend)


def draw(build: Callable[[], dict], image_format: str) -> bytes:
    """PNG (twice the pixels, for print and sharp screens), SVG or PDF bytes of the figure ``build`` makes, at the
    figure's own width and height."""
    try:
        with PICTURES.turn():  # the figure is built within the turn too: a refused picture costs nothing
            figure = build()
            layout = figure["layout"]
            options = {"format": image_format, "width": layout["width"], "height": layout["height"]}
            options["scale"] = 2 if image_format == "png" else 1
            return PICTURES.draw(figure, options, TOPOJSON_URL)
    except RendererBusy as busy:
        raise ImageUnavailable(str(busy), retry_after_s=busy.retry_after_s) from None
    except Exception as error:  # kaleido raises its own kinds when Chromium is missing or crashes
        raise ImageUnavailable(
            f"Images cannot be made here ({type(error).__name__}). They need Chromium: apt-get install chromium."
        ) from error


def render(dataset: Dataset, table: ExportTable, image_format: str, picture: Picture = DEFAULT_PICTURE) -> bytes:
    """PNG (at 2×), SVG or PDF bytes of the view, with the picture's headline, texts and size."""
    return draw(lambda: image_figure(dataset, table, picture), image_format)
