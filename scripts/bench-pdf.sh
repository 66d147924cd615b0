#!/usr/bin/env bash
# Benchmark: the PDFs.
#   scripts/bench-pdf.sh
# 1. The bundled content: `lotse build` (site and every PDF), hyperfine, 10 runs.
# 2. A generated paper of about 50 pages on the minimal fixture site: the build with it
#    against the build without it, so the difference is the cost of that paper.
# 3. The same paper's Typst input, written by `lotse build --typst-sources`, compiled by the
#    typst CLI (TYPST=path, default /tmp/typst-cli/bin/typst; install it only for this with
#    `cargo install typst-cli --version 0.15.1 --root /tmp/typst-cli`).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
command -v hyperfine >/dev/null || apt-get install -y -qq hyperfine >/dev/null
cargo build --release --quiet
lotse=$PWD/target/release/lotse
typst=${TYPST:-/tmp/typst-cli/bin/typst}
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

median() { python3 -c 'import json,statistics,sys; t=json.load(open(sys.argv[1]))["results"]; print(" ".join("%.0f" % (statistics.median(r["times"])*1000) for r in t))' "$1"; }

# 1. bundled content
hyperfine -N --warmup 2 --runs 10 --style none --export-json "$work/bundled.json" "$lotse build --output $work/bundled" >/dev/null
pdfs=$(find "$work/bundled" -name '*.pdf' | wc -l)
pages=$(find "$work/bundled" -name '*.pdf' -exec pdfinfo {} \; 2>/dev/null | awk '/^Pages:/ {s+=$2} END {print s}')
echo "bundled content: median $(median "$work/bundled.json") ms for the site and $pdfs PDFs ($pages pages)"

# 2. a 50-page paper
cp -r tests/fixtures/sites/minimal "$work/plain"
cp -r tests/fixtures/sites/minimal "$work/long"
python3 - "$work/long/content/papers/langer-bericht.md" <<'PY'
import sys
words = ("Die Verwaltung prüft jeden Bedarf, bündelt ihn mit ähnlichen Anträgen und legt der "
         "Steuerungsrunde eine Entscheidung vor; das Hauptamt trägt die Verantwortung für den "
         "gesamten Lebenszyklus des Projekts, die KDZ setzt um und berichtet.").split()
out = ['+++', 'paper_type = "Informationsvorlage"', 'name = "Langer Bericht (Benchmark)"',
       'date = 2026-09-15', 'originator = "10"', 'example = true', '+++', '']
for section in range(1, 61):
    out.append(f"## Abschnitt {section}\n")
    for paragraph in range(3):
        text = " ".join(words[(section + paragraph + i) % len(words)] for i in range(120))
        out.append(text + ".\n")
    out.append("- erster Punkt mit **Hervorhebung**\n- zweiter Punkt mit `Code`\n- dritter Punkt\n")
    out.append("| Jahr | Soll | Ist |\n|---|---|---|\n| 2025 | 4 | 2 |\n| 2026 | 3 | 1 |\n")
open(sys.argv[1], "w").write("\n".join(out))
PY
"$lotse" --root "$work/long" build --output "$work/long-out" --typst-sources "$work/long-typ" >/dev/null
paper_pages=$(pdfinfo "$work/long-out/vorlagen/langer-bericht.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
hyperfine -N --warmup 2 --runs 10 --style none --export-json "$work/long.json" \
  "$lotse --root $work/plain build --output $work/plain-out" \
  "$lotse --root $work/long build --output $work/long-out" >/dev/null
read -r plain long < <(median "$work/long.json")
echo "generated paper: $paper_pages pages; minimal site $plain ms, with the paper $long ms; the paper costs $((long - plain)) ms, $(python3 -c "print(f'{($long-$plain)/$paper_pages:.1f}')") ms per page"

# 3. the typst CLI on the same input
if [ -x "$typst" ]; then
  src="$work/long-typ/vorlagen/langer-bericht"
  hyperfine -N --warmup 2 --runs 10 --style none --export-json "$work/cli.json" \
    "$typst compile --root $src --pdf-standard a-3a,ua-1 $src/vorlage.typ $work/cli.pdf" >/dev/null
  cli=$(median "$work/cli.json")
  echo "typst CLI $("$typst" --version | head -1): $cli ms for the same paper ($(pdfinfo "$work/cli.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}') pages), $(python3 -c "print(f'{$cli/$paper_pages:.1f}')") ms per page"
else
  echo "typst CLI not found at $typst: comparison skipped"
fi
