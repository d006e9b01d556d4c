//! An Outlook .msg file dropped on the page: the box shows the text read out of it, a line says
//! it came from an Outlook file, and that text is diagnosed (verdict, blocked IP, evidence).
//! A PNG dropped by mistake: a message in the page's language says what it is and what to give
//! instead; the box stays empty and nothing is diagnosed or asked of a resolver.

import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, before, describe, it } from "node:test";

import { DESKTOP, startHarness } from "../lib/harness.mjs";
import { resolverStyle } from "../lib/requests.mjs";
import { waitFor } from "../lib/wait.mjs";

/** Made by crates/ndr-core/tests/outlook_msg/make_fixtures.py: an Exchange NDR item. */
const MSG = new URL("../../../crates/ndr-core/tests/outlook_msg/exchange-ndr.msg", import.meta.url);

/** The first bytes of a PNG image. */
const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452000000100000001008060000001ff3ff61", "hex");

/** Drops `bytes` on the page as a file, as a person dragging it from Outlook or a folder. */
async function dropFile(page, name, type, bytes) {
  const dataTransfer = await page.evaluateHandle(
    ([name, type, b64]) => {
      const raw = atob(b64);
      const array = Uint8Array.from(raw, (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([array], name, { type }));
      return dt;
    },
    [name, type, bytes.toString("base64")],
  );
  await page.dispatchEvent(".drop", "dragover", { dataTransfer });
  await page.dispatchEvent(".drop", "drop", { dataTransfer });
}

async function text(page, id) {
  return (await page.locator(`[data-testid="${id}"]`).first().innerText()).trim();
}

describe("drop an Outlook .msg file, or a file that is no mail", () => {
  let h;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h?.close();
  });

  for (const lang of ["en", "ja"]) {
    it(`a .msg is read and diagnosed (${lang})`, { timeout: 60_000 }, async () => {
      const page = await h.openApp(await h.newPage(DESKTOP), h.appUrl(`?lang=${lang}`));
      await dropFile(page, "Undeliverable Quote for November.msg", "application/vnd.ms-outlook", await readFile(MSG));
      await h.waitForTestId(page, "verdict");
      assert.match(await text(page, "fact-ip-value"), /198\.51\.100\.23/);
      assert.match(await text(page, "fact-party-value"), /Microsoft/);
      assert.match(await text(page, "fact-codes-value"), /5\.7\.606/);

      const box = await page.locator('[data-testid="paste"]').inputValue();
      assert.match(box, /^From: Microsoft Outlook <postmaster@example\.jp>\n/);
      assert.match(box, /Remote Server returned '550 5\.7\.606 Access denied, banned sending IP \[198\.51\.100\.23\]/);
      assert.ok(!box.includes("\uFFFD") && !box.includes("\u0000"), "no binary in the box");
      const line = await text(page, "from-outlook");
      assert.match(line, lang === "ja" ? /Outlook のファイル/ : /Read from an Outlook file/);

      // The evidence marks sit in the text the box shows.
      const marks = await page.locator('[data-testid="evidence"] mark').allInnerTexts();
      assert.ok(marks.some((m) => m.includes("5.7.606")), `a mark holds 5.7.606: ${JSON.stringify(marks)}`);
      assert.equal(await text(page, "input-problem"), "");
      assert.deepEqual(h.errorsOf(page), []);
      await page.close();
    });
  }

  for (const lang of ["en", "ja"]) {
    it(`a PNG is named, not shown nor diagnosed, and nothing is asked (${lang})`, { timeout: 60_000 }, async () => {
      const page = await h.openApp(await h.newPage(DESKTOP), h.appUrl(`?lang=${lang}`));
      h.requests.length = 0;
      await dropFile(page, "screenshot.png", "image/png", PNG);
      const problem = page.locator('[data-testid="input-problem"]');
      await waitFor("the message about the PNG", async () => (await problem.innerText()).trim().length > 0);
      const said = (await problem.innerText()).trim();
      if (lang === "ja") {
        assert.match(said, /画像のようです/);
        assert.match(said, /メッセージのソースを表示/);
      } else {
        assert.match(said, /seems to be an image/);
        assert.match(said, /Save As/);
        assert.match(said, /Show original/);
      }
      assert.equal(await page.locator('[data-testid="paste"]').inputValue(), "", "the box stays empty");
      assert.equal(await page.locator('[data-testid="verdict"]').count(), 0);
      assert.equal(await page.locator('[data-testid="from-outlook"]').count(), 0);
      assert.deepEqual(h.requests.filter((r) => resolverStyle(r.url)), [], "no DoH request");
      assert.deepEqual(h.errorsOf(page), []);
      await page.close();
    });
  }
});
