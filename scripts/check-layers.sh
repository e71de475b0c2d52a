#!/usr/bin/env bash
# Layering checked by the build (issue 25). src/layers.tsv says which folder
# of src/ may include which; this fails on
#  * an #include "src/X/..." in src/Y (tests included) that Y's row lacks;
#  * a marsad_X library linked in src/Y/CMakeLists.txt that Y's row lacks
#    (marsad_pgstore and marsad_test_servers are distrib's);
#  * a row naming a folder that does not come before it (a cycle), a folder
#    of src/ with no row, a row with no folder;
#  * an include of tools/ or bench/ from src/ (the trainer and the tools
#    never link into the runtime);
#  * a public header (include/marsad) including a src/ or third-party header.
# Usage: scripts/check-layers.sh ROOT        (exit 1 listing the crossings)
#        scripts/check-layers.sh --self-test (planted crossings are caught)
set -euo pipefail
if [ "${1:-}" = "--self-test" ]; then
  here=$(cd "$(dirname "$0")/.." && pwd)
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  plant() {  # plant NAME FILE LINE: the check must fail on LINE in FILE
    rm -rf "$tmp/t" && mkdir -p "$tmp/t/src" "$tmp/t/include/marsad"
    cp "$here/src/layers.tsv" "$tmp/t/src/"
    for d in $(awk -F'\t' '!/^#/ && NR > 1 && $1 != "folder" {print $1}' \
      "$here/src/layers.tsv"); do mkdir -p "$tmp/t/src/$d"; done
    printf '#include "src/text/normalize.h"\n' > "$tmp/t/src/nlp/ok.cc"
    printf '#include <string>\n#include "marsad/status.h"\n' \
      > "$tmp/t/include/marsad/ok.h"
    if [ -n "$2" ]; then mkdir -p "$(dirname "$tmp/t/$2")"; printf '%s\n' "$3" >> "$tmp/t/$2"; fi
    "$0" "$tmp/t" > "$tmp/out" 2>&1
  }
  plant clean "" "" || { cat "$tmp/out"; echo "check-layers: a clean tree fails"; exit 1; }
  fail=0
  expect_caught() {
    if plant "$1" "$2" "$3"; then
      echo "check-layers: not caught: $1"; fail=1
    fi
  }
  expect_caught "nlp includes search" src/nlp/bad.cc '#include "src/search/terms.h"'
  expect_caught "base includes text" src/base/bad.h '  #include "src/text/stem.h"'
  expect_caught "a test crosses too" src/dedup/bad_test.cc '#include "src/story/story_index.h"'
  expect_caught "nlp links search" src/nlp/CMakeLists.txt \
    'target_link_libraries(marsad_nlp PUBLIC marsad_text
  marsad_search)'
  expect_caught "src includes a tool" src/nlp/bad.cc '#include "tools/train_ner/trainer.h"'
  expect_caught "public header includes src" include/marsad/bad.h '#include "src/base/hash.h"'
  expect_caught "public header includes json" include/marsad/bad.h '#include <nlohmann/json.hpp>'
  expect_caught "a folder without a row" src/newstage/x.cc '#include "src/base/hash.h"'
  expect_caught "a row pointing forward" src/layers.tsv "late	base server"
  [ $fail = 0 ] && echo "check-layers: planted crossings caught"
  exit $fail
fi
ROOT=${1:?usage: check-layers.sh ROOT}
cd "$ROOT"
table=src/layers.tsv
declare -A rank allowed
n=0
bad=()
while IFS=$'\t' read -r folder uses; do
  [[ -z "$folder" || "$folder" == \#* || "$folder" == folder ]] && continue
  for u in $uses; do
    [ -n "${rank[$u]:-}" ] || bad+=("$table: $folder may include $u, which is not a row before it")
  done
  rank[$folder]=$n
  allowed[$folder]=" $folder $uses "
  n=$((n + 1))
done < "$table"
for d in src/*/; do
  d=${d#src/}; d=${d%/}
  [ -n "${rank[$d]:-}" ] || bad+=("$table: src/$d has no row (a new stage adds its row)")
done
for f in "${!rank[@]}"; do
  [ -d "src/$f" ] || bad+=("$table: row $f has no folder src/$f")
done
# Includes of src/ headers from src/.
while IFS= read -r hit; do
  file=${hit%%:*}; rest=${hit#*:}; line=${rest%%:*}
  from=${file#src/}; from=${from%%/*}
  to=$(sed -E 's/.*#[[:space:]]*include[[:space:]]*"(src|tools|bench)\/([a-z_]+)\/.*/\1 \2/' <<<"$rest")
  top=${to% *}; to=${to#* }
  if [ "$top" != src ]; then
    bad+=("$file:$line: src/ includes $top/ (tools and benchmarks never link into the runtime)")
  elif [ -n "${allowed[$from]:-}" ] && [[ "${allowed[$from]}" != *" $to "* ]]; then
    bad+=("$file:$line: src/$from includes src/$to, not in its row of $table")
  fi
done < <(grep -rnE --include='*.cc' --include='*.h' \
  '^[[:space:]]*#[[:space:]]*include[[:space:]]*"(src|tools|bench)/' src || true)
# CMake links between the folders' libraries.
folder_of() {
  case $1 in
    pgstore | test_servers) echo distrib ;;
    *) echo "$1" ;;
  esac
}
for cm in src/*/CMakeLists.txt; do
  from=${cm#src/}; from=${from%%/*}
  [ -n "${allowed[$from]:-}" ] || continue
  for lib in $(awk '/target_link_libraries\(/ {on = 1} on {print} /\)/ {on = 0}' "$cm" |
    grep -oE '\bmarsad_[a-z_]+' | sed 's/^marsad_//' | sort -u); do
    to=$(folder_of "$lib")
    [ -n "${rank[$to]:-}" ] || continue  # the library of a folder's own target
    [[ "${allowed[$from]}" == *" $to "* ]] ||
      bad+=("$cm: links marsad_$lib (src/$to), not in its row of $table")
  done
done
# The public headers: standard headers and marsad/ only.
while IFS= read -r hit; do
  bad+=("$hit: a public header includes only standard headers and marsad/")
done < <(grep -nE '^[[:space:]]*#[[:space:]]*include' include/marsad/*.h 2>/dev/null |
  grep -vE '#[[:space:]]*include[[:space:]]*(<[a-z_]+>|"marsad/[a-z_]+\.h")' || true)
if [ ${#bad[@]} -gt 0 ]; then
  echo "Layering crossed (src/layers.tsv, src/README.md):"
  printf '%s\n' "${bad[@]}"
  exit 1
fi
echo "check-layers: ${n} folders, every include and link within its row"
