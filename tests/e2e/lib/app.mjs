//! Helpers for the app specs (`specs/app-*.test.mjs`): bounces to paste, DoH fixtures for
//! them, and the few page gestures every spec repeats. Built on the harness; never sleeps.

import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { waitFor } from "./wait.mjs";

/**
 * A public IPv4 address for the lookups. Tests never leave 127.0.0.1: the harness answers the
 * resolvers with the local fake, so this only has to be an address the core calls public.
 */
export const PUBLIC_IP = "93.184.216.34";
export const REVERSED = "34.216.184.93";

/** Postfix DSN: a Spamhaus rejection of a public IP (raw source, English). */
export const RAW_SPAMHAUS = `Return-Path: <>
Date: Thu, 16 May 2024 16:40:52 +0900 (JST)
From: MAILER-DAEMON@smtp.example.org (Mail Delivery System)
Subject: Undelivered Mail Returned to Sender
To: info@example.org
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status;
	boundary="D41E2A0123.1715845252/smtp.example.org"

--D41E2A0123.1715845252/smtp.example.org
Content-Description: Notification
Content-Type: text/plain; charset=us-ascii

This is the mail system at host smtp.example.org.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients.

<office@example.com>: host mx.example.com[203.0.113.80] said: 554 5.7.1
    Service unavailable; Client host [${PUBLIC_IP}] blocked using
    zen.spamhaus.org; https://www.spamhaus.org/query/ip/${PUBLIC_IP} (in reply
    to RCPT TO command)

--D41E2A0123.1715845252/smtp.example.org
Content-Description: Delivery report
Content-Type: message/delivery-status

Reporting-MTA: dns; smtp.example.org

Final-Recipient: rfc822; office@example.com
Action: failed
Status: 5.7.1
Remote-MTA: dns; mx.example.com
Diagnostic-Code: smtp; 554 5.7.1 Service unavailable; Client host
    [${PUBLIC_IP}] blocked using zen.spamhaus.org;
    https://www.spamhaus.org/query/ip/${PUBLIC_IP}

--D41E2A0123.1715845252/smtp.example.org--
`;

/** What Outlook shows (visible text, Japanese UI): Microsoft 365 banned sending IP. */
export const VISIBLE_JA_MICROSOFT = `配信不能: 見積書の送付

次の受信者またはグループへの配信に失敗しました:

buyer@example.com
宛先のメール システムに問題が発生しました。詳細については、下記の技術情報を参照してください。

管理者向けの診断情報:

生成元サーバー: mail.example.jp

buyer@example.com
リモート サーバーから '550 5.7.606 Access denied, banned sending IP [${PUBLIC_IP}]. To request removal from this list please visit https://sender.office.com/ and follow the directions. For more information please go to http://go.microsoft.com/fwlink/?LinkID=526655 AS(1430) [TYZPR01MB1234.apcprd01.prod.exchangelabs.com]' が返されました
`;

/** Visible text, English: Gmail's DMARC rejection (no IP in it). */
export const VISIBLE_EN_GMAIL = `Address not found... no. Message not delivered

There was a problem delivering your message to reader@gmail.com. See the technical details below.

The response was:
550-5.7.26 Unauthenticated email from example.net is not accepted due to domain's DMARC policy. Please contact the administrator of example.net domain if this was a legitimate mail. To learn about the DMARC initiative, go to https://support.google.com/mail/?p=DmarcRejection d9443c01a7336-1f0a1b2c3d4si123456ad.412 - gsmtp
`;

/** A paste full of markup and script that must stay text. */
export const HOSTILE = `<script>window.__pwned = "script";</script>
<img src=x onerror="window.__pwned='img'">
<a href="javascript:window.__pwned='link'" id="evil-link">click</a>
<svg onload="window.__pwned='svg'"></svg>
550 5.7.606 Access denied, banned sending IP [192.0.2.9]. <b onmouseover="window.__pwned='b'">x</b>
`;

/**
 * Writes DoH fixtures listing PUBLIC_IP on zen.spamhaus.org (SBL, with a TXT reason) and on
 * bl.spamcop.net, and returns the folder for `startHarness({ fixtures })`.
 */
export async function writeListingFixtures() {
  const dir = await mkdtemp(join(tmpdir(), "ndr-app-doh-"));
  const fixtures = [
    { name: `${REVERSED}.zen.spamhaus.org`, type: "A", data: ["127.0.0.2"] },
    { name: `${REVERSED}.zen.spamhaus.org`, type: "TXT", data: [["Listed by SBL, see https://check.spamhaus.org/sbl/query/SBL000"]] },
    { name: `${REVERSED}.bl.spamcop.net`, type: "A", data: ["127.0.0.2"] },
  ];
  await writeFile(join(dir, "listing.json"), JSON.stringify(fixtures));
  return dir;
}

/** Puts `text` in the paste box and presses Diagnose; waits for the verdict. */
export async function diagnose(h, page, text) {
  await page.locator('[data-testid="paste"]').fill(text);
  await page.locator('[data-testid="diagnose"]').click();
  await h.waitForTestId(page, "verdict");
  return page.locator('[data-testid="verdict"]').innerText();
}

/** The blocklist rows as `{ zone, state, target, text }`. */
export async function rows(page) {
  return page.$$eval('[data-testid^="dnsbl-row-"]', (trs) =>
    trs.map((tr) => ({
      zone: tr.getAttribute("data-testid").slice("dnsbl-row-".length),
      state: tr.getAttribute("data-state"),
      target: tr.getAttribute("data-target"),
      text: tr.innerText,
    })),
  );
}

/** Waits until the lookups have finished (no pending row, "checked" shown), then returns the rows. */
export async function settledRows(page, { timeoutMs = 30_000 } = {}) {
  await waitFor(
    "the blocklist table to settle",
    async () => {
      const done = await page.locator('[data-testid="dnsbl-done"]').count();
      const pending = (await rows(page)).filter((r) => r.state === "pending").length;
      return done > 0 && pending === 0;
    },
    { timeoutMs },
  );
  return rows(page);
}

/** The names listed in the privacy panel. */
export async function askedNames(page) {
  return page.$$eval('[data-testid="asked-name"]', (els) => els.map((e) => e.textContent.trim()));
}

/** Switches the page language with the visible switch. */
export async function switchLanguage(page, lang) {
  await page.locator(`[data-testid="lang-${lang}"]`).click();
  await waitFor(`the page language to become ${lang}`, async () =>
    (await page.getAttribute("html", "lang")) === lang,
  );
}
