#!/usr/bin/env bash
# Builds the web UI into web/dist (served by `marsad serve`).
# Idempotent: installs node_modules only when package-lock.json changed, and
# rebuilds only when a source file changed (a hash of the sources is kept in
# web/dist/.build-stamp). Needs no network once node_modules is installed:
# `npm ci --offline` (from npm's cache) first, then plain `npm ci`.
# Exit codes: 0 built or up to date; 1 build failed; 2 node/npm missing
# (callers that treat the UI as optional may ignore 2).
set -euo pipefail

cd "$(dirname "$0")/../web"

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "build-web: node/npm not found; web UI not built" >&2
  exit 2
fi

lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f node_modules/.marsad-lock-hash ] ||
   [ "$(cat node_modules/.marsad-lock-hash)" != "$lock_hash" ]; then
  echo "build-web: installing node_modules (npm ci)"
  npm ci --offline --no-audit --no-fund --loglevel=error ||
    npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_hash" > node_modules/.marsad-lock-hash
fi

src_hash=$( (find src public mock -type f -print0 2>/dev/null | sort -z | xargs -0 sha256sum;
             sha256sum index.html vite.config.ts tsconfig.json package-lock.json) | sha256sum | cut -d' ' -f1)
if [ -f dist/index.html ] && [ -f dist/.build-stamp ] &&
   [ "$(cat dist/.build-stamp)" = "$src_hash" ]; then
  echo "build-web: web/dist up to date"
  exit 0
fi

echo "build-web: building web/dist"
npm run --silent build -- --logLevel warn
echo "$src_hash" > dist/.build-stamp
echo "build-web: web/dist built"
