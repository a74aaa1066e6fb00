#!/usr/bin/env bash
# Sets up what is missing, builds the app and serves it on http://127.0.0.1:${PORT:-8080}/.
# The first screen shows the built-in sample agreement and incident log.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"
port="${PORT:-8080}"
echo
echo "  SLA calculator: http://127.0.0.1:${port}/   (Ctrl-C stops it)"
echo
exec bash scripts/trunk.sh serve --release --offline --address 127.0.0.1 --port "$port" "$@"
