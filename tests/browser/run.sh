#!/usr/bin/env bash
# ctest entry for the browser end-to-end test. Exits 77 (ctest: skipped)
# with a message when a prerequisite is missing: node, chromium, the seeds,
# or the web UI's node_modules when they cannot be installed.
#   tests/browser/run.sh MARSAD_BIN SHARED_DIR
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bin="${1:-$root/build/marsad}"
shared="${2:-$root/../shared}"
chromium="${MARSAD_CHROMIUM:-/usr/bin/chromium}"

skip() { echo "SKIPPED: $*"; exit 77; }
command -v node >/dev/null || skip "node not installed"
[ -x "$chromium" ] || skip "chromium not installed at $chromium (apt-get install chromium)"
[ -x "$bin" ] || skip "marsad binary not found at $bin"
[ -d "$shared/seeds" ] || skip "seeds not found at $shared/seeds"
"$root/scripts/build-web.sh"
rc=$?
[ $rc -eq 2 ] && skip "npm not installed"
[ $rc -eq 0 ] || { echo "web UI build failed"; exit 1; }

export MARSAD_BIN="$bin" MARSAD_SEEDS="$shared/seeds" MARSAD_WEB_DIST="$root/web/dist" MARSAD_CHROMIUM="$chromium"
exec node --test --test-timeout=300000 "$here/e2e.test.mjs"
