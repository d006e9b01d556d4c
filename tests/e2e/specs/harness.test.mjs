//! The harness's own guards, without a browser: a guard that never fires would let every spec pass.

import assert from "node:assert/strict";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import { disallowedRequests, dohQuestionNames, resolverStyle } from "../lib/requests.mjs";
import { startStaticServer } from "../lib/static-server.mjs";
import { waitFor } from "../lib/wait.mjs";

describe("static server", () => {
  let dir;
  let site;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "ndr-e2e-"));
    await mkdir(join(dir, "sub"));
    await writeFile(join(dir, "index.html"), "<p>home</p>");
    await writeFile(join(dir, "app_bg.wasm"), Buffer.from([0, 97, 115, 109]));
    await writeFile(join(dir, "sub", "index.html"), "<p>sub</p>");
    site = await startStaticServer(dir, { subPath: "/ndr-doctor/" });
  });
  after(async () => {
    await site?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const get = (path) => fetch(site.origin + path, { redirect: "manual" });

  it("serves the same files at the root and under the sub-path", async () => {
    for (const path of ["/", "/ndr-doctor/", "/index.html", "/ndr-doctor/index.html"]) {
      const res = await get(path);
      assert.equal(res.status, 200, path);
      assert.equal(await res.text(), "<p>home</p>", path);
    }
    assert.equal(await (await get("/ndr-doctor/sub/")).text(), "<p>sub</p>");
  });

  it("serves wasm as application/wasm", async () => {
    assert.equal((await get("/ndr-doctor/app_bg.wasm")).headers.get("content-type"), "application/wasm");
  });

  it("redirects the bare sub-path", async () => {
    const res = await get("/ndr-doctor");
    assert.equal(res.status, 301);
    assert.equal(res.headers.get("location"), "/ndr-doctor/");
  });

  it("never serves outside its folder", async () => {
    for (const path of ["/%2e%2e/%2e%2e/etc/passwd", "/ndr-doctor/%2e%2e%2fpackage.json", "/missing.js", "/%zz"]) {
      const res = await get(path);
      assert.ok(res.status === 404 || res.status === 400, `${path} answered ${res.status}`);
    }
  });
});

describe("request policy", () => {
  const appOrigin = "http://127.0.0.1:4000";
  const google = (name) => ({ url: `https://dns.google/resolve?name=${name}&type=A`, method: "GET" });

  it("knows the resolvers by endpoint, not by host alone", () => {
    assert.equal(resolverStyle("https://dns.google/resolve?name=x"), "google");
    assert.equal(resolverStyle("https://cloudflare-dns.com/dns-query?name=x"), "cloudflare");
    assert.equal(resolverStyle("https://dns.google/dns-query?dns=AAAB"), null);
    assert.equal(resolverStyle("not a url"), null);
  });

  it("allows the origin, data: URLs and blocklist questions", () => {
    const requests = [
      { url: `${appOrigin}/ndr-doctor/app_bg.wasm`, method: "GET" },
      { url: "data:,", method: "GET" },
      google("2.0.0.127.zen.spamhaus.org"),
      { url: "https://cloudflare-dns.com/dns-query?name=2.0.0.127.zen.spamhaus.org", method: "OPTIONS" },
    ];
    assert.deepEqual(disallowedRequests(requests, { appOrigin, zones: ["zen.spamhaus.org"] }), []);
    assert.deepEqual(dohQuestionNames(requests), ["2.0.0.127.zen.spamhaus.org"]);
  });

  it("flags other hosts, questions outside the zones and DoH without a question", () => {
    const requests = [
      { url: "https://fonts.example/font.woff2", method: "GET" },
      { url: "http://127.0.0.1:4001/other-port", method: "GET" },
      google("bounce-text.example"),
      google("zen.spamhaus.org"),
      { url: "https://dns.google/resolve", method: "GET" },
      { url: "https://dns.google/resolve?name=2.0.0.127.zen.spamhaus.org", method: "POST" },
    ];
    const found = disallowedRequests(requests, { appOrigin, zones: ["zen.spamhaus.org"] });
    assert.deepEqual(
      found.map((f) => f.url),
      requests.map((r) => r.url),
    );
  });
});

describe("waitFor", () => {
  it("returns the first truthy value", async () => {
    let calls = 0;
    assert.equal(await waitFor("the third call", () => ++calls >= 3 && "done", { intervalMs: 1 }), "done");
  });

  it("names what it waited for and the last thing it saw", async () => {
    await assert.rejects(
      waitFor("a verdict", () => {
        throw new Error("no verdict yet");
      }, { timeoutMs: 30, intervalMs: 5 }),
      /timed out after 30 ms waiting for a verdict \(last: probe threw no verdict yet\)/,
    );
  });
});
