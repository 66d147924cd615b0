// Usage: node stemmer_parity.mjs CASES.json
// CASES: {"words": [[word, rustStem], …], "texts": [[text, [rustTerm, …]], …]} written by
// tests/search_js.rs. Every word must stem, and every text must analyse, exactly as in Rust.
import fs from "node:fs";
import { engine, finish } from "./harness.mjs";

const cases = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const search = engine(null);
const failures = [];
for (const [word, expected] of cases.words) {
  const got = search.stem(word);
  if (got !== expected) failures.push(`stem(${JSON.stringify(word)}): js ${JSON.stringify(got)}, rust ${JSON.stringify(expected)}`);
}
for (const [text, expected] of cases.texts) {
  const got = Array.from(search.terms(text));
  if (got.length !== expected.length || got.some((term, i) => term !== expected[i])) {
    const at = got.findIndex((term, i) => term !== expected[i]);
    failures.push(`terms of ${JSON.stringify(text.slice(0, 60))}…: first difference at ${at}: js ${JSON.stringify(got[at])}, rust ${JSON.stringify(expected[at])}`);
  }
}
finish("stemmer parity", failures, cases.words.length + cases.texts.length);
