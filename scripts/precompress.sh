#!/usr/bin/env bash
# Release builds (scripts/post-build.sh): writes a precompressed copy of every file of the bundle
# next to it, for hosts that serve precompressed files (nginx `gzip_static on;` and
# `brotli_static on;`, Caddy `file_server { precompressed br gzip }`, most CDNs and object
# stores with Content-Encoding metadata):
#   FILE.gz  gzip, made with zopfli (same format any browser reads; about 5 % smaller than
#            `gzip -9` on the wasm)
#   FILE.br  brotli at quality 11 (browsers accept it over HTTPS)
# Each copy is checked by decompressing it and comparing with the original, and kept only when
# smaller. The service worker's file list (csp-loader.py) is written before this step and names
# only the originals; the browser gets the same bytes either way.
# By hand: scripts/precompress.sh dist
set -euo pipefail
dir="${1:-${TRUNK_STAGING_DIR:-dist}}"
for tool in zopfli brotli gzip cmp; do
  command -v "$tool" >/dev/null || { echo "precompress: $tool not found; run \`bash scripts/setup.sh\`" >&2; exit 1; }
done
n=0
while IFS= read -r -d '' f; do
  size=$(wc -c < "$f")
  zopfli -c "$f" > "$f.gz"
  brotli -q 11 -f -o "$f.br" "$f"
  gzip -dc "$f.gz" | cmp -s - "$f" || { echo "precompress: $f.gz does not decompress to $f" >&2; exit 1; }
  brotli -dc "$f.br" | cmp -s - "$f" || { echo "precompress: $f.br does not decompress to $f" >&2; exit 1; }
  for c in "$f.gz" "$f.br"; do
    if [ "$(wc -c < "$c")" -ge "$size" ]; then rm "$c"; else n=$((n + 1)); fi
  done
done < <(find "$dir" -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' -o -name '*.html' -o -name '*.svg' \) -print0)
echo "precompress: $n precompressed copies (.gz by zopfli, .br by brotli) in $dir"
