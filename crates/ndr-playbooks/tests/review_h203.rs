//! Task h203: small advice fixes found on held-out pastes (anonymized, documentation addresses
//! and example domains).

mod common;

use common::all_text_with_letter;
use ndr_core::{diagnose, Reason};
use ndr_playbooks::{advise, select, Lang};

/// Held-out ab 27: Gmail's own refusal to send to an address of a form RFC 5321 does not
/// allow (a phone's Gmail app, a Japanese carrier's old address), pasted from a help page.
const GMAIL_ILLEGAL_TO: &str = "Gmailからドコモやauにメールが送れないエラー画面

Delivery to the following recipient failed permanently:

Technical details of permanent failure:
Internal parse error: Illegal envelope To: address (not valid RFC5321 syntax)
";

/// 2: the address's form is the cause, not a missing mailbox: the advice names the dot before
/// "@" and two dots in a row, points to docomo's own page and asks for another address, in both
/// languages. A plain "user unknown" keeps the generic advice.
#[test]
fn an_address_of_a_form_gmail_refuses_gets_its_own_advice() {
    let d = diagnose(GMAIL_ILLEGAL_TO.as_bytes());
    assert_eq!(d.reason, Reason::UserUnknown);
    assert_eq!(select(&d).playbook.id, "generic-userunknown-address-form");
    for (lang, words) in [
        (
            Lang::En,
            [
                "a dot right before \"@\"",
                "two dots in a row",
                "ask for another address",
            ],
        ),
        (
            Lang::Ja,
            ["「@」の直前にドット", "ドットが二つ続く", "別のアドレス"],
        ),
    ] {
        let r = advise(&d, lang);
        let all = all_text_with_letter(&r);
        for w in words {
            assert!(all.contains(w), "{lang:?} {w}: {all}");
        }
        let docomo = "https://www.docomo.ne.jp/service/docomo_mail/rfc_add/";
        assert!(
            r.steps
                .iter()
                .any(|s| s.link.as_ref().is_some_and(|l| l.url == docomo)),
            "{r:?}"
        );
        assert!(format!("{r:?}").contains("rfc5321#section-4.1.2"), "{r:?}");
    }
    let plain = diagnose(
        b"Delivery to the following recipient failed permanently:\n\n     nobody@example.com\n\nTechnical details of permanent failure:\n550 5.1.1 The email account that you tried to reach does not exist.\n",
    );
    assert_eq!(plain.reason, Reason::UserUnknown);
    assert_eq!(select(&plain).playbook.id, "generic-userunknown");
}

/// Held-out ab 18 (anonymized): Outlook.com's old SC-001 template forwarded by a mail client,
/// its sentence pasted again with markdown bold around part of it.
const SC001_NETWORK_BOLD: &str = "Lo curioso es que indica que **el remitente está en una lista de bloqueo**.

**Unfortunately, messages from 198.51.100.164 weren't sent. Please contact your Internet service provider since part of their network is on our block list. You can also refer your provider to http://mail.live.com/mail/tr**

De: postmaster@mx.example.net [mailto:postmaster@mx.example.net] Enviado el: miércoles, 05 de julio de 2017 2:21 p. m.
Asunto: Notificación de estado de entrega (Error)
Algunos de los destinatarios no recibieron su mensaje.
      Asunto:	No se puede localizar a los destinatarios siguientes:
      someone@hotmail.com en 05/07/2017 2:20 p. m.
            mx.example.net: 550 SC-001 (COL004-MC1F22) 
Unfortunately, messages from 198.51.100.164 weren't sent. Please contact your Internet service provider since part of their network **is on our block list**. You can also refer your provider to http://mail.live.com/mail/tr
";

/// 3: Microsoft's words say the block is of the sender's provider's network ("contact your
/// Internet service provider since part of their network is on our block list"), which markdown
/// bold in the paste must not hide: the network-block advice, the network's operator first.
#[test]
fn outlook_coms_network_block_in_bold_names_the_networks_operator_first() {
    let d = diagnose(SC001_NETWORK_BOLD.as_bytes());
    assert_eq!(d.blocking_party, Some(ndr_core::Party::OutlookCom));
    assert_eq!(select(&d).playbook.id, "outlook-com-network-block");
    let r = advise(&d, Lang::En);
    assert_eq!(
        r.who.first().map(|w| w.id),
        Some(ndr_playbooks::Actor::SenderProvider)
    );
    // The same words without bold: the same choice.
    let plain = SC001_NETWORK_BOLD.replace("**", "");
    assert_eq!(
        select(&diagnose(plain.as_bytes())).playbook.id,
        "outlook-com-network-block"
    );
}
