#!/usr/bin/env bash
# make eval-check: runs every evaluator (scripts/eval.sh) and fails when a
# figure regressed past its threshold in tests/eval_thresholds.tsv (dev and
# development sets only; test splits are printed, never gated).
# Usage: scripts/eval-check.sh BUILD_DIR [EVAL_LOG]
#   With EVAL_LOG, checks that saved output of scripts/eval.sh instead of
#   running it again (the full run takes about 45 minutes on two cores).
set -euo pipefail
BUILD=${1:-build}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
LOG=${2:-}
if [ -z "$LOG" ]; then
  LOG=$BUILD/eval.log
  "$ROOT/scripts/eval.sh" "$BUILD" 2>&1 | tee "$LOG"
  echo
fi
echo "== eval-check: figures against tests/eval_thresholds.tsv ($LOG)"
python3 "$ROOT/scripts/eval-check.py" "$ROOT/tests/eval_thresholds.tsv" "$LOG"
