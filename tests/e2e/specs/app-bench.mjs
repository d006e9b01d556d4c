//! Benchmark (run by `cargo xtask bench`, not by `npm test`): the time from pressing Diagnose
//! to the verdict on screen, for a small bounce, a 1 MB bounce (the original message with an
//! attachment returned inside it) and a 5 MB one, in Debian's Chromium with the release bundle.
//! Prints the median of several runs and the longest main-thread block seen meanwhile.

import { randomBytes } from "node:crypto";

import { RAW_SPAMHAUS } from "../lib/app.mjs";
import { DESKTOP, startHarness } from "../lib/harness.mjs";

const RUNS = 5;

/** The small bounce with the original message returned inside it, its attachment's base64
 * text about `size` bytes long. */
function withAttachment(size) {
  const boundary = "D41E2A0123.1715845252/smtp.example.org";
  const raw = Math.floor(((size * 3) / 4) * (76 / 77));
  const b64 = randomBytes(raw).toString("base64").replace(/.{76}/g, "$&\n");
  const original = [
    `--${boundary}`,
    "Content-Description: Undelivered Message",
    "Content-Type: message/rfc822",
    "",
    "From: info@example.org",
    "To: office@example.com",
    "Subject: Catalogue",
    'Content-Type: multipart/mixed; boundary="inner"',
    "",
    "--inner",
    "Content-Type: text/plain; charset=utf-8",
    "",
    "Please find the catalogue attached.",
    "--inner",
    'Content-Type: application/pdf; name="catalogue.pdf"',
    "Content-Transfer-Encoding: base64",
    "",
    b64,
    "--inner--",
    "",
    `--${boundary}--`,
    "",
  ].join("\n");
  return RAW_SPAMHAUS.replace(`--${boundary}--\n`, original);
}

async function measure(page, text) {
  await page.locator('[data-testid="clear"]').click();
  // Typing a megabyte would measure Playwright; the box gets the text as one edit instead.
  await page.evaluate((text) => {
    const box = document.querySelector('[data-testid="paste"]');
    box.value = text;
    box.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText" }));
  }, text);
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        let longest = 0;
        let last = performance.now();
        // Frame gaps show how long the main thread was blocked while working.
        const tick = () => {
          const now = performance.now();
          longest = Math.max(longest, now - last);
          last = now;
          const verdict = document.querySelector('[data-testid="verdict"]');
          if (verdict && verdict.textContent.trim()) resolve({ ms: now - start, longestFrameMs: longest });
          else requestAnimationFrame(tick);
        };
        const start = performance.now();
        document.querySelector('[data-testid="diagnose"]').click();
        requestAnimationFrame(tick);
      }),
  );
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const h = await startHarness();
try {
  const page = await h.openApp(await h.newPage(DESKTOP), h.appUrl("?lang=en"));
  // Lookups would compete for the main thread; the figure is the diagnosis alone.
  await page.locator('[data-testid="settings"] summary').click();
  await page.locator('[data-testid="lookups-toggle"]').uncheck();
  const cases = [
    ["small bounce", RAW_SPAMHAUS],
    ["1 MB bounce", withAttachment(1024 * 1024)],
    // Just under the page's 5 MiB limit.
    ["5 MB bounce", withAttachment(5 * 1024 * 1024 - 8192)],
  ];
  console.log("click Diagnose -> verdict on screen (Chromium, release bundle, median of %d):", RUNS);
  for (const [name, text] of cases) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await measure(page, text));
    const size = (Buffer.byteLength(text) / 1024).toFixed(0);
    console.log(
      `  ${name.padEnd(14)} ${size.padStart(6)} KiB  ${median(runs.map((r) => r.ms)).toFixed(1).padStart(8)} ms` +
        `   longest frame ${median(runs.map((r) => r.longestFrameMs)).toFixed(1)} ms`,
    );
  }
} finally {
  await h.close();
}
