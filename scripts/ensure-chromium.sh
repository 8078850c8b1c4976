#!/usr/bin/env bash
# Puppeteer never downloads a browser here: we use Debian's Chromium. Install it when it is missing and we
# are root on Debian; otherwise say how.
set -euo pipefail
chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$chromium_path" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1 && [ -f /etc/debian_version ]; then
  echo "Chromium is missing at $chromium_path: installing Debian's chromium package..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq chromium >&2
  if [ -x "$chromium_path" ]; then exit 0; fi
  echo "Installed chromium, but $chromium_path is still missing: set CHROMIUM_PATH to its location." >&2
  exit 1
fi
cat >&2 <<MSG
Chromium was not found at $chromium_path.
Install it and run again, for example:
  Debian/Ubuntu:  sudo apt-get install -y chromium      (then CHROMIUM_PATH=/usr/bin/chromium)
  elsewhere:      install Chromium or Chrome and set CHROMIUM_PATH to its executable
MSG
exit 1
