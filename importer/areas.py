"""Step 3 of an import: which polygon each area label in the statistics means, and how we know.

Published labels are rarely the polygons' ids: ``0114 Upplands Väsby`` (code and name in one label),
``00100  Helsinki keskusta - Etu-Töölö (Helsinki)`` (the municipality in brackets), ``Bydel - Nørrebro`` (a level in
front, several levels in one column), ``Vesterbro/Kongens Enghave`` against ``Vesterbro-Kongens Enghave``, and
national codes (``0301010102``) that end with the polygons' local code (``0102``). Each way of matching is a row in
``RULES``; every rule is tried against every text field of the polygons, and the one that places the most labels
wins. A label a letter or two away from a name is suggested, never matched. Totals and "not placed" rows have no
polygon and are set aside by name.
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from layers.errors import InputError

AREA_SHOWN = 10  # how many labels a message lists
LEADING_CODE = re.compile(r"^\s*(?P<code>\d[\d.\-]*[A-Za-z]?|[A-Z]{1,3}\d+)\s+(?P<name>\S.*)$")
TRAILING_BRACKETS = re.compile(r"\s*\([^()]*\)\s*$")
LEVEL = re.compile(r"^\s*(?P<level>[^\W\d][\w .]{0,30}?)\s+[-–—:]\s+(?P<name>\S.*)$")
# Rows that describe no polygon: totals over all areas, and people the statistics could not place.
TOTALS = re.compile(
    r"\b(i alt|ialt|total|totalt|totals|hovedtotal|grand total|sum|summa|yhteensä|hele landet|hele kommunen|"
    r"hela riket|riket|hela kommunen|alle|"
    r"koko maa|koko kunta|whole country|all areas|alle områder|alle omrader|samlet)\b"
)
NOT_PLACED = re.compile(
    r"(uden for inddeling|uden fast bopæl|uoplyst|ukendt|uten registrert adresse|uten fast bosted|ukjent|uoppgitt|"
    r"okänd|okand|uppgift saknas|ej fördelad|ej fordelad|tuntematon|ei tiedossa|unknown|not stated|not placed|"
    r"ikke fordelt|ufordelt|ikke placeret)"
)
# Fields a map server adds to every layer: numbers that name a feature of the file, never a district.
INTERNAL_FIELDS = ("objectid", "object_id", "fid", "ogc_fid", "gml_id", "globalid", "shape_area", "shape_length",
                   "shape_leng", "st_area", "st_length", "area", "length", "perimeter")  # fmt: skip


@functools.lru_cache(maxsize=65_536)  # every rule and field folds the same labels again
def fold(text: str) -> str:
    """A label with case, accents kept, punctuation and runs of spaces folded away: the way people compare names.

    >>> fold("Vesterbro/Kongens  Enghave") == fold("vesterbro-kongens enghave")
    True
    """
    text = unicodedata.normalize("NFKC", str(text)).casefold()
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def leading_code(label: str) -> str | None:
    """The code at the start of a label such as ``0114 Upplands Väsby``, or ``None``.

    >>> leading_code("0114 Upplands Väsby"), leading_code("00100  Helsinki keskusta"), leading_code("Nørrebro")
    ('0114', '00100', None)
    """
    found = LEADING_CODE.match(str(label))
    return found["code"] if found else None


def name_in_label(label: str) -> str:
    """The name in a label, with a leading code and a trailing ``(Municipality)`` left out, folded.

    >>> name_in_label("00100  Helsinki keskusta - Etu-Töölö (Helsinki)")
    'helsinki keskusta etu töölö'
    """
    found = LEADING_CODE.match(str(label))
    name = found["name"] if found else str(label)
    return fold(TRAILING_BRACKETS.sub("", name) or name)


def _plain(text: str) -> str:
    return str(text).strip()


@dataclass(frozen=True)
class Rule:
    """One way of matching an area label to a polygon field: both sides turned into a key, and equal keys match."""

    id: str
    description: str
    label_key: Callable[[str], str | None]
    field_key: Callable[[str], str | None]
    by_code: bool  # a match on codes (the field can be the district id), not on names


def _unpadded(text: str) -> str | None:
    # A code a spreadsheet stored as a number lost its leading zeros: 766 is 0766.
    text = str(text).strip()
    return text.lstrip("0") or "0" if text.isdigit() else None


def _unpadded_code(label: str) -> str | None:
    code = leading_code(label)
    return _unpadded(code) if code else None


RULES: tuple[Rule, ...] = (
    Rule("as-written", "as written", _plain, _plain, True),
    Rule("unpadded", "by code, leading zeros aside (766 is 0766)", _unpadded, _unpadded, True),
    Rule("code-in-label", "by the code at the start of the label", leading_code, _plain, True),
    Rule("folded", "by name, ignoring case, punctuation and spaces", fold, fold, False),
    Rule("name-in-label", "by the name in the label, without its code and bracketed parent area", name_in_label,
         fold, False),
    Rule("unpadded-code-in-label", "by the code at the start of the label, leading zeros aside", _unpadded_code,
         _unpadded, True),
)  # fmt: skip


def no_polygon_reason(label: str) -> str | None:
    """Why a label has no polygon, when it can be told from its words: a total, or people not placed.

    >>> no_polygon_reason("Hele landet"), no_polygon_reason("Uten registrert adresse"), no_polygon_reason("Vejle")
    ('total', 'not placed', None)
    """
    folded = fold(label)
    if NOT_PLACED.search(folded):
        return "not placed"
    if TOTALS.search(folded):
        return "total"
    return None


@dataclass(frozen=True)
class Polygons:
    """The districts' attributes as text, one row per feature, and the district id each feature belongs to."""

    fields: Mapping[str, tuple[str, ...]]
    district_ids: tuple[str, ...]  # per feature, in the id field chosen so far
    names: tuple[str, ...]  # per feature

    def candidate_fields(self, given: Sequence[str] = ()) -> list[str]:
        if given:
            return [name for name in given if name in self.fields]
        return [name for name, values in self.fields.items() if name.lower() not in INTERNAL_FIELDS and any(values)]


