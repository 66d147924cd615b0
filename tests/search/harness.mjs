// Loads search.js, and optionally the index files of a built site, into a fresh
// vm context whose global object plays `window` (no DOM: all files are pre-loaded,
// so the engine never needs to insert a <script> tag).
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
export const SEARCH_JS = path.join(here, "..", "..", "themes", "default", "static", "search", "search.js");

function run(context, file) {
  vm.runInContext(fs.readFileSync(file, "utf8"), context, { filename: file });
}

export function engine(indexDir) {
  const context = {};
  context.window = context;
  vm.createContext(context);
  run(context, SEARCH_JS);
  if (indexDir) {
    for (const name of fs.readdirSync(indexDir, { recursive: true }).sort()) {
      if (name.endsWith(".js")) run(context, path.join(indexDir, name));
    }
  }
  return context.lotseSearch;
}

// Reports failures (at most `limit` shown) and exits non-zero if there were any.
export function finish(label, failures, checked, limit = 30) {
  for (const failure of failures.slice(0, limit)) console.error("MISMATCH " + failure);
  if (failures.length > limit) console.error(`… and ${failures.length - limit} more`);
  console.log(`${label}: ${checked} checked, ${failures.length} failed`);
  process.exit(failures.length ? 1 : 0);
}
