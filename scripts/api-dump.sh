#!/bin/bash
# Answers of every GET endpoint the web UI uses, one file per request, for
# comparing two builds byte for byte (issue 25: outputs held identical).
# took_ms (a timing) is zeroed; JSON is key-sorted by jq. Needs curl, jq.
# Usage: scripts/api-dump.sh MARSAD DB OUTDIR   (then: diff -r OUT1 OUT2)
set -u
M=$1; DB=$2; OUT=$3; mkdir -p $OUT; rm -f $OUT/[0-9]* $OUT/index
PORT=$((20000 + RANDOM % 20000))
$M serve --db $DB --port $PORT >$OUT.serve.log 2>&1 &
PID=$!
for i in $(seq 50); do curl -s localhost:$PORT/api/health >/dev/null && break; sleep 0.2; done
n=0
get() { n=$((n+1)); echo "$1" >> $OUT/index; curl -s -g "localhost:$PORT$1" -w '\n%{http_code}\n' | jq -S 'if type=="object" and has("took_ms") then .took_ms=0 else . end' > $OUT/$(printf %04d $n) 2>/dev/null || curl -s -g "localhost:$PORT$1" > $OUT/$(printf %04d $n); }
raw() { n=$((n+1)); echo "$1" >> $OUT/index; curl -s -g "localhost:$PORT$1" -w '\n%{http_code}\n' > $OUT/$(printf %04d $n); }
u() { python3 -c 'import urllib.parse,sys;print(urllib.parse.quote(sys.argv[1]))' "$1"; }
get /api/health
for q in "" "?limit=200" "?limit=7&offset=13" "?offset=100000"; do get /api/stories$q; done
raw "/api/stories?limit=0"
SIDS=$(curl -s "localhost:$PORT/api/stories?limit=200" | jq -r '.items[] | select(.article_count>=2) | .id' | head -12)
for s in $SIDS 1 2 99999999; do get /api/stories/$s; get "/api/stories/$s/points"; raw "/api/stories/$s/brief?format=md"; get "/api/events?story=$s"; get "/api/places?story=$s"; get "/api/timeline?story=$s"; done
for a in 1 2 3 50 400 4000 99999999; do get /api/articles/$a; done
get /api/outlets
mapfile -t OUTS < <(curl -s localhost:$PORT/api/outlets | jq -r '.items[].outlet' | head -8)
for o in "${OUTS[@]}" nosuch; do get "/api/outlets/$(u "$o")/profile"; done
get /api/alerts
for q in "" "?limit=200" "?type=PER" "?type=LOC&limit=20&offset=5" "?q=$(u السعود)" "?q=$(u عبد)&type=PER"; do get "/api/entities$q"; done
for e in $(curl -s "localhost:$PORT/api/entities?limit=15" | jq -r '.items[].id') $(curl -s "localhost:$PORT/api/entities?limit=5&type=LOC" | jq -r '.items[].id') nosuch; do get "/api/entities/$(u "$e")"; get "/api/entities/$(u "$e")?limit=3&offset=2"; done
for q in "" "?limit=200" "?type=ASSAULT" "?from=2015-01-01&to=2015-06-30" "?limit=5&offset=10" "?to=2016-02-01" "?type=CONSULT&from=2018-01-01&limit=200" "?type=AID&from=2018-01-01"; do get "/api/events$q"; done
for q in "" "?from=2015-03-01" "?to=2016-05-01&from=2014-01-01" "?from=2018-01-01&to=2018-12-31"; do get "/api/timeline$q"; done
for q in "" "?limit=2000" "?limit=10"; do get "/api/places$q"; done
for q in السعودية اليمن "الملك سلمان" "وزير الخارجية" Obama "قتلى"; do get "/api/search?q=$(u "$q")"; get "/api/search?q=$(u "$q")&limit=5&offset=3"; done
get "/api/search?q=$(u السعودية)&outlet=okaz&from=2015-01-01"
kill $PID; wait $PID 2>/dev/null
echo "$n requests"
