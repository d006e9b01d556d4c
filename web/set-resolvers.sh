#!/bin/sh
# Trunk post-build hook: makes the page's CSP `connect-src` name exactly the DoH
# resolvers the wasm was built with. The app reads NDR_DOH_GOOGLE and NDR_DOH_CLOUDFLARE
# at compile time (crates/ndr-web/src/state.rs); unset, the public resolvers are used and
# index.html already names them.
set -eu
google="${NDR_DOH_GOOGLE:-https://dns.google/resolve}"
cloudflare="${NDR_DOH_CLOUDFLARE:-https://cloudflare-dns.com/dns-query}"
origin() {
  # scheme://host[:port] of a URL; refuses anything that is not https (or http on loopback for tests).
  case "$1" in
    https://*|http://127.0.0.1*|http://localhost*) ;;
    *) echo "set-resolvers: $1 is not an https URL" >&2; exit 1 ;;
  esac
  # The page speaks DoH JSON in Google's (/resolve) or Cloudflare's (/dns-query) dialect only.
  case "$1" in
    */resolve|*/dns-query) ;;
    *) echo "set-resolvers: $1 must end in /resolve or /dns-query" >&2; exit 1 ;;
  esac
  printf '%s\n' "$1" | sed -E 's#^([a-z]+://[^/?#]+).*$#\1#'
}
# One assignment per URL, so `set -e` stops on either bad one.
google_origin="$(origin "$google")"
cloudflare_origin="$(origin "$cloudflare")"
sources="'self' ${google_origin} ${cloudflare_origin}"
page="${TRUNK_STAGING_DIR:?run me as a Trunk hook}/index.html"
# Only the directive inside the CSP (it ends with ';'), never prose that mentions it.
sed -i -E "s#connect-src [^;\"]*;#connect-src ${sources};#" "$page"
grep -q "connect-src ${sources}" "$page"
