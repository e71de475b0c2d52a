#!/usr/bin/env python3
"""Would a score learned from judged pairs beat the hand-set story score?
(issue 20, stories round 5). A logistic regression over the parts of the
score (src/story/story_similarity.cc: terms, title, entities, shared figures
and dates, the publication gap, the happening's day, the same-kind bonus, the
no-shared-entity penalty), fitted on JUDGED pairs
(`eval_stories --pairs P.tsv --pair-parts J.tsv`: label same / related /
followup / different), scored by 10-fold cross-validation on them (Pearson
with the graded labels same 3, related or followup 2, different 1, and AUC of
same vs the rest) next to the hand score on the same pairs; then fitted on all
of them and applied to a second set: judged pairs (--pair-parts) and/or
gold-group pairs (`eval_stories --groups G.tsv --pair-features F.tsv`).
Pure Python, no third-party module.
Usage: scripts/story-pairs-cv.py JUDGED.tsv [--judged J2.tsv] [--groups F.tsv]
"""
import argparse
import math
import random

NAMES = ['bias', 'terms', 'title', 'entities', 'entities_unknown', 'figures',
         'dates', 'gap_days', 'same_event_day', 'event_days_apart',
         'same_kind_same_day', 'no_shared_entity']


def features(terms, title, ent, shared_ent, nums, dates, gap, egap, kind):
    corr = min(1.0, terms / 0.15)  # the score's term corroboration
    return [1.0, terms, title, max(0.0, ent), 1.0 if ent < 0 else 0.0,
            corr * min(nums, 3), corr * min(dates, 2),
            max(0, gap - 1) if gap >= 0 else 0,
            corr * (egap == 0), float(egap >= 2),
            corr * (kind and egap == 0), float(ent >= 0 and shared_ent == 0)]


def load_judged(path):
    xs, same, graded, hand = [], [], [], []
    for f in (l.rstrip('\n').split('\t') for l in list(open(path))[1:]):
        se, n, d, gap, eg, k = map(int, f[5:11])
        xs.append(features(float(f[2]), float(f[3]), float(f[4]), se, n, d,
                           gap, eg, k))
        same.append(int(f[0] == 'same'))
        graded.append(3 if f[0] == 'same' else 1 if f[0] == 'different' else 2)
        hand.append(float(f[11]))
    return xs, same, graded, hand


def load_groups(path):
    xs, same, hand = [], [], []
    for f in (l.rstrip('\n').split('\t') for l in list(open(path))[1:]):
        se, n, d, gap = map(int, f[4:8])
        kind = int(f[14]) if len(f) > 14 else 0
        xs.append(features(float(f[1]), float(f[2]), float(f[3]), se, n, d,
                           gap, int(f[13]), kind))
        same.append(int(f[0]))
        hand.append(float(f[8]))
    return xs, same, hand


def fit(xs, ys, l2=0.001, iters=8000, rate=2.0):
    w = [0.0] * len(xs[0])
    for _ in range(iters):
        grad = [0.0] * len(w)
        for x, y in zip(xs, ys):
            z = max(-30.0, min(30.0, sum(a * b for a, b in zip(w, x))))
            p = 1 / (1 + math.exp(-z))
            for j, v in enumerate(x):
                grad[j] += (p - y) * v
        for j in range(len(w)):
            w[j] -= rate * (grad[j] / len(xs) + (l2 * w[j] if j else 0))
    return w


def predict(w, xs):
    return [1 / (1 + math.exp(-max(-30.0, min(30.0, sum(
        a * b for a, b in zip(w, x)))))) for x in xs]


def pearson(x, y):
    mx, my = sum(x) / len(x), sum(y) / len(y)
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    return sxy / math.sqrt(sxx * syy)


def auc(scores, ys):
    pos = [s for s, y in zip(scores, ys) if y]
    neg = [s for s, y in zip(scores, ys) if not y]
    wins = sum((p > q) + 0.5 * (p == q) for p in pos for q in neg)
    return wins / (len(pos) * len(neg))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('judged')
    ap.add_argument('--judged', dest='judged2')
    ap.add_argument('--groups')
    ap.add_argument('--folds', type=int, default=10)
    a = ap.parse_args()
    xs, same, graded, hand = load_judged(a.judged)
    order = list(range(len(xs)))
    random.Random(5).shuffle(order)
    cv = [0.0] * len(xs)
    for k in range(a.folds):
        held = set(order[k::a.folds])
        train = [i for i in order if i not in held]
        w = fit([xs[i] for i in train], [same[i] for i in train])
        for i in held:
            cv[i] = predict(w, [xs[i]])[0]
    print(f'{a.judged}: {len(xs)} pairs; hand score Pearson '
          f'{pearson(hand, graded):.3f} AUC {auc(hand, same):.3f}; logistic, '
          f'{a.folds}-fold CV: Pearson {pearson(cv, graded):.3f} '
          f'AUC {auc(cv, same):.3f}')
    w = fit(xs, same)
    print('weights fitted on all of them: ' +
          ' '.join(f'{n}={v:.2f}' for n, v in zip(NAMES, w)))
    if a.judged2:
        x2, s2, g2, h2 = load_judged(a.judged2)
        p2 = predict(w, x2)
        print(f'{a.judged2}: {len(x2)} pairs; hand Pearson '
              f'{pearson(h2, g2):.3f} AUC {auc(h2, s2):.3f}; logistic '
              f'Pearson {pearson(p2, g2):.3f} AUC {auc(p2, s2):.3f}')
    if a.groups:
        x3, s3, h3 = load_groups(a.groups)
        print(f'{a.groups}: {len(x3)} pairs ({sum(s3)} same); hand AUC '
              f'{auc(h3, s3):.3f}; logistic AUC {auc(predict(w, x3), s3):.3f}')


if __name__ == '__main__':
    main()
