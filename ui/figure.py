"""The map's fixed setup.

It is built once per page. The map itself is ``assets/district_map.js`` (MapLibre GL JS, vendored): it loads the
shapes once from their content-hashed URL and recolours them in the browser for every year and indicator, so
neither the shapes nor their tessellation are ever redone.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from data.model import Dataset
from insight.sentences import term_words
from layers.i18n import t
from layers.look import CHOSEN_CASING, CHOSEN_COLOURS
from layers.status import MISSING_HATCH
from layers.text import LANGUAGES

LABEL_FONT = "Distriktskort Sans"  # built by tools/build_glyphs.py into assets/glyphs/
GLYPHS_FOLDER = Path(__file__).resolve().parent.parent / "assets" / "glyphs"


def _glyphs_version() -> str:
    digest = hashlib.blake2b(digest_size=6)
    for path in sorted(GLYPHS_FOLDER.rglob("*.pbf")):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


# The map asks for names' glyphs here and nowhere else; the version lets browsers keep them for good.
GLYPHS_URL = f"/assets/glyphs/{{fontstack}}/{{range}}.pbf?v={_glyphs_version()}"
BACKGROUND = "#eef3f5"
LABEL_DECIMALS = 5  # a name's position to a metre
# The browser's own words: the map's, and what assets/map.js announces (a district reached by keyboard, a profile
# opened, the table's order). Placeholders the browser fills in are kept as they are.
MAP_TEXTS = (
    "map_failed", "map_title", "map_two_fingers", "map_zoom_in", "map_zoom_out", "map_ctrl_scroll",
    "map_cmd_scroll", "map_rank_high", "map_rank_low", "map_nothing_that_way",
    "announce_profile", "announce_compare", "announce_sorted", "sort_high_first", "sort_low_first", "sort_a_to_z",
    "sort_z_to_a",
)  # fmt: skip
BROWSER_FILLS = {name: f"{{{name}}}" for name in ("position", "of", "district", "other", "column", "order")}


def map_setup(dataset: Dataset, shapes_url: str) -> dict:
    """What the browser's map needs once per page: where the shapes are, the area, and each shape's district.

    ``feature_district[f]`` is the district shape ``f`` belongs to; ``label_points[f]`` where its name goes;
    ``feature_of_year[y][d]`` the shape district ``d`` has in year ``years[y]`` (-1 for none), sent only when the
    shapes differ between years (``None`` when every shape is drawn in every year).
    """
    varies = len(dataset.feature_keys) != len(dataset.district_ids) or (dataset.feature_of_year < 0).any()
    return {
        "shapes": shapes_url,
        "glyphs": GLYPHS_URL,
        # The map's own words, in every language: the browser picks the page's, and follows a switch.
        "texts": {
            lang: {key: t(key, lang, **term_words(dataset, lang), **BROWSER_FILLS) for key in MAP_TEXTS}
            for lang in LANGUAGES
        },
        "bounds": [round(value, LABEL_DECIMALS) for value in dataset.bounds],
        "font": LABEL_FONT,
        "background": BACKGROUND,
        "years": list(dataset.years),
        "ids": list(dataset.district_ids),
        "names": list(dataset.district_names),
        "feature_district": list(dataset.district_of_feature),
        "feature_of_year": dataset.feature_of_year.tolist() if varies else None,
        "label_points": [[round(lon, LABEL_DECIMALS), round(lat, LABEL_DECIMALS)] for lon, lat in dataset.label_points],
        # Worked out once at load (geo/neighbours.py): where the map's arrow keys may go from each shape.
        "neighbours": [list(shapes) for shapes in dataset.neighbours],
        "chosen_colours": list(CHOSEN_COLOURS),
        "chosen_casing": list(CHOSEN_CASING),
        "missing_hatch": MISSING_HATCH,  # the lines drawn over a district with no figure
    }
