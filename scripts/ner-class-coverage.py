#!/usr/bin/env python3
"""How many of ANERcorp's unseen names a word-class table reaches (issue 23).

For each of the five contiguous dev blocks of train_ner's --dev-block K/5
(sentences split on final punctuation, as ParseConll does), the names of the
block that never occur as a name in the other four blocks; for each table, the
share of those names whose every word has a class, whose some word has one,
and the share of their words with one. A word is looked up by its folded key
(build_clusters --text folds ANERcorp's tokens, so the keys are the tagger's),
then without a leading clitic (و ف ب ل ك, وال فال بال كال لل), roughly as the
tagger falls back to the bare word. Reads no labels of the tables, only their
words. Usage:
  MARSAD_DATA_DIR=data scripts/ner-class-coverage.py BUILD_DIR TABLE.tsv...
"""
import gzip
import json
import os
import subprocess
import sys
import tempfile

build, tables = sys.argv[1], sys.argv[2:]
shared = os.environ.get('MARSAD_SHARED',
                        os.path.join(os.path.dirname(__file__), '..', '..', 'shared'))
aner = os.path.join(shared, 'data', 'ner', 'anercorp_train.tsv')

sents = [[]]
for line in open(aner, encoding='utf-8'):
    f = [x.strip() for x in line.rstrip('\n').split('\t')]
    f = [x for x in f if x]
    if not f:
        if sents[-1]:
            sents.append([])
        continue
    if len(f) < 2:
        continue
    sents[-1].append((f[0], f[-1]))
    if f[0] in ('.', '!', '?', '؟'):
        sents.append([])
if not sents[-1]:
    sents.pop()

# Fold every token with the project's own key: one token per document.
tokens = sorted({t for s in sents for t, _ in s})
with tempfile.TemporaryDirectory() as tmp:
    src, out = os.path.join(tmp, 'tokens.jsonl.gz'), os.path.join(tmp, 'folded.txt')
    with gzip.open(src, 'wt', encoding='utf-8') as g:
        for t in tokens:
            g.write(json.dumps({'content': t}, ensure_ascii=False) + '\n')
    subprocess.run([os.path.join(build, 'tools', 'build_clusters', 'build_clusters'),
                    '--text', src, out], check=True)
    folded = [l.strip().replace(' ', '') for l in open(out, encoding='utf-8')]
fold = dict(zip(tokens, folded))


def names(ss):
    out, cur = [], None
    for s in ss:
        for tok, tag in s:
            if tag.startswith('B-') or (tag.startswith('I-') and (cur is None or cur[0] != tag[2:])):
                if cur:
                    out.append(cur)
                cur = (tag[2:], [tok])
            elif tag.startswith('I-'):
                cur[1].append(tok)
            else:
                if cur:
                    out.append(cur)
                cur = None
        if cur:
            out.append(cur)
        cur = None
    return [tuple(w) for _, w in out]


PROCLITICS = ['وال', 'فال', 'بال', 'كال', 'لل', 'و', 'ف', 'ب', 'ل', 'ك']
n = len(sents)
unseen = []
for k in range(5):
    lo, hi = n * k // 5, n * (k + 1) // 5
    seen = set(names(sents[:lo] + sents[hi:]))
    unseen += [w for w in names(sents[lo:hi]) if w not in seen]

for path in tables:
    words = {l.split('\t', 1)[0] for l in open(path, encoding='utf-8') if not l.startswith('#')}

    def classed(tok):
        key = fold.get(tok, tok)
        return key in words or any(
            key.startswith(p) and len(key) > len(p) + 1 and key[len(p):] in words
            for p in PROCLITICS)

    every = some = n_words = n_classed = 0
    for w in unseen:
        ok = [classed(t) for t in w]
        every += all(ok)
        some += any(ok)
        n_words += len(ok)
        n_classed += sum(ok)
    print(f'{path}: {len(words)} words; {len(unseen)} unseen names of the five dev blocks: '
          f'every word classed {every / len(unseen):.3f}, some word {some / len(unseen):.3f}; '
          f'words classed {n_classed}/{n_words} = {n_classed / n_words:.3f}')
