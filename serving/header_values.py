"""Text from a dataset or a request, made safe to send in a response header.

A header value is one line of Latin-1, so a district name with a newline, or an ignored parameter with CR, LF or
NUL, once made Werkzeug refuse the whole response (a 500). Free text is therefore sent percent-encoded (RFC 3986,
of its UTF-8): plain ASCII words and punctuation stay readable, and every other byte becomes ``%XX``, which any
client undoes with ``decodeURIComponent`` or ``urllib.parse.unquote``. File names follow RFC 6266: an ASCII
``filename`` for old clients and the exact name in ``filename*`` (RFC 8187).
"""

from __future__ import annotations

import re
from urllib.parse import quote

READABLE = " ,.:;!?()'=/+-_~@*"  # left as they are: ASCII punctuation that means nothing in a header value
UNSAFE_IN_FILENAME = re.compile(r"[^A-Za-z0-9._ -]")
# nginx refuses an answer whose headers pass its proxy buffer (4 or 8 kB); a line this long is more than anyone reads.
MAX_HEADER_CHARS = 2000


def percent_encoded(text: str) -> str:
    """``text`` as a one-line ASCII header value, percent-encoded; ``urllib.parse.unquote`` gives it back.

    >>> percent_encoded("højest i Nørre\\nBy (9,7 %)")
    'h%C3%B8jest i N%C3%B8rre%0ABy (9,7 %25)'
    >>> percent_encoded("indicator=age%0d%0a\\x00")
    'indicator=age%250d%250a%00'
    """
    encoded = quote(text, safe=READABLE)
    while len(encoded) > MAX_HEADER_CHARS:  # cut whole characters, never an escape in half
        text = text[: len(text) * 3 // 4]
        encoded = quote(text, safe=READABLE)
    return encoded


def attachment(filename: str) -> str:
    """A ``Content-Disposition`` value that downloads ``filename``, whatever characters it holds.

    >>> attachment("distriktskort_age_0_5_2016.csv")
    'attachment; filename="distriktskort_age_0_5_2016.csv"'
    >>> attachment('Hørsholm "ny"\\n.zip')
    'attachment; filename="H_rsholm _ny__.zip"; filename*=UTF-8\\'\\'H%C3%B8rsholm%20%22ny%22%0A.zip'
    """
    filename = filename[:200]
    plain = UNSAFE_IN_FILENAME.sub("_", filename)
    if plain == filename:
        return f'attachment; filename="{plain}"'
    return f"attachment; filename=\"{plain}\"; filename*=UTF-8''{quote(filename, safe='')}"
