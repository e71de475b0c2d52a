#!/usr/bin/env bash
# Installs the Debian packages marsad needs to build, test and run.
# Idempotent: checks each package first and installs only what is missing.
# Works as root or through sudo. Debian 12 (bookworm).
set -euo pipefail

PACKAGES=(
  build-essential cmake pkg-config git time
  libicu-dev libsqlite3-dev sqlite3 libgumbo-dev libxml2-dev
  libcpp-httplib-dev nlohmann-json3-dev libcli11-dev libfmt-dev
  libxxhash-dev libzstd-dev zlib1g-dev libcurl4-openssl-dev libcsv-dev
  libpqxx-dev libpq-dev libnats-dev
  postgresql nats-server
  libgtest-dev libgmock-dev libbenchmark-dev
  chromium fonts-noto-core wget wrk
  fasttext tzdata
  clang libclang-rt-14-dev clang-format
)
# nodejs, npm and chromium build the web UI and drive it in the browser test
# (tests/browser); chromium also prints `marsad brief --format pdf`, in the
# Arabic fonts of fonts-noto-core (Noto Naskh/Sans Arabic); PostgreSQL and
# NATS are the servers the distributed tests start on loopback; wrk loads `marsad serve` in scripts/bench.sh; fasttext
# learns the word vectors behind data/nlp/embed_clusters.tsv (make
# embed-clusters; not needed to build or run); libcsv-dev parses CSV exports
# (src/ingest/csv_reader.cc); tzdata's zone.tab gives the
# coordinates of data/nlp/world_places.tsv (make train-ner --rebuild); clang
# and its runtime build the libFuzzer targets that .ci/run runs; clang-format
# checks the C++ formatting there (scripts/check-format.sh).

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
# Node.js may come from elsewhere (with its own npm); Debian's only if absent.
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then SUDO="sudo"; else
    echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
