//! The page loads from a sub-path and from the root, the wasm app starts, it fetches only its own
//! files, and axe finds no serious accessibility problem.

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { describeViolations, seriousA11yViolations } from "../lib/axe.mjs";
import { DESKTOP, PHONE, startHarness } from "../lib/harness.mjs";

describe("load the page", () => {
  let h;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h?.close();
  });

  for (const [where, url, shot] of [
    ["under the sub-path /ndr-doctor/", () => h.appUrl(), "load-subpath"],
    ["at the root", () => h.rootUrl(), "load-root"],
  ]) {
    it(`starts the app ${where}`, { timeout: 60_000 }, async () => {
      h.requests.length = 0;
      const page = await h.newPage(DESKTOP);
      await h.openApp(page, url());
      console.log(`screenshot: ${await h.screenshot(page, shot)}`);

      assert.deepEqual(h.errorsOf(page), [], "the page logged errors");
      const own = new URL(url());
      const fetched = h.requests.filter((r) => r.url.startsWith(h.site.origin));
      assert.ok(
        fetched.some((r) => r.url.endsWith(".wasm")),
        `the wasm module was not requested; requests: ${fetched.map((r) => r.url).join(", ")}`,
      );
      for (const r of fetched) {
        assert.ok(r.url.startsWith(own.href), `${r.url} is outside ${own.href}: a URL in the bundle is not relative`);
      }
      const failed = h.site.hits.filter((hit) => hit.status >= 400);
      assert.deepEqual(failed, [], "the page asked for files that do not exist");
      assert.deepEqual(h.disallowedRequests(), [], "the page talked to someone other than its origin and the resolvers");
      const violations = await seriousA11yViolations(page);
      assert.equal(violations.length, 0, describeViolations(violations));
      await page.close();
    });
  }

  it("redirects the bare sub-path to its folder, as GitHub Pages does", { timeout: 60_000 }, async () => {
    const page = await h.newPage(PHONE);
    await h.openApp(page, h.site.origin + h.site.subPath.replace(/\/$/, ""));
    // The app may add its own #fragment route; the redirect is about the path.
    assert.equal(page.url().split("#")[0], h.appUrl());
    console.log(`screenshot: ${await h.screenshot(page, "load-subpath-360")}`);
    await page.close();
  });
});
