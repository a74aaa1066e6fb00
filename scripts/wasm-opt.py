#!/usr/bin/env python3
"""Post-build step (run by scripts/post-build.sh in release builds): shrinks the bundle's wasm
with binaryen's wasm-opt and updates the Subresource Integrity hash that Trunk wrote for it in
index.html, so the preload link still matches. The JavaScript glue is untouched (wasm-opt keeps
every import and export).

wasm-opt is the JavaScript build from the npm package `binaryen`, installed project-locally in
tools/node_modules by scripts/setup.sh (pinned in tools/package.json and its lock file); a
`wasm-opt` of the same version on PATH also works. The WebAssembly features rustc emits for
wasm32-unknown-unknown (bulk memory, sign extension, non-trapping float-to-int, mutable globals,
reference types, multi-value) are enabled explicitly because wasm-bindgen drops the
target_features section that would announce them.

Function order: gzip only finds repeats within its last 32 KB, and the linker lays functions out
in no useful order, so look-alike functions (the same generic for different types, the drop glue
of related types) end up far apart. The release profile keeps the function names
(`strip = false`) until this step; after `-Oz` the functions are renamed to their rank in
demangled-name order without the hashes, laid out by that name (`--reorder-functions-by-name`),
and the names dropped (`--strip-debug`). Same code, about 15 KB less once gzipped (2026-11-25).

Usage: python3 scripts/wasm-opt.py DIST  (or TRUNK_STAGING_DIR in the environment)
Environment: SLA_WASM_OPT=0 skips the step (e.g. to compare sizes); SLA_WASM_OPT_LEVEL picks
the level (default z).
"""
import base64
import glob
import hashlib
import os
import re
import shutil
import subprocess
import sys

from wasm_file import function_names, sections, leb, uleb

VERSION = "132"
FEATURES = [
    "--enable-bulk-memory",
    "--enable-sign-ext",
    "--enable-nontrapping-float-to-int",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
]
# Memory packing splits the data segment at runs of zeros; the bundle is served gzipped, where
# the zeros cost almost nothing and the extra segments cost more (measured: +21 KB gzipped).
# Rust's wasm puts its data at 1 MiB with the stack below it, so the first 1 KiB of memory is
# never addressed (only a stack already 1 MiB deep would reach it); telling wasm-opt lets it fold
# constant offsets into loads and stores (measured: -3 KB gzipped).
PASSES = ["--skip-pass=memory-packing", "--low-memory-unused", "--optimize-added-constants-propagate"]
FINAL = ["--reorder-functions-by-name", "--strip-debug", "--strip-producers"]


def ordering_key(name: str) -> str:
    """A demangled name without what differs between copies of one generic: the symbol hash
    (`::h0123...`) and crate disambiguators (`core[c593...]`)."""
    return re.sub(r"::h[0-9a-f]{16}\b", "", re.sub(r"\[[0-9a-f]+\]", "", name))


def rank_names(b: bytes) -> bytes:
    """The wasm with its name section replaced by each function's rank in `ordering_key` order
    (zero-padded, so wasm-opt's name order is that order)."""
    names = function_names(b)
    if not names:
        return b
    order = sorted(names, key=lambda idx: (ordering_key(names[idx]), idx))
    rank = {idx: r for r, idx in enumerate(order)}
    out = bytearray(b[:8])
    for sid, o, n in sections(b):
        if sid == 0:
            l, j = leb(b, o)
            if b[j:j + l] == b"name":
                continue
        out += bytes([sid]) + uleb(n) + b[o:o + n]
    sub = bytearray(uleb(len(rank)))
    for idx in sorted(names):
        label = ("f%07d" % rank[idx]).encode()
        sub += uleb(idx) + uleb(len(label)) + label
    payload = uleb(4) + b"name" + bytes([1]) + uleb(len(sub)) + bytes(sub)
    out += bytes([0]) + uleb(len(payload)) + payload
    return bytes(out)


def find_wasm_opt(root: str) -> str:
    candidates = [os.path.join(root, "tools", "node_modules", ".bin", "wasm-opt"), shutil.which("wasm-opt")]
    for path in candidates:
        if not path or not os.path.isfile(path):
            continue
        try:
            out = subprocess.run([path, "--version"], capture_output=True, text=True, check=True).stdout
        except (OSError, subprocess.CalledProcessError):
            continue
        if out.split()[2:3] == [VERSION]:
            return path
    sys.exit("wasm-opt: binaryen %s's wasm-opt not found (tools/node_modules/.bin/wasm-opt); "
             "run `bash scripts/setup.sh`" % VERSION)


def sri(data: bytes) -> str:
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode()


def main() -> None:
    dist = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("TRUNK_STAGING_DIR", "dist")
    if os.environ.get("SLA_WASM_OPT", "1") == "0":
        print("wasm-opt: skipped (SLA_WASM_OPT=0)")
        return
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    wasm_opt = find_wasm_opt(root)
    level = "-O" + os.environ.get("SLA_WASM_OPT_LEVEL", "z")
    index = os.path.join(dist, "index.html")
    with open(index, encoding="utf-8") as f:
        html = f.read()
    for path in sorted(glob.glob(os.path.join(dist, "*.wasm"))):
        before = os.path.getsize(path)
        tmp = path + ".opt"
        # -g keeps the names for the ordering step.
        subprocess.run([wasm_opt, level, "-g", *FEATURES, *PASSES, path, "-o", tmp], check=True)
        with open(tmp, "rb") as f:
            ranked = rank_names(f.read())
        with open(tmp, "wb") as f:
            f.write(ranked)
        subprocess.run([wasm_opt, *FEATURES, *FINAL, tmp, "-o", tmp], check=True)
        os.replace(tmp, path)
        with open(path, "rb") as f:
            data = f.read()
        # The wasm's preload link; Trunk's minified index.html leaves attribute values unquoted.
        link = re.compile(r'<link[^>]*\b%s\b[^>]*>' % re.escape(os.path.basename(path)))
        integrity = re.compile(r'integrity=("?)[^"\s>]*\1')
        html, n = link.subn(lambda m: integrity.sub('integrity="%s"' % sri(data), m.group(0)), html)
        if n == 0 and "integrity=" in html:
            sys.exit("wasm-opt: no preload link with an integrity attribute found for %s in index.html"
                     % os.path.basename(path))
        print("wasm-opt %s: %s %d -> %d bytes" % (level, os.path.basename(path), before, len(data)))
    with open(index, "w", encoding="utf-8") as f:
        f.write(html)


if __name__ == "__main__":
    main()
