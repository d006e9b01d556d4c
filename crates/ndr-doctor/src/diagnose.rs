//! `ndr-doctor diagnose`: read messages from files, mboxes, Maildirs or stdin.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use lexopt::{Arg, ValueExt};
use ndr_core::Diagnosis;
use ndr_dnsbl::{Options as LookupOptions, Resolver, Row, Session, State};
use ndr_playbooks::{Lang, Listing, Medium};

use crate::http::NativeTransport;
use crate::words;

/// What `diagnose` was asked to do.
struct Options {
    paths: Vec<String>,
    json: bool,
    lang: Lang,
    lookup: bool,
    resolvers: Vec<Resolver>,
}

pub(crate) fn run(parser: &mut lexopt::Parser) -> anyhow::Result<ExitCode> {
    run_with(parser, None)
}

/// `run`, with a path already read where the command would be (`ndr-doctor FILE`).
pub(crate) fn run_with(
    parser: &mut lexopt::Parser,
    first_path: Option<String>,
) -> anyhow::Result<ExitCode> {
    let mut options = parse(parser, first_path.is_some())?;
    if let Some(first) = first_path {
        options.paths.insert(0, first);
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut unreadable = 0usize;
    // One session for the whole run: its cache answers repeated IPs and domains without asking again.
    let session = options.lookup.then(|| {
        let lookup = LookupOptions {
            resolvers: if options.resolvers.is_empty() {
                vec![Resolver::google(), Resolver::cloudflare()]
            } else {
                options.resolvers.clone()
            },
            ..LookupOptions::default()
        };
        let limit = lookup
            .query_timeout
            .saturating_add(std::time::Duration::from_secs(1));
        Session::new(NativeTransport::new(limit), lookup)
    });
    let mut not_a_bounce = 0usize;
    for path in &options.paths {
        let (messages, errors) = read_messages(path);
        if !errors.is_empty() {
            out.flush()?;
            for err in &errors {
                eprintln!("ndr-doctor: {err:#}");
            }
            unreadable += errors.len();
        }
        for (source, bytes) in messages {
            let mut d = ndr_core::diagnose(&bytes);
            d.source = Some(source);
            if d.is_not_a_bounce() {
                not_a_bounce += 1;
            }
            let rows: Vec<Row> = match &session {
                Some(session) => futures_executor::block_on(session.lookup_diagnosis(&d, |_| {})),
                None => Vec::new(),
            };
            if options.json {
                let json: Vec<serde_json::Value> = rows.iter().map(Row::to_json).collect();
                let advice = (!d.is_not_a_bounce()).then(|| advise(&d, &rows, options.lang));
                write_json(
                    &mut out,
                    &d,
                    advice.as_ref(),
                    options.lookup.then_some(&json),
                )?;
            } else {
                write_report(&mut out, &d, &rows, options.lang, options.lookup)?;
            }
        }
    }
    out.flush()?;
    Ok(exit_code(unreadable, not_a_bounce))
}

/// The exit status `--help` documents: 2 when something could not be read (it wins, since a
/// script must look at stderr), 1 when everything was read but some input is not a bounce,
/// 0 when every message read is a bounce.
fn exit_code(unreadable: usize, not_a_bounce: usize) -> ExitCode {
    if unreadable > 0 {
        ExitCode::from(2)
    } else if not_a_bounce > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn parse(parser: &mut lexopt::Parser, has_a_path: bool) -> anyhow::Result<Options> {
    let mut options = Options {
        paths: Vec::new(),
        json: false,
        lang: lang_from_env(),
        lookup: false,
        resolvers: Vec::new(),
    };
    while let Some(arg) = parser.next()? {
        match arg {
            Arg::Long("json") => options.json = true,
            Arg::Long("lookup") => options.lookup = true,
            Arg::Long("lang") => options.lang = parse_lang(parser)?,
            Arg::Long("resolver") => options
                .resolvers
                .push(Resolver::parse(&parser.value()?.string()?)?),
            Arg::Value(v) => options.paths.push(v.string()?),
            Arg::Short('h') | Arg::Long("help") => {
                print!("{}", crate::USAGE);
                std::process::exit(0);
            }
            Arg::Short('V') | Arg::Long("version") => {
                crate::print_version();
                std::process::exit(0);
            }
            other => anyhow::bail!("{} (see `ndr-doctor --help`)", other.unexpected()),
        }
    }
    if options.paths.is_empty() && !has_a_path {
        anyhow::bail!("diagnose needs at least one PATH (a file, an mbox, a Maildir folder, or -)");
    }
    Ok(options)
}

/// The value of `--lang`.
pub(crate) fn parse_lang(parser: &mut lexopt::Parser) -> anyhow::Result<Lang> {
    let value = parser.value()?.string()?;
    Lang::parse(&value).with_context(|| format!("--lang takes ja or en, not {value:?}"))
}

/// The report language from `LANG`/`LC_ALL` (`ja_JP.UTF-8` -> Japanese), else English.
pub(crate) fn lang_from_env() -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|v| !v.is_empty())
        .and_then(|v| Lang::parse(v.split(['_', '.', '-']).next().unwrap_or("")))
        .unwrap_or(Lang::En)
}

