"""Loading a dataset folder: the model it gives, and an error that names the problem for every defect."""

import json
import shutil

import numpy as np
import pytest

from data.load import load_dataset
from layers.errors import InputError
from layers.status import SHOWN, SUPPRESSED


def test_tiny_folder_loads_with_string_ids_years_and_shares(tiny_folder):
    dataset = load_dataset(tiny_folder)
    assert dataset.district_ids == ("01", "02", "03", "04")
    assert dataset.years == (2015, 2016)
    share = dataset.series["citizenship_western", "share"]
    assert share.values[0, 0] == pytest.approx(100 * 20 / 400)
    assert share.denominators[0, 0] == 400
    assert dataset.measures_of("residents") == ("count",)


def test_a_suppressed_count_suppresses_its_share(tiny_folder):
    dataset = load_dataset(tiny_folder)
    share = dataset.series["citizenship_western", "share"]
    assert share.status[0, 3] == SUPPRESSED.code and np.isnan(share.values[0, 3])
    assert share.status[0, 0] == SHOWN.code


def test_the_model_is_read_only(tiny_folder):
    dataset = load_dataset(tiny_folder)
    with pytest.raises(TypeError):
        dataset.series["x", "share"] = None
    with pytest.raises(AttributeError):
        dataset.years = (1999,)


def _break(folder, name, edit):
    path = folder / name
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")


@pytest.mark.parametrize(
    ("file", "edit", "expected"),
    [
        ("datapackage.json", lambda text: text[:-10], r"datapackage\.json: not valid JSON at line"),
        (
            "statistics.csv",
            lambda text: text.replace("\n01,2015,residents,400,", "\n99,2015,residents,400,"),
            r"statistics\.csv, line \d+: district_id '99'",
        ),
        (
            "statistics.csv",
            lambda text: text.replace("01,2015,residents,400,", "01,2015,residents,fire hundrede,"),
            r"line \d+: value 'fire hundrede' is not a number",
        ),
        (
            "statistics.csv",
            lambda text: text.replace("01,2015,residents,400,", "01,20x5,residents,400,"),
            r"line \d+: year '20x5'",
        ),
        (
            "statistics.csv",
            lambda text: text.replace("01,2015,residents,400,", "01,2015,residents,400,secret"),
            r"status 'secret'",
        ),
        (
            "statistics.csv",
            lambda text: text + "01,2015,residents,400,\n",
            r"a second row for district 01, 2015, residents",
        ),
        (
            "statistics.csv",
            lambda text: text.replace("district_id,year", "district,year"),
            r"column\(s\) district_id are missing",
        ),
        (
            "indicators.csv",
            lambda text: text.replace("residents,population", "inhabitants,population"),
            r"indicator 'residents' is not an indicator",
        ),
        (
            "districts.geojson",
            lambda text: text.replace('"district_id": "02"', '"district_id": 2'),
            r"feature 2 has district_id 2; it must be non-empty text",
        ),
        (
            "districts.geojson",
            lambda text: text.replace('"district_id": "02"', '"district_id": "01"'),
            r"district_id '01' appears twice",
        ),
    ],
)
def test_a_broken_folder_is_refused_naming_file_and_place(tiny_folder, file, edit, expected):
    _break(tiny_folder, file, edit)
    with pytest.raises(InputError, match=expected):
        load_dataset(tiny_folder)


@pytest.mark.parametrize("missing", ["datapackage.json", "districts.geojson", "statistics.csv", "indicators.csv"])
def test_a_missing_file_is_named(tiny_folder, missing):
    (tiny_folder / missing).unlink()
    with pytest.raises(InputError, match=missing.replace(".", r"\.")):
        load_dataset(tiny_folder)


def test_a_missing_folder_says_how_to_get_one(tmp_path):
    with pytest.raises(InputError, match="no such dataset folder"):
        load_dataset(tmp_path / "nowhere")


def test_projected_coordinates_are_refused(tiny_folder):
    path = tiny_folder / "districts.geojson"
    collection = json.loads(path.read_text())
    collection["features"][0]["geometry"]["coordinates"] = [
        [[550000, 6180000], [551000, 6180000], [551000, 6181000], [550000, 6180000]]
    ]
    path.write_text(json.dumps(collection))
    with pytest.raises(InputError, match="WGS84"):
        load_dataset(tiny_folder)


def test_unknown_defaults_fall_back_to_what_the_data_has(tiny_folder):
    path = tiny_folder / "datapackage.json"
    package = json.loads(path.read_text())
    package["distriktskort"].update(default_indicator="nothing", default_year=1970)
    path.write_text(json.dumps(package))
    dataset = load_dataset(tiny_folder)
    assert dataset.info.default_indicator in dataset.indicators
    assert dataset.info.default_year == 2016


def test_a_copied_folder_loads_the_same(tiny_folder, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(tiny_folder, copy)
    assert load_dataset(copy).geojson_hash == load_dataset(tiny_folder).geojson_hash
