#!/usr/bin/env bash
# Quality evaluations on the real data in ../shared/data (make eval).
# Each step prints its figures; docs/RESULTS.md records them with this command.
# Usage: scripts/eval.sh BUILD_DIR
set -euo pipefail
BUILD=${1:-build}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${MARSAD_SHARED:-$ROOT/../shared}
export MARSAD_DATA_DIR=$ROOT/data
if [ ! -d "$SHARED/data" ]; then
  echo "eval: $SHARED/data not found; nothing to evaluate"
  exit 0
fi
step() { echo; echo "== $*"; }
# Steps are added below by each stage (one block per stage).

# --- clean (src/clean): HTML main text and corpus furniture ---
HTML_SET=$SHARED/data/html/scrapinghub_article_extraction
if [ -f "$HTML_SET/ground-truth.json" ]; then
  step "clean: HTML main text on scrapinghub article-extraction-benchmark (181 pages)"
  "$BUILD/eval_clean" html "$HTML_SET"
else
  echo "clean: $HTML_SET missing; HTML evaluation skipped"
fi
if [ -f "$SHARED/data/corpus/saudinewsnet.jsonl.gz" ]; then
  step "clean: furniture removed from the SaudiNewsNet corpus, by kind and outlet"
  "$BUILD/eval_clean" corpus "$SHARED/data/corpus/saudinewsnet.jsonl.gz" \
    --audit 50 --audit-out "$BUILD/clean_audit.txt"
else
  echo "clean: corpus missing; furniture report skipped"
fi

# --- dedup + story (src/dedup, src/story): near-duplicates and stories ---
if [ -f "$SHARED/data/corpus/saudinewsnet.jsonl.gz" ]; then
  step "dedup+story: exact groups, near-duplicate precision, gold pairs, BCubed (SaudiNewsNet)"
  "$BUILD/eval_stories" --corpus "$SHARED/data/corpus/saudinewsnet.jsonl.gz" \
    --near-dup-gold "$ROOT/tests/gold/stories/near_duplicates.tsv" \
    --pairs "$ROOT/tests/gold/stories/pairs.tsv" \
    --groups "$ROOT/tests/gold/stories/groups.tsv" --sweep 0.36 0.40 0.44 0.48
else
  echo "dedup+story: corpus missing; story evaluation skipped"
fi

# --- stories on held-out international news (issue 20): tests/gold/stories_ant ---
# Four hand-grouped 2-day windows of ant_2018_multisource (2 dev, 2 test),
# scored inside a stream of the whole corpus (all 22,812 reports).
ANT=$SHARED/data/corpus/ant_2018_multisource.jsonl.gz
if [ -f "$ANT" ]; then
  step "story: BCubed on 611 hand-grouped ant2018 reports (dev and test windows)"
  "$BUILD/eval_stories" --corpus "$ANT" --groups "$ROOT/tests/gold/stories_ant/groups.tsv" \
    --split dev --split test
else
  echo "story: $ANT missing; held-out story evaluation skipped"
fi

# --- stories on held-out SaudiNewsNet days (issue 20): tests/gold/stories_snn ---
# Two hand-grouped 2-day windows of SaudiNewsNet (2015-08-08..09 dev, 2015-08-10..11 test; no url
# of tests/gold/stories), scored inside a stream of the whole corpus (31,030 reports).
if [ -f "$SHARED/data/corpus/saudinewsnet.jsonl.gz" ]; then
  step "story: BCubed on 573 hand-grouped held-out SaudiNewsNet reports (dev and test windows)"
  "$BUILD/eval_stories" --corpus "$SHARED/data/corpus/saudinewsnet.jsonl.gz" \
    --groups "$ROOT/tests/gold/stories_snn/groups.tsv" --split dev --split test
else
  echo "story: SaudiNewsNet corpus missing; held-out SaudiNewsNet story evaluation skipped"
fi

# --- stories on a second pair of held-out SaudiNewsNet windows (issue 20): tests/gold/stories_snn_r2 ---
# Two hand-grouped 2-day windows of July 2015 (2015-07-22..23 dev, 2015-07-26..27 test; no url of any
# other file of tests/gold), scored inside a stream of the whole corpus (31,030 reports).
if [ -f "$SHARED/data/corpus/saudinewsnet.jsonl.gz" ]; then
  step "story: BCubed on 781 hand-grouped held-out SaudiNewsNet reports, round 2 (dev and test windows)"
  "$BUILD/eval_stories" --corpus "$SHARED/data/corpus/saudinewsnet.jsonl.gz" \
    --groups "$ROOT/tests/gold/stories_snn_r2/groups.tsv" --split dev --split test
else
  echo "story: SaudiNewsNet corpus missing; held-out SaudiNewsNet round-2 story evaluation skipped"
fi

# --- text (src/text): word segmentation against UD Arabic-PUD (CoNLL 2018 words F1) ---
PUD=$SHARED/data/segmentation/ar_pud_dev.conllu
if [ -f "$PUD" ]; then
  step "text: tokenizer + clitic segmenter, words F1 on UD Arabic-PUD dev (500 sentences)"
  "$BUILD/tools/eval_segmentation/eval_segmentation" "$PUD"
else
  echo "text: $PUD missing; segmentation evaluation skipped"