/// A message to diagnose: where it came from (`path`, `path#2` in an mbox) and its bytes.
type Message = (String, Vec<u8>);

/// Reads every message under `path`: `(source, bytes)` pairs in a stable order, and what could
/// not be read. A file of a folder that cannot be read is reported on its own: the folder's
/// other messages are still diagnosed.
fn read_messages(path: &str) -> (Vec<Message>, Vec<anyhow::Error>) {
    match read_path(path) {
        Ok(read) => read,
        Err(err) => (Vec::new(), vec![err]),
    }
}

fn read_path(path: &str) -> anyhow::Result<(Vec<Message>, Vec<anyhow::Error>)> {
    if path == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .context("cannot read standard input")?;
        return Ok((split_file("-", bytes), Vec::new()));
    }
    let p = Path::new(path);
    let meta = std::fs::metadata(p).with_context(|| format!("cannot read {path}"))?;
    if !meta.is_dir() {
        let bytes = std::fs::read(p).with_context(|| format!("cannot read {path}"))?;
        return Ok((split_file(path, bytes), Vec::new()));
    }
    let mut out = Vec::new();
    let mut errors = Vec::new();
    let (files, subfolders) =
        maildir_files(p).with_context(|| format!("cannot read folder {path}"))?;
    // Not an error (what was asked for was read), but not silence either: a support engineer
    // who gives a folder of folders must learn that only its top level was read.
    if subfolders > 0 {
        eprintln!(
            "ndr-doctor: {path}: {subfolders} subfolder{} not read (a folder is read one level \
             deep; give a subfolder as its own PATH)",
            if subfolders == 1 { "" } else { "s" }
        );
    }
    for file in files {
        match std::fs::read(&file) {
            Ok(bytes) => out.extend(split_file(&file.display().to_string(), bytes)),
            Err(err) => errors
                .push(anyhow::Error::new(err).context(format!("cannot read {}", file.display()))),
        }
    }
    // A mistyped Maildir path must not look like "all done": say so, as for a missing file.
    if out.is_empty() && errors.is_empty() {
        anyhow::bail!("no messages found in {path}");
    }
    Ok((out, errors))
}

/// One message, or the messages of an mbox (sources `path#1`, `path#2`, ...). An Outlook
/// `.msg` file is its text (so evidence spans index what `--json` users can reproduce with the
/// same conversion); a file that is no mail is still diagnosed (the core says `binary_input`),
/// and stderr says what it seems to be and what to give instead.
fn split_file(source: &str, bytes: Vec<u8>) -> Vec<(String, Vec<u8>)> {
    let bytes = match ndr_core::file_kind(&bytes) {
        ndr_core::FileKind::Text => bytes,
        ndr_core::FileKind::OutlookMsg => match ndr_core::outlook_msg_text(&bytes) {
            Some(text) => return vec![(source.to_owned(), text.into_bytes())],
            None => {
                eprintln!(
                    "ndr-doctor: {source}: an Outlook or Office file, but no message could be read from it"
                );
                bytes
            }
        },
        ndr_core::FileKind::Binary(kind) => {
            eprintln!(
                "ndr-doctor: {source}: not a mail (looks like {kind} data); give the bounce itself: \
                 saved from the mail program as .eml or .msg, or its text"
            );
            bytes
        }
    };
    let parts = ndr_core::mbox::split(&bytes);
    if parts.len() <= 1 {
        return vec![(source.to_owned(), bytes)];
    }
    parts
        .iter()
        .enumerate()
        .map(|(i, part)| (format!("{source}#{}", i + 1), part.to_vec()))
        .collect()
}

