#!/usr/bin/env bash
# Benchmark: the full site build with a large generated portfolio.
#   scripts/bench-portfolio.sh [PROJECTS] [DEMANDS] [PERIODS]   (default 10000 20000 8)
# Generates the portfolio with scripts/gen-portfolio.py on top of the bundled governance
# content, then times `lotse build` (hyperfine, 3 runs after 1 warm-up) and its peak memory.
set -euo pipefail
cd "$(dirname "$0")/.."
projects=${1:-10000} demands=${2:-20000} periods=${3:-8}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
command -v hyperfine >/dev/null && [ -x /usr/bin/time ] || apt-get install -y -qq hyperfine time >/dev/null
cargo build --release --quiet
scripts/gen-portfolio.py "$work/site" --projects "$projects" --demands "$demands" --periods "$periods"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
hyperfine -N --warmup 1 --runs 3 --style none --export-json "$work/times.json" \
  "target/release/lotse --root $work/site build --output $work/out" >/dev/null
python3 - "$work/times.json" <<'PY'
import json, statistics, sys
times = json.load(open(sys.argv[1]))["results"][0]["times"]
print(f"build: median {statistics.median(times):.2f} s, min {min(times):.2f} s, max {max(times):.2f} s")
PY
/usr/bin/time -f "peak memory: %M KiB" target/release/lotse --root "$work/site" build --output "$work/out" 2>&1 >/dev/null | tail -1
echo "files: $(find "$work/out" -type f | wc -l), HTML pages: $(find "$work/out" -name '*.html' | wc -l), size: $(du -sh "$work/out" | cut -f1)"
