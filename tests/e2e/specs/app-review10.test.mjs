//! Page findings of the tenth review that main still showed: a deferral's facts say "deferred",
//! not "blocked" (L5), in both languages; a delivery log line says the mail was accepted (L3);
//! the Escape hint shows only where a keyboard is likely (L4).

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { diagnose } from "../lib/app.mjs";
import { DESKTOP, PHONE, startHarness } from "../lib/harness.mjs";
import { waitFor } from "../lib/wait.mjs";

/** A Postfix log line of a Yahoo deferral that names the sending IP. */
const YAHOO_DEFERRAL = `Jan 15 09:00:00 mx postfix/smtp[123]: 0A1B2C3D4E: to=<ken@example.org>, relay=mta7.am0.yahoodns.net[192.0.2.139]:25, delay=3600, dsn=4.7.0, status=deferred (host mta7.am0.yahoodns.net[192.0.2.139] said: 421 4.7.0 [TSS04] Messages from 93.184.216.34 temporarily deferred due to user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes (in reply to MAIL FROM command))`;

/** A Postfix log line of a delivery. */
const SENT = `relay=mx.example.jp[192.0.2.112]:25, delay=0.4, delays=0.16/0.03/0.06/0.15, dsn=2.0.0, status=sent (250 Requested mail action okay, completed)`;

describe("review 10 page findings", () => {
  let h;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h?.close();
  });

  for (const [lang, party, ip, blocked] of [
    ["en", "Who deferred it", "Deferred sending IP address", /block/i],
    ["ja", "一時的に断った組織", "一時的に断られた送信元 IP アドレス", /ブロック/],
  ]) {
    it(`a deferral's facts say deferred, not blocked (${lang})`, { timeout: 60_000 }, async () => {
      const page = await h.openApp(await h.newPage(DESKTOP), h.appUrl(`?lang=${lang}`));
      await diagnose(h, page, YAHOO_DEFERRAL);
      const label = (id) => page.locator(`[data-testid="fact-${id}"] dt`).innerText();
      assert.equal(await label("party"), party);
      assert.equal(await label("ip"), ip);
      assert.doesNotMatch(await label("party"), blocked);
      assert.deepEqual(h.errorsOf(page), []);
      await page.close();
    });
  }

  for (const [lang, words] of [
    ["en", /accepted the mail \(status=sent\)/],
    ["ja", /受け取られたこと（status=sent）/],
  ]) {
    it(`a delivery log line says the mail was accepted (${lang})`, { timeout: 60_000 }, async () => {
      const page = await h.openApp(await h.newPage(DESKTOP), h.appUrl(`?lang=${lang}`));
      await page.locator('[data-testid="paste"]').fill(SENT);
      await page.locator('[data-testid="diagnose"]').click();
      await h.waitForTestId(page, "not-a-bounce");
      await h.waitForTestId(page, "notes");
      assert.match(await page.locator('[data-testid="notes"]').innerText(), words);
      await page.close();
    });
  }

  for (const touch of [false, true]) {
    it(`the Escape hint ${touch ? "is hidden on a touch screen" : "shows with a mouse"}`, { timeout: 60_000 }, async () => {
      const page = await h.openApp(await h.newPage(touch ? PHONE : DESKTOP), h.appUrl("?lang=ja"));
      if (touch) {
        // DevTools' device mode: the page then matches (hover: none) and (pointer: coarse).
        const cdp = await page.context().newCDPSession(page);
        await cdp.send("Emulation.setTouchEmulationEnabled", { enabled: true, maxTouchPoints: 5 });
        await waitFor("the touch media query", async () => page.evaluate(() => matchMedia("(pointer: coarse)").matches));
      }
      await diagnose(h, page, YAHOO_DEFERRAL);
      await page.locator('[data-testid^="show-"]').first().click();
      await waitFor("the message shown", async () => (await page.locator('[data-testid="evidence-back"]').count()) === 1);
      assert.equal(await page.locator('[data-testid="evidence-back"]').isVisible(), !touch);
      await page.close();
    });
  }
});
