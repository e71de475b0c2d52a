#!/usr/bin/env python3
"""A pseudo-gold of unread news for eval_facts (issue 21, figures round 14).

Draws articles that no facts gold uses and writes every sentence of them as a
gold line with no quotation and no figure, so that

  MARSAD_DATA_DIR=$PWD/data build/tools/eval_facts/eval_facts \
    --corpus ../shared/data/corpus/CORPUS.jsonl.gz \
    --gold OUT_KEY.jsonl --split dev --verbose

prints every figure marsad gives on them ("gold | predicted ..."), for reading
by hand (precision) and for comparing two builds line by line. No press text
is written: lines hold record numbers, byte offsets and FNV-1a 64 hashes. The
output belongs outside the repository with the notes read from it.

Sample (round 14): articles of 800-6,000 characters with a harm word, not a
record or url of tests/gold, and for ant2018 and Jawhara FM not of a day any
facts_heldout record is from (SaudiNewsNet has no such day left: its records
are excluded one by one); 1,000 ant2018 (seed 1401), 800 SaudiNewsNet (1402),
200 Jawhara FM (1403). Usage:

  scripts/facts-unread-sample.py ../shared/data/corpus OUT_PREFIX

writes OUT_PREFIX_ant2018.jsonl, OUT_PREFIX_saudinewsnet.jsonl and
OUT_PREFIX_jawhara.jsonl. A gold file added later (a new round) changes the
exclusions, so the draw is of the tree it is run in.
"""
import glob
import gzip
import json
import os
import random
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GOLD = os.path.join(ROOT, 'tests', 'gold')
sys.path.insert(0, os.path.join(GOLD, 'facts_heldout'))
from convert_snn import split  # noqa: E402  (the gold's sentence units)

HARM = re.compile('قتل|مقتل|قتيل|أصيب|اصيب|إصاب|اصاب|جرح|جريح|اعتقل|اعتقال|'
                  'توقيف|القبض|اختطا|خطف|مفقود|فقدان|وفاة|توفي|حتف|مصرع|غرق|'
                  'ضحايا|اغتيال|اغتيل|أسر |ضبط|احتجاز')
PLAN = [('ant_2018_multisource', 'ant2018', 1000, 1401),
        ('saudinewsnet', 'saudinewsnet', 800, 1402),
        ('ant_jawharafm', 'jawhara', 200, 1403)]


def fnv(b):
    h = 0xcbf29ce484222325
    for c in b:
        h ^= c
        h = (h * 0x100000001b3) & 0xffffffffffffffff
    return '%016x' % h


def day(r):
    return (r.get('published') or r.get('date_extracted') or '')[:10]


def main(corpus_dir, prefix):
    urls = set()
    for f in glob.glob(GOLD + '/**/*', recursive=True):
        if os.path.isfile(f):
            try:
                t = open(f, encoding='utf-8').read()
            except (UnicodeDecodeError, OSError):
                continue
            urls.update(re.findall(r'https?://[^\s"\t]+', t))
    used = {}
    for f in glob.glob(GOLD + '/facts_heldout/*.jsonl'):
        for line in open(f, encoding='utf-8'):
            g = json.loads(line)
            used.setdefault(g['corpus'], set()).add(g['record'])
    n = 0
    for cname, key, k, seed in PLAN:
        path = os.path.join(corpus_dir, cname + '.jsonl.gz')
        rows = [json.loads(line) for line in gzip.open(path, 'rt')]
        mine = used.get(key, set())
        gdays = {day(rows[i]) for i in mine}
        cand = [i for i, r in enumerate(rows)
                if i not in mine and r.get('url') not in urls and
                (key == 'saudinewsnet' or day(r) not in gdays) and
                800 <= len(r.get('content', '')) <= 6000 and
                HARM.search(r.get('content', ''))]
        random.seed(seed)
        pick = random.sample(cand, min(k, len(cand)))
        with open('%s_%s.jsonl' % (prefix, key), 'w', encoding='utf-8') as out:
            for i in sorted(pick):
                c = rows[i]['content']
                b = c.encode('utf-8')
                for s, e in split(c):
                    bs = len(c[:s].encode())
                    be = bs + len(c[s:e].encode())
                    out.write(json.dumps({
                        'id': n, 'corpus': key, 'record': i, 'split': 'dev',
                        'begin': bs, 'end': be, 'fnv': fnv(b[bs:be]),
                        'quotes': [], 'events': [],
                        'harm': bool(HARM.search(c[s:e]))}) + '\n')
                    n += 1
        print(cname, 'candidates', len(cand), 'drawn', len(pick),
              file=sys.stderr)
    print('sentences', n, file=sys.stderr)


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
