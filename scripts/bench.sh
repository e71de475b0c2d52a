#!/usr/bin/env bash
# Speed and memory benchmarks on the real data in ../shared/data (make bench).
# Not timed tests: figures go to docs/RESULTS.md with this command.
# Usage: scripts/bench.sh BUILD_DIR
set -euo pipefail
BUILD=${1:-build}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${MARSAD_SHARED:-$ROOT/../shared}
export MARSAD_DATA_DIR=$ROOT/data
if [ ! -d "$SHARED/data" ]; then
  echo "bench: $SHARED/data not found; nothing to measure"
  exit 0
fi
step() { echo; echo "== $*"; }
# peak RSS and wall time of a whole command: GNU time if present, else bash.
# The command's own stderr (e.g. the list of rejected inputs) is dropped.
measure() {
  local t
  t=$(mktemp)
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "wall %e s, user %U s, peak RSS %M KiB" -o "$t" "$@" 2>/dev/null || true
    cat "$t"
  else
    time "$@" 2>/dev/null
  fi
  rm -f "$t"
}

CORPUS="$SHARED/data/corpus/saudinewsnet.jsonl.gz"
for T in 1 2; do
  step "ingest: the SaudiNewsNet corpus (31,030 records, 28 MB gzip) into a fresh SQLite store, $T thread(s)"
  DB=$(mktemp -d)/bench.db
  # The summary line gives documents and seconds; articles/s = stored / seconds.
  measure "$BUILD/marsad" ingest --threads $T --db "$DB" "$CORPUS"
  ls -l "$DB" | awk '{printf "store size %.1f MB\n", $5/1e6}'
  rm -rf "$(dirname "$DB")"
done
# Further steps are added below by each stage.

# --- clean (src/clean) ---
step "clean: microbenchmarks on our fixtures"
"$BUILD/bench/clean_bench" --benchmark_min_time=0.5 || true
if [ -f "$SHARED/data/html/scrapinghub_article_extraction/ground-truth.json" ]; then
  step "clean: HTML pages/s (181 real pages, one core)"
  measure "$BUILD/eval_clean" html "$SHARED/data/html/scrapinghub_article_extraction"
fi
if [ -f "$SHARED/data/corpus/saudinewsnet.jsonl.gz" ]; then
  step "clean: corpus articles/s (template learning + cleaning, one core)"
  measure "$BUILD/eval_clean" corpus "$SHARED/data/corpus/saudinewsnet.jsonl.gz"
fi

# --- dedup + story (src/dedup, src/story) ---
if [ -f "$SHARED/data/corpus/saudinewsnet.jsonl.gz" ]; then
  # The corpus replicated and perturbed; MARSAD_STORY_BENCH_REPORTS=1000000 for
  # the full-scale run recorded in docs/RESULTS.md (about 10 minutes).
  step "dedup+story: fingerprint/features and assignment, reports/s and memory (one core)"
  measure "$BUILD/bench/story_bench" --reports "${MARSAD_STORY_BENCH_REPORTS:-300000}" \
    --corpus "$SHARED/data/corpus/saudinewsnet.jsonl.gz"
fi

# --- text (src/text): normalize+tokenize+segment+stem+numbers+dates, one core ---
if [ -f "$CORPUS" ]; then
  step "text: text core over SaudiNewsNet content, one thread (words/s, peak RSS)"
  "$BUILD/bench/text_bench"
else
  echo "text: corpus missing; text benchmark skipped"
fi

# --- entities (src/nlp): model load, tagging tokens/s with features, whole stage; one core ---
if [ -f "$CORPUS" ]; then
  step "entities: model load time, tagging tokens/s, documents/s, peak RSS (one core, 5,000 reports)"
  taskset -c 0 "$BUILD/bench/ner_bench" 2>/dev/null || "$BUILD/bench/ner_bench"
else
  echo "entities: corpus missing; NER benchmark skipped"
fi

# --- facts (src/facts) and the whole per-document pipeline, one core ---
if [ -f "$CORPUS" ] && [ -x "$BUILD/bench/facts_bench" ]; then
  step "pipeline: clean + text + entities + facts per report, reports/s and stage shares (one core, 5,000 reports)"
  taskset -c 0 "$BUILD/bench/facts_bench" --limit 5000 2>/dev/null || "$BUILD/bench/facts_bench" --limit 5000
else
  echo "pipeline: corpus or facts_bench missing; pipeline benchmark skipped"
