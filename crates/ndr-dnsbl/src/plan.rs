//! What to look up for a `Diagnosis`: the blocked IP (else the sending IP the bounce names) and
//! the sender's domain, against the default lists plus the list the bounce names (or a note that
//! it names a closed one).

use crate::catalogue::{default_lists, find, is_closed_zone, ClosedList, List};
use crate::outcome::Row;
use crate::session::Session;
use crate::target::Target;
use crate::transport::Transport;
use ndr_core::Diagnosis;

/// The targets and lists for one diagnosis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// The blocked IP, else the sending IP (when it is a public address), and the sender domain
    /// (when it is not a reserved name), in that order.
    pub targets: Vec<Target>,
    /// The default lists, with the list the bounce names moved (or added) to the front.
    pub lists: Vec<&'static List>,
    /// The closed list the bounce names, if it names one: the receiver still uses it.
    pub closed: Option<&'static ClosedList>,
}

impl Plan {
    /// Reads `blocked_ip`, else `sending_ip` (only if public: a private or documentation
    /// address is not on any public list), `sender_domain` (only if public: not under a name
    /// reserved for examples, tests or local use) and `list_zone` of a diagnosis. The sending
    /// address of a refusal that blocks no address (Gmail's spam refusal, an authentication
    /// failure) is still asked about: a listing of it can explain the refusal.
    pub fn for_diagnosis(d: &Diagnosis) -> Plan {
        let mut targets = Vec::new();
        let (address, scope) = looked_up_ip(d);
        if let Some(ip) = address.and_then(|s| Target::parse(s).ok()) {
            let public = match scope {
                Some(scope) => scope.is_checkable(),
                None => ip.is_public(),
            };
            if matches!(ip, Target::Ip(_)) && public {
                targets.push(ip);
            }
        }
        if let Some(domain) = d
            .sender_domain
            .as_deref()
            .and_then(|s| Target::parse(s).ok())
        {
            // A reserved name (`.example`, `.test`, `example.com`) is in no public zone: it is
            // not sent to DNS at all.
            if matches!(domain, Target::Domain(_)) && domain.is_public() {
                targets.push(domain);
            }
        }
        let mut lists = default_lists();
        let mut closed = None;
        if let Some(zone) = d.list_zone.as_deref() {
            if let Some(c) = is_closed_zone(zone) {
                closed = Some(c);
            } else if let Some(named) = find(zone) {
                lists.retain(|l| l.zone != named.zone);
                lists.insert(0, named);
            }
        }
        Plan {
            targets,
            lists,
            closed,
        }
    }
}

/// The address the lookups ask about, with its scope: the blocked one, else the sending one.
fn looked_up_ip(d: &Diagnosis) -> (Option<&str>, Option<ndr_core::IpScope>) {
    match d.blocked_ip.as_deref() {
        Some(ip) => (Some(ip), d.blocked_ip_scope),
        None => (d.sending_ip.as_deref(), d.sending_ip_scope),
    }
}

