// Browser tests of the generated site: accessibility (axe-core, WCAG 2.1 A/AA), valid
// HTML (html-validate), internal links and fragments, no external resources, file://
// navigation, JavaScript off, the offline search and the skip link.
//
// Run by scripts/test against a fresh build; by hand:
//   LOTSE_SITE=output node --test --test-reporter=spec tests/browser/site.test.mjs
// Environment: LOTSE_SITE (default: ../../output), CHROMIUM (default: /usr/bin/chromium).
//
// The site is served by a small loopback server written below; Chromium (Debian's, driven
// by playwright-core) may reach that server and file:// only. Every other request is
// blocked, recorded and fails the test that made it.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequire } from "node:module";
import { CSS_FILES, FILES, HTML_FILES, SEARCH_QUERY, SITE, pageSample } from "./site-files.mjs";

const require = createRequire(import.meta.url);
const { chromium } = require("playwright-core");
const { HtmlValidate, StaticConfigLoader } = require("html-validate");

const AXE_SOURCE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const CONCURRENCY = 2;
const TIMEOUT_MS = 60_000; // one page load or wait; the machine has 2 cores
const TEST_TIMEOUT_MS = 300_000;
const SEARCH_EXPECT = "rollen/digit-beraterin.html";

// --- A tiny static server ------------------------------------------------------------

const TYPES = {
  ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json", ".xml": "application/xml", ".svg": "image/svg+xml",
  ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
  ".webp": "image/webp", ".ico": "image/x-icon", ".woff2": "font/woff2", ".woff": "font/woff",
  ".ttf": "font/ttf", ".pdf": "application/pdf", ".txt": "text/plain; charset=utf-8",
};

