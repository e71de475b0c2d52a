#!/usr/bin/env python3
"""Convert the ant2018 working annotations (surface strings, kept outside the repo)
into offset-only gold (ant2018.jsonl). Contains no press text.

usage: convert_ant.py WORKFILE CORPUS.jsonl.gz OUT.jsonl [NAME]

NAME is the `corpus` field written to every line (default ant2018; `jawhara` for the Jawhara FM
file of the same ANT shape, ../shared/data/corpus/ant_jawharafm.jsonl.gz).

WORKFILE is a python file defining ITEMS: dicts with
  rec (0-based record number), k (sentence index, segmentation below), pre (sentence prefix, checked),
  quotes: [{cue, content, spk, head, abs, note}]   surfaces; "text@n" = n-th occurrence
  events: [{type, cas:[{kind, span, min, max, approx}]}], neg (bool)
Every span is located and its bytes re-checked against the surface; any mismatch aborts.
"""
import gzip, hashlib, json, re, sys

def sentences(content):
    """(begin_byte, end_byte, text): split on newlines, and on . ! ? ؟ followed by whitespace."""
    out, pos = [], 0
    for para in content.split('\n'):
        i = 0
        for m in re.finditer(r'[.!؟?](?=\s+\S)', para):
            out.append((pos + i, pos + m.end()))
            i = m.end()
            while i < len(para) and para[i] == ' ':
                i += 1
        out.append((pos + i, pos + len(para)))
        pos += len(para) + 1
    res = []
    for s, e in out:
        t = content[s:e]
        t2 = t.strip()
        if not t2:
            continue
        s2 = s + (len(t) - len(t.lstrip()))
        e2 = s2 + len(t2)
        res.append((len(content[:s2].encode()), len(content[:e2].encode()), t2))
    return res

def fnv1a64(b):
    h = 0xcbf29ce484222325
    for x in b:
        h ^= x
        h = (h * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return '%016x' % h

def find(hay, surface, lo=0, hi=None, where='', numeric=False):
    """byte span of the n-th occurrence of surface ("text@n") in hay[lo:hi] (hay: bytes).
    numeric: skip occurrences glued to other digits or letters (e.g. "16" inside "2016", "ست" inside "ستة")."""
    occ = 1
    m = re.match(r'^(.*)@(\d+)$', surface)
    if m:
        surface, occ = m.group(1), int(m.group(2))
    needle = surface.encode()
    hi = len(hay) if hi is None else hi
    p = lo - 1
    k = 0
    while k < occ:
        p = hay.find(needle, p + 1, hi)
        if p < 0:
            sys.exit('NOT FOUND (%s): occurrence %d of a %d-byte surface' % (where, occ, len(needle)))
        if numeric:
            before = hay[:p].decode(errors='ignore')[-1:]
            after = hay[p + len(needle):].decode(errors='ignore')[:1]
            if (before and (before.isdigit() or before in '.,٫')) or (after and (after.isdigit() or after.isalpha())):
                continue
        k += 1
    span = [p, p + len(needle)]
    assert hay[span[0]:span[1]] == needle
    return span

def main():
    work, corpus, outp = sys.argv[1:4]
    name = sys.argv[4] if len(sys.argv) > 4 else 'ant2018'
    ns = {}
    exec(open(work, encoding='utf-8').read(), ns)
    items = ns['ITEMS']
    recs = {}
    need = {it['rec'] for it in items}
    with gzip.open(corpus, 'rt', encoding='utf-8') as f:
        for i, line in enumerate(f):
            if i in need:
                recs[i] = json.loads(line)
    out, seen = [], set()
    for n, it in enumerate(items):
        d = recs[it['rec']]
        content = d['content']
        cb = content.encode()
        sents = sentences(content)
        b, e, text = sents[it['k']]
        where = 'rec %d sent %d' % (it['rec'], it['k'])
        if not text.startswith(it['pre']):
            sys.exit('PREFIX MISMATCH ' + where)
        if (it['rec'], it['k']) in seen:
            sys.exit('DUPLICATE ' + where)
        seen.add((it['rec'], it['k']))
        sb = cb[b:e]
        assert sb.decode() == text
        quotes = []
        for q in it['quotes']:
            o = {'cue': find(sb, q['cue'], where=where + ' cue'),
                 'content': find(sb, q['content'], where=where + ' content')}
            if q['spk']:
                sp = find(sb, q['spk'], where=where + ' speaker')
                o['speaker'] = sp
                o['speaker_head'] = find(sb, q['head'], sp[0], sp[1], where + ' head')
            else:
                o['speaker'] = None
                if q['abs']:
                    sp = find(cb, q['abs'], 0, b, where + ' speaker_abs')
                    o['speaker_abs'] = sp
                    o['speaker_head'] = find(cb, q['head'], sp[0], sp[1], where + ' head_abs')
                else:
                    assert q['note'] == 'none', where
                    o['speaker_note'] = 'none'
            quotes.append(o)
        events = []
        for ev in it['events']:
            assert ev['type'] in ('ASSAULT', 'FIGHT', 'COERCE', 'ACCIDENT', 'PROTEST'), where
            cas = []
            for c in ev['cas']:
                assert c['kind'] in ('killed', 'injured', 'killed_or_injured', 'missing', 'arrested', 'kidnapped'), where
                cas.append({'kind': c['kind'], 'min': c['min'], 'max': c['max'], 'approx': c['approx'],
                            'span': find(sb, c['span'], where=where + ' number', numeric=True)})
            events.append({'type': ev['type'], 'casualties': cas})
        if it['neg']:
            assert not quotes and not events, where
        url = d['url']
        split = 'test' if int(hashlib.md5(url.encode()).hexdigest(), 16) % 2 == 1 else 'dev'
        out.append({'id': n + 1, 'corpus': name, 'record': it['rec'], 'url': url, 'outlet': d['source'],
                    'split': split, 'begin': b, 'end': e, 'fnv': fnv1a64(sb),
                    'quotes': quotes, 'events': events})
    with open(outp, 'w', encoding='utf-8') as f:
        for o in out:
            f.write(json.dumps(o, ensure_ascii=False) + '\n')
    print('wrote %d sentences to %s' % (len(out), outp))

if __name__ == '__main__':
    main()
