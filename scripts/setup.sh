#!/usr/bin/env bash
# Installs what building and testing the app needs, skipping anything already present at the
# right version. Sourced by run.sh and test.sh; safe to run again (a second run takes seconds).
#
#   scripts/setup.sh            # toolchain for building and serving the app
#   scripts/setup.sh --browser  # also Chromium and ChromeDriver for the browser tests
set -euo pipefail

TRUNK_VERSION="0.21.14"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

# The wasm-bindgen CLI must match the wasm-bindgen library in Cargo.lock exactly, or Trunk tries
# to download one (which fails without internet).
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' "$root/Cargo.lock"
}

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# Release bundles build the standard library for the wasm target from source (scripts/trunk.sh).
if ! rustup component list --installed 2>/dev/null | grep -qx rust-src; then
  say "adding the rust-src component (the standard library's source, for the release bundle)"
  rustup component add rust-src
fi

if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 9 minutes on 2 cores, once)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

if [ ! -f "$root/Cargo.lock" ]; then
  (cd "$root" && cargo generate-lockfile)
fi
wbg="$(wasm_bindgen_version)"
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $wbg" ]; then
  say "installing wasm-bindgen-cli $wbg (about 3 minutes, once)"
  # Not --locked: the CLI's own lock file pins a crate version this registry lacks.
  cargo install wasm-bindgen-cli --version "$wbg" --force
fi

# The post-build hook scripts/csp-loader.py (see Trunk.toml) runs on python3.
if ! command -v python3 >/dev/null; then
  say "installing python3 (for the post-build hook)"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq python3 >/dev/null
fi

# Release builds run wasm-opt (scripts/wasm-opt.py): the JavaScript build of binaryen from npm,
# installed project-locally in tools/node_modules at the version pinned in tools/package.json and
# package-lock.json (Debian's binaryen is too old for what rustc emits).
binaryen_version="$(sed -n 's/.*"binaryen": "\([0-9]*\)\..*/\1/p' "$root/tools/package.json")"
if [ "$("$root/tools/node_modules/.bin/wasm-opt" --version 2>/dev/null | awk '{print $3}')" != "$binaryen_version" ]; then
  if ! command -v npm >/dev/null; then
    say "installing nodejs and npm (for wasm-opt)"
    sudo_cmd=""
    [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq nodejs npm >/dev/null
  fi
  say "installing wasm-opt (npm binaryen $binaryen_version) into tools/node_modules"
  (cd "$root/tools" && npm ci --no-audit --no-fund --loglevel=error)
fi

# Release builds write precompressed copies of the bundle (scripts/precompress.sh).
if ! command -v zopfli >/dev/null || ! command -v brotli >/dev/null; then
  say "installing zopfli and brotli (precompressed copies of the release bundle)"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq zopfli brotli >/dev/null
fi

if [ "${1:-}" = "--browser" ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "installing chromium and chromium-driver"
    sudo_cmd=""
    [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
  say "$(chromium --version 2>/dev/null | head -n1); $(chromedriver --version 2>/dev/null | head -n1)"
fi
say "ready: $(rustc --version), $(trunk --version), $(wasm-bindgen --version), $("$root/tools/node_modules/.bin/wasm-opt" --version)"
