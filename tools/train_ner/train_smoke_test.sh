#!/usr/bin/env bash
# The trainer end to end on a small fixture of our own sentences
# (testdata/tiny.tsv, 20 sentences, 200 tokens): train_ner writes a model
# that loads, and that model tags its own training sentences almost
# perfectly (eval_ner --whole); bad arguments are refused with a message.
# Usage: train_smoke_test.sh TRAIN_NER EVAL_NER SOURCE_DIR
set -euo pipefail
TRAIN=$1; EVAL=$2; ROOT=$3
DATA=$ROOT/tools/train_ner/testdata/tiny.tsv
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export MARSAD_DATA_DIR=$ROOT/data

"$TRAIN" --data "$DATA" --out "$TMP/m.bin" --epochs 8 --all --doc-beta 0 \
  --min-count 1 --ensemble 2 2>"$TMP/train.log" || {
  cat "$TMP/train.log" >&2
  exit 1
}
test -s "$TMP/m.bin"
OUT=$("$EVAL" "$DATA" --model "$TMP/m.bin" --whole)
echo "$OUT"
echo "$OUT" | grep -q "^20 sentences, 200 tokens, 50 gold entities$"
F1=$(echo "$OUT" | awk '$1 == "micro" {print $4}')
awk -v f="$F1" 'BEGIN { exit !(f >= 0.95) }' || {
  echo "micro F1 $F1 on the training sentences, expected >= 0.95" >&2
  exit 1
}

# The same sentences written as AQMAR writes (`token TAG`, PER and MIS,
# a blank line after each sentence), scored by eval_ner --format aqmar
# through the mapping of gold_corpora.h: the same names, the same score.
awk -F'\t' '{t=$2; sub(/PERS$/, "PER", t); sub(/MISC$/, "MIS", t);
  print $1 " " t; if ($1 == ".") print ""}' "$DATA" >"$TMP/aqmar.txt"
A=$("$EVAL" "$TMP/aqmar.txt" --format aqmar --whole --model "$TMP/m.bin")
echo "$A" | grep -q "^20 sentences, 200 tokens, 50 gold entities$"
test "$(echo "$A" | awk '$1 == "micro"')" = "$(echo "$OUT" | awk '$1 == "micro"')"
if "$EVAL" "$TMP/aqmar.txt" --format conll --whole >/dev/null 2>&1; then
  echo "eval_ner accepted --format conll" >&2
  exit 1
fi

# With the net (--net-hidden): the model carries it and still tags its own
# training sentences almost perfectly (its weight is given: chosen on a dev
# split it could be 0, which would leave the net untested).
"$TRAIN" --data "$DATA" --out "$TMP/n.bin" --epochs 8 --all --doc-beta 0 \
  --min-count 1 --ensemble 2 --net-hidden 16 --net-epochs 4 --net-weight 5 \
  2>"$TMP/net.log" || {
  cat "$TMP/net.log" >&2
  exit 1
}
grep -q "^with the net (weight 5.0)" "$TMP/net.log"
test "$(stat -c %s "$TMP/n.bin")" -gt "$(stat -c %s "$TMP/m.bin")"
OUT=$("$EVAL" "$DATA" --model "$TMP/n.bin" --whole)
F1=$(echo "$OUT" | awk '$1 == "micro" {print $4}')
awk -v f="$F1" 'BEGIN { exit !(f >= 0.95) }' || {
  echo "micro F1 $F1 with the net on the training sentences, expected >= 0.95" >&2
  exit 1
}

# The corpus attribute from several news files (--corpus once per file, as
# make train-ner reads the three corpora): every file's articles are read,
# and the tables written name each file as a source. Our own sentences.
printf '%s\n' '{"content": "استقبل الرئيس سمير حداد وفدا من البنك الدولي في عمان."}' \
  '{"content": "أعلنت شركة النور للطيران عن رحلات جديدة إلى القاهرة."}' |
  gzip >"$TMP/news_a.jsonl.gz"
printf '%s\n' '{"content": "وقال حداد إن الأردن يرحب بالتعاون مع البنك الدولي."}' |
  gzip >"$TMP/news_b.jsonl.gz"
"$TRAIN" --data "$DATA" --out "$TMP/c.bin" --epochs 4 --all --doc-beta 0 \
  --min-count 1 --folds 2 --lexicon-min 1 --corpus "$TMP/news_a.jsonl.gz" \
  --corpus "$TMP/news_b.jsonl.gz" --lexicon-out "$TMP/labels.tsv" \
  --patterns-out "$TMP/patterns.tsv" 2>"$TMP/corpus.log" || {
  cat "$TMP/corpus.log" >&2
  exit 1
}
grep -q "^train_ner: corpus 3 documents, 3 sentences$" "$TMP/corpus.log" || {
  echo "train_ner did not read the articles of both corpus files:" >&2
  grep "corpus" "$TMP/corpus.log" >&2
  exit 1
}
for table in labels patterns; do
  grep -q "^# Source corpora: news_a.jsonl.gz, news_b.jsonl.gz " \
    "$TMP/$table.tsv" || {
    echo "$table.tsv does not name both corpus files:" >&2
    head -5 "$TMP/$table.tsv" >&2
    exit 1
  }
done

# Refused arguments: a non-number, an out-of-range block, a missing --out.
for args in "--data $DATA --out $TMP/x.bin --epochs abc" \
            "--data $DATA --out $TMP/x.bin --dev-block 5/5" \
            "--data $DATA --out $TMP/x.bin --net-hidden -3" \
            "--data $DATA"; do
  if "$TRAIN" $args >"$TMP/err.log" 2>&1; then
    echo "train_ner accepted: $args" >&2
    exit 1
  fi
  test -s "$TMP/err.log"
  test ! -e "$TMP/x.bin"
done
echo "ok"
