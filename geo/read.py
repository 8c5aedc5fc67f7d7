"""Reading district polygons from the files municipalities have, and guessing which fields hold id and name.

GeoPackage (choose a layer), Shapefile (a .shp, a folder or a .zip), and GeoJSON, including the old-style ``crs``
member and files saved in Latin-1. TopoJSON is refused with a way forward, because GDAL decodes quantized
TopoJSON wrongly and a wrong map is worse than none.
"""

from __future__ import annotations

import io
import math
import zipfile
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import pyogrio
import shapely
from pyproj import CRS, Transformer
from pyproj.exceptions import CRSError

from geo.crs import WEB_CRS
from layers.errors import InputError

# Field names seen in Danish and Swedish district files, best guess first (compared without case).
ID_FIELDS = (
    "district_id", "distrikt_id", "distriktsnummer", "udd_distrikt_nr", "udd_d_nr", "prog_distrikt_nr", "lokalsamfund",
    "skoledistrikt_nr", "sognekode", "komkode", "kommunekode", "kod", "kode", "code", "nr", "id",
)  # fmt: skip
NAME_FIELDS = (
    "name", "navn", "district_name", "distrikt_navn", "udd_distrikt_navn", "udd_d_nv", "prog_distrikt_navn",
    "distrikt_n", "skolenavn", "skoledistrikt", "distrikt", "sognenavn", "komnavn", "kom_namn", "kommunnamn", "namn",
)  # fmt: skip
GEOJSON_SUFFIXES = (".geojson", ".json")
MB = 2**20


@dataclass(frozen=True)
class ReadLimits:
    """How much a district file may hold before reading it is refused: a bound on time and memory, so a wrong or
    hostile file (a 190 MB GeoJSON, a zip that unpacks to gigabytes) fails in a second with a way forward."""

    max_bytes: int = 100 * MB
    max_unzipped_bytes: int = 1024 * MB
    max_features: int = 50_000
    max_vertices: int = 5_000_000


DEFAULT_LIMITS = ReadLimits()


def check_size(path: Path, limits: ReadLimits) -> None:
    """Refuse a file larger than the limit, or a zip (a zipped shapefile, a workbook) that unpacks beyond it."""
    size = path.stat().st_size if path.is_file() else sum(p.stat().st_size for p in path.glob("*") if p.is_file())
    if size > limits.max_bytes:
        raise InputError(
            f"{path}: is {size / MB:,.0f} MB, more than the limit of {limits.max_bytes / MB:,.0f} MB. "
            "Check it is the right file; raise the limit with --max-input-mb."
        )
    if path.is_file() and zipfile.is_zipfile(path):
        try:
            with zipfile.ZipFile(path) as archive:
                unzipped = sum(entry.file_size for entry in archive.infolist())
        except (zipfile.BadZipFile, OSError, ValueError) as error:
            raise InputError(f"{path}: is a damaged zip file ({error}).") from error
        if unzipped > limits.max_unzipped_bytes:
            raise InputError(
                f"{path}: unpacks to {unzipped / MB:,.0f} MB, more than the limit of "
                f"{limits.max_unzipped_bytes / MB:,.0f} MB. Check it is the right file; raise the limit with "
                "--max-unzipped-mb."
            )


def _check_counts(districts: gpd.GeoDataFrame, path: Path, limits: ReadLimits) -> None:
    vertices = int(shapely.get_num_coordinates(districts.geometry.values).sum())
    if vertices > limits.max_vertices:
        raise InputError(
            f"{path}: has {vertices:,} vertices, more than the limit of {limits.max_vertices:,}. Simplify it first "
            "(e.g. mapshaper -simplify), or raise the limit with --max-vertices."
        )
    bounds = districts.geometry.total_bounds
    try:
        west, south, east, north = Transformer.from_crs(districts.crs, WEB_CRS, always_xy=True).transform_bounds(
            *bounds
        )
    except Exception as error:  # pyproj raises its own kinds for coordinates it cannot transform
        raise InputError(f"{path}: its coordinates {tuple(bounds)} cannot be placed on the Earth ({error}).") from error
    if not all(map(math.isfinite, (west, south, east, north))) or west < -180.5 or east > 180.5 or south < -90.5 \
            or north > 90.5:  # fmt: skip
        raise InputError(
            f"{path}: its coordinates lie outside the world ({', '.join(f'{v:.6g}' for v in bounds)} in "
            f"{districts.crs.to_string()}). Is the CRS right? Give the right one with --crs."
        )


def _open_path(path: Path) -> str:
    # GDAL reads a zipped shapefile through its virtual zip file system.
    return f"/vsizip/{path}" if path.suffix.lower() == ".zip" else str(path)


def _geojson_source(path: Path, encoding: str | None) -> str | io.BytesIO:
    raw = path.read_bytes()
    if raw.lstrip()[:1] == b"{" and b'"Topology"' in raw[:200].replace(b" ", b""):
        raise InputError(
            f"{path}: this is TopoJSON, which GDAL decodes into wrong coordinates. Convert it to GeoJSON first, "
            "e.g. `npx topojson-client topo2geo` or mapshaper, and import that file."
        )
    if encoding is None:
        try:
            raw.decode("utf-8")
            return str(path)
        except UnicodeDecodeError:
            encoding = "cp1252"  # Danish and Swedish files that are not UTF-8 are almost always Windows Latin-1
    try:
        return io.BytesIO(raw.decode(encoding).encode("utf-8"))
    except (UnicodeDecodeError, LookupError) as error:
        raise InputError(
            f"{path}: cannot be read as {encoding} text ({error}). Give the right one with --encoding."
        ) from error


