#!/bin/bash
# The answers the story cache (issue 27, src/server/story_cache.h) serves,
# for comparing two builds byte for byte: the 10 largest stories (page,
# points, points?limit=1000, both briefs), story 1 and a missing one, every
# outlet's profile and a missing one, each asked twice (cold, then warm), one
# file per answer, and OUT.times (path, cold|warm, HTTP code, seconds).
#   scripts/story-answers.sh MARSAD DB OUT     (then: diff -r OUT1 OUT2)
#   scripts/story-answers.sh --first MARSAD DB (a fresh server's first views:
#       the CNN profile twice, then the story page of each of $STORIES, by
#       default the two largest stories of DB, then the first one's HTML brief
#       and its points, which the page has not made)
# Needs curl, jq, sqlite3. MARSAD_DATA_DIR as for `marsad serve`.
set -u
first=0
[ "${1:-}" = "--first" ] && { first=1; shift; }
M=$1; DB=$2; OUT=${3:-/tmp/story-answers}
PORT=$((20000 + RANDOM % 20000))
"$M" serve --db "$DB" --host 127.0.0.1 --port $PORT >/dev/null 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null' EXIT
for _ in $(seq 100); do curl -s localhost:$PORT/api/health >/dev/null && break; sleep 0.2; done
u() { python3 -c 'import urllib.parse,sys;print(urllib.parse.quote(sys.argv[1]))' "$1"; }
if [ $first = 1 ]; then
  p="localhost:$PORT/api/outlets/$(u 'CNN بالعربية')/profile"
  t() { curl -s -o /dev/null -w "%{time_total}" "$1"; }
  STORIES=${STORIES:-$(sqlite3 "$DB" "select id from stories order by article_count desc, id limit 2")}
  line="$(basename "$M") profile $(t "$p") then $(t "$p")"
  for s in $STORIES; do line="$line | story $s $(t localhost:$PORT/api/stories/$s)"; done
  s1=$(echo $STORIES | cut -d' ' -f1)
  line="$line | brief $s1 $(t "localhost:$PORT/api/stories/$s1/brief?format=html") | points $s1 $(t localhost:$PORT/api/stories/$s1/points)"
  echo "$line | load $(cut -d' ' -f1 /proc/loadavg)"
  exit 0
fi
mkdir -p "$OUT"; rm -f "$OUT"/*; : > "$OUT.times"
n=0
get() {
  for r in cold warm; do
    n=$((n+1))
    curl -s -g -o "$OUT/$(printf %04d $n)" -w "$1 $r %{http_code} %{time_total}\n" "localhost:$PORT$1" >> "$OUT.times"
  done
}
for s in $(sqlite3 "$DB" "select id from stories order by article_count desc limit 10") 1 99999999; do
  get /api/stories/$s; get /api/stories/$s/points; get "/api/stories/$s/points?limit=1000"
  get "/api/stories/$s/brief?format=md"; get "/api/stories/$s/brief?format=html"
done
mapfile -t OUTS < <(curl -s localhost:$PORT/api/outlets | jq -r '.items[].outlet')
for o in "${OUTS[@]}" nosuch; do get "/api/outlets/$(u "$o")/profile"; done
echo "$n answers in $OUT"
