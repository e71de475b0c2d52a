#!/usr/bin/env python3
"""The stories of one week of ant_2018_multisource to read by hand (issue 20):
from `eval_stories --stories-out S.tsv` over the whole corpus, the 10 largest
stories with reports published FROM..TO and N random other multi-report ones
(seed 20), each report's time, outlet, category, title and first words.
Usage: scripts/story-week-sample.py S.tsv FROM TO [N] [CORPUS]"""
import collections
import gzip
import json
import random
import sys

stories_tsv, lo, hi = sys.argv[1:4]
nrand = int(sys.argv[4]) if len(sys.argv) > 4 else 20
corpus = (sys.argv[5] if len(sys.argv) > 5 else
          '../shared/data/corpus/ant_2018_multisource.jsonl.gz')
meta = {}
for line in gzip.open(corpus, 'rt'):
    j = json.loads(line)
    meta[j['url']] = (j['published'][:16], j['source'], j.get('category', ''),
                      j['title'], j['content'][:220].replace('\n', ' '))
stories = collections.defaultdict(list)
for line in open(stories_tsv):
    url, story = line.rstrip('\n').split('\t')[:2]
    if lo <= meta[url][0][:10] <= hi:
        stories[story].append(url)
multi = [s for s in stories if len(stories[s]) > 1]
big = sorted(multi, key=lambda s: -len(stories[s]))[:10]
rest = [s for s in multi if s not in big]
rnd = random.Random(20).sample(rest, min(nrand, len(rest)))
print('reports in week', sum(len(v) for v in stories.values()), 'stories',
      len(stories), 'multi', len(multi))
for tag, chosen in (('BIG', big), ('RND', rnd)):
    for s in chosen:
        print(f'\n== {tag} story {s}: {len(stories[s])} reports')
        for u in sorted(stories[s], key=lambda u: meta[u][0]):
            m = meta[u]
            print(f'  {m[0]} {m[1][:6]:6} {m[2][:10]:10} | {m[3][:90]} || '
                  f'{m[4][:160]}')
