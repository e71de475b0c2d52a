#!/usr/bin/env bash
# Rebuilds data/nlp/embed_clusters.tsv (make embed-clusters): fastText
# skip-gram vectors of the SaudiNewsNet corpus's folded words, then spherical
# k-means of the 60,000 most frequent into 100, 500 and 1000 classes
# (tools/build_clusters --vectors). The corpus text and the vectors are
# temporary files under BUILD_DIR/embed, never committed. Needs Debian's
# fasttext command (scripts/install-deps.sh); the runtime only reads the
# table. One thread, fixed seed: about 15 minutes (fastText 13). Retrain the tagger
# afterwards (make train-ner).
# Usage: scripts/embed-clusters.sh BUILD_DIR
set -euo pipefail
BUILD=${1:-build}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${MARSAD_SHARED:-$ROOT/../shared}
export MARSAD_DATA_DIR=$ROOT/data
CORPUS=$SHARED/data/corpus/saudinewsnet.jsonl.gz
if [ ! -f "$CORPUS" ]; then
  echo "embed-clusters: $CORPUS not found" >&2
  exit 1
fi
command -v fasttext >/dev/null || { echo "embed-clusters: fasttext not installed (make deps)" >&2; exit 1; }
cmake --build "$BUILD" --target build_clusters
mkdir -p "$BUILD/embed"
echo "== corpus as folded tokens"
"$BUILD/tools/build_clusters/build_clusters" --text "$CORPUS" "$BUILD/embed/corpus.txt"
echo "== fastText skip-gram, 100 dimensions"
fasttext skipgram -input "$BUILD/embed/corpus.txt" -output "$BUILD/embed/vectors" \
  -dim 100 -ws 5 -epoch 5 -minCount 5 -minn 0 -maxn 0 -thread 1 -seed 1 -verbose 1
echo "== k-means"
"$BUILD/tools/build_clusters/build_clusters" --vectors "$BUILD/embed/vectors.vec" \
  "$ROOT/data/nlp/embed_clusters.tsv" --words 60000 --k 100,500,1000 --source "$CORPUS"
wc -l "$ROOT/data/nlp/embed_clusters.tsv"
