#!/usr/bin/env python3
"""Checks the figures `scripts/eval.sh` printed against tests/eval_thresholds.tsv.

Usage: scripts/eval-check.py THRESHOLDS EVAL_LOG
       scripts/eval-check.py --self-test THRESHOLDS  (the check fails when it should,
       and every row of THRESHOLDS compiles and passes at its own "today" value)
Each threshold names the "== " heading its figure follows and a regex whose
group 1 is the figure; the first matching line after that heading (and before
the next one) is read. Exit status 1 if a figure regressed past its threshold
or could not be found under a heading that was printed; a heading that was not
printed (its data is absent: eval.sh says "skipped") is reported as skipped.
"""
import re
import sys


def read_thresholds(path):
    rows = []
    header = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if header is None:
                header = cols
                continue
            rows.append(dict(zip(header, cols)))
    return rows


def sections(log_lines):
    """{heading text: [lines under it]} in order; a heading may repeat."""
    out = []
    for line in log_lines:
        if line.startswith("== "):
            out.append((line[3:], []))
        elif out:
            out[-1][1].append(line)
    return out


def find(secs, section, regex):
    """(heading printed, figure or None)."""
    pattern = re.compile(regex)
    printed = False
    for heading, lines in secs:
        if not heading.startswith(section):
            continue
        printed = True
        for line in lines:
            m = pattern.search(line)
            if m:
                return True, float(m.group(1))
    return printed, None


def check(rows, log_text, out=print):
    """Number of failed figures."""
    secs = sections(log_text.splitlines())
    failed = 0
    out(f"{'figure':40} {'today':>8} {'threshold':>10} {'now':>8}  result")
    for r in rows:
        printed, value = find(secs, r["section"], r["regex"])
        limit = float(r["threshold"])
        if not printed:
            result, shown = "skipped (not evaluated)", "-"
        elif value is None:
            result, shown = "FAIL (figure not found)", "?"
            failed += 1
        else:
            ok = value >= limit if r["direction"] == "min" else value <= limit
            result = "ok" if ok else "FAIL (regressed)"
            failed += 0 if ok else 1
            shown = f"{value:g}"
        sign = ">=" if r["direction"] == "min" else "<="
        out(f"{r['name']:40} {r['today']:>8} {sign + ' ' + r['threshold']:>10} {shown:>8}  {result}")
    return failed


def self_test(path):
    rows = [{"name": "f1", "section": "ner", "regex": r"^micro F1 ([0-9.]+)",
             "direction": "min", "threshold": "0.70", "today": "0.75"},
            {"name": "flags", "section": "cmp", "regex": r"false flags ([0-9.]+)",
             "direction": "max", "threshold": "0.30", "today": "0.20"}]
    quiet = lambda *_: None
    cases = [("== ner\nmicro F1 0.75\n== cmp\nfalse flags 0.2\n", 0),
             ("== ner\nmicro F1 0.69\n== cmp\nfalse flags 0.2\n", 1),  # regressed
             ("== ner\nmicro F1 0.75\n== cmp\nfalse flags 0.31\n", 1),  # more flags
             ("== ner\ncrashed\n== cmp\nfalse flags 0.2\n", 1),  # figure missing
             ("== cmp\nfalse flags 0.2\n", 0)]  # not evaluated: skipped
    for log, want in cases:
        if check(rows, log, quiet) != want:
            print(f"self-test: expected {want} failure(s) on {log!r}")
            return 1
    for r in read_thresholds(path):
        re.compile(r["regex"])
        v, t = float(r["today"]), float(r["threshold"])
        if (r["direction"] == "min" and v < t) or (r["direction"] == "max" and v > t):
            print(f"self-test: {r['name']}: today's {v} does not pass its threshold {t}")
            return 1
    print("self-test: the check fails on a regression; every threshold passes today")
    return 0


def main(argv):
    if len(argv) == 3 and argv[1] == "--self-test":
        return self_test(argv[2])
    if len(argv) != 3:
        print(__doc__)
        return 2
    rows = read_thresholds(argv[1])
    with open(argv[2], encoding="utf-8", errors="replace") as f:
        failed = check(rows, f.read())
    print(f"\n{failed} of {len(rows)} figures failed" if failed
          else f"\nall {len(rows)} figures within their thresholds")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
