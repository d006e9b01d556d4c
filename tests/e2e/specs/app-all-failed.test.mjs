//! When the resolver answers no list at all, the page says so once, above the table: what
//! happened, that it means neither listed nor not listed, and what to do (the other resolver,
//! or the list the bounce names, by hand). The failing rows stay, folded, with their reasons.

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { diagnose, PUBLIC_IP, RAW_SPAMHAUS, rows, settledRows } from "../lib/app.mjs";
import { DESKTOP, PHONE, startHarness } from "../lib/harness.mjs";
import { resolverStyle } from "../lib/requests.mjs";
import { waitFor } from "../lib/wait.mjs";

const EXPLANATION = '[data-testid="dnsbl-all-failed"]';
const FOLD = '[data-testid="dnsbl-all-failed-rows"]';

/** What the rows say, checked after the session ended. */
async function allUnavailable(page) {
  const settled = await settledRows(page, { timeoutMs: 40_000 });
  assert.ok(settled.length > 10, `only ${settled.length} rows`);
  assert.deepEqual(settled.filter((r) => r.state !== "unavailable"), [], "every row keeps its honest state");
  return settled;
}

describe("no blocklist could be checked", () => {
  let h;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h?.close();
  });

  it("HTTP 500 everywhere (ja): one explanation, the rows folded under it", { timeout: 90_000 }, async () => {
    await h.doh.reset();
    await h.doh.control({ mode: "fail500" });
    const page = await h.openApp(await h.newPage(PHONE), h.appUrl("?lang=ja"));
    await diagnose(h, page, RAW_SPAMHAUS);
    const settled = await allUnavailable(page);

    const box = page.locator(EXPLANATION);
    assert.equal(await box.count(), 1);
    const text = await box.innerText();
    assert.match(text, /ブロックリストを確認できませんでした/);
    assert.match(text, /Google Public DNS/, "the resolver is named");
    assert.match(text, /DNS サービスがエラーを返しました/, "the shared reason is given");
    assert.match(text, /掲載あり・なしのどちらでもなく、結果が不明/);
    // The bounce names zen.spamhaus.org: its own page is offered right here.
    const named = page.locator('[data-testid="dnsbl-all-failed-named"] a');
    assert.match(await named.getAttribute("href"), new RegExp(`spamhaus.*${PUBLIC_IP.replaceAll(".", "\\.")}`));
    // On a line of its own that says what it is, not a label dangling after the button.
    assert.match(await page.locator('[data-testid="dnsbl-all-failed-named"]').innerText(), /エラーに書かれていたリスト.*のサイトで確認/s);
    assert.equal(await page.locator('[data-testid="dnsbl-resolver-hint"] [data-testid="dnsbl-all-failed-named"]').count(), 0);
    assert.match(await page.locator('[data-testid="dnsbl-switch-resolver"]').innerText(), /Cloudflare 1\.1\.1\.1 で確認し直す/);

    // Every row is still there, under the fold, each with its own reason.
    // One fold per target asked about (the IP, then the sender's domain).
    const fold = page.locator(FOLD).first();
    assert.equal(await fold.getAttribute("open"), null, "the rows start folded");
    const inFirst = await fold.locator('[data-testid^="dnsbl-row-"]').count();
    assert.match(await fold.locator("summary").innerText(), new RegExp(`確認できなかった ${inFirst} 件のリストを表示`));
    const folded = await page.$$eval(`${FOLD} [data-testid^="dnsbl-row-"]`, (trs) => trs.length);
    assert.equal(folded, settled.length, "no row is shown outside the folds");
    await fold.locator("summary").click();
    assert.ok(await page.locator('[data-testid="dnsbl-row-zen.spamhaus.org"]').first().isVisible());
    const whys = await page.$$eval(`${FOLD} .why`, (els) => els.map((e) => e.getAttribute("data-why")));
    assert.ok(whys.includes("http_error"), whys.join(" "));

    // The live region says it once, in words, not "listed on 0".
    const status = await page.locator('[data-testid="status"]').innerText();
    assert.match(status, /ブロックリストを確認できませんでした/);
    assert.doesNotMatch(status, /掲載あり 0/);
    console.log(`screenshot: ${await h.screenshot(page, "app-all-failed-ja-360")}`);
    await page.close();
  });

  it("answers past the deadline (en): the same explanation, in English", { timeout: 90_000 }, async () => {
    await h.doh.reset();
    await h.doh.control({ mode: "slow", delay_ms: "7000" });
    const page = await h.openApp(await h.newPage(DESKTOP), h.appUrl("?lang=en"));
    await diagnose(h, page, RAW_SPAMHAUS);
    await allUnavailable(page);
    const text = await page.locator(EXPLANATION).innerText();
    assert.match(text, /The blocklists could not be checked/);
    assert.match(text, /lists gave a usable answer through Google Public DNS/);
    assert.match(text, /neither listed nor not listed/);
    assert.match(await page.locator(`${FOLD} summary`).first().innerText(), /^Show the \d+ lists$/);
    await page.close();
  });

  it("a 429 with Retry-After says how long to wait, then what to press (en)", { timeout: 90_000 }, async () => {
    await h.doh.reset();
    await h.doh.control({ mode: "rate429", retry_after: "30" });
    const page = await h.openApp(await h.newPage(DESKTOP), h.appUrl("?lang=en"));
    await diagnose(h, page, RAW_SPAMHAUS);
    await allUnavailable(page);
    const text = await page.locator(EXPLANATION).innerText();
    assert.match(text, /wait 30 seconds, then press \u201cCheck again\u201d below/);
    assert.doesNotMatch(text, /try again later/);
    assert.equal(await page.locator('[data-testid="dnsbl-check-again"]').innerText(), "Check again");
    await page.close();
  });

  // Review h206, 2: the 429 state said to try again in 30 seconds but offered only the other
  // resolver. "Check again" asks the same lists through the same resolver.
  it("after a 429 (ja), もう一度確認する asks the same resolver again", { timeout: 90_000 }, async () => {
    await h.doh.reset();
    await h.doh.control({ mode: "rate429", retry_after: "30" });
    const page = await h.openApp(await h.newPage(PHONE), h.appUrl("?lang=ja"));
    await diagnose(h, page, RAW_SPAMHAUS);
    await allUnavailable(page);
    const text = await page.locator(EXPLANATION).innerText();
    assert.match(text, /30 秒たってから、下の「もう一度確認する」を押してください/);
    // The limit has passed.
    await h.doh.reset();
    h.requests.length = 0;
    const again = page.locator('[data-testid="dnsbl-check-again"]');
    assert.equal(await again.innerText(), "もう一度確認する");
    await again.click();
    await waitFor("rows answered again", async () => (await rows(page)).some((r) => r.state === "listed" || r.state === "not-listed"));
    await settledRows(page);
    assert.equal(await page.locator(EXPLANATION).count(), 0, "the explanation goes once a list answers");
    const styles = new Set(h.requests.filter((r) => resolverStyle(r.url) && r.method === "GET").map((r) => resolverStyle(r.url)));
    assert.deepEqual([...styles], ["google"], "the same resolver was asked again");
    // The verdict stays where it was: asking again is no new diagnosis.
    assert.equal(await page.locator('[data-testid="verdict"]').count(), 1);
    await page.close();
  });

  it("the button switches to the other resolver and checks again", { timeout: 90_000 }, async () => {
    await h.doh.reset();
    await h.doh.control({ mode: "fail500" });
    const page = await h.openApp(await h.newPage(DESKTOP), h.appUrl("?lang=en"));
    await diagnose(h, page, RAW_SPAMHAUS);
    await allUnavailable(page);
    // The other resolver works.
    await h.doh.reset();
    h.requests.length = 0;
    await page.locator('[data-testid="dnsbl-switch-resolver"]').click();
    await waitFor("rows answered again", async () => (await rows(page)).some((r) => r.state === "listed" || r.state === "not-listed"));
    await settledRows(page);
    assert.equal(await page.locator(EXPLANATION).count(), 0, "the explanation goes once a list answers");
    assert.equal(await page.locator(FOLD).count(), 0);
    const styles = new Set(h.requests.filter((r) => resolverStyle(r.url) && r.method === "GET").map((r) => resolverStyle(r.url)));
    assert.deepEqual([...styles], ["cloudflare"], "the new questions went to the other resolver");
    await page.locator('[data-testid="settings"] summary').click();
    assert.ok(await page.locator('[data-testid="resolver-cloudflare"]').isChecked(), "the setting changed too");
    await page.locator('[data-testid="resolver-google"]').check();
    await page.close();
  });

  it("when only some lists fail, the rows are shown as before", { timeout: 90_000 }, async () => {
    await h.doh.reset();
    await h.doh.control({ mode: "fail500", zone: "zen.spamhaus.org" });
    const page = await h.openApp(await h.newPage(DESKTOP), h.appUrl("?lang=en"));
    await diagnose(h, page, RAW_SPAMHAUS);
    const settled = await settledRows(page);
    assert.equal(settled.find((r) => r.zone === "zen.spamhaus.org")?.state, "unavailable");
    assert.equal(await page.locator(EXPLANATION).count(), 0);
    assert.equal(await page.locator(FOLD).count(), 0);
    await page.close();
  });
});
