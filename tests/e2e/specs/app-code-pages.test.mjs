//! Code pages: `#/codes` lists every known code and filters it; every code of the playbooks'
//! index has a page `#/code/<code>` that explains it in the chosen language; a diagnosis
//! links to its code's page.

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { diagnose, switchLanguage, VISIBLE_JA_MICROSOFT } from "../lib/app.mjs";
import { describeViolations, seriousA11yViolations } from "../lib/axe.mjs";
import { DESKTOP, PHONE, startHarness } from "../lib/harness.mjs";
import { waitFor } from "../lib/wait.mjs";

describe("code pages", () => {
  let h;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h?.close();
  });

  it("every code in the list has its own page, in both languages", { timeout: 180_000 }, async () => {
    const page = await h.openApp(await h.newPage(DESKTOP), h.appUrl("?lang=en#/codes"));
    await h.waitForTestId(page, "codes");
    const hashes = await page.$$eval('[data-testid="codes"] .code-list a', (as) => as.map((a) => a.getAttribute("href")));
    assert.ok(hashes.length >= 50, `only ${hashes.length} codes listed`);
    const missing = [];
    for (const [i, hash] of hashes.entries()) {
      // A code several parties share carries the party: #/code/5.7.1/gmail.
      const code = decodeURIComponent(hash.replace("#/code/", "")).split("/")[0];
      await page.evaluate((hash) => { location.hash = hash; }, hash);
      await waitFor(`the page of ${code}`, async () => (await page.locator('[data-testid="code-title"]').first().textContent().catch(() => "")) === code);
      if ((await page.getAttribute('[data-testid="code-page"]', "data-found")) !== "true") missing.push(code);
      const meaning = (await page.locator('[data-testid="code-meaning"]').innerText()).trim();
      assert.ok(meaning.length > 5, `${code} has no meaning`);
      assert.ok((await page.locator('[data-testid="steps"] > li').count()) > 0, `${code} has no steps`);
      if (i % 40 === 0) {
        await switchLanguage(page, "ja");
        assert.match(await page.locator('[data-testid="code-meaning"]').innerText(), /[\u3040-\u30ff\u4e00-\u9fff]/, `${code} in Japanese`);
        await switchLanguage(page, "en");
      }
    }
    assert.deepEqual(missing, []);
    await page.close();
  });

  it("the list filters as you type, and an unknown code says so", { timeout: 60_000 }, async () => {
    const page = await h.openApp(await h.newPage(PHONE), h.appUrl("?lang=ja#/codes"));
    await page.locator('[data-testid="code-search"]').fill("s3150");
    await waitFor("the filtered list", async () => (await page.locator(".code-list li").count()) < 10);
    assert.ok(await page.locator('[data-testid="code-S3150"]').isVisible());
    console.log(`screenshot: ${await h.screenshot(page, "app-codes-ja-360")}`);
    const violations = await seriousA11yViolations(page);
    assert.equal(violations.length, 0, describeViolations(violations));
    await page.goto(h.appUrl("?lang=en#/code/NO-SUCH-CODE"));
    await h.waitForTestId(page, "code-unknown");
    await page.close();
  });

  it("a diagnosis links to its code's page, which works without any paste", { timeout: 60_000 }, async () => {
    const page = await h.openApp(await h.newPage(DESKTOP), h.appUrl("?lang=en"));
    await diagnose(h, page, VISIBLE_JA_MICROSOFT);
    await page.locator('[data-testid="code-page-link"]').click();
    await h.waitForTestId(page, "code-page");
    assert.match(page.url(), /#\/code\/5\.7\.606/);
    assert.equal(await page.getAttribute('[data-testid="code-page"]', "data-found"), "true");
    console.log(`screenshot: ${await h.screenshot(page, "app-code-5.7.606-desktop")}`);
    // A fresh visit straight to the code's address shows the same page.
    const direct = await h.openApp(await h.newPage(PHONE), h.appUrl("?lang=ja#/code/S3150"));
    await h.waitForTestId(direct, "code-title");
    assert.equal((await direct.locator('[data-testid="code-title"]').innerText()).trim(), "S3150");
    await direct.close();
    await page.close();
  });
});
