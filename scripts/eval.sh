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
