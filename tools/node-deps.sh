#!/usr/bin/env bash
# The reading systems the tests run the e-book in, from the npm registry, pinned by tools/node/package-lock.json:
# Ace by DAISY (accessibility checker, run through Debian's Chromium) and epub.js. --ignore-scripts: nothing is
# downloaded beyond the packages (Ace's Electron runner and Puppeteer's own browser are not used).
# Without node/npm, or without the registry, it says so and the tests that need them are skipped.
set -u
cd "$(dirname "$0")/node" || exit 0
[ node_modules/.package-lock.json -nt package-lock.json ] && exit 0
if ! command -v npm >/dev/null; then
  echo "note: npm is not installed: the Ace and epub.js tests are skipped (install nodejs and npm)" >&2
  exit 0
fi
echo "installing the test reading systems (npm ci in tools/node)"
PUPPETEER_SKIP_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null ||
  echo "warning: npm ci failed in tools/node; the Ace and epub.js tests are skipped" >&2
exit 0
