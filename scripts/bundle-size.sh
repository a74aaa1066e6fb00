#!/usr/bin/env bash
# Prints the size of the built bundle, raw and gzipped (level 9), per file kind and in total.
# Run by Trunk after every build (a post_build hook in Trunk.toml); also usable by hand:
#   scripts/bundle-size.sh dist
set -euo pipefail
dir="${1:-${TRUNK_STAGING_DIR:-dist}}"
total_raw=0; total_gz=0
kb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1024 }'; }
printf '\n  bundle in %s\n' "$dir"
printf '  %-6s %12s %12s\n' kind raw gzip
for kind in wasm js css html; do
  raw=0; gz=0
  while IFS= read -r -d '' f; do
    raw=$((raw + $(wc -c < "$f")))
    gz=$((gz + $(gzip -9 -c "$f" | wc -c)))
  done < <(find "$dir" -type f -name "*.$kind" -print0)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  printf '  %-6s %9.1f KB %9.1f KB\n' "$kind" "$(kb "$raw")" "$(kb "$gz")"
done
printf '  %-6s %9.1f KB %9.1f KB\n\n' total "$(kb "$total_raw")" "$(kb "$total_gz")"
