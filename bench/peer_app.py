"""The peer in the benchmarks: the usual Dash approach to the same map, on the same dataset.

    python bench/peer_app.py --dataset DIR [--port 8070]

One callback takes the year slider and the indicator picker and rebuilds the whole ``px.choropleth_map`` figure,
GeoJSON included, on every change. It uses the same loaded dataset, the same offline background (Plotly's
"white-bg" draws no tiles) and the same response compression as Distriktskort, so the comparison is about the
design, not about settings. Nothing here is part of the product.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pandas as pd
import plotly.express as px
from dash import Dash, Input, Output, dcc, html

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from data.load import load_dataset  # noqa: E402


def peer_app(folder: Path) -> Dash:
    dataset = load_dataset(folder)
    geojson = json.loads(dataset.geojson)
    for feature in geojson["features"]:
        feature["id"] = feature["properties"]["key"]
    indicators = [indicator for indicator in dataset.indicators if (indicator, "share") in dataset.series]
    app = Dash(__name__, compress=True)
    app.layout = html.Div(
        [
            dcc.Dropdown(id="indicator", options=indicators, value=dataset.info.default_indicator, clearable=False),
            dcc.Slider(
                id="year",
                min=dataset.years[0],
                max=dataset.years[-1],
                step=1,
                value=dataset.info.default_year,
                marks={year: str(year) for year in dataset.years},
            ),
            dcc.Graph(id="map", style={"height": "66vh"}),
        ]
    )

    @app.callback(Output("map", "figure"), Input("indicator", "value"), Input("year", "value"))
    def _figure(indicator_id, year):
        series = dataset.series[indicator_id, "share"]
        year_index = dataset.years.index(int(year))
        drawn = [(d, int(f)) for d, f in enumerate(dataset.feature_of_year[year_index]) if f >= 0]
        frame = pd.DataFrame(
            {
                "key": [dataset.feature_keys[f] for _, f in drawn],
                "name": [dataset.district_names[d] for d, _ in drawn],
                "value": [series.values[year_index, d] for d, _ in drawn],
            }
        )
        west, south, east, north = dataset.bounds
        figure = px.choropleth_map(
            frame,
            geojson=geojson,
            locations="key",
            color="value",
            hover_name="name",
            color_continuous_scale="Purples",
            map_style="white-bg",
            center={"lon": (west + east) / 2, "lat": (south + north) / 2},
            zoom=6,
        )
        figure.update_layout(margin={"l": 0, "r": 0, "t": 0, "b": 0})
        return figure

    return app


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", type=Path, required=True)
    parser.add_argument("--port", type=int, default=8070)
    arguments = parser.parse_args()
    peer_app(arguments.dataset).run(host="127.0.0.1", port=arguments.port, debug=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
