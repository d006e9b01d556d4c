//! Runs the blocklist lookups for one run and reports each answer as an `Action`.
//!
//! This adapter is the only place that knows `ndr-dnsbl`'s session types. It copies each
//! result into a `state::Row` without judging it: the blocklist crate alone decides listed,
//! not listed or could not check.

use std::cell::Cell;
use std::rc::Rc;

use ndr_core::Diagnosis;
use ndr_dnsbl::{Options, Outcome, Session, Why};
use yew::Callback;

use crate::state::{Action, Asked, Bi, Resolver, Row, RowState};
use crate::transport::{describe, resolver_of, GlooTransport};

/// What a resolver actually answered, in codes rather than sentences, so the technical line
/// reads the same in both languages (the sentence above it is translated).
fn evidence_of(why: &Why) -> String {
    match why {
        Why::Http(status) => format!("HTTP {status}"),
        Why::RateLimited {
            retry_after: Some(s),
        } => format!("HTTP 429, Retry-After {s}"),
        Why::RateLimited { retry_after: None } => "HTTP 429".to_string(),
        Why::ServFail => "SERVFAIL".to_string(),
        Why::DnsRefused => "REFUSED".to_string(),
        Why::DnsStatus(s) => format!("RCODE {s}"),
        Why::RefusedByList { code, .. } => code.to_string(),
        Why::TestPointNotListed { name } => format!("{name} → NXDOMAIN"),
        Why::ZoneListsEverything { name } => format!("{name} → listed"),
        Why::Timeout => "timeout".to_string(),
        Why::DeadlinePassed => "deadline".to_string(),
        Why::Network(m) | Why::BadResponse(m) | Why::UnexpectedAnswer(m) => m.clone(),
        other => other.id().to_string(),
    }
}

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
        Outcome::Unavailable { why, tried } => RowState::Unavailable {
            why: why.id().to_string(),
            detail: tried
                .iter()
                .map(|a| format!("{}: {}", a.resolver, evidence_of(&a.why)))
                .collect::<Vec<_>>()
                .join("; "),
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

#[cfg(test)]
mod tests {
    use super::*;
    use ndr_dnsbl::{Attempt, Hit, Text};
    use std::net::Ipv4Addr;

    fn row(outcome: Outcome) -> ndr_dnsbl::Row {
        ndr_dnsbl::Row {
            target: "93.184.216.34".into(),
            zone: "zen.spamhaus.org",
            list: "Spamhaus ZEN",
            party: None,
            outcome,
            resolver: Some("dns.google".into()),
            lookup_url: "https://check.spamhaus.org/".into(),
            delist_url: "https://check.spamhaus.org/",
            order: 1,
        }
    }

    #[test]
    fn each_outcome_keeps_its_state() {
        let listed = row_of(&row(Outcome::Listed {
            hits: vec![Hit {
                code: Ipv4Addr::new(127, 0, 0, 4),
                sub_list: "XBL",
                meaning: Text {
                    en: "exploited host",
                    ja: "乗っ取られた機器",
                },
            }],
            txt: Some("see the site".into()),
        }));
        assert_eq!(
            listed.state,
            RowState::Listed {
                meaning: Some(Bi {
                    ja: "乗っ取られた機器".into(),
                    en: "exploited host".into()
                }),
                txt: Some("see the site".into()),
                codes: vec!["127.0.0.4".into()],
            }
        );
        assert_eq!(
            listed.lookup_url.as_deref(),
            Some("https://check.spamhaus.org/")
        );
        let clean = row_of(&row(Outcome::NotListed { note: None }));
        assert_eq!(clean.state, RowState::NotListed { note: None });
    }

    /// Whatever went wrong, the page row says "could not check" with the reason and what the
    /// resolver answered, never "not listed".
    #[test]
    fn failures_stay_failures() {
        for (why, shown) in [
            (Why::Http(500), "dns.google: HTTP 500"),
            (
                Why::RateLimited {
                    retry_after: Some(30),
                },
                "dns.google: HTTP 429, Retry-After 30",
            ),
            (Why::ServFail, "dns.google: SERVFAIL"),
            (Why::Timeout, "dns.google: timeout"),
            (
                Why::TestPointNotListed {
                    name: "2.0.0.127.zen.spamhaus.org".into(),
                },
                "dns.google: 2.0.0.127.zen.spamhaus.org → NXDOMAIN",
            ),
        ] {
            let id = why.id().to_string();
            let r = row_of(&row(Outcome::Unavailable {
                why: why.clone(),
                tried: vec![Attempt {
                    resolver: "dns.google".into(),
                    why,
                }],
            }));
            assert_eq!(
                r.state,
                RowState::Unavailable {
                    why: id,
                    detail: shown.into()
                }
            );
        }
    }
}
