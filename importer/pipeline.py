"""``python app.py import``: turn the files a municipality has into a dataset folder, or say clearly why not.

A pipeline of small steps, each in its own module: read the polygons (``boundaries``), read each statistics file
into a grid (``grid``), find each column's role (``roles``) and match the areas (``areas``), turn the grid into long
rows (``rows``), tell each indicator's unit (``units``), then validate, apply disclosure control and write the
dataset folder (``stats`` and ``data``, shared with every other way of making a dataset). The result is written
next to ``--out`` and swapped in only when the written folder loads, so a failed import changes nothing. The report
says how each thing was decided.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from data.indicators import indicator_row, read_descriptions
from data.load import load_dataset
from data.write import prepare_destination, write_dataset
from geo.pipeline import GeometryReport
from importer.areas import AREA_SHOWN, Polygons, describe_unmatched
from importer.boundaries import (
    BoundarySet,
    attribute_fields,
    check_years_have_boundaries,
    choose_fields,
    clean_boundary_sets,
    read_raw_sets,
)
from importer.checks import MAX_NAME, check_all, check_text
from importer.grid import Grid
from importer.metadata import dataset_metadata
from importer.options import ImportOptions, Progress
from importer.roles import Overrides, Roles, column_name, describe, find_roles
from importer.rows import TICK_ROWS, IndicatorSpec, long_rows, natural_key
from importer.sources import read_grids
from importer.units import infer_units
from layers.errors import InputError
from layers.families import COUNTED_UNITS
from layers.registry import OTHER_FAMILY, lookup
from layers.status import MISSING, SUPPRESSED
from stats.disclosure import DisclosureRule, Membership, apply_disclosure_control
from stats.validate import parse_long, validate, where

STAGES = 5


@dataclass(frozen=True)
class ImportSummary:
    districts: int
    years: tuple[int, ...]
    indicators: int
    rows: int
    suppressed: int
    missing: int
    geometry: GeometryReport
    formats: tuple[str, ...]  # per statistics table: how it was read
    boundary_sets: str
    bytes_on_disk: int
    out: Path
    units: tuple[str, ...] = ()
    disclosure: str = ""

    def lines(self) -> list[str]:
        first, last = self.years[0], self.years[-1]
        notes = [
            f"Imported into {self.out}",
            f"  districts:   {self.districts}",
            f"  years:       {first}–{last} ({len(self.years)})",
            f"  indicators:  {self.indicators}",
            f"  rows:        {self.rows:,}",
            f"  suppressed:  {self.suppressed:,} cells hidden to protect individuals; {self.missing:,} missing",
            f"  disclosure:  {self.disclosure}",
            f"  boundaries:  {self.boundary_sets}",
            f"  geometry:    {self.geometry.repaired} invalid polygon(s) repaired, {self.geometry.dissolved_rows} row(s) dissolved into their district",
            f"  coverage:    {_coverage_note(self.geometry)}",
            "  statistics:",
            *(f"    {line}" for line in self.formats),
            "  units:",
            *(f"    {line}" for line in self.units),
            f"  on disk:     {self.bytes_on_disk / 1024:,.0f} kB",
        ]
        return notes


def _coverage_note(report: GeometryReport) -> str:
    if report.overlap_m2 < 1 and report.gap_m2 < 1:
        return "the districts fit together with no gaps or overlaps"
    return f"overlaps of {report.overlap_m2 / 1e4:,.2f} ha and gaps of {report.gap_m2 / 1e4:,.2f} ha between districts"


def _listing(labels: list[str]) -> str:
    shown = ", ".join(repr(label) for label in labels[:AREA_SHOWN])
    return shown + (f" and {len(labels) - AREA_SHOWN} more" if len(labels) > AREA_SHOWN else "")


def _check_areas(grid: Grid, roles: Roles, polygons: Polygons, skip_unmatched: bool) -> list[str]:
    """The report's lines on the areas of one grid; refuses unmatched labels unless told to skip them."""
    plan, column = roles.plan, column_name(grid, roles.area)
    if not plan.district_of:
        raise InputError(
            f"{grid.source}: no label in {column} matches a polygon (labels such as "
            f"{_listing(list(grid.tally(roles.area))[:3])}; polygons such as "
            f"{_listing(list(dict.fromkeys(polygons.names))[:3])}). Name the area column with --area-column, or "
            "the polygons' id field with --id-field."
        )
    match = plan.match
    lines = [f"{len(plan.district_of)} area(s) of {column} matched {match.description} "
             f"(polygon field {match.field})"]  # fmt: skip
    if plan.level_note:
        lines.append(plan.level_note)
    for reason, labels in plan.set_aside.items():
        lines.append(f"skipped {len(labels)} {reason} row label(s) with no polygon: {_listing(labels)}")
    if plan.unmatched:
        unmatched = set(plan.unmatched)
        rows = sum(count for label, count in grid.tally(roles.area).items() if label in unmatched)
        if not skip_unmatched:
            labels = grid.column(roles.area)
            first = int(np.isin(labels.codes, labels.categories.get_indexer(plan.unmatched)).argmax())
            raise InputError(
                f"{grid.where(first)}: {len(plan.unmatched)} area(s) in {column} match no polygon: "
                f"{describe_unmatched(plan.unmatched, polygons.names, plan.key_of)}. Check the spelling or the polygons; to leave "
                f"these {rows} row(s) out, add --skip-unmatched."
            )
        lines.append(f"left out {rows} row(s) of {len(plan.unmatched)} area(s) with no polygon (--skip-unmatched): "
                     f"{_listing(plan.unmatched)}")  # fmt: skip
    return lines