/// The message files of a Maildir (`cur/` and `new/`), or of a plain folder, sorted by name,
/// and how many subfolders of a plain folder were not read (hidden ones, like a Maildir++'s
/// `.Folder`s, are not counted; nor is anything in a Maildir, whose `tmp/` holds no delivered
/// mail).
fn maildir_files(dir: &Path) -> std::io::Result<(Vec<PathBuf>, usize)> {
    let sub: Vec<PathBuf> = ["cur", "new"]
        .iter()
        .map(|s| dir.join(s))
        .filter(|d| d.is_dir())
        .collect();
    let plain = sub.is_empty();
    let folders = if plain { vec![dir.to_path_buf()] } else { sub };
    let mut files = Vec::new();
    let mut subfolders = 0;
    for folder in folders {
        for entry in std::fs::read_dir(&folder)? {
            let entry = entry?;
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            // A link is followed to what it names; a link to nothing is kept, so that
            // reading it says so instead of skipping it without a word.
            let path = entry.path();
            let (is_file, is_dir) = match std::fs::metadata(&path) {
                Ok(meta) => (meta.is_file(), meta.is_dir()),
                Err(_) => (entry.file_type()?.is_symlink(), false),
            };
            if is_file {
                files.push(path);
            } else if is_dir && plain {
                subfolders += 1;
            }
        }
    }
    files.sort();
    Ok((files, subfolders))
}

/// One line of `--json`: the Diagnosis, plus `advice` (what the readable report advises, as
/// ids, so that a support desk reads who acts without parsing the text; null for input that is
/// not a bounce) and, with `--lookup`, `lookups`. Both are additive: the Diagnosis's own fields
/// keep their names.
fn write_json(
    out: &mut impl Write,
    d: &Diagnosis,
    advice: Option<&ndr_playbooks::Rendered>,
    rows: Option<&Vec<serde_json::Value>>,
) -> anyhow::Result<()> {
    let mut value = serde_json::to_value(d)?;
    if let Some(obj) = value.as_object_mut() {
        // Every field in every line: the ones the core leaves out when the bounce does not show
        // them are null here, as `blocked_ip` is (review h217, L10).
        for key in OPTIONAL_FIELDS {
            obj.entry(*key).or_insert(serde_json::Value::Null);
        }
        if let Some(recipients) = obj.get_mut("recipients").and_then(|r| r.as_array_mut()) {
            for r in recipients.iter_mut().filter_map(|r| r.as_object_mut()) {
                r.entry("original_recipient")
                    .or_insert(serde_json::Value::Null);
            }
        }
        obj.insert("advice".to_owned(), advice_summary(advice));
        if let Some(rows) = rows {
            obj.insert("lookups".to_owned(), serde_json::Value::Array(rows.clone()));
        }
    }
    serde_json::to_writer(&mut *out, &value)?;
    writeln!(out)?;
    Ok(())
}

/// The Diagnosis fields the core leaves out of its JSON when the bounce does not show them
/// (`skip_serializing_if`), which `--json` writes as null.
const OPTIONAL_FIELDS: &[&str] = &[
    "sending_ip",
    "sending_ip_scope",
    "sender_address",
    "sent_at",
    "subject",
    "size_limit_bytes",
];

/// The advice as ids: the playbook, how it was chosen, the party whose procedure it is, who acts
/// in the report's order (`nobody` first means "wait first; then the next ones"), and how soon.
/// The same in every `--lang`.
fn advice_summary(advice: Option<&ndr_playbooks::Rendered>) -> serde_json::Value {
    let Some(a) = advice else {
        return serde_json::Value::Null;
    };
    serde_json::json!({
        "playbook": a.id,
        "selected_by": a.selected_by,
        "party": a.party.map(|p| p.id()),
        "who": a.who.iter().map(|w| w.id).collect::<Vec<_>>(),
        "urgency": a.urgency.id,
    })
}

