//! An in-memory `Transport` with a real timer: answers come from a function of the question,
//! can be delayed, fail at the HTTP or transport level, or be malformed.
#![allow(dead_code)]

use ndr_dnsbl::{HttpRequest, HttpResponse, Transport, TransportError};
use std::cell::{Cell, RefCell};
use std::time::{Duration, Instant};

/// One question as the transport saw it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// `dns.google`, `cloudflare-dns.com`, ...
    pub host: String,
    /// True for `/dns-query` (Cloudflare style).
    pub cloudflare: bool,
    pub name: String,
    pub qtype: String,
    pub accept: String,
}

/// What the fake network does with a question.
#[derive(Debug, Clone)]
pub enum Reply {
    /// HTTP 200 with this body.
    Body(String),
    /// This HTTP status, with an optional Retry-After.
    Status(u16, Option<String>),
    /// No HTTP response.
    Fail(TransportError),
    /// Wait, then reply.
    After(Duration, Box<Reply>),
}

type Handler = Box<dyn Fn(&Question) -> Reply>;

pub struct Mem {
    start: Instant,
    /// Added to the clock, to make cached answers expire without waiting.
    pub skew: Cell<Duration>,
    handler: RefCell<Handler>,
    pub log: RefCell<Vec<Question>>,
}

impl Mem {
    pub fn new(handler: impl Fn(&Question) -> Reply + 'static) -> Mem {
        Mem {
            start: Instant::now(),
            skew: Cell::new(Duration::ZERO),
            handler: RefCell::new(Box::new(handler)),
            log: RefCell::new(Vec::new()),
        }
    }

    pub fn set_handler(&self, handler: impl Fn(&Question) -> Reply + 'static) {
        *self.handler.borrow_mut() = Box::new(handler);
    }

    pub fn requests(&self) -> usize {
        self.log.borrow().len()
    }
}

fn param(url: &str, key: &str) -> String {
    url.split_once('?')
        .map(|(_, q)| q)
        .unwrap_or("")
        .split('&')
        .find_map(|p| p.strip_prefix(&format!("{key}=")))
        .unwrap_or("")
        .to_string()
}

/// A sleep that works with any executor: a thread completes a oneshot.
pub async fn real_sleep(d: Duration) {
    let (tx, rx) = futures_channel::oneshot::channel::<()>();
    std::thread::spawn(move || {
        std::thread::sleep(d);
        let _ = tx.send(());
    });
    let _ = rx.await;
}

impl Transport for Mem {
    async fn get(&self, request: HttpRequest<'_>) -> Result<HttpResponse, TransportError> {
        let rest = request.url.split_once("://").map(|(_, r)| r).unwrap_or("");
        let host = rest.split('/').next().unwrap_or("").to_string();
        let q = Question {
            host,
            cloudflare: request.url.contains("/dns-query?"),
            name: param(request.url, "name"),
            qtype: param(request.url, "type"),
            accept: request.accept.to_string(),
        };
        self.log.borrow_mut().push(q.clone());
        let mut reply = (self.handler.borrow())(&q);
        loop {
            match reply {
                Reply::After(d, next) => {
                    real_sleep(d).await;
                    reply = *next;
                }
                Reply::Body(b) => {
                    return Ok(HttpResponse {
                        status: 200,
                        retry_after: None,
                        body: b.into_bytes(),
                    })
                }
                Reply::Status(s, retry_after) => {
                    return Ok(HttpResponse {
                        status: s,
                        retry_after,
                        body: b"error".to_vec(),
                    })
                }
                Reply::Fail(e) => return Err(e),
            }
        }
    }

    async fn sleep(&self, duration: Duration) {
        real_sleep(duration).await
    }

    fn now(&self) -> Duration {
        self.start.elapsed() + self.skew.get()
    }
}

/// A Google- or Cloudflare-style JSON answer.
pub fn answer(q: &Question, status: u16, records: &[(u16, &str)], ttl: u32) -> Reply {
    let owner = if q.cloudflare {
        q.name.clone()
    } else {
        format!("{}.", q.name)
    };
    let answers: Vec<serde_json::Value> = records
        .iter()
        .map(|(t, data)| serde_json::json!({"name": owner, "type": t, "TTL": ttl, "data": data}))
        .collect();
    let mut v = serde_json::json!({
        "Status": status, "TC": false, "RD": true, "RA": true, "AD": false, "CD": false,
        "Question": [{"name": owner, "type": if q.qtype == "TXT" { 16 } else { 1 }}],
    });
    if !answers.is_empty() {
        v["Answer"] = serde_json::Value::Array(answers);
    } else {
        v["Authority"] = serde_json::json!([{"name": "zone.", "type": 6, "TTL": ttl,
            "data": format!("ns.zone. hostmaster.zone. 1 3600 600 86400 {ttl}")}]);
    }
    Reply::Body(v.to_string())
}

/// A listed A answer.
pub fn listed(q: &Question, addrs: &[&str]) -> Reply {
    let recs: Vec<(u16, &str)> = addrs.iter().map(|a| (1u16, *a)).collect();
    answer(q, 0, &recs, 300)
}

/// NXDOMAIN.
pub fn nx(q: &Question) -> Reply {
    answer(q, 3, &[], 300)
}

/// A TXT answer quoted the way each resolver quotes it.
pub fn txt(q: &Question, strings: &[&str]) -> Reply {
    let data = if q.cloudflare {
        strings
            .iter()
            .map(|s| format!("\"{}\"", s.replace('"', "\\\"")))
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        strings.concat()
    };
    answer(q, 0, &[(16, &data)], 300)
}

/// Whether a name is one of the always-listed test points the catalogue uses.
pub fn is_positive_test_point(name: &str) -> bool {
    name.starts_with("2.0.0.127.")
        || name.starts_with("2.0.0.0.0.0.f.7.f.f.f.f.")
        || name.starts_with("test.")
        || name.starts_with("dbltest.com.")
        || name.starts_with("test.uribl.com.")
        || name.starts_with("test.surbl.org.")
}

/// An honest world: test points behave, `listings` are listed (with TXT), the rest is NXDOMAIN.
pub fn honest(
    listings: &'static [(&'static str, &'static [&'static str], &'static str)],
) -> impl Fn(&Question) -> Reply {
    move |q: &Question| {
        if let Some((_, addrs, reason)) = listings.iter().find(|(n, _, _)| *n == q.name) {
            return if q.qtype == "TXT" {
                txt(q, &[reason])
            } else {
                listed(q, addrs)
            };
        }
        if is_positive_test_point(&q.name) {
            return if q.qtype == "TXT" {
                txt(q, &["test point"])
            } else {
                listed(q, &["127.0.0.2"])
            };
        }
        nx(q)
    }
}
