//! A lookup session: every question starts at once, each under a per-query timeout and an
//! overall deadline; answers are cached for their TTL and identical questions share one
//! request; each list is checked against its RFC 5782 test points once per resolver; transport
//! failures fall back to the next resolver; and every name asked is recorded.

use crate::catalogue::{List, TestPoints};
use crate::decode::{decode, Decoded};
use crate::doh_json::{self, DnsAnswer};
use crate::outcome::{Attempt, Outcome, Row, Why};
use crate::resolver::{QType, Resolver, DNS_JSON};
use crate::target::{Family, Target};
use crate::transport::{HttpRequest, HttpResponse, Transport, TransportError};
use futures_util::future::{self, Either, FutureExt, LocalBoxFuture, Shared};
use futures_util::stream::{FuturesUnordered, StreamExt};
use std::cell::RefCell;
use std::net::{IpAddr, Ipv6Addr};
use std::rc::Rc;
use std::time::Duration;

/// How a session asks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Resolvers in order of preference; the later ones are fallbacks.
    pub resolvers: Vec<Resolver>,
    /// How long one HTTP request may take.
    pub query_timeout: Duration,
    /// How long one `lookup` may take in all, waits for Retry-After included.
    pub deadline: Duration,
    /// The longest an answer is cached, whatever its TTL.
    pub max_cache_ttl: Duration,
}

impl Default for Options {
    /// Google first, Cloudflare as the fallback; 5 s per query, 12 s in all, cache up to 1 h.
    fn default() -> Self {
        Options {
            resolvers: vec![Resolver::google(), Resolver::cloudflare()],
            query_timeout: Duration::from_secs(5),
            deadline: Duration::from_secs(12),
            max_cache_ttl: Duration::from_secs(3600),
        }
    }
}

/// One DNS question the session sent (cache hits and shared requests are not repeated here).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asked {
    /// The resolver's URL.
    pub resolver: String,
    /// The DNS name.
    pub name: String,
    /// A or TXT.
    pub qtype: QType,
}

/// A clean DNS answer (NOERROR or NXDOMAIN), or why there is none.
type Exchange = Result<DnsAnswer, Why>;
type SharedExchange = Shared<LocalBoxFuture<'static, Exchange>>;
type SharedCanary = Shared<LocalBoxFuture<'static, Result<(), Why>>>;

/// A list's test points through one resolver: being asked, or the verdict kept for the session
/// (kept as a plain value, so the finished future and its handle on the session are dropped).
enum CanaryState {
    Running(SharedCanary),
    Done(Result<(), Why>),
}
/// (resolver index, name, type)
type QuestionKey = (usize, String, QType);
/// (resolver index, zone, family)
type CanaryKey = (usize, &'static str, Family);

/// A map searched in order. A session asks a few dozen questions at most (lists times
/// resolvers times test points), so a scan costs nothing here, while each `HashMap` key type
/// cost the web page about 2 KiB of gzip (hashing and table code per instantiation).
struct Table<K, V>(Vec<(K, V)>);

impl<K, V> Default for Table<K, V> {
    fn default() -> Self {
        Table(Vec::new())
    }
}

impl<K: PartialEq, V> Table<K, V> {
    fn get(&self, key: &K) -> Option<&V> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    fn insert(&mut self, key: K, value: V) {
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some((_, v)) => *v = value,
            None => self.0.push((key, value)),
        }
    }

    fn remove(&mut self, key: &K) {
        self.0.retain(|(k, _)| k != key);
    }
}

struct Inner<T> {
    transport: T,
    options: Options,
    cache: RefCell<Table<QuestionKey, (DnsAnswer, Duration)>>,
    inflight: RefCell<Table<QuestionKey, SharedExchange>>,
    canaries: RefCell<Table<CanaryKey, CanaryState>>,
    /// Per resolver: rate limited until this clock time.
    rate_limited_until: RefCell<Vec<Option<Duration>>>,
    asked: RefCell<Vec<Asked>>,
}

/// Holds the transport, the cache, the test-point results and the record of names asked.
///
/// Cheap to clone (the clones share everything). Not `Send`: it lives on one thread, as the
/// page does.
pub struct Session<T> {
    inner: Rc<Inner<T>>,
}

impl<T> Clone for Session<T> {
    fn clone(&self) -> Self {
        Session {
            inner: Rc::clone(&self.inner),
        }
    }
}

