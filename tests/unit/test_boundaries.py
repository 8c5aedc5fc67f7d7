"""Boundary changes: each year is drawn with the district boundaries valid that year."""

import json

import pytest

from data.districts import read_boundaries
from data.load import load_dataset
from layers.errors import InputError
from layers.status import MISSING
from ui.figure import map_setup
from ui.view import map_view
from view.view import View


def test_the_import_records_which_boundaries_apply_to_which_years(redrawn_folder):
    features = json.loads((redrawn_folder / "districts.geojson").read_text())["features"]
    periods = {
        (f["properties"]["district_id"], f["properties"]["valid_from"], f["properties"]["valid_to"]) for f in features
    }
    assert ("03", None, 2015) in periods and ("05", 2016, None) in periods and ("01", 2016, None) in periods


def test_a_year_uses_the_boundaries_valid_that_year(redrawn_folder):
    dataset = load_dataset(redrawn_folder)
    assert dataset.district_ids == ("01", "02", "03", "04", "05")
    drawn = {
        year: [dataset.feature_keys[f] for f in dataset.feature_of_year[i] if f >= 0]
        for i, year in enumerate(dataset.years)
    }
    assert drawn[2015] == ["01@", "02@", "03", "04"]
    assert drawn[2016] == ["01@2016", "02@2016", "05"]
    assert len(set(dataset.feature_keys)) == len(dataset.feature_keys)


def test_the_map_knows_which_shape_each_district_has_in_every_year(redrawn_folder):
    dataset = load_dataset(redrawn_folder)
    setup = map_setup(dataset, "/data/x.geojson")
    keys = dataset.feature_keys
    drawn_2016 = [keys[f] for f in setup["feature_of_year"][setup["years"].index(2016)] if f >= 0]
    assert drawn_2016 == ["01@2016", "02@2016", "05"]
    assert [setup["ids"][setup["feature_district"][keys.index(key)]] for key in drawn_2016] == ["01", "02", "05"]
    assert len(setup["label_points"]) == len(keys)
    view = map_view(dataset, View.checked(dataset, {"indicator": "residents", "measure": "count"})[0])
    codes_2016 = view["codes"][1 :: len(view["years"])]
    assert codes_2016[2] == MISSING.code, "03 has no figure in 2016: drawn as missing if it were drawn"


def test_the_browser_gets_shapes_with_index_ids_and_no_properties(redrawn_folder):
    dataset = load_dataset(redrawn_folder)
    web = json.loads(dataset.web_geojson)
    assert [feature["id"] for feature in web["features"]] == list(range(len(dataset.feature_keys)))
    assert all(feature["properties"] == {} for feature in web["features"])


def test_figures_for_a_district_in_a_year_it_has_no_boundary_are_refused(tmp_path, redrawn_folder):
    from importer import ImportOptions, Progress, run_import

    figures = tmp_path / "orphan.csv"
    figures.write_text("district_id,year,indicator,value\n05,2015,residents,10\n")
    options = ImportOptions(
        districts=(f"{tmp_path / 'before.geojson'}@-2015", f"{tmp_path / 'after.geojson'}@2016-"),
        statistics=(figures,),
        out=tmp_path / "orphan",
    )
    with pytest.raises(InputError, match="district 05 in 2015.*FROM-TO"):
        run_import(options, Progress(stages=5, stream=open("/dev/null", "w")))  # noqa: SIM115


def test_overlapping_periods_are_refused(tmp_path):
    square = {"type": "Polygon", "coordinates": [[[9, 55], [9.1, 55], [9.1, 55.1], [9, 55]]]}
    features = [
        {
            "type": "Feature",
            "properties": {"district_id": "01", "valid_from": 2011, "valid_to": 2014},
            "geometry": square,
        },
        {"type": "Feature", "properties": {"district_id": "01", "valid_from": 2014}, "geometry": square},
    ]
    with pytest.raises(InputError, match="'01' has overlapping boundary periods"):
        read_boundaries(tmp_path / "d.geojson", {"type": "FeatureCollection", "features": features})
