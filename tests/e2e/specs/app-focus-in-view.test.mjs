//! Tab through a long result: each control that gets keyboard focus is in the viewport at once,
//! with motion allowed and with reduced motion (review 9, L6: a page-wide `scroll-behavior:
//! smooth` also animated the scroll that follows focus, so the letter's Copy button was still
//! below the fold a moment after Tab).

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { diagnose, RAW_SPAMHAUS } from "../lib/app.mjs";
import { DESKTOP, startHarness } from "../lib/harness.mjs";

describe("keyboard focus lands in view", () => {
  let h;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h?.close();
  });

  for (const reducedMotion of ["no-preference", "reduce"]) {
    it(`every Tab stop of a result is visible right after Tab (${reducedMotion})`, { timeout: 90_000 }, async () => {
      // A short window, so that the result runs well past the fold.
      const page = await h.openApp(await h.newPage({ width: DESKTOP.width, height: 600 }), h.appUrl("?lang=en"));
      await page.emulateMedia({ reducedMotion });
      await diagnose(h, page, RAW_SPAMHAUS);
      await page.locator('[data-testid="verdict"]').focus();
      // Read where the focused element is straight after the key press: no wait, so a scroll
      // still under way shows as a control outside the viewport.
      const where = () =>
        page.evaluate(() => {
          const e = document.activeElement;
          const r = e.getBoundingClientRect();
          const label = e.getAttribute("data-testid") || e.tagName + " " + (e.textContent || "").trim().slice(0, 40);
          const inView = r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
          return { label, body: e === document.body, inView, top: Math.round(r.top), height: innerHeight };
        });
      const stops = [];
      for (let i = 0; i < 150; i++) {
        await page.keyboard.press("Tab");
        const f = await where();
        if (f.body) break;
        stops.push(f);
      }
      const message = stops.map((s) => s.label);
      assert.ok(
        message.some((l) => l.startsWith("copy-message")),
        `Tab never reached the letter's Copy button: ${JSON.stringify(message)}`,
      );
      // The walk went past the fold, or it would prove nothing about scrolling.
      assert.ok(
        (await page.evaluate(() => scrollY)) > 0,
        "the page never scrolled: the result fits the window, so the test says nothing",
      );
      const hidden = stops.filter((s) => !s.inView);
      assert.deepEqual(hidden, [], "focused controls outside the viewport right after Tab");
      await page.close();
    });
  }
});
