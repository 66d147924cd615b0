// The built site's files and the sample of pages the browser checkers look at, shared by
// site.test.mjs (axe-core) and validators.test.mjs (pa11y with HTML_CodeSniffer).

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const SITE = path.resolve(process.env.LOTSE_SITE || path.join(HERE, "..", "..", "output"));
export const SEARCH_QUERY = "Projektanträge";

if (!fs.existsSync(path.join(SITE, "index.html"))) {
  throw new Error(`no built site at ${SITE} (set LOTSE_SITE or run scripts/test)`);
}

/** Every file below `dir`, as sorted site-relative paths with `/`. */
export function walk(dir, rel = "") {
  const out = [];
  for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...walk(dir, r));
    else out.push(r);
  }
  return out.sort();
}

export const FILES = walk(SITE);
export const HTML_FILES = FILES.filter((f) => f.endsWith(".html"));
export const CSS_FILES = FILES.filter((f) => f.endsWith(".css"));

/** `n` entries spread evenly over `list` (first and last included), in order. */
export function spread(list, n) {
  if (list.length <= n) return list.slice();
  if (n === 1) return [list[0]];
  const picked = [];
  for (let i = 0; i < n; i++) picked.push(list[Math.round((i * (list.length - 1)) / (n - 1))]);
  return [...new Set(picked)];
}

// How many detail pages of a section axe looks at; any other section gets one.
const DETAIL_SAMPLE = { rollen: 3, gremien: 2, praemissen: 2, vorlagen: 2 };

/**
 * The pages axe checks, taken from the output so new pages are covered: the start page,
 * every section index (`x/index.html`), a spread of the detail pages of each section
 * (entities as `x/y.html`, sub-pages as `x/y/index.html`), the search page with results,
 * and the 404 page.
 */
export function pageSample() {
  const sample = ["index.html"];
  const sectionIndexes = HTML_FILES.filter((f) => /^[^/]+\/index\.html$/.test(f));
  sample.push(...sectionIndexes);
  const isDetail = (p) => (p.length === 2 && p[1] !== "index.html") || (p.length === 3 && p[2] === "index.html");
  const sections = [...new Set(HTML_FILES.map((f) => f.split("/")).filter(isDetail).map((p) => p[0]))];
  for (const s of sections) {
    const details = HTML_FILES.filter((f) => f.startsWith(`${s}/`) && isDetail(f.split("/")));
    sample.push(...spread(details, DETAIL_SAMPLE[s] ?? 1));
  }
  const pages = sample.map((p) => ({ name: p, url: p }));
  if (HTML_FILES.includes("suche/index.html")) {
    pages.push({
      name: `suche/index.html?q=${SEARCH_QUERY}`,
      url: `suche/index.html?q=${encodeURIComponent(SEARCH_QUERY)}`,
      waitFor: "#search-results a",
    });
  }
  // A nested unknown path: the 404 page's stylesheet and links must still resolve.
  pages.push({ name: "404 (unknown nested path)", url: "rollen/gibt-es-nicht/", status: 404 });
  return pages;
}
