//! One browser test environment: `dist/` served on 127.0.0.1, the fake DoH server, Debian's
//! Chromium with the resolvers routed to the fake, and a record of every request the page makes.

import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { chromium } from "playwright-core";

import { startFakeDoh } from "./fake-doh.mjs";
import { ARTIFACTS_DIR, CHROMIUM, DIST_DIR } from "./paths.mjs";
import { disallowedRequests, resolverStyle } from "./requests.mjs";
import { startStaticServer } from "./static-server.mjs";
import { waitForTestId } from "./wait.mjs";

/** Flags measured to work on this machine kind (see TOOLCHAIN.md); Playwright adds --headless. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
  // Without it Chromium still looks up Google hosts of its own.
  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
];

/** Request headers the forwarder does not pass on: they describe the hop, not the question. */
const HOP_REQUEST_HEADERS = new Set(["host", "connection", "content-length", "accept-encoding", "keep-alive", "transfer-encoding"]);
/** Response headers the forwarder does not pass back: the body is re-sent whole and plain. */
const HOP_RESPONSE_HEADERS = new Set(["connection", "content-length", "content-encoding", "keep-alive", "transfer-encoding"]);

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 360, height: 740 };

/**
 * Starts everything. Options: `fixtures` (a folder for `ndr-fake-doh --fixtures`),
 * `subPath` (default "/ndr-doctor/"). Always `await h.close()` in an `after` hook.
 */
export async function startHarness({ fixtures, subPath = "/ndr-doctor/" } = {}) {
  if (!existsSync(join(DIST_DIR, "index.html"))) {
    throw new Error(`${DIST_DIR}/index.html does not exist; build the bundle first (\`cargo xtask dist\`), or point NDR_DIST at it`);
  }
  const started = [];
  try {
    const site = await startStaticServer(DIST_DIR, { subPath });
    started.push(() => site.close());
    const doh = await startFakeDoh({ fixtures });
    started.push(() => doh.stop());
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    started.push(() => browser.close());
    const context = await browser.newContext({ viewport: DESKTOP, locale: "en-US" });
    return await Harness.create({ site, doh, browser, context, started });
  } catch (error) {
    for (const stop of started.reverse()) await stop().catch(() => {});
    throw error;
  }
}

class Harness {
  static async create(parts) {
    const h = new Harness(parts);
    await h.#wire();
    return h;
  }

  constructor({ site, doh, browser, context, started }) {
    /** The static server: `origin`, `subPath`, `hits`. */
    this.site = site;
    /** The fake DoH server: `url`, `control()`, `log()`, `clearLog()`, `reset()`. */
    this.doh = doh;
    this.browser = browser;
    this.context = context;
    /** Every request any page made, in order: `{ url, method, resourceType }`. */
    this.requests = [];
    this.#started = started;
    this.#errors = new Map();
  }

  #started;
  #errors;

  async #wire() {
    this.context.on("request", (request) => {
      this.requests.push({ url: request.url(), method: request.method(), resourceType: request.resourceType() });
    });
    // The app keeps its real resolver URLs; only here do they lead to the local fake.
    await this.context.route(
      (url) => resolverStyle(url.href) !== null,
      (route, request) => forward(route, request, this.doh.url),
    );
    // Host-resolver rules stop names, not IP literals: refuse anything else that is not local.
    await this.context.route(
      (url) => resolverStyle(url.href) === null && !isLocal(url),
      (route) => route.abort("blockedbyclient"),
    );
  }

  /** The app under the sub-path, e.g. `appUrl("?lang=ja")`. */
  appUrl(suffix = "") {
    return this.site.origin + this.site.subPath + suffix;
  }

  /** The app at the server root. */
  rootUrl(suffix = "") {
    return this.site.origin + "/" + suffix;
  }

  /** A new page in the shared context; its console errors and uncaught errors are kept. */
  async newPage(viewport = DESKTOP) {
    const page = await this.context.newPage();
    await page.setViewportSize(viewport);
    const errors = [];
    page.on("pageerror", (error) => errors.push(`uncaught: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(`console.error: ${message.text()}`);
    });
    this.#errors.set(page, errors);
    return page;
  }

  /** Console errors and uncaught exceptions of a page made by `newPage`. */
  errorsOf(page) {
    return this.#errors.get(page) ?? [];
  }

  /** Opens the app (under the sub-path unless `url` is given) and waits until it has rendered. */
  async openApp(page, url = this.appUrl()) {
    await page.goto(url);
    await waitForTestId(page, "app", { errors: this.errorsOf(page) });
    return page;
  }

  /** Waits for `[data-testid=id]` to be visible, naming it and the page errors on timeout. */
  waitForTestId(page, id, options = {}) {
    return waitForTestId(page, id, { errors: this.errorsOf(page), ...options });
  }

  /** Saves a full-page PNG to tests/e2e/artifacts/NAME.png and returns its path. */
  async screenshot(page, name) {
    await mkdir(ARTIFACTS_DIR, { recursive: true });
    const path = join(ARTIFACTS_DIR, `${name}.png`);
    await page.screenshot({ path, fullPage: true });
    return path;
  }

  /** Requests that break the privacy promise (see `disallowedRequests`). */
  disallowedRequests({ zones } = {}) {
    return disallowedRequests(this.requests, { appOrigin: this.site.origin, zones });
  }

  async close() {
    for (const stop of this.#started.reverse()) {
      await stop().catch((error) => console.error(`harness: while stopping: ${error.message}`));
    }
  }
}

function isLocal(url) {
  return url.protocol === "data:" || url.protocol === "blob:" || url.hostname === "127.0.0.1";
}

/**
 * Answers a request to a public resolver by asking the fake DoH server the same path and
 * query with the same headers, and handing back its status, headers and body unchanged.
 */
async function forward(route, request, dohUrl) {
  const from = new URL(request.url());
  const headers = {};
  for (const [name, value] of Object.entries(await request.allHeaders())) {
    if (!name.startsWith(":") && !HOP_REQUEST_HEADERS.has(name)) headers[name] = value;
  }
  let response;
  try {
    response = await fetch(dohUrl + from.pathname + from.search, {
      method: request.method(),
      headers,
      body: request.postDataBuffer() ?? undefined,
      redirect: "manual",
    });
  } catch {
    // The fake server is gone: the page sees what a dead resolver looks like.
    await route.abort("connectionrefused");
    return;
  }
  const body = Buffer.from(await response.arrayBuffer());
  const out = {};
  response.headers.forEach((value, name) => {
    if (!HOP_RESPONSE_HEADERS.has(name)) out[name] = value;
  });
  // Playwright adds a permissive CORS header to fulfilled cross-origin responses that lack
  // one. A resolver that sends none must fail in the page as it would for real, so name an
  // origin that can never match.
  out["access-control-allow-origin"] ??= "https://cors-not-allowed.invalid";
  try {
    await route.fulfill({ status: response.status, headers: out, body });
  } catch (error) {
    // The page gave up first (a deadline aborted the fetch, or the page closed): nothing
    // is waiting for this answer any more.
    if (!/already handled|closed|aborted/i.test(error.message)) throw error;
  }
}
