#!/usr/bin/env bash
# Every benchmark in one run, printing figures (not pass/fail):
#   engine (native), import (native), bundle size, first render, upload + report of a large
#   generated log and recompute after a target change (both in headless Chromium).
#   SLA_BENCH_LARGE   rows for the large upload (default 1000000, about 82 MB)
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
trunk build --release --offline
bash scripts/bundle-size.sh dist
echo "== first render (Chromium)"
SLA_DIST="$root/dist" cargo test --test browser first_render -- --ignored --nocapture 2>&1 | grep -E "first render|panicked"
echo "== upload + report of a large log (Chromium)"
SLA_BENCH_INCIDENTS="${SLA_BENCH_LARGE:-1000000}" SLA_DIST="$root/dist" \
  cargo test --test browser recompute_after -- --ignored --nocapture 2>&1 | grep -E "upload|long tasks|panicked"
echo "== recompute after a target change, 100,000 incidents (Chromium)"
SLA_BENCH_INCIDENTS=100000 SLA_DIST="$root/dist" \
  cargo test --test browser recompute_after -- --ignored --nocapture 2>&1 | grep -E "recompute|panicked"
