#!/usr/bin/env bash
# Rebuilds the entities stage's data (make train-ner): the compiled
# dictionaries (with the name lists, name_lists.tsv) and both kinds of word
# clusters if missing (or with --rebuild;
# the fastText ones need the fasttext command), then trains
# the NER tagger twice. First on ANERcorp minus its dev split, into
# models/heldout/ with its two corpus tables (the model whose dev figures
# docs/RESULTS.md gives; the epoch count and the document pass's push are
# chosen there); then, with those settings, on all of ANERcorp's training
# part, into models/ner_model.bin and data/nlp's corpus tables (the
# run-time model: the dev split is the text nearest ANERcorp's test part,
# too useful to leave out of the model users get). Each run: first models that tag the
# three news corpora, SaudiNewsNet, ant_2018_multisource and ant_jawharafm
# (data/nlp/corpus_labels.tsv, src/nlp/lexicon.h) after
# counting the words that follow head nouns and titles there
# (data/nlp/pattern_labels.tsv), then
# the final model, models/ner_model.bin. Prints the dev F1 of every epoch.
#
# --extra-gold (issue 23, round 8; docs/RESULTS.md): both trainings also
# read two other hand-labelled corpora, tools/train_ner/gold_corpora.h's
# mappings (AQMAR: PER -> PERS, LOC, ORG, MIS -> MISC; WikiFANE Gold: its
# 4-class column), every sentence holding a MISC name left out (skip), each
# sentence trained on 0.3 times an epoch, each corpus with its own copy of
# every feature (--extra-domain); AQMAR's training split only, WikiFANE
# without its last 10% of sentences (the held-out part eval_ner scores).
# Both corpora are CC BY-SA 3.0: a model trained on them says so beside it.
# --out DIR writes the two models and the run-time model's corpus tables
# into DIR (DIR/heldout, DIR/ner_model.bin, DIR/corpus_labels.tsv,
# DIR/pattern_labels.tsv) instead of models/ and data/nlp, for experiments.
# Usage: scripts/train-ner.sh BUILD_DIR [--rebuild] [--extra-gold] [--out DIR]
set -euo pipefail
BUILD=${1:-build}
shift || true
REBUILD=
EXTRA_GOLD=
OUT=
while [ $# -gt 0 ]; do
  case "$1" in
    --rebuild) REBUILD=--rebuild ;;
    --extra-gold) EXTRA_GOLD=1 ;;
    --out) OUT=$2; shift ;;
    *) echo "train-ner: unknown option $1" >&2; exit 1 ;;
  esac
  shift
done
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${MARSAD_SHARED:-$ROOT/../shared}
export MARSAD_DATA_DIR=$ROOT/data
NLP=$ROOT/data/nlp
MODELS=$ROOT/models
TABLES=$NLP
if [ -n "$OUT" ]; then
  mkdir -p "$OUT"
  MODELS=$(cd "$OUT" && pwd)
  TABLES=$MODELS
fi
ANER=$SHARED/data/ner/anercorp_train.tsv
if [ ! -f "$ANER" ]; then
  echo "train-ner: $ANER not found" >&2
  exit 1
fi
EXTRA=()
if [ -n "$EXTRA_GOLD" ]; then
  EXTRA=(--extra "aqmar:$SHARED/data/ner/aqmar/train.txt:0.3:skip"
    --extra "wikifane:$SHARED/data/ner/wikifane/wikifane_gold_wikipedia.tsv.gz:0.3:skip:0.1"
    --extra-domain)
fi
cmake --build "$BUILD" --target build_gazetteers build_name_variants build_clusters train_ner eval_ner
if [ "$REBUILD" = "--rebuild" ] || [ ! -f "$NLP/geonames_places.tsv" ] || \
   [ ! -f "$NLP/actors.tsv" ] || [ ! -f "$NLP/name_words.tsv" ]; then
  echo "== dictionaries from $SHARED/data"
  "$BUILD/tools/train_ner/build_gazetteers" "$SHARED/data" "$NLP"