def _check_duplicates(long: pd.DataFrame, grid: Grid, roles: Roles) -> None:
    duplicated = long.duplicated(["district", "year", "indicator"], keep=False)
    if not duplicated.any():
        return
    first = long[duplicated].iloc[0]
    second = long[duplicated & (long["district"] == first["district"]) & (long["year"] == first["year"])
                  & (long["indicator"] == first["indicator"])].iloc[1]  # fmt: skip
    a, b = grid.rows[first["row"]], grid.rows[second["row"]]
    varying = [column for column in roles.ignored if a[column] != b[column]]
    place = f"{where(long, first.name)} and {where(long, second.name)}"
    if varying:
        raise InputError(
            f"{place}: {column_name(grid, varying[0])} varies within one district and year ({a[varying[0]]!r}, {b[varying[0]]!r}); "
            f"is it a dimension? Name every column that makes up the indicator with --indicator-column."
        )
    if a[roles.area] != b[roles.area]:
        raise InputError(
            f"{place}: the areas {a[roles.area]!r} and {b[roles.area]!r} are both district {first['district']}. "
            "Keep one, or leave the other out with --area-prefix."
        )
    raise InputError(
        f"{place}: two figures for district {first['district']}, {first['year']}, {first['indicator']}. Keep one."
    )


@dataclass
class _Read:
    long: pd.DataFrame
    specs: dict[str, IndicatorSpec]
    notes: list[str]
    code_fields: set[str]
    name_fields: set[str]


def _read_grid(grid: Grid, path: Path, polygons: Polygons, fields: list[str], options: ImportOptions, overrides,
               progress: Progress | None = None):  # fmt: skip
    roles = find_roles(grid, path, polygons, fields, overrides)
    lines = _check_areas(grid, roles, polygons, options.skip_unmatched)
    tick = (lambda done, total: progress.bar(f"rows of {path.name}", done, total)) if progress else None
    long, own = long_rows(grid, roles, path, tick if len(grid.rows) > TICK_ROWS else None)
    if long.empty:
        raise InputError(f"{grid.source}: no figures for any matched area under {', '.join(grid.header)}.")
    _check_duplicates(long, grid, roles)
    return roles, long, own, [f"{grid.source}: {len(own)} indicator(s)", *(f"  {line}" for line in
                                                                            [*lines, *describe(grid, roles)])]  # fmt: skip


