"""A picture of a district's profile: its figure over the years against the whole municipality, and against a
second district when the view compares two, as a captioned chart with its source line.

    /export/profile.png?indicator=age_0_5&measure=share&district=07&compare=11&headline=…&size=column

Built like the map's picture (``exports.images``): a Plotly figure dict, laid out by ``exports.picture`` with the
same headline, standfirst, byline and sizes, drawn by ``exports.renderer.PICTURES``. Each line is named at its end,
as on the page's profile chart, so no reader hunts a legend, and the second district's line is dashed, so the lines
differ without colour too.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np

from data.model import Dataset
from exports.formats import EXPORTERS, xml_safe
from exports.images import draw, plain, source_block
from exports.picture import Picture, heading, page_layout
from exports.table import ExportTable
from insight.sentences import area_line
from layers.i18n import number_symbols
from layers.look import AREA_COLOUR, FONT
from layers.look import CHOSEN_COLOURS as DISTRICT_COLOURS
from view.modes import DEFAULT_MODE

DISTRICT_DASHES = ("solid", "dash")  # as the profile's chart draws them: the lines differ without colour too
CHART_ASPECT = 0.55  # height over width of the chart in a picture whose height follows its content
LABEL_FONT_PX = 13
TICKS_PX = 60
YEARS_PX = 28


@dataclass(frozen=True)
class PictureFormat:
    """One format a picture is drawn in: its media type, as its download declares it, and its last touch."""

    id: str
    finish: Callable[[bytes], bytes] = bytes

    @property
    def media_type(self) -> str:
        return EXPORTERS[self.id].media_type


# The picture formats of the view's downloads; an SVG has its control characters shown, as exports.formats does.
PICTURE_FORMATS: dict[str, PictureFormat] = {
    picture_format.id: picture_format
    for picture_format in (PictureFormat("png"), PictureFormat("svg", xml_safe), PictureFormat("pdf"))
}


def _line(years: list[int], values: list, name: str, colour: str, dash: str, width: float) -> dict:
    return {"type": "scatter", "mode": "lines+markers", "x": years, "y": values, "name": plain(name),
            "line": {"color": colour, "dash": dash, "width": width}, "marker": {"color": colour, "size": 7},
            "showlegend": False}  # fmt: skip


def _end_label(years: list[int], values: list, name: str, colour: str) -> dict | None:
    last = max((i for i, value in enumerate(values) if value is not None), default=None)
    if last is None:
        return None
    return {"name": "line-label", "text": plain(name), "x": years[last], "y": values[last], "xref": "x",
            "yref": "y", "xanchor": "left", "xshift": 8, "showarrow": False,
            "font": {"color": colour, "size": LABEL_FONT_PX}}  # fmt: skip


def profile_figure(dataset: Dataset, table: ExportTable, picture: Picture) -> dict:
    """The chart of the view's district (and its second district) against the municipality, over every year, with
    the picture's headline, texts and size. The view must name a district."""
    view = replace(table.view, mode=DEFAULT_MODE)  # a profile shows the figures themselves, never their change
    series, lang, years = view.series(dataset), view.lang, list(dataset.years)
    chosen = [dataset.district_ids.index(code) for code in (view.district, view.compare) if code is not None]
    area, area_name = area_line(dataset, series, lang)
    lines = [(area, area_name, AREA_COLOUR, "dot", 2.5)]
    for order, district in enumerate(dict.fromkeys(chosen)):
        own = [None if np.isnan(value) else float(value) for value in series.values[:, district]]
        lines.append((own, dataset.district_names[district], DISTRICT_COLOURS[order], DISTRICT_DASHES[order], 3.5))
    names = " · ".join(dataset.district_names[district] for district in dict.fromkeys(chosen))
    title = view.title(dataset).replace("{year}", f"{years[0]}–{years[-1]}")
    subline = f"{names} · {dataset.info.area_name} · {series.unit.label(lang)}"
    size = picture.size_spec
    page = page_layout(size, heading(picture, title, subline, size.width), [source_block(table, picture, size.width)],
                       (0.0, 0.0), CHART_ASPECT, plain)  # fmt: skip
    # Room on the right for the names at the lines' ends, inside the plot area so they are never cut off.
    label_px = 16 + LABEL_FONT_PX * 0.55 * max(len(name) for _, name, *_ in lines)
    inner_px = size.width - page["margin"]["l"] - page["margin"]["r"]
    chart_right = max(0.5, 1 - label_px / inner_px)
    chart_left = TICKS_PX / inner_px  # the y-axis' numbers, inside the plot area too, and the years under the axis
    plot_px = page["height"] - page["margin"]["t"] - page["margin"]["b"]
    chart_bottom = min(YEARS_PX / plot_px, 0.5)
    symbols = number_symbols(lang)
    labels = [_end_label(years, values, name, colour) for values, name, colour, *_ in lines]
    return {
        "data": [_line(years, *line) for line in lines],
        "layout": {
            "width": page["width"],
            "height": page["height"],
            "font": {"family": FONT, "color": "#1b2a33"},
            "margin": page["margin"],
            "title": page["title"],
            "annotations": [*page["annotations"], *(label for label in labels if label)],
            "xaxis": {"domain": [chart_left, chart_right], "range": [years[0] - 0.3, years[-1] + 0.3],
                      "tick0": years[-1], "dtick": math.ceil(len(years) / 8), "showgrid": False},
            "yaxis": {"domain": [chart_bottom, 1], "separatethousands": True, "gridcolor": "#dde3e6",
                      "automargin": False},
            "separators": symbols["decimal"] + symbols["group"],
            "showlegend": False,
            "paper_bgcolor": "#ffffff",
            "plot_bgcolor": "#ffffff",
        },
    }  # fmt: skip


def render_profile(dataset: Dataset, table: ExportTable, picture: Picture, image_format: str) -> bytes:
    """PNG (at 2×), SVG or PDF bytes of the profile picture."""
    return PICTURE_FORMATS[image_format].finish(draw(lambda: profile_figure(dataset, table, picture), image_format))
