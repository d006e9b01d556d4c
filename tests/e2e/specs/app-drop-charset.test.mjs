//! A saved Japanese bounce body without any MIME header, dropped or picked as a file in
//! Shift_JIS, EUC-JP or ISO-2022-JP: the page reads its bytes as the core does (whichever
//! Japanese charset reads cleanly) and shows that text in the paste box and in the "message
//! you pasted" panel, with the evidence marked, never as mojibake.

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { DESKTOP, startHarness } from "../lib/harness.mjs";
import { waitFor } from "../lib/wait.mjs";

/** Exchange Online's Japanese notice, as a mail program shows it. */
const EXCHANGE_JA = `配信不能: 見積書

次の受信者またはグループへの配信に失敗しました:

saburo@example.co.jp
入力した電子メール アドレスが見つかりませんでした。

管理者向けの診断情報:

生成サーバー: TY2PR01MB0001.jpnprd01.prod.outlook.com

saburo@example.co.jp
Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'
`;

/** Gmail's Japanese notice. */
const GMAIL_JA = `** アドレスが見つかりませんでした **

アドレス shiro@example.jp が見つからなかったか、メールを受信できないため、メールは配信されませんでした。

サーバーからの応答:
550 5.1.1 <shiro@example.jp>: Recipient address rejected: User unknown in local recipient table
`;

/**
 * The bytes of `text` in a two-byte Japanese charset, found by decoding every two-byte
 * sequence with Node's own WHATWG TextDecoder: Node has no encoder for these charsets, and
 * a table written out here could itself be wrong.
 */
function encoder(label, leads, trails) {
  const decoder = new TextDecoder(label, { fatal: true });
  const table = new Map();
  for (const lead of leads) {
    for (const trail of trails) {
      try {
        const ch = decoder.decode(Uint8Array.of(lead, trail));
        if ([...ch].length === 1 && !table.has(ch)) table.set(ch, [lead, trail]);
      } catch {
        // Not a character in this charset.
      }
    }
  }
  return (text) => {
    const out = [];
    for (const ch of text) {
      if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
      else {
        assert.ok(table.has(ch), `${label} has ${ch}`);
        out.push(...table.get(ch));
      }
    }
    return Buffer.from(out);
  };
}

const range = (from, to) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const shiftJis = encoder("shift_jis", [...range(0x81, 0x9f), ...range(0xe0, 0xef)], [...range(0x40, 0x7e), ...range(0x80, 0xfc)]);
const eucJp = encoder("euc-jp", range(0xa1, 0xfe), range(0xa1, 0xfe));

/** ISO-2022-JP: EUC-JP's JIS X 0208 pairs with the high bit off, between escapes. */
function iso2022jp(text) {
  const out = [];
  let kanji = false;
  for (const ch of text) {
    const wide = ch.charCodeAt(0) >= 0x80;
    if (wide !== kanji) {
      out.push(...(wide ? [0x1b, 0x24, 0x42] : [0x1b, 0x28, 0x42]));
      kanji = wide;
    }
    if (wide) out.push(...[...eucJp(ch)].map((b) => b & 0x7f));
    else out.push(ch.charCodeAt(0));
  }
  if (kanji) out.push(0x1b, 0x28, 0x42);
  return Buffer.from(out);
}

/** Drops `bytes` on the page as a file, as a person dragging a saved message. */
async function dropFile(page, name, bytes) {
  const dataTransfer = await page.evaluateHandle(
    ([name, b64]) => {
      const raw = atob(b64);
      const array = Uint8Array.from(raw, (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([array], name, { type: "text/plain" }));
      return dt;
    },
    [name, bytes.toString("base64")],
  );
  await page.dispatchEvent(".drop", "dragover", { dataTransfer });
  await page.dispatchEvent(".drop", "drop", { dataTransfer });
}

async function pickFile(page, name, bytes) {
  await page.locator('[data-testid="file"]').setInputFiles({ name, mimeType: "text/plain", buffer: bytes });
}

const CASES = [
  { charset: "Shift_JIS", how: "dropped", name: "bounce.txt", bytes: shiftJis(EXCHANGE_JA), text: EXCHANGE_JA, sentence: "入力した電子メール アドレスが見つかりませんでした。", recipient: "saburo@example.co.jp", marked: "550 5.1.10" },
  { charset: "EUC-JP", how: "dropped", name: "bounce.eml", bytes: eucJp(GMAIL_JA), text: GMAIL_JA, sentence: "メールを受信できないため、メールは配信されませんでした。", recipient: "shiro@example.jp", marked: "5.1.1" },
  { charset: "ISO-2022-JP", how: "picked", name: "bounce.txt", bytes: iso2022jp(EXCHANGE_JA), text: EXCHANGE_JA, sentence: "入力した電子メール アドレスが見つかりませんでした。", recipient: "saburo@example.co.jp", marked: "550 5.1.10" },
];

describe("a saved Japanese body in a Japanese charset, as a file", () => {
  let h;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h?.close();
  });

  it("the test's own encoders are not UTF-8 and decode back", () => {
    for (const { charset, bytes, text } of CASES) {
      assert.notDeepEqual(bytes, Buffer.from(text), charset);
      assert.equal(new TextDecoder(charset).decode(bytes), text, charset);
    }
  });

  for (const { charset, how, name, bytes, text, sentence, recipient, marked } of CASES) {
    it(`a ${how} ${charset} file is shown in Japanese`, { timeout: 60_000 }, async () => {
      const page = await h.openApp(await h.newPage(DESKTOP), h.appUrl("?lang=ja"));
      await (how === "dropped" ? dropFile : pickFile)(page, name, bytes);
      await h.waitForTestId(page, "verdict");
      assert.match(await page.locator('[data-testid="fact-recipients-value"]').innerText(), new RegExp(recipient.replace(/\./g, "\\.")));

      // The box holds the decoded text, character for character.
      assert.equal(await page.locator('[data-testid="paste"]').inputValue(), text, "the paste box");

      // The panel shows the same text, with the evidence marked inside it.
      const panel = page.locator('[data-testid="evidence"]');
      await waitFor(`the ${charset} sentence in the panel`, async () => (await panel.innerText()).includes(sentence));
      const shown = await panel.innerText();
      assert.ok(!shown.includes("\uFFFD"), `no replacement characters in the panel: ${shown}`);
      assert.equal(shown.trim(), text.trim(), "the panel reads as the file's text");
      const marks = await panel.locator("mark").allInnerTexts();
      assert.ok(marks.some((m) => m.includes(marked)), `a mark holds ${marked}: ${JSON.stringify(marks)}`);
      assert.deepEqual(h.errorsOf(page), []);
      await page.close();
    });
  }
});
