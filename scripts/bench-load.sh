#!/usr/bin/env bash
# Benchmark: load and validate a generated portfolio (10,000 projects, 4 periods by default).
#   scripts/bench-load.sh [PROJECTS] [DEMANDS] [PERIODS]
# Prints the median, min and max wall time of 15 runs (hyperfine) and the peak memory of one run.
set -euo pipefail
cd "$(dirname "$0")/.."
projects=${1:-10000} demands=${2:-0} periods=${3:-4}
site=$(mktemp -d)/site
trap 'rm -rf "$(dirname "$site")"' EXIT
scripts/gen-portfolio.py "$site" --projects "$projects" --demands "$demands" --periods "$periods"
cargo build --release --quiet
command -v hyperfine >/dev/null && [ -x /usr/bin/time ] || apt-get install -y -qq hyperfine time >/dev/null
hyperfine -N --warmup 2 --runs 15 --style none --export-json "$site/../times.json" "target/release/lotse --root $site check"
python3 - "$site/../times.json" <<'PY'
import json, statistics, sys
times = json.load(open(sys.argv[1]))["results"][0]["times"]
print(f"load + validate: median {statistics.median(times) * 1000:.0f} ms, min {min(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms over {len(times)} runs")
PY
/usr/bin/time -f "peak memory: %M KiB, wall: %e s" target/release/lotse --root "$site" check >/dev/null
