// Usage: node recall.mjs OUTPUT_DIR CASES.json
// Recall and ranking of the browser engine on a built site. CASES:
//   {recall: [query…], ranking: [{query, url, within}]}
// Recall: every page whose main area (read here with regular expressions, independently
// of Lotse's own reader) has every word of the query as a word is among the hits. Ranking:
// `url` is among the first `within` hits.
import fs from "node:fs";
import path from "node:path";
import { engine, finish } from "./harness.mjs";

const output = process.argv[2];
const cases = JSON.parse(fs.readFileSync(process.argv[3], "utf8"));
const search = engine(path.join(output, "suche"));
// The two pages the search leaves out on purpose.
const UNINDEXED = new Set(["404.html", "suche/index.html"]);

function words(query) {
  return query.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0);
}

function decode(text) {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#([0-9]+);/g, (_, dec) => String.fromCodePoint(parseInt(dec, 10)))
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

// What a reader sees in the main area, navigation and graphics left out.
function mainText(html) {
  const main = (html.match(/<main[^>]*>([\s\S]*)<\/main>/) || [null, ""])[1];
  const shown = main
    .replace(/<(nav|svg|script|style)\b[\s\S]*?<\/\1>/g, " ")
    .replace(/<p [^>]*data-search="skip"[^>]*>[\s\S]*?<\/p>/g, " ")
    .replace(/<[^>]+>/g, " ");
  return new Set(words(decode(shown)));
}

const pages = [];
for (const name of fs.readdirSync(output, { recursive: true }).sort()) {
  if (!name.endsWith(".html") || UNINDEXED.has(name)) continue;
  pages.push({ url: name, words: mainText(fs.readFileSync(path.join(output, name), "utf8")) });
}

async function hitUrls(query) {
  const result = await search.search(query);
  const docs = await search.documents(result.hits);
  return Array.from(docs, (doc) => doc.url);
}

const failures = [];
let checked = 0;
for (const query of cases.recall) {
  const wanted = words(query);
  const expected = pages.filter((page) => wanted.every((word) => page.words.has(word))).map((page) => page.url);
  const found = new Set(await hitUrls(query));
  const missing = expected.filter((url) => !found.has(url));
  console.log(`${JSON.stringify(query)}: ${expected.length} pages contain it, ${missing.length} missing`);
  if (expected.length === 0) failures.push(`${JSON.stringify(query)}: no page contains it, the case tests nothing`);
  for (const url of missing) failures.push(`${JSON.stringify(query)}: ${url} contains it but is not found`);
  checked += expected.length;
}
for (const { query, url, within } of cases.ranking) {
  const urls = await hitUrls(query);
  const place = urls.indexOf(url);
  console.log(`${JSON.stringify(query)}: ${url} at place ${place + 1} of ${urls.length}`);
  if (place < 0 || place >= within) {
    failures.push(`${JSON.stringify(query)}: ${url} should be among the first ${within}, is at ${place + 1}: ${urls.slice(0, 5)}`);
  }
  checked += 1;
}
finish("recall and ranking", failures, checked);
