#!/usr/bin/env python3
"""What the story pair score can do, from `eval_stories --pair-features FILE`
(issue 20): the AUC of the score on same-story vs different-story pairs, and
the BCubed an offline clustering of the same scores would reach (average,
single and complete link at a few thresholds), over the gold reports that
appear in the file. Usage: scripts/story-pairs.py PAIRS.tsv"""
import sys

rows = [l.rstrip('\n').split('\t') for l in open(sys.argv[1])][1:]
gold, score = {}, {}
for r in rows:
    i, j = int(r[9]), int(r[10])
    gold[i], gold[j] = r[11], r[12]
    score[(i, j)] = float(r[8])
ids = sorted(gold)
labels = [(float(r[8]), r[0] == '1') for r in rows]
labels.sort()
pos = sum(1 for _, y in labels if y)
neg = len(labels) - pos
rank_sum = sum(k + 1 for k, (_, y) in enumerate(labels) if y)
print(f"pairs {len(labels)} ({pos} same story); AUC of the score "
      f"{(rank_sum - pos * (pos + 1) / 2) / (pos * neg):.3f}")


def bcubed(cluster):
    p = r = 0.0
    for i in ids:
        pred = [j for j in ids if cluster[j] == cluster[i]]
        same = [j for j in ids if gold[j] == gold[i]]
        both = sum(1 for j in pred if gold[j] == gold[i])
        p += both / len(pred)
        r += both / len(same)
    p, r = p / len(ids), r / len(ids)
    return p, r, 2 * p * r / (p + r)


def sim(a, b):
    return score.get((min(a, b), max(a, b)), 0.0)


for link in ('average', 'single', 'complete'):
    for t in (0.36, 0.42, 0.48):
        members = {i: [i] for i in ids}
        while True:
            best, best_v = None, t
            keys = list(members)
            for x in range(len(keys)):
                for y in range(x + 1, len(keys)):
                    s = [sim(a, b) for a in members[keys[x]] for b in members[keys[y]]]
                    v = {'average': sum(s) / len(s), 'single': max(s), 'complete': min(s)}[link]
                    if v >= best_v:
                        best, best_v = (keys[x], keys[y]), v
            if not best:
                break
            members[best[0]] += members.pop(best[1])
        cluster = {m: k for k, ms in members.items() for m in ms}
        p, r, f = bcubed(cluster)
        print(f"{link:8s} link at {t:.2f}: BCubed P {p:.3f} R {r:.3f} F1 {f:.3f} "
              f"({len(ids)} reports)")
