#!/bin/bash
# A SQLite store as text, for comparing two builds byte for byte (issue 25:
# outputs held identical). Every table, shadow tables of the full-text index
# included, through sqlite3's .dump of a copy whose wall-clock columns
# (ingested_at, the rejection time) are blanked; the raw input column is
# zstd and compared as stored.
# Usage: scripts/store-dump.sh DB OUT   (then: cmp OUT1 OUT2)
set -euo pipefail
DB=$1
OUT=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sqlite3 "$DB" ".backup $tmp/copy.db"
sqlite3 "$tmp/copy.db" "UPDATE articles SET ingested_at=''; UPDATE rejected SET at='';"
sqlite3 "$tmp/copy.db" .dump > "$OUT"
echo "$(wc -l < "$OUT") lines, $(sqlite3 "$tmp/copy.db" 'SELECT count(*) FROM articles') articles"
