#!/usr/bin/env bash
# Benchmark: full site builds of Lotse and Hugo, measured the same way in the same run.
#   scripts/bench-site.sh [PAGES]          (default 10000)
# 1. the bundled Mainz site (lotse build);
# 2. a generated German corpus of PAGES pages (shared/tools/gen-corpus): built by Hugo as
#    generated, and by Lotse as the same Markdown files under content/pages/ beside the
#    bundled governance content (front matter reduced to what Lotse reads, internal links
#    turned into page: links).
# Prints median wall times (hyperfine, 5 runs after 1 warm-up), per-page cost and peak memory.
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-10000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
command -v hyperfine >/dev/null && command -v hugo >/dev/null && [ -x /usr/bin/time ] || apt-get install -y -qq hyperfine hugo time >/dev/null
cargo build --release --quiet
lotse=$PWD/target/release/lotse
../shared/tools/gen-corpus --pages "$pages" --out "$work/hugo" --flavor hugo >/dev/null
mkdir -p "$work/lotse"
cp -r content "$work/lotse/content"
python3 - "$work/hugo/content" "$work/lotse/content/pages" <<'PY'
import pathlib, re, sys
source, target = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
for page in sorted(source.rglob("*.md")):
    if page.name == "_index.md":
        continue
    text = page.read_text(encoding="utf-8")
    text = re.sub(r"^(date|tags) = .*\n", "", text, flags=re.M)
    text = re.sub(r"\]\(/([^)]+?)/\)", lambda m: "](page:" + m.group(1) + ")", text)
    out = target / page.relative_to(source)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
PY
median() { python3 -c 'import json,statistics,sys; t=json.load(open(sys.argv[1]))["results"][0]["times"]; print(f"{statistics.median(t):.3f}")' "$1"; }
peak() { /usr/bin/time -f "%M" "$@" 2>&1 >/dev/null | tail -1; }
run() { # name, command...
  local name=$1; shift
  hyperfine -N --warmup 1 --runs 5 --style none --export-json "$work/$name.json" "$*" >/dev/null
  printf '%-28s median %7.3f s   peak %7d KiB\n' "$name" "$(median "$work/$name.json")" "$(peak "$@")"
}
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
run "lotse bundled site" "$lotse" --root . build --output "$work/out-bundled"
echo "  pages: $(find "$work/out-bundled" -name '*.html' | wc -l) HTML files"
run "lotse $pages pages" "$lotse" --root "$work/lotse" build --output "$work/out-lotse"
run "hugo $pages pages" hugo --quiet -s "$work/hugo" -d "$work/out-hugo"
lotse_html=$(find "$work/out-lotse" -name '*.html' | wc -l)
hugo_html=$(find "$work/out-hugo" -name '*.html' | wc -l)
python3 - "$work/lotse $pages pages.json" "$work/hugo $pages pages.json" "$lotse_html" "$hugo_html" <<'PY'
import json, statistics, sys
lotse = statistics.median(json.load(open(sys.argv[1]))["results"][0]["times"])
hugo = statistics.median(json.load(open(sys.argv[2]))["results"][0]["times"])
print(f"HTML files: lotse {sys.argv[3]}, hugo {sys.argv[4]}")
print(f"per page: lotse {lotse / int(sys.argv[3]) * 1e6:.0f} µs, hugo {hugo / int(sys.argv[4]) * 1e6:.0f} µs; lotse/hugo time ratio {lotse / hugo:.2f}")
PY
