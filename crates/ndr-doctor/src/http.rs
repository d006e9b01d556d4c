//! The native DoH transport: each request runs on its own thread with ureq (rustls), and a
//! oneshot channel carries the result back to the async `Transport` trait; timers are threads
//! too, so `futures-executor` is all the runtime the CLI needs.

use futures_channel::oneshot;
use ndr_dnsbl::{HttpRequest, HttpResponse, Transport, TransportError};
use std::io::Read;
use std::time::{Duration, Instant};

/// A DoH JSON answer is a few kilobytes; anything bigger is not one.
const MAX_BODY: u64 = 1 << 20;

pub(crate) struct NativeTransport {
    agent: ureq::Agent,
    start: Instant,
}

impl NativeTransport {
    /// `limit` bounds a whole request in ureq itself, as a backstop to the session's own
    /// timeouts (a thread must not hang forever).
    pub(crate) fn new(limit: Duration) -> NativeTransport {
        let config = ureq::Agent::config_builder()
            .timeout_global(Some(limit))
            // Every status is an answer to interpret (429 with Retry-After, 5xx), not an error.
            .http_status_as_error(false)
            .user_agent(concat!("ndr-doctor/", env!("CARGO_PKG_VERSION")))
            .build();
        NativeTransport {
            agent: config.into(),
            start: Instant::now(),
        }
    }
}

fn fetch(agent: &ureq::Agent, url: &str, accept: &str) -> Result<HttpResponse, TransportError> {
    let mut response = agent
        .get(url)
        .header("accept", accept)
        .call()
        .map_err(|e| match e {
            ureq::Error::Timeout(_) => TransportError::TimedOut,
            other => TransportError::Network(other.to_string()),
        })?;
    let status = response.status().as_u16();
    let retry_after = response
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let mut body = Vec::new();
    response
        .body_mut()
        .as_reader()
        .take(MAX_BODY)
        .read_to_end(&mut body)
        .map_err(|e| TransportError::Network(format!("reading the body: {e}")))?;
    Ok(HttpResponse {
        status,
        retry_after,
        body,
    })
}

impl Transport for NativeTransport {
    async fn get(&self, request: HttpRequest<'_>) -> Result<HttpResponse, TransportError> {
        let (tx, rx) = oneshot::channel();
        let agent = self.agent.clone();
        let url = request.url.to_string();
        let accept = request.accept.to_string();
        std::thread::Builder::new()
            .name("doh-request".into())
            .spawn(move || {
                let _ = tx.send(fetch(&agent, &url, &accept));
            })
            .map_err(|e| TransportError::Network(format!("cannot start a thread: {e}")))?;
        rx.await
            .unwrap_or_else(|_| Err(TransportError::Network("the request thread died".into())))
    }

    async fn sleep(&self, duration: Duration) {
        let (tx, rx) = oneshot::channel::<()>();
        let started = std::thread::Builder::new()
            .name("doh-timer".into())
            .spawn(move || {
                std::thread::sleep(duration);
                let _ = tx.send(());
            });
        if started.is_ok() {
            let _ = rx.await;
        }
    }

    fn now(&self) -> Duration {
        self.start.elapsed()
    }
}