fi

# --- scale-out (src/distrib): NATS JetStream workers + one assigner into PostgreSQL ---
# A slice of the corpus (MARSAD_DISTRIB_BENCH_REPORTS, default 20000) through
# `marsad ingest --queue`, then 1 and 2 `marsad worker` processes and one
# `marsad worker --assign` into a throwaway PostgreSQL cluster, on loopback.
# Each process prints its busy time (first report in to last acknowledged);
# reports/s = stored / assigner busy time. Then the assigner's ceiling: the
# reports processed first by two workers, then assigned alone. The
# single-process SQLite figure for the same slice comes first, for comparison.
distrib_bench() {
  local PGBIN=/usr/lib/postgresql/15/bin NATS
  NATS=$(command -v nats-server || echo /usr/sbin/nats-server)
  if [ ! -x "$PGBIN/initdb" ] || [ ! -x "$NATS" ]; then
    echo "scale-out: postgresql or nats-server not installed; skipped"; return 0
  fi
  local N=${MARSAD_DISTRIB_BENCH_REPORTS:-20000}
  local TMP; TMP=$(mktemp -d); chmod 755 "$TMP"
  (zcat "$CORPUS" || true) | head -n "$N" > "$TMP/slice.jsonl"  # zcat sees SIGPIPE
  step "scale-out: single process into SQLite, $N reports, 2 threads (reference)"
  measure "$BUILD/marsad" ingest --threads 2 --db "$TMP/ref.db" "$TMP/slice.jsonl"
  local RUN=""
  if [ "$(id -u)" -eq 0 ]; then RUN="runuser -u postgres --"; chown postgres "$TMP"; fi
  local PGPORT=$((20000 + RANDOM % 20000)) NPORT NPID=0 Q
  $RUN "$PGBIN/initdb" -D "$TMP/pg" -A trust -U marsad -E UTF8 --locale=C >/dev/null
  $RUN "$PGBIN/pg_ctl" -D "$TMP/pg" -l "$TMP/pg.log" -w \
    -o "-p $PGPORT -k $TMP -c listen_addresses=127.0.0.1" start >/dev/null
  newdb() {
    $RUN "$PGBIN/psql" -q -h 127.0.0.1 -p "$PGPORT" -U marsad -d postgres -c "CREATE DATABASE $1" >/dev/null
    echo "postgresql://marsad@127.0.0.1:$PGPORT/$1"
  }
  # A fresh nats-server (empty streams) for each run.
  fresh_queue() {
    if [ "$NPID" != 0 ]; then kill "$NPID"; wait "$NPID" 2>/dev/null || true; fi
    NPORT=$((40000 + RANDOM % 20000))
    mkdir -p "$TMP/nats$NPORT"
    "$NATS" -js -a 127.0.0.1 -p "$NPORT" -sd "$TMP/nats$NPORT" >"$TMP/nats.log" 2>&1 &
    NPID=$!
    sleep 1
    Q="nats://127.0.0.1:$NPORT"
    "$BUILD/marsad" ingest --queue "$Q" "$TMP/slice.jsonl"
  }
  workers() {  # workers N IDLE_EXIT: starts N workers, their pids in WPIDS
    WPIDS=()
    for i in $(seq "$1"); do
      "$BUILD/marsad" worker --queue "$Q" --idle-exit "$2" >> "$TMP/workers.log" 2>&1 &
      WPIDS+=($!)
    done
  }
  local W DB
  for W in 1 2; do
    step "scale-out: $N reports, $W worker(s) + 1 assigner into PostgreSQL (2 cores in all)"
    fresh_queue
    DB=$(newdb "w$W")
    : > "$TMP/workers.log"
    workers "$W" 5
    measure "$BUILD/marsad" worker --queue "$Q" --assign --db "$DB" --idle-exit 5
    wait "${WPIDS[@]}" || true
    cat "$TMP/workers.log"
  done
  for TARGET in postgresql sqlite; do
    step "scale-out: the assigner alone on $N processed reports ($TARGET), its ceiling"
    fresh_queue
    : > "$TMP/workers.log"
    workers 2 3
    wait "${WPIDS[@]}" || true
    cat "$TMP/workers.log"
    if [ "$TARGET" = postgresql ]; then DB=$(newdb alone); else DB="$TMP/alone.db"; fi
    measure "$BUILD/marsad" worker --queue "$Q" --assign --db "$DB" --idle-exit 3
  done
  kill "$NPID"; wait "$NPID" 2>/dev/null || true
  $RUN "$PGBIN/pg_ctl" -D "$TMP/pg" -m fast -w stop >/dev/null
  rm -rf "$TMP"
}
if [ -f "$CORPUS" ]; then distrib_bench; fi

