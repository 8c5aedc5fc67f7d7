"""Colours that survive colour blindness: every palette the app draws with, checked under normal vision,
deuteranopia and protanopia (severity 100), simulated with colorspacious (Machado et al. 2009).

Differences are CIEDE2000 (ΔE00), computed here from CIELab as colorspacious converts it (D65): colorspacious itself
offers only distances in CAM02-UCS, and the issue asks for ΔE2000. The formula follows Sharma, Wu and Dalal (2005),
whose published test pairs are checked first, so a slip in it cannot pass the palette checks unnoticed.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import numpy as np
import pytest
from colorspacious import cspace_convert
from plotly.colors import hex_to_rgb, unlabel_rgb

from layers.classify import DEFAULT_CLASS_COUNT, palette
from layers.families import FAMILIES
from layers.registry import OTHER_FAMILY, fallback_family
from layers.status import MISSING_COLOUR, SUPPRESSED_COLOUR
from ui.figure import CHOSEN_CASING, CHOSEN_COLOURS
from view.modes import CHANGE_SCHEME

VISIONS = {"normal vision": None, "deuteranopia": "deuteranomaly", "protanopia": "protanomaly"}
HIDDEN_MARGIN = 10.0  # ΔE00 between "hidden" and any class colour, under every vision (issue 12)
ADJACENT_MARGIN = 5.0  # ΔE00 between neighbouring classes: the weakest pair today is 6.6 (Oranges, 5 classes)
CSS = Path(__file__).resolve().parents[2] / "assets" / "style.css"


def _rgb1(colour: str) -> np.ndarray:
    channels = hex_to_rgb(colour) if colour.startswith("#") else unlabel_rgb(colour)
    return np.asarray(channels, dtype=float) / 255


def _lab(colour: str, vision: str) -> tuple[float, float, float]:
    rgb = _rgb1(colour)
    if VISIONS[vision]:
        space = {"name": "sRGB1+CVD", "cvd_type": VISIONS[vision], "severity": 100}
        rgb = np.clip(cspace_convert(rgb, space, "sRGB1"), 0, 1)
    return tuple(float(v) for v in cspace_convert(rgb, "sRGB1", "CIELab"))


def ciede2000(lab1: tuple[float, float, float], lab2: tuple[float, float, float]) -> float:
    """CIEDE2000 colour difference between two CIELab colours (kL = kC = kH = 1)."""
    (l1, a1, b1), (l2, a2, b2) = lab1, lab2
    c_mean = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_mean**7 / (c_mean**7 + 25**7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p = math.degrees(math.atan2(b1, a1p)) % 360 if c1p else 0.0
    h2p = math.degrees(math.atan2(b2, a2p)) % 360 if c2p else 0.0
    dh = 0.0 if c1p * c2p == 0 else (h2p - h1p + 180) % 360 - 180
    d_hp = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dh) / 2)
    l_mean, cp_mean = (l1 + l2) / 2, (c1p + c2p) / 2
    if c1p * c2p == 0:
        hp_mean = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        hp_mean = (h1p + h2p) / 2
    else:
        hp_mean = (h1p + h2p + 360) / 2 if h1p + h2p < 360 else (h1p + h2p - 360) / 2
    t = (
        1
        - 0.17 * math.cos(math.radians(hp_mean - 30))
        + 0.24 * math.cos(math.radians(2 * hp_mean))
        + 0.32 * math.cos(math.radians(3 * hp_mean + 6))
        - 0.20 * math.cos(math.radians(4 * hp_mean - 63))
    )
    rotation = 30 * math.exp(-(((hp_mean - 275) / 25) ** 2))
    r_c = 2 * math.sqrt(cp_mean**7 / (cp_mean**7 + 25**7))
    s_l = 1 + 0.015 * (l_mean - 50) ** 2 / math.sqrt(20 + (l_mean - 50) ** 2)
    s_c, s_h = 1 + 0.045 * cp_mean, 1 + 0.015 * cp_mean * t
    r_t = -math.sin(math.radians(2 * rotation)) * r_c
    terms = ((l2 - l1) / s_l, (c2p - c1p) / s_c, d_hp / s_h)
    return math.sqrt(terms[0] ** 2 + terms[1] ** 2 + terms[2] ** 2 + r_t * terms[1] * terms[2])


def _difference(first: str, second: str, vision: str) -> float:
    return ciede2000(_lab(first, vision), _lab(second, vision))


def _contrast(first: str, second: str) -> float:
    """WCAG 2.1 contrast ratio."""

    def luminance(colour: str) -> float:
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in _rgb1(colour)]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _schemes() -> dict[str, set[str]]:
    """Every ColorBrewer scheme the app can draw with, by use: the families' sequential and diverging schemes
    (the importer's "other" family among them) and the change map's."""
    families = [*FAMILIES, fallback_family(OTHER_FAMILY, OTHER_FAMILY)]
    return {
        "sequential": {family.scheme for family in families},
        "diverging": {family.diverging_scheme for family in families} | {CHANGE_SCHEME},
    }


def _palettes() -> list[tuple[str, int, tuple[str, ...]]]:
    schemes = set().union(*_schemes().values())
    return [(scheme, k, palette(scheme, k)) for scheme in sorted(schemes) for k in range(1, DEFAULT_CLASS_COUNT + 1)]


# Sharma, Wu and Dalal (2005), table 1: pairs 1, 7, 17, 25 and 34 with their published ΔE00.
@pytest.mark.parametrize(
    ("lab1", "lab2", "expected"),
    [
        ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
        ((50.0, 0.0, 0.0), (50.0, -1.0, 2.0), 2.3669),
        ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
        ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
        ((22.7233, 20.0904, -46.6940), (23.0331, 14.9730, -42.5619), 2.0373),
    ],
)
def test_ciede2000_matches_the_published_test_data(lab1, lab2, expected):
    assert ciede2000(lab1, lab2) == pytest.approx(expected, abs=1e-4)


def test_the_palettes_cover_every_family_and_the_change_map():
    schemes = _schemes()
    assert {family.scheme for family in FAMILIES} <= schemes["sequential"]
    assert CHANGE_SCHEME in schemes["diverging"] and "PuOr" in schemes["diverging"]


@pytest.mark.parametrize("vision", VISIONS)
def test_hidden_is_far_from_every_class_of_every_palette(vision):
    too_close = [
        (scheme, k, colour, round(difference, 2))
        for scheme, k, colours in _palettes()
        for colour in colours
        if (difference := _difference(SUPPRESSED_COLOUR, colour, vision)) < HIDDEN_MARGIN
    ]
    assert too_close == []


@pytest.mark.parametrize("vision", VISIONS)
def test_neighbouring_classes_stay_apart(vision):
    weakest = min(
        (_difference(low, high, vision), scheme, k)
        for scheme, k, colours in _palettes()
        for low, high in zip(colours, colours[1:], strict=False)
    )
    assert weakest[0] >= ADJACENT_MARGIN, weakest


def test_missing_is_hatched_in_the_legend_not_a_flat_colour():
    from ui.view import legend_swatch_class  # noqa: PLC0415

    assert "swatch-missing" in legend_swatch_class(MISSING_COLOUR)
    assert legend_swatch_class(SUPPRESSED_COLOUR) == "swatch"
    rule = re.search(r"\.swatch-missing\s*\{([^}]*)\}", CSS.read_text(encoding="utf-8"))
    assert rule and "repeating-linear-gradient" in rule.group(1)


@pytest.mark.parametrize("vision", VISIONS)
def test_the_two_chosen_districts_keep_their_own_colours(vision):
    first, second = CHOSEN_COLOURS
    assert _difference(first, second, vision) >= 20
    assert min(_difference(chosen, SUPPRESSED_COLOUR, vision) for chosen in CHOSEN_COLOURS) >= HIDDEN_MARGIN


def test_chosen_outlines_reach_3_to_1_on_white_and_against_every_fill():
    fills = [colour for _, _, colours in _palettes() for colour in colours] + [MISSING_COLOUR, SUPPRESSED_COLOUR]
    assert min(_contrast(colour, "#ffffff") for colour in CHOSEN_COLOURS) >= 3
    # The white band and the dark band of the casing: against any fill, one of the two stands out at 3:1.
    assert min(max(_contrast(band, fill) for band in CHOSEN_CASING) for fill in fills) >= 3


def test_a_picture_draws_no_figure_as_a_dotted_outline_not_a_flat_colour(demo):
    from exports.images import MISSING_OUTLINE, image_figure  # noqa: PLC0415 - the picture module is heavy
    from exports.table import view_table  # noqa: PLC0415
    from view.view import View  # noqa: PLC0415

    view, _ = View.parse(demo, "?indicator=industry_agriculture&measure=share&year=2011&lang=da")
    figure = image_figure(demo, view_table(demo, view, "http://example.org/"))
    outlines = [trace for trace in figure["data"] if trace.get("mode") == "lines"]
    assert len(outlines) == 1 and outlines[0]["name"] == "Ingen tal" and outlines[0]["line"] == MISSING_OUTLINE
    assert outlines[0]["line"]["dash"] == "dot" and sum(lon is not None for lon in outlines[0]["lon"]) > 3
    squares = [trace["marker"]["color"] for trace in figure["data"] if trace.get("mode") == "markers"]
    assert MISSING_COLOUR not in squares and SUPPRESSED_COLOUR in squares
