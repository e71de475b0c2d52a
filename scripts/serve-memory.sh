#!/usr/bin/env bash
# Resident memory of `marsad serve` on a store, after a round of requests
# (issue 25: serve's memory on a large archive). Starts the server on a free
# port, asks for the story list (two pages), two searches, outlets,
# entities, events, timeline, places and the ten newest stories with their
# points and briefs, prints each answer's status and time, then the
# server's resident and peak memory (VmRSS, VmHWM).
# Usage: scripts/serve-memory.sh DB [MARSAD_BINARY]
set -euo pipefail
DB=${1:?usage: serve-memory.sh DB [MARSAD_BINARY]}
BIN=${2:-build/marsad}
PORT=${PORT:-18777}
"$BIN" serve --db "$DB" --port "$PORT" > /dev/null 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
for i in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/api/health" > /dev/null && break
  sleep 1
done
echo "started after ${i} s: $(grep VmRSS /proc/$PID/status)"
get() {
  curl -s -m 120 -o /dev/null -w "$1 -> %{http_code} %{time_total} s\n" \
    "http://127.0.0.1:$PORT$1"
}
for path in "/api/stories?limit=50" "/api/stories?limit=50&page=2" \
  "/api/search?q=%D8%A7%D9%84%D8%B1%D9%8A%D8%A7%D8%B6" \
  "/api/search?q=%D8%AD%D8%A7%D8%AF%D8%AB" /api/outlets /api/entities \
  /api/events /api/timeline /api/places; do
  get "$path"
done
ids=$(curl -s "http://127.0.0.1:$PORT/api/stories?limit=10" |
  python3 -c 'import json,sys; print(" ".join(str(s["id"]) for s in json.load(sys.stdin)["items"]))')
for id in $ids; do
  get "/api/stories/$id"
  get "/api/stories/$id/points" > /dev/null
  get "/api/stories/$id/brief" > /dev/null
done
grep -E 'VmRSS|VmHWM' /proc/$PID/status
