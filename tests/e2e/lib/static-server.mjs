//! Serves the built `dist/` on 127.0.0.1, both at `/` and under a sub-path, as GitHub Pages
//! serves a project site; the bundle's relative URLs must work in both places.

import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  // Chromium only stream-compiles wasm served with this type.
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".webmanifest": "application/manifest+json",
};

/**
 * Starts the server on a free port. `subPath` is like "/ndr-doctor/".
 * Returns `{ origin, subPath, hits, close() }`; `hits` lists every request with its status.
 */
export async function startStaticServer(distDir, { subPath = "/ndr-doctor/" } = {}) {
  const root = resolve(distDir);
  const hits = [];
  const server = createServer(async (req, res) => {
    const { status, headers, body } = await answer(root, subPath, req);
    hits.push({ method: req.method, url: req.url, status });
    res.writeHead(status, { "cache-control": "no-cache", "x-content-type-options": "nosniff", ...headers });
    res.end(req.method === "HEAD" ? undefined : body);
  });
  await new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", ok);
  });
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    subPath,
    hits,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

async function answer(root, subPath, req) {
  if (req.method !== "GET" && req.method !== "HEAD") {
    return text(405, "GET or HEAD only\n");
  }
  const pathname = decode(new URL(req.url, "http://x").pathname);
  if (pathname === null) return text(400, "bad path\n");
  // GitHub Pages answers the bare sub-path with a redirect to its folder.
  if (pathname === subPath.slice(0, -1)) {
    return { status: 301, headers: { location: subPath }, body: "" };
  }
  const inside = pathname.startsWith(subPath) ? pathname.slice(subPath.length) : pathname.slice(1);
  const file = await locate(root, inside);
  if (!file) return text(404, "not found\n");
  const type = TYPES[extname(file)] ?? "application/octet-stream";
  return { status: 200, headers: { "content-type": type }, body: await readFile(file) };
}

/** The file for a path inside the root, or null when it is missing or would leave the root. */
export async function locate(root, inside) {
  const candidate = resolve(root, "./" + inside);
  if (candidate !== root && !candidate.startsWith(root + sep)) return null;
  try {
    const info = await stat(candidate);
    if (info.isFile()) return candidate;
    if (info.isDirectory()) {
      const index = join(candidate, "index.html");
      if ((await stat(index)).isFile()) return index;
    }
  } catch {
    // Missing: a 404, not an error of the server.
  }
  return null;
}

function decode(path) {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

function text(status, body) {
  return { status, headers: { "content-type": "text/plain; charset=utf-8" }, body };
}
