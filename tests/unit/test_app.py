"""The app over HTTP (Flask's test client) and the command line (a real subprocess)."""

import gzip
import json
import subprocess
import sys
import time
from pathlib import Path

import flask
import pytest

from app import create_app
from serving.compression import BoundedCache, compress
from serving.warm import page_paths
from ui import ids

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def client(demo):
    app = create_app(demo)
    app.server.dash_callback_map = app.callback_map  # for _update, which names the callback's outputs
    return app.server.test_client()


def _update(client, indicator_id, measure="share", lang="da", mode="value", from_year=2011, known=None, year=2016):
    # The year is a shared output (the address sets it too), so its name carries the suffix Dash gives it.
    key = next(key for key in client.application.dash_callback_map if key.startswith(f"..{ids.MAP_VIEW}.data"))
    outputs = [tuple(part.split(".", 1)) for part in key.strip(".").split("...")]
    payload = {
        "output": key,
        "outputs": [{"id": i, "property": p} for i, p in outputs],
        "inputs": [
            {"id": ids.CONTROLS_INDICATOR, "property": "value", "value": indicator_id},
            {"id": ids.CONTROLS_MEASURE, "property": "value", "value": measure},
            {"id": ids.CONTROLS_LANG, "property": "value", "value": lang},
            {"id": ids.CONTROLS_MODE, "property": "value", "value": mode},
            {"id": ids.CONTROLS_FROM, "property": "value", "value": from_year},
        ],
        "changedPropIds": [f"{ids.CONTROLS_INDICATOR}.value"],
        "state": [
            {"id": ids.KNOWN_SERIES, "property": "data", "value": known or []},
            {"id": ids.CONTROLS_YEAR, "property": "value", "value": year},
        ],
    }
    return client.post("/_dash-update-component", json=payload)


def test_the_page_and_its_layout_are_served(client):
    assert client.get("/").status_code == 200
    layout = client.get("/_dash-layout").get_data(as_text=True)
    assert "Fjordby Kommune" in layout and "Fiktive data" in layout


def test_the_shapes_are_a_cached_url_and_never_part_of_the_layout(client, demo):
    layout = client.get("/_dash-layout").get_data(as_text=True)
    assert '"coordinates"' not in layout
    url = f"/data/districts.{demo.geojson_hash}.geojson"
    assert f'"shapes": "{url}"' in json.dumps(json.loads(layout))
    response = client.get(url)
    assert response.status_code == 200 and "immutable" in response.headers["Cache-Control"]
    assert len(json.loads(response.data)["features"]) == len(demo.district_ids)


def test_an_indicator_switch_sends_values_only(client):
    response = _update(client, "dwelling_flat")
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    assert '"coordinates"' not in body and "Etageboliger" in body
    assert len(body) < 40_000


def test_figures_the_browser_holds_are_not_sent_again(client):
    first = _update(client, "age_0_5").get_json()["response"][ids.MAP_VIEW]["data"]
    assert set(first["shared"]) >= {*first["values"]["of"], *(part["ref"] for part in first["detail"]["parts"])}
    second = _update(client, "age_6_16", known=list(first["shared"])).get_json()["response"][ids.MAP_VIEW]["data"]
    counts, denominators = second["values"]["of"]  # a share is worked out in the browser from these two
    assert denominators == first["detail"]["parts"][1]["ref"], "every age group shares the residents"
    assert denominators not in second["shared"] and counts in second["shared"]


def test_a_nonsense_request_still_gets_a_working_view(client):
    response = _update(client, "<script>", measure="everything", lang="xx", mode="upside-down", from_year="🙃")
    assert response.status_code == 200
    assert '"age_0_5|share|da|value|2011"' in response.get_data(as_text=True)


def _cli(*arguments):
    return subprocess.run([sys.executable, "app.py", *arguments], cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_a_missing_dataset_folder_is_one_line_and_exit_code_2(tmp_path):
    result = _cli("--dataset", str(tmp_path / "nowhere"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().count("\n") == 0 and "nowhere" in result.stderr


def test_a_broken_dataset_folder_names_the_problem(tiny_folder):
    (tiny_folder / "statistics.csv").write_text("district_id,year,indicator,value,status\n01,2016,residents,lots,\n")
    result = _cli("--dataset", str(tiny_folder))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "statistics.csv, line 2: value 'lots' is not a number" in result.stderr


@pytest.mark.parametrize(
    "path", ["/?year=1800&indicator=%3Cscript%3E", "/embed?x=" + "y" * 3000, "/embed/", "/?%ff%fe"]
)
def test_odd_page_addresses_still_serve_the_page(client, path):
    assert client.get(path).status_code == 200


def test_security_headers_allow_framing_only_for_the_embed(client):
    page, embed = client.get("/"), client.get("/embed?year=2013")
    for response in (page, embed):
        policy = response.headers["Content-Security-Policy"]
        assert "default-src 'self'" in policy and "http" not in policy
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert page.headers["Content-Security-Policy"].endswith("frame-ancestors 'none'")
    assert embed.headers["Content-Security-Policy"].endswith("frame-ancestors *")


def test_the_health_endpoint_answers_for_load_balancers(client, demo):
    body = client.get("/healthz").get_json()
    assert body == {"status": "ok", "dataset": demo.info.title, "districts": 23, "warm": False, "views": False}


def test_warming_compresses_a_first_visit_so_it_is_served_from_the_cache(demo):
    from app import warm_up

    app = create_app(demo)
    warm_up(app)
    client = app.server.test_client()
    for _ in range(200):
        if client.get("/healthz").get_json()["warm"]:
            break
        time.sleep(0.05)
    assert client.get("/healthz").get_json()["warm"]
    page = client.get("/", headers={"Accept-Encoding": "gzip"})
    script = next(path for path in page_paths(gzip.decompress(page.data).decode()) if "maplibre-gl.js" in path)
    response = client.get(script, headers={"Accept-Encoding": "gzip"})
    assert response.headers["Content-Encoding"] == "gzip" and "immutable" in response.headers["Cache-Control"]
    assert len(response.data) < 400_000, "the 1 MB map library travels compressed"


def test_a_served_file_is_compressed_once_not_per_request():
    app = flask.Flask(__name__)
    cache = compress(app).cache
    assert isinstance(cache, BoundedCache)

    @app.get("/big.js")
    def _big():
        return flask.Response(iter([b"let x = 1;\n" * 5000]), mimetype="text/javascript")  # streamed, like a file

    client = app.test_client()
    first = client.get("/big.js", headers={"Accept-Encoding": "gzip"})
    assert first.headers["Content-Encoding"] == "gzip" and len(cache.store) == 1
    assert client.get("/big.js", headers={"Accept-Encoding": "gzip"}).data == first.data
