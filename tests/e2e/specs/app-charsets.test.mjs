//! Japanese bounces in ISO-2022-JP and Shift_JIS, dropped on the page as .eml files: the wasm
//! carries no encoding tables and hands these charsets to the browser's TextDecoder, on the
//! main thread and (for files over 256 KiB) in the Web Worker. The decoded Japanese wording of
//! the page must read them without a "could not read this charset" note and without
//! replacement characters.

import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { after, before, describe, it } from "node:test";

import { DESKTOP, startHarness } from "../lib/harness.mjs";

const BOUNCES = new URL("../../../crates/ndr-core/test_data/bounces/", import.meta.url);

/** The project's own fixtures, each with a sentence of its body in Japanese. */
const CASES = [
  { file: "docomo-01.eml", charset: "ISO-2022-JP", reason: /ドコモのアドレスが見つからない/, recipient: "hanako.example@docomo.ne.jp" },
  { file: "au-01.eml", charset: "Shift_JIS", reason: /au の迷惑メールフィルター/, recipient: "jiro.example@ezweb.ne.jp" },
];

/** The worker takes files over this size (crates/ndr-web/src/offload.rs). */
const WORKER_THRESHOLD = 256 * 1024;

/**
 * The same bounce with a large attachment added before its closing boundary, so that the page
 * reads it in the worker. The attachment is base64 of a fixed pattern: no Japanese, no codes.
 */
function padded(bytes) {
  const text = bytes.toString("latin1");
  const closing = text.lastIndexOf("\n--");
  assert.ok(closing > 0, "the fixture ends with a closing boundary");
  const boundary = text.slice(closing + 3).trim().replace(/--$/, "");
  const payload = Buffer.alloc(WORKER_THRESHOLD, "0123456789abcdef").toString("base64").replace(/.{76}/g, "$&\n");
  const part = `\n--${boundary}\nContent-Type: application/octet-stream; name="data.bin"\nContent-Transfer-Encoding: base64\n\n${payload}\n`;
  return Buffer.concat([Buffer.from(text.slice(0, closing), "latin1"), Buffer.from(part, "latin1"), Buffer.from(text.slice(closing), "latin1")]);
}

/** Drops `bytes` on the page as a file, as a person dragging an .eml from a mail program. */
async function dropFile(page, bytes) {
  const dataTransfer = await page.evaluateHandle((b64) => {
    const raw = atob(b64);
    const array = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; i++) array[i] = raw.charCodeAt(i);
    const dt = new DataTransfer();
    dt.items.add(new File([array], "bounce.eml", { type: "message/rfc822" }));
    return dt;
  }, bytes.toString("base64"));
  await page.dispatchEvent(".drop", "dragover", { dataTransfer });
  await page.dispatchEvent(".drop", "drop", { dataTransfer });
}

describe("bounces in Japanese charsets", () => {
  let h;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h?.close();
  });

  for (const { file, charset, reason, recipient } of CASES) {
    for (const where of ["main thread", "worker"]) {
      it(`a dropped ${charset} .eml is read in Japanese (${where})`, { timeout: 60_000 }, async () => {
        const page = await h.openApp(await h.newPage(DESKTOP), h.appUrl("?lang=ja"));
        const original = await readFile(fileURLToPath(new URL(file, BOUNCES)));
        const bytes = where === "worker" ? padded(original) : original;
        assert.equal(bytes.length > WORKER_THRESHOLD, where === "worker", "the size picks the path");
        await dropFile(page, bytes);
        await h.waitForTestId(page, "verdict");
        // The recipient is ASCII and read either way. The error text shown is the receiver's
        // own reply (ASCII here), so the decoding shows as the absence of the core's
        // "charset_not_decoded" note below, which it adds for every part it could not decode.
        assert.match(await page.locator('[data-testid="fact-recipients-value"]').innerText(), new RegExp(recipient.replace(/\./g, "\\.")));
        assert.match(await page.locator('[data-testid="fact-reason-value"]').innerText(), reason);
        // What the core read (not the echo of the file's bytes further down).
        for (const id of ["verdict-card", "facts", "playbook"]) {
          const shown = await page.locator(`[data-testid="${id}"]`).innerText();
          assert.ok(!shown.includes("\uFFFD"), `no replacement characters in ${id}`);
        }
        // No note that a charset could not be read: it is there whenever a part stayed undecoded.
        const notes = page.locator('[data-testid="notes"]');
        if ((await notes.count()) > 0) {
          assert.doesNotMatch(await notes.innerText(), /文字コード/);
        }
        assert.deepEqual(h.errorsOf(page), []);
        await page.close();
      });
    }
  }
});
