//! Embedding and the JavaScript API: a page on another origin turns a <div data-ndr-doctor>
//! into an iframe with web/embed.js; the frame drops the site chrome, reports its height as it
//! changes, and diagnoses a bounce the parent hands over with postMessage. The API example
//! page renders its own UI from NdrDoctor.advise (a Promise that loads the language's texts
//! on first use) / NdrDoctor.diagnose.

import assert from "node:assert/strict";
import { createServer } from "node:http";
import { after, before, describe, it } from "node:test";

import { VISIBLE_JA_MICROSOFT } from "../lib/app.mjs";
import { DESKTOP, startHarness } from "../lib/harness.mjs";
import { waitFor } from "../lib/wait.mjs";

/** A knowledge-base page on its own origin that embeds the app with the documented snippet. */
function parentPage(appUrl) {
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>Help centre</title>
<link rel="icon" href="data:,"></head><body>
<h1>メールが届かないときは</h1>
<div id="doctor" data-ndr-doctor data-lang="ja"></div>
<script src="${appUrl}embed.js" defer></script>
</body></html>`;
}

describe("embed and JavaScript API", () => {
  let h;
  let parent;
  before(async () => {
    h = await startHarness();
    const html = parentPage(h.appUrl());
    parent = createServer((req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(html);
    });
    await new Promise((resolve) => parent.listen(0, "127.0.0.1", resolve));
  });
  after(async () => {
    await new Promise((resolve) => parent?.close(resolve));
    await h?.close();
  });

  it("embed.js makes an auto-sizing iframe that takes a bounce from the parent", { timeout: 90_000 }, async () => {
    const page = await h.newPage(DESKTOP);
    await page.goto(`http://127.0.0.1:${parent.address().port}/`);
    const frameEl = page.locator("#doctor iframe");
    await frameEl.waitFor({ state: "attached", timeout: 15_000 });
    const src = await frameEl.getAttribute("src");
    assert.match(src, /embed=1/);
    assert.match(src, /lang=ja/);
    const frame = page.frameLocator("#doctor iframe");
    await frame.locator('[data-testid="app"]').waitFor({ timeout: 15_000 });
    assert.equal(await frame.locator(".site-header").count(), 0, "the site chrome is dropped in embed mode");
    const heightOf = () => frameEl.evaluate((f) => f.getBoundingClientRect().height);
    const first = await waitFor("a first height from the frame", async () => {
      const style = await frameEl.evaluate((f) => f.style.height);
      return style ? await heightOf() : null;
    });
    await page.evaluate((text) => window.NdrDoctorEmbed.diagnose(document.getElementById("doctor"), text), VISIBLE_JA_MICROSOFT);
    await frame.locator('[data-testid="verdict"]').waitFor({ timeout: 15_000 });
    const verdict = await frame.locator('[data-testid="verdict"]').innerText();
    assert.match(verdict, /[\u3040-\u30ff\u4e00-\u9fff]/, "the frame speaks Japanese as data-lang asked");
    const grown = await waitFor("the frame to grow with the result", async () => {
      const now = await heightOf();
      return now > first + 200 ? now : null;
    });
    // The frame is as tall as its content: no inner scroll bar.
    const inner = await frame.locator("body").evaluate((b) => b.getBoundingClientRect().height);
    assert.ok(Math.abs(grown - inner) <= 2, `frame ${grown}px, content ${inner}px`);
    console.log(`screenshot: ${await h.screenshot(page, "app-embed-ja")}`);
    await page.close();
  });

  it("a message from anyone but the parent is ignored", { timeout: 60_000 }, async () => {
    const page = await h.openApp(await h.newPage(DESKTOP), h.appUrl("?embed=1&lang=en"));
    // Not framed: the page itself posts to itself; the app must not take it.
    await page.evaluate(() => window.postMessage({ type: "ndr-doctor:diagnose", text: "550 5.7.606 banned sending IP [192.0.2.1]" }, "*"));
    // The message event is queued before this click; if it were taken, its paste would show.
    await page.locator('[data-testid="sample-microsoft-5.7.606"]').click();
    await h.waitForTestId(page, "verdict");
    assert.match(await page.locator('[data-testid="fact-ip-value"]').innerText(), /192\.0\.2\.45/);
    assert.doesNotMatch(await page.locator('[data-testid="paste"]').inputValue(), /192\.0\.2\.1\]/);
    await page.close();
  });

  it("the API example renders its own UI from NdrDoctor.advise", { timeout: 60_000 }, async () => {
    const page = await h.newPage(DESKTOP);
    h.requests.length = 0;
    await page.goto(h.appUrl("api-example.html"));
    await waitFor("the API to be ready", async () => page.locator('[data-testid="api-run"]').isEnabled());
    // An API-only page loads no texts until advice is asked for.
    const texts = () => h.requests.map((r) => new URL(r.url).pathname.match(/\/texts\.(ja|en)\.txt$/)?.[1]).filter(Boolean);
    assert.deepEqual(texts(), []);
    // `diagnose` needs no texts and answers at once.
    const diagnosis = await page.evaluate(() => window.NdrDoctor.diagnose("550 5.7.606 Access denied, banned sending IP [192.0.2.8]."));
    assert.equal(diagnosis.blocked_ip, "192.0.2.8");
    await page.locator('[data-testid="api-run"]').click();
    await waitFor("the verdict", async () => (await page.locator('[data-testid="api-verdict"]').innerText()).length > 10);
    assert.doesNotMatch(await page.locator('[data-testid="api-verdict"]').innerText(), /could not be loaded/);
    const json = JSON.parse(await page.locator('[data-testid="api-output"]').innerText());
    assert.equal(json.blocked_ip, "192.0.2.45");
    assert.equal(json.enhanced_code, "5.7.606");
    // `advise` is a Promise in both languages; each language's file is fetched once.
    // A public address: the advice names it (a documentation one it would not call "your
    // sending IP").
    const direct = await page.evaluate(() => {
      const text = "550 5.7.606 Access denied, banned sending IP [93.184.216.34].";
      const advised = window.NdrDoctor.advise(text, "ja");
      if (!(advised instanceof Promise)) throw new Error("advise did not return a Promise");
      return Promise.all([advised, window.NdrDoctor.advise(text, "en"), window.NdrDoctor.advise(text, "ja-JP")]);
    });
    assert.equal(direct[0].advice.lang, "ja");
    assert.match(direct[0].advice.verdict, /[\u3040-\u30ff\u4e00-\u9fff]/);
    assert.equal(direct[0].diagnosis.blocked_ip, "93.184.216.34");
    assert.equal(direct[1].advice.lang, "en");
    assert.match(direct[1].advice.verdict, /93\.184\.216\.34/);
    assert.deepEqual(direct[2], direct[0]);
    // A documentation address is not presented as the visitor's sending IP.
    const example = await page.evaluate(() => window.NdrDoctor.advise("550 5.7.606 Access denied, banned sending IP [192.0.2.7].", "en"));
    assert.equal(example.diagnosis.blocked_ip, "192.0.2.7");
    assert.doesNotMatch(example.advice.verdict, /192\.0\.2\.7/);
    assert.deepEqual(texts(), ["en", "ja"]);
    assert.equal(await page.locator('[data-testid="app"]').count(), 0, "API-only pages do not mount the app");
    assert.deepEqual(h.errorsOf(page), []);
    await page.close();
  });
});