impl<T: Transport + 'static> Session<T> {
    /// What `diagnose --lookup` and the page call: looks up the diagnosis's blocked IP (else
    /// its sending IP) and sender domain. When the bounce names a closed list, a row saying so
    /// comes first (for the first target, else the blocked or sending IP).
    pub async fn lookup_diagnosis(&self, d: &Diagnosis, mut on_row: impl FnMut(&Row)) -> Vec<Row> {
        let plan = Plan::for_diagnosis(d);
        let mut rows = Vec::new();
        if let Some(closed) = plan.closed {
            let who = plan
                .targets
                .first()
                .map(|t| t.to_string())
                .or_else(|| looked_up_ip(d).0.map(str::to_string))
                .unwrap_or_default();
            let row = Row::closed(&who, closed, 0);
            on_row(&row);
            rows.push(row);
        }
        rows.extend(self.lookup(&plan.targets, &plan.lists, on_row).await);
        rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndr_core::IpScope;

    #[test]
    fn plan_takes_public_ip_and_domain_and_the_named_list_first() {
        let d = Diagnosis {
            blocked_ip: Some("8.8.8.8".into()),
            blocked_ip_scope: Some(IpScope::Public),
            sender_domain: Some("Example.JP".into()),
            list_zone: Some("b.barracudacentral.org".into()),
            ..Diagnosis::default()
        };
        let p = Plan::for_diagnosis(&d);
        assert_eq!(
            p.targets,
            vec![
                Target::parse("8.8.8.8").unwrap(),
                Target::Domain("example.jp".into())
            ]
        );
        assert_eq!(p.lists[0].zone, "b.barracudacentral.org");
        assert_eq!(
            p.lists
                .iter()
                .filter(|l| l.zone == "b.barracudacentral.org")
                .count(),
            1
        );
        assert!(p.closed.is_none());
    }

    #[test]
    fn plan_skips_private_addresses_and_notes_closed_lists() {
        let d = Diagnosis {
            blocked_ip: Some("192.0.2.1".into()),
            blocked_ip_scope: Some(IpScope::Documentation),
            list_zone: Some("dnsbl.sorbs.net".into()),
            ..Diagnosis::default()
        };
        let p = Plan::for_diagnosis(&d);
        assert!(p.targets.is_empty());
        assert_eq!(p.closed.unwrap().name, "SORBS");
        let unscoped = Diagnosis {
            blocked_ip: Some("10.0.0.1".into()),
            ..Diagnosis::default()
        };
        assert!(Plan::for_diagnosis(&unscoped).targets.is_empty());
    }

    /// Task h215: a refusal that names the sending address without blocking it (Gmail's spam
    /// refusal, an authentication failure) still has it looked up, under the same public-scope
    /// rule; a blocked address goes first when both are known.
    #[test]
    fn plan_takes_the_sending_ip_when_none_is_blocked() {
        let sending_only = Diagnosis {
            sending_ip: Some("8.8.4.4".into()),
            sending_ip_scope: Some(IpScope::Public),
            ..Diagnosis::default()
        };
        assert_eq!(
            Plan::for_diagnosis(&sending_only).targets,
            vec![Target::parse("8.8.4.4").unwrap()]
        );
        let documentation = Diagnosis {
            sending_ip: Some("192.0.2.33".into()),
            sending_ip_scope: Some(IpScope::Documentation),
            ..Diagnosis::default()
        };
        assert!(Plan::for_diagnosis(&documentation).targets.is_empty());
        let unscoped_private = Diagnosis {
            sending_ip: Some("10.1.2.3".into()),
            ..Diagnosis::default()
        };
        assert!(Plan::for_diagnosis(&unscoped_private).targets.is_empty());
        let both = Diagnosis {
            blocked_ip: Some("8.8.8.8".into()),
            blocked_ip_scope: Some(IpScope::Public),
            ..sending_only
        };
        assert_eq!(
            Plan::for_diagnosis(&both).targets,
            vec![Target::parse("8.8.8.8").unwrap()]
        );
    }

    /// Review 3, U2: a documentation IP was "not checked", but the `.example` sender domain of
    /// the same bounce still went to DNS.
    #[test]
    fn plan_skips_reserved_domains_and_keeps_real_ones() {
        let with = |domain: &str| Diagnosis {
            sender_domain: Some(domain.into()),
            ..Diagnosis::default()
        };
        for reserved in [
            "greenleafbakery-sample.example",
            "EXAMPLE.COM",
            "mail.example.net",
            "shop.example.org",
            "a.b.test",
            "foo.invalid",
            "printer.localhost",
            "nas.local",
            "router.home.arpa",
            "jenny@riverschool.example",
        ] {
            assert!(
                Plan::for_diagnosis(&with(reserved)).targets.is_empty(),
                "{reserved}"
            );
        }
        for real in [
            "example.jp",
            "myexample.com",
            "example.com.au",
            "testing.org",
            "notexample.org",
            "contest",
        ] {
            let p = Plan::for_diagnosis(&with(real));
            if real == "contest" {
                // One label is not a domain to look up at all.
                assert!(p.targets.is_empty());
                continue;
            }
            assert_eq!(p.targets.len(), 1, "{real}");
            assert!(p.targets[0].is_public(), "{real}");
        }
        // The DBL stays in the plan for a real domain.
        let p = Plan::for_diagnosis(&with("shop.co.jp"));
        assert!(p.lists.iter().any(|l| l.zone == "dbl.spamhaus.org"));
    }
}
