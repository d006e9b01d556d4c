//! Where the harness finds the bundle, the fake DoH server and the browser; each can be overridden.

import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const E2E_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const REPO_ROOT = resolve(E2E_DIR, "../..");

/** The built web bundle (`trunk build --release`). */
export const DIST_DIR = process.env.NDR_DIST || join(REPO_ROOT, "dist");

const TARGET_DIR = process.env.CARGO_TARGET_DIR ? resolve(REPO_ROOT, process.env.CARGO_TARGET_DIR) : join(REPO_ROOT, "target");

/** The `ndr-fake-doh` binary (`cargo build -p ndr-fake-doh`). */
export const FAKE_DOH_BIN = process.env.NDR_FAKE_DOH_BIN || join(TARGET_DIR, "debug", "ndr-fake-doh");

/** Debian's Chromium; never a browser downloaded by a test tool. */
export const CHROMIUM = process.env.NDR_CHROMIUM || "/usr/bin/chromium";

/** Screenshots and other things to look at after a run (git-ignored). */
export const ARTIFACTS_DIR = join(E2E_DIR, "artifacts");
