#!/usr/bin/env bash
# Install the npm packages the tests use (axe-core), pinned by package-lock.json. Idempotent and
# quiet; never fails the caller: without npm the accessibility test skips with that reason.
set -u
cd "$(dirname "$0")/.."
if [ -f node_modules/axe-core/axe.min.js ] && [ node_modules/.package-lock.json -nt package-lock.json ]; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "install-npm: npm is not available; the accessibility test will be skipped." >&2
  exit 0
fi
npm ci --no-audit --no-fund --silent >/dev/null 2>&1 || \
  echo "install-npm: npm ci failed; the accessibility test will be skipped." >&2
exit 0
