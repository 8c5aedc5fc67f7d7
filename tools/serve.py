"""``make serve``: nginx on the public port in front of gunicorn on a unix socket, run together until stopped.

    python -m tools.serve [--host 127.0.0.1] [--port 8050] [--run-dir .run] [--server-name NAME]

Writes ``RUN_DIR/nginx.conf`` (``serving/proxy.py``), starts gunicorn (``gunicorn.conf.py``) on
``RUN_DIR/gunicorn.sock``, and once it listens, nginx in the foreground. nginx logs each request to stdout (gunicorn
does not, so nothing is logged twice). Ctrl-C or SIGTERM stops nginx gracefully, then gunicorn; SIGHUP is passed to
both (gunicorn starts new workers and lets the old ones finish, nginx rereads its config). When either stops by itself, the other
is stopped too, and the exit code is 1.
"""

from __future__ import annotations

import argparse
import ctypes
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from serving.links import TRUSTED_PROXIES_ENV
from serving.proxy import ProxySettings, listen_address, nginx_config

ROOT = Path(__file__).resolve().parent.parent
NGINX_PLACES = ("/usr/sbin/nginx",)  # where Debian puts it, outside a normal user's PATH
START_TIMEOUT_S = 120  # gunicorn loads the dataset before it listens: seconds for a large one
STOP_TIMEOUT_S = 40  # above gunicorn's graceful_timeout, so its workers finish what they hold
EXIT_USAGE = 2
PR_SET_PDEATHSIG = 1  # Linux's prctl option: the signal a child gets when its parent dies


def find_nginx() -> str | None:
    return shutil.which("nginx") or next((place for place in NGINX_PLACES if os.access(place, os.X_OK)), None)


def _die_with_parent() -> None:
    # If this supervisor is killed outright, its children get SIGTERM rather than keep the port and the socket.
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def _start(command: list[str], environment: dict[str, str] | None = None) -> subprocess.Popen:
    # Their own session: a Ctrl-C in the terminal reaches only the supervisor, which stops them in order.
    return subprocess.Popen(command, cwd=ROOT, env=environment, start_new_session=True, preexec_fn=_die_with_parent)


def _listening(path: Path) -> bool:
    with socket.socket(socket.AF_UNIX) as probe:
        try:
            probe.connect(str(path))
        except OSError:
            return False
    return True


def _wait_for_socket(gunicorn: subprocess.Popen, path: Path, stopping: list[int]) -> bool:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline and not stopping and gunicorn.poll() is None:
        if _listening(path):
            return True
        time.sleep(0.1)
    return False


