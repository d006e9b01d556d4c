//! A refusal names a list (Spamhaus ZEN), and the page's own check gets a clean "not listed"
//! from that list (the fake resolver lists nothing but the RFC 5782 test points): the advice
//! says the list does not list the address now, and the facts no longer say the list blocked
//! it. The same paste with the list's lookup failing keeps the blocklist advice: a failure is
//! never taken for "not listed".

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { diagnose, RAW_SPAMHAUS, settledRows } from "../lib/app.mjs";
import { DESKTOP, PHONE, startHarness } from "../lib/harness.mjs";
import { waitFor } from "../lib/wait.mjs";

async function text(page, id) {
  return page.locator(`[data-testid="${id}"]`).innerText();
}

/** Waits until the facts' party row (its label and value) reads `pattern` (the advice is refined
 * after the lookups). */
async function partyReads(page, pattern) {
  await waitFor(`the party row to read ${pattern}`, async () => pattern.test(await text(page, "fact-party")), {
    timeoutMs: 30_000,
  });
}

describe("a list the refusal names does not list the address now", () => {
  let h;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h?.close();
  });

  it("English: the zen row is not listed, the verdict and the facts say it does not list the address now", { timeout: 90_000 }, async () => {
    await h.doh.reset();
    const page = await h.openApp(await h.newPage(DESKTOP), h.appUrl("?lang=en"));
    await diagnose(h, page, RAW_SPAMHAUS);
    const settled = await settledRows(page);
    const zen = settled.find((r) => r.zone === "zen.spamhaus.org");
    assert.equal(zen?.state, "not-listed", JSON.stringify(zen));
    await partyReads(page, /does not list the address now/);
    assert.match(await text(page, "verdict"), /does not list the address now/);
    assert.doesNotMatch(await text(page, "fact-party"), /Who blocked it/);
    assert.doesNotMatch(await text(page, "facts"), /Blocked sending IP/);
  });

  it("Japanese at 360 px: the same, in Japanese", { timeout: 90_000 }, async () => {
    await h.doh.reset();
    const page = await h.openApp(await h.newPage(PHONE), h.appUrl("?lang=ja"));
    await diagnose(h, page, RAW_SPAMHAUS);
    await settledRows(page);
    await partyReads(page, /今は掲載されていません/);
    assert.match(await text(page, "verdict"), /今このアドレスを載せていません/);
    assert.doesNotMatch(await text(page, "facts"), /ブロックされた送信元/);
  });

  it("a failed lookup of the list keeps the blocklist advice (never taken for not listed)", { timeout: 90_000 }, async () => {
    await h.doh.reset();
    await h.doh.control({ mode: "servfail" });
    const page = await h.openApp(await h.newPage(DESKTOP), h.appUrl("?lang=en"));
    await diagnose(h, page, RAW_SPAMHAUS);
    const settled = await settledRows(page, { timeoutMs: 40_000 });
    assert.notEqual(settled.find((r) => r.zone === "zen.spamhaus.org")?.state, "not-listed");
    assert.match(await text(page, "fact-party"), /Who blocked it/);
    assert.doesNotMatch(await text(page, "verdict"), /does not list the address now/);
  });
});
