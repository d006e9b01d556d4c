//! The only door to the network: a small async trait the CLI, the page and the tests implement.

use std::fmt;
use std::time::Duration;

/// One GET to a DoH endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HttpRequest<'a> {
    /// The full URL with its query.
    pub url: &'a str,
    /// The `Accept` header to send (`application/dns-json`).
    pub accept: &'a str,
}

/// What came back, whatever the status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpResponse {
    /// The HTTP status code.
    pub status: u16,
    /// The `Retry-After` header, if present and readable.
    pub retry_after: Option<String>,
    /// The body.
    pub body: Vec<u8>,
}

/// A request that got no HTTP response at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TransportError {
    /// Connecting, TLS, DNS for the resolver's own host, or a reset.
    Network(String),
    /// The transport's own timeout fired (the session has its own too).
    TimedOut,
    /// The browser refused (CORS, mixed content, blocked by an extension).
    Blocked(String),
}

impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TransportError::Network(m) => write!(f, "network error: {m}"),
            TransportError::TimedOut => f.write_str("timed out"),
            TransportError::Blocked(m) => write!(f, "blocked by the browser: {m}"),
        }
    }
}

impl std::error::Error for TransportError {}

/// HTTP GET plus a timer and a clock, so deadlines work without tokio, in the browser too.
///
/// Futures need not be `Send`: the browser's are not.
#[allow(async_fn_in_trait)]
pub trait Transport {
    /// GETs `request.url` with the given `Accept` header. Any HTTP status is a response,
    /// not an error.
    async fn get(&self, request: HttpRequest<'_>) -> Result<HttpResponse, TransportError>;

    /// Completes after `duration`.
    async fn sleep(&self, duration: Duration);

    /// A monotonic clock: time since any fixed origin.
    fn now(&self) -> Duration;
}