/** Serves SITE: a folder URL serves its index.html, anything unknown 404.html with 404. */
function startServer() {
  const server = http.createServer((req, res) => {
    const send = (status, file) => {
      res.writeHead(status, { "content-type": TYPES[path.extname(file)] || "application/octet-stream" });
      if (req.method === "HEAD") res.end();
      else fs.createReadStream(file).pipe(res);
    };
    const notFound = () => {
      const page = path.join(SITE, "404.html");
      if (fs.existsSync(page)) send(404, page);
      else { res.writeHead(404); res.end("not found"); }
    };
    let rel;
    try {
      rel = decodeURIComponent(new URL(req.url, "http://127.0.0.1").pathname);
    } catch {
      return notFound();
    }
    const file = path.join(SITE, path.normalize(rel));
    if (file !== SITE && !file.startsWith(SITE + path.sep)) return notFound();
    let st;
    try { st = fs.statSync(file); } catch { return notFound(); }
    if (st.isDirectory()) {
      if (!rel.endsWith("/")) { // relative links need the slash
        res.writeHead(301, { location: `${req.url.split("?")[0]}/` });
        return res.end();
      }
      const index = path.join(file, "index.html");
      return fs.existsSync(index) ? send(200, index) : notFound();
    }
    return send(200, file);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

// --- Browser -------------------------------------------------------------------------

let server;
let origin;
let browser;

before(async () => {
  server = await startServer();
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    timeout: TIMEOUT_MS,
    // launch() adds a fresh temporary --user-data-dir of its own.
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--disable-dev-shm-usage"],
  });
});

after(async () => {
  if (browser) await browser.close();
  if (server) await new Promise((resolve) => server.close(resolve));
});

const siteUrl = (rel) => `${origin}/${rel}`;
const fileUrl = (rel) => pathToFileURL(path.join(SITE, rel)).href;

async function newContext(options = {}) {
  return browser.newContext({
    locale: "de-DE", serviceWorkers: "block", viewport: { width: 1280, height: 900 }, ...options,
  });
}

/**
 * A page whose requests may only go to the loopback server or to file://. Everything
 * else is blocked and recorded, as are failed requests and local 4xx/5xx responses.
 */
async function openPage(context) {
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT_MS);
  page.setDefaultNavigationTimeout(TIMEOUT_MS);
  const rec = { external: [], failed: [], httpErrors: [], jsErrors: [] };
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`) || url.startsWith("file:")) return route.continue();
    rec.external.push(`${route.request().resourceType()} ${url}`);
    return route.abort("blockedbyclient");
  });
  page.on("requestfailed", (r) => {
    if (!rec.external.some((e) => e.endsWith(` ${r.url()}`))) {
      rec.failed.push(`${r.url()}: ${r.failure()?.errorText}`);
    }
  });
  page.on("response", (r) => {
    if (r.status() >= 400) rec.httpErrors.push(`${r.status()} ${r.url()}`);
  });
  page.on("pageerror", (e) => rec.jsErrors.push(String(e?.message ?? e).split("\n")[0]));
  return { page, rec };
}

/** The request and script problems a page recorded, as printable lines. */
function problemsOf(rec, { allowStatus404For } = {}) {
  const httpErrors = rec.httpErrors.filter((e) => !(allowStatus404For && e === `404 ${allowStatus404For}`));
  return [
    ...rec.external.map((e) => `request to another host (blocked): ${e}`),
    ...rec.failed.map((e) => `failed request: ${e}`),
    ...httpErrors.map((e) => `HTTP error: ${e}`),
    ...rec.jsErrors.map((e) => `uncaught script error: ${e}`),
  ];
}

/** Fails on any external, failed or erroring request and on uncaught script errors. */
function assertClean(rec, options) {
  const problems = problemsOf(rec, options);
  assert.equal(problems.length, 0, `${problems.length} problem(s) while loading:\n  ${problems.join("\n  ")}`);
}

// --- axe-core ------------------------------------------------------------------------

describe("axe-core WCAG 2.1 A/AA", { concurrency: CONCURRENCY }, () => {
  let context;
  before(async () => {
    context = await newContext();
    await context.addInitScript({ content: AXE_SOURCE });
  });
  after(async () => { if (context) await context.close(); });

  for (const sample of pageSample()) {
    test(sample.name, { timeout: TEST_TIMEOUT_MS }, async () => {
      const { page, rec } = await openPage(context);
      try {
        const url = siteUrl(sample.url);
        const resp = await page.goto(url, { waitUntil: "load" });
        assert.equal(resp.status(), sample.status ?? 200, `HTTP status of ${url}`);
        if (sample.waitFor) await page.waitForSelector(sample.waitFor);
        const violations = await page.evaluate(async (tags) => {
          // eslint-disable-next-line no-undef
          const res = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
          return res.violations.map((v) => ({
            id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map((n) => ({ target: n.target.join(" "), summary: n.failureSummary })),
          }));
        }, AXE_TAGS);
        const text = violations.map((v) => `${v.id} (${v.impact}, ${v.nodes.length}×): ${v.help}\n`
          + v.nodes.slice(0, 10).map((n) => `      ${n.target}\n        ${(n.summary || "").replace(/\n/g, "\n        ")}`).join("\n")
          + (v.nodes.length > 10 ? `\n      … ${v.nodes.length - 10} more` : "")).join("\n    ");
        const requests = problemsOf(rec, { allowStatus404For: sample.status === 404 ? url : undefined });
        assert.ok(violations.length === 0 && requests.length === 0,
          (violations.length ? `${violations.length} axe rule(s) violated on ${sample.name}:\n    ${text}\n` : "")
          + (requests.length ? `  ${requests.join("\n  ")}` : ""));
      } finally {
        await page.close();
      }
    });
  }
});

// --- html-validate ---------------------------------------------------------------------

// The same rules the public-sector reviewer's checker uses; the site's own configs are ignored.
const HTML_VALIDATE_CONFIG = {
  extends: ["html-validate:standard"],
  rules: {
    "missing-doctype": "error",
    "no-missing-references": "error",
    "empty-title": "error",
    "empty-heading": "error",
    "no-implicit-close": "warn",
  },
};

test(`html-validate: all ${HTML_FILES.length} HTML files`, { timeout: TEST_TIMEOUT_MS }, async () => {
  const hv = new HtmlValidate(new StaticConfigLoader(HTML_VALIDATE_CONFIG));
  const errors = [];
  for (const rel of HTML_FILES) {
    const report = await hv.validateString(fs.readFileSync(path.join(SITE, rel), "utf8"), rel);
    for (const r of report.results) {
      for (const m of r.messages) {
        if (m.severity === 2) errors.push(`${rel}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
      }
    }
  }
  const shown = errors.slice(0, 60).join("\n  ") + (errors.length > 60 ? `\n  … ${errors.length - 60} more` : "");
  assert.equal(errors.length, 0, `${errors.length} html-validate error(s):\n  ${shown}`);
});

