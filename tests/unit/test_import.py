"""`python app.py import` on the real files municipalities publish (../shared/fixtures/real)."""

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from data.load import load_dataset
from geo.read import read_districts
from importer import ImportOptions, Progress, run_import
from layers.errors import InputError
from layers.status import SHOWN, SUPPRESSED
from tests.conftest import NEEDS_SHARED_FIXTURES, SHARED_FIXTURES

ROOT = Path(__file__).resolve().parents[2]
pytestmark = NEEDS_SHARED_FIXTURES
HEDENSTED = SHARED_FIXTURES / "dk_dagi_2014" / "hedensted_sogne_25832.geojson"


def _quiet() -> Progress:
    return Progress(stages=5, stream=open("/dev/null", "w"))  # noqa: SIM115


def _import(tmp_path, districts, statistics, **options):
    out = tmp_path / "dataset"
    specs = tuple(str(spec) for spec in (districts if isinstance(districts, list) else [districts]))
    summary = run_import(ImportOptions(districts=specs, statistics=tuple(statistics), out=out, **options), _quiet())
    return summary, load_dataset(out)


def _hedensted_figures(path: Path, codes: list[str], names: list[str], *, by: str = "id") -> Path:
    """Generated yearly figures for Hedensted's parishes, as a tidy CSV keyed by code or by name."""
    rng = np.random.default_rng(766)
    rows = []
    for code, name in zip(codes, names, strict=True):
        residents = int(rng.integers(300, 4000))
        for year in range(2011, 2017):
            non_western = int(rng.integers(0, 9))
            rows += [(code if by == "id" else f"  {name.upper()} ", year, "residents", residents),
                     (code if by == "id" else f"  {name.upper()} ", year, "citizenship_non_western", non_western)]  # fmt: skip
    pd.DataFrame(rows, columns=["district_id", "year", "indicator", "value"]).to_csv(path, index=False)
    return path


@pytest.fixture(scope="module")
def hedensted_parishes():
    parishes = read_districts(HEDENSTED)
    return list(parishes["SOGNEKODE"]), list(parishes["SOGNENAVN"])


def test_hedensted_parishes_with_generated_figures_import_and_serve(tmp_path, hedensted_parishes):
    codes, names = hedensted_parishes
    figures = _hedensted_figures(tmp_path / "figures.csv", codes, names)
    summary, dataset = _import(tmp_path, HEDENSTED, [figures], title="Hedensted Kommune", licence="CC BY 4.0")
    assert summary.districts == 33 and dataset.district_ids == tuple(sorted(codes, key=codes.index))
    assert summary.years == tuple(range(2011, 2017))
    assert summary.suppressed > 0, "counts of 1–4 non-Western citizens must be hidden"
    share = dataset.series["citizenship_non_western", "share"]
    assert ((share.status == SUPPRESSED.code) | (share.counts >= 5) | (share.counts == 0)).all()
    from app import create_app

    client = create_app(dataset).server.test_client()
    assert client.get("/").status_code == 200
    shapes = json.loads(client.get(f"/data/districts.{dataset.geojson_hash}.geojson").get_data(as_text=True))
    assert len(shapes["features"]) == 33
    layout = json.dumps(client.get("/_dash-layout").get_json(), ensure_ascii=False)
    assert "Øster Snede" in layout, "names travel with the page"


def test_figures_are_matched_by_name_ignoring_case_and_spaces(tmp_path, hedensted_parishes):
    codes, names = hedensted_parishes
    figures = _hedensted_figures(tmp_path / "by_name.csv", codes, names, by="name")
    _, dataset = _import(tmp_path, HEDENSTED, [figures])
    assert (dataset.series["residents", "count"].status == SHOWN.code).all()


def test_the_geopackage_layer_must_be_chosen_and_the_choices_are_listed(tmp_path, hedensted_parishes):
    codes, names = hedensted_parishes
    figures = _hedensted_figures(tmp_path / "figures.csv", codes, names)
    gpkg = SHARED_FIXTURES / "dk_dagi_2014" / "dk_dagi2014_25832.gpkg"
    with pytest.raises(InputError, match="kommuner, hedensted_sogne, hedensted_kommune.*--layer"):
        _import(tmp_path, gpkg, [figures])
    summary, _ = _import(tmp_path, gpkg, [figures], layer="hedensted_sogne")
    assert summary.districts == 33