impl<T: Transport + 'static> Session<T> {
    /// A session over this transport.
    pub fn new(transport: T, options: Options) -> Session<T> {
        let n = options.resolvers.len();
        Session {
            inner: Rc::new(Inner {
                transport,
                options,
                cache: RefCell::new(Table::default()),
                inflight: RefCell::new(Table::default()),
                canaries: RefCell::new(Table::default()),
                rate_limited_until: RefCell::new(vec![None; n]),
                asked: RefCell::new(Vec::new()),
            }),
        }
    }

    /// The options it was made with.
    pub fn options(&self) -> &Options {
        &self.inner.options
    }

    /// The transport.
    pub fn transport(&self) -> &T {
        &self.inner.transport
    }

    /// Every question sent so far, in order: what the privacy panel shows.
    pub fn asked(&self) -> Vec<Asked> {
        self.inner.asked.borrow().clone()
    }

    /// How many requests were sent so far.
    pub fn requests_made(&self) -> usize {
        self.inner.asked.borrow().len()
    }

    /// Asks every list that applies about every target. All questions start at once;
    /// `on_row` gets each row as soon as it is known (key-only lists first). A listed row is
    /// delivered twice: at once, then again with the list's TXT reason when that arrives, so
    /// callers replace a row by (target, zone). The returned rows are final, in display order (targets in the order given, lists in the order given).
    ///
    /// Lists that do not key on a target's kind (an IPv4-only list for an IPv6 address, an IP
    /// list for a domain) give no row.
    pub async fn lookup(
        &self,
        targets: &[Target],
        lists: &[&'static List],
        mut on_row: impl FnMut(&Row),
    ) -> Vec<Row> {
        // Saturating: a caller may pass an effectively endless deadline.
        let deadline_at = self
            .inner
            .transport
            .now()
            .saturating_add(self.inner.options.deadline);
        let mut rows = Vec::new();
        let mut tasks = FuturesUnordered::new();
        let mut order = 0;
        let mut seen_targets: Vec<&Target> = Vec::new();
        for target in targets {
            if seen_targets.contains(&target) {
                continue;
            }
            seen_targets.push(target);
            for &list in lists {
                if !applies(list, target.family()) {
                    continue;
                }
                order += 1;
                if !list.is_queried() {
                    let outcome = Outcome::Unavailable {
                        why: Why::KeyRequired,
                        tried: Vec::new(),
                    };
                    let row = Row::new(&target.to_string(), list, outcome, order);
                    on_row(&row);
                    rows.push(row);
                    continue;
                }
                tasks.push(
                    check(
                        Rc::clone(&self.inner),
                        target.clone(),
                        list,
                        order,
                        deadline_at,
                    )
                    .boxed_local(),
                );
            }
        }
        while let Some(done) = tasks.next().await {
            on_row(&done.row);
            match done.reason_text {
                // A listing is shown at once; its reason text follows as a second delivery of
                // the same row, so one slow TXT answer never holds back the verdict.
                Some((r, name)) => tasks.push(
                    with_reason_text(Rc::clone(&self.inner), done.row, r, name, deadline_at)
                        .boxed_local(),
                ),
                None => rows.push(done.row),
            }
        }
        // Catalogue order. An insertion sort (stable, as sort_by_key): a few dozen rows, and
        // the standard sort's code is several KiB of the web page.
        for i in 1..rows.len() {
            let mut j = i;
            while j > 0 && rows[j - 1].order > rows[j].order {
                rows.swap(j - 1, j);
                j -= 1;
            }
        }
        rows
    }
}

/// Whether a list keys on this kind of target.
pub fn applies(list: &List, family: Family) -> bool {
    use crate::catalogue::KeyKind::*;
    matches!(
        (list.key, family),
        (Ipv4, Family::V4)
            | (Ip, Family::V4 | Family::V6)
            | (Ipv6, Family::V6)
            | (Domain, Family::Domain)
            | (IpAndDomain, _)
    )
}

/// A row as far as it is known, and for a listing the question still to ask for its reason
/// text: (resolver index, DNS name).
struct Checked {
    row: Row,
    reason_text: Option<(usize, String)>,
}

impl From<Row> for Checked {
    fn from(row: Row) -> Checked {
        Checked {
            row,
            reason_text: None,
        }
    }
}

