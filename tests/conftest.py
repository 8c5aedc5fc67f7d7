"""Shared fixtures: the demo dataset, and tiny datasets made in code."""

from __future__ import annotations

import os
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from hypothesis import settings
from shapely import box

from data.load import load_dataset
from data.make_demo import DEMO_FOLDER, demo_indicators, demo_metadata
from data.write import write_dataset
from geo.crs import DANISH_CRS, WEB_CRS
from stats.disclosure import DisclosureRule

# Property tests are part of CI, which decides whether work lands: the same examples every run (derandomize) and no
# wall-clock deadline, so a loaded machine cannot fail a test that the code would pass.
settings.register_profile("deterministic", derandomize=True, deadline=None, database=None)
settings.load_profile("deterministic")

SHARED_FIXTURES = Path(__file__).resolve().parents[2] / "shared" / "fixtures" / "real"
# The real public files live beside the repository (../shared), never in it. CI always has them, so there a
# missing folder fails the tests that need it; elsewhere those tests are skipped.
NEEDS_SHARED_FIXTURES = pytest.mark.skipif(
    not SHARED_FIXTURES.is_dir() and not os.environ.get("CI"), reason="needs ../shared/fixtures/real"
)


@pytest.fixture(scope="session")
def demo():
    return load_dataset(DEMO_FOLDER)


