#!/usr/bin/env python3
"""Validate a comparison gold file (default stories.jsonl; e.g. stories_r2.jsonl) against the
ANT 2018 multi-source corpus, or (snn_*.jsonl) against SaudiNewsNet.

Checks schema, split rule, that every position's url/record agree, and that every
byte span decodes cleanly (UTF-8 boundaries, no leading/trailing space).
No press text is stored here; `--show` prints the spans to the terminal only.

usage: python3 check.py [FILE] [--corpus PATH] [--show] [--counts]
       FILE defaults to stories.jsonl next to this script. A FILE named snn_*.jsonl is checked
       against saudinewsnet.jsonl.gz by default; for a corpus without `published` (SaudiNewsNet)
       a position's first_seen must be its record's `date_extracted` as YYYY-MM-DDTHH:MM:SS+00:00.
"""
import argparse, collections, gzip, hashlib, json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CORPUS = [
    '/work/shared/data/corpus/ant_2018_multisource.jsonl.gz',
    os.path.join(HERE, '../../../../shared/data/corpus/ant_2018_multisource.jsonl.gz'),
]
SNN_CORPUS = [
    '/work/shared/data/corpus/saudinewsnet.jsonl.gz',
    os.path.join(HERE, '../../../../shared/data/corpus/saudinewsnet.jsonl.gz'),
]
POINTS = {'killed', 'injured', 'killed_or_injured', 'missing', 'arrested', 'kidnapped',
          'occurred', 'weapon', 'responsibility', 'presence', 'other'}
KINDS = {'official', 'ngo', 'witness', 'medical', 'militant', 'outlet', 'other'}


def first_seen(r):
    """`published`, or SaudiNewsNet's `date_extracted` ('2015-08-01 07:51:13') as UTC ISO 8601."""
    if 'published' in r:
        return r['published']
    return r['date_extracted'].replace(' ', 'T') + '+00:00'


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('file', nargs='?', default=os.path.join(HERE, 'stories.jsonl'),
                    help='gold file (default: stories.jsonl)')
    ap.add_argument('--corpus')
    ap.add_argument('--show', action='store_true', help='print each span (terminal only)')
    ap.add_argument('--counts', action='store_true')
    a = ap.parse_args()
    defaults = SNN_CORPUS if os.path.basename(a.file).startswith('snn') else DEFAULT_CORPUS
    path = a.corpus or next((p for p in defaults if os.path.exists(p)), None)
    if not path:
        sys.exit('corpus not found; pass --corpus')
    recs = [json.loads(l) for l in gzip.open(path, 'rt', encoding='utf-8')]
    stories = [json.loads(l) for l in open(a.file, encoding='utf-8')]
    errs = []
    cnt = collections.Counter()
    prev_date = ''
    for s in stories:
        sid = s['id']
        for k in ('id', 'split', 'happening', 'date', 'place', 'urls', 'points'):
            if k not in s:
                errs.append(f'{sid}: missing {k}')
        exp = 'test' if int(hashlib.md5(s['urls'][0].encode()).hexdigest(), 16) % 3 == 0 else 'dev'
        if s['split'] != exp:
            errs.append(f'{sid}: split {s["split"]} != {exp}')
        if s['date'] < prev_date:
            errs.append(f'{sid}: stories not in time order')
        prev_date = s['date']
        if len(set(s['urls'])) != len(s['urls']):
            errs.append(f'{sid}: duplicate urls')
        url2rec = {r['url']: i for i, r in enumerate(recs)}
        srcs = {recs[url2rec[u]]['source'] for u in s['urls'] if u in url2rec}
        if len(srcs) < 2:
            errs.append(f'{sid}: fewer than 2 outlets')
        sp = s['split']
        cnt[('stories', sp)] += 1
        cnt[('reports', sp)] += len(s['urls'])
        for p in s['points']:
            if p['point'] not in POINTS:
                errs.append(f'{sid}: bad point {p["point"]}')
            if p['scope'] not in ('incident', 'wider'):
                errs.append(f'{sid}: bad scope')
            if not isinstance(p['contested'], bool) or not isinstance(p['timeline'], bool):
                errs.append(f'{sid}: contested/timeline not bool')
            cnt[('points', sp)] += 1
            cnt[('contested', sp)] += p['contested']
            cnt[('timeline', sp)] += p['timeline']
            cnt[('wider', sp)] += p['scope'] == 'wider'
            for q in p['positions']:
                cnt[('positions', sp)] += 1
                i = q['record']
                r = recs[i]
                if r['url'] != q['url']:
                    errs.append(f'{sid}: record {i} url mismatch')
                if q['url'] not in s['urls']:
                    errs.append(f'{sid}: position url not in story urls')
                if q['first_seen'] != first_seen(r):
                    errs.append(f'{sid}: first_seen mismatch for record {i}')
                if q['source_kind'] not in KINDS:
                    errs.append(f'{sid}: bad source_kind {q["source_kind"]}')
                b, e = q['span']
                raw = r['content'].encode('utf-8')
                if not (0 <= b < e <= len(raw)):
                    errs.append(f'{sid}: span out of range {q["span"]}')
                    continue
                try:
                    txt = raw[b:e].decode('utf-8')
                except UnicodeDecodeError:
                    errs.append(f'{sid}: span {q["span"]} not on UTF-8 boundary (record {i})')
                    continue
                if txt != txt.strip():
                    errs.append(f'{sid}: span {q["span"]} has outer whitespace')
                if a.show:
                    print(f'{sid}\t{p["point"]}\t{q["value"]}\t{i}\t{txt}')
    for e in errs:
        print('ERROR', e)
    if a.counts or not a.show:
        for key in ('stories', 'reports', 'points', 'contested', 'timeline', 'wider', 'positions'):
            d, t = cnt[(key, 'dev')], cnt[(key, 'test')]
            print(f'{key:10s} total {d + t:4d}  dev {d:4d}  test {t:4d}')
    print('OK' if not errs else f'{len(errs)} errors')
    sys.exit(1 if errs else 0)


if __name__ == '__main__':
    main()
