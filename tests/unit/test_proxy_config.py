"""The nginx config ``make serve`` writes: what it must say for slow clients, static files, forwarded headers and
dying workers. (``tests/serving`` runs it for real.)"""

import re
import shutil
import tempfile
from pathlib import Path

import pytest

from serving.guard import MAX_REQUEST_BYTES
from serving.headers import HASHED_CACHE
from serving.proxy import ASSETS_FOLDER, STAMPED_CACHE, ProxySettings, listen_address, nginx_config, package_folder
from tools.serve import unreachable_folder

RUN_DIR = Path("/srv/distriktskort/run")


@pytest.fixture(scope="module")
def config() -> str:
    settings = ProxySettings("0.0.0.0:8080", f"unix:{RUN_DIR}/gunicorn.sock", RUN_DIR, "kort.example.dk")
    return nginx_config(settings, running_as_root=False)


def _directives(config: str) -> list[str]:
    return [line.split("#")[0].strip() for line in config.splitlines() if line.split("#")[0].strip()]


def test_every_file_nginx_writes_is_in_the_run_folder_and_it_stays_in_the_foreground(config):
    directives = _directives(config)
    for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        assert f"{kind}_temp_path {RUN_DIR}/{kind};" in directives
    assert f"pid {RUN_DIR}/nginx.pid;" in directives and "daemon off;" in directives
    assert not any(line.startswith("user ") for line in directives), "as a normal user, nginx is that user"
    assert "{{" not in config


def test_as_root_its_workers_drop_to_nobody():
    config = nginx_config(ProxySettings("127.0.0.1:8080", "unix:/x.sock", RUN_DIR), running_as_root=True)
    assert "user nobody nogroup;" in _directives(config)


def test_slow_clients_are_held_by_nginx_and_bodies_capped_at_the_apps_limit(config):
    directives = _directives(config)
    for directive in ("proxy_request_buffering on;", "proxy_buffering on;", "client_body_timeout 10s;",
                      "client_header_timeout 10s;", f"client_max_body_size {MAX_REQUEST_BYTES // 1024}k;"):  # fmt: skip
        assert directive in directives


def test_the_forwarded_headers_are_passed(config):
    directives = _directives(config)
    for header in ("Host $http_host", "X-Forwarded-For $remote_addr", "X-Forwarded-Proto $scheme",
                   "X-Forwarded-Host $http_host"):  # fmt: skip
        assert f"proxy_set_header {header};" in directives
    assert "listen 0.0.0.0:8080;" in directives and "server_name kort.example.dk;" in directives


def test_a_request_a_dying_worker_held_is_tried_once_more_on_the_same_socket(config):
    directives = _directives(config)
    assert directives.count(f"server unix:{RUN_DIR}/gunicorn.sock max_fails=0;") == 2
    assert "proxy_next_upstream error non_idempotent;" in directives and "proxy_next_upstream_tries 2;" in directives
    assert "http_503" not in config, "a busy picture maker's 503 goes to the reader, not to another try"


def test_static_files_get_the_apps_cache_headers_and_immutable_only_with_a_version(config):
    assert f"alias {ASSETS_FOLDER}/;" in config
    versioned = re.search(r"map \$arg_m\$arg_v \$assets_cache_control \{(.*?)\}", config, re.S).group(1)
    assert '"" "no-cache";' in versioned and f'default "{HASHED_CACHE}";' in versioned
    assert f"alias {package_folder('dash')}/$1$2.$3;" in config
    assert f'add_header Cache-Control "{STAMPED_CACHE}" always;' in config and "immutable" not in STAMPED_CACHE


def test_listen_addresses_and_bad_ports():
    assert listen_address("::", 443) == "[::]:443"
    with pytest.raises(ValueError, match="a port is a number from 1 to 65535, got 0"):
        listen_address("127.0.0.1", 0)


def test_a_run_folder_nginx_workers_cannot_reach_is_named():
    outer = Path(tempfile.mkdtemp(prefix="distriktskort-"))  # in /tmp, which everyone may pass
    try:
        outer.chmod(0o755)
        (outer / "closed" / "run").mkdir(parents=True)
        (outer / "closed").chmod(0o700)
        assert unreachable_folder(outer / "closed" / "run") == outer / "closed"
        (outer / "closed").chmod(0o711)
        assert unreachable_folder(outer / "closed" / "run") is None
    finally:
        shutil.rmtree(outer)
