"""The README's tables, generated from the registries: ``python -m tools.readme`` rewrites them.

A test fails when the README and a registry drift apart.
"""

from __future__ import annotations

import sys
from pathlib import Path

from importer.areas import RULES
from importer.roles import ROLES
from layers.families import FAMILIES
from layers.registry import MEASURES

README = Path(__file__).resolve().parent.parent / "README.md"
MARKERS = {"indicators": ("<!-- indicators:start -->", "<!-- indicators:end -->"),
           "formats": ("<!-- formats:start -->", "<!-- formats:end -->")}  # fmt: skip


def indicator_table() -> str:
    """One Markdown row per family: its names, categories, denominator and how it can be shown."""
    rows = [
        "| family | id | categories (Danish) | shares of | shown as |",
        "|---|---|---|---|---|",
    ]
    for family in FAMILIES:
        categories = "; ".join(category.name.da for category in family.categories)
        denominator = f"`{family.denominator}`" if family.denominator else "–"
        # A share is named by its unit (per cent, per 1,000 residents), a count by the measure's id.
        shown = ", ".join(
            measure.unit_for(family).label.en if measure.of_a_whole else measure.id
            for measure in MEASURES.values()
            if measure.fits(family)
        )
        rows.append(f"| {family.name.da} ({family.name.en}) | `{family.id}` | {categories} | {denominator} | {shown} |")
    return "\n".join(rows)


def format_table() -> str:
    """One Markdown row per column role the importer tells apart, then one per way it matches area labels."""
    rows = ["| column role | what it looks like |", "|---|---|"]
    rows += [f"| `{role.id}` | {role.description} |" for role in ROLES]
    rows += ["", "| area match | how |", "|---|---|"]
    rows += [f"| `{rule.id}` | {rule.description} |" for rule in RULES]
    rows += ["| `suffix`, `prefix` | by the polygon code that every national code ends (or starts) with |"]
    return "\n".join(rows)


TABLES = {"indicators": indicator_table, "formats": format_table}


def readme_with_tables(readme: str) -> str:
    """The README text with the part between each pair of markers replaced by the current table."""
    for name, (start, end) in MARKERS.items():
        before, rest = readme.split(start, 1)
        _, after = rest.split(end, 1)
        readme = f"{before}{start}\n{TABLES[name]()}\n{end}{after}"
    return readme


if __name__ == "__main__":
    README.write_text(readme_with_tables(README.read_text(encoding="utf-8")), encoding="utf-8")
    sys.exit(0)