fi

# --- entities (src/nlp): NER entity-level P/R/F1 per type on the ANERcorp dev split ---
ANER=$SHARED/data/ner/anercorp_train.tsv
if [ -f "$ANER" ]; then
  # The held-out model (trained without the dev split; the run-time model in
  # models/ was trained on it too, so its dev figures would not be held out).
  step "entities: NER on the ANERcorp dev split (last 10% of sentences), conlleval counting, held-out model"
  "$BUILD/tools/eval_ner/eval_ner" "$ANER" --model-dir "$ROOT/models/heldout"
  step "entities: the same sentences through marsad ner (held-out model)"
  "$ROOT/scripts/eval-ner-cli.sh" "$BUILD"
else
  echo "entities: $ANER missing; NER evaluation skipped"
fi

# --- facts (src/facts): quotations, speakers, event types, casualty figures on tests/gold/facts ---
if [ -f "$SHARED/data/corpus/saudinewsnet.jsonl.gz" ] && [ -x "$BUILD/tools/eval_facts/eval_facts" ]; then
  step "facts: 175 hand-annotated corpus sentences (quotations P/R, speakers, event type F1, casualty exact match)"
  "$BUILD/tools/eval_facts/eval_facts" --corpus "$SHARED/data/corpus/saudinewsnet.jsonl.gz" \
    --gold "$ROOT/tests/gold/facts/gold.jsonl"
else
  echo "facts: corpus or eval_facts missing; facts evaluation skipped"
fi

# --- facts on held-out gold (issue 21): both corpora x both splits; rules are written from dev only ---
if [ -x "$BUILD/tools/eval_facts/eval_facts" ]; then
  for corpus in ant2018:ant_2018_multisource saudinewsnet:saudinewsnet ant2018_r2:ant_2018_multisource saudinewsnet_r2:saudinewsnet ant2018_r3:ant_2018_multisource saudinewsnet_r3:saudinewsnet ant2018_r4:ant_2018_multisource saudinewsnet_r4:saudinewsnet ant2018_r5:ant_2018_multisource saudinewsnet_r5:saudinewsnet jawhara_r5:ant_jawharafm ant2018_r6:ant_2018_multisource saudinewsnet_r6:saudinewsnet jawhara_r6:ant_jawharafm ant2018_r7:ant_2018_multisource saudinewsnet_r7:saudinewsnet jawhara_r7:ant_jawharafm; do
    name=${corpus%%:*}; file=$SHARED/data/corpus/${corpus##*:}.jsonl.gz
    if [ ! -f "$file" ]; then echo "facts: $file missing; $name held-out evaluation skipped"; continue; fi
    for split in dev test; do
      step "facts: held-out gold $name, $split split (quotations, speaker right, casualty figures exact)"
      "$BUILD/tools/eval_facts/eval_facts" --corpus "$file" \
        --gold "$ROOT/tests/gold/facts_heldout/$name.jsonl" --split "$split"
    done
  done
fi

# --- comparison (src/facts/compare): contested points of 21 hand-annotated multi-outlet stories ---
ANT=$SHARED/data/corpus/ant_2018_multisource.jsonl.gz
if [ -f "$ANT" ] && [ -x "$BUILD/tools/eval_compare/eval_compare" ]; then
  step "comparison: contested-point recall, false flags, positions with the right source (tests/gold/compare, dev and test)"
  "$BUILD/tools/eval_compare/eval_compare" --corpus "$ANT" --gold "$ROOT/tests/gold/compare/stories.jsonl"
  "$BUILD/tools/eval_compare/eval_compare" --corpus "$ANT" --gold "$ROOT/tests/gold/compare/stories_r2.jsonl"
else
  echo "comparison: $ANT or eval_compare missing; comparison evaluation skipped"
fi
SNN=$SHARED/data/corpus/saudinewsnet.jsonl.gz
if [ -f "$SNN" ] && [ -x "$BUILD/tools/eval_compare/eval_compare" ]; then
  step "comparison on SaudiNewsNet, a corpus it was not tuned on (tests/gold/compare/snn_r1.jsonl, dev and test)"
  "$BUILD/tools/eval_compare/eval_compare" --corpus "$SNN" --gold "$ROOT/tests/gold/compare/snn_r1.jsonl"
else
  echo "comparison: $SNN or eval_compare missing; SaudiNewsNet comparison evaluation skipped"
fi

# --- search (src/search): P@10 and name-variant recall on the SaudiNewsNet corpus ---
# Ingests the corpus into a temporary store (a couple of minutes); set
# MARSAD_SEARCH_EVAL_DB to a store of the corpus to reuse it.
if [ -f "$SHARED/data/corpus/saudinewsnet.jsonl.gz" ]; then
  step "search: P@10 by query kind and name-variant recall (tests/gold/search, SaudiNewsNet)"
  "$BUILD/tools/eval_search/eval_search" --corpus "$SHARED/data/corpus/saudinewsnet.jsonl.gz" \
    --gold "$ROOT/tests/gold/search" ${MARSAD_SEARCH_EVAL_DB:+--db "$MARSAD_SEARCH_EVAL_DB"}
else
  echo "search: corpus missing; search evaluation skipped"
fi
