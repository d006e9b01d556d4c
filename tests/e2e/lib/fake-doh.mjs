//! Starts the project's real local DoH server (`ndr-fake-doh`, crate `tests/fake-doh`) and talks
//! to its control endpoints.

import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createInterface } from "node:readline";

import { FAKE_DOH_BIN } from "./paths.mjs";

const START_TIMEOUT_MS = 10_000;

/**
 * Spawns `ndr-fake-doh --port 0 [--fixtures DIR]` and waits for its `listening URL` line.
 * Returns `{ url, control(params), log(), clearLog(), reset(), stop() }`.
 */
export async function startFakeDoh({ fixtures } = {}) {
  if (!existsSync(FAKE_DOH_BIN)) {
    throw new Error(
      `${FAKE_DOH_BIN} does not exist; build it with \`cargo build -p ndr-fake-doh\` ` +
        "(or run `cargo xtask test`), or point NDR_FAKE_DOH_BIN at it",
    );
  }
  const args = ["--port", "0"];
  if (fixtures) args.push("--fixtures", fixtures);
  const child = spawn(FAKE_DOH_BIN, args, { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  // Never leave the server running after the test process, whatever happens.
  const killOnExit = () => child.kill();
  process.once("exit", killOnExit);

  const url = await new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`timed out after ${START_TIMEOUT_MS} ms waiting for ndr-fake-doh to print "listening URL"; stderr: ${stderr}`));
    }, START_TIMEOUT_MS);
    lines.on("line", (line) => {
      const match = /^listening (http:\/\/127\.0\.0\.1:\d+)\s*$/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`ndr-fake-doh exited (${signal ?? code}) before listening; stderr: ${stderr}`));
    });
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });

  async function get(path) {
    const res = await fetch(url + path);
    const body = await res.text();
    if (!res.ok) throw new Error(`ndr-fake-doh ${path} answered ${res.status}: ${body}`);
    return body;
  }

  return {
    url,
    /** `{ mode, zone?, delay_ms?, retry_after? }`, as `/_control` takes them. */
    control: async (params) => JSON.parse(await get(`/_control?${new URLSearchParams(params)}`)),
    /** Every DoH request the server received, oldest first. */
    log: async () => JSON.parse(await get("/_log")),
    clearLog: async () => {
      await get("/_log?clear=1");
    },
    /** Normal mode everywhere and an empty log. */
    reset: async () => {
      await get("/_control?mode=normal");
      await get("/_log?clear=1");
    },
    stop: async () => {
      process.removeListener("exit", killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill();
      await exited;
    },
  };
}
