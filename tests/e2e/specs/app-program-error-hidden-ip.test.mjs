//! A person pastes a script's own send error, a notice whose delivery expired, and a refusal whose
//! sending IP they masked (sixth page review, M1 and M2): the page never says the server keeps
//! retrying when nothing does, and the ready message asks the hosting company which of its
//! servers sent the mail instead of carrying a fill-in the user cannot fill.

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { diagnose } from "../lib/app.mjs";
import { DESKTOP, PHONE, startHarness } from "../lib/harness.mjs";

/** emailjs's error object for a greylisted recipient, as a Node script prints it. */
const EMAILJS_GREYLISTED = `{ Error: bad response on command 'RCPT': 4.2.0 <kaori@example.org>: Recipient address rejected: Greylisted, see http://postgrey.example.org/help/example.org.html
    at module.exports (/home/ken/app/node_modules/emailjs/smtp/error.js:2:13)
    at response (/home/ken/app/node_modules/emailjs/smtp/smtp.js:207:28)
  code: 2,
  smtp: '450 4.2.0 <kaori@example.org>: Recipient address rejected: Greylisted, see http://postgrey.example.org/help/example.org.html\\n' }
`;

/** A notice whose delivery expired after a temporary refusal: the recipient failed. */
const EXPIRED_AFTER_4XX = `Failure Notice
Sorry, we were unable to deliver your message to the following address.

<kaori@example.org>:
Message expired for domain example.org. Remote host said: 454 4.7.1 <kaori@example.org>: Relay access denied [RCPT_TO]
`;

/** qmail's report of a Spamhaus refusal, with the client address masked by the user. */
const MASKED_SPAMHAUS = `Hi. This is the qmail-send program at mail.example.net.
I'm afraid I wasn't able to deliver your message to the following addresses.
This is a permanent error; I've given up. Sorry it didn't work out.

<kaori@example.org>:
Connected to 198.51.100.25 but greeting failed.
Remote host said: 554 5.7.1 Service unavailable; Client host [203.0.***.**] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/203.0.***.**
I'm not going to try again; this message has been in the queue too long.
`;

async function text(page, id) {
  return (await page.locator(`[data-testid="${id}"]`).first().innerText()).trim();
}

describe("a program's error, an expired notice and a hidden sending IP", () => {
  let h;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h?.close();
  });

  it("a script's greylisting error: not sent, and nothing says the server keeps retrying", { timeout: 60_000 }, async () => {
    const page = await h.openApp(await h.newPage(DESKTOP), h.appUrl("?lang=en"));
    await diagnose(h, page, EMAILJS_GREYLISTED);
    const severity = await text(page, "fact-severity");
    assert.match(severity, /^Not sent/, severity);
    const facts = await text(page, "facts");
    assert.doesNotMatch(facts, /keeps retrying|still being retried/, facts);
    assert.deepEqual(h.errorsOf(page), []);
    await page.close();
  });

  it("an expired notice after a 4xx, in Japanese: given up, not 再送中", { timeout: 60_000 }, async () => {
    const page = await h.openApp(await h.newPage(PHONE), h.appUrl("?lang=ja"));
    await diagnose(h, page, EXPIRED_AFTER_4XX);
    const facts = await text(page, "facts");
    assert.doesNotMatch(facts, /再送中|再送を続けます/, facts);
    assert.deepEqual(h.errorsOf(page), []);
    await page.close();
  });

  for (const [lang, fillIn, ask] of [
    ["en", "[your sending IP address", "which of your servers sent it"],
    ["ja", "［送信元 IP アドレス", "どのサーバーから送信されたか"],
  ]) {
    it(`a masked sending IP (${lang}): the message and the steps carry no fill-in for it`, { timeout: 60_000 }, async () => {
      const page = await h.openApp(await h.newPage(DESKTOP), h.appUrl(`?lang=${lang}`));
      await diagnose(h, page, MASKED_SPAMHAUS);
      const message = await page.locator('[data-testid="message-text"]').inputValue();
      assert.ok(!message.includes(fillIn), message);
      assert.ok(message.includes(ask), message);
      const steps = await text(page, "steps");
      assert.ok(!steps.includes(fillIn), steps);
      assert.deepEqual(h.errorsOf(page), []);
      await page.close();
    });
  }
});
