//! The blocklist table: one row per list, filled in as answers arrive. Listed and
//! could-not-check rows come first; the clean "not listed" rows fold away under a summary.
//! When no list at all could be checked, one explanation replaces the wall of identical
//! rows, which stay available (with their own reasons) under a fold.

use yew::prelude::*;

use super::steps::{external_link, external_link_about};
use crate::i18n::{self, Lang};
use crate::state::{Action, AllFailed, Lookups, Resolver, Row, RowState, Skip, RESOLVERS};

/// What [`dnsbl_table`] shows.
pub struct Props {
    /// The page language.
    pub lang: Lang,
    /// The lookups.
    pub lookups: Lookups,
    /// The resolver the lookups went through.
    pub resolver: Resolver,
    /// Receives the switch to the other resolver.
    pub on_action: Callback<Action>,
    /// The party that blocked the address keeps its own list, which no row is
    /// (`ndr_playbooks::labels::own_list_not_asked`).
    pub own_list: bool,
}

/// The sentence beside the counts when the blocking party keeps its own list: "not listed"
/// below is no all-clear (review h217, M4).
fn own_list_line(own_list: bool, lang: Lang) -> Option<&'static str> {
    let (ja, en) = ndr_playbooks::labels::OWN_LIST_NOT_ASKED;
    own_list.then_some(match lang {
        Lang::Ja => ja,
        Lang::En => en,
    })
}

/// The CSS class and test state of a row, as `state` says it (no judgement here).
fn class_of(state: &RowState) -> &'static str {
    match state {
        RowState::Pending => "pending",
        RowState::Listed { .. } => "listed",
        RowState::NotListed { .. } => "not-listed",
        RowState::Unavailable { .. } => "unavailable",
    }
}

/// The link to a list's own page. Its visible words are the same on every row, so its name
/// for a screen reader carries the list's name too (review h206, 3).
fn list_site_link(url: &str, list: &str, lang: Lang) -> Html {
    let about = match lang {
        Lang::Ja => format!("（{list}）"),
        Lang::En => format!(" ({list}) "),
    };
    external_link_about(url, i18n::DNSBL_CHECK_BY_HAND.get(lang), &about, lang)
}

fn row_html(r: &Row, lang: Lang) -> Html {
    let t = |tr: i18n::Tr| tr.get(lang);
    let class = class_of(&r.state);
    let (label, detail) = match &r.state {
        RowState::Pending => (t(i18n::DNSBL_PENDING), Html::default()),
        RowState::Listed { meaning, txt, .. } => (
            t(i18n::DNSBL_LISTED),
            html! { <>
                if let Some(m) = meaning { <span class="meaning">{ m.get(lang).to_string() }</span> }
                if let Some(txt) = txt { <q class="txt">{ txt.clone() }</q> }
            </> },
        ),
        RowState::NotListed { note } => (
            t(i18n::DNSBL_NOT_LISTED),
            html! { if let Some(n) = note { <span>{ n.get(lang).to_string() }</span> } },
        ),
        RowState::Unavailable { why, detail } => (
            t(i18n::DNSBL_UNAVAILABLE),
            html! { <>
                <span class="why" data-why={why.clone()}>{ t(i18n::why_text(why)) }</span>
                // The technical line names the resolver and status; for a list that was never
                // asked it would only repeat the sentence above.
                if !detail.is_empty() && why != "key_required" && why != "closed_list" {
                    <span class="tech" lang="en">{ detail.clone() }</span>
                }
            </> },
        ),
    };
    // The list's own page is offered wherever the answer is not a clean "not listed".
    let link = (class != "not-listed")
        .then_some(())
        .and(r.lookup_url.as_ref())
        .map(
            |url| html! { <span class="check-link">{ list_site_link(url, &r.name, lang) }</span> },
        );
    html! {
        <tr data-testid={format!("dnsbl-row-{}", r.zone)} data-state={class}
            data-target={r.target.clone()}>
            <th scope="row"><span class="list-name">{ &r.name }</span><code class="zone">{ &r.zone }</code></th>
            <td><span class="badge" data-state={class}>{ label }</span></td>
            <td class="detail">{ detail }{ for link }</td>
        </tr>
    }
}

