"""statistics.csv is written column by column over distinct values, byte for byte as pandas and numpy wrote it."""

import numpy as np
import pandas as pd

from data.write import _sorted, _write_csv, format_values


def test_each_figure_is_written_as_numpy_writes_it_positionally():
    rng = np.random.default_rng(3)
    values = np.concatenate([rng.integers(0, 5000, 500).astype(float), rng.normal(0, 1e4, 500), rng.random(200) / 1e3,
                             [np.nan, -0.0, 0.0, 1e22, 5e-324, -12.5, np.inf]])  # fmt: skip
    expected = ["" if np.isnan(value) else np.format_float_positional(value, trim="-") for value in values]
    assert format_values(pd.Series(values)).tolist() == expected


def test_the_csv_is_what_to_csv_writes(tmp_path):
    table = pd.DataFrame(
        {
            "district_id": pd.Categorical(["0101", "Nord, syd", 'Det "gamle"', "to\nlinjer", "0101", "æøå"]),
            "year": [2016, 2016, 2017, 2017, 2018, 2018],
            "indicator": ["residents"] * 6,
            "value": format_values(pd.Series([1.0, np.nan, 2.5, 3.0, 1e-5, 7.0])),
            "status": ["", "suppressed", "", "", "missing", ""],
        }
    )
    _write_csv(table, tmp_path / "ours.csv")
    table.to_csv(tmp_path / "pandas.csv", index=False, lineterminator="\n")
    assert (tmp_path / "ours.csv").read_bytes() == (tmp_path / "pandas.csv").read_bytes()


def test_rows_are_sorted_by_indicator_year_and_district_as_sort_values_sorts_them():
    table = pd.DataFrame(
        {
            "district_id": pd.Categorical(["10", "9", "09", "Å", "a", "10"]),
            "year": [2017, 2016, 2016, 2016, 2016, 2016],
            "indicator": ["b", "a", "a", "a", "a", "a"],
        }
    )
    expected = table.astype({"district_id": str}).sort_values(["indicator", "year", "district_id"])
    assert _sorted(table).index.tolist() == expected.index.tolist()
