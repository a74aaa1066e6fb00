#!/usr/bin/env bash
# Prints the size of the built bundle per file kind and in total: raw, gzipped on the spot
# (`gzip -9`, what a server compressing on the fly sends at best) and, in release builds, the
# precompressed copies shipped next to the files (scripts/precompress.sh: .gz by zopfli,
# .br by brotli; a file without one counts at its raw size).
# Run by Trunk after every build (a post_build hook in Trunk.toml); also usable by hand:
#   scripts/bundle-size.sh dist
set -euo pipefail
dir="${1:-${TRUNK_STAGING_DIR:-dist}}"
kb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1024 }'; }
size_or() { if [ -f "$1" ]; then wc -c < "$1"; else echo "$2"; fi; }
shipped=0
[ -n "$(find "$dir" -type f -name '*.gz' -print -quit)" ] && shipped=1
printf '\n  bundle in %s\n' "$dir"
if [ "$shipped" = 1 ]; then
  printf '  %-6s %12s %12s %12s %12s\n' kind raw "gzip -9" "zopfli .gz" "brotli .br"
else
  printf '  %-6s %12s %12s\n' kind raw gzip
fi
t_raw=0; t_gz=0; t_zg=0; t_br=0
for kind in wasm js css html; do
  raw=0; gz=0; zg=0; br=0
  while IFS= read -r -d '' f; do
    r=$(wc -c < "$f")
    raw=$((raw + r))
    gz=$((gz + $(gzip -9 -c "$f" | wc -c)))
    zg=$((zg + $(size_or "$f.gz" "$r")))
    br=$((br + $(size_or "$f.br" "$r")))
  done < <(find "$dir" -type f -name "*.$kind" -print0)
  t_raw=$((t_raw + raw)); t_gz=$((t_gz + gz)); t_zg=$((t_zg + zg)); t_br=$((t_br + br))
  if [ "$shipped" = 1 ]; then
    printf '  %-6s %9.1f KB %9.1f KB %9.1f KB %9.1f KB\n' "$kind" "$(kb "$raw")" "$(kb "$gz")" "$(kb "$zg")" "$(kb "$br")"
  else
    printf '  %-6s %9.1f KB %9.1f KB\n' "$kind" "$(kb "$raw")" "$(kb "$gz")"
  fi
done
if [ "$shipped" = 1 ]; then
  printf '  %-6s %9.1f KB %9.1f KB %9.1f KB %9.1f KB\n\n' total "$(kb "$t_raw")" "$(kb "$t_gz")" "$(kb "$t_zg")" "$(kb "$t_br")"
else
  printf '  %-6s %9.1f KB %9.1f KB\n\n' total "$(kb "$t_raw")" "$(kb "$t_gz")"
fi
