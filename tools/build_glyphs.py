"""Build the map's label font as MapLibre glyph files, so district names draw with no font server.

    python tools/build_glyphs.py [FONT.ttf]      (needs freetype-py; `make glyphs` installs it)

MapLibre draws text from signed-distance-field glyphs, served as one protobuf file per range of 256 code
points. Plotly's built-in map styles fetch them from fonts.openmaptiles.org, which an offline page cannot reach.
This script renders DejaVu Sans Condensed Bold (Debian's fonts-dejavu-core; free licence, see
assets/glyphs/LICENSE) the way MapLibre's own glyph tools do: 24 px, a 3 px buffer, a distance radius of 8 px and
a cutoff of 0.25, and writes ``assets/glyphs/<FONTSTACK>/<start>-<end>.pbf``. The output is committed.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from scipy.ndimage import distance_transform_edt

FONTSTACK = "Distriktskort Sans"
DEFAULT_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed-Bold.ttf")
RANGES = ((0, 255), (256, 511), (8192, 8447))  # Latin-1 (æøå, äö), Latin Extended-A, punctuation (– …)
OUTPUT = Path(__file__).resolve().parent.parent / "assets" / "glyphs" / FONTSTACK
SIZE_PX, BUFFER, RADIUS, CUTOFF = 24, 3, 8.0, 0.25


def _varint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte, value = value & 0x7F, value >> 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def _field(number: int, payload: bytes | int, *, signed: bool = False) -> bytes:
    if isinstance(payload, int):
        value = (payload << 1) ^ (payload >> 63) if signed else payload  # zigzag for sint32
        return _varint(number << 3) + _varint(value)
    return _varint(number << 3 | 2) + _varint(len(payload)) + payload


def signed_distance_field(alpha: np.ndarray) -> np.ndarray:
    """An SDF byte image from a coverage bitmap (0–255), padded by ``BUFFER`` pixels on every side."""
    coverage = np.pad(alpha.astype(float) / 255.0, BUFFER + int(RADIUS))
    inside = coverage >= 0.5
    # Pixel centres are half a pixel from the edge they border; partly covered pixels say how far exactly.
    distance = np.where(inside, 0.5 - distance_transform_edt(inside), distance_transform_edt(~inside) - 0.5)
    edge = (coverage > 0) & (coverage < 1)
    distance = np.where(edge, 0.5 - coverage, distance)
    trim = int(RADIUS)
    distance = distance[trim:-trim, trim:-trim] if trim else distance
    return np.clip(np.round(255 - 255 * (distance / RADIUS + CUTOFF)), 0, 255).astype(np.uint8)


def _glyph(face, code_point: int, ascender: int) -> bytes | None:
    import freetype

    if face.get_char_index(code_point) == 0:
        return None
    face.load_char(chr(code_point), freetype.FT_LOAD_RENDER | freetype.FT_LOAD_TARGET_NORMAL)
    slot = face.glyph
    bitmap = slot.bitmap
    width, height = bitmap.width, bitmap.rows
    message = _field(1, code_point)
    if width and height:
        alpha = np.array(bitmap.buffer, dtype=np.uint8).reshape(height, bitmap.pitch)[:, :width]
        message += _field(2, signed_distance_field(alpha).tobytes())
    message += _field(3, width) + _field(4, height)
    message += _field(5, slot.bitmap_left, signed=True) + _field(6, slot.bitmap_top - ascender, signed=True)
    return message + _field(7, round(slot.advance.x / 64))


def glyph_range(font: Path, start: int, end: int) -> bytes:
    """One ``start-end.pbf`` file: a fontstack message holding every glyph the font has in the range."""
    import freetype

    face = freetype.Face(str(font))
    face.set_pixel_sizes(0, SIZE_PX)
    ascender = face.size.ascender >> 6
    glyphs = [_glyph(face, code_point, ascender) for code_point in range(start, end + 1)]
    stack = _field(1, FONTSTACK.encode()) + _field(2, f"{start}-{end}".encode())
    stack += b"".join(_field(3, glyph) for glyph in glyphs if glyph is not None)
    return _field(1, stack)


def main(font: Path = DEFAULT_FONT) -> None:
    OUTPUT.mkdir(parents=True, exist_ok=True)
    for start, end in RANGES:
        (OUTPUT / f"{start}-{end}.pbf").write_bytes(glyph_range(font, start, end))


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_FONT)