@dataclass(frozen=True)
class Match:
    """How one column's labels were matched: the rule, the polygon field, and each label's feature value."""

    column: str
    field: str
    rule: str
    description: str
    by_code: bool
    values: Mapping[str, str]  # label -> the polygon field's value it matched

    @property
    def count(self) -> int:
        return len(self.values)


def _district_of_value(polygons: Polygons, field_name: str) -> dict[str, str]:
    # A field value that names features of two districts tells us nothing: it is left out.
    districts: dict[str, set[str]] = defaultdict(set)
    for value, district_id in zip(polygons.fields[field_name], polygons.district_ids, strict=True):
        districts[value].add(district_id)
    return {value: next(iter(ids)) for value, ids in districts.items() if len(ids) == 1 and value.strip()}


def _one_to_one(values: dict[str, str], district_of: Mapping[str, str]) -> dict[str, str]:
    # Two labels that land on one district are both doubtful, so neither counts.
    landed = Counter(district_of[value] for value in values.values())
    return {label: value for label, value in values.items() if landed[district_of[value]] == 1}


def _by_rule(labels: Sequence[str], field_values: Sequence[str], rule: Rule) -> dict[str, str]:
    keyed: dict[str, set[str]] = defaultdict(set)
    for value in field_values:
        key = rule.field_key(value)
        if key:
            keyed[key].add(value)
    matched = {}
    for label in labels:
        key = rule.label_key(label)
        if key and len(keyed.get(key, ())) == 1:
            matched[label] = next(iter(keyed[key]))
    return matched


def _by_affix(labels: Sequence[str], field_values: Sequence[str], at_end: bool) -> dict[str, str]:
    # National codes that contain the local one: every label must end (or start) with exactly one polygon value,
    # or the rule says nothing at all; a partial fit would be a guess.
    by_length: dict[int, set[str]] = defaultdict(set)
    for value in field_values:
        if value.strip():
            by_length[len(value.strip())].add(value.strip())
    matched = {}
    for label in labels:
        text = label.strip()
        hits = [text[-n:] if at_end else text[:n] for n in by_length if n < len(text)]
        hits = [hit for hit in hits if hit in by_length[len(hit)]]
        if len(hits) > 1:
            return {}
        if hits:
            matched[label] = hits[0]
    return matched