def _layer(source: str, path: Path, layer: str | None) -> str | None:
    try:
        layers = [name for name, _ in pyogrio.list_layers(source)]
    except (pyogrio.errors.DataSourceError, OSError) as error:
        raise InputError(f"{path}: cannot be opened as GeoPackage, Shapefile or GeoJSON ({error}).") from error
    if layer is not None and layer not in layers:
        raise InputError(f"{path}: has no layer {layer!r}. Its layers are: {', '.join(layers)}.")
    if layer is None and len(layers) > 1:
        raise InputError(f"{path}: has {len(layers)} layers ({', '.join(layers)}). Choose one with --layer NAME.")
    return layer


def _crs(text: str) -> CRS:
    try:
        return CRS.from_user_input(text)
    except CRSError as error:
        raise InputError(
            f"--crs {text!r} is not a coordinate reference system. Give it as EPSG:NNNN, e.g. EPSG:25832."
        ) from error


def read_districts(
    path: Path,
    *,
    layer: str | None = None,
    encoding: str | None = None,
    crs: str | None = None,
    limits: ReadLimits = DEFAULT_LIMITS,
) -> gpd.GeoDataFrame:
    """Read district polygons with their attributes, in the file's own CRS (or ``crs`` when it has none).

    Raises ``InputError`` for a missing file, an ambiguous or unknown layer, a missing CRS, non-polygons, no rows,
    coordinates outside the world, or a file beyond ``limits``.
    """
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file or folder.")
    check_size(path, limits)
    source = _open_path(path)
    if path.is_file() and path.suffix.lower() in (*GEOJSON_SUFFIXES, ".topojson"):
        source = _geojson_source(path, encoding)
        encoding = None  # the text is UTF-8 now
    if isinstance(source, str):
        layer = _layer(source, path, layer)
    try:
        features = pyogrio.read_info(source, layer=layer).get("features", 0)
    except Exception as error:  # GDAL's own kinds, for a file it cannot open
        raise InputError(f"{path}: cannot be read ({error}). Is it GeoPackage, Shapefile or GeoJSON?") from error
    finally:
        source.seek(0) if isinstance(source, io.BytesIO) else None
    if features > limits.max_features:
        raise InputError(
            f"{path}: has {features:,} features, more than the limit of {limits.max_features:,}. Check it is the "
            "right file and layer; raise the limit with --max-features."
        )
    try:
        # pyogrio itself, not geopandas' reader: a property that looks like JSON ('{"$ne":1}') stays text.
        districts = pyogrio.read_dataframe(source, layer=layer, encoding=encoding)
    except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError, OSError, ValueError) as error:
        raise InputError(f"{path}: cannot be read ({error}). Is it GeoPackage, Shapefile or GeoJSON?") from error
    if districts.empty:
        raise InputError(f"{path}: has no features.")
    if crs is not None:
        districts = districts.set_crs(_crs(crs), allow_override=True)
    elif districts.crs is None:
        raise InputError(
            f"{path}: has no coordinate reference system (a shapefile without its .prj, say). "
            "Say which it is with --crs, e.g. --crs EPSG:25832 for Danish data or --crs EPSG:3006 for Swedish."
        )
    kinds = districts.geometry.geom_type
    bad = ~kinds.isin(["Polygon", "MultiPolygon"])
    if bad.any():
        row = int(bad.to_numpy().nonzero()[0][0])
        raise InputError(f"{path}: feature {row + 1} is a {kinds.iloc[row]}; districts must be polygons.")
    _check_counts(districts, path, limits)
    return districts


def _pick(columns: list[str], hints: tuple[str, ...], exclude: str | None = None) -> str | None:
    lowered = {column.lower(): column for column in columns if column != exclude}
    return next((lowered[hint] for hint in hints if hint in lowered), None)


def guess_fields(districts: gpd.GeoDataFrame, id_field: str | None, name_field: str | None) -> tuple[str, str]:
    """The id and name fields: the ones given, else the best guess from common Danish and Swedish names.

    >>> from shapely import box
    >>> table = gpd.GeoDataFrame({"KOMKODE": ["0766"], "KOMNAVN": ["Hedensted"]}, geometry=[box(0, 0, 1, 1)])
    >>> guess_fields(table, None, None)
    ('KOMKODE', 'KOMNAVN')
    """
    columns = [column for column in districts.columns if column != districts.geometry.name]
    for flag, given in (("--id-field", id_field), ("--name-field", name_field)):
        if given is not None and given not in columns:
            raise InputError(f"{flag} {given!r}: no such field. The fields are: {', '.join(columns)}.")
    name_field = name_field or _pick(columns, NAME_FIELDS, exclude=id_field)
    id_field = id_field or _pick(columns, ID_FIELDS, exclude=name_field) or name_field
    name_field = name_field or id_field
    if id_field is None:
        raise InputError(
            f"Cannot tell which field holds the district id. The fields are: {', '.join(columns)}. "
            "Choose with --id-field and --name-field."
        )
    return id_field, name_field
