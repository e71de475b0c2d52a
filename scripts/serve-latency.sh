#!/usr/bin/env bash
# Latency of `marsad serve` on a store, per GET (issue 25, step 5: the
# server on a large store). Starts the server on a free port (a writable
# store is migrated first, as `marsad serve` always does: "started after"
# includes it), asks every path of PATHS_FILE (one per line) REPEAT times
# (the first is cold), keeps the first answer's body in OUTDIR/N.body and
# its path in OUTDIR/N.path (compare two runs with cmp; lines starting with
# '#' are skipped), prints each path's
# status and times, then the server's resident and peak memory.
# Usage: scripts/serve-latency.sh MARSAD_BINARY DATA_DIR DB PATHS_FILE OUTDIR [REPEAT]
set -uo pipefail
BIN=${1:?usage: serve-latency.sh BIN DATA_DIR DB PATHS_FILE OUTDIR [REPEAT]}
DATA=${2:?}; DB=${3:?}; PATHS=${4:?}; OUT=${5:?}; REPEAT=${6:-3}
PORT=${PORT:-18931}
mkdir -p "$OUT"
t0=$(date +%s.%N)
MARSAD_DATA_DIR=$DATA "$BIN" serve --db "$DB" --port "$PORT" > "$OUT/serve.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
for _ in $(seq 1 1200); do
  curl -sf "http://127.0.0.1:$PORT/api/health" > /dev/null && break
  sleep 0.5
done
t1=$(date +%s.%N)
echo "started after $(echo "$t1 - $t0" | bc) s: $(grep VmRSS /proc/$PID/status)"
n=0
while read -r path; do
  case $path in '' | '#'*) continue ;; esac
  n=$((n+1))
  times=""
  for r in $(seq 1 "$REPEAT"); do
    body=/dev/null
    [ "$r" = 1 ] && body="$OUT/$n.body"
    t=$(curl -s -m 300 -o "$body" -w '%{http_code} %{time_total}' "http://127.0.0.1:$PORT$path")
    times="$times ${t#* }"; code=${t%% *}
  done
  echo "$path" > "$OUT/$n.path"
  printf '%-60s %s %s\n' "$path" "$code" "$times"
done < "$PATHS"
grep -E 'VmRSS|VmHWM' /proc/$PID/status
