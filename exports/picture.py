"""A picture ready to publish: the newsroom's own headline, standfirst and byline, a size for where it goes, and the
page layout they give (where the text, the map or chart, and the legend go).

    /export/view.png?indicator=age_0_5&year=2016&headline=Flere+småbørn+i+Nord&byline=Grafik:+Avisen&size=social

These options ride in the address beside the view's parameters but are kept out of ``view.View``: they change the
picture, not what the page shows. Each is checked here, once: a text is cut to its limit with "…", its whitespace
runs become one space and any other control character shows as its picture (``layers.plain_text.visible``); an
unknown size or a repeated option is named among what was ignored. Texts are escaped for Plotly only where a figure
is built (``exports.images.plain``), after wrapping, so an escape is never cut in two.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode

from layers.plain_text import visible


@dataclass(frozen=True)
class Size:
    """One size a picture comes in, in CSS pixels (96 to the inch; a PNG has twice as many of its own)."""

    id: str
    width: int
    height: int | None  # None: as tall as its content needs, from the map's shape and the lines of text
    legend_beside: bool  # beside the map on a wide picture, below it on a square or tall one


SIZES: dict[str, Size] = {
    size.id: size
    for size in (
        Size("standard", 900, 760, legend_beside=True),
        Size("social", 1200, 675, legend_beside=True),
        Size("square", 1080, 1080, legend_beside=False),
        Size("column", 640, None, legend_beside=False),
        Size("print", 794, 1123, legend_beside=False),  # A4 portrait at 96 dpi, 210 × 297 mm: a PDF of it is an A4 page
    )
}
DEFAULT_SIZE = "standard"


@dataclass(frozen=True)
class TextOption:
    """One text a newsroom may put on the picture, and the most characters it may have."""

    name: str
    max_chars: int


TEXT_OPTIONS = (TextOption("headline", 120), TextOption("standfirst", 300), TextOption("byline", 80))
OPTION_NAMES = (*(option.name for option in TEXT_OPTIONS), "size")
MAX_QUERY_CHARS = 8000  # three texts percent-encoded at 9 characters a letter, and room to spare
SHOWN_CHARS = 40  # of an ignored value, in the header that names it


def clean_text(text: str, max_chars: int) -> str:
    """A newsroom's text as a picture can print it: runs of whitespace (new lines too) as one space, any other
    control character as its picture, and cut with "…" at ``max_chars``.

    >>> clean_text("  Flere\\n småbørn\\x00 i Nord ", 120)
    'Flere småbørn␀ i Nord'
    >>> clean_text("Skolerne vokser", 10)
    'Skolerne…'
    """
    text = visible(" ".join(text.split()))
    return text if len(text) <= max_chars else text[: max_chars - 1].rstrip() + "…"


def view_query(query: str) -> str:
    """The query string without the picture's options: what ``View.parse`` reads.

    >>> view_query("?year=2013&headline=Hej&size=social&lang=en")
    'year=2013&lang=en'
    """
    pairs = parse_qsl(query.lstrip("?"), keep_blank_values=True)
    return urlencode([(name, value) for name, value in pairs if name not in OPTION_NAMES])


@dataclass(frozen=True)
class Picture:
    """The options of one picture; build it with ``Picture.parse``. Empty texts are left off the picture."""

    headline: str = ""
    standfirst: str = ""
    byline: str = ""
    size: str = DEFAULT_SIZE

    @property
    def size_spec(self) -> Size:
        return SIZES[self.size]

    def query(self) -> str:
        """The options as an address writes them, leaving out empty texts and the default size.

        >>> Picture(headline="Flere børn", size="social").query(), Picture().query()
        ('headline=Flere+b%C3%B8rn&size=social', '')
        """
        chosen = [(name, getattr(self, name)) for name in OPTION_NAMES]
        return urlencode([(name, value) for name, value in chosen if value not in ("", DEFAULT_SIZE)])

    @classmethod
    def parse(cls, query: object) -> tuple[Picture, tuple[str, ...]]:
        """The picture options in a query string, and what was ignored: a repeated option by name, an unknown size
        as ``size=value``. The view's parameters are left for ``View.parse``.

        >>> Picture.parse("?year=2013&headline=Flere+b%C3%B8rn&size=square&size=column")
        (Picture(headline='Flere børn', standfirst='', byline='', size='square'), ('size',))
        >>> Picture.parse("size=poster")
        (Picture(headline='', standfirst='', byline='', size='standard'), ('size=poster',))
        """
        text = query if isinstance(query, str) else ""
        if len(text) > MAX_QUERY_CHARS:  # not read at all, as View.parse treats an overlong address
            return cls(), (f"{', '.join(OPTION_NAMES)} (the address is over {MAX_QUERY_CHARS} characters)",)
        given: dict[str, str] = {}
        ignored: list[str] = []
        for name, value in parse_qsl(text.lstrip("?"), keep_blank_values=True):
            if name in given:
                ignored.append(name)
            elif name in OPTION_NAMES:
                given[name] = value
        chosen = {option.name: clean_text(given.get(option.name, ""), option.max_chars) for option in TEXT_OPTIONS}
        size = given.get("size", "").strip()
        if size and size not in SIZES:
            ignored.append(visible(f"size={size[:SHOWN_CHARS]}"))
        return cls(**chosen, size=size if size in SIZES else DEFAULT_SIZE), tuple(ignored)


# The page's layout, in pixels. Plotly sets lines of text 1.3 em apart; an average glyph is about 0.55 em wide, a
# bold one 0.6 em: enough to wrap text before it runs past the picture's edge.
LINE_SPACING = 1.3
EDGE_PX = 12
GAP_PX = 10
MIN_BODY_PX = 120  # what a picture that grows with its content leaves for its body, however little that is
TEXT_COLOUR, QUIET_COLOUR = "#1b2a33", "#51626b"


@dataclass(frozen=True)
class Block:
    """Lines of text in one style, set one under the other: a title, a standfirst, a source. A title's sub-line
    follows its lines in Plotly's ``<sup>`` (70 % of the size), at the same line spacing."""

    name: str
    lines: tuple[str, ...]
    font_px: int
    colour: str = TEXT_COLOUR
    bold: bool = False
    sub_lines: tuple[str, ...] = ()

    @property
    def height_px(self) -> float:
        return (len(self.lines) + len(self.sub_lines)) * self.font_px * LINE_SPACING

    def markup(self, plain: Callable[[str], str]) -> str:
        """The lines for a Plotly string, each escaped with ``plain``."""
        text = "<br>".join(plain(line) for line in self.lines)
        text = f"<b>{text}</b>" if self.bold else text
        return "<br>".join([text, *(f"<sup>{plain(line)}</sup>" for line in self.sub_lines)])