def test_multi_part_municipalities_are_dissolved_by_code_with_leading_zeros(tmp_path):
    wide = SHARED_FIXTURES / "dk_dst_formats" / "befolkning_kommuner_2006_2015.csv"
    summary, dataset = _import(tmp_path, SHARED_FIXTURES / "dk_dagi_2014" / "kommuner.geojson", [wide])
    assert summary.districts == 99 and summary.geometry.dissolved_rows == 311 - 99
    assert "0766" in dataset.district_ids
    hedensted = dataset.district_ids.index("0766")
    assert (
        dataset.series["befolkning_kommuner_2006_2015", "count"].counts[dataset.years.index(2015), hedensted] > 45_000
    )


def test_odense_latin1_names_come_through_unharmed(tmp_path):
    districts = SHARED_FIXTURES / "dk_skoledistrikter_odense" / "Skoledistrikter.geojson"
    names = list(read_districts(districts)["skolenavn"])
    assert any("ø" in name or "å" in name or "æ" in name for name in names)
    figures = tmp_path / "odense.csv"
    pd.DataFrame({"skole": names, "2016": range(len(names))}).to_csv(figures, index=False, sep=";", encoding="cp1252")
    _, dataset = _import(tmp_path, districts, [figures])
    assert set(dataset.district_names) == set(names)


def test_helsingor_web_mercator_is_reprojected(tmp_path):
    districts = SHARED_FIXTURES / "dk_skoledistrikter_helsingor" / "Skoledistrikt_7-9.geojson"
    figures = tmp_path / "helsingor.csv"
    ids = read_districts(districts)["id"].tolist()
    pd.DataFrame({"id": ids, "2015": [10 * (i + 1) for i in range(len(ids))]}).to_csv(figures, index=False)
    _, dataset = _import(tmp_path, districts, [figures], id_field="id", name_field="DISTRIKT_N")
    west, south, east, north = dataset.bounds
    assert 12.2 < west < east < 12.7 and 55.9 < south < north < 56.2


def test_a_shapefile_without_prj_is_refused_until_crs_is_given(tmp_path):
    folder = SHARED_FIXTURES / "dk_fkg_template_frederikssund"
    figures = tmp_path / "f.csv"
    figures.write_text("district_id,year,indicator,value\n1,2016,residents,100\n")
    with pytest.raises(InputError, match=r"no coordinate reference system.*--crs"):
        _import(tmp_path, folder / "dbo_t_5710_born_skole_dis.shp", [figures])
    with pytest.raises(InputError, match=r"'udd_d_nr' is empty in feature 1"):
        _import(tmp_path, folder, [figures], crs="EPSG:25832")


def test_a_zipped_shapefile_is_read(tmp_path):
    import zipfile

    folder = SHARED_FIXTURES / "dk_fkg_template_frederikssund"
    archive = tmp_path / "skoledistrikter.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for part in folder.iterdir():
            zipped.write(part, part.name)
    districts = read_districts(archive, crs="EPSG:25832")
    assert len(districts) == 1 and "udd_d_nv" in districts.columns
    assert districts.crs.to_epsg() == 25832


def test_aarhus_96_districts_and_swedish_municipalities(tmp_path):
    for districts, column, count in (
        (SHARED_FIXTURES / "dk_aarhus_distrikter" / "statistics_districts.geojson", "prog_distrikt_nr", 96),
        (SHARED_FIXTURES / "se_kommuner" / "swedish_municipalities.geojson", "id", 290),
    ):
        ids = read_districts(districts)[column].astype(str).tolist()
        figures = tmp_path / f"{count}.csv"
        pd.DataFrame({"district_id": ids, "year": 2016, "indicator": "residents", "value": 1000}).to_csv(
            figures, index=False
        )
        summary, dataset = _import(tmp_path, districts, [figures])
        assert summary.districts == count == len(dataset.district_ids)
    assert "0138" in dataset.district_ids, "Swedish codes keep their leading zero"


def test_topojson_is_refused_with_a_way_forward(tmp_path):
    figures = tmp_path / "f.csv"
    figures.write_text("district_id,year,indicator,value\n1,2016,residents,100\n")
    with pytest.raises(InputError, match="TopoJSON.*GeoJSON"):
        _import(tmp_path, SHARED_FIXTURES / "dk_dagi_2014" / "sogne.topojson", [figures])


