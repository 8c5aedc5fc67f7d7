"""The labels of a searchable picker, bounded so that the search index Dash builds from them stays small.

Dash's dropdown indexes every substring of every word of each label and value (js-search's "all substrings"
strategy): a word of n letters files n·(n+1)/2 keys of up to n letters each. A 10,000-letter district name froze
the page for about 90 s. A label is therefore cut to ``MAX_LABEL_CHARS``; the full name stays everywhere else
(ranking, table, profile, tooltip, exports). assets/map.js cuts the labels it makes for large datasets the same way.

The index keys are plain object keys, so the word ``__proto__`` writes onto every object on the page; a label keeps
it, with a zero-width joiner inside it that the reader does not see.
"""

from __future__ import annotations

import re

from layers.plain_text import PROTOTYPE_KEY

MAX_LABEL_CHARS = 80  # a picker shows about 40; a longer name is cut with "…"
PROTOTYPE = re.compile(re.escape(PROTOTYPE_KEY), re.IGNORECASE)
JOINER = "\u200d"


def option_label(text: str) -> str:
    """``text`` as a picker label: at most ``MAX_LABEL_CHARS`` characters, and harmless to the search index.

    >>> option_label("Nørre Kildebjerg"), len(option_label("x" * 10_000)), option_label("x" * 10_000)[-1]
    ('Nørre Kildebjerg', 80, '…')
    >>> option_label("__proto__") == "__proto_\\u200d_"
    True
    """
    if len(text) > MAX_LABEL_CHARS:
        text = text[: MAX_LABEL_CHARS - 1] + "…"
    return PROTOTYPE.sub(lambda found: found.group()[:-1] + JOINER + found.group()[-1], text)