def _read_statistics(
    options: ImportOptions,
    polygons: Polygons,
    fields: list[str],
    progress: Progress | None = None,
    grids_of: dict[str, list[Grid]] | None = None,
) -> _Read:
    """Every statistics file matched to ``polygons``; ``grids_of`` keeps the files' grids, so that matching them
    again with other polygon fields does not read the files again."""
    grids_of = {} if grids_of is None else grids_of
    overrides = Overrides(options.area_column, options.year_column, options.value_column,
                          tuple(options.indicator_columns), options.area_prefix)  # fmt: skip
    frames, specs, notes, code_fields, name_fields = [], {}, [], set(), set()
    for path in options.statistics:
        if str(path) not in grids_of:
            if progress is not None and Path(path).is_file():
                progress.note(f"reading {Path(path).name} ({Path(path).stat().st_size / 2**20:,.1f} MB)")
            grids_of[str(path)] = read_grids(path, options.encoding, options.limits)
        grids = grids_of[str(path)]
        read_any, refusals = False, []
        for grid in grids:
            try:
                roles, long, own, lines = _read_grid(grid, Path(path), polygons, fields, options, overrides, progress)
            except InputError as error:
                if len(grids) == 1:
                    raise
                refusals.append(error)  # a workbook's notes or metadata sheet: said in the report, not fatal
                continue
            read_any = True
            (code_fields if roles.plan.match.by_code else name_fields).add(roles.plan.match.field)
            frames.append(long)
            for indicator_id, spec in own.items():
                specs.setdefault(indicator_id, spec)
            notes += lines
        if not read_any:
            raise refusals[0]
        notes += [f"{path}: skipped a sheet: {error}" for error in refusals]
    return _Read(pd.concat(frames, ignore_index=True), specs, notes, code_fields, name_fields)


def _polygons(sets: list[BoundarySet], attributes: dict[str, tuple[str, ...]], id_field: str, name_field: str):
    return Polygons(attributes, district_ids=attributes[id_field], names=attributes[name_field])


def _statistics(
    options: ImportOptions, sets: list[BoundarySet], progress: Progress | None = None
) -> tuple[_Read, str, str]:
    """The statistics read and matched, with the polygons' id and name fields that the matching chose."""
    attributes = attribute_fields(sets)
    id_field, name_field = choose_fields(sets, options.id_field, options.name_field)
    given = [field for field in (options.id_field, options.name_field) if field]
    fields = Polygons(attributes, (), ()).candidate_fields(given)
    if not fields:
        empty = attributes[id_field].index("") + 1 if "" in attributes[id_field] else 1
        raise InputError(
            f"The field {id_field!r} is empty in feature {empty}, and so is every other field. Every district needs "
            "an id; choose a field with --id-field and --name-field."
        )
    grids_of: dict[str, list[Grid]] = {}
    read = _read_statistics(options, _polygons(sets, attributes, id_field, name_field), fields, progress, grids_of)
    # The id field is the one whose values the statistics use, when they use codes; a guess only otherwise.
    better_id = next(iter(read.code_fields)) if len(read.code_fields) == 1 and not options.id_field else id_field
    better_name = next(iter(read.name_fields)) if len(read.name_fields) == 1 and not options.name_field else name_field
    if (better_id, better_name) != (id_field, name_field):
        id_field, name_field = better_id, better_name
        read = _read_statistics(options, _polygons(sets, attributes, id_field, name_field), fields, progress, grids_of)
    return read, id_field, name_field


def _ordered(specs: Mapping[str, IndicatorSpec], present: list[str]) -> list[str]:
    # Families in the order the files bring them; within a family, categories in their natural order.
    family_rank = {}
    for indicator_id in present:
        family_rank.setdefault(specs[indicator_id].family, len(family_rank))
    appearance = {indicator_id: i for i, indicator_id in enumerate(present)}
    return sorted(present, key=lambda i: (family_rank[specs[i].family], natural_key(specs[i].category, appearance[i])))


