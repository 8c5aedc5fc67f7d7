"""What an import was asked to do, and how it tells the user where it has got to."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from geo.read import MB, ReadLimits

DEFAULT_LICENCE = "Ikke angivet / not stated"


@dataclass(frozen=True)
class ImportOptions:
    """What the command line asked for."""

    districts: tuple[str, ...]  # FILE or FILE@FROM-TO, one per boundary set
    statistics: tuple[Path, ...]
    out: Path
    layer: str | None = None
    id_field: str | None = None
    name_field: str | None = None
    crs: str | None = None
    encoding: str | None = None
    indicators: Path | None = None
    title: str | None = None
    licence: str = DEFAULT_LICENCE
    source: str | None = None
    min_count: int = 5
    area_prefix: str | None = None
    skip_unmatched: bool = False
    area_column: str | None = None
    year_column: str | None = None
    value_column: str | None = None
    indicator_columns: tuple[str, ...] = ()
    district_term: str | None = None  # "bydel/bydele": singular/plural in Danish
    reference_date: str | None = None  # "31. december"
    max_input_mb: int = 100
    max_unzipped_mb: int = 1024
    max_features: int = 50_000
    max_vertices: int = 5_000_000

    @property
    def limits(self) -> ReadLimits:
        """The bounds on what an input file may hold."""
        return ReadLimits(self.max_input_mb * MB, self.max_unzipped_mb * MB, self.max_features, self.max_vertices)


@dataclass
class Progress:
    """Stage-by-stage progress on stderr, so a long import is never silent."""

    stages: int
    stream: object = field(default=sys.stderr)
    done: int = 0
    started: float = field(default_factory=time.perf_counter)

    shown: tuple[str, int] = field(default=("", -1), repr=False)  # the bar last written in a log, and its quarter

    def step(self, text: str) -> None:
        self.done += 1
        elapsed = time.perf_counter() - self.started
        print(f"[{self.done}/{self.stages}] {text} ({elapsed:.1f} s)", file=self.stream, flush=True)

    def bar(self, text: str, done: int, total: int) -> None:
        """A bar for long work within a stage: redrawn in place on a terminal, a line a quarter in a log."""
        share = done / total if total else 1.0
        if getattr(self.stream, "isatty", lambda: False)():
            filled = int(share * 30)
            end = "\n" if done >= total else ""
            print(f"\r      {text} [{'█' * filled}{'░' * (30 - filled)}] {share:4.0%}", end=end, file=self.stream,
                  flush=True)  # fmt: skip
            return
        quarter = int(share * 4)
        if (text, quarter) != self.shown:
            self.shown = (text, quarter)
            print(f"      {text}: {share:.0%}", file=self.stream, flush=True)

    def note(self, text: str) -> None:
        """A line within a stage: what is being read, so a long read is never silent."""
        print(f"      {text}", file=self.stream, flush=True)
