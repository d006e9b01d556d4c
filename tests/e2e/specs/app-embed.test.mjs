//! Embedding and the JavaScript API: a page on another origin turns a <div data-ndr-doctor>
//! into an iframe with web/embed.js; the frame drops the site chrome, reports its height as it
//! changes, and diagnoses a bounce the parent hands over with postMessage. The API example
//! page renders its own UI from NdrDoctor.advise (a Promise that loads the language's texts
//! on first use) / NdrDoctor.diagnose. After a diagnosis the visitor asked for (a click in the
//! frame, or a parent's button calling NdrDoctorEmbed.diagnose), the parent page scrolls so the
//! frame's verdict is in view (review h206, H1), and so does a scrolling element that holds the
//! frame (a help centre's side panel, review 6); a hand-over at load moves neither view nor focus.

import assert from "node:assert/strict";
import { createServer } from "node:http";
import { after, before, describe, it } from "node:test";

import { VISIBLE_JA_MICROSOFT } from "../lib/app.mjs";
import { DESKTOP, PHONE, startHarness } from "../lib/harness.mjs";
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

/**
 * A help page with a tall header above the frame and a button under it that hands the bounce
 * over; `?auto` hands it over by itself once the frame has reported its first height (no click,
 * as a page would at load). Every window scroll call is recorded in `__scrolls`. With `panel`,
 * the button, a tall article and the frame sit in a side panel with its own scroll bar, which
 * reaches below the window's bottom edge: the frame starts below the panel's view.
 */