def wrap(text: str, width_px: float, font_px: float, bold: bool = False) -> tuple[str, ...]:
    """``text`` broken between words into lines that fit ``width_px`` at ``font_px``.

    >>> wrap("Flere børn i Nord og færre i Syd", width_px=160, font_px=14)
    ('Flere børn i Nord', 'og færre i Syd')
    """
    chars = max(8, int((width_px - 2 * EDGE_PX) / (font_px * (0.6 if bold else 0.55))))
    return tuple(textwrap.wrap(text, chars, break_long_words=True))


def heading(picture: Picture, title: str, subline: str, width_px: int) -> list[Block]:
    """The text above the picture: the headline, and under it the view's own title with the sub-line; without a
    headline, the view's title over the sub-line. Then the standfirst."""
    first, font_px = (picture.headline, 22) if picture.headline else (title, 17)
    under = f"{title} · {subline}" if picture.headline else subline
    top = Block("title", wrap(first, width_px, font_px, bold=True), font_px, bold=True,
                sub_lines=wrap(under, width_px, font_px * 0.7))  # fmt: skip
    return [top, Block("standfirst", wrap(picture.standfirst, width_px, 14), 14)]


def map_aspect(bounds: tuple[float, float, float, float]) -> float:
    """Height over width of a box of longitudes and latitudes (west, south, east, north) on a Mercator map.

    >>> round(map_aspect((0.0, -1.0, 2.0, 1.0)), 3), round(map_aspect((9.5, 55.7, 10.0, 55.9)), 2)
    (1.0, 0.71)
    """
    west, south, east, north = bounds

    def mercator_y(latitude: float) -> float:
        return math.log(math.tan(math.pi / 4 + math.radians(latitude) / 2))

    width = math.radians(east - west)
    return (mercator_y(north) - mercator_y(south)) / width if width > 0 else 1.0


