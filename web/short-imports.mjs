// Trunk post-build step (run by Trunk.toml's hook after trim-glue.sh): gives the wasm's
// imports short names, in the wasm and in the wasm-bindgen glue that provides them.
//
// wasm-bindgen names each import after the JavaScript it calls plus a 16-digit hash
// (`__wbg_addEventListener_0f2891b0b3e3de84`). The page has about 180 of them, and each name
// sits once in the wasm's import section and once in the glue as the key of its function.
// Random hex does not compress: short names save about 5.7 KiB gzip over both files.
//
// Nothing else changes: the import section is rebuilt with the new names and every other
// byte of the wasm is copied; in the glue only the object keys are renamed. The step stops
// the build, leaving the files as they were, unless each old name is exactly one key in the
// glue, the new wasm compiles, and every import it asks for is a key of the glue. The
// Subresource Integrity hashes in index.html are rewritten to match both files.

import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) fail("run me as a Trunk hook (TRUNK_STAGING_DIR is not set)");
const wasmPath = join(dir, "ndr-web_bg.wasm");
const gluePath = join(dir, "ndr-web.js");
const pagePath = join(dir, "index.html");
// The module wasm-bindgen imports from; the glue provides it as one object.
const MODULE = "./ndr-web_bg.js";

function fail(message) {
  console.error(`short-imports: ${message}`);
  process.exit(1);
}

function readLeb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    if (at >= bytes.length) fail("the wasm ends inside a number");
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

function leb(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return Buffer.from(out);
}

// a, b, ... z, A ... Z, then two letters: valid JavaScript keys and never a glue keyword.
function shortName(index) {
  const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  let name = letters[index % 52];
  for (let rest = Math.floor(index / 52); rest > 0; rest = Math.floor(rest / 52)) {
    name += letters[rest % 52];
  }
  return name;
}

// Returns the wasm with its function imports from MODULE renamed, and the renames.
function renameImports(wasm) {
  const header = wasm.subarray(0, 8);
  const parts = [header];
  const renames = new Map();
  let at = 8;
  while (at < wasm.length) {
    const start = at;
    const id = wasm[at++];
    let size;
    [size, at] = readLeb(wasm, at);
    const end = at + size;
    if (end > wasm.length) fail("a section runs past the end of the wasm");
    if (id !== 2) {
      parts.push(wasm.subarray(start, end));
      at = end;
      continue;
    }
    let count;
    let p;
    [count, p] = readLeb(wasm, at);
    const body = [leb(count)];
    for (let i = 0; i < count; i++) {
      let len;
      [len, p] = readLeb(wasm, p);
      const module = wasm.subarray(p, p + len);
      p += len;
      [len, p] = readLeb(wasm, p);
      const name = wasm.subarray(p, p + len).toString("utf8");
      p += len;
      const descStart = p;
      const kind = wasm[p++];
      switch (kind) {
        case 0: // function: type index
          [, p] = readLeb(wasm, p);
          break;
        case 1: { // table: reference type, limits
          p++;
          const flags = wasm[p++];
          [, p] = readLeb(wasm, p);
          if (flags & 1) [, p] = readLeb(wasm, p);
          break;
        }
        case 2: { // memory: limits
          const flags = wasm[p++];
          [, p] = readLeb(wasm, p);
          if (flags & 1) [, p] = readLeb(wasm, p);
          break;
        }
        case 3: // global: value type, mutability
          p += 2;
          break;
        default:
          fail(`import ${name} has an unknown kind ${kind}`);
      }
      let newName = name;
      if (kind === 0 && module.toString("utf8") === MODULE) {
        newName = shortName(renames.size);
        renames.set(name, newName);
      }
      const nameBytes = Buffer.from(newName, "utf8");
      body.push(leb(module.length), module, leb(nameBytes.length), nameBytes, wasm.subarray(descStart, p));
    }
    if (p !== end) fail("the import section holds more than its imports");
    const content = Buffer.concat(body);
    parts.push(Buffer.from([2]), leb(content.length), content);
    at = end;
  }
  return [Buffer.concat(parts), renames];
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// An object key at the start of a line (after optional indentation): `name: function(...`.
function keyPattern(name) {
  return new RegExp(`^([ \\t]*)${escapeRegExp(name)}:`, "gm");
}

function sri(bytes) {
  return `sha384-${createHash("sha384").update(bytes).digest("base64")}`;
}

const wasm = readFileSync(wasmPath);
let glue = readFileSync(gluePath, "utf8");
let page = readFileSync(pagePath, "utf8");

const [newWasm, renames] = renameImports(wasm);
if (renames.size === 0) fail("the wasm imports nothing from the glue; is this the right file?");
for (const [name, short] of renames) {
  if (!name.startsWith("__wbg") && !name.startsWith("__wbindgen")) {
    fail(`import ${name} is not a wasm-bindgen name`);
  }
  const keys = glue.match(keyPattern(name)) ?? [];
  if (keys.length !== 1) fail(`import ${name} is ${keys.length} keys of the glue, not one`);
  if (glue.split(name).length !== 2) fail(`${name} appears in the glue outside its key`);
  glue = glue.replace(keyPattern(name), `$1${short}:`);
}

// The new wasm must compile, and everything it imports must be provided by the glue.
let module;
try {
  module = new WebAssembly.Module(newWasm);
} catch (err) {
  fail(`the renamed wasm does not compile: ${err.message}`);
}
for (const imp of WebAssembly.Module.imports(module)) {
  if (imp.module !== MODULE) continue;
  if ((glue.match(keyPattern(imp.name)) ?? []).length !== 1) {
    fail(`the glue provides no ${imp.name}`);
  }
}

// A build without Subresource Integrity (`trunk build --no-sri`) has no hashes to keep.
const hashed = page.includes("integrity=");
for (const [oldBytes, newBytes] of [[wasm, newWasm], [readFileSync(gluePath), Buffer.from(glue)]]) {
  if (!hashed) break;
  const before = sri(oldBytes);
  if (!page.includes(before)) fail(`index.html has no integrity ${before}`);
  page = page.split(before).join(sri(newBytes));
}

writeFileSync(wasmPath, newWasm);
writeFileSync(gluePath, glue);
writeFileSync(pagePath, page);
console.log(`short-imports: renamed ${renames.size} imports`);
