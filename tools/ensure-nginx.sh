#!/usr/bin/env bash
# Make sure Debian's nginx (the nginx-light package) is installed, for `make serve` and the serving tests.
# Installs it with apt-get when running as root; otherwise says what to install and fails. nginx then runs as any
# user from a config in the project's run folder (tools/serve.py): the system's own nginx service is not used.
set -euo pipefail

if command -v nginx >/dev/null 2>&1 || [[ -x /usr/sbin/nginx ]]; then
  exit 0
fi
if [[ $(id -u) -ne 0 ]]; then
  echo "make serve and the serving tests need Debian's nginx. Install it with:" >&2
  echo "  sudo apt-get install -y nginx-light" >&2
  exit 1
fi
echo "Installing nginx-light with apt-get ..." >&2
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -q nginx-light >/dev/null \
  || { apt-get update -q >/dev/null && apt-get install -y -q nginx-light >/dev/null; }
[[ -x /usr/sbin/nginx ]] || { echo "nginx-light did not install; see apt-get's output above." >&2; exit 1; }
