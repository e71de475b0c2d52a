#!/usr/bin/env bash
# Rebuilds the entities stage's data (make train-ner): the compiled
# dictionaries and both kinds of word clusters if missing (or with --rebuild;
# the fastText ones need the fasttext command), then trains
# the NER tagger on ANERcorp minus its dev split: first models that tag the
# SaudiNewsNet corpus (data/nlp/corpus_labels.tsv, src/nlp/lexicon.h) after
# counting the words that follow head nouns and titles there
# (data/nlp/pattern_labels.tsv), then
# the final model, data/nlp/ner_model.bin. Prints the dev F1 of every epoch.
# Usage: scripts/train-ner.sh BUILD_DIR [--rebuild]
set -euo pipefail
BUILD=${1:-build}
REBUILD=${2:-}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${MARSAD_SHARED:-$ROOT/../shared}
export MARSAD_DATA_DIR=$ROOT/data
NLP=$ROOT/data/nlp
ANER=$SHARED/data/ner/anercorp_train.tsv
if [ ! -f "$ANER" ]; then
  echo "train-ner: $ANER not found" >&2
  exit 1
fi
cmake --build "$BUILD" --target build_gazetteers build_clusters train_ner eval_ner
if [ "$REBUILD" = "--rebuild" ] || [ ! -f "$NLP/geonames_places.tsv" ] || \
   [ ! -f "$NLP/actors.tsv" ] || [ ! -f "$NLP/name_words.tsv" ]; then
  echo "== dictionaries from $SHARED/data"
  "$BUILD/tools/train_ner/build_gazetteers" "$SHARED/data" "$NLP"
fi
if [ "$REBUILD" = "--rebuild" ] || [ ! -f "$NLP/clusters.tsv" ]; then
  echo "== word clusters from the SaudiNewsNet corpus (about a minute)"
  "$BUILD/tools/build_clusters/build_clusters" "$SHARED/data/corpus/saudinewsnet.jsonl.gz" \
    "$NLP/clusters.tsv"
fi
if [ "$REBUILD" = "--rebuild" ] || [ ! -f "$NLP/embed_clusters.tsv" ]; then
  echo "== word classes of fastText vectors (about 15 minutes)"
  "$ROOT/scripts/embed-clusters.sh" "$BUILD"
fi
echo "== training (averaged perceptron, dev = last 10% of sentences; a few minutes)"
"$BUILD/tools/train_ner/train_ner" --data "$ANER" --out "$NLP/ner_model.bin" \
  --epochs 15 --drop 0.3 --corpus "$SHARED/data/corpus/saudinewsnet.jsonl.gz" \
  --folds 3 --ensemble 3 --lexicon-out "$NLP/corpus_labels.tsv" --patterns-out "$NLP/pattern_labels.tsv"
echo "== dev evaluation"
"$BUILD/tools/eval_ner/eval_ner" "$ANER"
ls -l "$NLP/ner_model.bin" | awk '{printf "model size %.2f MB\n", $5/1e6}'
