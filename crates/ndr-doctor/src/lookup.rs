//! `ndr-doctor lookup IP_OR_DOMAIN... [--resolver URL]... [--list ZONE]... [--json]
//! [--timeout-ms N] [--deadline-ms N]`: asks the blocklists and prints one row per list.

use crate::http::NativeTransport;
use crate::words;
use anyhow::{bail, Context};
use lexopt::{Arg, ValueExt};
use ndr_dnsbl::{
    default_lists, find, is_closed_zone, Options, Resolver, Row, Session, State, Target, LISTS,
};
use ndr_playbooks::Lang;
use std::io::Write;
use std::process::ExitCode;
use std::time::Duration;

const HELP: &str = "\
ndr-doctor lookup IP_OR_DOMAIN... [--resolver URL]... [--list ZONE]... [--json]
                  [--lang ja|en] [--timeout-ms N] [--deadline-ms N]

Asks DNS blocklists, through DNS-over-HTTPS JSON, about IP addresses and domains.
Each list is listed, not listed, or unavailable (could not check, with the reason).

--resolver URL    a Google-style .../resolve or Cloudflare-style .../dns-query endpoint;
                  give it twice for a fallback (default: dns.google, then cloudflare-dns.com)
--list ZONE       ask only these lists (default: the usual set)
--json            one JSON object per list per line
--lang ja|en      language of the readable rows (default: from LANG, else en)
--timeout-ms N    per-request timeout (default 5000)
--deadline-ms N   time for the whole lookup (default 12000)

Exit status: 0 when every argument was asked about (whatever the lists answered, and even
when some could not be checked: read the rows); 2 for a bad argument.
";

struct Args {
    targets: Vec<Target>,
    /// Arguments that are neither an IP address nor a domain: reported, the others still asked.
    bad: Vec<String>,
    resolvers: Vec<Resolver>,
    lists: Vec<String>,
    json: bool,
    lang: Lang,
    timeout: Duration,
    deadline: Duration,
}

fn parse(parser: &mut lexopt::Parser) -> anyhow::Result<Option<Args>> {
    let mut args = Args {
        targets: Vec::new(),
        bad: Vec::new(),
        resolvers: Vec::new(),
        lists: Vec::new(),
        json: false,
        lang: crate::diagnose::lang_from_env(),
        timeout: Duration::from_millis(5000),
        deadline: Duration::from_millis(12000),
    };
    let millis = |parser: &mut lexopt::Parser, flag: &str| -> anyhow::Result<Duration> {
        let v: u64 = parser
            .value()?
            .parse()
            .with_context(|| format!("{flag} takes a number of milliseconds"))?;
        if v == 0 {
            bail!("{flag} must be more than 0");
        }
        Ok(Duration::from_millis(v))
    };
    while let Some(arg) = parser.next()? {
        match arg {
            Arg::Value(v) => {
                let s = v.string()?;
                match Target::parse(&s) {
                    Ok(t) => args.targets.push(t),
                    Err(e) => args.bad.push(e.to_string()),
                }
            }
            Arg::Long("resolver") => {
                let url = parser.value()?.string()?;
                args.resolvers.push(Resolver::parse(&url)?);
            }
            Arg::Long("list") => args.lists.push(parser.value()?.string()?),
            Arg::Long("json") => args.json = true,
            Arg::Long("lang") => args.lang = crate::diagnose::parse_lang(parser)?,
            Arg::Long("timeout-ms") => args.timeout = millis(parser, "--timeout-ms")?,
            Arg::Long("deadline-ms") => args.deadline = millis(parser, "--deadline-ms")?,
            Arg::Long("help") | Arg::Short('h') => {
                print!("{HELP}");
                return Ok(None);
            }
            Arg::Long("version") | Arg::Short('V') => {
                crate::print_version();
                return Ok(None);
            }
            other => bail!("{}\n\n{HELP}", other.unexpected()),
        }
    }
    if args.targets.is_empty() && args.bad.is_empty() {
        bail!("lookup needs at least one IP address or domain\n\n{HELP}");
    }
    if args.resolvers.is_empty() {
        args.resolvers = vec![Resolver::google(), Resolver::cloudflare()];
    }
    Ok(Some(args))
}