fn table(rows: &[&Row], lang: Lang, testid: &'static str) -> Html {
    html! {
        <div class="table-wrap">
            <table data-testid={testid}>
                <thead><tr>
                    <th scope="col">{ i18n::DNSBL_COL_LIST.text(lang) }</th>
                    <th scope="col">{ i18n::DNSBL_COL_STATE.text(lang) }</th>
                    <th scope="col">{ i18n::DNSBL_COL_DETAIL.text(lang) }</th>
                </tr></thead>
                <tbody>{ for rows.iter().map(|r| row_html(r, lang)) }</tbody>
            </table>
        </div>
    }
}

/// The one explanation shown when no list could be checked: what happened, what it does not
/// mean, and what to do (the other resolver, or the list the bounce names, by hand).
fn all_failed_html(
    all: &AllFailed,
    resolver: Resolver,
    on_action: &Callback<Action>,
    lang: Lang,
) -> Html {
    let t = |tr: i18n::Tr| tr.get(lang);
    // The shared reason when there is one; otherwise the lead alone is the general wording.
    // A resolver that said how long to wait (HTTP 429 with Retry-After): say it, not "later",
    // and what to press then (review h206, 2).
    let waited;
    let reason = match (all.why.as_deref(), all.retry_after) {
        (Some("rate_limited"), Some(secs)) => {
            // One `format!` for both languages, and no copy of the other reasons' literals.
            let (before, after) = match lang {
                Lang::Ja => (
                    "DNS サービスが問い合わせを制限しています。",
                    " 秒たってから、下の「もう一度確認する」を押してください。",
                ),
                Lang::En => (
                    "The DNS service is limiting questions; wait ",
                    " seconds, then press \u{201c}Check again\u{201d} below.",
                ),
            };
            waited = format!("{before}{secs}{after}");
            waited.as_str()
        }
        (why, _) => why.map_or("", |w| t(i18n::why_text_all(w))),
    };
    // "No usable answer": a resolver that lies did answer, just not usably (review 8, L7).
    let lead = match lang {
        Lang::Ja => format!(
            "「{}」経由では {} 件とも使える答えが得られませんでした。{reason}{}",
            resolver.name,
            all.rows,
            t(i18n::DNSBL_ALL_FAILED_MEANING)
        ),
        Lang::En => format!(
            "None of the {} lists gave a usable answer through {}. {reason} {}",
            all.rows,
            resolver.name,
            t(i18n::DNSBL_ALL_FAILED_MEANING)
        ),
    };
    // The list the error names gets its own line: after the button it read as a dangling label.
    let named = all.named.as_ref().map(|(name, url)| {
        let intro = match lang {
            Lang::Ja => format!(
                "エラーに書かれていたリスト（{name}）は、そのリストのサイトで確認できます: "
            ),
            Lang::En => {
                format!("The list the error names, {name}, can be checked on its own site: ")
            }
        };
        html! {
            <p data-testid="dnsbl-all-failed-named">{ intro }
                { list_site_link(url, name, lang) }</p>
        }
    });
    // Both resolvers are offered in Settings; the button makes the same choice from here.
    let other = if resolver.id == RESOLVERS[0].id {
        RESOLVERS[1]
    } else {
        RESOLVERS[0]
    };
    let label = match lang {
        Lang::Ja => format!("{} で確認し直す", other.name),
        Lang::En => format!("Check again with {}", other.name),
    };
    let onclick = super::send(on_action, Action::SetResolver(other.id.to_string()));
    // The same resolver again: what helps once a limit or an outage has passed. Not for lists
    // that answered, only not usably: asking again gets the same answer.
    let again = !matches!(
        all.why.as_deref(),
        Some("refused_by_list" | "test_point_not_listed" | "zone_lists_everything")
    );
    let again_label = match lang {
        Lang::Ja => "もう一度確認する",
        Lang::En => "Check again",
    };
    html! {
        <div class="all-failed" data-testid="dnsbl-all-failed">
            <h3>{ i18n::DNSBL_ALL_FAILED_HEADING.text(lang) }</h3>
            <p>{ lead }</p>
            if again {
                <p><button type="button" data-testid="dnsbl-check-again"
                    onclick={super::send(on_action, Action::LookUpAgain)}>{ again_label }</button></p>
            }
            <p data-testid="dnsbl-resolver-hint">{ i18n::DNSBL_RESOLVER_DOWN.text(lang) }
                <button type="button" data-testid="dnsbl-switch-resolver" {onclick}>{ label }</button>
            </p>
            { for named }
        </div>
    }
}

