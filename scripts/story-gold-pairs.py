#!/usr/bin/env python3
"""Draw a blind sample of report pairs from a story gold (groups.tsv + links.tsv) for a second reading.

Writes BLIND (pair id, urls, titles, first N characters of content; no label) and KEY (pair id, stratum,
gold relation same|followup|related|different, story ids). Strata, all within one window:
  same  : pairs of one gold story; a multi-report story is drawn uniformly, then a not-yet-drawn pair in it
  hard  : pairs of different, unlinked stories whose titles share a content word (uniform over such pairs)
  link  : pairs across stories linked in links.tsv (links taken in turn, a random pair each time)
The three strata are shuffled together (fixed seed) so the reader cannot tell them apart.
The reader writes LABELS (pair id TAB same|followup|related|different) before opening KEY; then
  story-gold-pairs.py --compare KEY LABELS
prints the agreement, Cohen's kappa on same vs not-same and the disagreements.
"""
import argparse, sys, gzip, json, random, re, itertools, collections

STOP = set("""في من على إلى الى عن مع أن ان إن هذا هذه التي الذي الذين بعد قبل بين حول خلال ضد منذ لدى عند كل غير
أو او ثم قد لم لن لا ما ماذا كان كانت يكون تكون وقد وفي ومن وعلى وأن أمس اليوم غدا يوم عام العام أكثر أقل
الثلاثاء الأربعاء الخميس الجمعة السبت الأحد الاثنين""".split())

def norm(w):
    w = re.sub(r'[\u064B-\u0652\u0640]', '', w)
    w = re.sub('[إأآ]', 'ا', w).replace('ى', 'ي').replace('ة', 'ه')
    return w

def content_words(title):
    out = set()
    for w in re.findall(r'[\u0621-\u064A\u0640\u064B-\u0652]+|[A-Za-z0-9]+', title):
        if w in STOP or len(w) < 3:
            continue
        n = norm(w)
        if n.startswith('وال'): n = n[1:]
        if n.startswith('ال') and len(n) > 4: n = n[2:]
        if n in {norm(s) for s in STOP} or len(n) < 3:
            continue
        out.add(n)
    return out

def compare(key_path, labels_path):
    key = {}
    for l in open(key_path, encoding='utf-8'):
        f = l.rstrip('\n').split('\t')
        if f[0] != 'pair': key[f[0]] = f
    lab = dict(l.rstrip('\n').split('\t')[:2] for l in open(labels_path, encoding='utf-8') if l.strip() and not l.startswith('#'))
    assert set(lab) == set(key), 'labels and key name different pairs'
    ps = sorted(lab); n = len(ps)
    exact = sum(lab[p] == key[p][2] for p in ps)
    a = [lab[p] == 'same' for p in ps]; g = [key[p][2] == 'same' for p in ps]
    po = sum(x == y for x, y in zip(a, g)) / n
    pa, pg = sum(a) / n, sum(g) / n
    pe = pa * pg + (1 - pa) * (1 - pg)
    kappa = (po - pe) / (1 - pe) if pe < 1 else float('nan')
    print(f'pairs {n}; four-way agreement {exact}/{n} = {exact / n:.3f}')
    print(f'same vs not-same: agreement {po:.3f}, Cohen kappa {kappa:.3f} (reader same {sum(a)}, gold same {sum(g)})')
    conf = collections.Counter((key[p][2], lab[p]) for p in ps)
    for (gl, rl), c in sorted(conf.items()): print(f'  gold {gl:10s} reader {rl:10s} {c}')
    for p in ps:
        if lab[p] != key[p][2]: print(f'  disagree {p} ({key[p][1]}): gold {key[p][2]}, reader {lab[p]}; {key[p][3]} {key[p][4]}')

