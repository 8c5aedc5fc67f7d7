"""Two chosen districts in one chart: both and the whole municipality on one y-axis, each line labelled at its end
in its own colour, the colours of their outlines on the map (ui.figure.CHOSEN_COLOURS)."""

from dash import dcc

from ui.callbacks import outline_key, show_profile
from ui.figure import CHOSEN_COLOURS
from ui.profile import AREA_COLOUR, spread_labels


def _graphs(component) -> list:
    found = [component] if isinstance(component, dcc.Graph) else []
    children = getattr(component, "children", None)
    for child in children if isinstance(children, list) else [children] if children is not None else []:
        found += _graphs(child)
    return found


def _profile_graphs(demo, district, compare) -> list:
    asked = {"district": district, "compare": compare, "indicator": "age_0_5", "measure": "share", "year": 2016}
    body = show_profile(demo, asked)["body"]
    return [graph for part in body for graph in _graphs(part)]


def test_two_districts_share_one_chart_with_direct_labels(demo):
    graphs = _profile_graphs(demo, "01", "02")
    assert len(graphs) == 1
    figure = graphs[0].figure
    names = [demo.district_names[0], demo.district_names[1]]
    assert [trace["name"] for trace in figure["data"]][1:] == names
    assert [trace["line"]["color"] for trace in figure["data"]] == [AREA_COLOUR, *CHOSEN_COLOURS]
    assert [trace["line"]["dash"] for trace in figure["data"]] == ["dot", "solid", "dash"]
    assert figure["layout"]["showlegend"] is False
    labels = {note["text"]: note["font"]["color"] for note in figure["layout"]["annotations"]}
    assert labels[names[0]] == CHOSEN_COLOURS[0] and labels[names[1]] == CHOSEN_COLOURS[1]
    assert labels["Hele kommunen"] == AREA_COLOUR
    last_year = demo.years[-1]
    assert all(note["x"] == last_year for note in figure["layout"]["annotations"])


def test_one_district_keeps_the_first_colour(demo):
    (graph,) = _profile_graphs(demo, "03", None)
    assert [trace["line"]["color"] for trace in graph.figure["data"]] == [AREA_COLOUR, CHOSEN_COLOURS[0]]


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
