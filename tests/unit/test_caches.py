"""Cached answers are keyed on everything they depend on: the encoding flask-compress chooses, the site's address
(never a bare ``Host``), and the day. Each test poisons the caches the way issue 11 did, then checks the next reader.
"""

from __future__ import annotations

import gzip
import json
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import create_app
from layers.errors import InputError
from serving.replay import encoding

VIEW = "/export/view.geojson?indicator=age_0_5&year=2016"
LAYOUT = "/_dash-layout"


def _link(response) -> str:
    body = gzip.decompress(response.data) if response.headers.get("Content-Encoding") == "gzip" else response.data
    metadata = json.loads(body)["metadata"]
    return next(text for label, text in metadata.items() if text.endswith("lang=da") or "?indicator=" in text)


@pytest.fixture
def client(demo, monkeypatch):
    monkeypatch.delenv("DISTRIKTSKORT_PUBLIC_URL", raising=False)
    monkeypatch.delenv("DISTRIKTSKORT_TRUSTED_PROXIES", raising=False)
    return create_app(demo).server.test_client()


# Encodings.

ACCEPT = st.lists(
    st.tuples(
        st.sampled_from(["gzip", "br", "zstd", "deflate", "identity", "*", "compress", "GZIP", "x-gzip"]),
        st.sampled_from(["", ";q=0", ";q=0.0", ";q=0.001", ";q=0.5", ";q=1", ";q=1.0", ";q=abc", ";q=-1"]),
    ),
    max_size=5,
).map(lambda parts: ", ".join(name + quality for name, quality in parts))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(accepted=ACCEPT)
def test_the_replay_predicts_the_encoding_flask_compress_chooses(client, accepted):
    response = client.get(LAYOUT, headers={"Accept-Encoding": accepted})
    assert response.headers.get("Content-Encoding", "") == encoding(accepted), accepted


def test_a_gzip_reader_after_a_zstd_one_gets_gzip(client):
    assert client.get(LAYOUT, headers={"Accept-Encoding": "zstd, gzip"}).headers["Content-Encoding"] == "zstd"
    for accepted in ("gzip;q=1, zstd;q=0.5", "gzip, zstd;q=0", "gzip, *;q=0.1", "gzip;q=0.9, br;q=0.8, zstd;q=0.1"):
        response = client.get(LAYOUT, headers={"Accept-Encoding": accepted})
        assert response.headers["Content-Encoding"] == "gzip", accepted
        assert gzip.decompress(response.data).startswith(b"{")
    star = client.get(LAYOUT, headers={"Accept-Encoding": "*"})
    assert star.headers["Content-Encoding"] == "zstd" and "X-Replayed" in star.headers, "'*' takes the first, kept"
    plain = client.get(LAYOUT, headers={"Accept-Encoding": "identity, *;q=0"})
    assert "Content-Encoding" not in plain.headers and plain.data.startswith(b"{")


# Links.


def test_a_forged_host_never_reaches_a_link(client):
    forged = client.get(VIEW, headers={"Host": "evil.example", "Accept-Encoding": "gzip"})
    assert "evil" not in gzip.decompress(forged.data).decode()
    assert _link(forged).startswith("/?indicator=age_0_5"), "no address configured: the link is relative"
    later = client.get(VIEW, headers={"Accept-Encoding": "gzip"})
    assert "evil" not in gzip.decompress(later.data).decode()


def test_forwarded_headers_are_ignored_unless_proxies_are_trusted(client):
    response = client.get(VIEW, headers={"X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https"})
    assert "evil" not in response.get_data(as_text=True) and _link(response).startswith("/?")


def test_the_public_address_names_every_link(demo, monkeypatch):
    monkeypatch.setenv("DISTRIKTSKORT_PUBLIC_URL", "https://kort.example.dk/")
    monkeypatch.setenv("DISTRIKTSKORT_TRUSTED_PROXIES", "1")  # the configured address wins over any proxy's
    client = create_app(demo).server.test_client()
    for headers in ({"Host": "evil.example"}, {"X-Forwarded-Host": "evil.example"}, {}):
        response = client.get(VIEW, headers={**headers, "Accept-Encoding": "gzip"})
        assert _link(response).startswith("https://kort.example.dk/?indicator=age_0_5"), headers


