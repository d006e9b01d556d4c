//! The advice read in a terminal (`ndr-doctor`) never sends the reader to "this page": the steps
//! that name a part of the page have words of their own there, which name `ndr-doctor`'s
//! commands instead, and the page keeps its own words. On another site's page (the JavaScript
//! API, `Medium::Api`) the same steps name neither NDR Doctor's page nor `ndr-doctor`.

mod common;

use common::full;
use ndr_core::{Diagnosis, Reason};
use ndr_playbooks::{
    advise, advise_in, advise_with_lookups, code_index, playbooks, render, render_in, CodeKind,
    InTerminal, Lang, Listing, Medium, Rendered, SelectedBy,
};

const TERMINALS: [Medium; 2] = [
    Medium::Terminal { lookups: true },
    Medium::Terminal { lookups: false },
];

fn names_the_page(s: &str) -> bool {
    s.to_lowercase().contains("this page") || s.contains("このページ")
}

/// A step that points at a part of NDR Doctor's page: "this page", or its paste box ("paste
/// it here"). Only steps are held to the second: a ready message's "[paste the full error
/// message here]" asks to paste into the message itself, wherever it is shown.
fn step_points_at_the_page(s: &str) -> bool {
    names_the_page(s) || s.to_lowercase().contains("paste") || s.contains("貼り付け")
}

/// Every playbook with every fact, in both languages, in `medium`.
fn every_rendering(medium: Medium) -> Vec<Rendered> {
    let mut out = Vec::new();
    for p in playbooks() {
        let reason = code_index()
            .iter()
            .find(|c| c.playbook.id == p.id)
            .map_or(Reason::Blocked, |c| c.reason);
        for &lang in Lang::ALL {
            let d = full(p.party, reason);
            out.push(render_in(p, &d, lang, SelectedBy::PartyReason, medium));
            out.push(render_in(
                p,
                &Diagnosis::default(),
                lang,
                SelectedBy::GenericReason,
                medium,
            ));
        }
    }
    out
}

#[test]
fn no_step_in_a_terminal_names_the_page() {
    for medium in TERMINALS {
        for r in every_rendering(medium) {
            let text = r.to_plain_text();
            assert!(
                !names_the_page(&text),
                "{} ({:?}, {medium:?}) names the page:\n{text}",
                r.id,
                r.lang
            );
        }
    }
}

#[test]
fn the_page_keeps_its_words_and_a_terminal_changes_only_those_steps() {
    let page = every_rendering(Medium::Page);
    let mut on_the_page = std::collections::BTreeSet::new();
    for medium in [TERMINALS[0], TERMINALS[1], Medium::Api] {
        let terminal = every_rendering(medium);
        assert_eq!(page.len(), terminal.len());
        for (p, t) in page.iter().zip(&terminal) {
            assert_eq!(p.id, t.id);
            assert_eq!(p.steps.len(), t.steps.len(), "{}", p.id);
            for (ps, ts) in p.steps.iter().zip(&t.steps) {
                if step_points_at_the_page(&ps.text) {
                    on_the_page.insert(p.id);
                    assert_ne!(ps.text, ts.text, "{} {medium:?}", p.id);
                } else {
                    assert_eq!(ps.text, ts.text, "{} {medium:?}", p.id);
                }
            }
            // Nothing but those steps differs.
            assert_eq!(p.verdict, t.verdict);
            assert_eq!(p.why, t.why);
            assert_eq!(p.donts, t.donts);
            assert_eq!(p.message, t.message);
        }
    }
    // The page still sends the reader to its blocklist check and its paste box.
    for id in [
        "generic-onhold",
        "generic-delayed",
        "generic-delayed-program",
        "microsoft-throttled",
        "gmail-direct-not-allowed",
        "esp-sender-ip-listed",
        "generic-undefined",
        "microsoft-cloud-refused-by-own-host",
    ] {
        assert!(on_the_page.contains(id), "{id} not in {on_the_page:?}");
    }
}

/// Words that hold only on NDR Doctor's page or in its terminal: another site's page has
/// neither the page's blocklist check or paste box nor the `ndr-doctor` command.
fn names_the_page_or_the_cli(s: &str) -> bool {
    names_the_page(s) || s.contains("ndr-doctor")
}

