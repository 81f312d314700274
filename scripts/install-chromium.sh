#!/usr/bin/env bash
# The browser tests drive Debian's chromium (/usr/bin/chromium); install it once if it is missing.
# Playwright's own browser download is never used: nothing is fetched at test time.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get install -y --no-install-recommends chromium \
  || { $SUDO apt-get update && $SUDO apt-get install -y --no-install-recommends chromium; }