def page_layout(size: Size, top: list[Block], bottom: list[Block], legend_px: tuple[float, float],
                body_aspect: float, plain: Callable[[str], str]) -> dict:  # fmt: skip
    """Width, height, margins, text and domains of a picture: the text above and below the plot area, and in it
    the body (map or chart) and the legend side by side or one above the other, so the legend never covers the
    body. A size with no height grows to hold the body at ``body_aspect`` (height over width) and all the text.

    Returns a dict with ``width``, ``height``, ``margin``, ``title`` (the first block on top), ``annotations`` (the
    other text, escaped with ``plain``), ``body`` and ``legend`` (each ``{"x": [left, right], "y": [bottom, top]}``
    as shares of the plot area).
    """
    top_px = EDGE_PX + sum(block.height_px for block in top if block.lines) + GAP_PX
    bottom_px = GAP_PX + sum(block.height_px for block in bottom if block.lines) + EDGE_PX
    inner_px = size.width - 2 * EDGE_PX
    legend_w, legend_h = legend_px
    beside_px = legend_w + GAP_PX if size.legend_beside and legend_w else 0
    below_px = legend_h + GAP_PX if not size.legend_beside and legend_h else 0
    if size.height is None:
        body_px = (inner_px - beside_px) * min(max(body_aspect, 0.3), 2.0)
        plot_px = max(body_px + below_px, legend_h, MIN_BODY_PX + below_px)
        height = round(top_px) + round(plot_px) + round(bottom_px)
    else:  # a fixed size stays that size: its texts are short enough to leave the body room
        height = size.height
        plot_px = max(height - round(top_px) - round(bottom_px), 1)
    body = {"x": [0.0, 1 - beside_px / inner_px], "y": [min(below_px / plot_px, 0.9), 1.0]}
    legend = {"x": [1 - legend_w / inner_px if beside_px else 0.0, 1.0], "y": [0.0, legend_h / plot_px]}
    # The source first, as the pictures always had it; the first block on top is Plotly's title.
    annotations = []
    for edge, blocks, shift in ((0, bottom, -GAP_PX), (1, top, top_px - EDGE_PX)):
        for block in (block for block in blocks if block.lines):
            if block is not top[0]:
                annotations.append(
                    {"name": block.name, "text": block.markup(plain), "xref": "paper", "yref": "paper", "x": 0,
                     "y": edge, "yshift": shift, "xanchor": "left", "yanchor": "top", "align": "left",
                     "showarrow": False, "font": {"size": block.font_px, "color": block.colour}}
                )  # fmt: skip
            shift -= block.height_px
    # A title of several lines is set with its first baseline at ``y`` (Plotly's 0.7 em drop for "top" is lost on
    # the lines' own ``y``), so ``y`` is put a cap height and a little below the edge.
    baseline_px = EDGE_PX + 0.8 * top[0].font_px
    title = {"text": top[0].markup(plain), "font": {"size": top[0].font_px}, "xref": "container",
             "x": EDGE_PX / size.width, "xanchor": "left", "yref": "container", "y": 1 - baseline_px / height,
             "yanchor": "top"}  # fmt: skip
    return {
        "width": size.width,
        "height": height,
        "margin": {"l": EDGE_PX, "r": EDGE_PX, "t": round(top_px), "b": round(bottom_px), "pad": 0},
        "title": title,
        "annotations": annotations,
        "body": body,
        "legend": legend,
    }
