"""The map's fixed setup, and the ranking chart's fixed part.

Both are built once per page. The map itself is ``assets/district_map.js`` (MapLibre GL JS, vendored): it loads the
shapes once from their content-hashed URL and recolours them in the browser for every year and indicator, so
neither the shapes nor their tessellation are ever redone.
"""

from __future__ import annotations

from data.model import Dataset

LABEL_FONT = "Distriktskort Sans"  # built by tools/build_glyphs.py into assets/glyphs/
GLYPHS_URL = "/assets/glyphs/{fontstack}/{range}.pbf"  # the map's style asks for names' glyphs here, and nowhere else
LABEL_COLOURS = ("#1b2a33", "#ffffff")  # names on light fills, names on dark fills
BACKGROUND = "#eef3f5"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
LABEL_DECIMALS = 5  # a name's position to a metre


def map_setup(dataset: Dataset, shapes_url: str) -> dict:
    """What the browser's map needs once per page: where the shapes are, the area, and each shape's district.

    ``feature_district[f]`` is the district shape ``f`` belongs to; ``periods[f]`` the years it is valid
    (first and last, ``[0, -1]`` for never; ``None`` when every shape is drawn in every year); ``label_points[f]``
    where its name goes.
    """
    periods = None
    if len(dataset.feature_keys) != len(dataset.district_ids) or (dataset.feature_of_year < 0).any():
        periods = [[first, last] if first is not None else [0, -1] for first, last in _periods(dataset)]
    return {
        "shapes": shapes_url,
        "bounds": [round(value, LABEL_DECIMALS) for value in dataset.bounds],
        "glyphs": GLYPHS_URL,
        "font": LABEL_FONT,
        "background": BACKGROUND,
        "label_colours": list(LABEL_COLOURS),
        "years": list(dataset.years),
        "ids": list(dataset.district_ids),
        "names": list(dataset.district_names),
        "feature_district": _feature_district(dataset),
        "periods": periods,
        "label_points": [[round(lon, LABEL_DECIMALS), round(lat, LABEL_DECIMALS)] for lon, lat in dataset.label_points],
    }


def _feature_district(dataset: Dataset) -> list[int]:
    owner = [-1] * len(dataset.feature_keys)
    for row in dataset.feature_of_year:
        for district, feature in enumerate(row):
            if feature >= 0:
                owner[feature] = district
    return owner


def _periods(dataset: Dataset) -> list[tuple[int | None, int | None]]:
    """Each shape's first and last year drawn, from the year table (``None`` for a shape never drawn)."""
    spans: list[tuple[int | None, int | None]] = [(None, None)] * len(dataset.feature_keys)
    for year, row in zip(dataset.years, dataset.feature_of_year, strict=True):
        for feature in row[row >= 0]:
            first, _ = spans[feature]
            spans[feature] = (int(year) if first is None else first, int(year))
    return spans


def ranking_figure(dataset: Dataset) -> dict:
    """An empty horizontal bar chart, one row per district, that the browser fills and sorts."""
    # Up to 40 districts, all of them; above, the ten highest and lowest, two chosen ones and a gap row (map.js).
    rows = len(dataset.district_ids) if len(dataset.district_ids) <= 40 else 23
    return {
        "data": [
            {
                "type": "bar",
                "orientation": "h",
                "x": [],
                "y": [],
                "hoverinfo": "skip",
                "textposition": "outside",
                "cliponaxis": False,
            }
        ],
        "layout": {
            "height": 26 + 21 * rows,
            "margin": {"l": 8, "r": 64, "t": 4, "b": 4},
            "xaxis": {"visible": False, "fixedrange": True},
            "yaxis": {"automargin": True, "fixedrange": True, "autorange": "reversed", "tickfont": {"size": 12}},
            "bargap": 0.25,
            "plot_bgcolor": "rgba(0,0,0,0)",
            "paper_bgcolor": "rgba(0,0,0,0)",
            "font": {"family": FONT, "color": "#1b2a33", "size": 12},
            "showlegend": False,
        },
    }