def _stop(process: subprocess.Popen, signal_number: int) -> None:
    if process.poll() is None:
        process.send_signal(signal_number)
    try:
        process.wait(STOP_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="tools/serve.py", description=__doc__.splitlines()[0].strip("`: "))
    parser.add_argument("--host", default="127.0.0.1", help="where nginx listens (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8050, help="nginx's port (default: 8050)")
    parser.add_argument("--run-dir", type=Path, default=ROOT / ".run", help="config, socket, pids (default: .run)")
    parser.add_argument("--server-name", default="_", help="nginx's server_name (default: any host)")
    return parser.parse_args(argv)


def unreachable_folder(run_dir: Path) -> Path | None:
    """As root, nginx's workers run as nobody (serving/proxy.py): the first folder on the way to ``run_dir`` they
    could not pass through, if any. They need to, for gunicorn's socket and their temporary files."""
    for folder in (*reversed(run_dir.parents), run_dir):
        if not folder.stat().st_mode & 0o001:
            return folder
    return None


def _gunicorn_command(run_dir: Path, upstream: Path) -> list[str]:
    return [
        *(sys.executable, "-m", "gunicorn", "--bind", f"unix:{upstream}"),
        *("--pid", str(run_dir / "gunicorn.pid"), "--control-socket", str(run_dir / "gunicorn.ctl")),
        *("--access-logfile", "/dev/null"),  # nginx logs every request, with the reader's address
        "app:server",
    ]


def _write_config(arguments: argparse.Namespace, run_dir: Path, upstream: Path) -> Path:
    settings = ProxySettings(
        listen=listen_address(arguments.host, arguments.port),
        upstream=f"unix:{upstream}",
        run_dir=run_dir,
        server_name=arguments.server_name,
    )
    config = run_dir / "nginx.conf"
    config.write_text(nginx_config(settings), encoding="utf-8")
    return config


def _supervise(gunicorn: subprocess.Popen, proxy: subprocess.Popen, stopping: list[int]) -> str:
    """Wait for a stop signal or for either to stop; stop both in order; return which stopped by itself, if one."""
    while not stopping and gunicorn.poll() is None and proxy.poll() is None:
        time.sleep(0.2)
    stopped_by_itself = "" if stopping else ("gunicorn" if gunicorn.poll() is not None else "nginx")
    _stop(proxy, signal.SIGQUIT)  # nginx's graceful stop: it finishes the requests it holds
    _stop(gunicorn, signal.SIGTERM)  # gunicorn's graceful stop
    return stopped_by_itself


def main(argv: list[str] | None = None) -> int:
    arguments = _arguments(argv)
    nginx = find_nginx()
    if nginx is None:
        print("tools/serve.py: nginx is missing. Run `make nginx` (as root), or apt-get install nginx-light.",
              file=sys.stderr)  # fmt: skip
        return EXIT_USAGE
    run_dir = arguments.run_dir.resolve()
    run_dir.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        run_dir.chmod(0o755)
        if (closed := unreachable_folder(run_dir)) is not None:
            print(f"tools/serve.py: nginx's workers (user nobody) cannot reach {run_dir}: {closed} is closed to "
                  "others. Use a --run-dir they can reach, or chmod o+x it.", file=sys.stderr)  # fmt: skip
            return EXIT_USAGE
    upstream = run_dir / "gunicorn.sock"
    if _listening(upstream):
        print(f"tools/serve.py: a server already listens on {upstream}; stop it first.", file=sys.stderr)
        return EXIT_USAGE
    upstream.unlink(missing_ok=True)
    nginx_command = [nginx, "-p", str(run_dir), "-c", str(_write_config(arguments, run_dir, upstream))]
    if subprocess.run([*nginx_command, "-t", "-q"], cwd=ROOT).returncode != 0:
        return EXIT_USAGE  # nginx has said what is wrong, with the line

    stopping: list[int] = []
    signal.signal(signal.SIGTERM, lambda number, _frame: stopping.append(number))
    signal.signal(signal.SIGINT, lambda number, _frame: stopping.append(number))
    # One proxy, nginx, stands in front: the app may believe its X-Forwarded-* headers (serving/links.py), and
    # only those, as gunicorn is reachable only through nginx. Set it higher with another balancer before nginx.
    environment = {**os.environ, TRUSTED_PROXIES_ENV: os.environ.get(TRUSTED_PROXIES_ENV) or "1"}
    gunicorn = _start(_gunicorn_command(run_dir, upstream), environment)
    if not _wait_for_socket(gunicorn, upstream, stopping):
        _stop(gunicorn, signal.SIGTERM)
        print(f"tools/serve.py: gunicorn did not start (exit {gunicorn.returncode}).", file=sys.stderr)
        return 0 if stopping else 1
    proxy = _start(nginx_command)
    signal.signal(signal.SIGHUP, lambda *_: [process.send_signal(signal.SIGHUP) for process in (gunicorn, proxy)])
    print(f"Distriktskort behind nginx on http://{listen_address(arguments.host, arguments.port)}", file=sys.stderr)
    stopped_by_itself = _supervise(gunicorn, proxy, stopping)
    upstream.unlink(missing_ok=True)
    if stopped_by_itself:
        print(f"tools/serve.py: {stopped_by_itself} stopped by itself; see above.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