pub(crate) fn run(parser: &mut lexopt::Parser) -> anyhow::Result<ExitCode> {
    let Some(args) = parse(parser)? else {
        return Ok(ExitCode::SUCCESS);
    };
    let mut lists = Vec::new();
    let mut closed = Vec::new();
    for zone in &args.lists {
        if let Some(c) = is_closed_zone(zone) {
            closed.push(c);
        } else if let Some(l) = find(zone) {
            lists.push(l);
        } else {
            let known: Vec<&str> = LISTS.iter().map(|l| l.zone).collect();
            bail!("unknown list {zone:?}; known lists: {}", known.join(", "));
        }
    }
    if args.lists.is_empty() {
        lists = default_lists();
    }
    for bad in &args.bad {
        eprintln!("ndr-doctor: {bad}");
    }
    // The page's rule (`ndr_dnsbl::Plan`): an address or name no public list can know is not
    // sent to any resolver, so a private address never reaches a public DNS service.
    let (targets, kept_back): (Vec<Target>, Vec<Target>) =
        args.targets.into_iter().partition(Target::is_public);
    for t in &kept_back {
        eprintln!(
            "ndr-doctor: note: {t} is {}: public blocklists cannot list it, so it is not asked",
            not_public_words(t)
        );
    }
    let failed = if args.bad.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    };
    if targets.is_empty() {
        return Ok(failed);
    }
    let options = Options {
        resolvers: args.resolvers,
        query_timeout: args.timeout,
        deadline: args.deadline,
        ..Options::default()
    };
    let session = Session::new(
        NativeTransport::new(args.timeout.saturating_add(Duration::from_secs(1))),
        options,
    );
    let mut rows: Vec<Row> = Vec::new();
    // A closed list is never asked; it still gets a row so the user learns why.
    for c in closed {
        for t in &targets {
            rows.push(Row::closed(&t.to_string(), c, 0));
        }
    }
    rows.extend(futures_executor::block_on(session.lookup(
        &targets,
        &lists,
        |_| {},
    )));
    let mut out = std::io::stdout().lock();
    if args.json {
        for row in &rows {
            writeln!(out, "{}", row.to_json())?;
        }
    } else {
        write_readable(&mut out, &rows, &session, args.lang)?;
    }
    out.flush()?;
    Ok(failed)
}

/// What kind of address or name `t` is, when no public list can know it.
fn not_public_words(t: &Target) -> &'static str {
    use std::net::IpAddr;
    match t {
        Target::Domain(_) => "a reserved domain (for examples, tests or local use)",
        Target::Ip(IpAddr::V4(v4)) if v4.is_private() => "a private address",
        Target::Ip(ip) if ip.is_loopback() => "a loopback address",
        Target::Ip(IpAddr::V4(v4)) if v4.is_documentation() => "a documentation example address",
        Target::Ip(IpAddr::V6(v6)) if v6.segments()[..2] == [0x2001, 0x0db8] => {
            "a documentation example address"
        }
        Target::Ip(IpAddr::V6(v6)) if (v6.segments()[0] & 0xfe00) == 0xfc00 => "a private address",
        Target::Ip(_) => "a reserved address",
    }
}

fn write_readable(
    out: &mut impl Write,
    rows: &[Row],
    session: &Session<NativeTransport>,
    lang: Lang,
) -> std::io::Result<()> {
    write_rows(out, rows, lang)?;
    let asked = session.asked();
    let resolvers: std::collections::BTreeSet<&str> =
        asked.iter().map(|a| a.resolver.as_str()).collect();
    let resolvers = if resolvers.is_empty() {
        String::from(if lang == Lang::Ja {
            "なし"
        } else {
            "no resolver"
        })
    } else {
        resolvers.into_iter().collect::<Vec<_>>().join(", ")
    };
    if lang == Lang::Ja {
        writeln!(
            out,
            "\nDNS への問い合わせ: {} 件（問い合わせ先: {resolvers}）",
            asked.len()
        )
    } else {
        writeln!(out, "\nAsked {} DNS questions of {resolvers}.", asked.len())
    }
}

/// The rows, grouped by the address or domain asked: one line per list with its state in
/// words ("could not check", never "not listed", for a failure); under a listing what it
/// means, the list's own reason, and its lookup and removal pages; under a failure why, and
/// the page to check by hand. Every URL ends its line, so a terminal can open it.
/// `diagnose --lookup` prints its "Blocklist checks" with the same lines.
pub(crate) fn write_rows(out: &mut impl Write, rows: &[Row], lang: Lang) -> std::io::Result<()> {
    const LABEL: usize = 17;
    let indent = " ".repeat(2 + LABEL);
    let labels = words::row_labels(lang);
    let mut current = None;
    for row in rows {
        if current != Some(&row.target) {
            if current.is_some() {
                writeln!(out)?;
            }
            writeln!(out, "{}", row.target)?;
            current = Some(&row.target);
        }
        let state = row.state();
        writeln!(
            out,
            "  {}{} ({})",
            words::pad(words::state_label(state, lang), LABEL),
            row.list,
            row.zone
        )?;
        match state {
            State::Listed => {
                writeln!(
                    out,
                    "{indent}{}: {}",
                    row.codes().join(", "),
                    row.meaning(lang == Lang::Ja).unwrap_or_default()
                )?;
                if let Some(txt) = row.txt() {
                    writeln!(out, "{indent}{}: {txt}", labels.reason)?;
                }
                writeln!(out, "{indent}{}: {}", labels.details, row.lookup_url)?;
                writeln!(out, "{indent}{}: {}", labels.removal, row.delist_url)?;
            }
            State::NotListed => {}
            State::Unavailable => {
                if lang == Lang::Ja {
                    let id = row.why().map(|w| w.id()).unwrap_or_default();
                    writeln!(out, "{indent}{}", ndr_playbooks::labels::why(id).0)?;
                }
                writeln!(out, "{indent}{}", row.detail())?;
                writeln!(out, "{indent}{}: {}", labels.by_hand, row.lookup_url)?;
            }
        }
    }
    Ok(())
}
