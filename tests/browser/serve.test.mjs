// Browser test of `lotse serve`: an open page reloads itself after a saved edit, shows
// the problems of broken content in an accessible box over the last good page, and
// reloads again once the file is fixed.
//
// Run by scripts/test; by hand:
//   LOTSE_BIN=target/debug/lotse node --test --test-reporter=spec tests/browser/serve.test.mjs
// Environment: LOTSE_BIN (the binary), LOTSE_FIXTURE (the site to copy, default the
// minimal fixture site), CHROMIUM (default: /usr/bin/chromium).

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { chromium } = require("playwright-core");
const AXE_SOURCE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "..", "..");
const LOTSE = path.resolve(process.env.LOTSE_BIN || path.join(ROOT, "target", "debug", "lotse"));
const FIXTURE = path.resolve(process.env.LOTSE_FIXTURE || path.join(ROOT, "tests", "fixtures", "sites", "minimal"));
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const TIMEOUT_MS = 60_000;

let site;
let preview;
let origin;
let browser;

before(async () => {
  site = fs.mkdtempSync(path.join(os.tmpdir(), "lotse-serve-"));
  fs.cpSync(path.join(FIXTURE, "content"), path.join(site, "content"), { recursive: true });
  preview = spawn(LOTSE, ["--root", site, "serve", "--port", "0"], { stdio: ["ignore", "pipe", "ignore"] });
  const lines = readline.createInterface({ input: preview.stdout });
  origin = await new Promise((resolve, reject) => {
    lines.once("line", (line) => {
      const found = /http:\/\/([^/]+)\//.exec(line);
      if (found) resolve(`http://${found[1]}`); else reject(new Error(`no address in ${line}`));
    });
  });
  browser = await chromium.launch({
    executablePath: CHROMIUM, headless: true, timeout: TIMEOUT_MS,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage"],
  });
});

after(async () => {
  if (browser) await browser.close();
  if (preview) preview.kill();
  if (site) fs.rmSync(site, { recursive: true, force: true });
});

/** The build number of the preview, once its first build is done. */
async function built() {
  for (;;) {
    const state = await (await fetch(`${origin}/__lotse/status?after=0`)).json();
    if (state.build > 0) return state;
  }
}

test("an open page follows edits, shows content errors and clears them", { timeout: 300_000 }, async () => {
  await built();
  const context = await browser.newContext({ locale: "de-DE", viewport: { width: 1280, height: 900 } });
  await context.addInitScript({ content: AXE_SOURCE });
  const page = await context.newPage();
  await page.goto(`${origin}/rollen/fachamtsleitung.html`);
  assert.equal(await page.locator("h1").innerText(), "Fachamtsleitung");
  const role = path.join(site, "content", "roles", "fachamtsleitung.toml");
  const good = fs.readFileSync(role, "utf8");

  // The script waits for the next build, then reloads.
  await page.waitForTimeout(300);
  let reloaded = page.waitForEvent("load", { timeout: TIMEOUT_MS });
  fs.writeFileSync(role, good.replace('name = "Fachamtsleitung"', 'name = "Amtsleitung im Test"'));
  await reloaded;
  assert.equal(await page.locator("h1").innerText(), "Amtsleitung im Test");

  await page.waitForTimeout(300);
  fs.writeFileSync(role, good.replace("summary = ", "summary = = "));
  const box = page.getByRole("alert");
  await box.waitFor({ timeout: TIMEOUT_MS });
  const text = await box.innerText();
  assert.match(text, /Der Inhalt hat Fehler/);
  assert.match(text, /content\/roles\/fachamtsleitung\.toml:2:/);
  assert.equal(await page.locator("h1").first().innerText(), "Amtsleitung im Test", "the last good page stays");
  const violations = await page.evaluate(async () => {
    const result = await axe.run("#lotse-probleme", { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return result.violations.map((v) => `${v.id}: ${v.help}`);
  });
  assert.deepEqual(violations, []);
  await page.screenshot({ path: path.join(site, "overlay.png") });
  if (process.env.LOTSE_SCREENSHOTS) fs.copyFileSync(path.join(site, "overlay.png"), path.join(process.env.LOTSE_SCREENSHOTS, "serve-overlay.png"));

  reloaded = page.waitForEvent("load", { timeout: TIMEOUT_MS });
  fs.writeFileSync(role, good);
  await reloaded;
  assert.equal(await page.getByRole("alert").count(), 0, "the fix clears the box");
  assert.equal(await page.locator("h1").innerText(), "Fachamtsleitung");
  await context.close();
});
