#!/usr/bin/env python3
"""Writes the minimal test site with one page of large but legal content in front of its
handbook chapter, to measure how peak memory grows with such input.

    scripts/gen-nasty.py OUT_DIR KIND MEBIBYTES

KIND is one of
  line     one paragraph that is one long line of words,
  table    a table of 50 columns (the limit) and as many rows as fit,
  rows     a table of 6 columns and as many rows as fit,
  links    links to the site's own roles, one after another,
  nesting  lists nested 15 deep (a list level counts twice: list and item; the limit is 32),
  headings headings with a paragraph each.
Deterministic: the same arguments give the same files.
"""
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORDS = ["Zuständigkeit", "Digitalisierung", "Fachverfahren", "Steuerung", "Anforderung", "Portfolio"]


def words(count, offset=0):
    return " ".join(WORDS[(offset + i) % len(WORDS)] for i in range(count))


def line(size):
    return words(size // 14) + "\n"


def table(size, columns=50):
    head = "| " + " | ".join(f"Spalte {i}" for i in range(columns)) + " |\n"
    rule = "|" + "---|" * columns + "\n"
    rows, row, total = [], 0, len(head) + len(rule)
    while total < size:
        text = "| " + " | ".join(WORDS[(row + i) % len(WORDS)] for i in range(columns)) + " |\n"
        rows.append(text)
        total += len(text)
        row += 1
    return head + rule + "".join(rows)


def links(size):
    link = "[Fachamtsleitung](role:fachamtsleitung) "
    return link * (size // len(link)) + "\n"


def nesting(size):
    block = "".join("  " * depth + f"- Ebene {depth}\n" for depth in range(15)) + "\n"
    return block * (size // len(block))


def headings(size):
    block = "## Abschnitt\n\n" + words(20) + "\n\n"
    return block * (size // len(block))


def main():
    out, kind, mebibytes = Path(sys.argv[1]), sys.argv[2], float(sys.argv[3])
    shutil.copytree(ROOT / "tests/fixtures/sites/minimal", out)
    page = out / "content/pages/einfuehrung.md"
    text = page.read_text(encoding="utf-8")
    kinds = {"line": line, "table": table, "rows": lambda size: table(size, 6), "links": links, "nesting": nesting, "headings": headings}
    body = kinds[kind]
    page.write_text(text + "\n" + body(int(mebibytes * 1024 * 1024)), encoding="utf-8")
    # The handbook grows with the page: room for it, so that what is measured is a build.
    settings = out / "content/site.toml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("[handbook]", "[handbook]\nmax_pages = 5000", 1), encoding="utf-8")


if __name__ == "__main__":
    main()
