//! Runs the blocklist lookups for one run and reports each answer as an `Action`.
//!
//! This adapter is the only place that knows `ndr-dnsbl`'s session types. It copies each
//! result into a `state::Row` without judging it: the blocklist crate alone decides listed,
//! not listed or could not check.

use std::cell::Cell;
use std::rc::Rc;

use ndr_core::Diagnosis;
use ndr_dnsbl::{Options, Outcome, Session};
use yew::Callback;

use crate::state::{Action, Asked, Bi, Resolver, Row, RowState};
use crate::transport::{describe, resolver_of, GlooTransport};

/// Copies a blocklist crate row into the page's row.
pub fn row_of(row: &ndr_dnsbl::Row) -> Row {
    let bi = |ja: Option<String>, en: Option<String>| match (ja, en) {
        (Some(ja), Some(en)) => Some(Bi { ja, en }),
        _ => None,
    };
    let state = match &row.outcome {
        Outcome::Listed { .. } => RowState::Listed {
            meaning: bi(row.meaning(true), row.meaning(false)).filter(|m| !m.en.is_empty()),
            txt: row.txt().map(str::to_string),
            codes: row.codes(),
        },
        Outcome::NotListed { .. } => RowState::NotListed {
            note: bi(row.meaning(true), row.meaning(false)),
        },
        Outcome::Unavailable { why, .. } => RowState::Unavailable {
            why: why.id().to_string(),
            detail: row.detail(),
        },
    };
    Row {
        target: row.target.clone(),
        zone: row.zone.to_string(),
        name: row.list.to_string(),
        lookup_url: Some(row.lookup_url.clone()).filter(|u| !u.is_empty()),
        state,
    }
}

/// Starts the lookups planned for `diagnosis` (run `run`) through `resolver` only: the
/// user chose it, so no other resolver is asked behind their back.
pub fn start(
    run: u64,
    diagnosis: Rc<Diagnosis>,
    resolver: Resolver,
    dispatch: Callback<Action>,
    alive: Rc<Cell<u64>>,
) {
    let on_send = {
        let dispatch = dispatch.clone();
        move |url: &str| {
            dispatch.emit(Action::Asked {
                run,
                asked: Asked {
                    resolver: resolver_of(url).to_string(),
                    name: describe(url),
                },
            })
        }
    };
    let transport = GlooTransport::new(run, alive, on_send);
    let resolver =
        ndr_dnsbl::Resolver::parse(resolver.url).unwrap_or_else(|_| ndr_dnsbl::Resolver::google());
    let options = Options {
        resolvers: vec![resolver],
        ..Options::default()
    };
    let session = Session::new(transport, options);
    wasm_bindgen_futures::spawn_local(async move {
        session
            .lookup_diagnosis(&diagnosis, |row| {
                dispatch.emit(Action::LookupResult {
                    run,
                    row: row_of(row),
                })
            })
            .await;
        dispatch.emit(Action::LookupsDone { run });
    });
}
