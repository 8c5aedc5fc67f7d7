"""Find string literals in the project's Python source by their value and the tokens around them.

The status and measure registries are the one place their words are written; these scans find a word written
again elsewhere. They read tokens, not text, so a docstring or a locale key that merely contains a word
("legend_missing") is never mistaken for the word itself, and a planted literal always is.
"""

from __future__ import annotations

import ast
import io
import tokenize
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Every floor of the product's source (tests/unit/test_layering.py names them), scanned for literals that belong to
# a registry.
FLOORS = (
    "layers",
    "geo",
    "stats",
    "data",
    "importer",
    "insight",
    "view",
    "exports",
    "ui",
    "serving",
    "tools",
    "app.py",
)
_SKIPPED = {tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT, tokenize.INDENT, tokenize.DEDENT}


@dataclass(frozen=True)
class Literal:
    """One string literal: where it is, its value, and the significant tokens just before and after it."""

    path: Path
    line: int
    value: str
    before: str
    after: str

    def __str__(self) -> str:
        return f"{self.path.relative_to(ROOT) if self.path.is_relative_to(ROOT) else self.path}:{self.line}: " \
               f"{self.before} {self.value!r} {self.after}"  # fmt: skip


def python_files(places: Iterable[str], root: Path = ROOT) -> Iterator[Path]:
    """Every ``.py`` file under the named folders (or the named files) of ``root``."""
    for place in places:
        path = root / place
        yield from sorted(path.rglob("*.py")) if path.is_dir() else [path] if path.is_file() else []


def literals(path: Path) -> Iterator[Literal]:
    """The plain string literals of one file (f-strings and bytes are not plain: they are skipped)."""
    tokens = [token for token in tokenize.generate_tokens(io.StringIO(path.read_text("utf-8")).readline)
              if token.type not in _SKIPPED]  # fmt: skip
    for i, token in enumerate(tokens):
        if token.type != tokenize.STRING:
            continue
        try:
            value = ast.literal_eval(token.string)
        except (ValueError, SyntaxError):  # an f-string
            continue
        if isinstance(value, str):
            before = tokens[i - 1].string if i else ""
            after = tokens[i + 1].string if i + 1 < len(tokens) else ""
            yield Literal(path, token.start[0], value, before, after)