function helpPage(appUrl, bounce, panel = false) {
  const json = JSON.stringify(bounce).replace(/</g, "\\u003c");
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>Help centre</title>
<link rel="icon" href="data:,">
<script>
window.__scrolls = [];
for (const name of ["scroll", "scrollTo", "scrollBy"]) {
  const original = window[name];
  window[name] = function (...args) {
    window.__scrolls.push({ name, args: JSON.parse(JSON.stringify(args)) });
    return original.apply(this, args);
  };
}
</script></head><body style="margin:0">
<header style="height:300px">Example ヘルプセンター</header>
${panel ? `<aside id="panel" style="height:90vh;overflow:auto;border:2px solid #888">
<p><button id="send" type="button">このエラーを診断する</button></p>
<p style="height:1000px">記事</p>
<div id="doctor" data-ndr-doctor data-lang="ja"></div>
</aside>` : `<div id="doctor" data-ndr-doctor data-lang="ja"></div>
<p><button id="send" type="button">このエラーを診断する</button></p>`}
<footer style="height:200px">&copy; Example</footer>
<script src="${appUrl}embed.js" defer></script>
<script>
const BOUNCE = ${json};
const hand = () => NdrDoctorEmbed.diagnose(document.getElementById("doctor"), BOUNCE);
document.getElementById("send").onclick = hand;
if (location.search === "?auto") {
  addEventListener("message", function first(e) {
    if (e.data && e.data.type === "ndr-doctor:height") {
      removeEventListener("message", first);
      hand();
      console.log("handed over, activation: " + Boolean(navigator.userActivation?.isActive));
    }
  });
}
</script>
</body></html>`;
}

describe("embed and JavaScript API", () => {
  let h;
  let parent;
  before(async () => {
    h = await startHarness();
    const html = parentPage(h.appUrl());
    const help = helpPage(h.appUrl(), VISIBLE_JA_MICROSOFT);
    const panel = helpPage(h.appUrl(), VISIBLE_JA_MICROSOFT, true);
    parent = createServer((req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(req.url.startsWith("/help") ? help : req.url.startsWith("/panel") ? panel : html);
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

  /** Opens the parent page at `path`, has the frame diagnose (by `how`: a click in the frame or
   *  the parent's button) and waits for the verdict; the page and the frame's own Frame. */
  const diagnoseInFrame = async (viewport, path, how) => {
    const page = await h.newPage(viewport);
    await page.goto(`http://127.0.0.1:${parent.address().port}${path}`);
    const frame = page.frameLocator("#doctor iframe");
    await frame.locator('[data-testid="app"]').waitFor({ timeout: 15_000 });
    const app = page.frames().find((f) => f !== page.mainFrame());
    if (how === "the parent's button") {
      await page.locator("#send").click();
    } else {
      await frame.locator('[data-testid="paste"]').fill(VISIBLE_JA_MICROSOFT);
      await frame.locator('[data-testid="diagnose"]').click();
    }
    await frame.locator('[data-testid="verdict"]').waitFor({ timeout: 15_000 });
    return { page, app };
  };

  /** The frame's top in the parent's viewport, and the viewport's height. */
  const frameInParent = (page) =>
    page.evaluate(() => ({
      frameTop: document.querySelector("#doctor iframe").getBoundingClientRect().top,
      viewport: innerHeight,
    }));

  for (const [how, viewport] of [["a click in the frame", PHONE], ["the parent's button", PHONE], ["a click in the frame", DESKTOP]]) {
    it(`after ${how} (${viewport.width} px) the parent scrolls the verdict into view`, { timeout: 90_000 }, async () => {
      const { page, app } = await diagnoseInFrame(viewport, "/help", how);
      // The verdict's top edge and its first lines are on screen once the scroll ends.
      const box = await waitFor("the verdict in the parent's view", async () => {
        const { frameTop, viewport: height } = await frameInParent(page);
        const verdict = await app.evaluate(() => {
          const r = document.getElementById("verdict").getBoundingClientRect();
          return { top: r.top, height: r.height };
        });
        const top = frameTop + verdict.top;
        const shown = Math.min(verdict.height, height / 2);
        return top >= 0 && top + shown <= height ? { top, height } : null;
      }, { timeoutMs: 15_000 });
      assert.ok(box.top >= 0, JSON.stringify(box));
      // Focus went to the verdict for keyboard and screen-reader users, as on the page itself.
      assert.equal(await app.evaluate(() => document.activeElement?.id), "verdict");
      // Motion as the visitor allows: a smooth scroll unless reduced motion is asked for.
      const calls = await page.evaluate(() => window.__scrolls);
      assert.ok(calls.length >= 1, "the parent scrolled through window.scroll*");
      assert.equal(calls.at(-1).args[0].behavior, "smooth", JSON.stringify(calls));
      console.log(`screenshot: ${await h.screenshot(page, `app-embed-reveal-${viewport.width}`)}`);
      assert.deepEqual(h.errorsOf(page), []);
      await page.close();
    });
  }

  for (const [how, viewport] of [["a click in the frame", PHONE], ["the parent's button", DESKTOP]]) {
    it(`in a scrolling side panel, after ${how} (${viewport.width} px) the verdict is in the panel's and the window's view`, { timeout: 90_000 }, async () => {
      const { page, app } = await diagnoseInFrame(viewport, "/panel", how);
      // The verdict's top edge and its first lines inside the panel's visible area and the
      // window's, once the scrolls end.
      const seen = await waitFor("the verdict in the panel's and the window's view", async () => {
        const outer = await page.evaluate(() => {
          const panel = document.getElementById("panel");
          const p = panel.getBoundingClientRect();
          return {
            frameTop: document.querySelector("#doctor iframe").getBoundingClientRect().top,
            panelTop: p.top + panel.clientTop,
            panelView: panel.clientHeight,
            panelScrolled: panel.scrollTop,
            window: innerHeight,
          };
        });
        const verdict = await app.evaluate(() => {
          const r = document.getElementById("verdict").getBoundingClientRect();
          return { top: r.top, height: r.height };
        });
        const top = outer.frameTop + verdict.top;
        const bottom = top + Math.min(verdict.height, outer.panelView / 2, outer.window / 2);
        const inPanel = top >= outer.panelTop && bottom <= outer.panelTop + outer.panelView;
        const inWindow = top >= 0 && bottom <= outer.window;
        return inPanel && inWindow ? { top, bottom, ...outer } : null;
      }, { timeoutMs: 15_000 });
      assert.ok(seen.panelScrolled > 0, `the panel scrolled: ${JSON.stringify(seen)}`);
      console.log(`screenshot: ${await h.screenshot(page, `app-embed-panel-${viewport.width}`)}`);
      assert.deepEqual(h.errorsOf(page), []);
      await page.close();
    });
  }

  it("with reduced motion the parent jumps to the verdict instead of gliding", { timeout: 90_000 }, async () => {
    const page = await h.newPage(PHONE);
    await page.emulateMedia({ reducedMotion: "reduce" });
    await page.goto(`http://127.0.0.1:${parent.address().port}/help`);
    const frame = page.frameLocator("#doctor iframe");
    await frame.locator('[data-testid="app"]').waitFor({ timeout: 15_000 });
    await page.locator("#send").click();
    await frame.locator('[data-testid="verdict"]').waitFor({ timeout: 15_000 });
    const calls = await waitFor("the parent's scroll", async () => {
      const calls = await page.evaluate(() => window.__scrolls);
      return calls.length ? calls : null;
    });
    assert.notEqual(calls.at(-1).args[0].behavior, "smooth", JSON.stringify(calls));
    await page.close();
  });

  it("a bounce handed over at load moves neither the parent's view nor its focus", { timeout: 90_000 }, async () => {
    const page = await h.newPage(PHONE);
    // Nothing may touch the page before the hand-over: a Playwright evaluation counts as a
    // user gesture, in the frame's parent too.
    const handed = page.waitForEvent("console", { predicate: (m) => m.text().startsWith("handed over") });
    await page.goto(`http://127.0.0.1:${parent.address().port}/help?auto`);
    assert.equal((await handed).text(), "handed over, activation: false");
    const frameEl = page.locator("#doctor iframe");
    const frame = page.frameLocator("#doctor iframe");
    await frame.locator('[data-testid="verdict"]').waitFor({ timeout: 20_000 });
    // The result's height reached the parent after any message the frame sent on landing.
    const inner = await frame.locator("body").evaluate((b) => b.getBoundingClientRect().height);
    await waitFor("the frame to take the result's height", async () =>
      Math.abs((await frameEl.evaluate((f) => f.getBoundingClientRect().height)) - inner) <= 2 || null);
    assert.deepEqual(await page.evaluate(() => window.__scrolls), []);
    assert.equal(await page.evaluate(() => scrollY), 0);
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), "BODY", "the frame did not take focus");
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