// --- Links and resources (static) ----------------------------------------------------

const decodeEntities = (s) => s
  .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
  .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
  .replace(/&quot;/g, "\"").replace(/&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">")
  .replace(/&amp;/g, "&");

/** Start tags with their attributes (lower-case names), outside comments and script bodies. */
function tags(html) {
  const clean = html.replace(/<!--[\s\S]*?-->/g, "")
    .replace(/(<script\b[^>]*>)[\s\S]*?<\/script>/gi, "$1</script>");
  const out = [];
  const tagRe = /<([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*\/?>/g;
  const attrRe = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;
  for (const m of clean.matchAll(tagRe)) {
    const attrs = {};
    for (const a of m[2].matchAll(attrRe)) {
      attrs[a[1].toLowerCase()] = decodeEntities(a[2] ?? a[3] ?? a[4] ?? "");
    }
    out.push({ name: m[1].toLowerCase(), attrs });
  }
  return { clean, tags: out };
}

const cssUrls = (css) => [
  ...[...css.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)/g)].map((m) => m[1] ?? m[2] ?? m[3]),
  ...[...css.matchAll(/@import\s+(?:"([^"]*)"|'([^']*)')/g)].map((m) => m[1] ?? m[2]),
];

const idCache = new Map();
/** The ids (and <a name>s) of a site HTML file. */
function idsOf(rel) {
  if (!idCache.has(rel)) {
    const ids = new Set();
    for (const t of tags(fs.readFileSync(path.join(SITE, rel), "utf8")).tags) {
      if (t.attrs.id) ids.add(t.attrs.id);
      if (t.name === "a" && t.attrs.name) ids.add(t.attrs.name);
    }
    idCache.set(rel, ids);
  }
  return idCache.get(rel);
}

const NOT_FOUND_PAGE = "404.html";
const EXTERNAL = /^(?:https?:)?\/\//i;
const SKIP_SCHEMES = /^(?:mailto|tel|data|javascript|blob):/i;
const FILE_SET = new Set(FILES);

/**
 * Checks one reference from site file `from`; pushes problems to `out`.
 * kind: "resource" (must be local), "link" (may be external navigation).
 */
function checkRef(from, where, raw, kind, out) {
  const ref = raw.trim();
  if (ref === "" || SKIP_SCHEMES.test(ref)) return;
  if (EXTERNAL.test(ref)) {
    if (kind === "resource") out.external.push(`${from}: ${where} loads external ${ref}`);
    return;
  }
  if (/^file:/i.test(ref)) { out.broken.push(`${from}: ${where} uses a file: URL ${ref}`); return; }
  if (/^[a-z][a-z0-9+.-]*:/i.test(ref)) return; // other schemes (e.g. urn:) are not files
  // The 404 page is served by a web server at any path, so it needs root-relative links;
  // every other page is also opened from file://, where those would break.
  if (ref.startsWith("/") && !ref.startsWith("//") && from !== NOT_FOUND_PAGE) {
    out.broken.push(`${from}: ${where} ${ref} is root-relative (breaks file://)`);
    return;
  }
  const base = new URL(from, "http://site.invalid/");
  const url = new URL(ref, base);
  if (url.host !== "site.invalid") { out.broken.push(`${from}: ${where} ${ref} leaves the site`); return; }
  let target = decodeURIComponent(url.pathname).replace(/^\//, "");
  if (target === "" || target.endsWith("/")) target += "index.html";
  else if (!FILE_SET.has(target) && FILE_SET.has(`${target}/index.html`)) target += "/index.html";
  if (!FILE_SET.has(target)) { out.broken.push(`${from}: ${where} ${ref} → missing ${target}`); return; }
  const frag = url.hash ? decodeURIComponent(url.hash.slice(1)) : "";
  if (frag && frag !== "top" && target.endsWith(".html") && !idsOf(target).has(frag)) {
    out.fragments.push(`${from}: ${where} ${ref} → no id="${frag}" in ${target}`);
  }
}

const RESOURCE_LINK_RELS = /\b(?:stylesheet|icon|preload|prefetch|preconnect|modulepreload|manifest|dns-prefetch|apple-touch-icon)\b/i;

test("links: internal href/src resolve, fragments exist, no external resources", () => {
  const out = { broken: [], fragments: [], external: [] };
  let checked = 0;
  for (const rel of HTML_FILES) {
    const { clean, tags: list } = tags(fs.readFileSync(path.join(SITE, rel), "utf8"));
    for (const t of list) {
      const a = t.attrs;
      const where = `<${t.name}>`;
      for (const [attr, value] of Object.entries(a)) {
        const isUrlAttr = ["href", "xlink:href", "src", "action", "poster", "data", "formaction", "cite"].includes(attr);
        if (isUrlAttr) {
          checked++;
          let kind = "resource";
          if (["a", "area", "form", "blockquote", "q", "del", "ins", "button", "input"].includes(t.name) && attr !== "src") kind = "link";
          if (t.name === "link" && !RESOURCE_LINK_RELS.test(a.rel || "")) kind = "link";
          if (t.name === "input" && attr === "src") kind = "resource";
          checkRef(rel, `${where} ${attr}`, value, kind, out);
        } else if (attr === "srcset" || attr === "imagesrcset") {
          for (const part of value.split(",")) {
            const u = part.trim().split(/\s+/)[0];
            if (u) { checked++; checkRef(rel, `${where} ${attr}`, u, "resource", out); }
          }
        } else if (attr === "style") {
          for (const u of cssUrls(value)) { checked++; checkRef(rel, `${where} style url()`, u, "resource", out); }
        }
      }
    }
    for (const m of clean.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) {
      for (const u of cssUrls(m[1])) { checked++; checkRef(rel, "<style> url()", u, "resource", out); }
    }
  }
  for (const rel of CSS_FILES) {
    for (const u of cssUrls(fs.readFileSync(path.join(SITE, rel), "utf8"))) {
      checked++;
      checkRef(rel, "url()", u, "resource", out);
    }
  }
  assert.ok(checked > HTML_FILES.length, `only ${checked} references found: is the parser broken?`);
  const problems = [
    ...out.broken.map((p) => `broken: ${p}`),
    ...out.fragments.map((p) => `fragment: ${p}`),
    ...out.external.map((p) => `external: ${p}`),
  ];
  const shown = problems.slice(0, 60).join("\n  ") + (problems.length > 60 ? `\n  … ${problems.length - 60} more` : "");
  assert.equal(problems.length, 0, `${problems.length} link problem(s) in ${checked} references:\n  ${shown}`);
});

// --- file:// ---------------------------------------------------------------------------

const h1 = (page) => page.locator("h1").first().innerText();

test("file://: start page → nav 'Rollen' → a role page, by clicking", { timeout: TEST_TIMEOUT_MS }, async () => {
  const context = await newContext();
  try {
    const { page, rec } = await openPage(context);
    await page.goto(fileUrl("index.html"));
    const startH1 = await h1(page);
    await page.getByRole("navigation", { name: "Hauptnavigation" })
      .getByRole("link", { name: "Rollen", exact: true }).click();
    await page.waitForURL(/\/rollen\/index\.html$/);
    const rolesH1 = await h1(page);
    assert.notEqual(rolesH1, startH1, "h1 did not change on the roles page");

    // The first link in main (outside the breadcrumbs) to a role page.
    const links = page.locator("main a:not(nav a)");
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.href));
    const i = hrefs.findIndex((h) => /\/rollen\/[^/]+\.html$/.test(h) && !h.endsWith("/index.html"));
    assert.ok(i >= 0, `no role page link in main of rollen/index.html: ${hrefs.join(", ")}`);
    const linkText = (await links.nth(i).innerText()).trim();
    await links.nth(i).click();
    await page.waitForURL((url) => /\/rollen\/[^/]+\.html$/.test(url.href) && !url.href.endsWith("/index.html"));
    const roleH1 = await h1(page);
    assert.notEqual(roleH1, rolesH1, "h1 did not change on the role page");
    assert.ok(roleH1.includes(linkText) || linkText.includes(roleH1),
      `role page h1 "${roleH1}" does not match the link "${linkText}"`);
    const styled = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
    assert.match(styled, /Noto/i, "the stylesheet did not apply under file://");
    assertClean(rec);
  } finally {
    await context.close();
  }
});

