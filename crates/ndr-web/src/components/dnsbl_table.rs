//! The blocklist table: one row per list, filled in as answers arrive.

use yew::prelude::*;

use super::steps::external_link;
use crate::i18n::{self, Lang};
use crate::state::{Lookups, RowState, Skip};

/// Props of [`DnsblTable`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The page language.
    pub lang: Lang,
    /// The lookups.
    pub lookups: Lookups,
}

/// Shows listed / not listed / could not check (why), exactly as `state` says.
#[function_component(DnsblTable)]
pub fn dnsbl_table(props: &Props) -> Html {
    let lang = props.lang;
    let l = &props.lookups;
    let t = |tr: i18n::Tr| tr.get(lang);
    let skip = l.skip.map(|skip| {
        let why = match skip {
            Skip::Off => i18n::DNSBL_OFF,
            Skip::NoIp => i18n::DNSBL_NO_IP,
            Skip::Scope(scope) => i18n::scope_reason(scope),
        };
        html! { <p class="skip" data-testid="dnsbl-skip" data-skip={format!("{skip:?}")}>{ t(why) }</p> }
    });
    let body = if l.rows.is_empty() && !l.running {
        Html::default()
    } else {
        let total = l.rows.len();
        let many_targets = l.rows.iter().any(|r| r.target != l.rows[0].target);
        let done = l.settled();
        let progress = if l.running {
            let text = match lang {
                Lang::Ja => format!("{total} 件中 {done} 件を確認しました"),
                Lang::En => format!("{done} of {total} lists checked"),
            };
            html! {
                <div class="progress" data-testid="dnsbl-progress">
                    <progress max={total.max(1).to_string()} value={done.to_string()} aria-label={t(i18n::DNSBL_HEADING)}></progress>
                    <span>{ text }</span>
                </div>
            }
        } else {
            html! { <p class="muted" data-testid="dnsbl-done">{ t(i18n::DNSBL_DONE) }</p> }
        };
        let rows = l.rows.iter().map(|r| {
            let (class, label, detail) = match &r.state {
                RowState::Pending => ("pending", t(i18n::DNSBL_PENDING), Html::default()),
                RowState::Listed { meaning, txt, .. } => (
                    "listed",
                    t(i18n::DNSBL_LISTED),
                    html! { <>
                        if let Some(m) = meaning { <span class="meaning">{ m.get(lang).to_string() }</span> }
                        if let Some(txt) = txt { <q class="txt">{ txt.clone() }</q> }
                    </> },
                ),
                RowState::NotListed { note } => (
                    "not-listed",
                    t(i18n::DNSBL_NOT_LISTED),
                    html! { if let Some(n) = note { <span>{ n.get(lang).to_string() }</span> } },
                ),
                RowState::Unavailable { why, detail } => (
                    "unavailable",
                    t(i18n::DNSBL_UNAVAILABLE),
                    html! { <>
                        <span class="why" data-why={why.clone()}>{ t(i18n::why_text(why)) }</span>
                        if !detail.is_empty() { <span class="tech muted" lang="en">{ detail.clone() }</span> }
                    </> },
                ),
            };
            // The list's own page is offered wherever our answer is not a clean "not listed".
            let link = (class != "not-listed").then_some(()).and(r.lookup_url.as_ref()).map(|url| {
                html! { <span class="check-link">{ external_link(url, t(i18n::DNSBL_CHECK_BY_HAND), lang) }</span> }
            });
            html! {
                <tr class={class} data-testid={format!("dnsbl-row-{}", r.zone)} data-state={class}
                    data-target={r.target.clone()}>
                    <th scope="row"><span class="list-name">{ &r.name }</span><br/><code class="zone">{ &r.zone }</code>
                        if many_targets { <br/><span class="muted target">{ &r.target }</span> }
                    </th>
                    <td><span class={classes!("badge", class)}>{ label }</span></td>
                    <td class="detail">{ detail }{ for link }</td>
                </tr>
            }
        });
        html! {
            <>
            <p class="muted">{ t(i18n::DNSBL_INTRO) }</p>
            { progress }
            if total > 0 {
                <div class="table-wrap">
                <table data-testid="dnsbl-table">
                    <thead><tr>
                        <th scope="col">{ t(i18n::DNSBL_COL_LIST) }</th>
                        <th scope="col">{ t(i18n::DNSBL_COL_STATE) }</th>
                        <th scope="col">{ t(i18n::DNSBL_COL_DETAIL) }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
                </div>
            }
            </>
        }
    };
    html! {
        <section class="card dnsbl" aria-labelledby="dnsbl-heading" data-testid="dnsbl">
            <h2 id="dnsbl-heading">{ t(i18n::DNSBL_HEADING) }</h2>
            { for skip }
            { body }
        </section>
    }
}
