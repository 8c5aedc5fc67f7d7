"""The first page loads only the scripts it uses."""

import re


def test_the_page_loads_no_dash_table_but_every_library_it_uses(demo):
    from app import create_app

    page = create_app(demo).server.test_client().get("/").get_data(as_text=True)
    scripts = re.findall(r'<script src="([^"]*)"', page)
    assert not [src for src in scripts if "dash_table" in src]
    for library in ("dash-renderer", "/dcc/", "/html/", "maplibre-gl.js", "district_map.js"):
        assert [src for src in scripts if library in src], library
