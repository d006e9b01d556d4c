//! The blocklist table fills in live through the (fake) DoH resolvers. Every fault mode of the
//! resolver shows an honest "could not check", never "not listed"; the page sends only
//! blocklist question names, and the privacy panel lists exactly the names it sent.

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { askedNames, diagnose, PUBLIC_IP, RAW_SPAMHAUS, REVERSED, rows, settledRows, writeListingFixtures } from "../lib/app.mjs";
import { DESKTOP, PHONE, startHarness } from "../lib/harness.mjs";
import { dohQuestionNames, resolverStyle } from "../lib/requests.mjs";
import { waitFor } from "../lib/wait.mjs";

/** Every zone the page may ask about (ndr-dnsbl's default lists). */
const ZONES = [
  "zen.spamhaus.org", "dbl.spamhaus.org", "bl.spamcop.net", "b.barracudacentral.org",
  "dnsbl-1.uceprotect.net", "dnsbl-2.uceprotect.net", "dnsbl-3.uceprotect.net", "bl.mailspike.net",
  "psbl.surriel.com", "multi.uribl.com", "multi.surbl.org", "ips.backscatterer.org",
  "spam.spamrats.com", "dyna.spamrats.com", "noptr.spamrats.com", "all.s5h.net", "dnsbl.dronebl.org",
  "bl.0spam.org", "bl.spameatingmonkey.net", "bl.ipv6.spameatingmonkey.net",
  "combined.mail.abusix.zone", "invaluement.com",
];

/** Lists that need a customer key: never asked, never a table row, a "check by hand" link. */
const KEY_ONLY_WHY = "key_required";
const KEY_ONLY_ZONES = ["combined.mail.abusix.zone", "invaluement.com"];

/** A user-unknown bounce that names the sender's domain: no blocklist explains it. The sender's
 * domain is not a reserved name (RFC 2606), which would never be asked anyway. */
const USER_UNKNOWN = `From: MAILER-DAEMON@mail.fabrikam-shop.jp (Mail Delivery System)
To: hiroshi@fabrikam-shop.jp
Subject: Undelivered Mail Returned to Sender
Content-Type: text/plain; charset=us-ascii

This is the mail system at host mail.fabrikam-shop.jp.

<j.smith@northwind.example>: host mx1.northwind.example[198.51.100.10] said:
    550 5.1.1 <j.smith@northwind.example>: Recipient address rejected: User
    unknown in virtual mailbox table (in reply to RCPT TO command)
`;

/** Microsoft 365 refuses a tenant's mail (5.7.708, a tenant limit), no IP and no list named. */
const M365_TENANT_LIMIT = `From: Microsoft Outlook <postmaster@fabrikam-shop.jp>
To: hanako@fabrikam-shop.jp
Subject: Undeliverable: Invoice

Delivery has failed to these recipients or groups:

tanaka@contoso.example

Diagnostic information for administrators:

Generating server: TYCPR01MB8123.jpnprd01.prod.outlook.com

tanaka@contoso.example
Remote Server returned '550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP. For more information please go to http://go.microsoft.com/fwlink/?LinkId=526653 AS(7230) [TY1PEPF0000A1B2.jpnprd01.prod.outlook.com]'
`;

/** An out-of-office reply: nothing failed. */
const VACATION = `From: Keiko Ito <keiko@contoso.example>
To: taro@fabrikam-shop.jp
Subject: Automatic reply: Quote request
Auto-Submitted: auto-replied
X-Auto-Response-Suppress: All
Date: Wed, 25 Nov 2026 03:00:00 +0000

Thank you for your email. I am out of the office until 30 November with limited access to email.
For urgent matters please contact office@contoso.example.
`;

/** A read receipt (RFC 8098): the message arrived and was opened. Nothing failed. */
const READ_RECEIPT = `From: Keiko Ito <keiko@contoso.example>
To: taro@fabrikam-shop.jp
Subject: Read: Quote request
Date: Wed, 25 Nov 2026 03:10:00 +0000
MIME-Version: 1.0
Content-Type: multipart/report; report-type=disposition-notification; boundary="mdn-1"

--mdn-1
Content-Type: text/plain; charset=utf-8

Your message to keiko@contoso.example was displayed on 25 November 2026 03:09.

--mdn-1
Content-Type: message/disposition-notification

Reporting-UA: mail.contoso.example; Example Mail
Final-Recipient: rfc822; keiko@contoso.example
Original-Message-ID: <quote-1@fabrikam-shop.jp>
Disposition: manual-action/MDN-sent-manually; displayed

--mdn-1--
`;