def test_behind_a_trusted_proxy_links_name_what_it_forwarded(demo, monkeypatch):
    monkeypatch.delenv("DISTRIKTSKORT_PUBLIC_URL", raising=False)
    monkeypatch.setenv("DISTRIKTSKORT_TRUSTED_PROXIES", "1")
    client = create_app(demo).server.test_client()
    proxied = {"X-Forwarded-Host": "kort.example.dk", "X-Forwarded-Proto": "https", "Accept-Encoding": "gzip"}
    assert _link(client.get(VIEW, headers=proxied)).startswith("https://kort.example.dk/?")
    # A second site behind the same proxy gets its own link, not the first one's kept copy.
    other = {**proxied, "X-Forwarded-Host": "kort.other.dk"}
    assert _link(client.get(VIEW, headers=other)).startswith("https://kort.other.dk/?")
    # Only the proxy's own (last) value counts; a client's forged one before it does not.
    forged = {**proxied, "X-Forwarded-Host": "evil.example, kort.example.dk"}
    assert _link(client.get(VIEW, headers=forged)).startswith("https://kort.example.dk/?")
    odd = {**proxied, "X-Forwarded-Host": 'kort.example.dk"><script>'}
    assert "script" not in _link(client.get(VIEW, headers=odd)), "a host that is not a host name is not believed"


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("DISTRIKTSKORT_PUBLIC_URL", "kort.example.dk"),
        ("DISTRIKTSKORT_PUBLIC_URL", "javascript:alert(1)"),
        ("DISTRIKTSKORT_PUBLIC_URL", "https://kort.example.dk/?x=1"),
        ("DISTRIKTSKORT_PUBLIC_URL", "https://a b/"),
        ("DISTRIKTSKORT_TRUSTED_PROXIES", "yes"),
        ("DISTRIKTSKORT_TRUSTED_PROXIES", "²"),
    ],
)
def test_a_setting_that_cannot_be_used_is_one_clear_error(demo, monkeypatch, name, value):
    monkeypatch.setenv(name, value)
    with pytest.raises(InputError, match=name):
        create_app(demo)


def test_python_app_py_links_to_the_address_it_listens_on(demo, monkeypatch):
    from serving.links import PUBLIC_URL, listening_address

    monkeypatch.delenv("DISTRIKTSKORT_PUBLIC_URL", raising=False)
    server = create_app(demo).server
    listening_address(server, "0.0.0.0", 8050)
    assert server.config[PUBLIC_URL] == "", "a wildcard names no machine"
    listening_address(server, "127.0.0.1", 8050)
    response = server.test_client().get(VIEW, headers={"Host": "evil.example"})
    assert _link(response).startswith("http://127.0.0.1:8050/?")


# Days.


class _Tomorrow(date):
    @classmethod
    def today(cls) -> date:
        return date(2031, 1, 2)


def test_a_date_stamped_export_is_not_served_from_the_cache_the_next_day(client, monkeypatch):
    first = client.get(VIEW, headers={"Accept-Encoding": "gzip"})
    assert date.today().isoformat() in gzip.decompress(first.data).decode()
    monkeypatch.setattr("serving.compression.today", _Tomorrow.today)
    monkeypatch.setattr("exports.table.date", _Tomorrow)
    later = client.get(VIEW, headers={"Accept-Encoding": "gzip"})
    assert "2031-01-02" in gzip.decompress(later.data).decode()


def test_replayed_answers_are_not_replayed_the_next_day(client, monkeypatch):
    client.get(LAYOUT, headers={"Accept-Encoding": "gzip"})
    assert "X-Replayed" in client.get(LAYOUT, headers={"Accept-Encoding": "gzip"}).headers
    monkeypatch.setattr("serving.compression.today", _Tomorrow.today)
    assert "X-Replayed" not in client.get(LAYOUT, headers={"Accept-Encoding": "gzip"}).headers
