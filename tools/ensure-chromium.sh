#!/usr/bin/env bash
# Make sure Debian's chromium and chromium-driver are installed, for the browser tests and kaleido.
# Installs them with apt-get when running as root; otherwise says what to install and fails.
set -euo pipefail

if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
  exit 0
fi
if [[ $(id -u) -ne 0 ]]; then
  echo "The browser tests need Debian's chromium and chromium-driver. Install them with:" >&2
  echo "  sudo apt-get install -y chromium chromium-driver" >&2
  exit 1
fi
echo "Installing chromium and chromium-driver with apt-get ..." >&2
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -q chromium chromium-driver >/dev/null \
  || { apt-get update -q >/dev/null && apt-get install -y -q chromium chromium-driver >/dev/null; }
command -v chromedriver >/dev/null 2>&1 || { echo "chromium-driver did not install; see apt-get's output above." >&2; exit 1; }
