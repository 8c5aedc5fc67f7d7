"""How a map and its charts look wherever they are drawn, on the page or in a picture: the type, names legible on
any fill, and the colours of the chosen districts and of the whole municipality."""

from __future__ import annotations

from plotly.colors import convert_colors_to_same_type, unlabel_rgb

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
LABEL_COLOURS = ("#1b2a33", "#ffffff")  # names on light fills, names on dark fills
# The chosen districts, first and second, in their outlines on the map and their lines in the profile's chart:
# Okabe-Ito blue and Tol's red stay apart under deuteranopia and protanopia, and both reach 5.2:1 on white. Each
# outline is drawn on a white band inside a dark one (CHOSEN_CASING), 14.7:1 apart, so one of the two meets 3:1
# against any fill (WCAG technique C40); tests/unit/test_colour_vision.py checks all three.
CHOSEN_COLOURS = ("#0072b2", "#cc3311")
CHOSEN_CASING = ("#ffffff", "#1b2a33")
# The whole municipality's line beside them, in grey, dotted, at 4.3:1 on white.
AREA_COLOUR = "#6f7c82"


def needs_light_text(colour: str) -> bool:
    """True when a fill is dark enough that a name on it must be white to be read (WCAG relative luminance).

    >>> needs_light_text("rgb(63,0,125)"), needs_light_text("#f4f4f4")
    (True, False)
    """
    red, green, blue = (channel / 255 for channel in unlabel_rgb(convert_colors_to_same_type(colour, "rgb")[0][0]))
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in (red, green, blue)]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2] < 0.25


def label_colour(fill: str) -> str:
    """The colour a name is written in on ``fill``.

    >>> label_colour("#08306b"), label_colour("#ffffff")
    ('#ffffff', '#1b2a33')
    """
    return LABEL_COLOURS[int(needs_light_text(fill))]


def discrete_colorscale(colours: list[str]) -> list[list]:
    """A Plotly colorscale that gives integer code ``i`` exactly ``colours[i]``, for ``zmin=-0.5``.

    >>> discrete_colorscale(["#000", "#fff"])
    [[0.0, '#000'], [0.5, '#000'], [0.5, '#fff'], [1.0, '#fff']]
    """
    steps = len(colours)
    scale = []
    for code, colour in enumerate(colours):
        scale.extend([[code / steps, colour], [(code + 1) / steps, colour]])
    return scale
