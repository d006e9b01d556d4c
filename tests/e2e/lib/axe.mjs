//! Accessibility checks with axe-core (npm), run inside the page under test.

import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
let axeSource;

/**
 * Runs axe-core on the page (or on the elements matching `include`, a CSS selector) and
 * returns the serious and critical violations as `{ id, impact, help, helpUrl, targets }`.
 *
 * axe is injected by evaluation through the DevTools protocol, not as a <script> element,
 * so the page's Content-Security-Policy stays as strict as in production.
 */
export async function seriousA11yViolations(page, { include } = {}) {
  axeSource ??= await readFile(require.resolve("axe-core/axe.min.js"), "utf8");
  const loaded = await page.evaluate(() => typeof window.axe === "object");
  if (!loaded) await page.evaluate(`${axeSource}\n;undefined`);
  const violations = await page.evaluate(async (selector) => {
    const results = await window.axe.run(selector ? { include: [[selector]] } : document, {
      resultTypes: ["violations"],
    });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      targets: v.nodes.map((node) => node.target.join(" ")),
    }));
  }, include ?? null);
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** One line per violation, for assertion messages. */
export function describeViolations(violations) {
  return violations.map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.targets.join(", ")} (${v.helpUrl})`).join("\n");
}
