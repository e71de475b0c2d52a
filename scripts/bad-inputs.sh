#!/usr/bin/env bash
# The bad-input table of docs/RESULTS.md (issue 24): each input is ingested
# into a fresh store by the real binary; prints input, exit code, the first
# rejection message, wall time, peak RSS and what was stored, as Markdown.
# Usage: scripts/bad-inputs.sh BUILD_DIR [WORK_DIR]
# Needs ../shared/data/corpus/saudinewsnet.jsonl.gz for the back-fill row.
set -euo pipefail
BUILD=${1:-build}
WORK=${2:-$(mktemp -d)}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${MARSAD_SHARED:-$ROOT/../shared}
export MARSAD_DATA_DIR=$ROOT/data
MARSAD=$(cd "$BUILD" && pwd)/marsad
mkdir -p "$WORK"
cd "$WORK"

[ -f nul.jsonl ] || python3 - <<'PY'
import gzip, json, zlib
para = ("قالت وزارة الداخلية إن فرق الدفاع المدني عملت لساعات على إخماد الحريق "
        "الذي امتد إلى منازل مجاورة في البلدة. ")
good = json.dumps({"title": "خبر", "content": para * 3, "published": "2015-07-21"},
                  ensure_ascii=False)
# 1. A 60 MB one-line text file, and a 50 MB HTML page.
with open("one_line_60mb.txt", "w") as f:
    f.write((para.strip() + " ") * (60_000_000 // len(para.encode())))
with open("page_50mb.html", "w") as f:
    f.write("<html><body>" + ("<p>" + para + "</p>") * (50_000_000 // (len(para.encode()) + 7)) + "</body></html>")
# 2. Texts of 1 and 4 MB (under the file limit; the second over the text limit).
for mb in (1, 4):
    with open(f"text_{mb}mb.txt", "w") as f:
        f.write("عنوان\n\n" + (para * (mb * 1_000_000 // len(para.encode()))))
# 3. One 2 GiB line inside a .jsonl.gz, between two good records.
with gzip.open("line_2gib.jsonl.gz", "wt", compresslevel=1) as f:
    f.write(good + "\n")
    chunk = "x" * (1 << 20)
    for _ in range(2048):
        f.write(chunk)
    f.write("\n" + good.replace("خبر", "خبر آخر") + "\n")
# 4. A valid record whose content is 1 GiB.
with gzip.open("content_1gib.jsonl.gz", "wt", compresslevel=1) as f:
    f.write('{"title": "كبير", "content": "')
    chunk = "ن" * (1 << 19)
    for _ in range(1024):
        f.write(chunk)
    f.write('"}\n')
# 5. Gzip bombs: 8 GiB of zeros as .txt.gz and of one repeated record as .jsonl.gz.
z = zlib.compressobj(9, zlib.DEFLATED, 31)
with open("bomb.txt.gz", "wb") as f:
    zeros = b"\0" * (1 << 20)
    for _ in range(8192):
        f.write(z.compress(zeros))
    f.write(z.flush())
z = zlib.compressobj(9, zlib.DEFLATED, 31)
with open("bomb.jsonl.gz", "wb") as f:
    rec = (json.dumps({"content": "أ" * 500}) + "\n").encode() * 1024
    for _ in range((8 << 30) // len(rec)):
        f.write(z.compress(rec))
    f.write(z.flush())
# 6. A NUL byte inside the second of four records.
with open("nul.jsonl", "w") as f:
    for i in range(4):
        rec = good.replace("خبر", f"خبر {i}")
        if i == 1:
            rec = rec.replace("قالت", "قا\0لت")  # a raw NUL byte
        f.write(rec + "\n")
PY

if [ -f "$SHARED/data/corpus/saudinewsnet.jsonl.gz" ] && [ ! -f backfill_2099.jsonl ]; then
  { echo '{"title": "جسر", "published": "2099-01-01", "content": "تقرير مؤرخ في المستقبل عن افتتاح جسر جديد في المدينة بحضور المحافظ وعدد من المسؤولين."}'
    zcat "$SHARED/data/corpus/saudinewsnet.jsonl.gz" | head -3000 || true; } > backfill_2099.jsonl
fi

echo "| input | exit | first message | wall s | peak RSS MB | stored |"
echo "|---|---|---|---|---|---|"
for input in one_line_60mb.txt page_50mb.html text_1mb.txt text_4mb.txt line_2gib.jsonl.gz \
             content_1gib.jsonl.gz bomb.txt.gz bomb.jsonl.gz nul.jsonl backfill_2099.jsonl; do
  [ -e "$input" ] || continue
  rm -f store.db
  set +e
  /usr/bin/time -f "%e %M" -o time.txt "$MARSAD" ingest -q --db store.db "$input" 2> err.txt
  rc=$?
  set -e
  read -r wall rss < <(tail -n 1 time.txt)
  msg=$(grep -m1 '^rejected' err.txt | sed "s|$WORK/||; s/|/\\\\|/g" | cut -c1-110 || true)
  stored=$(sqlite3 store.db "SELECT count(*) || ' (' || coalesce(sum(duplicate_of > 0), 0) || ' duplicates)' FROM articles" 2>/dev/null || echo "-")
  printf '| %s | %s | %s | %s | %d | %s |\n' "$input" "$rc" "${msg:-none}" "$wall" $((rss / 1024)) "$stored"
done
