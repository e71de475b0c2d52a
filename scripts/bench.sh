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
