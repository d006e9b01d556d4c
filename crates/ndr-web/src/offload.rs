//! Runs `diagnose` for large pastes in a Web Worker, so the page keeps painting and
//! answering while a multi-megabyte bounce is read.
//!
//! The worker (`web/worker.js`) loads this very wasm module (already in the browser's cache,
//! so nothing more is downloaded) and calls its `diagnose_bytes` export. Answers come back as
//! the `Diagnosis` JSON with the run number they belong to. When a worker cannot be started
//! (an old browser, a host page's CSP), the caller diagnoses on the main thread instead.

use std::cell::RefCell;
use std::rc::Rc;

use ndr_core::Diagnosis;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// Pastes up to this size are diagnosed on the main thread: it takes a few milliseconds, less
/// than starting a worker.
pub const THRESHOLD_BYTES: usize = 256 * 1024;

type Callback = Box<dyn FnOnce(Diagnosis)>;

struct Offload {
    worker: web_sys::Worker,
    /// The callbacks of runs still in flight, by run number.
    waiting: Rc<RefCell<Vec<(u64, Callback)>>>,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
}

thread_local! {
    static OFFLOAD: RefCell<Option<Offload>> = const { RefCell::new(None) };
}

fn start() -> Option<Offload> {
    let base = web_sys::window()?.document()?.base_uri().ok()??;
    let url = web_sys::Url::new_with_base("worker.js", &base).ok()?.href();
    let options = web_sys::WorkerOptions::new();
    options.set_type(web_sys::WorkerType::Module);
    let worker = web_sys::Worker::new_with_options(&url, &options).ok()?;
    let waiting: Rc<RefCell<Vec<(u64, Callback)>>> = Rc::default();
    let on_message = {
        let waiting = waiting.clone();
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let data = e.data();
            let run = js_sys::Reflect::get(&data, &"run".into())
                .ok()
                .and_then(|v| v.as_f64())
                .map(|v| v as u64);
            let json = js_sys::Reflect::get(&data, &"json".into())
                .ok()
                .and_then(|v| v.as_string());
            let (Some(run), Some(json)) = (run, json) else {
                return;
            };
            let callback = {
                let mut waiting = waiting.borrow_mut();
                let at = waiting.iter().position(|(r, _)| *r == run);
                at.map(|i| waiting.remove(i).1)
            };
            // A reply the worker could not produce (a crash inside it) leaves an empty
            // diagnosis with a note, never a hang.
            let diagnosis = diagnosis_from_json(&json).unwrap_or_else(|| Diagnosis {
                notes: vec![ndr_core::Note {
                    id: "worker_failed".into(),
                    detail: String::new(),
                }],
                ..Diagnosis::default()
            });
            if let Some(callback) = callback {
                callback(diagnosis);
            }
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    Some(Offload {
        worker,
        waiting,
        _on_message: on_message,
    })
}

/// No worker could take the bytes: the caller diagnoses them itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoWorker;

/// Sends `bytes` to the worker; `done` gets the diagnosis.
pub fn diagnose(
    run: u64,
    bytes: &[u8],
    done: impl FnOnce(Diagnosis) + 'static,
) -> Result<(), NoWorker> {
    OFFLOAD.with(|cell| {
        let mut cell = cell.borrow_mut();
        if cell.is_none() {
            *cell = start();
        }
        let Some(offload) = cell.as_ref() else {
            return Err(NoWorker);
        };
        let message = js_sys::Object::new();
        let array = js_sys::Uint8Array::from(bytes);
        let _ = js_sys::Reflect::set(&message, &"run".into(), &JsValue::from_f64(run as f64));
        let _ = js_sys::Reflect::set(&message, &"bytes".into(), &array);
        let transfer = js_sys::Array::of1(&array.buffer());
        // Older runs will never be shown; forget their callbacks.
        offload
            .waiting
            .borrow_mut()
            .retain(|(r, _)| *r > run.saturating_sub(4));
        offload.waiting.borrow_mut().push((run, Box::new(done)));
        offload
            .worker
            .post_message_with_transfer(&message, &transfer)
            .map_err(|_| NoWorker)
    })
}

/// The `Diagnosis` the worker sent as JSON (ndr-core's serde names), or `None` when it is not
/// one.
///
/// Read by hand from a `serde_json::Value`, which the page parses anyway (DoH answers): the
/// derived `Deserialize` of the Diagnosis types cost the page about 16 KiB of gzip.
/// `worker_json_reads_as_serde_does` checks it against the derived reading.
pub fn diagnosis_from_json(json: &str) -> Option<Diagnosis> {
    use ndr_core::{Evidence, IpScope, Party, Reason, Recipient};
    use serde_json::Value;

    let v: Value = serde_json::from_str(json).ok()?;
    fn text(v: &Value, k: &str) -> Option<String> {
        v.get(k)?.as_str().map(str::to_string)
    }
    fn list<'v>(v: &'v Value, k: &str) -> &'v [Value] {
        v.get(k)
            .and_then(Value::as_array)
            .map_or(&[], Vec::as_slice)
    }
    let reason = |v: &Value| Reason::from_name(v.get("reason")?.as_str()?);
    let scope = |s: &str| {
        Some(match s {
            "public" => IpScope::Public,
            "private" => IpScope::Private,
            "loopback" => IpScope::Loopback,
            "documentation" => IpScope::Documentation,
            "reserved" => IpScope::Reserved,
            _ => return None,
        })
    };
    let span = |v: &Value| {
        let pair = v.get("span")?.as_array()?;
        let at = |i: usize| pair.get(i)?.as_u64().and_then(|n| usize::try_from(n).ok());
        Some((at(0)?, at(1)?))
    };
    let mut recipients = Vec::new();
    for r in list(&v, "recipients") {
        recipients.push(Recipient {
            recipient: text(r, "recipient")?,
            action: text(r, "action")?,
            status: text(r, "status"),
            implied_status: text(r, "implied_status"),
            reply_code: text(r, "reply_code"),
            reason: reason(r)?,
            hard_bounce: r.get("hard_bounce")?.as_bool()?,
            remote_host: text(r, "remote_host"),
            diagnostic_text: text(r, "diagnostic_text")?,
            command: text(r, "command"),
            // Left out of the JSON when there is none (ndr-core's `skip_serializing_if`).
            original_recipient: text(r, "original_recipient"),
        });
    }
    let mut evidence = Vec::new();
    for e in list(&v, "evidence") {
        evidence.push(Evidence {
            field: text(e, "field")?,
            text: text(e, "text")?,
            span: span(e),
            // Left out of the JSON when the text is the lines themselves.
            lines: text(e, "lines"),
        });
    }
    let mut notes = Vec::new();
    for n in list(&v, "notes") {
        notes.push(ndr_core::Note {
            id: text(n, "id")?,
            detail: text(n, "detail")?,
        });
    }
    Some(Diagnosis {
        source: text(&v, "source"),
        recipients,
        reason: reason(&v)?,
        hard_bounce: v.get("hard_bounce")?.as_bool()?,
        blocked_ip: text(&v, "blocked_ip"),
        blocked_ip_scope: text(&v, "blocked_ip_scope").and_then(|s| scope(&s)),
        // Left out of the JSON when there is none, like `sent_at`.
        sending_ip: text(&v, "sending_ip"),
        sending_ip_scope: text(&v, "sending_ip_scope").and_then(|s| scope(&s)),
        remote_host: text(&v, "remote_host"),
        remote_ip: text(&v, "remote_ip"),
        blocking_party: text(&v, "blocking_party").and_then(|p| Party::from_id(&p)),
        list_zone: text(&v, "list_zone"),
        smtp_code: text(&v, "smtp_code"),
        enhanced_code: text(&v, "enhanced_code"),
        provider_code: text(&v, "provider_code"),
        sender_domain: text(&v, "sender_domain"),
        // Left out of the JSON when there is none, like `sent_at`.
        sender_address: text(&v, "sender_address"),
        // Left out of the JSON when there is none, like `original_recipient`.
        sent_at: text(&v, "sent_at"),
        // Left out of the JSON when there is none, like `sent_at`.
        subject: text(&v, "subject"),
        // Left out of the JSON when there is none, like `sent_at`.
        size_limit_bytes: v.get("size_limit_bytes").and_then(|n| n.as_u64()),
        evidence,
        notes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every fixture of ndr-core (all parties, reasons, scopes, spans and notes they reach),
    /// and a few edited ones, read the same by hand as by the derived `Deserialize`.
    #[test]
    fn worker_json_reads_as_serde_does() {
        let dir =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../ndr-core/test_data/bounces");
        let mut read = 0;
        for entry in std::fs::read_dir(&dir).expect("ndr-core's fixtures") {
            let path = entry.expect("directory entry").path();
            if path.extension().and_then(|e| e.to_str()) != Some("eml")
                && path.extension().and_then(|e| e.to_str()) != Some("txt")
            {
                continue;
            }
            let d = crate::charsets::diagnose(&std::fs::read(&path).expect("readable fixture"));
            let json = serde_json::to_string(&d).expect("serialises");
            assert_eq!(
                diagnosis_from_json(&json).as_ref(),
                Some(&d),
                "{}",
                path.display()
            );
            read += 1;
        }
        assert!(read > 50, "only {read} fixtures");
        // Every party and reason, and the scopes.
        for party in ndr_core::Party::ALL {
            for reason in ndr_core::Reason::ALL {
                let d = Diagnosis {
                    reason: *reason,
                    blocking_party: Some(*party),
                    blocked_ip_scope: Some(ndr_core::IpScope::Reserved),
                    ..Diagnosis::default()
                };
                let json = serde_json::to_string(&d).expect("serialises");
                assert_eq!(diagnosis_from_json(&json), Some(d));
            }
        }
        for scope in ["public", "private", "loopback", "documentation", "reserved"] {
            let json = serde_json::to_string(&Diagnosis::default())
                .expect("serialises")
                .replace(
                    "\"blocked_ip_scope\":null",
                    &format!("\"blocked_ip_scope\":\"{scope}\""),
                );
            let by_serde: Diagnosis = serde_json::from_str(&json).expect("a scope serde knows");
            assert_eq!(diagnosis_from_json(&json), Some(by_serde), "{scope}");
        }
        // The sending address the bounce names without blocking it, in every scope.
        for scope in [
            ndr_core::IpScope::Public,
            ndr_core::IpScope::Private,
            ndr_core::IpScope::Loopback,
            ndr_core::IpScope::Documentation,
            ndr_core::IpScope::Reserved,
        ] {
            let d = Diagnosis {
                sending_ip: Some("192.0.2.33".into()),
                sending_ip_scope: Some(scope),
                ..Diagnosis::default()
            };
            let json = serde_json::to_string(&d).expect("serialises");
            assert_eq!(diagnosis_from_json(&json), Some(d), "{scope:?}");
        }
        // A forwarded recipient keeps the address the sender wrote (ndr-core's fixture
        // forwarded-01 holds one; this one is built, so it holds whatever the fixtures hold).
        let forwarded = Diagnosis {
            recipients: vec![ndr_core::Recipient {
                recipient: "bob@example.net".into(),
                original_recipient: Some("team@example.org".into()),
                ..ndr_core::Recipient::default()
            }],
            ..Diagnosis::default()
        };
        let json = serde_json::to_string(&forwarded).expect("serialises");
        assert!(json.contains("original_recipient"), "{json}");
        assert_eq!(diagnosis_from_json(&json), Some(forwarded));
        // The receiver's size limit a size refusal states (review h217, H1).
        let sized = Diagnosis {
            reason: ndr_core::Reason::MesgTooBig,
            size_limit_bytes: Some(4_310_016),
            ..Diagnosis::default()
        };
        let json = serde_json::to_string(&sized).expect("serialises");
        assert!(json.contains("\"size_limit_bytes\":4310016"), "{json}");
        assert_eq!(diagnosis_from_json(&json), Some(sized));
        // Not a Diagnosis: no answer rather than a wrong one.
        for bad in ["", "null", "[]", "{}", "{\"reason\":\"nosuchreason\"}"] {
            assert_eq!(diagnosis_from_json(bad), None, "{bad}");
        }
    }
}
