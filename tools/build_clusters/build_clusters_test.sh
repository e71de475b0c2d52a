#!/usr/bin/env bash
# build_clusters --vectors on a small .vec file of our own (two groups of
# words pointing two ways, far apart): the header names the corpora given
# with --source (it once always said SaudiNewsNet); --assign adds the later
# words in the class of their nearest centre without changing the first
# rows; --extend keeps a table's rows and numbers and adds the other words
# in the class of the nearest mean vector of its members.
# Usage: build_clusters_test.sh BUILD_CLUSTERS
set -euo pipefail
BIN=$1
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cat >"$TMP/v.vec" <<'VEC'
8 3
a1 1 0.1 0
b1 0 0.1 1
a2 0.9 0 0.1
b2 0.1 0 0.9
a3 1 0.2 0.1
b3 0.1 0.2 1
a4 0.8 0.1 0
b4 0 0.1 0.8
VEC
fail() { echo "build_clusters_test: $*" >&2; exit 1; }
"$BIN" --vectors "$TMP/v.vec" "$TMP/t4.tsv" --words 4 --k 2,2,2 \
  --source /x/ant_2018_multisource.jsonl.gz 2>/dev/null
"$BIN" --vectors "$TMP/v.vec" "$TMP/t8.tsv" --words 4 --k 2,2,2 --assign 0 \
  --source /x/saudinewsnet.jsonl.gz --source ant_jawharafm.jsonl.gz 2>/dev/null
grep -q "^# Source corpus: ant_2018_multisource.jsonl.gz (ANT corpus" "$TMP/t4.tsv" ||
  fail "header does not name the corpus: $(grep Source "$TMP/t4.tsv")"
grep -q "SaudiNewsNet" "$TMP/t4.tsv" && fail "header names SaudiNewsNet, not read"
grep -q "^# Source corpus: saudinewsnet.jsonl.gz (SaudiNewsNet.*; ant_jawharafm.jsonl.gz" \
  "$TMP/t8.tsv" || fail "header does not name both corpora"
[ "$(grep -vc '^#' "$TMP/t4.tsv")" = 4 ] || fail "--words 4 kept other than 4 rows"
[ "$(grep -vc '^#' "$TMP/t8.tsv")" = 8 ] || fail "--assign 0 kept other than 8 rows"
diff <(grep -v '^#' "$TMP/t4.tsv") <(grep -v '^#' "$TMP/t8.tsv" | head -4) >/dev/null ||
  fail "--assign changed the clustered rows"
# Each later word joins the class of its own group (a* with a1, b* with b1).
cls() { awk -v w="$1" '$1 == w {print $2 $3 $4}' "$2"; }
for f in "$TMP/t8.tsv"; do
  [ "$(cls a3 "$f")" = "$(cls a1 "$f")" ] && [ "$(cls b4 "$f")" = "$(cls b1 "$f")" ] &&
    [ "$(cls a1 "$f")" != "$(cls b1 "$f")" ] || fail "--assign: wrong classes in $f"
done
# --extend: an old table with its own numbers (a 7, b 3); a2 is absent from
# it and must join a's class; the old rows stay byte for byte.
printf '# old\n# folded_word\tk1\tk2\tk3\na1\t7\t7\t7\nb1\t3\t3\t3\nb2\t3\t3\t3\n' >"$TMP/old.tsv"
"$BIN" --vectors "$TMP/v.vec" "$TMP/ext.tsv" --extend "$TMP/old.tsv" --assign 0 \
  --source saudinewsnet.jsonl.gz 2>/dev/null
[ "$(cls a2 "$TMP/ext.tsv")" = 777 ] || fail "--extend: a2 not in a's class"
[ "$(cls b3 "$TMP/ext.tsv")" = 333 ] || fail "--extend: b3 not in b's class"
diff <(grep -v '^#' "$TMP/old.tsv") <(grep -v '^#' "$TMP/ext.tsv" | head -3) >/dev/null ||
  fail "--extend changed the old rows"
[ "$(grep -vc '^#' "$TMP/ext.tsv")" = 8 ] || fail "--extend: expected 8 rows"
echo "build_clusters_test: ok"
