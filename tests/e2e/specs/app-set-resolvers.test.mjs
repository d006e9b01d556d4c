//! Self-hosting: the Trunk hook `web/set-resolvers.sh` makes the built page's CSP connect-src
//! name exactly the resolvers the wasm was built with, and refuses a resolver that is not https.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it } from "node:test";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

function run(env) {
  const dir = mkdtempSync(join(tmpdir(), "ndr-csp-"));
  copyFileSync(join(ROOT, "index.html"), join(dir, "index.html"));
  execFileSync("sh", [join(ROOT, "web/set-resolvers.sh")], {
    env: { PATH: process.env.PATH, TRUNK_STAGING_DIR: dir, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const csp = /content="(default-src[^"]*)"/.exec(readFileSync(join(dir, "index.html"), "utf8"))[1];
  return /connect-src ([^;]*);/.exec(csp)[1];
}

describe("resolvers chosen at build time", () => {
  it("defaults to the public resolvers", () => {
    assert.equal(run({}), "'self' https://dns.google https://cloudflare-dns.com");
  });

  it("follows NDR_DOH_GOOGLE and NDR_DOH_CLOUDFLARE", () => {
    assert.equal(
      run({ NDR_DOH_GOOGLE: "https://doh.example.net:8443/resolve", NDR_DOH_CLOUDFLARE: "https://dns.example.org/dns-query" }),
      "'self' https://doh.example.net:8443 https://dns.example.org",
    );
  });

  it("refuses a resolver that is not https", () => {
    assert.throws(() => run({ NDR_DOH_CLOUDFLARE: "http://dns.example.org/dns-query" }), /not an https URL/);
    assert.throws(() => run({ NDR_DOH_GOOGLE: "https://dns.example.org/other" }), /must end in/);
  });
});