// --- Portfolio list filter ------------------------------------------------------------

const PROJECT_LIST = "projekte/alle/index.html";

test("file://: 404.html is styled and its links open the site's pages", { timeout: TEST_TIMEOUT_MS }, async () => {
  const context = await newContext();
  try {
    const { page } = await openPage(context);
    await page.goto(fileUrl("404.html"));
    await page.waitForFunction(() => /Noto/i.test(getComputedStyle(document.body).fontFamily));
    const hrefs = await page.locator("a[href]:not([href^='#'])").evaluateAll((as) => as.map((a) => a.href));
    assert.ok(hrefs.length > 5, `only ${hrefs.length} links on 404.html`);
    const root = pathToFileURL(SITE).href + "/";
    const missing = hrefs.filter((h) => !h.startsWith(root) || !fs.existsSync(new URL(h.split("#")[0])));
    assert.deepEqual(missing, [], "links of 404.html under file:// that lead nowhere");
  } finally {
    await context.close();
  }
});

test("portfolio list: the filter narrows the rows without a page load", { timeout: TEST_TIMEOUT_MS }, async (t) => {
  if (!HTML_FILES.includes(PROJECT_LIST)) return t.skip(`${PROJECT_LIST} not in this site`);
  const context = await newContext();
  try {
    const { page, rec } = await openPage(context);
    await page.goto(siteUrl(PROJECT_LIST));
    const rows = page.locator("table[data-filterable] tbody tr");
    const total = await rows.count();
    assert.ok(total > 3, `only ${total} rows`);
    const first = await page.locator("table[data-filterable] tbody tr:not([data-ampel=''])").first()
      .evaluate((row) => ({ id: row.querySelector(".muted").textContent.trim(), ampel: row.dataset.ampel }));

    await page.getByLabel("In dieser Liste suchen").fill(first.id);
    assert.equal(await page.locator("table[data-filterable] tbody tr:not([hidden])").count(), 1);
    assert.equal(await page.locator(".list-filter [role=status]").innerText(), `1 von ${total} Projekten angezeigt`);

    await page.getByLabel("In dieser Liste suchen").fill("");
    await page.locator("#filter-ampel").selectOption(first.ampel);
    const expected = await rows.evaluateAll((all, ampel) => all.filter((r) => r.dataset.ampel === ampel).length, first.ampel);
    assert.ok(expected >= 1 && expected < total, `${expected} of ${total} rows have Ampel ${first.ampel}`);
    assert.equal(await page.locator("table[data-filterable] tbody tr:not([hidden])").count(), expected);

    // The submit button filters too and never leaves the page.
    await page.getByLabel("In dieser Liste suchen").fill(first.id);
    await page.getByRole("button", { name: "Filtern" }).click();
    assert.equal(await page.locator("table[data-filterable] tbody tr:not([hidden])").count(), 1);
    assert.ok(page.url().endsWith(PROJECT_LIST), `the page stayed: ${page.url()}`);
    assertClean(rec);
  } finally {
    await context.close();
  }
});

