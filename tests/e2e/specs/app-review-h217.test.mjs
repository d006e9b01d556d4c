//! Page findings of review h217 (real held-out bounces): beside the blocklist counts, a
//! provider's own block says its own list is not among those asked (M4), and a paste with two
//! refusals shows the second among the facts (M6), in both languages.

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { diagnose } from "../lib/app.mjs";
import { DESKTOP, PHONE, startHarness } from "../lib/harness.mjs";

/** Outlook.com's S3150 for one address and its rate limit (S775) for another, as a forum post
 * pastes them (held-out ad28's form; the blocked address is the example domain's). */
const TWO_REFUSALS = `We got some logs showing that it fails to deliver:

\`\`\`
5.7.1 Unfortunately, messages from [93.184.216.34] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150). You can also refer your provider to http://mail.live.com/mail/troubleshooting.aspx#errors. [Name=Protocol Filter Agent][AGT=PFA][MxId=11B9CB3CBE70C55A] [DB3PEPF0000885D.eurprd02.prod.outlook.com 2024-10-07T11:48:34.472Z 08DCE59E609E592B]
\`\`\`

\`\`\`
4.7.650 The mail server [198.51.100.6] has been temporarily rate limited due to IP reputation. For e-mail delivery information, see https://postmaster.live.com (S775) [Name=Protocol Filter Agent][AGT=PFA][MxId=11B9A39F520F25FB] [AMS0EPF000001B0.eurprd05.prod.outlook.com 2024-10-07T11:32:37.217Z 08DCD1CFD0B7A9E3]
\`\`\`
`;

describe("review h217 page findings", () => {
  let h;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h?.close();
  });

  for (const [lang, own, device] of [
    ["en", /own list, which is not among the public lists asked/, DESKTOP],
    ["ja", /独自のリストを使っており/, PHONE],
  ]) {
    it(`a provider's own block says its list is not asked, and the second refusal is shown (${lang})`, { timeout: 60_000 }, async () => {
      const page = await h.openApp(await h.newPage(device), h.appUrl(`?lang=${lang}`));
      await diagnose(h, page, TWO_REFUSALS);
      await h.waitForTestId(page, "dnsbl-done");
      assert.match(await page.locator('[data-testid="dnsbl-own-list"]').innerText(), own);
      const others = page.locator('[data-testid="fact-other-refusal"]');
      assert.equal(await others.count(), 1);
      assert.match(await others.first().innerText(), /4\.7\.650 The mail server \[198\.51\.100\.6\]/);
      assert.deepEqual(h.errorsOf(page), []);
      await page.close();
    });
  }
});
