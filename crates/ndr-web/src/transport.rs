//! The page's only door to the network: `ndr_dnsbl::Transport` over the browser's
//! `fetch` (gloo-net), plus the timer and clock the lookup session needs.
//!
//! Every request is reported before it is sent (the privacy panel lists it), carries no
//! cookies and no referrer, and is refused outright once its run is no longer current
//! (the user turned lookups off, changed resolver or pasted something else).

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use gloo_net::http::Request;
use ndr_dnsbl::{HttpRequest, HttpResponse, Transport, TransportError};
use web_sys::{ReferrerPolicy, RequestCache, RequestCredentials};

/// The browser transport for one lookup run.
#[derive(Clone)]
pub struct GlooTransport {
    run: u64,
    alive: Rc<Cell<u64>>,
    on_send: Rc<dyn Fn(&str)>,
}

impl GlooTransport {
    /// A transport for `run`, live while `alive` holds `run`; `on_send` hears every URL
    /// just before it is fetched.
    pub fn new(run: u64, alive: Rc<Cell<u64>>, on_send: impl Fn(&str) + 'static) -> Self {
        GlooTransport {
            run,
            alive,
            on_send: Rc::new(on_send),
        }
    }

    /// True while this run is the page's current one.
    pub fn is_current(&self) -> bool {
        self.alive.get() == self.run
    }
}

impl Transport for GlooTransport {
    /// GETs with the given `Accept` (CORS-safelisted, so no preflight), no cookies, no referrer.
    async fn get(&self, request: HttpRequest<'_>) -> Result<HttpResponse, TransportError> {
        if !self.is_current() {
            // Lookups were turned off or the paste changed: nothing more leaves the page.
            return Err(TransportError::Blocked("lookups stopped".into()));
        }
        (self.on_send)(request.url);
        let response = Request::get(request.url)
            .header("accept", request.accept)
            .credentials(RequestCredentials::Omit)
            .referrer_policy(ReferrerPolicy::NoReferrer)
            .cache(RequestCache::Default)
            .send()
            .await
            // A CORS refusal, a CSP block and a dropped connection all look alike from here.
            .map_err(|e| TransportError::Network(e.to_string()))?;
        let status = response.status();
        let retry_after = response.headers().get("retry-after");
        let body = response
            .binary()
            .await
            .map_err(|e| TransportError::Network(e.to_string()))?;
        Ok(HttpResponse {
            status,
            retry_after,
            body,
        })
    }

    async fn sleep(&self, duration: Duration) {
        let ms = u32::try_from(duration.as_millis()).unwrap_or(u32::MAX);
        gloo_timers::future::TimeoutFuture::new(ms).await;
    }

    /// `performance.now()`: monotonic, unlike `Date.now()`.
    fn now(&self) -> Duration {
        let ms = web_sys::window()
            .and_then(|w| w.performance())
            .map_or(0.0, |p| p.now());
        Duration::from_secs_f64(ms.max(0.0) / 1000.0)
    }
}

/// The `name` and `type` of a DoH JSON URL, for the privacy panel (`45.2.0.192.zen.spamhaus.org A`).
pub fn describe(url: &str) -> String {
    let query = url.split_once('?').map(|(_, q)| q).unwrap_or("");
    let mut name = None;
    let mut kind = None;
    for pair in query.split('&') {
        match pair.split_once('=') {
            Some(("name", v)) => name = Some(crate::state::percent_decode(v)),
            Some(("type", v)) => kind = Some(crate::state::percent_decode(v)),
            _ => {}
        }
    }
    match (name, kind) {
        (Some(n), Some(k)) => format!("{n} {k}"),
        (Some(n), None) => format!("{n} A"),
        _ => url.to_string(),
    }
}

/// The resolver part of a URL (scheme, host, path), without the query.
pub fn resolver_of(url: &str) -> &str {
    url.split_once('?').map_or(url, |(base, _)| base)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describes_doh_urls() {
        let url = "https://dns.google/resolve?name=45.2.0.192.zen.spamhaus.org&type=TXT";
        assert_eq!(describe(url), "45.2.0.192.zen.spamhaus.org TXT");
        assert_eq!(resolver_of(url), "https://dns.google/resolve");
        assert_eq!(describe("https://x/dns-query?name=a%2Eb"), "a.b A");
        assert_eq!(describe("https://x/"), "https://x/");
    }
}