/// Asks the resolver that gave the listing for the list's TXT reason. Its failure changes
/// nothing: the row stays listed without a reason text.
async fn with_reason_text<T: Transport + 'static>(
    inner: Rc<Inner<T>>,
    mut row: Row,
    r: usize,
    name: String,
    deadline_at: Duration,
) -> Checked {
    let now = inner.transport.now();
    if now < deadline_at {
        let timeout = inner.options.query_timeout.min(deadline_at - now);
        let txt = exchange(Rc::clone(&inner), r, name, QType::Txt, timeout)
            .await
            .ok()
            .map(|a| a.txts().join(" / "))
            .filter(|t| !t.is_empty());
        row.set_txt(txt);
    }
    row.into()
}

/// One list, one target: tries each resolver until one gives a trustworthy answer.
async fn check<T: Transport + 'static>(
    inner: Rc<Inner<T>>,
    target: Target,
    list: &'static List,
    order: usize,
    deadline_at: Duration,
) -> Checked {
    let label = target.to_string();
    let Some(name) = target.query_name(list.zone) else {
        let outcome = Outcome::Unavailable {
            why: Why::NameTooLong,
            tried: Vec::new(),
        };
        return Row::new(&label, list, outcome, order).into();
    };
    let resolvers = &inner.options.resolvers;
    let mut tried = Vec::new();
    // The first rate-limited resolver and when it may be asked again.
    let mut retry: Option<(usize, Duration)> = None;
    for (r, resolver) in resolvers.iter().enumerate() {
        let now = inner.transport.now();
        let limited = inner
            .rate_limited_until
            .borrow()
            .get(r)
            .copied()
            .flatten()
            .filter(|until| *until > now);
        if let Some(until) = limited {
            // Do not add to a resolver's load while it asks us to wait; try the next one.
            tried.push(Attempt {
                resolver: resolver.host().to_string(),
                why: Why::RateLimited {
                    retry_after: Some((until - now).as_secs().max(1)),
                },
            });
            retry = retry.or(Some((r, until)));
            continue;
        }
        match try_resolver(&inner, r, list, &target, &name, deadline_at).await {
            Ok(outcome) => return answered(&label, list, outcome, order, r, resolver, &name),
            Err(why) => {
                if matches!(why, Why::RateLimited { .. }) {
                    let until = inner.rate_limited_until.borrow().get(r).copied().flatten();
                    if let Some(until) = until {
                        retry = retry.or(Some((r, until)));
                    }
                }
                tried.push(Attempt {
                    resolver: resolver.host().to_string(),
                    why,
                });
            }
        }
    }
    // Every resolver failed; if one only asked us to wait and the wait fits in the deadline,
    // wait and ask it once more.
    if let Some((r, until)) = retry {
        if until < deadline_at {
            let now = inner.transport.now();
            if until > now {
                inner.transport.sleep(until - now).await;
            }
            if let Some(resolver) = resolvers.get(r) {
                match try_resolver(&inner, r, list, &target, &name, deadline_at).await {
                    Ok(outcome) => {
                        return answered(&label, list, outcome, order, r, resolver, &name)
                    }
                    Err(why) => tried.push(Attempt {
                        resolver: resolver.host().to_string(),
                        why,
                    }),
                }
            }
        }
    }
    Row::new(&label, list, Outcome::unavailable(tried), order).into()
}

fn answered(
    label: &str,
    list: &'static List,
    outcome: Outcome,
    order: usize,
    r: usize,
    resolver: &Resolver,
    name: &str,
) -> Checked {
    let listed = matches!(outcome, Outcome::Listed { .. });
    let mut row = Row::new(label, list, outcome, order);
    row.resolver = Some(resolver.host().to_string());
    Checked {
        row,
        reason_text: listed.then(|| (r, name.to_string())),
    }
}

/// Asks one resolver: the real question and the list's test points together. Any doubt is an
/// `Err`, so only a clean negative with passing test points becomes "not listed".
async fn try_resolver<T: Transport + 'static>(
    inner: &Rc<Inner<T>>,
    r: usize,
    list: &'static List,
    target: &Target,
    name: &str,
    deadline_at: Duration,
) -> Result<Outcome, Why> {
    let now = inner.transport.now();
    if now >= deadline_at {
        return Err(Why::DeadlinePassed);
    }
    let timeout = inner.options.query_timeout.min(deadline_at - now);
    let (canary_result, answer) = future::join(
        canary(Rc::clone(inner), r, list, target.family(), timeout),
        exchange(Rc::clone(inner), r, name.to_string(), QType::A, timeout),
    )
    .await;
    let past_deadline = |why: Why| match why {
        Why::Timeout if inner.transport.now() >= deadline_at => Why::DeadlinePassed,
        other => other,
    };
    let answer = answer.map_err(past_deadline)?;
    let addrs = answer.addrs().map_err(Why::BadResponse)?;
    // Refusals and impossible answers are decided before the test points: they say more.
    let verdict = match decode(list, &addrs) {
        Decoded::Refused(code, meaning) => return Err(Why::RefusedByList { code, meaning }),
        Decoded::Unexpected(m) => return Err(Why::UnexpectedAnswer(m)),
        Decoded::Listed(hits) => Ok(hits),
        Decoded::NotListed(note) => Err(note),
    };
    canary_result.map_err(past_deadline)?;
    match verdict {
        // The reason text is asked afterwards, and only for listings (see `with_reason_text`).
        Ok(hits) => Ok(Outcome::Listed { hits, txt: None }),
        Err(note) => Ok(Outcome::NotListed { note }),
    }
}

