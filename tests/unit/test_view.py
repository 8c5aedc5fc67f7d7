"""What the page shows: tooltips, legends, titles and the picker, in Danish and English."""

import math

import numpy as np
import pytest

from layers.families import FAMILIES
from layers.i18n import format_number
from layers.status import SUPPRESSED
from ui.view import indicator_options, map_view, measure_options, packed, share_from_parts
from view.view import View


def _view(demo, indicator_id, measure, lang="da", mode="value", from_year=None) -> View:
    asked = {"indicator": indicator_id, "measure": measure, "lang": lang, "mode": mode, "from": from_year}
    view, ignored = View.checked(demo, asked)
    assert ignored == ()
    return view


def _map(demo, *asked) -> dict:
    return map_view(demo, _view(demo, *asked))


def year_codes(packed: dict, year_index: int) -> list[int]:
    """One year's colour codes, district by district, from a packed map view."""
    return packed["codes"][year_index :: len(packed["years"])]


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
    view, _ = View.checked(demo, {"indicator": asked[0], "measure": asked[1]})
    assert (view.indicator, view.measure) == expected


@pytest.mark.parametrize(("asked", "expected"), [(2013, 2013), ("2012", 2012), (1999, 2016), ("x", 2016), (None, 2016)])
def test_years_outside_the_data_fall_back_to_the_default(demo, asked, expected):
    assert View.checked(demo, {"year": asked})[0].year == expected


def unpacked(figures: dict, years: int) -> list[list[float | None]]:
    """What assets/map.js's unpack makes of ui.view.packed: rows per year, None where there is no figure."""
    steps, scale = figures["steps"], 10 ** figures["decimals"]
    districts = len(steps) // years
    rows = [[None] * districts for _ in range(years)]
    for district in range(districts):
        running = 0
        for year in range(years):
            position = district * years + year
            running += steps[position]
            rows[year][district] = None if position in figures["gaps"] else running / scale
    return rows


def half_even(number: float) -> float:
    """assets/figures.js's halfEven: Math.round, with a half to an odd number taken down to the even one."""
    rounded = math.floor(number + 0.5)
    return rounded - 1 if rounded - number == 0.5 and rounded % 2 else rounded


def shown(view: dict, years: int) -> list[list[float | None]]:
    """The figures the map shows, as assets/figures.js's figuresOf makes them: sent, or a share worked out in the
    browser from its count and denominator (its shareOf), in the same arithmetic."""
    if isinstance(view["values"], str):
        return unpacked(view["shared"][view["values"]], years)
    how = view["values"]
    counts, denominators = (unpacked(view["shared"][key], years) for key in how["of"])
    scale = 10 ** how["decimals"]
    return [
        [
            None
            if d * years + y in how["gaps"] or count is None or whole is None
            else half_even(count / whole * how["per"] * scale) / scale
            for d, (count, whole) in enumerate(zip(counts[y], denominators[y], strict=True))
        ]
        for y in range(years)
    ]


def test_the_tooltip_detail_carries_count_and_denominator_in_danish_words(demo):
    view = _map(demo, "age_0_5", "share", "da")
    district, year = demo.district_names.index("Fjordby"), demo.years.index(2016)
    series = demo.series["age_0_5", "share"]
    assert view["detail"]["template"] == "{0} af {1} indbyggere"
    counts, denominators = (unpacked(view["shared"][part["ref"]], len(demo.years)) for part in view["detail"]["parts"])
    assert counts[year][district] == series.counts[year, district]
    assert denominators[year][district] == series.denominators[year, district]
    assert view["written"] == {"decimals": 1, "suffix": " %", "signed": False}
    assert view["number"] == {"decimal": ",", "group": ".", "minus": "-"}


def test_packed_values_unpack_to_the_rounded_figures_with_gaps_where_none(demo):
    series = demo.series["industry_agriculture", "share"]
    view = _map(demo, "industry_agriculture", "share", "da")
    values = np.array(shown(view, len(demo.years)), dtype=float)
    expected = np.round(series.values, 1)
    assert np.array_equal(np.isnan(values), np.isnan(expected)) and np.isnan(expected).any()
    assert np.allclose(values[~np.isnan(values)], expected[~np.isnan(expected)])


