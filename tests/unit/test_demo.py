"""The demo municipality is believable: complete, plausible, deterministic, and honest about being fictional."""

import filecmp

import numpy as np
import pytest

from data.make_demo import DEMO_FOLDER, build_demo
from layers.families import FAMILIES
from layers.status import MISSING, SHOWN, SUPPRESSED

COMPOSITIONS = [family for family in FAMILIES if family.composition]


def test_regenerating_gives_the_committed_folder_byte_for_byte(tmp_path):
    build_demo(tmp_path / "demo")
    for name in ("datapackage.json", "districts.geojson", "statistics.csv", "indicators.csv"):
        assert filecmp.cmp(tmp_path / "demo" / name, DEMO_FOLDER / name, shallow=False), (
            f"{name} differs: run make demo"
        )


def test_it_is_labelled_fictional_with_twenty_odd_districts_and_six_years(demo):
    assert demo.info.fictional
    assert "fiktiv" in demo.info.title.lower()
    assert 20 <= len(demo.district_ids) <= 25
    assert demo.years == tuple(range(2011, 2017))
    assert all(district_id.isdigit() and len(district_id) == 2 for district_id in demo.district_ids)


@pytest.mark.parametrize("family", FAMILIES, ids=lambda family: family.id)
def test_every_family_and_category_is_present(demo, family):
    for category in family.categories:
        assert category.id in demo.indicators


@pytest.mark.parametrize("family", COMPOSITIONS, ids=lambda family: family.id)
def test_shares_within_a_family_sum_to_100(demo, family):
    counts = np.stack([demo.series[category.id, "count"].counts for category in family.categories])
    denominator = demo.series[family.denominator, "count"].counts
    complete = (np.stack([demo.series[c.id, "count"].status for c in family.categories]) != MISSING.code).all(axis=0)
    # Suppressed cells hide their values here, so compare the generator's exact totals through the visible ones.
    visible = (np.stack([demo.series[c.id, "count"].status for c in family.categories]) == SHOWN.code).all(axis=0)
    assert visible.any()
    sums = np.nansum(counts, axis=0)
    assert np.array_equal(sums[visible & complete], denominator[visible & complete])


@pytest.mark.parametrize("family", COMPOSITIONS, ids=lambda family: family.id)
def test_shares_change_slowly(demo, family):
    for category in family.categories:
        share = demo.series[category.id, "share"]
        steps = np.abs(np.diff(share.values, axis=0))
        steps = steps[np.isfinite(steps)]
        large_enough = share.denominators[1:][np.isfinite(np.diff(share.values, axis=0))] >= 300
        assert (steps[large_enough] < 2.0).all(), f"{category.id} jumps by {steps.max():.1f} points in a year"


def test_residents_drift_by_a_few_percent(demo):
    residents = demo.series["residents", "count"].counts
    change = residents[-1] / residents[0] - 1
    assert (np.abs(change) < 0.1).all()
    assert 44_000 < residents[0].sum() < 48_000


def _share(demo, indicator_id, district_name, year=2016):
    district = demo.district_names.index(district_name)
    return demo.series[indicator_id, "share"].values[demo.years.index(year), district]


def test_the_town_differs_from_the_countryside(demo):
    town, rural = "Fjordby", "Tornhøj"
    assert _share(demo, "dwelling_flat", town) > 3 * _share(demo, "dwelling_flat", rural)
    assert _share(demo, "ownership_social", town) > _share(demo, "ownership_social", rural)
    assert _share(demo, "dwelling_farm", rural) > 2 * _share(demo, "dwelling_farm", "Fjordby Nord")
    assert _share(demo, "industry_agriculture", rural) > 2 * _share(demo, "industry_agriculture", "Fjordby Nord")
    assert _share(demo, "family_couple_children", rural) > _share(demo, "family_couple_children", town)


def test_small_counts_are_suppressed_and_a_cell_is_missing(demo):
    statuses = np.concatenate(
        [series.status.ravel() for (_, measure), series in demo.series.items() if measure == "count"]
    )
    assert (statuses == SUPPRESSED.code).sum() >= 10
    assert (statuses == MISSING.code).any()
    people = [series for (_, measure), series in demo.series.items() if measure == "count" and not series.signed]
    shown = np.concatenate([series.counts[series.status == SHOWN.code] for series in people])
    assert not ((shown > 0) & (shown < demo.info.min_count)).any()
