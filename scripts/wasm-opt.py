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
PASSES = ["--skip-pass=memory-packing", "--strip-debug", "--strip-producers"]


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
        subprocess.run([wasm_opt, level, *FEATURES, *PASSES, path, "-o", tmp], check=True)
        os.replace(tmp, path)
        with open(path, "rb") as f:
            data = f.read()
        name = re.escape(os.path.basename(path))
        tag = re.compile(r'(<link[^>]*href="[^"]*%s"[^>]*integrity=")[^"]*(")' % name)
        html, n = tag.subn(lambda m: m.group(1) + sri(data) + m.group(2), html)
        if n == 0 and 'integrity="' in html:
            sys.exit("wasm-opt: no integrity attribute found for %s in index.html" % os.path.basename(path))
        print("wasm-opt %s: %s %d -> %d bytes" % (level, os.path.basename(path), before, len(data)))
    with open(index, "w", encoding="utf-8") as f:
        f.write(html)


if __name__ == "__main__":
    main()