@pytest.mark.parametrize("lang", ["da", "en"])
def test_a_share_is_worked_out_in_the_browser_to_exactly_the_figures_it_would_be_sent(demo, lang):
    shares = [key for key in demo.series if key[1] == "share" and demo.series[key].unit.per]
    for indicator_id, measure in shares:
        view = _map(demo, indicator_id, measure, lang)
        assert isinstance(view["values"], dict), f"{indicator_id}: its figures travel although they need not"
        assert set(view["values"]["of"]) <= set(view["shared"]), "its count and denominator travel instead"
        layer = _view(demo, indicator_id, measure, lang).layer(demo)
        as_sent = unpacked(packed(layer.values, layer.unit.decimals), len(demo.years))
        assert shown(view, len(demo.years)) == as_sent, indicator_id


def test_a_share_that_cannot_be_worked_out_exactly_is_sent():
    assert share_from_parts(np.array([[33.4]]), 1, np.array([[1.0]]), np.array([[3.0]]), 0, 100.0) is None
    assert share_from_parts(np.array([[50.0]]), 1, np.array([[1.0]]), np.array([[0.0]]), 0, 100.0) is None
    how = share_from_parts(np.array([[12.5, np.nan]]), 1, np.array([[1.0, 5.0]]), np.array([[8.0, 10.0]]), 0, 100.0)
    assert how == {"decimals": 1, "per": 100.0, "gaps": [1]}, "a hidden figure stays hidden, whatever its count"


def test_the_change_tooltip_names_both_years_figures(demo):
    view = _map(demo, "age_0_5", "share", "da", "change", 2011)
    assert "{0}" in view["detail"]["template"] and "2011" in view["detail"]["template"]
    assert [part["at"] for part in view["detail"]["parts"]] == [0, None, None, None]
    figures, counts, denominators = (part["ref"] for part in view["detail"]["parts"][1:])
    assert view["detail"]["parts"][0]["ref"] == figures, "one series for both years, sent once"
    # A share's change also says the count and denominator behind the year's share, as its value map does.
    assert view["detail"]["template"].endswith(" ({2} af {3} indbyggere)")
    assert counts == _map(demo, "age_0_5", "share", "da")["detail"]["parts"][0]["ref"] != denominators
    assert view["written"]["signed"]
    counted = _map(demo, "age_0_5", "count", "en", "change", 2011)  # a count's change is its count already
    assert [part["at"] for part in counted["detail"]["parts"]] == [0, None] and "(" not in counted["detail"]["template"]


def test_suppressed_districts_are_explained_not_shown_as_zero(demo):
    series = demo.series["citizenship_non_western", "count"]
    year, district = map(int, np.argwhere(series.status == SUPPRESSED.code)[0])
    view = _map(demo, "citizenship_non_western", "count", "da")
    assert "Skjult" in view["words"]["suppressed"] and "5" in view["words"]["suppressed"]
    assert year_codes(view, year)[district] == SUPPRESSED.code
    assert shown(view, len(demo.years))[year][district] is None


def test_the_title_leaves_the_year_for_the_browser_and_names_what_is_shown(demo):
    assert _map(demo, "age_0_5", "share", "da")["title"] == "0–5 år: andel af indbyggerne, {year}"
    assert _map(demo, "age_0_5", "count", "en")["title"] == "0–5 years: number of residents, {year}"


def test_the_legend_lists_classes_in_danish_format_then_statuses(demo):
    items = _view(demo, "citizenship_non_western", "count").layer(demo).legend("da")
    labels = [label for _, label in items]
    assert labels[-1] == "Skjult for at beskytte enkeltpersoner"
    assert len({colour for colour, _ in items}) == len(items), "every row must have its own colour"
    share_labels = [label for _, label in _view(demo, "age_0_5", "share").layer(demo).legend("da")]
    assert all(label.endswith(" %") and "," in label for label in share_labels)


def test_the_view_holds_every_year_and_a_colour_per_code(demo):
    view = _map(demo, "moves_net", "share", "en")
    assert view["years"] == list(demo.years)
    assert len(view["codes"]) == len(demo.years) * len(demo.district_ids)
    assert max(view["codes"]) < len(view["colours"])