test("portfolio list: without JavaScript every row shows and the filter form stays hidden", { timeout: TEST_TIMEOUT_MS }, async (t) => {
  if (!HTML_FILES.includes(PROJECT_LIST)) return t.skip(`${PROJECT_LIST} not in this site`);
  const context = await newContext({ javaScriptEnabled: false });
  try {
    const { page } = await openPage(context);
    await page.goto(siteUrl(PROJECT_LIST));
    assert.equal(await page.locator(".list-filter").isVisible(), false);
    const rows = page.locator("table[data-filterable] tbody tr");
    assert.equal(await page.locator("table[data-filterable] tbody tr:visible").count(), await rows.count());
  } finally {
    await context.close();
  }
});

// --- JavaScript off --------------------------------------------------------------------

const firstRolePage = () => HTML_FILES.find((f) => /^rollen\/[^/]+\.html$/.test(f) && f !== "rollen/index.html");

for (const rel of ["index.html", firstRolePage()].filter(Boolean)) {
  test(`JavaScript off: ${rel} renders its main content`, { timeout: TEST_TIMEOUT_MS }, async () => {
    const context = await newContext({ javaScriptEnabled: false });
    try {
      const { page, rec } = await openPage(context);
      await page.goto(siteUrl(rel));
      const main = page.locator("main");
      assert.ok(await main.isVisible(), "main is not visible");
      assert.ok(await page.locator("main h1").first().isVisible(), "main h1 is not visible");
      const text = (await main.innerText()).trim();
      assert.ok(text.length > 200, `main has only ${text.length} characters of visible text`);
      const box = await main.boundingBox();
      assert.ok(box && box.height > 200, `main is only ${box?.height}px tall`);
      assertClean(rec);
    } finally {
      await context.close();
    }
  });
}

