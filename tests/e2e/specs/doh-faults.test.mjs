//! Every fault mode of the fake DoH server, seen from inside the page through the real
//! resolver URLs, for the Google and the Cloudflare style. Later the app's own lookups
//! replace these hand-made fetches.

import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";

import { startHarness } from "../lib/harness.mjs";
import { dohQuestionNames, RESOLVERS } from "../lib/requests.mjs";

const ZONE = "zen.spamhaus.org";
const OTHER_ZONE = "bl.spamcop.net";
/** RFC 5782: 127.0.0.2 is listed by every DNSBL that follows it. */
const LISTED = `2.0.0.127.${ZONE}`;
/** 192.0.2.1, a documentation address: listed nowhere. */
const NOT_LISTED = `1.2.0.192.${ZONE}`;
const DNS_JSON = "application/dns-json";

/** Asks from inside the page, as the app does, and reports what the page could see. */
function ask(page, style, name, { accept = DNS_JSON, timeoutMs } = {}) {
  const { endpoint } = RESOLVERS.find((r) => r.style === style);
  const url = `${endpoint}?name=${encodeURIComponent(name)}&type=A`;
  return page.evaluate(
    async ({ url, accept, timeoutMs }) => {
      const started = performance.now();
      const abort = new AbortController();
      const timer = timeoutMs ? setTimeout(() => abort.abort(), timeoutMs) : undefined;
      try {
        const res = await fetch(url, { headers: accept ? { accept } : {}, signal: abort.signal });
        const text = await res.text();
        let json = null;
        try {
          json = JSON.parse(text);
        } catch {
          // Left null: the test decides whether that is expected.
        }
        return {
          status: res.status,
          retryAfter: res.headers.get("retry-after"),
          contentType: res.headers.get("content-type"),
          text,
          json,
          ms: performance.now() - started,
        };
      } catch (error) {
        return { error: `${error.name}: ${error.message}`, ms: performance.now() - started };
      } finally {
        clearTimeout(timer);
      }
    },
    { url, accept, timeoutMs },
  );
}

function addresses(answer) {
  return (answer.json?.Answer ?? []).filter((rr) => rr.type === 1).map((rr) => rr.data);
}

