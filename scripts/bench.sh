#!/usr/bin/env bash
# Every benchmark in one run, printing figures (not pass/fail):
#   engine (native), import (native), bundle size, first render, upload + report of a large
#   generated log and recompute after a target change and after a weight change (both in
#   headless Chromium).
#   SLA_BENCH_LARGE   rows for the large upload (default 1000000, about 115 MB)
#   SLA_BENCH_DIST    where the release bundle is built (default dist/)
# CARGO_TARGET_DIR is honoured as usual. scripts/test.sh runs the same benchmarks as a smoke
# test on tiny sizes.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/setup.sh --browser
export PATH="$HOME/.cargo/bin:$PATH"

echo "== engine (native)"
cargo bench -p sla-core --bench engine
echo "== import (native)"
cargo bench -p sla-core --bench import
echo "== release bundle"
dist="${SLA_BENCH_DIST:-$root/dist}"
# The post-build hook prints the bundle's size (wasm, JS, CSS, HTML; raw and gzipped).
bash scripts/trunk.sh build --release --offline --dist "$dist" 2>&1 | grep -E "wasm-opt|bundle in|kind|^  (wasm|js|css|html|total) "
echo "== first render (Chromium)"
SLA_DIST="$dist" cargo test --test browser first_render -- --ignored --nocapture 2>&1 | grep -E "first render|panicked"
echo "== upload + report of a large log (Chromium)"
SLA_BENCH_INCIDENTS="${SLA_BENCH_LARGE:-1000000}" SLA_DIST="$dist" \
  cargo test --test browser recompute_after -- --ignored --nocapture 2>&1 | grep -E "upload|long tasks|panicked"
echo "== recompute after a target change and a weight change, 100,000 incidents (Chromium)"
SLA_BENCH_INCIDENTS=100000 SLA_DIST="$dist" \
  cargo test --test browser recompute_after -- --ignored --nocapture 2>&1 | grep -E "recompute|panicked"
