#!/usr/bin/env bash
# The whole test suite, as CI runs it:
#   1. native tests of every crate (core units and properties, CLI, host rendering of components)
#   2. the release bundle, built with Trunk (its size is printed)
#   3. browser tests in headless Chromium against that bundle
# Installs what is missing first (see scripts/setup.sh).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/setup.sh --browser
export PATH="$HOME/.cargo/bin:$PATH"

echo "== native tests"
cargo test --workspace

echo "== release bundle"
trunk build --release --offline

echo "== browser tests (headless Chromium)"
SLA_DIST="$root/dist" cargo test --test browser -- --ignored --test-threads=1
SLA_DIST="$root/dist" cargo test --test browser_remember -- --ignored --test-threads=1
SLA_DIST="$root/dist" cargo test --test browser_embed -- --ignored --test-threads=1