/** Each case sets a mode, asks, and checks what the page saw. */
const CASES = [
  {
    title: "normal: a listed name answers 127.0.0.2",
    mode: { mode: "normal" },
    name: LISTED,
    check: (a, style) => {
      assert.equal(a.status, 200);
      assert.equal(a.json.Status, 0);
      assert.deepEqual(addresses(a), ["127.0.0.2"]);
      // Google writes names with the trailing dot, Cloudflare without.
      assert.equal(a.json.Question[0].name, style === "google" ? `${LISTED}.` : LISTED);
    },
  },
  {
    title: "normal: a name not listed is NXDOMAIN",
    mode: { mode: "normal" },
    name: NOT_LISTED,
    check: (a) => {
      assert.equal(a.status, 200);
      assert.equal(a.json.Status, 3);
      assert.deepEqual(addresses(a), []);
    },
  },
  {
    title: "slow: the answer arrives after the delay",
    mode: { mode: "slow", delay_ms: "700" },
    name: LISTED,
    check: (a) => {
      assert.ok(a.ms >= 690, `answered after ${a.ms} ms, before the 700 ms delay`);
      assert.deepEqual(addresses(a), ["127.0.0.2"]);
    },
  },
  {
    title: "slow: a deadline shorter than the delay aborts the question",
    mode: { mode: "slow", delay_ms: "3000" },
    name: LISTED,
    timeoutMs: 300,
    check: (a) => {
      assert.match(a.error ?? "", /^AbortError/, `expected an abort, got ${JSON.stringify(a)}`);
      assert.ok(a.ms < 2500, `the abort took ${a.ms} ms`);
    },
  },
  {
    title: "fail500: HTTP 500",
    mode: { mode: "fail500" },
    name: NOT_LISTED,
    check: (a) => {
      assert.equal(a.status, 500);
      assert.equal(a.json, null);
    },
  },
  {
    title: "rate429: HTTP 429 with a Retry-After the page can read",
    mode: { mode: "rate429", retry_after: "7" },
    name: NOT_LISTED,
    check: (a) => {
      assert.equal(a.status, 429);
      assert.equal(a.retryAfter, "7");
    },
  },
  {
    title: "badjson: HTTP 200 with a body that is not JSON",
    mode: { mode: "badjson" },
    name: LISTED,
    check: (a) => {
      assert.equal(a.status, 200);
      assert.ok(a.text.length > 0, "the body is empty");
      assert.equal(a.json, null, `the body parsed as JSON: ${a.text}`);
    },
  },
  {
    title: "refuse: the list's 'query refused' answer 127.255.255.254",
    mode: { mode: "refuse" },
    name: NOT_LISTED,
    check: (a) => {
      assert.equal(a.json.Status, 0);
      assert.deepEqual(addresses(a), ["127.255.255.254"]);
    },
  },
  {
    title: "nxdomain: even the RFC 5782 test point is NXDOMAIN",
    mode: { mode: "nxdomain" },
    name: LISTED,
    check: (a) => {
      assert.equal(a.json.Status, 3);
      assert.deepEqual(addresses(a), []);
    },
  },
  {
    title: "lie: a name that is not listed answers 127.0.0.2",
    mode: { mode: "lie" },
    name: NOT_LISTED,
    check: (a) => {
      assert.equal(a.json.Status, 0);
      assert.deepEqual(addresses(a), ["127.0.0.2"]);
    },
  },
  {
    title: "servfail: DNS status 2",
    mode: { mode: "servfail" },
    name: LISTED,
    check: (a) => {
      assert.equal(a.status, 200);
      assert.equal(a.json.Status, 2);
      assert.deepEqual(addresses(a), []);
    },
  },
];

describe("DoH fault modes seen from the page", () => {
  let h;
  let page;
  before(async () => {
    h = await startHarness();
    page = await h.openApp(await h.newPage());
  });
  after(async () => {
    await h?.close();
  });
  beforeEach(async () => {
    await h.doh.reset();
  });

  for (const { style } of RESOLVERS) {
    for (const c of CASES) {
      it(`${style}: ${c.title}`, { timeout: 30_000 }, async () => {
        await h.doh.control(c.mode);
        const answer = await ask(page, style, c.name, { timeoutMs: c.timeoutMs });
        c.check(answer, style);
        // The answer really came from the fake server, through the browser.
        const log = await h.doh.log();
        assert.equal(log.length, 1, `the fake server saw ${JSON.stringify(log)}`);
        assert.equal(log[0].name, c.name);
        assert.equal(log[0].path, style === "google" ? "/resolve" : "/dns-query");
        assert.equal(log[0].accept, DNS_JSON);
        assert.equal(log[0].origin, h.site.origin);
      });
    }

    it(`${style}: a mode set for one zone leaves the others alone`, { timeout: 30_000 }, async () => {
      await h.doh.control({ mode: "servfail", zone: ZONE });
      assert.equal((await ask(page, style, LISTED)).json.Status, 2);
      const other = await ask(page, style, `2.0.0.127.${OTHER_ZONE}`);
      assert.equal(other.json.Status, 0);
      assert.deepEqual(addresses(other), ["127.0.0.2"]);
    });
  }

  it("cloudflare: without accept: application/dns-json the JSON endpoint is not served", { timeout: 30_000 }, async () => {
    const answer = await ask(page, "cloudflare", LISTED, { accept: null });
    assert.equal(answer.status, 400);
  });

  it("every request went to the app's origin or a resolver, asking only blocklist names", () => {
    assert.deepEqual(h.disallowedRequests({ zones: [ZONE, OTHER_ZONE] }), []);
    const asked = new Set(dohQuestionNames(h.requests));
    assert.deepEqual([...asked].sort(), [LISTED, NOT_LISTED, `2.0.0.127.${OTHER_ZONE}`].sort());
  });
});
