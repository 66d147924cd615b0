// Time to the first search result in a browser: for each query, a fresh browser context
// (empty cache) opens `suche/index.html?q=…` of a built site, from a loopback HTTP server
// and from file://, and the time from navigation start until the first result link is in
// the page is read from the page's own clock (performance.now()). Prints the median and
// the slowest of the queries, and how many bytes the search loaded for them.
//
//   node scripts/bench-search.mjs SITE_DIR [QUERY ...]
// Needs the npm packages of tests/browser (playwright-core) and Debian's Chromium
// (CHROMIUM overrides /usr/bin/chromium).

import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, "..", "tests", "browser", "package.json"));
const { chromium } = require("playwright-core");

const [site, ...given] = process.argv.slice(2);
if (!site || !fs.existsSync(path.join(site, "suche", "index.html"))) {
  console.error("usage: node scripts/bench-search.mjs SITE_DIR [QUERY ...] (a built site with suche/)");
  process.exit(2);
}
// Words of the bundled content and of the generated corpus; rare and common ones.
const queries = given.length ? given : ["KDZ", "Fast Lane", "Projektantrag", "Verwaltung", "Digitalisierung",
  "Steuerungsrunde", "Haushalt", "Bürger", "Anforderungsmanagement", "Prämissen"];

function serve(root) {
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url, "http://x").pathname);
    let file = path.join(root, path.normalize(rel));
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
    if (!file.startsWith(path.resolve(root)) || !fs.existsSync(file)) { res.writeHead(404); return res.end(); }
    const type = file.endsWith(".html") ? "text/html; charset=utf-8" : file.endsWith(".js") ? "text/javascript" : "application/octet-stream";
    res.writeHead(200, { "content-type": type });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

async function firstResult(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  let bytes = 0;
  page.on("response", async (r) => { try { bytes += (await r.body()).length; } catch { /* file:// */ } });
  await page.goto(url);
  await page.waitForSelector("#search-results a", { timeout: 60_000 });
  const ms = await page.evaluate(() => performance.now());
  await context.close();
  return { ms, bytes };
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

const server = await serve(path.resolve(site));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
for (const [how, url] of [
  ["http", (q) => `${origin}/suche/index.html?q=${encodeURIComponent(q)}`],
  ["file", (q) => `${pathToFileURL(path.resolve(site, "suche", "index.html")).href}?q=${encodeURIComponent(q)}`],
]) {
  const runs = [];
  for (const q of queries) runs.push({ q, ...(await firstResult(browser, url(q))) });
  const times = runs.map((r) => r.ms);
  const slowest = runs.reduce((a, b) => (b.ms > a.ms ? b : a));
  const loaded = how === "http" ? `, median ${(median(runs.map((r) => r.bytes)) / 1024).toFixed(0)} KiB loaded` : "";
  console.log(`${how}: ${queries.length} queries, first result after median ${median(times).toFixed(0)} ms, slowest ${slowest.ms.toFixed(0)} ms ("${slowest.q}")${loaded}`);
}
await browser.close();
server.close();
