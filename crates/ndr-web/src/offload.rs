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
            let diagnosis =
                serde_json::from_str::<Diagnosis>(&json).unwrap_or_else(|_| Diagnosis {
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