def grid_districts(ids=("01", "02", "03", "04"), size_m: float = 1000.0) -> gpd.GeoDataFrame:
    """A 2×2 grid of square districts in EPSG:25832, named after their ids."""
    origin_x, origin_y = 550_000.0, 6_180_000.0
    cells = [
        box(
            origin_x + (i % 2) * size_m,
            origin_y + (i // 2) * size_m,
            origin_x + (i % 2 + 1) * size_m,
            origin_y + (i // 2 + 1) * size_m,
        )
        for i in range(len(ids))
    ]
    return gpd.GeoDataFrame(
        {"district_id": list(ids), "name": [f"Distrikt {i}" for i in ids]}, geometry=cells, crs=DANISH_CRS
    )


def tiny_statistics(ids=("01", "02", "03", "04"), years=(2015, 2016)) -> pd.DataFrame:
    """Residents and three citizenship groups per district and year; district 04 is small enough to suppress."""
    rows = []
    for y, year in enumerate(years):
        for d, district_id in enumerate(ids):
            residents = 400 + 100 * d + 10 * y if district_id != "04" else 60
            western = 20 + d + y if district_id != "04" else 3
            non_western = 10 + 2 * d + y if district_id != "04" else 2
            rows += [
                (district_id, year, "residents", residents),
                (district_id, year, "citizenship_western", western),
                (district_id, year, "citizenship_non_western", non_western),
                (district_id, year, "citizenship_danish", residents - western - non_western),
            ]
    table = pd.DataFrame(rows, columns=["district_id", "year", "indicator", "value"]).astype({"value": float})
    table["status"] = ""
    return table


@pytest.fixture
def tiny_folder(tmp_path) -> Path:
    """A four-district dataset folder written by the project's own writer."""
    from stats.disclosure import apply_disclosure_control

    folder = tmp_path / "tiny"
    indicators = demo_indicators()
    indicators = indicators[
        indicators["id"].isin(["residents", "citizenship_danish", "citizenship_western", "citizenship_non_western"])
    ]
    metadata = demo_metadata(DisclosureRule())
    metadata["distriktskort"] = {
        **metadata["distriktskort"],
        "default_indicator": "citizenship_western",
        "default_year": 2016,
        "fictional": False,
    }
    write_dataset(
        folder,
        districts=grid_districts().to_crs(WEB_CRS),
        statistics=apply_disclosure_control(tiny_statistics()),
        indicators=indicators,
        metadata=metadata,
    )
    return folder


def finite(values) -> np.ndarray:
    values = np.asarray(values, dtype=float)
    return values[np.isfinite(values)]


@pytest.fixture
def redrawn_folder(tmp_path) -> Path:
    """A dataset whose districts were redrawn: 03 and 04 merged into 05 from 2016. Built by the importer."""
    from importer import ImportOptions, Progress, run_import

    before = grid_districts()
    after = grid_districts(("01", "02", "05"))
    after.loc[2, "geometry"] = before.geometry[2].union(before.geometry[3])
    after.loc[2, "name"] = "Nyt distrikt"
    before.to_file(tmp_path / "before.geojson", engine="pyogrio")
    after.to_file(tmp_path / "after.geojson", engine="pyogrio")
    rows = [(d, 2015, "residents", 100 + i) for i, d in enumerate(["01", "02", "03", "04"])]
    rows += [(d, 2016, "residents", 200 + i) for i, d in enumerate(["01", "02", "05"])]
    figures = tmp_path / "figures.csv"
    pd.DataFrame(rows, columns=["district_id", "year", "indicator", "value"]).to_csv(figures, index=False)
    options = ImportOptions(
        districts=(f"{tmp_path / 'before.geojson'}@-2015", f"{tmp_path / 'after.geojson'}@2016-"),
        statistics=(figures,),
        out=tmp_path / "redrawn",
    )
    run_import(options, Progress(stages=5, stream=open(os.devnull, "w")))  # noqa: SIM115
    return tmp_path / "redrawn"


@pytest.fixture(scope="session")
def many_folder(tmp_path_factory) -> Path:
    """300 square districts ("Sogn 1" … "Sogn 300") with the demo's families: more than the pickers list whole."""
    from data.demo_figures import figures_of
    from data.demo_geography import Place
    from stats.disclosure import apply_disclosure_control

    count, columns, size_m = 300, 20, 2000.0
    ids = [f"{i + 1:03d}" for i in range(count)]
    cells = [
        box(550_000 + (i % columns) * size_m, 6_180_000 + (i // columns) * size_m,
            550_000 + (i % columns + 1) * size_m, 6_180_000 + (i // columns + 1) * size_m)
        for i in range(count)
    ]  # fmt: skip
    districts = gpd.GeoDataFrame(
        {"district_id": ids, "name": [f"Sogn {i + 1}" for i in range(count)]}, geometry=cells, crs=DANISH_CRS
    )
    kinds = ("town", "small_town", "village", "rural")
    places = [Place(district_id, "", kinds[i % 4], 0.0, 0.0) for i, district_id in enumerate(ids)]
    folder = tmp_path_factory.mktemp("many") / "many"
    write_dataset(
        folder,
        districts=districts.to_crs(WEB_CRS),
        statistics=apply_disclosure_control(figures_of(places), DisclosureRule()),
        indicators=demo_indicators(),
        metadata=demo_metadata(DisclosureRule()),
    )
    return folder


# An imported dataset: families the registry does not know, named as published ("Alder", with spaces and Danish
# letters), categories in their natural order (not alphabetical), counts, an average and a share given as a share,
# gapped years, one indicator with figures in its last year only, and districts called "bydel".
IMPORTED_INDICATORS = (
    # id, family, category, unit
    ("hh_single", "Husstandstype", "Enlig", "count"),
    ("hh_couple", "Husstandstype", "Par", "count"),
    ("age_3_6", "Alder", "3-6 år", "count"),
    ("age_25_29", "Alder", "25-29 år", "count"),
    ("built_before_1850", "Boliger efter opførelsesår", "Før 1850", "count"),
    ("built_1850_1899", "Boliger efter opførelsesår", "1850-1899", "count"),
    ("mean_age", "Gennemsnit", "Gennemsnitsalder", "number"),
    ("owners", "other", "Andel ejere", "percent"),
    ("electric_cars", "Transport", "Elbiler", "count"),
)
IMPORTED_LATE = {"electric_cars"}  # figures only in the last year


def write_imported(
    folder: Path,
    *,
    ids=("01", "02", "03"),
    years=(2011, 2013, 2016),
    indicators=tuple(row[0] for row in IMPORTED_INDICATORS),
    reference_date: dict | None = None,
    value=None,
) -> Path:
    """Write an imported-style dataset folder; ``value(indicator, d, y)`` overrides the made-up figures."""
    rows = [row for row in IMPORTED_INDICATORS if row[0] in indicators]
    table = pd.DataFrame(
        [
            {"id": i, "family": family, "category": category, "unit": unit, "denominator": "", "title_da": category,
             "title_en": category, "description_da": "", "description_en": "", "source": "Testkilde"}
            for i, family, category, unit in rows
        ]
    )  # fmt: skip
    figures = []
    for y, year in enumerate(years):
        for d, district_id in enumerate(ids):
            for indicator_id, *_ in rows:
                if indicator_id in IMPORTED_LATE and year != years[-1]:
                    continue
                made_up = 40.0 + 10 * ((d + len(indicator_id)) % len(ids)) + 3 * y  # a different top per indicator
                figures.append((district_id, year, indicator_id, value(indicator_id, d, y) if value else made_up))
    statistics = pd.DataFrame(figures, columns=["district_id", "year", "indicator", "value"]).assign(status="")
    metadata = {
        "name": "testby",
        "title": "Testby Kommune",
        "licenses": [{"name": "CC-BY-4.0", "title": "CC BY 4.0"}],
        "sources": [{"title": "Testkilde"}],
        "distriktskort": {
            "area_name": "Testby Kommune",
            "district_term": {"da": "bydel", "en": "district", "da_plural": "bydele", "en_plural": "districts"},
            "reference_date": {"da": "31. december", "en": "31 December"} if reference_date is None else reference_date,
            "default_indicator": rows[0][0],
            "default_year": years[-1],
        },
    }
    write_dataset(
        folder,
        districts=grid_districts(ids).to_crs(WEB_CRS),
        statistics=statistics,
        indicators=table,
        metadata=metadata,
    )
    return folder


@pytest.fixture
def imported(tmp_path):
    """The imported-style dataset, loaded."""
    return load_dataset(write_imported(tmp_path / "imported"))


# A dataset folder from somewhere else, written as it came: text that is markup, JSON, control characters, a template
# placeholder, a 10,000-letter name and '__proto__'. The importer refuses some of it; the page and exports must cope
# with all of it. Each script, if it ever ran, would set window.__hostile.
HOSTILE_TITLE = "</title><script>window.__hostile='title';alert(22)</script>{%scripts%}"
HOSTILE_AREA = (
    "</title><script>window.__hostile='area';alert(22)</script><img src=x onerror=\"window.__hostile='img'\">{%config%}"
)
HOSTILE_NAMES = {
    "01": "<img src=x onerror=\"window.__hostile='name'\">",
    "02": '{"$ne":1}',
    "03": "</script><script>window.__hostile='script'</script>",
    "04": "Nør\x07rebro\nNy",  # a BEL and a newline; the highest figure, so it is in every export's alt text
    "05": "__proto__",
    "06": "Lang" + "x" * 10_000,
}
HOSTILE_INDICATOR = '<b onmouseover="window.__hostile=\'indicator\'">Beboere</b> {"$gt":""}'


def write_hostile(folder: Path, names: dict[str, str] = HOSTILE_NAMES, name_as_object: str | None = "02") -> Path:
    """Write the hostile dataset; with ``name_as_object``, that district's name is stored as a JSON object
    (``{"$ne": 1}``), as a tool that decodes JSON-looking text would write it, instead of as text."""
    ids = tuple(names)
    districts = grid_districts(ids)
    districts["name"] = [names[district_id] for district_id in ids]
    rows = [
        (district_id, year, "residents", 500.0 + 100 * (district_id == "04") + 10 * d + year % 10)
        for year in (2015, 2016)
        for d, district_id in enumerate(ids)
    ]
    statistics = pd.DataFrame(rows, columns=["district_id", "year", "indicator", "value"]).assign(status="")
    indicators = pd.DataFrame(
        [{"id": "residents", "family": "Beboere", "category": HOSTILE_INDICATOR, "unit": "count", "denominator": "",
          "title_da": HOSTILE_INDICATOR, "title_en": HOSTILE_INDICATOR, "description_da": "<i>x</i>",
          "description_en": "", "source": "<script>window.__hostile='source'</script>"}]
    )  # fmt: skip
    metadata = {
        "name": "hostile",
        "title": HOSTILE_TITLE,
        "licenses": [{"name": "x", "title": "<a href=\"javascript:window.__hostile='licence'\">CC</a>"}],
        "sources": [{"title": '=HYPERLINK("http://x")'}],
        "distriktskort": {
            "area_name": HOSTILE_AREA,
            "district_term": {"da": "<u>bydel</u>", "en": "district", "da_plural": "bydele", "en_plural": "districts"},
            "default_indicator": "residents",
            "default_year": 2016,
        },
    }
    write_dataset(
        folder, districts=districts.to_crs(WEB_CRS), statistics=statistics, indicators=indicators, metadata=metadata
    )
    if name_as_object:
        import json

        path = folder / "districts.geojson"
        collection = json.loads(path.read_text(encoding="utf-8"))
        for feature in collection["features"]:
            if feature["properties"]["district_id"] == name_as_object:
                feature["properties"]["name"] = json.loads(names[name_as_object])
        path.write_text(json.dumps(collection, ensure_ascii=False), encoding="utf-8")
    return folder
