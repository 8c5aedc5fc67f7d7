"""What the page shows: tooltips, legends, titles and the picker, in Danish and English."""

import numpy as np
import pytest

from layers.families import FAMILIES
from ui.i18n import format_number
from ui.view import (
    indicator_options,
    legend_items,
    map_view,
    measure_options,
    resolve_selection,
    resolve_year,
    view_layer,
)


def test_numbers_are_written_the_danish_way_and_the_english_way():
    assert format_number(1234.5, 1, "da") == "1.234,5"
    assert format_number(1234.5, 1, "en") == "1,234.5"


def test_the_picker_is_grouped_by_family_in_registry_order(demo):
    options = indicator_options(demo, "da")
    headings = [option for option in options if option.get("disabled")]
    assert [heading["value"] for heading in headings] == [f"family:{family.id}" for family in FAMILIES]
    assert headings[1]["label"] == "ALDERSFORDELING"
    chosen = [option["value"] for option in options if not option.get("disabled")]
    assert chosen == [category.id for family in FAMILIES for category in family.categories]


def test_english_labels_in_the_picker(demo):
    labels = {option["value"]: option["label"] for option in indicator_options(demo, "en")}
    assert labels["civil_married"] == "Married/registered partnership"


def test_counts_only_families_offer_no_share(demo):
    options = {option["value"]: option for option in measure_options(demo, "residents", "da")}
    assert options["share"]["disabled"] and not options["count"]["disabled"]
    options = {option["value"]: option["label"] for option in measure_options(demo, "age_0_5", "da")}
    assert options == {"share": "Andel af indbyggerne", "count": "Antal indbyggere"}


@pytest.mark.parametrize(
    ("asked", "expected"),
    [
        (("age_0_5", "count"), ("age_0_5", "count")),
        (("residents", "share"), ("residents", "count")),
        (("no_such_thing", "share"), ("age_0_5", "share")),
        ((None, None), ("age_0_5", "share")),
        (("family:age", "share"), ("age_0_5", "share")),
        ((["age_0_5"], {"x": 1}), ("age_0_5", "share")),
    ],
)
def test_nonsense_selections_fall_back_to_defaults(demo, asked, expected):
    assert resolve_selection(demo, *asked) == expected


@pytest.mark.parametrize(("asked", "expected"), [(2013, 2013), ("2012", 2012), (1999, 2016), ("x", 2016), (None, 2016)])
def test_years_outside_the_data_fall_back_to_the_default(demo, asked, expected):
    assert resolve_year(demo, asked) == expected


def test_the_tooltip_has_name_danish_value_count_denominator_and_year(demo):
    view = map_view(demo, "age_0_5", "share", "da")
    district = demo.district_names.index("Fjordby")
    year = demo.years.index(2016)
    series = demo.series["age_0_5", "share"]
    tip = view["hover"][year][district]
    value = series.values[year, district]
    assert tip.startswith("<b>Fjordby</b>")
    assert f"{value:.1f}".replace(".", ",") + " %" in tip
    assert (
        f"{int(series.counts[year, district])} af {int(series.denominators[year, district]):,}".replace(",", ".") in tip
    )
    assert "indbyggere" in tip and tip.endswith("2016")


def test_suppressed_districts_are_explained_not_shown_as_zero(demo):
    series = demo.series["citizenship_non_western", "count"]
    year, district = map(int, np.argwhere(series.status == 1)[0])
    view = map_view(demo, "citizenship_non_western", "count", "da")
    assert "Skjult" in view["hover"][year][district] and "5" in view["hover"][year][district]
    assert view["codes"][year][district] == 1
    assert view["values"][year][district] is None


def test_the_title_leaves_the_year_for_the_browser_and_names_what_is_shown(demo):
    assert map_view(demo, "age_0_5", "share", "da")["title"] == "0–5 år: andel af indbyggerne, {year}"
    assert map_view(demo, "age_0_5", "count", "en")["title"] == "0–5 years: number of residents, {year}"


def test_the_legend_lists_classes_in_danish_format_then_statuses(demo):
    items = legend_items(view_layer(demo, "citizenship_non_western", "count", "value", 2011), "da")
    labels = [label for _, label in items]
    assert labels[-1] == "Skjult for at beskytte enkeltpersoner"
    assert len({colour for colour, _ in items}) == len(items), "every row must have its own colour"
    share_labels = [label for _, label in legend_items(view_layer(demo, "age_0_5", "share", "value", 2011), "da")]
    assert all(label.endswith(" %") and "," in label for label in share_labels)


def test_the_view_holds_every_year_and_a_colour_per_code(demo):
    view = map_view(demo, "moves_net", "share", "en")
    assert view["years"] == list(demo.years)
    assert len(view["codes"]) == len(demo.years) and len(view["codes"][0]) == len(demo.district_ids)
    assert max(max(row) for row in view["codes"]) < len(view["colours"])
    assert view["zmax"] == len(view["colours"]) - 0.5
