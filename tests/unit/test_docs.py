"""The documentation is generated from, or checked against, the code it describes."""

import re
from pathlib import Path

from importer.areas import RULES
from importer.roles import ROLES
from layers.families import FAMILIES
from tools.readme import README, readme_with_tables

ROOT = Path(__file__).resolve().parents[2]


def test_the_readme_tables_match_the_registries():
    text = README.read_text(encoding="utf-8")
    assert text == readme_with_tables(text), "run: python -m tools.readme"
    for family in FAMILIES:
        assert f"`{family.id}`" in text
    for entry in (*ROLES, *RULES):
        assert f"`{entry.id}`" in text


def test_the_quick_start_has_exactly_the_two_commands():
    text = README.read_text(encoding="utf-8")
    quick_start = text.split("## Quick start", 1)[1].split("##", 1)[0]
    block = re.search(r"```sh\n(.*?)```", quick_start, re.S).group(1)
    commands = [line.split("#")[0].strip() for line in block.splitlines() if line.strip()]
    assert commands == ["make run", "make test"]


def test_ci_runs_the_readme_test_command():
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_every_make_target_is_in_make_help():
    makefile = (ROOT / "Makefile").read_text()
    targets = set(re.findall(r"^([a-z-]+):", makefile, re.M))
    documented = set(re.findall(r"^([a-z-]+):.*## ", makefile, re.M))
    assert targets == documented


def test_the_changelog_has_an_unreleased_section():
    assert "## Unreleased" in (ROOT / "CHANGELOG.md").read_text()
