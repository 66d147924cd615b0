#!/usr/bin/env bash
# Benchmark: load and validate a generated portfolio (10,000 projects, 4 periods by default).
#   scripts/bench-load.sh [PROJECTS] [DEMANDS] [PERIODS]
# Prints hyperfine's summary (median of 10 runs) and the peak memory of one run.
set -euo pipefail
cd "$(dirname "$0")/.."
projects=${1:-10000} demands=${2:-0} periods=${3:-4}
site=$(mktemp -d)/site
trap 'rm -rf "$(dirname "$site")"' EXIT
scripts/gen-portfolio.py "$site" --projects "$projects" --demands "$demands" --periods "$periods"
cargo build --release --quiet
command -v hyperfine >/dev/null && [ -x /usr/bin/time ] || apt-get install -y -qq hyperfine time >/dev/null
hyperfine --warmup 2 --runs 10 --style basic "target/release/lotse --root $site check"
/usr/bin/time -f "peak memory: %M KiB, wall: %e s" target/release/lotse --root "$site" check >/dev/null
