"""The view's query parameters: declared once, read and written the same way in Python and in the browser."""

import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from ui.url_state import PARAMETER_NAMES, parse_view, view_query

MAP_JS = Path(__file__).resolve().parents[2] / "assets" / "map.js"


def test_the_browser_writes_the_parameters_python_reads():
    listed = re.search(r"var VIEW_PARAMETERS = \[(.*?)\];", MAP_JS.read_text()).group(1)
    assert tuple(name.strip().strip('"') for name in listed.split(",")) == PARAMETER_NAMES


def test_a_view_survives_the_round_trip(demo):
    values = parse_view(
        demo, "?indicator=moves_net&measure=share&year=2014&district=03&compare=11&mode=change&from=2012&lang=en"
    ).values
    assert parse_view(demo, view_query(values)).values == values


@given(st.text(max_size=300))
def test_any_query_gives_a_usable_view(demo, query):
    view = parse_view(demo, query)
    assert view.values["indicator"] in demo.indicators and view.values["year"] in demo.years
    assert view.values["district"] in (None, *demo.district_ids)


def test_a_control_character_in_a_parameter_is_shown_in_the_notice_not_sent_raw(demo):
    parsed = parse_view(demo, "?lang=sv%00&col%07our=red")
    assert parsed.ignored == ("col␇our", "lang=sv␀")
    assert "\x00" not in parsed.notice("da") and "lang=sv␀" in parsed.notice("da")