/// The test names for a list and a kind of target: (must be listed, must not be listed).
fn test_names(list: &List, family: Family) -> (Option<String>, Option<String>) {
    let ip = |t: Target| t.query_name(list.zone);
    let v6 = |last: u16| {
        Target::Ip(IpAddr::V6(Ipv6Addr::new(
            0, 0, 0, 0, 0, 0xffff, 0x7f00, last,
        )))
    };
    let (listed, not_listed) = match family {
        Family::V4 => (
            ip(Target::Ip(IpAddr::V4([127, 0, 0, 2].into()))),
            ip(Target::Ip(IpAddr::V4([127, 0, 0, 1].into()))),
        ),
        Family::V6 => (ip(v6(2)), ip(v6(1))),
        Family::Domain => {
            let listed = match list.test {
                TestPoints::Domain { listed } => listed,
                _ => "test",
            };
            (
                Some(format!("{listed}.{}", list.zone)),
                Some(format!("invalid.{}", list.zone)),
            )
        }
    };
    match list.test {
        TestPoints::ListedOnly => (listed, None),
        _ => (listed, not_listed),
    }
}

/// The list's test points through one resolver, asked once per session (a transient failure
/// is forgotten so that the next lookup asks again).
async fn canary<T: Transport + 'static>(
    inner: Rc<Inner<T>>,
    r: usize,
    list: &'static List,
    family: Family,
    timeout: Duration,
) -> Result<(), Why> {
    let key = (r, list.zone, family);
    let shared = {
        let mut canaries = inner.canaries.borrow_mut();
        match canaries.get(&key) {
            Some(CanaryState::Done(result)) => return result.clone(),
            Some(CanaryState::Running(f)) => f.clone(),
            None => {
                let f = run_canary(Rc::clone(&inner), key, list, timeout)
                    .boxed_local()
                    .shared();
                canaries.insert(key, CanaryState::Running(f.clone()));
                f
            }
        }
    };
    shared.await
}

async fn run_canary<T: Transport + 'static>(
    inner: Rc<Inner<T>>,
    key: CanaryKey,
    list: &'static List,
    timeout: Duration,
) -> Result<(), Why> {
    let (r, _, family) = key;
    let (listed, not_listed) = test_names(list, family);
    let ask = |name: Option<String>| {
        let inner = Rc::clone(&inner);
        async move {
            match name {
                Some(n) => Some((exchange(inner, r, n.clone(), QType::A, timeout).await, n)),
                None => None,
            }
        }
    };
    let (pos, neg) = future::join(ask(listed), ask(not_listed)).await;
    let result = judge_test_points(list, pos, neg);
    let mut canaries = inner.canaries.borrow_mut();
    if result.as_ref().is_err_and(Why::is_transient) {
        canaries.remove(&key);
    } else {
        canaries.insert(key, CanaryState::Done(result.clone()));
    }
    result
}

