#!/bin/sh
# Trunk post-build hook: writes texts.ja.txt and texts.en.txt, the playbooks' texts one
# language per file, next to the wasm. The wasm holds none of them and loads the visitor's
# language only (crates/ndr-playbooks/src/tables.rs). ndr-playbooks' `texts` example reads
# the table its build.rs generated from the same sources as the wasm's, and each file carries
# that table's fingerprint, so a file from another build is refused, never misread.
set -eu
dir="${TRUNK_STAGING_DIR:?run me as a Trunk hook}"
cargo run --quiet --offline --locked -p ndr-playbooks --features split-texts --example texts -- "$dir"
