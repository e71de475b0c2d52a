#!/usr/bin/env bash
# The web UI benchmark (issue 27) on the international corpus store: story
# page, claims-over-time chart, brief, outlet pages and the main interactions
# in headless Chromium (bench/ui_bench.mjs). A benchmark, not a test.
#   scripts/ui-bench.sh [DB] [ROUNDS] [STORY] [first]
# DB: the store (default /tmp/marsad-ui-bench/ant_2018.db), built from
# ../shared/data/corpus/ant_2018_multisource.jsonl.gz when it does not exist
# (22,809 reports, 2-6 min); STORY: the story to time (default: the largest
# with a contested point that has a chart); "first": the story's and the
# outlets' first views on the fresh server this script starts (STORY needed).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUILD="${MARSAD_BUILD:-$ROOT/build}"
CORPUS="${MARSAD_SHARED_DIR:-$ROOT/../shared}/data/corpus/ant_2018_multisource.jsonl.gz"
DB="${1:-/tmp/marsad-ui-bench/ant_2018.db}"
ROUNDS="${2:-3}"
STORY="${3:-}"
MODE="${4:-}"

command -v node >/dev/null || { echo "ui-bench: node not installed"; exit 0; }
[ -x /usr/bin/chromium ] || { echo "ui-bench: chromium not installed"; exit 0; }
"$ROOT/scripts/build-web.sh"
export MARSAD_DATA_DIR="${MARSAD_DATA_DIR:-$ROOT/data}"
if [ ! -f "$DB" ]; then
  [ -f "$CORPUS" ] || { echo "ui-bench: $CORPUS not found"; exit 1; }
  mkdir -p "$(dirname "$DB")"
  echo "ui-bench: building $DB from $CORPUS"
  "$BUILD/marsad" ingest --db "$DB" "$CORPUS" | tail -1
fi
PORT=$((20000 + RANDOM % 20000))
"$BUILD/marsad" serve --db "$DB" --host 127.0.0.1 --port "$PORT" >/dev/null 2>&1 &
SPID=$!
trap 'kill "$SPID" 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  curl -fs "http://127.0.0.1:$PORT/api/health" >/dev/null 2>&1 && break
  sleep 0.2
done
echo "ui-bench: $(sqlite3 "$DB" 'SELECT COUNT(*) FROM articles' 2>/dev/null || echo '?') reports; load: $(cut -d' ' -f1-3 /proc/loadavg)"
node "$ROOT/bench/ui_bench.mjs" "http://127.0.0.1:$PORT" "$ROUNDS" $STORY $MODE
