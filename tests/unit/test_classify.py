"""Classes are computed over all years, stay put, and put every value in exactly one class."""

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from layers.classify import classify_over_all_years, palette
from layers.status import FIRST_CLASS_CODE, MISSING

values_2d = arrays(
    float,
    st.tuples(st.integers(1, 6), st.integers(1, 30)),
    elements=st.one_of(st.floats(0, 100, allow_nan=False), st.just(np.nan)),
)


@given(values_2d)
def test_every_value_lands_in_a_class_and_nan_is_missing(values):
    classes = classify_over_all_years(values, scheme="Blues")
    if np.isnan(values).all():
        assert classes is None
        return
    codes = classes.codes(values)
    assert (codes[np.isnan(values)] == MISSING.code).all()
    shown = codes[~np.isnan(values)]
    assert shown.min() >= FIRST_CLASS_CODE
    assert shown.max() < FIRST_CLASS_CODE + len(classes.upper_bounds)
    assert list(classes.upper_bounds) == sorted(set(classes.upper_bounds))
    assert len(classes.colours) == len(classes.upper_bounds)


@given(values_2d)
def test_a_value_is_never_above_its_class_bound(values):
    classes = classify_over_all_years(values, scheme="Blues")
    if classes is None:
        return
    rounded = np.round(values, classes.decimals)
    codes = classes.codes(values)
    for value, code in zip(rounded.ravel(), codes.ravel(), strict=True):
        if not np.isnan(value):
            index = code - FIRST_CLASS_CODE
            assert value <= classes.upper_bounds[index]
            assert index == 0 or value > classes.upper_bounds[index - 1]


def test_classes_span_all_years_so_the_legend_stands_still():
    early, late = np.array([1.0, 2.0, 3.0]), np.array([7.0, 8.0, 9.0])
    classes = classify_over_all_years(np.vstack([early, late]), scheme="Blues", k=2)
    assert classes.lowest == 1.0 and classes.upper_bounds[-1] == 9.0
    assert set(classes.codes(early)) != set(classes.codes(late))


def test_signed_values_are_symmetric_around_zero_with_a_neutral_middle():
    classes = classify_over_all_years(np.array([-12.0, -3.0, 0.0, 4.0, 20.0]), scheme="Blues", signed=True)
    bounds = classes.upper_bounds
    assert bounds[-1] == 20.0 and len(bounds) == 5
    middle = classes.codes(np.array([0.0]))[0] - FIRST_CLASS_CODE
    assert middle == 2
    assert classes.colours[2] == palette("PuOr", 5)[2]


def test_few_distinct_values_give_fewer_classes():
    classes = classify_over_all_years(np.array([5.0, 5.0, 7.0]), scheme="Greens")
    assert classes.upper_bounds == (5.0, 7.0)