def _affix_description(values: Mapping[str, str], column: str, at_end: bool) -> str:
    lengths = {len(value) for value in values.values()}
    side = "last" if at_end else "first"
    if len(lengths) == 1:
        return f"by the {side} {lengths.pop()} characters of {column}"
    return f"by the polygon code at the {'end' if at_end else 'start'} of {column}"


def _code_like(values: Sequence[str]) -> bool:
    # Codes have a digit and no spaces ("0766", "A12"); names have words ("Hedensted", "Nørre Snede").
    coded = sum(bool(re.fullmatch(r"[\w.\-]*\d[\w.\-]*", value.strip())) for value in values)
    return coded >= 0.9 * max(len(values), 1)


def best_match(column: str, labels: Sequence[str], polygons: Polygons, fields: Sequence[str]) -> Match | None:
    """The rule and polygon field that place the most of ``labels`` (distinct area labels of one column)."""
    best: Match | None = None
    for field_name in fields:
        district_of = _district_of_value(polygons, field_name)
        field_values = [value for value in dict.fromkeys(polygons.fields[field_name]) if value in district_of]
        candidates = [(rule.id, rule.description, rule.by_code, _by_rule(labels, field_values, rule)) for rule in RULES]
        for at_end in (True, False):
            found = _by_affix(labels, field_values, at_end)
            candidates.append(("suffix" if at_end else "prefix", _affix_description(found, column, at_end) if found
                               else "", True, found))  # fmt: skip
        codes = _code_like(field_values)
        for rule_id, description, by_code, found in candidates:
            if rule_id == "as-written":
                description = "by id, as written" if codes else "by name, as written"
            by_code = by_code and codes
            values = _one_to_one(found, district_of)
            if rule_id in ("suffix", "prefix") and len(values) < len(found):
                continue  # two national codes that share one local code: the codes do not nest after all
            # The most labels placed wins; on a tie, codes beat names (they do not change with spelling).
            if values and (best is None or (len(values), by_code) > (best.count, best.by_code)):
                best = Match(column, field_name, rule_id, description, by_code, values)
    return best


@dataclass
class AreaPlan:
    """What an import does with the labels of its area column: the district of each, and what was set aside."""

    match: Match | None
    district_of: dict[str, str]  # label (as in the file) -> district id
    key_of: Callable[[str], str | None]  # label -> the part compared (after a level or prefix), or None: not read
    set_aside: dict[str, list[str]] = field(default_factory=dict)  # reason -> labels
    unmatched: list[str] = field(default_factory=list)
    level_note: str = ""


