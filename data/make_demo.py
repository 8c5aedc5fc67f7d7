"""Generate the embedded demo dataset, deterministically: ``python -m data.make_demo [FOLDER]``.

The output is committed under ``data/demo/``. A test regenerates it and compares, so the script and the folder
cannot drift apart.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

from data.demo_figures import YEARS, demo_statistics
from data.demo_geography import demo_districts
from data.indicators import indicator_table
from data.write import write_dataset
from geo.pipeline import prepare_districts
from layers.families import FAMILIES
from stats.disclosure import DisclosureRule, apply_disclosure_control

DEMO_FOLDER = Path(__file__).parent / "demo"
SOURCE = "Distriktskort demo generator (data/make_demo.py)"


def demo_indicators() -> pd.DataFrame:
    """One row per registry category, in the ``indicators.csv`` columns."""
    ids = [category.id for family in FAMILIES for category in family.categories]
    return indicator_table(ids, SOURCE)


def demo_metadata(rule: DisclosureRule) -> dict:
    return {
        "name": "fjordby-kommune-demo",
        "title": "Fjordby Kommune (fiktiv): statistik pr. skoledistrikt 2011–2016",
        "description": (
            "Fiktive data. Fjordby Kommune findes ikke: kort og tal er genereret til at vise, hvordan Distriktskort "
            "virker. Fictional data, generated to demonstrate Distriktskort."
        ),
        "version": "1.0.0",
        "licenses": [
            {
                "name": "CC0-1.0",
                "title": "Creative Commons Zero v1.0",
                "path": "https://creativecommons.org/publicdomain/zero/1.0/",
            }
        ],
        "sources": [{"title": SOURCE}],
        "distriktskort": {
            "area_name": "Fjordby Kommune",
            "district_term": {
                "da": "skoledistrikt",
                "en": "school district",
                "da_plural": "skoledistrikter",
                "en_plural": "school districts",
                "sv": "skoldistrikt",
                "sv_plural": "skoldistrikt",
            },
            "fictional": True,
            "reference_date": {"da": "1. januar", "en": "1 January", "sv": "1 januari"},
            "default_indicator": "age_0_5",
            "default_measure": "share",
            "default_year": YEARS[-1],
            "disclosure": rule.as_metadata(),
        },
    }


def build_demo(folder: Path = DEMO_FOLDER) -> None:
    """Write the demo dataset folder."""
    rule = DisclosureRule()
    districts, _ = prepare_districts(demo_districts(), id_field="district_id", name_field="name")
    statistics = apply_disclosure_control(demo_statistics(), rule)
    write_dataset(
        folder,
        districts=districts,
        statistics=statistics,
        indicators=demo_indicators(),
        metadata=demo_metadata(rule),
        # No binary copy: the demo loads from its CSV in a moment, and a committed copy's recorded file times
        # would never match a fresh clone's (data/binary.py would hash the files at every start anyway).
        binary_copy=False,
    )


if __name__ == "__main__":
    build_demo(Path(sys.argv[1]) if len(sys.argv) > 1 else DEMO_FOLDER)