def _digest(folder: Path) -> str:
    files = sorted(path for path in folder.rglob("*") if path.is_file())  # the binary copy's too (binary/)
    return hashlib.sha256(b"".join(path.read_bytes() for path in files)).hexdigest()


def test_a_failed_import_leaves_the_existing_folder_exactly_as_it_was(tmp_path, hedensted_parishes):
    codes, names = hedensted_parishes
    _import(tmp_path, HEDENSTED, [_hedensted_figures(tmp_path / "good.csv", codes, names)])
    before = _digest(tmp_path / "dataset")
    bad = tmp_path / "bad.csv"
    bad.write_text(f"district_id,year,indicator,value\n{codes[0]},2016,residents,mange\n")
    with pytest.raises(InputError, match=r"bad\.csv, line 2: value 'mange'"):
        _import(tmp_path, HEDENSTED, [bad])
    assert _digest(tmp_path / "dataset") == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["bad.csv", "dataset", "good.csv"]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            "district_id,year,indicator,value\n9999,2016,residents,5\n",
            r"no label in column 'district_id' matches a polygon \(labels such as '9999'",
        ),
        (
            "district_id,year,indicator,value\n{c},2016,residents,5\n{c},2016,residents,6\n",
            r"line 2 and .*line 3: two figures",
        ),
        ("district_id,year,indicator,value\n{c},2016,residents,-5\n", r"cannot be negative"),
        ("district_id,year,indicator,value\n{c},20x6,residents,5\n", r"year '20x6' is not a year"),
        ("district_id,year,indicator,value\n{c},2016,residents,5,6\n", r"line 2: has 5 fields where most lines have 4"),
    ],
)
def test_bad_figures_are_refused_naming_line_and_value(tmp_path, hedensted_parishes, content, expected):
    bad = tmp_path / "bad.csv"
    bad.write_text(content.format(c=hedensted_parishes[0][0]))
    with pytest.raises(InputError, match=expected):
        _import(tmp_path, HEDENSTED, [bad])
    assert not (tmp_path / "dataset").exists()


def test_shares_outside_0_to_100_are_refused(tmp_path, hedensted_parishes):
    bad = tmp_path / "pct.csv"
    bad.write_text(f"district_id,year,indicator,value\n{hedensted_parishes[0][0]},2016,happiness,120\n")
    described = tmp_path / "indicators.csv"
    described.write_text("id,unit,title_da\nhappiness,percent,Glæde\n")
    with pytest.raises(InputError, match="percentage"):
        _import(tmp_path, HEDENSTED, [bad], indicators=described)


def test_figures_given_as_percentages_are_shown_as_they_are(tmp_path, hedensted_parishes):
    from ui.view import map_view
    from view.view import View

    codes, _ = hedensted_parishes
    figures = tmp_path / "pct.csv"
    pd.DataFrame({"district_id": codes, "year": 2016, "indicator": "happiness", "value": 50.5}).to_csv(
        figures, index=False
    )
    described = tmp_path / "indicators.csv"
    described.write_text("id,unit,title_da,title_en\nhappiness,percent,Glade borgere,Happy residents\n")
    _, dataset = _import(tmp_path, HEDENSTED, [figures], indicators=described)
    assert dataset.measures_of("happiness") == ("share",)
    view = map_view(dataset, View.checked(dataset, {"indicator": "happiness", "measure": "share"})[0])
    assert view["shared"][view["values"]]["steps"][0] == 505
    assert view["written"] == {"decimals": 1, "suffix": " %", "signed": False}
    assert view["detail"] is None, "a share that arrived as a share has no count behind it"
    assert dataset.indicators["happiness"].family.name("da") == "Andre tal"


def test_the_command_line_prints_a_summary_and_fails_with_exit_2(tmp_path, hedensted_parishes):
    codes, names = hedensted_parishes
    figures = _hedensted_figures(tmp_path / "figures.csv", codes, names)
    command = [sys.executable, "app.py", "import", "--districts", str(HEDENSTED), "--statistics", str(figures)]
    ok = subprocess.run(
        [*command, "--out", str(tmp_path / "ok")], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert ok.returncode == 0, ok.stderr
    assert "districts:   33" in ok.stdout and "suppressed:" in ok.stdout and "[5/5]" in ok.stderr
    failed = subprocess.run(
        [*command[:-1], str(tmp_path / "missing.csv"), "--out", str(tmp_path / "no")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert failed.returncode == 2 and "Traceback" not in failed.stderr and "missing.csv: no such file" in failed.stderr