fn write_report(
    out: &mut impl Write,
    d: &Diagnosis,
    rows: &[Row],
    lang: Lang,
    looked_up: bool,
) -> anyhow::Result<()> {
    let l = |ja: &'static str, en: &'static str| if lang == Lang::Ja { ja } else { en };
    writeln!(out, "== {} ==", d.source.as_deref().unwrap_or("-"))?;
    if d.is_not_a_bounce() {
        return write_not_a_bounce(out, d, lang);
    }
    let facts: [(&str, Option<String>); 9] = [
        (l("理由", "Reason"), Some(words::reason_line(d, lang))),
        (
            if ndr_playbooks::ip_is_a_forwarders(d) {
                l("転送したサーバーの IP アドレス", "Forwarding server's IP")
            } else if ndr_playbooks::ip_is_microsofts_cloud(d) {
                l(
                    "Microsoft の IP アドレス（新しい Outlook の接続元）",
                    "Microsoft's IP (new Outlook connects from it)",
                )
            } else if ndr_playbooks::ip_is_a_refused_client(d) {
                l(
                    "あなたのサーバーが受信を拒否した相手の IP アドレス",
                    "IP your server refused",
                )
            } else if ndr_playbooks::refusal_is_about_the_domain(d) {
                l(
                    "送信サーバーの IP アドレス（拒否の理由はドメインで、このアドレスではありません）",
                    "Sending server's IP (the refusal is about the domain, not this address)",
                )
            } else if ndr_playbooks::shows_a_blocked_ip(d) {
                l("ブロックされた送信元 IP アドレス", "Blocked sending IP")
            } else {
                // Named without being blocked (the core's `sending_ip`: an authentication
                // failure, Gmail's spam refusal), or refused for its missing PTR record.
                l("送信サーバーの IP アドレス", "Sending server's IP")
            },
            ndr_playbooks::named_ip(d).map(|(ip, scope)| match scope {
                Some(scope) if !scope.is_checkable() => {
                    format!("{ip} ({})", scope_words(scope, lang))
                }
                _ => ip.to_string(),
            }),
        ),
        (
            if ndr_playbooks::reason_blocks_nothing(d.reason) {
                l("受け取りを断った事業者", "Refused by")
            } else {
                l("ブロックした組織", "Blocked by")
            },
            // The party's name as the advice and the page call it; the id stays in brackets for
            // support engineers, as a note's id does.
            d.blocking_party
                .map(|p| format!("{} [{}]", ndr_playbooks::party_name(p).get(lang), p.id())),
        ),
        (
            l("拒否したサーバー", "Rejecting server"),
            match (&d.remote_host, &d.remote_ip) {
                (Some(h), Some(ip)) => Some(format!("{h} [{ip}]")),
                (Some(h), None) => Some(h.clone()),
                (None, Some(ip)) => Some(format!("[{ip}]")),
                (None, None) => None,
            },
        ),
        (
            l("コード", "Codes"),
            Some(
                [&d.smtp_code, &d.enhanced_code, &d.provider_code]
                    .into_iter()
                    .flatten()
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(" "),
            )
            .filter(|s| !s.is_empty()),
        ),
        (l("ブロックリスト", "Blocklist"), d.list_zone.clone()),
        (
            l("送信元のドメイン", "Sender domain"),
            d.sender_domain.clone(),
        ),
        // As the bounce writes it (RFC 5322, in English), and in Japanese form beside it in a
        // Japanese report, as the ready messages do.
        (
            l("送信日時", "Sent"),
            d.sent_at.as_deref().map(|at| {
                match ndr_playbooks::japanese_date(at).filter(|_| lang == Lang::Ja) {
                    Some(ja) => format!("{at}（{ja}）"),
                    None => at.to_owned(),
                }
            }),
        ),
        // The returned message's subject, when the notice's block above a paste shows it.
        (l("件名", "Subject"), d.subject.clone()),
    ];
    for (label, value) in facts {
        if let Some(value) = value {
            writeln!(out, "{label}: {value}")?;
        }
    }
    // One line per recipient (its address, status and reason token), the server's reply on
    // its own indented line below: the two together run past a terminal's 80 columns.
    for r in &d.recipients {
        let address = if r.recipient.is_empty() {
            "?"
        } else {
            &r.recipient
        };
        match r.status.as_deref() {
            Some(status) => writeln!(out, "  - {address} ({status}, {})", r.reason.name())?,
            None => writeln!(out, "  - {address} ({})", r.reason.name())?,
        }
        // An alias or a forwarding led the address the sender wrote to this one: whose
        // forwarding it is decides who acts.
        if let Some(original) = r.original_recipient.as_deref().filter(|o| !o.is_empty()) {
            let (ja, en) = ndr_playbooks::labels::ORIGINAL_RECIPIENT;
            writeln!(
                out,
                "    {}: {}",
                l(ja, en),
                ndr_playbooks::labels::forwarded_recipient(original, &r.recipient, lang, false),
            )?;
        }
        // On one line whatever breaks the reply had.
        let reply = r.diagnostic_text.split_whitespace().collect::<Vec<_>>();
        if !reply.is_empty() {
            writeln!(out, "    {}", shorten(&reply.join(" "), 160))?;
        }
    }
    if d.reason == ndr_core::Reason::Undefined {
        // A bounce was read but no reason was: say plainly what the reason is read from, so
        // that the reader can give the part that holds it.
        writeln!(out, "{}", ndr_playbooks::labels::NO_REASON_FOUND.get(lang))?;
    }
    let advice = advise(d, rows, lang);
    // A note the advice was chosen for (a read receipt, a From address the login does not own)
    // is its verdict already: printed again it would say the same thing twice. `--json` keeps it.
    for note in d.notes.iter().filter(|n| !advice.leaves_out_note(d, &n.id)) {
        writeln!(out, "{}: {}", l("注記", "Note"), note_line(note, lang))?;
    }
    if !looked_up && !d.is_not_a_bounce() {
        // Without --lookup nothing was asked: say so, so that no list reads as clear (review
        // h217, L10).
        writeln!(
            out,
            "{}",
            l(
                "ブロックリスト: 確認していません（--lookup を付けると確認します）",
                "Blocklists: not checked (add --lookup to check them)"
            )
        )?;
    }
    if !rows.is_empty() {
        writeln!(out, "{}:", l("ブロックリストの確認", "Blocklist checks"))?;
        // The party that blocked the address keeps its own list, which no row is: "not listed"
        // below is no all-clear (review h217, M4).
        if ndr_playbooks::labels::own_list_not_asked(d) {
            let (ja, en) = ndr_playbooks::labels::OWN_LIST_NOT_ASKED;
            writeln!(out, "{}", l(ja, en))?;
        }
        crate::lookup::write_rows(out, rows, lang)?;
    }
    writeln!(out)?;
    writeln!(out, "{}", advice.to_plain_text())?;
    Ok(())
}

