#!/usr/bin/env bash
# The benchmark suite: what BENCHMARKS.md quotes.
#   scripts/bench.sh [bundled] [portfolio] [pages] [incremental] [serve] [nasty]   (default: all six)
# Sizes: PORTFOLIO_SIZES (default "1000 10000 50000" projects, 2N demands, 8 periods),
# PAGE_SIZES (default "1000 10000" free pages of ~600 words, ../shared/tools/gen-corpus),
# NASTY_SIZES (default "1 4" MiB of one large page, scripts/gen-nasty.py).
# Every generated input is deterministic (fixed seeds). For each case: the median wall
# time of hyperfine runs from a clean state (no output, no PDF cache), the peak memory of
# one run (/usr/bin/time) and the time, CPU time and peak memory of each stage
# (`lotse --timings`). Pages are also built by Hugo (Debian's `hugo`) in the same run, and
# the floor is copying Lotse's own output tree into a fresh folder; the script prints the
# ratios Lotse/Hugo and Lotse/floor.
set -euo pipefail
cd "$(dirname "$0")/.."
cases=${*:-bundled portfolio pages incremental serve nasty}
portfolio_sizes=${PORTFOLIO_SIZES:-1000 10000 50000}
page_sizes=${PAGE_SIZES:-1000 10000}
nasty_sizes=${NASTY_SIZES:-1 4}
# Outputs on a RAM disk by default: on ext4, creating files within minutes after many were
# deleted (the previous run's output) scans for recently deleted inodes and costs several
# times as much, which swamps what is measured. BENCH_DIR=/some/disk measures on disk.
work=$(mktemp -d -p "${BENCH_DIR:-/dev/shm}")
trap 'rm -rf "$work"' EXIT
command -v hyperfine >/dev/null && command -v hugo >/dev/null && [ -x /usr/bin/time ] ||
  apt-get install -y -qq hyperfine hugo time >/dev/null
cargo build --release --quiet --bin lotse --example rebuild
lotse=$PWD/target/release/lotse
rebuild=$PWD/target/release/examples/rebuild

echo "# machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# work folder: $work ($(df --output=fstype "$work" | tail -1))"
echo "# commit: $(git rev-parse --short HEAD)$(git diff --quiet || echo '+changes'), date: $(date -u +%F)"

median() { python3 -c 'import json,statistics,sys; t=json.load(open(sys.argv[1]))["results"][0]["times"]; print(f"{statistics.median(t):.3f}")' "$1"; }
peak_mib() { /usr/bin/time -f "%M" "$@" 2>&1 >/dev/null | tail -1 | awk '{printf "%.0f", $1 / 1024}'; }

# time NAME RUNS PREPARE COMMAND...: median wall time (s) into $work/NAME.median.
time_it() {
  local name=$1 runs=$2 prepare=$3; shift 3
  hyperfine -N --runs "$runs" --prepare "$prepare" --style none --export-json "$work/$name.json" "$*" >/dev/null
  median "$work/$name.json" >"$work/$name.median"
}

# lotse_case NAME RUNS SITE: a clean build of SITE, its stages and its peak memory.
lotse_case() {
  local name=$1 runs=$2 site=$3 out=$work/out-$1
  local clean="rm -rf $out $work/.out-$1.lotse-cache"
  time_it "$name" "$runs" "$clean" "$lotse" --root "$site" build --output "$out"
  $clean
  local peak
  peak=$(peak_mib "$lotse" --root "$site" build --output "$out")
  $clean
  "$lotse" --root "$site" --timings build --output "$out" 2>"$work/$name.stages" >/dev/null
  local html
  html=$(find "$out" -name '*.html' | wc -l)
  printf '\n## %s: median %s s, peak %s MiB, %s HTML pages, %s files, %s ms per HTML page\n' \
    "$name" "$(cat "$work/$name.median")" "$peak" "$html" "$(find "$out" -type f | wc -l)" \
    "$(python3 -c "print(f'{$(cat "$work/$name.median") * 1000 / $html:.2f}')")"
  sed 's/^/    /' "$work/$name.stages"
}

# floor_case NAME: copying the output of NAME into a fresh folder.
floor_case() {
  local name=$1
  time_it "floor-$name" 5 "rm -rf $work/floor" cp -r "$work/out-$name" "$work/floor"
  rm -rf "$work/floor"
  echo "    floor (cp -r of the output): $(cat "$work/floor-$name.median") s; lotse/floor $(ratio "$name" "floor-$name")"
}

ratio() { python3 -c "print(f'{$(cat "$work/$1.median") / $(cat "$work/$2.median"):.2f}')"; }

