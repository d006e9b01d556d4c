//! The privacy promise as a check: the page may talk to its own origin and, for DoH, to the
//! public resolvers, asking only names under blocklist zones. Everything else is a finding.

/** The resolver endpoints the app uses for real; tests answer them through `context.route()`. */
export const RESOLVERS = [
  { style: "google", endpoint: "https://dns.google/resolve" },
  { style: "cloudflare", endpoint: "https://cloudflare-dns.com/dns-query" },
];

/** The resolver style for a URL, or null when it is not a DoH JSON endpoint. */
export function resolverStyle(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const endpoint = parsed.origin + parsed.pathname;
  return RESOLVERS.find((r) => r.endpoint === endpoint)?.style ?? null;
}

/**
 * The requests that break the promise, each `{ url, why }`; empty when all is well.
 * `appOrigin` is the static server's origin. With `zones`, every DoH question name must
 * lie under one of them (a reversed IP or a domain, then the zone).
 */
export function disallowedRequests(requests, { appOrigin, zones } = {}) {
  const found = [];
  for (const { url, method } of requests) {
    if (url.startsWith("data:") || url.startsWith("blob:")) continue;
    let parsed;
    try {
      parsed = new URL(url);
    } catch {
      found.push({ url, why: "not a URL" });
      continue;
    }
    if (parsed.origin === appOrigin) continue;
    if (!resolverStyle(url)) {
      found.push({ url, why: "neither same-origin nor a DoH resolver" });
      continue;
    }
    // Preflights carry no question; anything else must be a plain GET with a name.
    if (method === "OPTIONS") continue;
    const name = parsed.searchParams.get("name");
    if (method !== "GET" || !name) {
      found.push({ url, why: `a DoH request without a question name (${method})` });
      continue;
    }
    if (zones && !zones.some((zone) => isUnder(name, zone))) {
      found.push({ url, why: `asks ${name}, which is under none of ${zones.join(", ")}` });
    }
  }
  return found;
}

/** The question names of the DoH requests, in order. */
export function dohQuestionNames(requests) {
  return requests
    .filter(({ url, method }) => method === "GET" && resolverStyle(url))
    .map(({ url }) => new URL(url).searchParams.get("name"))
    .filter(Boolean);
}

function isUnder(name, zone) {
  const n = name.toLowerCase().replace(/\.$/, "");
  const z = zone.toLowerCase().replace(/\.$/, "");
  return n.endsWith("." + z) && n.length > z.length + 1;
}