/// A note as the report lists it: the sentence the page shows (`labels::note`), then its id and
/// detail in brackets for support engineers (no trailing space when there is no detail).
fn note_line(note: &ndr_core::Note, lang: Lang) -> String {
    let detail = note.detail.trim();
    let id = if detail.is_empty() {
        note.id.clone()
    } else {
        format!("{} {detail}", note.id)
    };
    match ndr_playbooks::labels::note(&note.id, &note.detail) {
        Some((ja, en)) => format!("{} [{id}]", if lang == Lang::Ja { ja } else { en }),
        None => id,
    }
}

/// The advice, refined by the lookups exactly as the page refines it: the listed answers
/// (Spamhaus `127.0.0.2` is the SBL) and the lists that cleanly answered "not listed" (a
/// SpamCop listing that expired). A list that could not be checked counts as neither.
/// Worded for a terminal: a step that sends a page's reader to its blocklist check points at the
/// report's own "Blocklist checks" when it lists them (`--lookup`), else names `ndr-doctor lookup`.
fn advise(d: &Diagnosis, rows: &[Row], lang: Lang) -> ndr_playbooks::Rendered {
    let codes: Vec<(&str, Vec<String>)> = rows
        .iter()
        .filter(|r| r.state() == State::Listed)
        .map(|r| (r.zone, r.codes()))
        .collect();
    let listings: Vec<Listing<'_>> = codes
        .iter()
        .flat_map(|(zone, codes)| codes.iter().map(|answer| Listing { zone, answer }))
        .collect();
    let not_listed: Vec<&str> = rows
        .iter()
        .filter(|r| r.state() == State::NotListed)
        .map(|r| r.zone)
        .collect();
    let medium = Medium::Terminal {
        lookups: !rows.is_empty(),
    };
    ndr_playbooks::advise_in(d, &listings, &not_listed, lang, medium)
}

