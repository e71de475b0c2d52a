# Converts the working annotation (surfaces) into the committed gold file
# (offsets only, no press text). Usage: convert.py cands.tsv ann*.txt > gold.jsonl
import json, sys, re
def fnv(b):
    h=0xcbf29ce484222325
    for x in b:
        h^=x; h=(h*0x100000001b3)&0xFFFFFFFFFFFFFFFF
    return '%016x'%h
cands={}
for line in open(sys.argv[1],encoding='utf-8'):
    n,rec,b,e,flags,s=line.rstrip('\n').split('\t',5)
    cands[int(n)]=(int(rec),int(b),int(e),s)
def cas(tok):
    kind,v=tok.split(':')
    approx=v.startswith('~'); v=v.lstrip('~')
    if v.startswith('>='): return {"kind":kind,"min":float(v[2:]),"max":None,"approx":True}
    if '-' in v:
        a,b=v.split('-'); return {"kind":kind,"min":float(a),"max":float(b),"approx":True}
    return {"kind":kind,"min":float(v),"max":float(v),"approx":approx}
def boff(s, i): return len(s[:i].encode('utf-8'))
def wfind(s, w, pos=0):
    # whole-word occurrence (Arabic letters are \w)
    m=re.compile(r'(?<!\w)'+re.escape(w)+r'(?!\w)').search(s,pos)
    return m.start() if m else -1
out=[]
for f in sys.argv[2:]:
    for line in open(f,encoding='utf-8'):
        if line.startswith('#') or not line.strip(): continue
        parts=[p.strip() for p in line.split('|')]
        n=int(parts[0]); rec,b,e,s=cands[n]
        quotes=[]; pos=0
        for q in [x.strip() for x in parts[1].split(';') if x.strip()]:
            cue,spk,anchor=q.split('/')
            ci=wfind(s,cue,pos)
            if ci<0: raise SystemExit(f"{n}: cue {cue} not found")
            pos=ci+len(cue)
            nth=1
            if '#' in anchor: anchor,nth=anchor.split('#'); nth=int(nth)
            ai=wfind(s,anchor,pos)
            if ai<0: ai=wfind(s,anchor)
            for _ in range(nth-1): ai=wfind(s,anchor,ai+1)
            if ai<0: raise SystemExit(f"{n}: anchor {anchor} not found")
            entry={"cue":[boff(s,ci),boff(s,ci+len(cue))],"content":[boff(s,ai),boff(s,ai+len(anchor))]}
            if spk in ('?','-'): entry["speaker"]=None; entry["speaker_note"]= "outside" if spk=='?' else "none"
            else:
                si=wfind(s,spk)
                if si<0: si=s.find(spk)
                if si<0: raise SystemExit(f"{n}: speaker {spk} not found")
                entry["speaker"]=[boff(s,si),boff(s,si+len(spk))]
            quotes.append(entry)
        events=[]
        for ev in [x.strip() for x in parts[2].split(';') if x.strip()]:
            m=re.match(r'(\w+)\{(.*)\}$',ev)
            t,c=m.group(1),m.group(2)
            events.append({"type":t,"casualties":[cas(x) for x in c.split(',') if x]})
        out.append({"id":n,"record":rec,"begin":b,"end":e,"fnv":fnv(s.encode('utf-8')),"quotes":quotes,"events":events})
for o in sorted(out,key=lambda o:o["id"]):
    print(json.dumps(o,ensure_ascii=False))
