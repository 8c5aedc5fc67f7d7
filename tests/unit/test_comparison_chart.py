"""Two chosen districts in one chart: both and the whole municipality on one y-axis, each line labelled at its end
in its own colour, the colours of their outlines on the map (ui.figure.CHOSEN_COLOURS)."""

import json

from dash.development.base_component import Component

from layers.look import AREA_COLOUR
from layers.status import MISSING
from ui.callbacks import outline_key, show_profile
from ui.figure import CHOSEN_COLOURS
from ui.trend import TREND_ATTRIBUTE, spread_labels


def _charts(component) -> list[dict]:
    """The trend charts in a profile: the figures each ``.trend-drawing`` box carries for assets/sparkline.js."""
    if not isinstance(component, Component):
        return []
    props = component.to_plotly_json()["props"]
    found = [json.loads(props[TREND_ATTRIBUTE])] if TREND_ATTRIBUTE in props else []
    children = props.get("children")
    for child in children if isinstance(children, list) else [children]:
        found += _charts(child)
    return found


def _profile_charts(demo, district, compare, indicator="age_0_5") -> list[dict]:
    asked = {"district": district, "compare": compare, "indicator": indicator, "measure": "share", "year": 2016}
    body = show_profile(demo, asked)["body"]
    return [chart for part in body for chart in _charts(part)]


def test_two_districts_share_one_chart_with_direct_labels(demo):
    charts = _profile_charts(demo, "01", "02")
    assert len(charts) == 1
    chart = charts[0]
    names = [demo.district_names[0], demo.district_names[1]]
    assert [line["name"] for line in chart["lines"]][1:] == names
    assert [line["colour"] for line in chart["lines"]] == [AREA_COLOUR, *CHOSEN_COLOURS]
    assert [line["dash"] for line in chart["lines"]] == ["dot", "solid", "dash"]
    assert chart["lines"][0]["label"]["lines"] == ["Hele kommunen"]
    last = len(demo.years) - 1
    assert all(line["label"]["at"] == last for line in chart["lines"])  # each line named at its end
    assert chart["years"] == list(demo.years) and chart["year_ticks"][-1] == demo.years[-1]


def test_the_chart_writes_its_figures_as_the_language_does(demo):
    (chart,) = _profile_charts(demo, "03", None)
    own = chart["lines"][1]
    assert own["texts"][-1].endswith(" %") and "," in own["texts"][-1]  # "12,3 %" in Danish
    low, high = chart["range"]
    assert all(low <= tick <= high for tick, _ in chart["ticks"])
    assert all(low <= value <= high for line in chart["lines"] for value in line["values"] if value is not None)


def test_a_year_without_a_figure_is_a_gap_with_its_reason(demo):
    (chart,) = _profile_charts(demo, "07", None, indicator="industry_agriculture")  # 07 has none in 2011
    own = chart["lines"][1]
    assert own["values"][0] is None and own["texts"][0] is None
    assert own["reasons"][0] == MISSING.says("legend", "da")
    assert all(reason == "" for value, reason in zip(own["values"], own["reasons"], strict=True) if value is not None)


def test_the_chart_has_its_figures_as_a_table_for_screen_readers(demo):
    asked = {"district": "07", "indicator": "industry_agriculture", "measure": "share", "year": 2016, "lang": "en"}
    text = str(show_profile(demo, asked)["body"])
    assert "visually-hidden" in text and "Caption" in text and "Year" in text
    assert f"{demo.district_names[6]}, 2011: No figures" in text  # named under the chart too


def test_one_district_keeps_the_first_colour(demo):
    (chart,) = _profile_charts(demo, "03", None)
    assert [line["colour"] for line in chart["lines"]] == [AREA_COLOUR, CHOSEN_COLOURS[0]]


def test_the_key_beside_the_map_names_the_outlines_in_order(demo):
    key = outline_key(demo, {"district": "02", "compare": "05", "lang": "en"})
    assert key[0].children == "Outlined on the map:"
    assert [item.children[1] for item in key[1:]] == [demo.district_names[1], demo.district_names[4]]
    assert [item.children[0].style["borderTopColor"] for item in key[1:]] == list(CHOSEN_COLOURS)
    assert "chosen-key-line-2" in key[2].children[0].className
    assert outline_key(demo, {"district": None, "compare": None, "lang": "da"}) == []


def test_direct_labels_keep_apart_and_stay_near_their_lines():
    heights = spread_labels([5.0, 5.05, 5.1, 9.0], 0.5)
    ordered = sorted(heights[:3])
    assert all(high - low >= 0.5 - 1e-9 for low, high in zip(ordered, ordered[1:], strict=False))
    assert abs(sum(heights[:3]) / 3 - 5.05) < 1e-9 and heights[3] == 9.0
