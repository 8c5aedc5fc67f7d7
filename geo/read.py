"""Reading district polygons from the files municipalities have, and guessing which fields hold id and name.

GeoPackage (choose a layer), Shapefile (a .shp, a folder or a .zip), and GeoJSON, including the old-style ``crs``
member and files saved in Latin-1. TopoJSON is refused with a way forward, because GDAL decodes quantized
TopoJSON wrongly and a wrong map is worse than none.
"""

from __future__ import annotations

import io
from pathlib import Path

import geopandas as gpd
import pyogrio
from pyproj import CRS
from pyproj.exceptions import CRSError

from data.errors import InputError

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
    path: Path, *, layer: str | None = None, encoding: str | None = None, crs: str | None = None
) -> gpd.GeoDataFrame:
    """Read district polygons with their attributes, in the file's own CRS (or ``crs`` when it has none).

    Raises ``InputError`` for a missing file, an ambiguous or unknown layer, a missing CRS, non-polygons or no rows.
    """
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file or folder.")
    source = _open_path(path)
    if path.is_file() and path.suffix.lower() in (*GEOJSON_SUFFIXES, ".topojson"):
        source = _geojson_source(path, encoding)
        encoding = None  # the text is UTF-8 now
    if isinstance(source, str):
        layer = _layer(source, path, layer)
    try:
        districts = gpd.read_file(source, layer=layer, encoding=encoding, engine="pyogrio")
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
