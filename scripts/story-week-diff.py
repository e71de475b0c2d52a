#!/usr/bin/env python3
"""What a story change did to one week of ant_2018_multisource (issue 20):
two `eval_stories --stories-out` files (before, after) over the whole corpus;
prints the week's multi-report story counts and largest sizes, every
multi-report story of `before` whose reports no longer stay together, and
every story of `after` that gathers reports of several `before` stories.
Usage: scripts/story-week-diff.py BEFORE.tsv AFTER.tsv FROM TO [CORPUS]"""
import collections
import gzip
import json
import sys

before_p, after_p, lo, hi = sys.argv[1:5]
corpus = (sys.argv[5] if len(sys.argv) > 5 else
          '../shared/data/corpus/ant_2018_multisource.jsonl.gz')
meta = {}
for line in gzip.open(corpus, 'rt'):
    j = json.loads(line)
    meta[j['url']] = (j['published'][:10], j['title'])


def load(path):
    return dict(line.rstrip('\n').split('\t')[:2] for line in open(path))


a, b = load(before_p), load(after_p)
week = [u for u in a if lo <= meta[u][0] <= hi]
pa, pb = collections.defaultdict(set), collections.defaultdict(set)
for u in week:
    pa[a[u]].add(u)
    pb[b[u]].add(u)
print('week reports', len(week), 'multi stories before',
      sum(len(v) > 1 for v in pa.values()), 'after',
      sum(len(v) > 1 for v in pb.values()))
print('largest before:', sorted(map(len, pa.values()), reverse=True)[:10])
print('largest after:', sorted(map(len, pb.values()), reverse=True)[:10])
for s, us in pa.items():
    if len(us) > 1 and any(pb[b[u]] != us for u in us):
        print('\n# before story', s)
        for u in sorted(us, key=lambda u: meta[u][0]):
            print('   ', meta[u][0], 'after->', b[u], len(pb[b[u]]),
                  meta[u][1][:70])
for t, us in pb.items():
    if len(us) > 1 and len({a[u] for u in us}) > 1:
        print('\n# after story', t, 'joins before-stories', {a[u] for u in us})
        for u in sorted(us, key=lambda u: meta[u][0]):
            print('   ', meta[u][0], a[u], meta[u][1][:70])
