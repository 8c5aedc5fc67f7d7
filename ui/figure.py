"""The two figures' fixed parts: the district map and the ranking beside it.

These are built once per page. The browser fills in the values for the chosen indicator and year (see
``assets/map.js``), so the shapes, which the map loads from a URL, are never sent again.
"""

from __future__ import annotations

import math

from data.model import Dataset

LABEL_FONT = "Distriktskort Sans"  # built by tools/build_glyphs.py into assets/glyphs/
# A plain background and our own glyphs: nothing is fetched from outside, so the map works with no internet.
OFFLINE_MAP_STYLE = {
    "version": 8,
    "name": "distriktskort-offline",
    "glyphs": "/assets/glyphs/{fontstack}/{range}.pbf",
    # Never leave "sources" empty: Dash drops empty objects from a figure, plotly.js then sees another style,
    # reloads it on every update and waits for an event that never comes, and the colours stop changing.
    "sources": {"distriktskort-blank": {"type": "geojson", "data": {"type": "FeatureCollection", "features": []}}},
    "layers": [{"id": "background", "type": "background", "paint": {"background-color": "#eef3f5"}}],
}
REFERENCE_SIZE_PX = (640, 520)  # the map's size on a laptop; the browser refits for the real size
LABEL_COLOURS = ("#1b2a33", "#ffffff")  # names on light fills, names on dark fills
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"


def fit_zoom(
    bounds: tuple[float, float, float, float], width_px: float, height_px: float, padding: float = 0.92
) -> float:
    """The MapLibre zoom at which ``bounds`` (west, south, east, north in degrees) fill a viewport.

    >>> round(fit_zoom((9.5, 55.7, 10.0, 55.9), 640, 520), 1)
    9.7
    """
    west, south, east, north = bounds

    def mercator_y(latitude: float) -> float:
        return math.log(math.tan(math.pi / 4 + math.radians(latitude) / 2))

    width_fraction = (east - west) / 360
    height_fraction = (mercator_y(north) - mercator_y(south)) / (2 * math.pi)
    zoom_x = math.log2(width_px * padding / 512 / width_fraction)
    zoom_y = math.log2(height_px * padding / 512 / height_fraction)
    return min(zoom_x, zoom_y)


def map_figure(dataset: Dataset, geojson_url: str) -> dict:
    """The map with every district outlined and no values yet; ``geojson_url`` is fetched once by the browser."""
    west, south, east, north = dataset.bounds
    drawn = _drawn_features(dataset, dataset.years.index(dataset.info.default_year))
    trace = {
        "type": "choroplethmap",
        "geojson": geojson_url,
        "featureidkey": "properties.key",
        "locations": [dataset.feature_keys[feature] for _, feature in drawn],
        "z": [0] * len(drawn),
        "zmin": -0.5,
        "zmax": 1.5,
        "colorscale": [[0, "#f4f4f4"], [1, "#f4f4f4"]],
        "showscale": False,
        "marker": {"line": {"color": "#ffffff", "width": 1.2}, "opacity": 0.95},
        "customdata": [dataset.district_names[district] for district, _ in drawn],
        "hovertemplate": "%{customdata}<extra></extra>",
    }
    labels = [_label_trace(dataset, drawn, colour) for colour in LABEL_COLOURS]
    layout = {
        "map": {
            "style": OFFLINE_MAP_STYLE,
            "center": {"lon": (west + east) / 2, "lat": (south + north) / 2},
            "zoom": fit_zoom(dataset.bounds, *REFERENCE_SIZE_PX),
        },
        # What the browser needs to draw any year: which shape each district has that year, and where its name goes.
        "meta": {
            "bounds": [west, south, east, north],
            "keys": list(dataset.feature_keys),
            "label_points": [list(point) for point in dataset.label_points],
            "feature_of_year": dataset.feature_of_year.tolist(),
        },
        "margin": {"l": 0, "r": 0, "t": 0, "b": 0},
        "paper_bgcolor": "rgba(0,0,0,0)",
        "uirevision": dataset.geojson_hash,  # keeps the reader's zoom and pan while values change
        "hoverlabel": {
            "bgcolor": "#ffffff",
            "bordercolor": "#1b2a33",
            "font": {"family": FONT, "size": 14, "color": "#1b2a33"},
        },
        "font": {"family": FONT},
    }
    return {"data": [trace, *labels], "layout": layout}


def _drawn_features(dataset: Dataset, year_index: int) -> list[tuple[int, int]]:
    """(district, feature) for every district that has a shape in that year."""
    row = dataset.feature_of_year[year_index]
    return [(district, int(feature)) for district, feature in enumerate(row) if feature >= 0]


def _label_trace(dataset: Dataset, drawn: list[tuple[int, int]], colour: str) -> dict:
    # District names on the map. MapLibre drops a name that would overlap another, and shows it on zooming in.
    return {
        "type": "scattermap",
        "mode": "text",
        "lon": [dataset.label_points[feature][0] for _, feature in drawn],
        "lat": [dataset.label_points[feature][1] for _, feature in drawn],
        "text": [""] * len(drawn),
        "textfont": {"family": LABEL_FONT, "size": 12, "color": colour},
        "hoverinfo": "skip",
        "showlegend": False,
    }


def ranking_figure(dataset: Dataset) -> dict:
    """An empty horizontal bar chart, one row per district, that the browser fills and sorts."""
    rows = len(dataset.district_ids)
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