/// In place of facts and advice for input that is not a bounce: what the page says, with no
/// playbook and no ready message (there is nothing to act on). Other notes (binary data) still
/// say what was odd.
fn write_not_a_bounce(out: &mut impl Write, d: &Diagnosis, lang: Lang) -> anyhow::Result<()> {
    let [title, what, where_list @ ..] = words::not_a_bounce_text(lang);
    writeln!(out, "{title}")?;
    writeln!(out, "{}", ndr_playbooks::labels::LOOKED_FOR.get(lang))?;
    // The card's own note says nothing more, unless its detail does (a delivery log line).
    let said = |n: &&ndr_core::Note| n.id != "not_a_bounce" || !n.detail.is_empty();
    for note in d.notes.iter().filter(said) {
        let label = if lang == Lang::Ja { "注記" } else { "Note" };
        writeln!(out, "{label}: {}", note_line(note, lang))?;
    }
    writeln!(out)?;
    writeln!(out, "{what}")?;
    for w in where_list {
        writeln!(out, "- {w}")?;
    }
    writeln!(out)?;
    Ok(())
}

/// Why an address is not looked up on any blocklist, for the report's blocked-IP line.
fn scope_words(scope: ndr_core::IpScope, lang: Lang) -> &'static str {
    use ndr_core::IpScope::*;
    let (ja, en) = match scope {
        Public => ("公開アドレス", "public address"),
        Private => (
            "社内用のアドレスのため、ブロックリストは確認しません",
            "a private address: no blocklist is asked",
        ),
        Loopback => (
            "自分自身を指すアドレスのため、ブロックリストは確認しません",
            "a loopback address: no blocklist is asked",
        ),
        Documentation => (
            "説明用の例示アドレスのため、ブロックリストは確認しません",
            "a documentation example address: no blocklist is asked",
        ),
        Reserved => (
            "予約済みのアドレスのため、ブロックリストは確認しません",
            "a reserved address: no blocklist is asked",
        ),
    };
    if lang == Lang::Ja {
        ja
    } else {
        en
    }
}

/// The first `max` characters of `text`, with an ellipsis when some were left out: the full text
/// is in the steps below and in `--json`.
fn shorten(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod shorten_tests {
    use super::shorten;

    #[test]
    fn long_texts_end_with_an_ellipsis_and_short_ones_stay() {
        assert_eq!(shorten("abcdef", 3), "abc…");
        assert_eq!(shorten("abc", 3), "abc");
        assert_eq!(shorten("送信元アドレス", 2), "送信…");
    }
}

#[cfg(test)]
mod optional_fields_tests {
    use super::OPTIONAL_FIELDS;

    /// `OPTIONAL_FIELDS` names exactly the fields the core leaves out when absent: a field added
    /// to the Diagnosis with `skip_serializing_if` fails here until `--json` writes it as null.
    #[test]
    fn optional_fields_are_the_ones_the_core_leaves_out() {
        let empty = serde_json::to_value(ndr_core::Diagnosis::default()).unwrap();
        let full = ndr_core::Diagnosis {
            sending_ip: Some("192.0.2.1".into()),
            sending_ip_scope: Some(ndr_core::IpScope::Documentation),
            sender_address: Some("a@example.com".into()),
            sent_at: Some("Mon, 1 Jan 2024 00:00:00 +0000".into()),
            subject: Some("s".into()),
            size_limit_bytes: Some(1),
            ..ndr_core::Diagnosis::default()
        };
        let full = serde_json::to_value(full).unwrap();
        let keys = |v: &serde_json::Value| -> Vec<String> {
            v.as_object().unwrap().keys().cloned().collect()
        };
        let (empty, full) = (keys(&empty), keys(&full));
        let mut left_out: Vec<&str> = full
            .iter()
            .filter(|k| !empty.contains(k))
            .map(String::as_str)
            .collect();
        left_out.sort_unstable();
        let mut named = OPTIONAL_FIELDS.to_vec();
        named.sort_unstable();
        assert_eq!(left_out, named);
    }
}
