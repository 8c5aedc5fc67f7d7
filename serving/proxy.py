"""nginx in front of gunicorn: the config, made from ``serving/nginx.conf.template`` for one machine and run folder.

nginx holds what gunicorn's threads should not: slow clients (it reads a whole request before gunicorn sees it,
and feeds answers out at the reader's pace), and the static files, which it sends from disk with the same cache
headers the app gives them. ``tools/serve.py`` writes the config and runs the two together (``make serve``).
"""

from __future__ import annotations

import importlib.util
import os
import re
from dataclasses import dataclass
from pathlib import Path

from serving.compression import COMPRESSED_TYPES, LEVELS
from serving.guard import MAX_REQUEST_BYTES
from serving.headers import HASHED_CACHE

TEMPLATE = Path(__file__).with_name("nginx.conf.template")
ASSETS_FOLDER = Path(__file__).resolve().parent.parent / "assets"
MIME_TYPES = Path("/etc/nginx/mime.types")  # Debian's nginx-common
# Packages whose scripts Dash serves under /_dash-component-suites/ with a version stamp in the name.
COMPONENT_PACKAGES = ("dash",)
# What Dash itself sends for such a name (dash/backends/_flask.py): a year, but not immutable, as the stamp is a
# version and a file time rather than a hash of the content.
STAMPED_CACHE = "public, max-age=31536000"
SUITE_LOCATION = r"""        # {package}'s scripts and styles, stamped with their version and file time (dash/fingerprint.py).
        location ~ "^/_dash-component-suites/{package}/((?:[^/]+/)*)([^/.]+)\.v[\w-]+m[0-9a-fA-F]+\.([^/]*(?:js|css|map))$" {{
            alias {folder}/$1$2.$3;
            add_header Cache-Control "{cache}" always;
            add_header X-Content-Type-Options nosniff always;
            gzip on;
            gzip_comp_level {gzip_level};
            gzip_vary on;
            gzip_types {gzip_types};
        }}
"""
PLACEHOLDER = re.compile(r"\{\{ (\w+) \}\}")


@dataclass(frozen=True)
class ProxySettings:
    """Where nginx listens and where it finds gunicorn and the files.

    ``listen`` is nginx's ``host:port`` (an IPv6 host in brackets); ``upstream`` is gunicorn's address as nginx
    writes it (``unix:/path/gunicorn.sock`` or ``127.0.0.1:8000``); ``run_dir`` holds the pid, temporary files and
    the config itself.
    """

    listen: str
    upstream: str
    run_dir: Path
    server_name: str = "_"
    access_log: str = "/dev/stdout"


def listen_address(host: str, port: int) -> str:
    """nginx's ``listen`` value for a host and port.

    >>> listen_address("127.0.0.1", 8050), listen_address("::1", 8050), listen_address("0.0.0.0", 80)
    ('127.0.0.1:8050', '[::1]:8050', '0.0.0.0:80')
    """
    if not 0 < port < 65536:
        raise ValueError(f"a port is a number from 1 to 65535, got {port}")
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def package_folder(package: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ValueError(f"cannot find the installed package {package!r}: is the venv active?")
    return Path(next(iter(spec.submodule_search_locations))).resolve()


def _gzip() -> dict[str, str]:
    # What the app compresses, and how hard (serving/compression.py); nginx always compresses text/html, and says
    # so if it is listed.
    types = " ".join(media_type for media_type in COMPRESSED_TYPES if media_type != "text/html")
    return {"gzip_types": types, "gzip_level": str(LEVELS["COMPRESS_LEVEL"])}


def _suites() -> str:
    return "\n".join(
        SUITE_LOCATION.format(package=package, folder=package_folder(package), cache=STAMPED_CACHE, **_gzip())
        for package in COMPONENT_PACKAGES
    ).rstrip("\n")


def nginx_config(settings: ProxySettings, running_as_root: bool | None = None) -> str:
    """The text of nginx.conf for ``settings``.

    Run as root (a container), nginx's master drops its workers to ``nobody``; run as anyone else, it is simply that
    user, on a port above 1024.

    >>> text = nginx_config(ProxySettings("127.0.0.1:8080", "unix:/run/d/gunicorn.sock", Path("/run/d")), False)
    >>> "listen 127.0.0.1:8080;" in text, "server unix:/run/d/gunicorn.sock max_fails=0;" in text
    (True, True)
    >>> "client_body_temp_path /run/d/client_body;" in text, "{{" in text
    (True, False)
    """
    if running_as_root is None:
        running_as_root = os.geteuid() == 0
    values = {
        "user": "user nobody nogroup;  # the master runs as root here; its workers do not" if running_as_root else "",
        "run_dir": str(settings.run_dir),
        "access_log": settings.access_log,
        "mime_types": str(MIME_TYPES),
        "max_body": f"{MAX_REQUEST_BYTES // 1024}k",
        "upstream": settings.upstream,
        "versioned_cache": HASHED_CACHE,
        "listen": settings.listen,
        "server_name": settings.server_name,
        "assets": str(ASSETS_FOLDER),
        "component_suites": _suites(),
        **_gzip(),
    }
    return PLACEHOLDER.sub(lambda match: values[match.group(1)], TEMPLATE.read_text(encoding="utf-8"))
