#!/usr/bin/env bash
# Make sure Debian packages a part of the project needs are installed (Chromium for the browser tests and kaleido,
# nginx-light for make serve and the serving tests). Installs them with apt-get when running as root; otherwise
# says what to install and fails.
#
#   tools/ensure-debian.sh "WHO NEEDS THEM" "COMMANDS THAT MUST EXIST" PACKAGE...
#
# A command is a name on PATH or a path (nginx-light puts nginx in /usr/sbin, which a user's PATH may lack).
set -euo pipefail

who=$1 commands=$2
shift 2
present() {
  local command
  for command in $commands; do
    command -v "$command" >/dev/null 2>&1 || [[ -x $command ]] || return 1
  done
}

present && exit 0
if [[ $(id -u) -ne 0 ]]; then
  echo "$who need Debian's $*. Install them with:" >&2
  echo "  sudo apt-get install -y $*" >&2
  exit 1
fi
echo "Installing $* with apt-get ..." >&2
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -q "$@" >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q "$@" >/dev/null; }
present || { echo "$* did not install; see apt-get's output above." >&2; exit 1; }
