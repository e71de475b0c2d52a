#!/usr/bin/env python3
"""Convert the SaudiNewsNet held-out facts annotation (surface form, kept
outside the repository because it contains press text) into offset-only gold.

Usage:
    python3 convert_snn.py ANN_TXT [CORPUS_JSONL_GZ] [OUT_JSONL]

ANN_TXT format (one block per sentence, UTF-8):
    @ RECORD SENT_IDX                 sentence = SENT_IDX-th unit of split() below
    Q cue | content | SPK | head      one reported statement
        SPK = s:TEXT      speaker named in this sentence
              a:TEXT      speaker named earlier in the article (speaker_abs):
                          first occurrence of TEXT in content before the sentence
              a:TEXT@K    ... first occurrence inside sentence K of the record
              none        impersonal / unknown source (no head field)
        head = minimal name, searched inside the speaker (or speaker_abs) span
    E TYPE kind min max approx span ; kind min max approx span ; ...
        one event; min/max '-' = open bound (null); approx 0/1
    N                                  hard negative (no quote, no casualty)
    TEXT#K   = K-th occurrence (1-based) of TEXT in the searched range
    a[b]c    = (casualty span only) find "abc", the span is the "b" part
    Content and speaker are searched after the cue first, then from the
    sentence start.  An all-digit casualty span must not touch other digits.

Every produced span is re-sliced from the UTF-8 bytes and compared with the
surface string; any mismatch or missing string aborts the conversion.
The output holds offsets and hashes only, never press text.
"""
import gzip
import hashlib
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, '..', '..', '..'))
ABBR = set('د م أ ا ص ه ج ق ع ش'.split())


def split(content):
    """Sentence units (char offsets): split at newlines and at . ! ? ؟ (plus
    trailing closing quotes) followed by whitespace/end; a '.' after a
    one-letter Arabic abbreviation (د. م. ...) does not split."""
    out = []
    n = len(content)
    i = 0
    start = 0

    def push(s, e):
        while s < e and content[s].isspace():
            s += 1
        while e > s and content[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))

    while i < n:
        ch = content[i]
        if ch == '\n':
            push(start, i)
            start = i + 1
        elif ch in '.!?؟':
            j = i + 1
            while j < n and content[j] in '.!?؟"”»\')':
                j += 1
            if j >= n or content[j].isspace():
                k = i - 1
                w = ''
                while k >= 0 and not content[k].isspace():
                    w = content[k] + w
                    k -= 1
                if ch == '.' and w in ABBR:
                    i += 1
                    continue
                push(start, j)
                start = j
                i = j
                continue
        i += 1
    push(start, n)
    return out