bundled() {
  lotse_case bundled 10 .
  local out=$work/out-bundled
  "$lotse" build --output "$out" >/dev/null
  time_it bundled-unchanged 10 true "$lotse" build --output "$out"
  echo "    rebuild with nothing changed (PDF cache warm): median $(cat "$work/bundled-unchanged.median") s"
  floor_case bundled
}

portfolio() {
  for projects in $portfolio_sizes; do
    local site=$work/portfolio-$projects
    scripts/gen-portfolio.py "$site" --projects "$projects" --demands $((2 * projects)) --periods 8 >/dev/null
    local runs=3
    [ "$projects" -ge 50000 ] && runs=2
    lotse_case "portfolio-$projects" "$runs" "$site"
    floor_case "portfolio-$projects"
    python3 -c "print(f'    per project: {$(cat "$work/portfolio-$projects.median") * 1000 / $projects:.3f} ms')"
  done
}

pages() {
  for count in $page_sizes; do
    ../shared/tools/gen-corpus --pages "$count" --out "$work/hugo-$count" --flavor hugo >/dev/null
    local site=$work/pages-$count
    mkdir -p "$site"
    cp -r content "$site/content"
    python3 scripts/corpus-to-lotse.py "$work/hugo-$count/content" "$site/content/pages"
    lotse_case "pages-$count" 3 "$site"
    time_it "hugo-$count" 3 "rm -rf $work/out-hugo-$count" hugo --quiet -s "$work/hugo-$count" -d "$work/out-hugo-$count"
    local hugo_peak
    rm -rf "$work/out-hugo-$count"
    hugo_peak=$(peak_mib hugo --quiet -s "$work/hugo-$count" -d "$work/out-hugo-$count")
    echo "    hugo, same pages, no search index: median $(cat "$work/hugo-$count.median") s, peak $hugo_peak MiB, $(find "$work/out-hugo-$count" -name '*.html' | wc -l) HTML pages; lotse/hugo $(ratio "pages-$count" "hugo-$count")"
    floor_case "pages-$count"
  done
}

incremental() {
  echo
  echo "## incremental rebuilds (library call, median of 20 edits)"
  "$rebuild" . content/roles/digit-beraterin.toml 20 | sed 's/^/    bundled, one role file: /'
  local site=$work/portfolio-10000
  [ -d "$site" ] || scripts/gen-portfolio.py "$site" --projects 10000 --demands 20000 --periods 8 >/dev/null
  local project
  project=$(find "$site/content/projects" -name '*.toml' | sort | sed -n 1p)
  "$rebuild" "$site" "${project#"$site/"}" 20 | sed 's/^/    10,000 projects, one project file: /'
}

serve() {
  echo
  echo "## lotse serve: edit to reload (median of 20 edits)"
  scripts/edit-to-reload.py "$lotse" . content/roles/digit-beraterin.toml 20 | sed 's/^/    bundled, one role file: /'
}

# One build's wall time (s), peak memory (MiB) and exit status, as "SECONDS MIB STATUS".
time_and_peak() { { /usr/bin/time -f "%e %M %x" "$@" 2>&1 >/dev/null || true; } | tail -1 | awk '{printf "%s %.0f %s", $1, $2 / 1024, $3}'; }

nasty() {
  echo
  echo "## one large page in the handbook chapter (minimal site, HTML and PDFs; one run each)"
  local base base_s base_mib seconds mib status
  base=$(time_and_peak "$lotse" --root tests/fixtures/sites/minimal build --output "$work/out-minimal")
  read -r base_s base_mib _ <<<"$base"
  echo "    minimal site as it is: $base_s s, peak $base_mib MiB"
  for kind in line table links nesting headings; do
    for mebibytes in $nasty_sizes; do
      local site=$work/nasty-$kind-$mebibytes
      scripts/gen-nasty.py "$site" "$kind" "$mebibytes"
      local measured
      measured=$(time_and_peak "$lotse" --root "$site" build --output "$work/out-nasty")
      rm -rf "$work/out-nasty" "$work/.out-nasty.lotse-cache"
      read -r seconds mib status <<<"$measured"
      awk -v k="$kind" -v s="$mebibytes" -v t="$seconds" -v m="$mib" -v b="$base_mib" -v x="$status" \
        'BEGIN { printf "    %-9s %s MiB: %s s, exit %s, peak %s MiB, (peak - minimal) / input = %.0f\n", k, s, t, x, m, (m - b) / s }'
      rm -rf "$site"
    done
  done
}

for case in $cases; do
  "$case"
done