def _memberships(tidy: pd.DataFrame, table: pd.DataFrame, described: Mapping[str, Mapping[str, str]]):
    """Families that secondary suppression must cover: declared ones, and those that add up to a published total."""
    # Indicators the importer could not place ("other") are no family: their figures need not add up to anything.
    counts = table[table["unit"].isin(COUNTED_UNITS) & table["id"].map(lambda i: lookup(i) is None)
                   & (table["family"] != OTHER_FAMILY)]  # fmt: skip
    members: dict[str, Membership] = {}
    if counts.empty:
        return members  # no family of the import's own: the registry places every count
    wide = tidy.pivot_table(index=["district_id", "year"], columns="indicator", values="value", aggfunc="first")
    for family, rows in counts.groupby("family", sort=False):
        ids = rows["id"].tolist()
        totals = [i for i, category in zip(ids, rows["category"], strict=True) if natural_key(category, 0)[0] == 0]
        if not totals:
            # A total not called one: the member that equals the sum of the others.
            totals = [i for i in ids if _equals_sum(wide, [other for other in ids if other != i], wide.get(i))][:1]
        parts = [i for i in ids if i not in totals]
        declared = any(described.get(i, {}).get("family") for i in ids)
        adds_up = bool(totals) or declared or _equals_sum(wide, parts, None)
        for indicator_id in ids:
            total = indicator_id in totals
            members[indicator_id] = Membership(f"{family}#total" if total else str(family), adds_up and not total)
    return members


def _with_denominators(table: pd.DataFrame, members: Mapping[str, Membership]) -> pd.DataFrame:
    """Each category of a family with a published total is a share of that total (unless described otherwise)."""
    totals = {
        member.family.removesuffix("#total"): i for i, member in members.items() if member.family.endswith("#total")
    }
    denominators = [
        denominator or (totals.get(members[i].family, "") if i in members and members[i].composition else "")
        for i, denominator in zip(table["id"], table["denominator"], strict=True)
    ]
    return table.assign(denominator=denominators)


def _equals_sum(wide: pd.DataFrame, parts: list[str], total: pd.Series | None) -> bool:
    """Whether ``total`` (or, when ``None``, any other indicator) equals the sum of ``parts`` wherever all of
    them are published, in at least nine places out of ten."""
    if len(parts) < 2 or not set(parts) <= set(wide.columns):
        return False
    complete = wide[parts].notna().all(axis=1)
    if not complete.any():
        return False
    sums = wide.loc[complete, parts].sum(axis=1).to_numpy()
    others = (wide.loc[complete, [column for column in wide.columns if column not in parts]] if total is None
              else total[complete].to_frame())  # fmt: skip
    equal = np.isclose(others.to_numpy(dtype=float), sums[:, None])
    comparable = others.notna().to_numpy().sum(axis=0)
    return bool(((equal.sum(axis=0) >= 0.9 * comparable) & (comparable > 0)).any())


def _indicators(read: _Read, units: Mapping[str, tuple[str, str]], source: str, described) -> pd.DataFrame:
    present = list(dict.fromkeys(read.long["indicator"]))
    rows = []
    for indicator_id in _ordered(read.specs, present):
        spec = read.specs[indicator_id]
        own = {"family": spec.family, "category": spec.category, "title_da": spec.title, "title_en": spec.title,
               "unit": units[indicator_id][0]} if lookup(indicator_id) is None else {}  # fmt: skip
        rows.append(indicator_row(indicator_id, set(present), source, {**own, **described.get(indicator_id, {})}))
    return pd.DataFrame(rows)


def _unit_lines(table: pd.DataFrame, units: Mapping[str, tuple[str, str]]) -> list[str]:
    lines = []
    for unit, rows in table.groupby("unit", sort=False):
        shown = [f"{row.title_da} ({units.get(row.id, ('', 'from the registry'))[1]})" for row in rows.itertuples()]
        more = f" and {len(shown) - 30} more" if len(shown) > 30 else ""
        lines.append(f"{unit}: {len(shown)}: " + "; ".join(shown[:30]) + more)
    return lines