def main():
    if len(sys.argv) == 4 and sys.argv[1] == '--compare':
        return compare(sys.argv[2], sys.argv[3])
    ap = argparse.ArgumentParser()
    ap.add_argument('--gold', default='tests/gold/stories_snn')
    ap.add_argument('--corpus', default='../shared/data/corpus/saudinewsnet.jsonl.gz')
    ap.add_argument('--window', default='2015-08-08..09')
    ap.add_argument('--seed', type=int, default=2026)
    ap.add_argument('--same', type=int, default=60)
    ap.add_argument('--hard', type=int, default=60)
    ap.add_argument('--link', type=int, default=20)
    ap.add_argument('--chars', type=int, default=600)
    ap.add_argument('--blind', required=True, help='pairs with titles and leads, no label')
    ap.add_argument('--key', required=True, help='pair id, stratum, gold relation, story ids')
    a = ap.parse_args()
    rng = random.Random(a.seed)

    story = {}
    for line in open(f'{a.gold}/groups.tsv', encoding='utf-8'):
        if line.startswith('#') or not line.strip(): continue
        f = line.rstrip('\n').split('\t')
        if f[4] == a.window: story[f[0]] = f[1]
    links = {}
    for line in open(f'{a.gold}/links.tsv', encoding='utf-8'):
        if line.startswith('#') or not line.strip(): continue
        s1, s2, kind = line.rstrip('\n').split('\t')
        if s1 in story.values() and s2 in story.values(): links[(s1, s2)] = kind
    docs = {}
    with gzip.open(a.corpus, 'rt', encoding='utf-8') as fh:
        for line in fh:
            d = json.loads(line)
            if d['url'] in story and d['url'] not in docs: docs[d['url']] = d
    missing = [u for u in story if u not in docs]
    assert not missing, f'{len(missing)} gold urls not in corpus'

    members = collections.defaultdict(list)
    for u in sorted(story): members[story[u]].append(u)
    def relation(u, v):
        s, t = story[u], story[v]
        if s == t: return 'same'
        return links.get((s, t)) or links.get((t, s)) or 'different'

    chosen = []  # (stratum, u, v)
    seen = set()
    multi = sorted(s for s in members if len(members[s]) > 1)
    while sum(1 for c in chosen if c[0] == 'same') < a.same:
        s = rng.choice(multi)
        pairs = [p for p in itertools.combinations(members[s], 2) if p not in seen]
        if not pairs: multi.remove(s); continue
        p = rng.choice(pairs); seen.add(p); chosen.append(('same',) + p)
    words = {u: content_words(docs[u]['title']) for u in story}
    urls = sorted(story)
    hard = [(u, v) for u, v in itertools.combinations(urls, 2)
            if relation(u, v) == 'different' and words[u] & words[v]]
    for p in rng.sample(hard, min(a.hard, len(hard))):
        seen.add(p); chosen.append(('hard',) + p)
    lk = sorted(links)
    i = 0
    while lk and sum(1 for c in chosen if c[0] == 'link') < a.link:
        s1, s2 = lk[i % len(lk)]; i += 1
        pairs = [(u, v) if u < v else (v, u) for u in members[s1] for v in members[s2]]
        pairs = [p for p in pairs if p not in seen]
        if not pairs: lk.remove((s1, s2)); continue
        p = rng.choice(pairs); seen.add(p); chosen.append(('link',) + p)
    rng.shuffle(chosen)
    with open(a.blind, 'w', encoding='utf-8') as b, open(a.key, 'w', encoding='utf-8') as k:
        k.write('pair\tstratum\tgold\tstory_a\tstory_b\n')
        for n, (stratum, u, v) in enumerate(chosen, 1):
            if rng.random() < 0.5: u, v = v, u
            pid = f'p{n:03d}'
            b.write(f'=== {pid}\n')
            for tag, x in (('A', u), ('B', v)):
                d = docs[x]
                body = re.sub(r'\s+', ' ', d['content'])[:a.chars]
                b.write(f'{tag} {d["source"]} {d["date_extracted"]}\n{tag} url {x}\n{tag} title {d["title"]}\n{tag} text {body}\n')
            k.write(f'{pid}\t{stratum}\t{relation(u, v)}\t{story[u]}\t{story[v]}\n')
    print(f'pairs {len(chosen)} (hard candidates {len(hard)}); blind {a.blind}; key {a.key}')

if __name__ == '__main__':
    main()
