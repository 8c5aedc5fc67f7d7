"""The README's indicator table, generated from the registry: ``python -m layers.docs`` rewrites it.

A test fails when the README and the registry drift apart.
"""

from __future__ import annotations

import sys
from pathlib import Path

from layers.families import FAMILIES, UNITS
from layers.registry import measures_of

README = Path(__file__).resolve().parent.parent / "README.md"
START, END = "<!-- indicators:start -->", "<!-- indicators:end -->"


def indicator_table() -> str:
    """One Markdown row per family: its names, categories, denominator and how it can be shown."""
    rows = [
        "| family | id | categories (Danish) | shares of | shown as |",
        "|---|---|---|---|---|",
    ]
    for family in FAMILIES:
        categories = "; ".join(category.name.da for category in family.categories)
        denominator = f"`{family.denominator}`" if family.denominator else "–"
        shown = ", ".join(
            UNITS[family.share_unit].label.en if measure == "share" else "count" for measure in measures_of(family)
        )
        rows.append(f"| {family.name.da} ({family.name.en}) | `{family.id}` | {categories} | {denominator} | {shown} |")
    return "\n".join(rows)


def readme_with_table(readme: str) -> str:
    """The README text with the part between the markers replaced by the current table."""
    before, rest = readme.split(START, 1)
    _, after = rest.split(END, 1)
    return f"{before}{START}\n{indicator_table()}\n{END}{after}"


if __name__ == "__main__":
    README.write_text(readme_with_table(README.read_text(encoding="utf-8")), encoding="utf-8")
    sys.exit(0)
