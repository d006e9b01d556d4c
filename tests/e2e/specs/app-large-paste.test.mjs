//! Files and large pastes: a dropped or picked .eml goes to the core as bytes (so its charset
//! is decoded there); a 5 MB paste is diagnosed without freezing the page; anything over the
//! limit gets a clear message instead of a result.

import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { after, before, describe, it } from "node:test";

import { RAW_SPAMHAUS } from "../lib/app.mjs";
import { DESKTOP, startHarness } from "../lib/harness.mjs";
import { waitFor } from "../lib/wait.mjs";

const LIMIT = 5 * 1024 * 1024;
const DOCOMO = fileURLToPath(new URL("../../../crates/ndr-web/samples/docomo-user-unknown.eml", import.meta.url));

/** `size` bytes of bounce: the Spamhaus bounce followed by base64 lines. */
function bounceOfSize(size) {
  const head = RAW_SPAMHAUS + "\n";
  const body = randomBytes(size).toString("base64").replace(/.{76}/g, "$&\n");
  return (head + body).slice(0, size);
}

/** Sets the paste box as one edit (typing megabytes would only measure Playwright). */
async function setBox(page, text) {
  await page.evaluate((text) => {
    const box = document.querySelector('[data-testid="paste"]');
    box.value = text;
    box.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText" }));
  }, text);
}

describe("files and large pastes", () => {
  let h;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h?.close();
  });

  it("a picked ISO-2022-JP .eml file is diagnosed from its bytes", { timeout: 60_000 }, async () => {
    const page = await h.openApp(await h.newPage(DESKTOP), h.appUrl("?lang=ja"));
    await page.locator('[data-testid="file"]').setInputFiles({
      name: "bounce.eml",
      mimeType: "message/rfc822",
      buffer: await readFile(DOCOMO),
    });
    await h.waitForTestId(page, "verdict");
    assert.match(await page.locator('[data-testid="fact-recipients-value"]').innerText(), /hanako-0123@docomo\.ne\.jp/);
    assert.match(await page.locator('[data-testid="paste"]').inputValue(), /Unknown user/, "the box shows the file");
    await page.close();
  });

  it("a dropped .eml file is diagnosed", { timeout: 60_000 }, async () => {
    const page = await h.openApp(await h.newPage(DESKTOP), h.appUrl("?lang=en"));
    const bytes = [...(await readFile(DOCOMO))];
    const dataTransfer = await page.evaluateHandle((bytes) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(bytes)], "bounce.eml", { type: "message/rfc822" }));
      return dt;
    }, bytes);
    await page.dispatchEvent(".drop", "dragover", { dataTransfer });
    await page.dispatchEvent(".drop", "drop", { dataTransfer });
    await h.waitForTestId(page, "verdict");
    assert.match(await page.locator('[data-testid="fact-recipients-value"]').innerText(), /docomo\.ne\.jp/);
    await page.close();
  });

  it("a 5 MB paste gets a verdict while the page keeps painting", { timeout: 90_000 }, async () => {
    const page = await h.openApp(await h.newPage(DESKTOP), h.appUrl("?lang=en"));
    await setBox(page, bounceOfSize(LIMIT - 1024));
    const timing = await page.evaluate(
      () =>
        new Promise((resolve) => {
          let longest = 0;
          let last = performance.now();
          const start = last;
          const tick = () => {
            const now = performance.now();
            longest = Math.max(longest, now - last);
            last = now;
            if (document.querySelector('[data-testid="verdict"]')) resolve({ ms: now - start, longest });
            else requestAnimationFrame(tick);
          };
          document.querySelector('[data-testid="diagnose"]').click();
          requestAnimationFrame(tick);
        }),
    );
    console.log(`5 MB paste: verdict after ${timing.ms.toFixed(0)} ms, longest frame ${timing.longest.toFixed(0)} ms`);
    assert.ok(timing.longest < 1000, `the page froze for ${timing.longest} ms`);
    assert.match(await page.locator('[data-testid="fact-ip-value"]').innerText(), /93\.184\.216\.34/);
    // The evidence view shows excerpts, not five megabytes of text.
    const shown = await page.locator("#evidence").evaluate((e) => e.textContent.length);
    assert.ok(shown < 200_000, `the evidence view holds ${shown} characters`);
    await page.close();
  });

  it("over the limit: a clear message, no result", { timeout: 60_000 }, async () => {
    const page = await h.openApp(await h.newPage(DESKTOP), h.appUrl("?lang=en"));
    await setBox(page, bounceOfSize(LIMIT + 10));
    await page.locator('[data-testid="diagnose"]').click();
    await waitFor("the size message", async () => /5 MB/.test(await page.locator('[data-testid="input-problem"]').innerText()));
    assert.equal(await page.locator('[data-testid="verdict"]').count(), 0);
    await page.locator('[data-testid="file"]').setInputFiles({ name: "huge.eml", mimeType: "message/rfc822", buffer: Buffer.alloc(LIMIT + 1, 65) });
    await waitFor("the size message for a file", async () => /5 MB/.test(await page.locator('[data-testid="input-problem"]').innerText()));
    assert.equal(await page.locator('[data-testid="verdict"]').count(), 0);
    await page.close();
  });
});
