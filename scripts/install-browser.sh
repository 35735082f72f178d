#!/usr/bin/env bash
# Install headless Chromium for the report's browser tests and `shomar report --pdf`, if missing.
# Idempotent and quiet; never fails the caller: without apt-get or root it only explains, and
# the browser tests then skip with that reason. The report embeds its own Persian font
# (Vazirmatn), so no font package is needed.
set -u

for name in chromium chromium-browser google-chrome chromium-headless-shell; do
  if command -v "$name" >/dev/null 2>&1; then
    exit 0
  fi
done
if [ -x /usr/bin/chromium ]; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-browser: apt-get is not available; install Chromium by hand to run the browser tests." >&2
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-browser: not root; run 'apt-get install chromium' as root to run the browser tests." >&2
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
if ! apt-get update -qq >/dev/null 2>&1; then
  echo "install-browser: apt-get update failed; browser tests will be skipped." >&2
  exit 0
fi
if ! apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null 2>&1; then
  echo "install-browser: could not install chromium; browser tests will be skipped." >&2
fi
exit 0