// --- Search ----------------------------------------------------------------------------

const searchRel = `suche/index.html?q=${encodeURIComponent(SEARCH_QUERY)}`;
for (const [how, url] of [["server", () => siteUrl(searchRel)], ["file://", () => `${fileUrl("suche/index.html")}?q=${encodeURIComponent(SEARCH_QUERY)}`]]) {
  test(`search (${how}): "${SEARCH_QUERY}" finds ${SEARCH_EXPECT}`, { timeout: TEST_TIMEOUT_MS }, async () => {
    const context = await newContext();
    try {
      const { page, rec } = await openPage(context);
      await page.goto(url());
      await page.waitForSelector("#search-results a");
      const hrefs = await page.locator("#search-results a").evaluateAll((as) => as.map((a) => a.href));
      assert.ok(hrefs.some((h) => h.endsWith(`/${SEARCH_EXPECT}`)),
        `no result links to ${SEARCH_EXPECT}; results:\n  ${hrefs.join("\n  ")}`);
      assert.equal(await page.locator("#search-q, #search-input").first().inputValue(), SEARCH_QUERY,
        "the query is not shown in the search field");
      assertClean(rec);
    } finally {
      await context.close();
    }
  });
}

// --- Keyboard --------------------------------------------------------------------------

test("keyboard: first Tab focuses the visible skip link, Enter moves focus to main", { timeout: TEST_TIMEOUT_MS }, async () => {
  const context = await newContext();
  try {
    const { page, rec } = await openPage(context);
    await page.goto(siteUrl("index.html"));
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      const r = el.getBoundingClientRect();
      return { tag: el.tagName, text: el.textContent.trim(), href: el.getAttribute("href"),
        visible: r.width > 1 && r.height > 1 && r.bottom > 0 && r.right > 0
          && r.top < innerHeight && r.left < innerWidth };
    });
    assert.equal(focused.tag, "A", `first Tab focused <${focused.tag}>`);
    assert.equal(focused.text, "Zum Inhalt springen");
    assert.ok(focused.visible, "the focused skip link is not visible on screen");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.activeElement?.closest("main") !== null);
    const inMain = await page.evaluate(() => {
      const el = document.activeElement;
      return { tag: el.tagName, id: el.id, isMain: el.tagName === "MAIN" };
    });
    assert.ok(inMain.isMain, `focus is on <${inMain.tag} id="${inMain.id}">, not on main`);
    // The next Tab continues inside main, not at the top of the page.
    await page.keyboard.press("Tab");
    const next = await page.evaluate(() => document.activeElement.closest("main") !== null
      || (document.activeElement.compareDocumentPosition(document.querySelector("main")) & Node.DOCUMENT_POSITION_PRECEDING) !== 0);
    assert.ok(next, "Tab after the skip link did not continue from main");
    assertClean(rec);
  } finally {
    await context.close();
  }
});
