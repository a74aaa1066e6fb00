#!/usr/bin/env bash
# Runs Trunk with the settings that make the release bundle small; run.sh, test.sh and bench.sh
# build through it, and so should a build by hand:
#
#   bash scripts/trunk.sh build --release      # (plain `trunk build --release` also works, bigger)
#
# The wasm is built with the standard library compiled for it at the release profile's
# opt-level "z" (`-Zbuild-std`, using the toolchain's rust-src component, which setup.sh
# installs), and with panic=immediate-abort: a
# panic traps at once instead of running a hook and formatting its message (the page's banner
# comes from JavaScript, see src/panic_banner.rs). Measured 2026-11-25: 546.7 -> 517.1 KB of
# gzipped wasm. Not used: std's `optimize_for_size` feature (another -5 KB) swaps in slower
# sorts; a weight change's recompute over 100,000 incidents went from 35 to 300 ms and the
# 1,000,000-row upload never finished its report within the test's wait.
#
# These are unstable Cargo/rustc options. RUSTC_BOOTSTRAP=1 lets the stable toolchain accept
# them, for this command only: native builds and tests (cargo test, cargo bench) stay plain
# stable. Only the wasm target gets the panic strategy.
set -euo pipefail
export PATH="$HOME/.cargo/bin:$PATH"
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD="std,panic_abort"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort"
exec trunk "$@"
