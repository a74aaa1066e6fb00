#!/usr/bin/env bash
# Trunk's post_build hook (see Trunk.toml). Trunk runs the hooks of one stage concurrently, so
# the steps that depend on each other run here, in order:
#   1. release builds: wasm-opt shrinks the wasm and fixes its integrity hash (wasm-opt.py);
#   2. the inline loader moves into its own file, sw.js gets the file list (csp-loader.py),
#      which hashes the final files;
#   3. release builds: a zopfli .gz and a brotli .br next to every file (precompress.sh);
#   4. the bundle's size: raw, gzip -9, and the precompressed copies (bundle-size.sh).
# By hand: TRUNK_PROFILE=release scripts/post-build.sh dist
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${1:-${TRUNK_STAGING_DIR:-dist}}"
if [ "${TRUNK_PROFILE:-debug}" = "release" ]; then
  python3 "$root/scripts/wasm-opt.py" "$dir"
fi
python3 "$root/scripts/csp-loader.py" "$dir"
if [ "${TRUNK_PROFILE:-debug}" = "release" ]; then
  bash "$root/scripts/precompress.sh" "$dir"
fi
bash "$root/scripts/bundle-size.sh" "$dir"
