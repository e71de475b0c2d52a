#!/usr/bin/env bash
# No SQL outside the store implementations (issue 25). The API, the watcher,
# the alerts, the pipeline, the CLI and the tools read and keep everything
# through the typed read models of include/marsad/store.h; SQL lives in
# src/store (SQLite and the read models both stores share, sql_store.h) and
# src/distrib (PostgreSQL). Tests may read a store's file directly and are
# not checked.
# Usage: scripts/check-no-sql.sh ROOT      (exit 1 listing offending lines)
#        scripts/check-no-sql.sh --self-test  (the check catches a planted query)
set -euo pipefail
if [ "${1:-}" = "--self-test" ]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  mkdir -p "$tmp/src/server" "$tmp/src/watch" "$tmp/src/pipeline" "$tmp/tools" "$tmp/bench"
  printf 'int f() { return Run("SELECT id FROM stories"); }\n' > "$tmp/src/server/planted.cc"
  printf '// the word UPDATE in a comment is fine\n' > "$tmp/src/watch/ok.cc"
  if "$0" "$tmp" > /dev/null; then
    echo "check-no-sql: a planted SELECT in src/server was not caught"
    exit 1
  fi
  printf '' > "$tmp/src/server/planted.cc"
  printf '#include "src/store/sqlite_util.h"\n' > "$tmp/tools/planted.cc"
  if "$0" "$tmp" > /dev/null; then
    echo "check-no-sql: a planted include of the SQLite helpers was not caught"
    exit 1
  fi
  echo "check-no-sql: planted SQL caught"
  exit 0
fi
ROOT=${1:?usage: check-no-sql.sh ROOT}
cd "$ROOT"
dirs=()
for d in src/server src/watch src/pipeline tools bench; do
  [ -d "$d" ] && dirs+=("$d")
done
# A quoted SQL statement, or a reach past the Store interface.
pattern='"[^"]*\b(SELECT|INSERT|UPDATE|DELETE|CREATE TABLE|PRAGMA)\b|sqlite3_|Stmt::|->handle\(\)|src/store/(sqlite_store|sqlite_util|sql_store)\.h|pqxx|SqliteStore'
found=$(grep -rnE --include='*.cc' --include='*.h' "$pattern" "${dirs[@]}" \
  | grep -vE '_test\.cc:|/testing\.h:' || true)
if [ -n "$found" ]; then
  echo "SQL outside the store implementations (use a read model of include/marsad/store.h):"
  echo "$found"
  exit 1
fi
echo "check-no-sql: no SQL in ${dirs[*]}"
