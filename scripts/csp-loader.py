#!/usr/bin/env python3
"""Post-build step (a Trunk post_build hook, see Trunk.toml) that makes the bundle satisfy a
strict Content-Security-Policy and work offline:

1. Trunk writes its wasm loader as an inline <script type="module"> into index.html, which
   `script-src 'self'` blocks. This moves it into its own file, loader-<hash>.js, referenced by
   <script type="module" src=... integrity=...> with the same public URL as Trunk's other tags.
2. Fails the build if anything inline is left that the policy would block (a <script> or <style>
   element with content, a style= attribute or an on...= handler in index.html). Trunk's
   live-reload script, which only `trunk serve` adds, is left alone.
3. Writes the list of the bundle's files and a version derived from their contents into sw.js,
   so the service worker caches exactly this build and drops older caches.

Usage: run by Trunk (reads TRUNK_STAGING_DIR and TRUNK_PUBLIC_URL), or by hand:
    python3 scripts/csp-loader.py dist
"""
import base64
import hashlib
import json
import os
import re
import sys

# Trunk's minified index.html (release builds) leaves attribute values unquoted.
INLINE_MODULE = re.compile(r'<script type=("?)module\1>(.*?)</script>', re.S)
LEFTOVER_INLINE = [
    (re.compile(r"<script(?![^>]*\bsrc=)[^>]*>\s*\S", re.I), "an inline <script>"),
    (re.compile(r"<style[\s>]", re.I), "a <style> element"),
    (re.compile(r"\sstyle\s*=", re.I), "a style= attribute"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "an inline event handler"),
]
DEV_RELOAD = re.compile(r"<script>(?:(?!</script>).)*\{\{__TRUNK_[A-Z_]+__\}\}.*?</script>", re.S)
BUILD_LINE = re.compile(r"^const BUILD = .*;$", re.M)


def sri(data: bytes) -> str:
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode()


def move_loader(dist: str, public_url: str) -> None:
    index = os.path.join(dist, "index.html")
    with open(index, encoding="utf-8") as f:
        html = f.read()
    match = INLINE_MODULE.search(html)
    if match:
        code = match.group(2).strip() + "\n"
        data = code.encode()
        name = "loader-%s.js" % hashlib.sha256(data).hexdigest()[:16]
        with open(os.path.join(dist, name), "wb") as f:
            f.write(data)
        tag = '<script type="module" src="%s%s" integrity="%s"></script>' % (public_url, name, sri(data))
        html = html[: match.start()] + tag + html[match.end():]
        with open(index, "w", encoding="utf-8") as f:
            f.write(html)
    # `trunk serve` adds its live-reload script (templated with {{__TRUNK_...}}); it exists only
    # on the development server, which sends no Content-Security-Policy.
    checked = DEV_RELOAD.sub("", html)
    for pattern, what in LEFTOVER_INLINE:
        found = pattern.search(checked)
        if found:
            sys.exit("csp-loader: index.html still has %s, which the Content-Security-Policy blocks: %r"
                     % (what, checked[found.start(): found.start() + 80]))


def stamp_service_worker(dist: str) -> None:
    sw = os.path.join(dist, "sw.js")
    if not os.path.isfile(sw):
        return
    files = []
    digest = hashlib.sha256()
    for root, _dirs, names in os.walk(dist):
        for name in sorted(names):
            path = os.path.join(root, name)
            rel = os.path.relpath(path, dist).replace(os.sep, "/")
            # Precompressed copies (precompress.sh) are other encodings of the same URLs.
            if rel == "sw.js" or rel.endswith((".gz", ".br")):
                continue
            files.append(rel)
    files.sort()
    for rel in files:
        digest.update(rel.encode() + b"\0")
        with open(os.path.join(dist, rel), "rb") as f:
            digest.update(hashlib.sha256(f.read()).digest())
    build = {"version": digest.hexdigest()[:16], "files": ["./"] + files}
    with open(sw, encoding="utf-8") as f:
        text = f.read()
    if not BUILD_LINE.search(text):
        sys.exit("csp-loader: sw.js has no `const BUILD = ...;` line to fill in")
    text = BUILD_LINE.sub(lambda _m: "const BUILD = %s;" % json.dumps(build), text, count=1)
    with open(sw, "w", encoding="utf-8") as f:
        f.write(text)


def main() -> None:
    dist = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("TRUNK_STAGING_DIR", "dist")
    public_url = os.environ.get("TRUNK_PUBLIC_URL", "./")
    if not public_url.endswith("/"):
        public_url += "/"
    move_loader(dist, public_url)
    stamp_service_worker(dist)
    print("csp-loader: index.html has no inline script; sw.js lists the bundle")


if __name__ == "__main__":
    main()