def _levels(labels: Sequence[str]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = defaultdict(list)
    for label in labels:
        found = LEVEL.match(label)
        if found:
            grouped[found["level"].strip()].append(label)
    repeated = {level: members for level, members in grouped.items() if len(members) >= 2}
    return repeated if sum(map(len, repeated.values())) >= len(labels) / 3 else {}


def _after(prefix: str) -> Callable[[str], str | None]:
    def key(label: str) -> str | None:
        text = label.strip()
        return text[len(prefix) :].strip(" -–—:") if text.casefold().startswith(prefix.casefold()) else None

    return key


def _level_key(label: str) -> str | None:
    found = LEVEL.match(label)
    return found["name"].strip() if found else None


def plan_areas(
    column: str,
    labels: Sequence[str],
    polygons: Polygons,
    fields: Sequence[str],
    prefix: str | None = None,
    aliases: Mapping[str, Sequence[str]] | None = None,
) -> AreaPlan:
    """Match the distinct ``labels`` of an area column, reading only labels after ``prefix`` when one is given.

    ``aliases`` are other words the file gives for a label (a name column beside a code): a label whose alias says
    "total" or "not placed" is set aside as such.
    """
    aliases = aliases or {}
    labels = list(dict.fromkeys(label for label in labels if label.strip()))
    key_of: Callable[[str], str | None] = _plain
    level_note = ""
    if prefix:
        key_of = _after(prefix)
        kept = [label for label in labels if key_of(label) is not None]
        if not kept:
            raise InputError(
                f"--area-prefix {prefix!r}: no label in {column} starts with it. "
                f"The labels start like: {_listing(labels)}."
            )
        level_note = (
            f"read the {len(kept)} label(s) starting with {prefix!r}; left out {len(labels) - len(kept)} other(s)"
        )
    else:
        levels = _levels(labels)
        if len(levels) >= 2 or (levels and len(levels[next(iter(levels))]) < len(labels)):
            scored = {}
            for level, members in levels.items():
                keys = [_level_key(member) or "" for member in members]
                found = best_match(column, keys, polygons, fields)
                if found and found.count >= len(members) / 2:
                    scored[level] = found
            if len(scored) > 1:
                options = " or ".join(f"--area-prefix '{level} - '" for level in scored)
                raise InputError(
                    f"{column}: the labels of {len(scored)} levels ({', '.join(scored)}) all match the polygons. "
                    f"Choose one with {options}."
                )
            if len(scored) == 1:
                level = next(iter(scored))
                key_of = _after(level)
                others = [f"{other} ({len(levels[other])})" for other in levels if other != level]
                level_note = (f"used the level {level!r} ({len(levels[level])} labels) of {column}; "
                              f"left out the other levels{': ' + ', '.join(others) if others else ''} and labels of no level")  # fmt: skip
    keys = {label: key_of(label) for label in labels}
    read = [label for label in labels if keys[label] is not None]
    found = best_match(column, [keys[label] for label in read], polygons, fields)
    by_key = found.values if found else {}
    plan = AreaPlan(found, {}, key_of, level_note=level_note)
    district_of = _district_of_value(polygons, found.field) if found else {}
    for label in read:
        value = by_key.get(keys[label])
        if value is not None:
            plan.district_of[label] = district_of[value]
            continue
        words = [keys[label], *sorted(aliases.get(label, ()))]
        said = next((word for word in words if no_polygon_reason(word)), None)
        if said is not None:
            # The report shows the words that told: "0199 (Uoppgitt)" rather than a bare code.
            shown = label if said == keys[label] else f"{label} ({said})"
            plan.set_aside.setdefault(no_polygon_reason(said), []).append(shown)
        else:
            plan.unmatched.append(label)
    return plan


def _listing(values: Sequence[str]) -> str:
    shown = ", ".join(repr(value) for value in values[:AREA_SHOWN])
    return shown + (f" and {len(values) - AREA_SHOWN} more" if len(values) > AREA_SHOWN else "")


def near_misses(labels: Sequence[str], names: Sequence[str]) -> dict[str, str]:
    """For labels that match no polygon, the polygon name a letter or two away, to suggest (never to use).

    >>> near_misses(["Nørebro", "Atlantis"], ["Nørrebro", "Østerbro"])
    {'Nørebro': 'Nørrebro'}
    """
    by_fold = {fold(name): name for name in names}
    suggestions = {}
    for label in labels:
        close = difflib.get_close_matches(name_in_label(label), list(by_fold), n=1, cutoff=0.8)
        if close:
            suggestions[label] = by_fold[close[0]]
    return suggestions


def describe_unmatched(
    labels: Sequence[str], names: Sequence[str], key_of: Callable[[str], str | None] = _plain
) -> str:
    """``'A' (did you mean 'B'?), 'C'`` for a message: each label, with the polygon name it nearly is."""
    keys = {label: key_of(label) or label for label in labels[:AREA_SHOWN]}
    found = near_misses(list(keys.values()), names)
    suggestions = {label: found[key] for label, key in keys.items() if key in found}
    shown = [
        f"{label!r} (did you mean {suggestions[label]!r}?)" if label in suggestions else repr(label)
        for label in labels[:AREA_SHOWN]
    ]
    more = f" and {len(labels) - AREA_SHOWN} more" if len(labels) > AREA_SHOWN else ""
    return ", ".join(shown) + more
