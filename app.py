"""Distriktskort: yearly statistics per school district on an interactive map.

    python app.py [--dataset DIR] [--host HOST] [--port PORT]    serve a dataset folder (the demo without --dataset)
    python app.py import --districts FILE --statistics FILE --out DIR [...]   build a dataset folder
    python app.py export [--dataset DIR] --indicator ID --year YYYY --format png --out FILE   write a view
    python app.py export [--dataset DIR] --all --format svg --out FOLDER                  write every view
    python app.py reindex --dataset DIR                          write a dataset folder's binary copy anew
    gunicorn app:server                                          serve DISTRIKTSKORT_DATASET, or the demo

A dataset folder is the open format described in the README. A missing or broken one gives a one-line error and
exit code 2.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import flask
from dash import Dash

from data.files import BINARY_FOLDER
from data.load import load_dataset
from data.make_demo import DEMO_FOLDER
from data.model import Dataset
from data.write import refresh_binary_copy
from exports.routes import register as register_exports
from layers.errors import InputError
from layers.registry import MEASURES
from layers.text import DEFAULT_LANGUAGE, LANGUAGES
from serving import harden
from serving.headers import HASHED_CACHE
from serving.links import listening_address
from serving.page import SafePage
from serving.precompute import ViewQuestions, precompute_views, views_ready
from serving.warm import is_warm, warm
from ui import ids
from ui.callbacks import register
from ui.citing import register as register_citing
from ui.contract import contract_element
from ui.layout import build_layout
from ui.lesson_routes import register_lessons
from ui.newsroom import register_newsroom
from ui.statement import register_statement
from view.modes import MODES

ASSETS_FOLDER = Path(__file__).resolve().parent / "assets"
DATASET_ENV = "DISTRIKTSKORT_DATASET"
EXIT_INPUT_ERROR = 2
GEOJSON_TYPE = "application/geo+json"
SHAPES_URL = "DISTRIKTSKORT_SHAPES_URL"  # where the app serves its shapes (a Flask config key)

INDEX_TEMPLATE = """<!DOCTYPE html>
<html lang="{%lang%}">
<head>
{%metas%}
<title>{%title%}</title>
<link rel="preload" href="{shapes}" as="fetch" crossorigin>
{%favicon%}
{%css%}
</head>
<body>
{%app_entry%}
{contract}
{%config%}
{%scripts%}
{%renderer%}
</body>
</html>"""


# Dash's renderer hook, called with every callback's answer before Dash applies it (an inline script: its hash goes
# into the page's CSP with Dash's own, serving/page.py).
RENDERER_REQUEST_POST = (
    "function (payload, response) { var page = window.DistriktskortPage; if (page) page.viewArrived(response); }"
)


def create_app(dataset: Dataset) -> SafePage:
    """A Dash app serving one loaded dataset."""
    app = SafePage(  # a Dash app whose page escapes the title: dataset text is never markup (serving/page.py)
        __name__,
        title=f"Distriktskort · {dataset.info.area_name}",
        assets_folder=str(ASSETS_FOLDER),
        assets_ignore=r"lesson\.js$",  # served, but loaded only by the lesson page (ui/lesson_page.py), not this one
        compress=False,  # serving.compression compresses, GeoJSON included, and keeps what it compressed
        update_title=None,
        # A view's answer goes to the map as it arrives, before Dash applies it (assets/map.js viewArrived).
        hooks={"request_post": RENDERER_REQUEST_POST},
        meta_tags=[
            {"name": "viewport", "content": "width=device-width, initial-scale=1"},
            {"name": "description", "content": dataset.info.title},
        ],
    )
    harden(app)
    # The shapes travel once: a URL that changes when they do, so browsers may cache it for good. The page asks
    # for them in its head, so they load alongside the scripts.
    geojson_url = f"/data/districts.{dataset.geojson_hash}.geojson"
    app.server.config[SHAPES_URL] = geojson_url
    # The page's contract with its scripts (ui/contract.py) is fixed, so it is written into the template once.
    app.index_string = INDEX_TEMPLATE.replace("{shapes}", geojson_url).replace("{contract}", contract_element())

    @app.server.get(geojson_url)
    def _districts() -> flask.Response:
        response = flask.Response(dataset.web_geojson, mimetype=GEOJSON_TYPE)
        response.headers["Cache-Control"] = HASHED_CACHE
        return response

    # The page opens in Danish; a ?lang=en in the address switches it in the browser (see assets/map.js).
    app.layout = build_layout(dataset, DEFAULT_LANGUAGE, geojson_url)
    register(app, dataset)
    register_citing(app, dataset)  # "Cite this view" follows the address
    register_newsroom(app)  # the download dialog's picture to publish: headline, byline, size
    register_exports(app.server, dataset)
    register_statement(app.server, dataset)  # /tilgaengelighed: the accessibility statement
    register_lessons(app.server, dataset, geojson_url)  # /lektion: lessons for schools, kept in their address

    @app.server.get("/healthz")
    def _health() -> flask.Response:
        # For load balancers: the process is up and serving its dataset.
        return flask.jsonify(
            status="ok",
            dataset=dataset.info.title,
            districts=len(dataset.district_ids),
            warm=is_warm(app.server),
            views=views_ready(app.server),  # the likely view requests answered (serving.precompute)
        )

    return app


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="app.py", description="Serve yearly statistics per school district on a map.")
    parser.add_argument("--dataset", type=Path, default=None, help="a dataset folder (default: the embedded demo)")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8050, help="port to listen on (default: 8050)")
    parser.add_argument(
        "--debug", action="store_true", help="Dash debug mode: reloads code and shows errors in the page"
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """The command line: ``import`` builds a dataset folder; otherwise load one and serve it until interrupted."""
    argv = sys.argv[1:] if argv is None else argv
    # The commands' own modules are imported only for them: a server's start need not wait for the importer.
    if argv[:1] == ["import"]:
        from importer.cli import import_main

        return import_main(argv[1:])
    if argv[:1] == ["export"]:
        from exports.cli import export_main

        return export_main(argv[1:])
    if argv[:1] == ["reindex"]:
        return reindex_main(argv[1:])
    arguments = _arguments(argv)
    try:
        dataset = load_dataset(arguments.dataset or DEMO_FOLDER)
    except InputError as error:
        print(f"distriktskort: {error}", file=sys.stderr)
        return EXIT_INPUT_ERROR
    try:
        app = create_app(dataset)
    except InputError as error:  # a serving setting that cannot be used (serving/links.py)
        print(f"distriktskort: {error}", file=sys.stderr)
        return EXIT_INPUT_ERROR
    listening_address(app.server, arguments.host, arguments.port)  # exports link back here, unless told otherwise
    print(f"Distriktskort: {dataset.info.title} on http://{arguments.host}:{arguments.port}", file=sys.stderr)
    warm_up(app)
    app.run(host=arguments.host, port=arguments.port, debug=arguments.debug)
    return 0


def reindex_main(argv: list[str]) -> int:
    """``reindex``: write a dataset folder's binary copy (data/binary.py) anew from its open files, after they were
    edited by hand or the app was upgraded; the next start reads the copy instead of the CSV."""
    parser = argparse.ArgumentParser(prog="app.py reindex", description=reindex_main.__doc__.split(";")[0])
    parser.add_argument("--dataset", type=Path, required=True, help="the dataset folder")
    arguments = parser.parse_args(argv)
    try:
        dataset = refresh_binary_copy(arguments.dataset)
    except InputError as error:
        print(f"distriktskort: {error}", file=sys.stderr)
        return EXIT_INPUT_ERROR
    print(f"Distriktskort: {dataset.info.title}: wrote {arguments.dataset / BINARY_FOLDER}", file=sys.stderr)
    return 0


def warm_up(app: Dash) -> None:
    """Compress what a first visit loads, then answer the likely view requests, in the background (serving.warm,
    serving.precompute); gunicorn.conf.py calls it per worker."""
    warmed = warm(app.server, also=(app.server.config[SHAPES_URL],))
    precompute_views(app.server, likely_views(), after=warmed)


def likely_views(
    languages: tuple[str, ...] = LANGUAGES,
    measures: tuple[str, ...] = tuple(MEASURES),
    modes: tuple[str, ...] = tuple(MODES),
) -> ViewQuestions:
    """The view requests worth answering before anyone asks: every indicator in each of these, the first of each
    the likeliest, with the page's own ids (ui/ids.py)."""
    asked = {ids.CONTROLS_LANG: languages, ids.CONTROLS_MODE: modes, ids.CONTROLS_MEASURE: measures}
    return ViewQuestions(f"{ids.MAP_VIEW}.data", ids.CONTROLS_INDICATOR, asked)


def _app_for_server() -> Dash:
    try:
        return create_app(load_dataset(Path(os.environ.get(DATASET_ENV) or DEMO_FOLDER)))
    except InputError as error:
        print(f"distriktskort: {error}", file=sys.stderr)
        raise SystemExit(EXIT_INPUT_ERROR) from None


if __name__ == "__main__":
    sys.exit(main())
else:
    # For WSGI servers: `gunicorn app:server` serves the folder named by DISTRIKTSKORT_DATASET, or the demo.
    app = _app_for_server()
    server = app.server
