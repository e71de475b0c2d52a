#!/usr/bin/env bash
# The held-out NER model's micro F1 on the ANERcorp dev split must not fall
# below a floor (docs/RESULTS.md has 0.760; seed noise is about ±0.007).
# Skips (77) without ../shared/data.
# Usage: dev_floor_test.sh EVAL_NER SOURCE_DIR FLOOR
set -euo pipefail
EVAL=$1; ROOT=$2; FLOOR=$3
ANER=${MARSAD_SHARED:-$ROOT/../shared}/data/ner/anercorp_train.tsv
if [ ! -f "$ANER" ]; then
  echo "skipped: $ANER not found"
  exit 77
fi
OUT=$(MARSAD_DATA_DIR="$ROOT/data" "$EVAL" "$ANER" --model-dir "$ROOT/models/heldout")
echo "$OUT"
F1=$(echo "$OUT" | awk '$1 == "micro" {print $4}')
awk -v f="$F1" -v floor="$FLOOR" 'BEGIN { exit !(f >= floor) }' || {
  echo "micro F1 $F1 below the floor $FLOOR" >&2
  exit 1
}