fi
if [ "$REBUILD" = "--rebuild" ] || [ ! -f "$NLP/name_lists.tsv" ]; then
  echo "== name words of NERAr, Wikidata's name tokens and given/family names"
  "$BUILD/tools/train_ner/build_gazetteers" --name-lists "$SHARED/data" "$NLP"
fi
if [ "$REBUILD" = "--rebuild" ] || [ ! -f "$NLP/name_variants.tsv" ]; then
  echo "== Latin name variants of Wikidata's name tokens and NERAr's Arabic-French pairs"
  "$BUILD/tools/train_ner/build_name_variants" "$SHARED/data" "$NLP"
fi
if [ "$REBUILD" = "--rebuild" ] || [ ! -f "$NLP/world_places.tsv" ]; then
  echo "== the world's countries and cities from ICU's CLDR names and tzdata's zone.tab"
  "$BUILD/tools/train_ner/build_gazetteers" --world /usr/share/zoneinfo/zone.tab "$NLP"
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
# The unlabelled news read for the corpus and pattern attributes (issue 23:
# all three corpora, 63,807 articles; five-block CV in docs/RESULTS.md).
NEWS=$SHARED/data/corpus
CORPORA=(--corpus "$NEWS/saudinewsnet.jsonl.gz" --corpus "$NEWS/ant_2018_multisource.jsonl.gz"
  --corpus "$NEWS/ant_jawharafm.jsonl.gz")
HELD=$MODELS/heldout
mkdir -p "$HELD"
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT
echo "== 1. held-out model (dev = last 10% of sentences; the epoch and the document pass's"
echo "      push are chosen on it): $HELD (20-30 minutes)"
"$BUILD/tools/train_ner/train_ner" --data "$ANER" --out "$HELD/ner_model.bin" \
  --epochs 15 --drop 0.3 "${CORPORA[@]}" --folds 3 --ensemble 5 --net-hidden 128 \
  ${EXTRA[@]+"${EXTRA[@]}"} --lexicon-out "$HELD/corpus_labels.tsv" --patterns-out "$HELD/pattern_labels.tsv" 2>&1 | tee "$LOG"
EPOCH=$(sed -n 's/^kept epoch \([0-9]*\):.*/\1/p' "$LOG")
BETA=$(sed -n 's/^with the document pass (beta \([0-9.]*\),.*/\1/p' "$LOG")
NET_EPOCH=$(sed -n 's/^kept net epoch \([0-9]*\):.*/\1/p' "$LOG")
NET_WEIGHT=$(sed -n 's/^with the net (weight \([0-9.]*\)).*/\1/p' "$LOG")
if [ -z "$EPOCH" ] || [ -z "$BETA" ] || [ -z "$NET_EPOCH" ] || [ -z "$NET_WEIGHT" ]; then
  echo "train-ner: could not read the kept epochs, the net's weight and beta from the trainer's output" >&2
  exit 1
fi
echo "== dev evaluation of the held-out model"
"$BUILD/tools/eval_ner/eval_ner" "$ANER" --model-dir "$HELD"
echo "== 2. the run-time model: the same recipe on every sentence, dev included, for $EPOCH"
echo "      epochs (the net $NET_EPOCH, weight $NET_WEIGHT) with beta $BETA (its dev figures are"
echo "      not held-out figures)"
"$BUILD/tools/train_ner/train_ner" --data "$ANER" --out "$MODELS/ner_model.bin" --all \
  --epochs "$EPOCH" --doc-beta "$BETA" --drop 0.3 "${CORPORA[@]}" --folds 3 --ensemble 5 \
  --net-hidden 128 --net-epochs "$NET_EPOCH" --net-weight "$NET_WEIGHT" ${EXTRA[@]+"${EXTRA[@]}"} \
  --lexicon-out "$TABLES/corpus_labels.tsv" --patterns-out "$TABLES/pattern_labels.tsv" 2>&1 |
  grep -v '^epoch'
ls -l "$MODELS/ner_model.bin" | awk '{printf "model size %.2f MB\n", $5/1e6}'