def fnv1a64(b):
    h = 0xcbf29ce484222325
    for x in b:
        h ^= x
        h = (h * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return '%016x' % h


def occ(text):
    m = re.match(r'^(.*?)#(\d+)$', text)
    if m:
        return m.group(1), int(m.group(2))
    return text, 1


def find(hay, needle, lo, hi, k=1, digits=False):
    """k-th occurrence of needle in hay[lo:hi] (str offsets) or None."""
    pos = lo
    c = 0
    while True:
        p = hay.find(needle, pos, hi)
        if p < 0:
            return None
        if digits:
            bad = (p > 0 and hay[p - 1].isdigit()) or \
                  (p + len(needle) < len(hay) and hay[p + len(needle)].isdigit())
            if bad:
                pos = p + 1
                continue
        c += 1
        if c == k:
            return p
        pos = p + 1


class Err(Exception):
    pass


def main():
    ann = sys.argv[1] if len(sys.argv) > 1 else '/tmp/ann_snn/ann.txt'
    corpus = sys.argv[2] if len(sys.argv) > 2 else None
    outp = sys.argv[3] if len(sys.argv) > 3 else os.path.join(HERE, 'saudinewsnet.jsonl')
    if corpus is None:
        for c in ['/work/shared/data/corpus/saudinewsnet.jsonl.gz',
                  os.path.join(REPO, '..', 'shared', 'data', 'corpus', 'saudinewsnet.jsonl.gz')]:
            if os.path.exists(c):
                corpus = c
                break
    recs = [json.loads(l) for l in gzip.open(corpus, 'rt', encoding='utf-8')]

    # tuning material that must not be re-used
    excl_rec = set()
    gp = os.path.join(REPO, 'tests', 'gold', 'facts', 'gold.jsonl')
    if os.path.exists(gp):
        for l in open(gp, encoding='utf-8'):
            if l.strip():
                excl_rec.add(json.loads(l)['record'])
    excl_url = set()
    for f in ['groups.tsv', 'pairs.tsv']:
        p = os.path.join(REPO, 'tests', 'gold', 'stories', f)
        if os.path.exists(p):
            for l in open(p, encoding='utf-8'):
                if l.startswith('#'):
                    continue
                for x in l.rstrip('\n').split('\t'):
                    if x.startswith('http'):
                        excl_url.add(x)

    blocks = []
    cur = None
    for ln, line in enumerate(open(ann, encoding='utf-8'), 1):
        line = line.rstrip('\n')
        if not line.strip() or line.startswith('#'):
            continue
        if line.startswith('@ '):
            _, r, s = line.split()
            cur = {'record': int(r), 'sent': int(s), 'Q': [], 'E': [], 'N': False, 'line': ln}
            blocks.append(cur)
        elif line.startswith('Q '):
            cur['Q'].append((ln, [x.strip() for x in line[2:].split('|')]))
        elif line.startswith('E '):
            cur['E'].append((ln, line[2:].strip()))
        elif line.strip() == 'N':
            cur['N'] = True
        else:
            raise Err('line %d: cannot parse' % ln)

    out = []
    seen = set()
    for bid, b in enumerate(blocks):
        r = recs[b['record']]
        if b['record'] in excl_rec or r['url'] in excl_url:
            raise Err('record %d is tuning material' % b['record'])
        key = (b['record'], b['sent'])
        if key in seen:
            raise Err('duplicate sentence %s' % (key,))
        seen.add(key)
        c = r['content']
        sents = split(c)
        cs, ce = sents[b['sent']]
        S = c[cs:ce]
        sb = len(c[:cs].encode('utf-8'))
        se = sb + len(S.encode('utf-8'))
        cb = c.encode('utf-8')
        assert cb[sb:se].decode('utf-8') == S

        def rel(a, e):          # char offsets in S -> byte offsets in S
            return [len(S[:a].encode('utf-8')), len(S[:e].encode('utf-8'))]

        def absb(a, e):         # char offsets in c -> byte offsets in c
            return [len(c[:a].encode('utf-8')), len(c[:e].encode('utf-8'))]

        def srel(text, lo=0, ln=0):
            t, k = occ(text)
            p = find(S, t, lo, len(S), k)
            if p is None:
                raise Err('line %d: %r not found in sentence' % (ln, text))
            return p, p + len(t)

        quotes = []
        for ln, f in b['Q']:
            if len(f) not in (3, 4):
                raise Err('line %d: bad Q' % ln)
            ca, ce_ = srel(f[0], 0, ln)
            t, k = occ(f[1])
            p = find(S, t, ce_, len(S), k)
            if p is None:
                p = find(S, t, 0, len(S), k)
            if p is None:
                raise Err('line %d: content %r not found' % (ln, f[1]))
            q = {'cue': rel(ca, ce_), 'content': rel(p, p + len(t))}
            spk = f[2]
            if spk == 'none':
                q['speaker'] = None
                q['speaker_head'] = None
                q['speaker_note'] = 'none'
            elif spk.startswith('s:'):
                t, k = occ(spk[2:])
                p = find(S, t, ca, len(S), k) if k == 1 else None
                if p is None:
                    p = find(S, t, 0, len(S), k)
                if p is None:
                    raise Err('line %d: speaker %r not found' % (ln, spk))
                q['speaker'] = rel(p, p + len(t))
                h, hk = occ(f[3])
                hp = find(S, h, p, p + len(t), hk)
                if hp is None:
                    raise Err('line %d: head %r not in speaker' % (ln, f[3]))
                q['speaker_head'] = rel(hp, hp + len(h))
            elif spk.startswith('a:'):
                t = spk[2:]
                m = re.match(r'^(.*)@(\d+)$', t)
                if m:
                    t = m.group(1)
                    ks, ke = sents[int(m.group(2))]
                    if ks >= cs:
                        raise Err('line %d: speaker sentence not earlier' % ln)
                    p = find(c, t, ks, ke)
                else:
                    p = find(c, t, 0, cs)
                if p is None:
                    raise Err('line %d: abs speaker %r not found before sentence' % (ln, t))
                q['speaker'] = None
                q['speaker_abs'] = absb(p, p + len(t))
                h, hk = occ(f[3])
                hp = find(c, h, p, p + len(t), hk)
                if hp is None:
                    raise Err('line %d: head %r not in abs speaker' % (ln, f[3]))
                q['speaker_head'] = absb(hp, hp + len(h))
            else:
                raise Err('line %d: bad speaker field' % ln)
            quotes.append(q)

        events = []
        for ln, e in b['E']:
            typ, rest = e.split(' ', 1)
            if typ not in ('ASSAULT', 'FIGHT', 'COERCE', 'ACCIDENT', 'PROTEST'):
                raise Err('line %d: bad type' % ln)
            cas = []
            for part in rest.split(';'):
                kind, mn, mx, ap, span = part.strip().split(' ', 4)
                if kind not in ('killed', 'injured', 'killed_or_injured', 'missing',
                                'arrested', 'kidnapped'):
                    raise Err('line %d: bad kind %s' % (ln, kind))
                t, k = occ(span)
                m = re.match(r'^(.*)\[(.+)\](.*)$', t)
                pre, core = (m.group(1), m.group(2)) if m else ('', t)
                whole = t.replace('[', '').replace(']', '')
                p = find(S, whole, 0, len(S), k, digits=whole.isdigit())
                if p is None:
                    raise Err('line %d: number span %r not found' % (ln, span))
                p += len(pre)
                cas.append({'kind': kind,
                            'min': None if mn == '-' else int(mn),
                            'max': None if mx == '-' else int(mx),
                            'approx': ap == '1',
                            'span': rel(p, p + len(core))})
                # verification of the span surface
                bs, be = cas[-1]['span']
                if S.encode('utf-8')[bs:be].decode('utf-8') != core:
                    raise Err('line %d: span mismatch' % ln)
            events.append({'type': typ, 'casualties': cas})

        if b['N'] and (quotes or events):
            raise Err('block line %d: negative with annotations' % b['line'])
        if not b['N'] and not (quotes or events):
            raise Err('block line %d: empty block not marked N' % b['line'])

        # verify every quote span against its surface
        Sb = S.encode('utf-8')
        for (ln, f), q in zip(b['Q'], quotes):
            chk = [(q['cue'], occ(f[0])[0], Sb), (q['content'], occ(f[1])[0], Sb)]
            if q.get('speaker'):
                chk.append((q['speaker'], occ(f[2][2:])[0], Sb))
                chk.append((q['speaker_head'], occ(f[3])[0], Sb))
            if q.get('speaker_abs'):
                chk.append((q['speaker_abs'], re.sub(r'@\d+$', '', f[2][2:]), cb))
                chk.append((q['speaker_head'], occ(f[3])[0], cb))
            for (x, y), surf, buf in chk:
                if buf[x:y].decode('utf-8') != surf:
                    raise Err('line %d: verification failed for %r' % (ln, surf))

        url = r['url']
        split_ = 'test' if int(hashlib.md5(url.encode()).hexdigest(), 16) % 2 == 1 else 'dev'
        out.append({'id': len(out), 'corpus': 'saudinewsnet', 'record': b['record'],
                    'url': url, 'outlet': r['source'], 'split': split_,
                    'begin': sb, 'end': se, 'fnv': fnv1a64(Sb),
                    'quotes': quotes, 'events': events})

    with open(outp, 'w', encoding='utf-8') as fo:
        for o in out:
            fo.write(json.dumps(o, ensure_ascii=False) + '\n')
    print('wrote %d sentences to %s' % (len(out), outp))


if __name__ == '__main__':
    try:
        main()
    except Err as e:
        sys.exit('ERROR: %s' % e)
