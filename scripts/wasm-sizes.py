#!/usr/bin/env python3
"""Where the wasm's code goes: bytes of function bodies per crate (the first crate named in each
function's symbol) and, with a count, the largest functions.

Needs a build that keeps the names section (the release profile does; scripts/wasm-opt.py
drops it from the bundle):

    cargo build --release --target wasm32-unknown-unknown --bin sla-web
    python3 scripts/wasm-sizes.py target/wasm32-unknown-unknown/release/sla-web.wasm 40

Sizes are before wasm-opt and before gzip; use them to compare, not as the bundle's size.
"""
import re, subprocess, collections, sys
b=open(sys.argv[1],'rb').read()
def leb(b,i):
    r=0;s=0
    while True:
        x=b[i];i+=1;r|=(x&0x7f)<<s;s+=7
        if x<0x80: return r,i
i=8; secs=[]
while i<len(b):
    sid=b[i];i+=1; n,i=leb(b,i); secs.append((sid,i,n)); i+=n
imports=0; names={}; code=None
for sid,o,n in secs:
    if sid==2:
        cnt,j=leb(b,o)
        for _ in range(cnt):
            l,j=leb(b,j); j+=l; l,j=leb(b,j); j+=l; kind=b[j]; j+=1
            if kind==0: _,j=leb(b,j); imports+=1
            elif kind==1: j+=1; fl,j=leb(b,j); _,j=leb(b,j)
            elif kind==2: fl=b[j]; j+=1; _,j=leb(b,j)
            elif kind==3: j+=2
    if sid==10: code=(o,n)
    if sid==0:
        l,j=leb(b,o); nm=b[j:j+l].decode(); j+=l
        if nm=='name':
            end=o+n
            while j<end:
                sub=b[j]; j+=1; sl,j=leb(b,j); se=j+sl
                if sub==1:
                    cnt,k=leb(b,j)
                    for _ in range(cnt):
                        idx,k=leb(b,k); l,k=leb(b,k); names[idx]=b[k:k+l].decode('utf-8','replace'); k+=l
                j=se
o,n=code; cnt,j=leb(b,o); rows=[]
for f in range(cnt):
    sz,j2=leb(b,j); rows.append((names.get(imports+f,'?'),sz)); j=j2+sz
crates=['sla_web','sla_core','yew','serde_json','serde_core','serde','chrono','hashbrown','csv_core','csv','miniz_oxide','wasm_bindgen','js_sys','web_sys','gloo','implicit_clone','dlmalloc','indexmap','alloc','core','std']
first=collections.Counter(); anysla=collections.Counter()
top=[]
for nm,sz in rows:
    pos=[(nm.find(c),c) for c in crates if c in nm]
    c=min(pos)[1] if pos else 'other'
    first[c]+=sz
    top.append((sz,nm))
tot=sum(first.values()); print('code bytes',tot)
for c,v in first.most_common(): print(f'{v:8d} {v*100/tot:5.1f}% {c}')
top.sort(reverse=True)
if len(sys.argv)>2:
    for sz,nm in top[:int(sys.argv[2])]: print(sz, nm[:150])
