// The checkers a reviewer runs beside axe-core and html-validate: the W3C Nu Html Checker
// (vnu.jar, on Debian's Java) over every HTML file, and pa11y with HTML_CodeSniffer
// (standard WCAG2AA, on Debian's Chromium) over the page sample of every kind that
// site.test.mjs gives axe-core. Both must report 0 errors; no rule is switched off.
//
// Run by scripts/test against a fresh build; by hand:
//   LOTSE_SITE=output node --test --test-reporter=spec tests/browser/validators.test.mjs
// Environment: LOTSE_SITE (default: ../../output), CHROMIUM (default: /usr/bin/chromium),
// JAVA (default: java on PATH).

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequire } from "node:module";
import { HTML_FILES, SITE, pageSample } from "./site-files.mjs";

const require = createRequire(import.meta.url);
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const JAVA = process.env.JAVA || "java";
const TEST_TIMEOUT_MS = 600_000;

// A page each checker must fault: an image without a text alternative, a <div> in a <p>
// and an unclosed element. If a checker passes it, its "0 errors" on the site says nothing.
const FAULTY_PAGE = `<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Fehler</title></head>
<body><main><h1>Fehler</h1><img src="bild.png"><p><div>Block im Absatz</div></p><span></main></body></html>`;

function faultyPageDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lotse-faulty-"));
  fs.writeFileSync(path.join(dir, "index.html"), FAULTY_PAGE);
  return dir;
}

/** Runs vnu.jar over a folder and returns its messages (JSON output). */
function runVnu(dir) {
  const jar = require("vnu-jar");
  const args = ["-Xss8m", "-jar", jar, "--format", "json", "--skip-non-html", "--also-check-svg", dir];
  return new Promise((resolve, reject) => {
    execFile(JAVA, args, { maxBuffer: 256 * 1024 * 1024 }, (error, _stdout, stderr) => {
      // vnu exits 1 when it found errors; its JSON report is on stderr either way.
      try {
        resolve(JSON.parse(stderr).messages);
      } catch {
        reject(new Error(`vnu did not report JSON (${error?.message ?? "no error"}):\n${stderr.slice(0, 2000)}`));
      }
    });
  });
}

const vnuErrors = (messages) =>
  messages.filter((m) => m.type === "error" || m.subType === "fatal" || m.type === "non-document-error");

test("Nu Html Checker (vnu) faults a broken page", { timeout: TEST_TIMEOUT_MS }, async () => {
  const dir = faultyPageDir();
  try {
    const errors = vnuErrors(await runVnu(dir));
    assert.ok(errors.length >= 2, `vnu found only ${errors.length} error(s) in a broken page`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test(`Nu Html Checker (vnu): all ${HTML_FILES.length} HTML files`, { timeout: TEST_TIMEOUT_MS }, async () => {
  const errors = vnuErrors(await runVnu(SITE));
  const where = (m) => `${path.relative(SITE, new URL(m.url).pathname)}:${m.lastLine ?? "?"}`;
  const text = errors.slice(0, 40).map((m) => `${where(m)}: ${m.message}`).join("\n    ");
  assert.equal(errors.length, 0, `${errors.length} vnu error(s):\n    ${text}`);
});

// --- pa11y with HTML_CodeSniffer ------------------------------------------------------------

let browser;

before(async () => {
  const puppeteer = require("puppeteer");
  browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
});

after(async () => {
  if (browser) await browser.close();
});

/** pa11y's view of one page of the sample, opened from file:// (no request leaves it). */
function pa11yTarget(sample) {
  // The 404 page is checked as the file itself; site.test.mjs covers it at a nested path.
  const rel = sample.status === 404 ? "404.html" : sample.url;
  const [file, query] = rel.split("?");
  const url = pathToFileURL(path.join(SITE, file)).href + (query ? `?${query}` : "");
  const actions = sample.waitFor ? [`wait for element ${sample.waitFor} to be visible`] : [];
  return { url, actions };
}

/** The errors HTML_CodeSniffer (WCAG2AA) reports for one URL. */
async function pa11yErrors(url, actions = []) {
  const pa11y = require("pa11y");
  const page = await browser.newPage();
  try {
    const result = await pa11y(url, {
      browser, page, actions, standard: "WCAG2AA", runners: ["htmlcs"], timeout: 120_000,
      includeNotices: false, includeWarnings: false,
    });
    return result.issues.filter((i) => i.type === "error");
  } finally {
    await page.close();
  }
}

describe("pa11y (HTML_CodeSniffer, WCAG2AA)", { concurrency: 1 }, () => {
  test("faults a page with an image without a text alternative", { timeout: TEST_TIMEOUT_MS }, async () => {
    const dir = faultyPageDir();
    try {
      const errors = await pa11yErrors(pathToFileURL(path.join(dir, "index.html")).href);
      assert.ok(errors.some((i) => i.code.includes("H37")), `no H37 error: ${errors.map((i) => i.code).join(", ")}`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
  for (const sample of pageSample()) {
    test(sample.name, { timeout: TEST_TIMEOUT_MS }, async () => {
      const { url, actions } = pa11yTarget(sample);
      const errors = await pa11yErrors(url, actions);
      const text = errors.map((i) => `${i.code}\n      ${i.message}\n      ${i.selector}: ${i.context}`).join("\n    ");
      assert.equal(errors.length, 0, `${errors.length} HTML_CodeSniffer error(s) on ${sample.name}:\n    ${text}`);
    });
  }
});