# --- search + server (src/search, src/server): latency and load with the corpus loaded ---
# The corpus in a fresh store (or MARSAD_SEARCH_BENCH_DB, an existing one),
# then search_bench: Store::Search, the /api/search and /api/stories/ID
# handlers in process, one thread, p50/p99 (target: search p99 < 50 ms).
# Then `marsad serve` on loopback under wrk, rotating over the same requests
# (MARSAD_WRK_SECONDS per run, default 30): requests/s, latency, socket
# errors and non-2xx answers, the server's RSS before and after each of
# three runs (steady memory: it settles after the first runs, as each server
# thread's SQLite connection and caches fill, and should not keep growing).
# wrk's timeout is 10 s, so that the slowest story pages show in the latency
# distribution; socket timeouts are requests slower than that.
search_bench() {
  local TMP DB PORT SPID i
  TMP=$(mktemp -d)
  DB=${MARSAD_SEARCH_BENCH_DB:-$TMP/search.db}
  if [ ! -f "$DB" ]; then
    step "search: the corpus into a store for the search benchmarks"
    measure "$BUILD/marsad" ingest --quiet --threads 2 --db "$DB" "$CORPUS"
  fi
  step "search: Store::Search and /api/search (the 67 queries of tests/gold/search, pages of 20, 3 rounds) and /api/stories/ID (300 stories incl. the 20 largest, 3 rounds), in process, one thread"
  "$BUILD/bench/search_bench" --db "$DB" --paths-out "$TMP/paths.txt"
  if ! command -v wrk >/dev/null; then
    echo "serve: wrk not installed (scripts/install-deps.sh); load test skipped"
    rm -rf "$TMP"; return 0
  fi
  PORT=$((20000 + RANDOM % 20000))
  "$BUILD/marsad" serve --db "$DB" --port "$PORT" >"$TMP/serve.log" 2>&1 &
  SPID=$!
  for i in $(seq 50); do
    curl -fs "http://127.0.0.1:$PORT/api/health" >/dev/null 2>&1 && break
    sleep 0.2
  done
  { echo "local paths = {"; sed 's/.*/"&",/' "$TMP/paths.txt"; echo "}"
    echo 'local i = 0'
    echo 'request = function() i = i + 1; return wrk.format("GET", paths[(i % #paths) + 1]) end'
  } > "$TMP/rotate.lua"
  rss() { awk '/VmRSS|RssAnon/ {printf "%s %s KiB  ", $1, $2} END {print ""}' "/proc/$SPID/status"; }
  echo "serve RSS at start: $(rss)"
  for i in 1 2 3; do
    step "serve: wrk run $i, 2 threads, 16 connections, ${MARSAD_WRK_SECONDS:-30} s, searches and story pages on loopback (server: default 16 threads)"
    wrk -t2 -c16 -d"${MARSAD_WRK_SECONDS:-30}s" --timeout 10s --latency -s "$TMP/rotate.lua" \
      "http://127.0.0.1:$PORT"
    echo "serve RSS after run $i: $(rss)"
  done
  # The web UI in headless Chromium against the same server: time from
  # navigation to content for the main pages, and for the largest story.
  if command -v node >/dev/null && [ -x /usr/bin/chromium ] && [ -f "$ROOT/web/dist/index.html" ]; then
    step "web UI: main pages in headless Chromium, with the corpus loaded (bench/ui_bench.mjs)"
    local HEAVY
    HEAVY=$(sqlite3 "$DB" "SELECT story_id FROM articles WHERE story_id IS NOT NULL GROUP BY story_id ORDER BY COUNT(*) DESC LIMIT 1" 2>/dev/null || true)
    node "$ROOT/bench/ui_bench.mjs" "http://127.0.0.1:$PORT" 3 $HEAVY || true
    echo "serve RSS after the UI: $(rss)"
  else
    echo "web UI: node, chromium or web/dist missing; UI timing skipped"
  fi
  kill "$SPID"; wait "$SPID" 2>/dev/null || true
  rm -rf "$TMP"
}
if [ -f "$CORPUS" ]; then search_bench; fi
