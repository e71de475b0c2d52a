#!/usr/bin/env bash
# Scores `marsad ner` itself on the ANERcorp dev split, with the held-out
# model (models/heldout): the command ANERcorp's test part goes through.
# eval_ner writes the dev sentences one token a line, `marsad ner` tags them
# with a data folder that is data/ with the held-out model's two corpus
# tables and MARSAD_MODEL_DIR=models/heldout (its ner_model.bin), and
# eval_ner scores its answer; then again with the blank lines between the
# sentences removed, as in ANERcorp's own files.
# Usage: scripts/eval-ner-cli.sh [BUILD_DIR]
set -euo pipefail
BUILD=${1:-build}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${MARSAD_SHARED:-$ROOT/../shared}
ANER=$SHARED/data/ner/anercorp_train.tsv
[ -f "$ANER" ] || { echo "eval-ner-cli: $ANER not found" >&2; exit 1; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$TMP/data/nlp"
for d in "$ROOT"/data/*; do [ "$(basename "$d")" = nlp ] || ln -s "$d" "$TMP/data/"; done
for f in "$ROOT"/data/nlp/*; do ln -s "$f" "$TMP/data/nlp/"; done
for f in corpus_labels.tsv pattern_labels.tsv; do
  ln -sf "$ROOT/models/heldout/$f" "$TMP/data/nlp/$f"
done
export MARSAD_MODEL_DIR=$ROOT/models/heldout
MARSAD_DATA_DIR=$ROOT/data "$BUILD/tools/eval_ner/eval_ner" "$ANER" --write-input "$TMP/dev.tok"
MARSAD_DATA_DIR=$TMP/data "$BUILD/marsad" ner "$TMP/dev.tok" > "$TMP/dev.ner"
MARSAD_DATA_DIR=$ROOT/data "$BUILD/tools/eval_ner/eval_ner" "$ANER" --tagged "$TMP/dev.ner"
# ANERcorp's own files have no blank lines: the same tokens without them.
echo "== the same sentences without blank lines between them"
grep -v '^$' "$TMP/dev.tok" > "$TMP/dev.flat"
MARSAD_DATA_DIR=$TMP/data "$BUILD/marsad" ner "$TMP/dev.flat" > "$TMP/dev.flat.ner"
MARSAD_DATA_DIR=$ROOT/data "$BUILD/tools/eval_ner/eval_ner" "$ANER" --tagged "$TMP/dev.flat.ner"