def run_import(options: ImportOptions, progress: Progress | None = None) -> ImportSummary:
    """Import districts and statistics into ``options.out``. Raises ``InputError`` and leaves ``out`` untouched."""
    progress = progress or Progress(stages=STAGES)
    prepare_destination(options.out)  # before the work, so a wrong --out costs nothing
    for flag in ("title", "source", "licence", "district_term", "reference_date"):
        check_text(getattr(options, flag) or "", f"--{flag.replace('_', '-')}", max_length=MAX_NAME)
    sets = read_raw_sets(options, progress)
    read, id_field, name_field = _statistics(options, sets, progress)
    districts, report, notes = clean_boundary_sets(sets, id_field, name_field)
    check_all(districts["district_id"], f"district id (field {id_field})", max_length=MAX_NAME)
    check_all(districts["name"], f"district name (field {name_field})", max_length=MAX_NAME)
    progress.step(f"read {districts['district_id'].nunique()} districts ({'; '.join(notes)})")
    progress.step(f"read {len(read.long):,} figures from {len(options.statistics)} statistics file(s)")
    described = read_descriptions(options.indicators) if options.indicators else {}
    source = options.source or ", ".join(Path(path).name for path in options.statistics)
    values, _ = parse_long(read.long)
    given = {key: row.get("unit", "") for key, row in described.items()}
    words = {key: spec.words for key, spec in read.specs.items()}
    registry = {i for i in read.specs if lookup(i)}
    units = {key: unit for key, unit in infer_units(values, read.long["indicator"], words, given).items()
             if key not in registry}  # fmt: skip
    indicators = _indicators(read, units, source, described)
    for column in ("title_da", "title_en", "family", "category", "source"):
        check_all(indicators[column], f"indicator {column}")
    tidy = validate(read.long, dict(zip(indicators["id"], indicators["unit"], strict=True)))
    check_years_have_boundaries(tidy, districts)
    progress.step(f"checked {len(tidy):,} figures against the districts")
    rule = DisclosureRule(min_count=options.min_count)
    counts = tidy["indicator"].map(dict(zip(indicators["id"], indicators["unit"], strict=True))).isin(COUNTED_UNITS)
    families = _memberships(tidy, indicators, described)
    indicators = _with_denominators(indicators, families)
    protected = apply_disclosure_control(tidy[counts], rule, families)
    statistics = pd.concat([protected, tidy[~counts]]).sort_index()
    # The figures live on in ``statistics`` alone: the rest is let go before the written folder is loaded to check it.
    del values, tidy, protected, counts
    read.long = read.long.iloc[:0]
    disclosure = (f"counts under {rule.min_count} hidden, with the cells that would reveal them" if rule.min_count
                  else "none (--min-count 0): the publisher's figures are shown as published")  # fmt: skip
    progress.step(f"applied disclosure control ({disclosure})")
    years = sorted(statistics["year"].unique().tolist())
    write_dataset(
        options.out,
        districts=districts,
        statistics=statistics,
        indicators=indicators,
        metadata=dataset_metadata(options, rule, indicators, years),
        verify=load_dataset,
    )
    progress.step(f"wrote and checked {options.out}")
    return ImportSummary(
        districts=districts["district_id"].nunique(),
        years=tuple(int(year) for year in years),
        indicators=len(indicators),
        rows=len(statistics),
        suppressed=int((statistics["status"] == SUPPRESSED.word).sum()),
        missing=int((statistics["status"] == MISSING.word).sum()),
        geometry=report,
        formats=tuple(read.notes),
        boundary_sets="; ".join(notes),
        bytes_on_disk=sum(path.stat().st_size for path in options.out.iterdir()),
        out=options.out,
        units=tuple(_unit_lines(indicators, units)),
        disclosure=disclosure,
    )