/// Shows listed / not listed / could not check (why), exactly as `state` says.
pub fn dnsbl_table(props: &Props) -> Html {
    let lang = props.lang;
    let l = &props.lookups;
    let t = |tr: i18n::Tr| tr.get(lang);
    let skip = l.skip.map(|skip| {
        let why = match skip {
            Skip::Off => i18n::DNSBL_OFF,
            Skip::NoIp => i18n::DNSBL_NO_IP,
            Skip::NotAboutBlocking => i18n::DNSBL_NOT_ABOUT_BLOCKING,
            Skip::Scope(scope) => i18n::scope_reason(scope),
        };
        html! { <p class="skip" data-testid="dnsbl-skip" data-skip={skip.name()}>{ t(why) }</p> }
    });
    // Lists that need a customer key can never answer here: one short line with their own
    // pages, instead of a "could not check" row on every result.
    let by_hand = (!l.by_hand.is_empty()).then(|| {
        let links = l.by_hand.iter().enumerate().map(|(i, b)| {
            html! { <>
                if i > 0 { { " · " } }
                <span data-testid={format!("dnsbl-by-hand-{}", b.zone)}>
                    { external_link(&b.lookup_url, &b.name, lang) }</span>
            </> }
        });
        html! {
            <p class="muted by-hand" data-testid="dnsbl-by-hand">
                { i18n::DNSBL_BY_HAND.text(lang) }{ " " }{ for links }</p>
        }
    });
    if l.rows.is_empty() && !l.running {
        return html! {
            <section class="card dnsbl" aria-labelledby="dnsbl-heading" data-testid="dnsbl">
                <h2 id="dnsbl-heading">{ i18n::DNSBL_HEADING.text(lang) }</h2>
                { for skip }
                { for by_hand }
            </section>
        };
    }
    let count = |c: &str| l.rows.iter().filter(|r| class_of(&r.state) == c).count();
    let (listed, unavailable, not_listed) =
        (count("listed"), count("unavailable"), count("not-listed"));
    let total = l.rows.len();
    let done = l.settled();
    let status = if l.running {
        let text = match lang {
            Lang::Ja => format!("{total} 件中 {done} 件を確認しました…"),
            Lang::En => format!("{done} of {total} lists checked…"),
        };
        html! {
            <div class="progress" data-testid="dnsbl-progress">
                <progress max={total.max(1).to_string()} value={done.to_string()} aria-label={t(i18n::DNSBL_HEADING)}></progress>
                <span>{ text }</span>
            </div>
        }
    } else {
        html! { <p class="muted" data-testid="dnsbl-done">{ i18n::DNSBL_DONE.text(lang) }</p> }
    };
    let summary = html! {
        <p class="summary" data-testid="dnsbl-summary">
            <span class="badge listed">{ format!("{} {listed}", t(i18n::DNSBL_LISTED)) }</span>
            <span class="badge unavailable">{ format!("{} {unavailable}", t(i18n::DNSBL_UNAVAILABLE)) }</span>
            <span class="badge not-listed">{ format!("{} {not_listed}", t(i18n::DNSBL_NOT_LISTED)) }</span>
        </p>
    };
    let own_list = own_list_line(props.own_list, lang)
        .map(|line| html! { <p class="own-list" data-testid="dnsbl-own-list">{ line }</p> });

    // One group per target (the blocked IP, then the sender's domain), in plan order.
    let mut targets: Vec<&str> = Vec::new();
    for r in &l.rows {
        if !targets.contains(&r.target.as_str()) {
            targets.push(&r.target);
        }
    }
    let all_failed = l.all_failed();
    let failed = all_failed.is_some();
    let explanation = all_failed
        .as_ref()
        .map(|all| all_failed_html(all, props.resolver, &props.on_action, lang));
    let groups = targets.iter().map(|target| {
        let of_target: Vec<&Row> = l.rows.iter().filter(|r| r.target == *target).collect();
        let by = |c: &'static str| {
            of_target
                .iter()
                .copied()
                .filter(move |r| class_of(&r.state) == c)
        };
        let mut shown: Vec<&Row> = by("listed")
            .chain(by("unavailable"))
            .chain(by("pending"))
            .collect();
        let mut folded: Vec<&Row> = by("not-listed").collect();
        // With nothing checked, the identical failing rows fold away under the explanation
        // (there are no "not listed" rows then).
        if failed {
            std::mem::swap(&mut shown, &mut folded);
        }
        let (before, after) = match (lang, failed) {
            (Lang::Ja, false) => ("掲載なしのリスト（", " 件）を表示"),
            (Lang::En, false) => ("Show the ", " lists that do not list it"),
            (Lang::Ja, true) => ("確認できなかった ", " 件のリストを表示"),
            (Lang::En, true) => ("Show the ", " lists"),
        };
        let folded_label = format!("{before}{}{after}", folded.len());
        html! {
            <div class="target-group">
                <h3>{ i18n::DNSBL_ASKED_ABOUT.text(lang) }{" "}<code>{ *target }</code></h3>
                if !shown.is_empty() { { table(&shown, lang, "dnsbl-table") } }
                if !folded.is_empty() {
                    <details class="folded"
                        data-testid={if failed { "dnsbl-all-failed-rows" } else { "dnsbl-not-listed" }}>
                        <summary>{ folded_label }</summary>
                        { table(&folded, lang, "dnsbl-table-not-listed") }
                    </details>
                }
            </div>
        }
    });
    html! {
        <section class="card dnsbl" aria-labelledby="dnsbl-heading" data-testid="dnsbl">
            <h2 id="dnsbl-heading">{ i18n::DNSBL_HEADING.text(lang) }</h2>
            { for skip }
            <p class="muted">{ i18n::DNSBL_INTRO.text(lang) }</p>
            { status }
            { summary }
            { for own_list }
            { for explanation }
            { for groups }
            { for by_hand }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Review h217, M4: the line is said in the page's language only when the blocking party
    /// keeps its own list.
    #[test]
    fn the_own_list_line_is_said_only_for_an_own_list() {
        let d = ndr_core::diagnose(b"5.7.1 Unfortunately, messages from [203.0.113.59] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150). You can also refer your provider to http://mail.live.com/mail/troubleshooting.aspx#errors. [Name=Protocol Filter Agent][AGT=PFA] [DB3PEPF0000885D.eurprd02.prod.outlook.com 2024-10-07T11:48:34.472Z 08DCE59E609E592B]\n");
        let own = ndr_playbooks::labels::own_list_not_asked(&d);
        assert!(own);
        assert!(own_list_line(own, Lang::Ja).is_some_and(|l| l.contains("独自のリスト")));
        assert!(own_list_line(own, Lang::En).is_some_and(|l| l.contains("own list")));
        assert_eq!(own_list_line(false, Lang::En), None);
    }
}