function dohRequests(h) {
  return h.requests.filter((r) => resolverStyle(r.url) && r.method === "GET");
}

describe("blocklist lookups", () => {
  let h;
  before(async () => {
    h = await startHarness({ fixtures: await writeListingFixtures() });
  });
  after(async () => {
    await h?.close();
  });

  it("fills in row by row: listed with the list's reason, a link to check by hand, only blocklist names sent", { timeout: 90_000 }, async () => {
    await h.doh.reset();
    // Slow answers, so the progress indicator can be seen while rows arrive.
    await h.doh.control({ mode: "slow", delay_ms: "600" });
    h.requests.length = 0;
    const page = await h.openApp(await h.newPage(DESKTOP), h.appUrl("?lang=en"));
    await diagnose(h, page, RAW_SPAMHAUS);
    await h.waitForTestId(page, "dnsbl-progress", { timeoutMs: 5_000 });
    const settled = await settledRows(page);
    const zen = settled.find((r) => r.zone === "zen.spamhaus.org" && r.target === PUBLIC_IP);
    assert.equal(zen?.state, "listed", JSON.stringify(zen));
    assert.match(zen.text, /Listed by SBL/, "the list's TXT reason is shown");
    const spamcop = settled.find((r) => r.zone === "bl.spamcop.net");
    assert.equal(spamcop?.state, "listed");
    const links = await page.$$eval('[data-testid="dnsbl-row-zen.spamhaus.org"] a', (as) => as.map((a) => a.href));
    assert.ok(links.some((u) => u.includes("spamhaus") && u.includes(PUBLIC_IP)), links.join(" "));
    assert.ok(settled.some((r) => r.state === "not-listed"), "clean answers show as not listed");
    // Review h206, 3: every row's link reads the same words; its accessible name says which
    // list's site it opens.
    const named = page.getByRole("link", { name: "Check on the list's site (Spamhaus ZEN) (opens in a new tab)" });
    assert.equal(await named.count(), 1, "the ZEN row's link is named after ZEN");
    assert.match(await named.getAttribute("href"), /spamhaus/);
    const names = await page.$$eval('[data-testid^="dnsbl-row-"] .check-link a', (as) =>
      as.map((a) => [a.closest("tr").querySelector(".list-name").textContent, a.textContent]));
    assert.ok(names.length >= 2, JSON.stringify(names));
    for (const [list, name] of names) assert.ok(name.includes(`(${list})`), `${list}: ${name}`);
    assert.equal(await page.locator('[data-testid="dnsbl-resolver-hint"]').count(), 0);
    // Key-only lists are no rows: one short "check by hand" line with their own pages.
    assert.deepEqual(settled.filter((r) => KEY_ONLY_ZONES.includes(r.zone)), [], "a key-only list sits in the table");
    for (const zone of KEY_ONLY_ZONES) {
      assert.equal(await page.locator(`[data-testid="dnsbl-by-hand-${zone}"] a`).count(), 1, `no by-hand link for ${zone}`);
    }
    assert.match(await page.locator('[data-testid="dnsbl-by-hand"]').innerText(), /customer key/);

    assert.deepEqual(h.disallowedRequests({ zones: ZONES }), [], "only blocklist questions may leave the page");
    const sent = dohQuestionNames(h.requests).map((n) => n.replace(/\.$/, ""));
    assert.ok(sent.includes(`${REVERSED}.zen.spamhaus.org`));
    // The privacy panel names exactly what was sent.
    await page.locator('[data-testid="privacy"] summary').click();
    const shown = (await askedNames(page)).map((n) => n.split(" ")[0]);
    assert.deepEqual([...new Set(shown)].sort(), [...new Set(sent)].sort());
    const received = (await h.doh.log()).filter((e) => e.method === "GET").map((e) => e.name);
    assert.deepEqual([...new Set(received)].sort(), [...new Set(sent)].sort(), "the fake resolver got the same names");
    console.log(`screenshot: ${await h.screenshot(page, "app-lookups-listed-desktop")}`);
    await page.close();
  });

  const FAULTS = [
    { mode: "fail500" },
    { mode: "rate429", retry_after: "30" },
    { mode: "badjson" },
    { mode: "refuse" },
    { mode: "servfail" },
    { mode: "nxdomain" },
    { mode: "lie" },
    { mode: "slow", delay_ms: "7000" },
  ];
  for (const fault of FAULTS) {
    it(`resolver fault "${fault.mode}": every list says could not check, none says not listed`, { timeout: 90_000 }, async () => {
      await h.doh.reset();
      await h.doh.control(fault);
      const page = await h.openApp(await h.newPage(PHONE), h.appUrl("?lang=ja"));
      await diagnose(h, page, RAW_SPAMHAUS);
      const settled = await settledRows(page, { timeoutMs: 40_000 });
      assert.ok(settled.length > 0);
      const wrong = settled.filter((r) => r.state !== "unavailable");
      assert.deepEqual(wrong, [], `rows that are not "could not check" under ${fault.mode}`);
      const whys = await page.$$eval('[data-testid^="dnsbl-row-"] .why', (els) => els.map((e) => e.getAttribute("data-why")));
      assert.ok(whys.every((w) => w && w !== ""), "every row says why");
      assert.ok(whys.some((w) => w !== KEY_ONLY_WHY), "the failure itself is named, not only key-only lists");
      assert.equal(await page.locator('[data-testid="dnsbl-resolver-hint"]').count(), 1, "the page suggests the other resolver");
      if (fault.mode === "servfail") console.log(`screenshot: ${await h.screenshot(page, "app-lookups-servfail-ja-360")}`);
      await page.close();
    });
  }

  it("a bounce no blocklist explains asks nothing, and an out-of-office reply has no blocklist section", { timeout: 60_000 }, async () => {
    await h.doh.reset();
    const page = await h.openApp(await h.newPage(DESKTOP), h.appUrl("?lang=en"));
    h.requests.length = 0;
    await diagnose(h, page, USER_UNKNOWN);
    assert.equal(await page.locator('[data-testid="dnsbl-skip"]').getAttribute("data-skip"), "NotAboutBlocking");
    assert.match(await page.locator('[data-testid="dnsbl-skip"]').innerText(), /not about blocking/);
    assert.match(await page.locator('[data-testid="fact-recipients"] dt').innerText(), /Recipients that failed/);
    // A session would start in the effect right after the verdict's render.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    assert.deepEqual(dohRequests(h), [], "a DoH request left the page for a user-unknown bounce");
    assert.equal(await rows(page).then((r) => r.length), 0);

    await page.close();

    // A fresh page, so the verdict waited for is the auto-reply's.
    h.requests.length = 0;
    const page2 = await h.openApp(await h.newPage(DESKTOP), h.appUrl("?lang=en"));
    await diagnose(h, page2, VACATION);
    assert.equal(await page2.locator('[data-testid="dnsbl"]').count(), 0, "a blocklist section for an auto-reply");
    assert.match(await page2.locator('[data-testid="fact-recipients"] dt').innerText(), /nothing failed/);
    await page2.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    assert.deepEqual(dohRequests(h), [], "a DoH request left the page for an auto-reply");
    await page2.locator('[data-testid="privacy"] summary').click();
    assert.equal(await page2.locator('[data-testid="asked-none"]').count(), 1);
    // The promise says what does leave when lookups are on: the blocklist questions.
    assert.match(await page2.locator('[data-testid="promise"]').innerText(), /never sent.*DNS service.*IP address or domain/s);
    await page2.close();
  });

  // See: fourth real-use review, C2: a read receipt read as "refused, reason unclear".
  it("a read receipt says the message was opened: no failure, no lookups, a notice not a problem", { timeout: 60_000 }, async () => {
    await h.doh.reset();
    const page = await h.openApp(await h.newPage(DESKTOP), h.appUrl("?lang=en"));
    h.requests.length = 0;
    await diagnose(h, page, READ_RECEIPT);
    const verdict = await page.locator('[data-testid="verdict"]').innerText();
    assert.match(verdict, /opened/i);
    assert.doesNotMatch(verdict, /refused|rejected|could not be delivered/i);
    assert.match(await page.locator('[data-testid="fact-reason"] dt').innerText(), /Kind of notice/);
    assert.match(await page.locator('[data-testid="fact-recipients"] dt').innerText(), /nothing failed/);
    assert.equal(await page.locator('[data-testid="dnsbl"]').count(), 0, "a blocklist section for a read receipt");
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    assert.deepEqual(dohRequests(h), [], "a DoH request left the page for a read receipt");
    await page.close();
  });

  // See: second real-use review, U1.
  it("a Microsoft tenant limit with no IP asks no list about the sender's domain", { timeout: 60_000 }, async () => {
    await h.doh.reset();
    const page = await h.openApp(await h.newPage(DESKTOP), h.appUrl("?lang=en"));
    h.requests.length = 0;
    await diagnose(h, page, M365_TENANT_LIMIT);
    assert.match(await page.locator('[data-testid="fact-codes-value"]').innerText(), /5\.7\.708/);
    assert.equal(await page.locator('[data-testid="dnsbl-skip"]').getAttribute("data-skip"), "NoIp");
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    assert.equal(await page.locator('[data-testid="dnsbl-progress"]').count(), 0, "a lookup is running");
    assert.equal(await rows(page).then((r) => r.length), 0, "a blocklist row under 'no IP is checked'");
    assert.deepEqual(dohRequests(h), [], "the sender's domain left the page for a tenant limit");
    await page.close();
  });

  it("with lookups turned off, nothing at all is sent", { timeout: 60_000 }, async () => {
    await h.doh.reset();
    const page = await h.openApp(await h.newPage(DESKTOP), h.appUrl("?lang=en"));
    await page.locator('[data-testid="settings"] summary').click();
    await page.locator('[data-testid="lookups-toggle"]').uncheck();
    h.requests.length = 0;
    await diagnose(h, page, RAW_SPAMHAUS);
    assert.equal(await page.locator('[data-testid="dnsbl-skip"]').getAttribute("data-skip"), "Off");
    // A session would start in the effect right after the verdict's render: two frames later
    // its first request would have been made.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    assert.deepEqual(dohRequests(h), [], "a DoH request left the page with lookups off");
    // The transport records every name before sending it; the record is empty.
    await page.locator('[data-testid="privacy"] summary').click();
    assert.equal(await page.locator('[data-testid="asked-none"]').count(), 1);
    assert.equal(await rows(page).then((r) => r.length), 0);
    // The promise under the box and the privacy panel say that nothing is sent, not how
    // lookups work.
    assert.match(await page.locator('[data-testid="promise"]').innerText(), /this page sends nothing at all/);
    assert.match(await page.locator('[data-testid="asked-off"]').innerText(), /Blocklist checks are off/);
    await page.locator('[data-testid="lookups-toggle"]').check();
    assert.match(await page.locator('[data-testid="promise"]').innerText(), /the page does ask a DNS service/);
    assert.equal(await page.locator('[data-testid="asked-off"]').count(), 0);
    await page.close();
  });

  it("a documentation-range IP is not looked up, and the page says why", { timeout: 60_000 }, async () => {
    await h.doh.reset();
    const page = await h.openApp(await h.newPage(DESKTOP), h.appUrl("?lang=en"));
    h.requests.length = 0;
    await page.locator('[data-testid="sample-microsoft-5.7.606"]').click();
    await h.waitForTestId(page, "verdict");
    assert.equal(await page.locator('[data-testid="dnsbl-skip"]').getAttribute("data-skip"), "Scope(Documentation)");
    await waitFor("the lookups (if any) to finish", async () => (await page.locator('[data-testid="dnsbl-progress"]').count()) === 0);
    const names = dohQuestionNames(h.requests);
    assert.ok(!names.some((n) => n.includes("45.2.0.192")), `the documentation IP was asked: ${names.join(" ")}`);
    await page.close();
  });

  it("choosing Cloudflare sends the next questions there and only there", { timeout: 60_000 }, async () => {
    await h.doh.reset();
    const page = await h.openApp(await h.newPage(DESKTOP), h.appUrl("?lang=en"));
    await page.locator('[data-testid="settings"] summary').click();
    await page.locator('[data-testid="resolver-cloudflare"]').check();
    h.requests.length = 0;
    await diagnose(h, page, RAW_SPAMHAUS);
    await settledRows(page);
    const styles = new Set(dohRequests(h).map((r) => resolverStyle(r.url)));
    assert.deepEqual([...styles], ["cloudflare"]);
    await page.locator('[data-testid="resolver-google"]').check();
    await page.close();
  });
});
