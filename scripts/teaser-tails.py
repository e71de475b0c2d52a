#!/usr/bin/env python3
# Teaser tails before/after the rule, from `marsad extract --format json --explain`
# over the whole ant2018 corpus. "With a tail": the cleaned text ends with a run of
# >= 3 paragraphs each of which is also a paragraph of another report of the same
# outlet (the recurrence detector; before = text + the paragraphs the rule removed).
# Usage: teaser-tails.py EXTRACT.jsonl [FIRST_DAY LAST_DAY]  (the days count only the
# reports published in that range; recurrence is still counted over the whole file).
import json,sys,re,collections
def key(p): return re.sub(r'\s+',' ',p).strip()
docs=[json.loads(l) for l in open(sys.argv[1]) if l.strip()]
by=collections.defaultdict(list)
for d in docs: by[d.get('outlet','')].append(d)
for o,ds in sorted(by.items(), key=lambda x:-len(x[1])):
    after=[[key(p) for p in d['text'].split('\n\n') if key(p)] for d in ds]
    removed=[[key(r['text']) for r in d.get('removed',[]) if r['reason']=='furniture:teaser'] for d in ds]
    before=[a+r for a,r in zip(after,removed)]
    cnt=collections.Counter()
    for b in before: cnt.update(set(p for p in b if len(p)>40))
    def tail(ps):
        k=0
        while k<len(ps) and cnt[ps[-1-k]]>=2 and len(ps[-1-k])>40: k+=1
        return 3<=k<len(ps)
    if len(sys.argv) > 3:
        keep=[sys.argv[2] <= d.get('published','')[:10] <= sys.argv[3] for d in ds]
        before=[b for b,k in zip(before,keep) if k]; after=[a for a,k in zip(after,keep) if k]
        removed=[r for r,k in zip(removed,keep) if k]; ds=[d for d,k in zip(ds,keep) if k]
    fired=sum(1 for r in removed if r)
    tb=sum(map(tail,before)); ta=sum(map(tail,after))
    # removed paragraphs that recur elsewhere (confirmed teasers) vs not
    rp=sum(len(r) for r in removed); rc=sum(1 for r in removed for p in r if cnt[p]>=2)
    print(f"{o}\treports {len(ds)}\ttail before {tb}\tafter {ta}\trule fired {fired}\tparagraphs removed {rp} (found in another report: {rc})")