#[test]
fn no_step_of_any_playbook_names_the_page_or_the_cli_for_the_api() {
    for p in playbooks() {
        for s in p.steps {
            // The steps with a terminal's words are those that name the page; each has the
            // API's words too.
            assert_eq!(
                s.in_terminal.is_some(),
                s.in_api.is_some(),
                "{}: {}",
                p.id,
                s.text.en()
            );
            let api = s.text_in(Medium::Api);
            for words in [api.ja(), api.en()] {
                assert!(!names_the_page_or_the_cli(words), "{}: {words}", p.id);
                assert!(!step_points_at_the_page(words), "{}: {words}", p.id);
            }
        }
    }
}

#[test]
fn every_playbook_and_code_rendered_for_the_api_names_neither_the_page_nor_the_cli() {
    let mut renderings = every_rendering(Medium::Api);
    for entry in code_index() {
        for &lang in Lang::ALL {
            let mut d = Diagnosis {
                blocking_party: entry.party,
                reason: entry.reason,
                ..full(entry.party, entry.reason)
            };
            match entry.kind {
                CodeKind::Enhanced => d.enhanced_code = Some(entry.code.to_owned()),
                CodeKind::Provider => d.provider_code = Some(entry.code.to_owned()),
            }
            renderings.push(render_in(
                entry.playbook,
                &d,
                lang,
                SelectedBy::CodePage,
                Medium::Api,
            ));
        }
    }
    assert!(renderings.len() > 2 * playbooks().len());
    for r in renderings {
        let text = r.to_plain_text();
        assert!(
            !names_the_page_or_the_cli(&text),
            "{} ({:?}) names the page or the CLI:\n{text}",
            r.id,
            r.lang
        );
    }
}

#[test]
fn a_step_that_names_the_page_has_words_for_a_terminal() {
    for p in playbooks() {
        for s in p.steps {
            let page = step_points_at_the_page(s.text.ja()) || step_points_at_the_page(s.text.en());
            assert_eq!(page, s.in_terminal.is_some(), "{}: {}", p.id, s.text.en());
            assert_eq!(page, s.in_api.is_some(), "{}: {}", p.id, s.text.en());
            let terminal = match s.in_terminal {
                Some(InTerminal::Always(t)) => vec![t],
                Some(InTerminal::Lookups {
                    with_lookups,
                    without,
                }) => vec![with_lookups, without],
                None => vec![],
            };
            for t in terminal {
                for words in [t.ja(), t.en()] {
                    assert!(!step_points_at_the_page(words), "{}: {words}", p.id);
                    assert!(
                        words.contains("ndr-doctor")
                            || words.contains("above")
                            || words.contains("上の"),
                        "{}: {words}",
                        p.id
                    );
                }
            }
        }
    }
}

/// A refusal of a public sending address that names no list: the advice sends the reader to
/// the blocklist check. A documentation address is never looked up, so the step would be left
/// out: the address is Google's 8.8.4.4, as in the CLI's lookup tests.
fn ip_blocked() -> Diagnosis {
    ndr_core::diagnose(
        b"<yuki@example.org>: host mx.example.org[203.0.113.5] said: 554 5.7.1 Service\n    \
        unavailable; Client host [8.8.4.4] blocked by local policy (in reply to RCPT TO command)\n",
    )
}

