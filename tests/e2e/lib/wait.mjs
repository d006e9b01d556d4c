//! Polling with a deadline: every wait names what it waited for, and no test sleeps a fixed time.

/**
 * Calls `probe` until it returns a truthy value, and returns that value.
 * On the deadline, throws an error naming `what` and the last value or error seen.
 */
export async function waitFor(what, probe, { timeoutMs = 10_000, intervalMs = 50 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last = "nothing yet";
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
      last = `probe returned ${JSON.stringify(value)}`;
    } catch (error) {
      last = `probe threw ${error && error.message ? error.message : error}`;
    }
    if (Date.now() >= deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last: ${last})`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/**
 * Waits until the element with `data-testid=id` is visible, and returns its locator.
 * Playwright polls; on the deadline the error says which element, on which page, and
 * which page errors happened meanwhile (a wasm start-up failure shows there).
 */
export async function waitForTestId(page, id, { timeoutMs = 15_000, errors = [] } = {}) {
  const locator = page.locator(`[data-testid="${id}"]`);
  try {
    await locator.first().waitFor({ state: "visible", timeout: timeoutMs });
  } catch (error) {
    const seen = errors.length ? `; page errors: ${errors.join(" | ")}` : "";
    throw new Error(
      `timed out after ${timeoutMs} ms waiting for [data-testid="${id}"] to be visible at ${page.url()}${seen}`,
      { cause: error },
    );
  }
  return locator;
}
