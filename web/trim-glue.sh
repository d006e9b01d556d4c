#!/bin/sh
# Trunk post-build hook: takes the comments, indentation and blank lines out of the
# wasm-bindgen glue (-1.4 KiB gzip). Trunk's own JS minifier cannot parse the glue's
# `export default` and copies it unchanged.
#
# Line by line only, nothing is joined or renamed, so automatic semicolons and the
# exports stay as they were. It relies on the glue having no string or template literal
# that spans lines; `node --check` refuses the result otherwise and the build stops.
set -eu
glue="${TRUNK_STAGING_DIR:?run me as a Trunk hook}/ndr-web.js"
tmp="${TRUNK_STAGING_DIR}/.trim-glue.mjs"
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
mv "$tmp" "$glue"
