#!/usr/bin/env python3
"""Turns the Hugo corpus of ../shared/tools/gen-corpus into free pages of a Lotse site.

    scripts/corpus-to-lotse.py HUGO_CONTENT_DIR SITE_PAGES_DIR

The same Markdown files, with the front matter reduced to what Lotse reads and the
internal links (`](/section/page/)`) turned into `page:` links that Lotse resolves and checks.
"""
import pathlib
import re
import sys

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