fn steps(r: &Rendered) -> String {
    r.steps
        .iter()
        .map(|s| s.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_terminal_without_lookups_names_the_command_that_checks() {
    let d = ip_blocked();
    assert_eq!(d.blocked_ip.as_deref(), Some("8.8.4.4"));
    let page = advise_with_lookups(&d, &[], &[], Lang::En);
    assert!(steps(&page).contains("on this page"), "{}", steps(&page));
    let en = advise_in(&d, &[], &[], Lang::En, Medium::Terminal { lookups: false });
    let all = steps(&en);
    assert!(all.contains("`ndr-doctor lookup 8.8.4.4`"), "{all}");
    assert!(!names_the_page(&all), "{all}");
    let ja = advise_in(&d, &[], &[], Lang::Ja, Medium::Terminal { lookups: false });
    let all = steps(&ja);
    assert!(all.contains("`ndr-doctor lookup 8.8.4.4`"), "{all}");
    assert!(!names_the_page(&all), "{all}");
}

#[test]
fn a_terminal_with_lookups_points_at_its_own_checks() {
    let d = ip_blocked();
    let sbl = [Listing {
        zone: "zen.spamhaus.org",
        answer: "127.0.0.2",
    }];
    let en = advise_in(&d, &sbl, &[], Lang::En, Medium::Terminal { lookups: true });
    let all = steps(&en);
    assert!(all.contains("\"Blocklist checks\" above"), "{all}");
    assert!(!all.contains("ndr-doctor lookup"), "{all}");
    assert!(!names_the_page(&all), "{all}");
    let ja = advise_in(&d, &sbl, &[], Lang::Ja, Medium::Terminal { lookups: true });
    let all = steps(&ja);
    assert!(all.contains("上の「ブロックリストの確認」"), "{all}");
    assert!(!names_the_page(&all), "{all}");
}

#[test]
fn steps_borrowed_from_a_lasting_listing_are_worded_for_the_terminal_too() {
    // Outlook.com's own block with an SBL listing found beside it: the SBL playbook's first
    // steps are joined in front of Outlook.com's.
    let d = ndr_core::diagnose(
        b"Delivery has failed to these recipients or groups:\n\nfriend@hotmail.com\n\
        Remote Server returned '550 5.7.1 Unfortunately, messages from [203.0.113.9] weren't \
        sent. Please contact your Internet service provider since part of their network is on our \
        block list (S3150). You can also refer your provider to \
        http://mail.live.com/mail/troubleshooting.aspx#errors.'\n",
    );
    let sbl = [Listing {
        zone: "zen.spamhaus.org",
        answer: "127.0.0.2",
    }];
    for &lang in Lang::ALL {
        let page = advise_in(&d, &sbl, &[], lang, Medium::Page);
        assert_eq!(page, advise_with_lookups(&d, &sbl, &[], lang));
        for medium in TERMINALS {
            let r = advise_in(&d, &sbl, &[], lang, medium);
            assert_eq!(r.id, "outlook-com-network-block");
            assert!(!names_the_page(&r.to_plain_text()), "{}", r.to_plain_text());
        }
    }
}

#[test]
fn render_is_the_pages() {
    for p in playbooks().iter().take(20) {
        let d = full(p.party, Reason::Blocked);
        assert_eq!(
            render(p, &d, Lang::Ja, SelectedBy::PartyReason),
            render_in(p, &d, Lang::Ja, SelectedBy::PartyReason, Medium::Page)
        );
    }
}

/// Google refusing mail sent straight from an end-user address, the address a public one (a
/// documentation address is never looked up, and the PBL step is left out without a lookup).
fn gmail_direct() -> Diagnosis {
    ndr_core::diagnose(
        b"<yuki@gmail.com>: host gmail-smtp-in.l.google.com[203.0.113.7] said: 550-5.7.1 \
        [8.8.4.4] The IP you're using to send mail is not authorized to send email directly to \
        our servers. Please use the SMTP relay at your service provider instead. For more \
        information, go to 550 5.7.1 https://support.google.com/mail/?p=NotAuthorizedError \
        x1si2 - gsmtp (in reply to end of DATA command)\n",
    )
}

#[test]
fn the_api_sends_the_reader_to_the_lists_own_lookup_pages() {
    for (d, id) in [
        (ip_blocked(), "generic-blocked"),
        (gmail_direct(), "gmail-direct-not-allowed"),
    ] {
        for &lang in Lang::ALL {
            // The page's words name its check; the API's name Spamhaus's lookup page instead.
            let page = advise(&d, lang);
            assert_eq!(page.id, id);
            assert!(names_the_page(&steps(&page)), "{}", steps(&page));
            let api = advise_in(&d, &[], &[], lang, Medium::Api);
            assert_eq!(api.id, id);
            let all = steps(&api);
            assert!(all.contains("check.spamhaus.org"), "{all}");
            assert!(all.contains("8.8.4.4"), "{all}");
            assert!(!names_the_page_or_the_cli(&api.to_plain_text()), "{all}");
            assert_eq!(api.steps.len(), page.steps.len());
        }
    }
}

#[test]
fn the_api_asks_to_diagnose_a_later_notice_again_without_a_paste_box() {
    // A delay notice: the page says to paste the final notice on it.
    let d = ndr_core::diagnose(
        b"This is the mail system at host mail.example.com.\n\n\
        ####################################################################\n\
        # THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #\n\
        ####################################################################\n\n\
        Your message could not be delivered for 4.0 hours.\n\
        It will be retried until it is 5.0 days old.\n\n\
        <yuki@example.org>: connect to mx.example.org[203.0.113.5]:25: Connection timed out\n",
    );
    for &lang in Lang::ALL {
        let page = advise(&d, lang);
        assert!(names_the_page(&steps(&page)), "{}", steps(&page));
        let api = advise_in(&d, &[], &[], lang, Medium::Api);
        let all = steps(&api);
        assert!(!names_the_page_or_the_cli(&all), "{all}");
        let again = match lang {
            Lang::Ja => "改めて診断してください",
            Lang::En => "diagnose that notice",
        };
        assert!(all.contains(again), "{all}");
    }
}