/// RFC 5782 section 5: the always-listed point must be listed, the never-listed point must not.
fn judge_test_points(
    list: &List,
    pos: Option<(Exchange, String)>,
    neg: Option<(Exchange, String)>,
) -> Result<(), Why> {
    let Some((pos, pos_name)) = pos else {
        return Err(Why::NameTooLong);
    };
    let pos = pos?;
    match decode(list, &pos.addrs().map_err(Why::BadResponse)?) {
        Decoded::Listed(_) => {}
        Decoded::NotListed(_) => return Err(Why::TestPointNotListed { name: pos_name }),
        Decoded::Refused(code, meaning) => return Err(Why::RefusedByList { code, meaning }),
        Decoded::Unexpected(m) => return Err(Why::UnexpectedAnswer(m)),
    }
    if let Some((neg, neg_name)) = neg {
        let neg = neg?;
        match decode(list, &neg.addrs().map_err(Why::BadResponse)?) {
            Decoded::NotListed(_) => {}
            Decoded::Listed(_) => return Err(Why::ZoneListsEverything { name: neg_name }),
            Decoded::Refused(code, meaning) => return Err(Why::RefusedByList { code, meaning }),
            // 127.0.0.1 for the never-listed point is a zone that answers everything.
            Decoded::Unexpected(_) => return Err(Why::ZoneListsEverything { name: neg_name }),
        }
    }
    Ok(())
}

/// One question to one resolver, from the cache, joined to an identical request in flight, or
/// sent.
async fn exchange<T: Transport + 'static>(
    inner: Rc<Inner<T>>,
    r: usize,
    name: String,
    qtype: QType,
    timeout: Duration,
) -> Exchange {
    let key = (r, name, qtype);
    let now = inner.transport.now();
    if let Some((answer, expires)) = inner.cache.borrow().get(&key) {
        if *expires > now {
            return Ok(answer.clone());
        }
    }
    let shared = {
        let mut inflight = inner.inflight.borrow_mut();
        match inflight.get(&key) {
            Some(f) => f.clone(),
            None => {
                let f = send(Rc::clone(&inner), key.clone(), timeout)
                    .boxed_local()
                    .shared();
                inflight.insert(key, f.clone());
                f
            }
        }
    };
    shared.await
}

async fn send<T: Transport + 'static>(
    inner: Rc<Inner<T>>,
    key: QuestionKey,
    timeout: Duration,
) -> Exchange {
    let (r, name, qtype) = &key;
    let result = match inner.options.resolvers.get(*r) {
        None => Err(Why::NoResolver),
        Some(resolver) => {
            let url = resolver.request_url(name, *qtype);
            inner.asked.borrow_mut().push(Asked {
                resolver: resolver.url().to_string(),
                name: name.clone(),
                qtype: *qtype,
            });
            let get = inner.transport.get(HttpRequest {
                url: &url,
                accept: DNS_JSON,
            });
            let sleep = inner.transport.sleep(timeout);
            futures_util::pin_mut!(get, sleep);
            match future::select(get, sleep).await {
                Either::Left((response, _)) => interpret(response, *qtype),
                Either::Right(((), _)) => Err(Why::Timeout),
            }
        }
    };
    let now = inner.transport.now();
    match &result {
        Ok(answer) => {
            let ttl = Duration::from_secs(u64::from(answer.ttl().unwrap_or(0)))
                .min(inner.options.max_cache_ttl);
            if !ttl.is_zero() {
                inner
                    .cache
                    .borrow_mut()
                    .insert(key.clone(), (answer.clone(), now.saturating_add(ttl)));
            }
        }
        Err(Why::RateLimited { retry_after }) => {
            let wait = Duration::from_secs(retry_after.unwrap_or(1));
            if let Some(slot) = inner.rate_limited_until.borrow_mut().get_mut(*r) {
                *slot = Some(now.saturating_add(wait));
            }
        }
        Err(_) => {}
    }
    inner.inflight.borrow_mut().remove(&key);
    result
}

/// Turns an HTTP exchange into a clean DNS answer or the reason there is none.
fn interpret(response: Result<HttpResponse, TransportError>, qtype: QType) -> Exchange {
    let response = match response {
        Ok(r) => r,
        Err(TransportError::TimedOut) => return Err(Why::Timeout),
        Err(TransportError::Network(m)) | Err(TransportError::Blocked(m)) => {
            return Err(Why::Network(m))
        }
    };
    if response.status == 429 {
        let retry_after = response
            .retry_after
            .as_deref()
            .and_then(|s| s.trim().parse::<u64>().ok())
            .map(|s| s.min(3600));
        return Err(Why::RateLimited { retry_after });
    }
    if response.status != 200 {
        return Err(Why::Http(response.status));
    }
    let answer = doh_json::parse(&response.body).map_err(Why::BadResponse)?;
    match answer.status {
        0 | 3 => {}
        2 => return Err(Why::ServFail),
        5 => return Err(Why::DnsRefused),
        s => return Err(Why::DnsStatus(s)),
    }
    if qtype == QType::A {
        answer.addrs().map_err(Why::BadResponse)?;
    }
    Ok(answer)
}
