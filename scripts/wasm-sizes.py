#!/usr/bin/env python3
"""Where the wasm's code goes: bytes of function bodies per crate (the first crate named in each
function's symbol) and, with a count, the largest functions.

Needs a build that keeps the names section (the release profile does; scripts/wasm-opt.py
drops it from the bundle):

    cargo build --release --target wasm32-unknown-unknown --bin sla-web
    python3 scripts/wasm-sizes.py target/wasm32-unknown-unknown/release/sla-web.wasm 40

Sizes are before wasm-opt and before gzip; use them to compare, not as the bundle's size.
"""
import collections, sys

from wasm_file import body_sizes, function_names, imported_functions

b=open(sys.argv[1],'rb').read()
names=function_names(b); imports=imported_functions(b)
rows=[(names.get(imports+f,'?'),sz) for f,sz in enumerate(body_sizes(b))]
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
