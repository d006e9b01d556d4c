#!/bin/sh
# Trunk post-build hook: takes the comments, indentation and blank lines out of the
# wasm-bindgen glue (-1.4 KiB gzip). Trunk's own JS minifier cannot parse the glue's
# `export default` and copies it unchanged.
#
# Line by line only, nothing is joined or renamed, so automatic semicolons and the
# exports stay as they were. It relies on the glue having no string or template literal
# that spans lines; `node --check` refuses the result otherwise and the build stops.
# index.html preloads the glue with a Subresource Integrity hash, which is rewritten to
# match, or the browser would refuse the file.
set -eu
dir="${TRUNK_STAGING_DIR:?run me as a Trunk hook}"
glue="$dir/ndr-web.js"
page="$dir/index.html"
tmp="$dir/.trim-glue.mjs"
# 1. A block comment that starts on a line of its own (`/**` or `/*`), through its `*/`.
# 2. A line that is only a `//` comment.   3. Indentation.   4. Blank lines.
sed -e '/^[[:space:]]*\/\*\*\{0,1\}[[:space:]]*$/,/\*\//d' \
    -e '/^[[:space:]]*\/\//d' \
    -e 's/^[[:space:]]*//' \
    -e '/^$/d' \
    "$glue" > "$tmp"
node --check "$tmp"
# The exports the page, the worker and embedders import must all still be there.
exports() { grep -E '^[[:space:]]*export ' "$1" | sed 's/^[[:space:]]*//'; }
if [ "$(exports "$glue")" != "$(exports "$tmp")" ]; then
  echo "trim-glue: the exports changed" >&2
  rm -f "$tmp"
  exit 1
fi
sri() { node -e 'const c=require("crypto"),f=require("fs");process.stdout.write("sha384-"+c.createHash("sha384").update(f.readFileSync(process.argv[1])).digest("base64"))' "$1"; }
# A build without Subresource Integrity (`trunk build --no-sri`) has no hash to keep.
if grep -q 'integrity=' "$page"; then
  old="$(sri "$glue")"
  new="$(sri "$tmp")"
  grep -qF "$old" "$page" || { echo "trim-glue: index.html has no integrity $old for the glue" >&2; rm -f "$tmp"; exit 1; }
  # Base64 holds `/` and `+`; `|` never occurs in it.
  sed -i "s|$old|$new|" "$page"
  grep -qF "$new" "$page"
fi
mv "$tmp" "$glue"
