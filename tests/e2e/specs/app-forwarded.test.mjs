//! A bounce for an address reached through an alias or a forwarding: the facts name the
//! address the sender wrote and where it was forwarded, the verdict says the written address
//! is right and the forwarding's owner acts, in both languages; and a paste large enough to
//! go through the Web Worker keeps the original address (the worker moves the Diagnosis as
//! JSON).

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { diagnose } from "../lib/app.mjs";
import { DESKTOP, startHarness } from "../lib/harness.mjs";

/** Postfix's report as a mail program shows it: the alias expanded to a mailbox that is gone. */
const FORWARDED = `This is the mail system at host mail.example.org.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients. It's attached below.

                   The mail system

<bob@example.net> (expanded from <team@example.org>): host
    mx.example.net[192.0.2.25] said: 550 5.1.1 <bob@example.net>: Recipient
    address rejected: User unknown in virtual mailbox table (in reply to RCPT
    TO command)
`;

/** Over the page's worker threshold (256 KiB): the bounce, then a long quoted original. */
const LARGE = FORWARDED + "\n" + "> the returned message, line after line of it\n".repeat(7000);

/** Sets the paste box as one edit (Playwright's fill types a large text far too slowly). */
async function setBox(page, value) {
  await page.evaluate((value) => {
    const box = document.querySelector('[data-testid="paste"]');
    box.value = value;
    box.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText" }));
  }, value);
}

async function text(page, id) {
  return (await page.locator(`[data-testid="${id}"]`).first().innerText()).trim();
}

describe("a bounce after an alias or a forwarding", () => {
  let h;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h?.close();
  });

  for (const [lang, headline, forwarded, who] of [
    ["en", /forwarded/i, /team@example\.org \(forwarded to bob@example\.net\)/, /recipient/i],
    ["ja", /転送/, /team@example\.org（転送先 bob@example\.net）/, /受信/],
  ]) {
    for (const [form, paste] of [["small", FORWARDED], ["worker-sized", LARGE]]) {
      it(`${lang}, ${form}: both addresses in the facts, the forwarding's owner acts`, { timeout: 90_000 }, async () => {
        assert.equal(form === "small", paste.length < 256 * 1024, "the large paste is over the worker threshold");
        const page = await h.openApp(await h.newPage(DESKTOP), h.appUrl(`?lang=${lang}`));
        let verdict;
        if (form === "small") {
          verdict = await diagnose(h, page, paste);
        } else {
          await setBox(page, paste);
          await page.locator('[data-testid="diagnose"]').click();
          await h.waitForTestId(page, "verdict");
          verdict = await page.locator('[data-testid="verdict"]').innerText();
        }
        assert.match(verdict, headline, `the verdict says the mail was forwarded: ${verdict}`);
        assert.match(await text(page, "fact-recipients-value"), forwarded);
        assert.match(await text(page, "who"), who);
        assert.deepEqual(h.errorsOf(page), []);
        await page.close();
      });
    }
  }
});
