// Usage: node end_to_end.mjs SUCHE_DIR CASES.json
// Runs queries against a built index with the browser engine. CASES: [{query, mode,
// first?, urls?}]: mode "all" | "any" | "none"; first: the URL ranked first; urls: the
// exact result URLs in order.
import fs from "node:fs";
import { engine, finish } from "./harness.mjs";

const search = engine(process.argv[2]);
const cases = JSON.parse(fs.readFileSync(process.argv[3], "utf8"));
const failures = [];
for (const expected of cases) {
  const result = await search.search(expected.query);
  const docs = await search.documents(result.hits);
  const urls = Array.from(docs, (doc) => doc.url);
  const show = `${JSON.stringify(expected.query)} -> ${result.mode} ${JSON.stringify(urls)}`;
  console.log(show);
  if (result.mode !== expected.mode) failures.push(`${show}: mode should be ${expected.mode}`);
  if (expected.first !== undefined && urls[0] !== expected.first) failures.push(`${show}: first should be ${expected.first}`);
  if (expected.snippet !== undefined) {
    const passage = docs.length ? search.snippet(docs[0].text, result.terms) : null;
    if (!passage || !passage.text.includes(expected.snippet)) {
      failures.push(`${show}: excerpt ${JSON.stringify(passage && passage.text)} should contain ${JSON.stringify(expected.snippet)}`);
    }
  }
  if (expected.urls !== undefined && JSON.stringify(urls) !== JSON.stringify(expected.urls)) {
    failures.push(`${show}: should be ${JSON.stringify(expected.urls)}`);
  }
}
finish("end to end", failures, cases.length);
