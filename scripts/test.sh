#!/usr/bin/env bash
# The whole test suite, as CI runs it:
#   1. native tests of every crate (core units and properties, CLI, host rendering of components)
#   2. the release bundle, built with Trunk (its size is printed)
#   3. browser tests in headless Chromium against that bundle
# Benchmarks run only as a smoke test (tiny sizes); scripts/bench.sh measures.
# Installs what is missing first (see scripts/setup.sh).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/setup.sh --browser
export PATH="$HOME/.cargo/bin:$PATH"

echo "== native tests"
cargo test --workspace

echo "== benchmarks, smoke run (tiny sizes: they still work; their speed is not checked)"
SLA_BENCH_N=2000 SLA_BENCH_ROWS=2000 cargo test -p sla-core --benches

echo "== release bundle"
bash scripts/trunk.sh build --release --offline

echo "== browser tests (headless Chromium)"
# The browser benchmarks (bench::) run here as a smoke test on a small generated log.
SLA_BENCH_INCIDENTS=2000 SLA_DIST="$root/dist" cargo test --test browser -- --ignored --test-threads=1
SLA_DIST="$root/dist" cargo test --test browser_remember -- --ignored --test-threads=1
SLA_DIST="$root/dist" cargo test --test browser_embed -- --ignored --test-threads=1
SLA_DIST="$root/dist" cargo test --test browser_limits -- --ignored --test-threads=1
SLA_DIST="$root/dist" cargo test --test browser_versions -- --ignored --test-threads=1
SLA_DIST="$root/dist" cargo test --test browser_review -- --ignored --test-threads=1
