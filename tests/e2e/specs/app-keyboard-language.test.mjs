//! Keyboard-only use (reach the box, diagnose with Ctrl+Enter, land on the verdict, copy a
//! value), the language taken from the browser and kept in the address, and copy buttons that
//! really copy.

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { PUBLIC_IP, VISIBLE_JA_MICROSOFT } from "../lib/app.mjs";
import { DESKTOP, startHarness } from "../lib/harness.mjs";
import { waitFor } from "../lib/wait.mjs";

describe("keyboard, browser language, copy", () => {
  let h;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h?.close();
  });

  it("works with the keyboard alone, and copy buttons put the value on the clipboard", { timeout: 60_000 }, async () => {
    await h.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: h.site.origin });
    const page = await h.openApp(await h.newPage(DESKTOP), h.appUrl("?lang=en"));
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute("data-testid") ?? document.activeElement?.tagName);
    let steps = 0;
    while ((await focused()) !== "paste") {
      await page.keyboard.press("Tab");
      assert.ok(++steps < 20, "Tab never reached the paste box");
    }
    // The focused element is visibly outlined.
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.notEqual(outline, "none", "no visible focus on the paste box");
    await page.keyboard.insertText(VISIBLE_JA_MICROSOFT);
    await page.keyboard.press("Control+Enter");
    await h.waitForTestId(page, "verdict");
    await waitFor("focus on the verdict", async () => (await focused()) === "verdict");
    // The status line announces the result to screen readers.
    assert.ok((await page.locator('[data-testid="status"]').innerText()).length > 0);
    assert.equal(await page.getAttribute('[data-testid="status"]', "aria-live"), "polite");
    // Tab onwards to the first copy button of the steps and press it.
    const copy = page.locator('[data-testid^="copy-step-"]').first();
    const value = (await copy.locator("xpath=..").locator("code").innerText()).trim();
    for (steps = 0; !(await copy.evaluate((el) => el === document.activeElement)); steps++) {
      await page.keyboard.press("Tab");
      assert.ok(steps < 80, "Tab never reached the copy button");
    }
    await page.keyboard.press("Enter");
    await waitFor("the copy button to confirm", async () => (await copy.getAttribute("data-copied")) === "true");
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), value);
    assert.ok(value.includes(PUBLIC_IP) || value.length > 0);
    await page.close();
  });

  it("pasting diagnoses at once, without pressing the button", { timeout: 60_000 }, async () => {
    await h.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: h.site.origin });
    const page = await h.openApp(await h.newPage(DESKTOP), h.appUrl("?lang=en"));
    await page.evaluate((text) => navigator.clipboard.writeText(text), VISIBLE_JA_MICROSOFT);
    await page.locator('[data-testid="paste"]').focus();
    await page.keyboard.press("Control+V");
    await h.waitForTestId(page, "verdict");
    assert.match(await page.locator('[data-testid="fact-ip-value"]').innerText(), /93\.184\.216\.34/);
    await page.close();
  });

  it("the language switch updates ?lang=, so a reload keeps the language and the route", { timeout: 60_000 }, async () => {
    const page = await h.openApp(await h.newPage(DESKTOP), h.appUrl("?lang=ja#/codes"));
    const before = await page.evaluate(() => history.length);
    await page.locator('[data-testid="lang-en"]').click();
    await waitFor("the page in English", async () => (await page.getAttribute("html", "lang")) === "en");
    const url = new URL(page.url());
    assert.equal(url.searchParams.get("lang"), "en", page.url());
    assert.equal(url.hash, "#/codes", page.url());
    // Replaced, not pushed: Back does not step through language switches.
    assert.equal(await page.evaluate(() => history.length), before);
    await page.reload();
    await page.locator('[data-testid="app"]').waitFor();
    assert.equal(await page.getAttribute("html", "lang"), "en");
    assert.equal(await page.getAttribute('[data-testid="lang-en"]', "aria-pressed"), "true");
    assert.deepEqual(h.errorsOf(page), []);
    await page.close();
  });

  it("speaks Japanese to a Japanese browser, unless told otherwise", { timeout: 60_000 }, async () => {
    const context = await h.browser.newContext({ locale: "ja-JP", viewport: DESKTOP });
    // Nothing of this context goes beyond 127.0.0.1.
    await context.route((url) => !url.hostname.startsWith("127."), (route) => route.abort("blockedbyclient"));
    try {
      const page = await context.newPage();
      await page.goto(h.appUrl());
      await page.locator('[data-testid="app"]').waitFor();
      assert.equal(await page.getAttribute("html", "lang"), "ja");
      assert.equal(await page.getAttribute('[data-testid="lang-ja"]', "aria-pressed"), "true");
      await page.goto(h.appUrl("?lang=en"));
      await page.locator('[data-testid="app"]').waitFor();
      assert.equal(await page.getAttribute("html", "lang"), "en");
    } finally {
      await context.close();
    }
  });
});
