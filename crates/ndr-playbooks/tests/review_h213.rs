//! Task h213: core readings that were left open, each on the form of the notice as pasted
//! (example domains, documentation addresses), with the advice they lead to.

mod common;

use common::all_text_with_letter as all_text;
use ndr_core::diagnose;
use ndr_playbooks::{advise, ip_is_blocked, labels, Actor, Lang};

/// Google Groups' notice in French, as a mail program shows it without its header fields (its
/// wording from Sisimai's sample lhost-googlegroups-09).
const GROUPS_FR: &str = "Bonjour taro@example.jp,

Il se peut que le groupe que vous avez essayé de contacter (board) n'existe pas ou que vous ne soyez pas autorisé à lui envoyer des messages. Voici quelques-unes des raisons possibles pour lesquelles votre message n'a pas pu être envoyé :

 * Vous avez mal orthographié le nom du groupe.
 * Le propriétaire du groupe l'a peut-être supprimé.
 * Vous devez être abonné avant de pouvoir envoyer des messages.
 * Ce groupe n'autorise pas l'envoi de message.

Si vous avez des questions sur ce groupe ou tout autre groupe Google, consultez le centre d'aide à l'adresse https://groups.google.com/support/.

Merci,

Google Groups
";

/// The English notice inside Gmail's "Address not found", as Gmail's window shows it.
const GROUPS_IN_GMAIL: &str = "Address not found
Your message wasn't delivered to members@example.org because the address couldn't be found, or is unable to receive mail.
The response was:

We're writing to let you know that the group you tried to contact (members) may not exist, or you may not have permission to post messages to the group. A few more details on why you weren't able to post:

 * You might have spelled or formatted the group name incorrectly.
 * The owner of the group may have removed this group.
 * You may need to join the group before receiving permission to post.
 * This group may not be open to posting.
";

/// Item 2: a group that may not exist or does not let the sender post is no block of the
/// sender, in any language: the sender checks the address and joins, or asks the group's
/// owner; nothing is said about blocklists or the sender's domain.
#[test]
fn a_google_group_refusing_a_post_is_the_groups_setting_not_a_block() {
    for paste in [GROUPS_FR, GROUPS_IN_GMAIL] {
        let d = diagnose(paste.as_bytes());
        assert!(
            d.notes.iter().any(|n| n.id == "group_post_refused"),
            "{:?}",
            d.notes
        );
        assert!(!ip_is_blocked(&d));
        let ja = advise(&d, Lang::Ja);
        let en = advise(&d, Lang::En);
        assert_eq!(en.id, "generic-group-no-permission");
        let who: Vec<Actor> = en.who.iter().map(|w| w.id).collect();
        assert_eq!(who, [Actor::Sender, Actor::RecipientAdmin]);
        let (en_text, ja_text) = (all_text(&en), all_text(&ja));
        for words in [
            "join the group",
            "owner",
            "typing mistake",
            "are not blocked",
        ] {
            assert!(en_text.contains(words), "{words}: {en_text}");
        }
        for words in [
            "参加",
            "オーナー",
            "つづり",
            "ブロックされたのではありません",
        ] {
            assert!(ja_text.contains(words), "{words}: {ja_text}");
        }
        // The first line of the CLI names the group, not a refused sender address.
        let (ja_reason, en_reason) = labels::reason_of(&d);
        assert!(
            en_reason.contains("group") && !en_reason.contains("sender"),
            "{en_reason}"
        );
        assert!(ja_reason.contains("グループ"), "{ja_reason}");
    }
}

/// A refusal after the receiver's own Spamhaus query was refused, from Gmail's notice: the
/// client the reply names is Google's shared server and the link names the receiver's
/// resolver; neither is a blocked address.
const OPEN_RESOLVER_VIA_GMAIL: &str = "** Message blocked **

Your message to kenta@example.org has been blocked. See technical details below for more information.

The response from the remote server was:
554 5.7.1 Service unavailable; Client host [192.0.2.45] blocked using zen.spamhaus.org; Error: open resolver; https://check.spamhaus.org/returnc/pub/203.0.113.53/
";

/// Item 4: the receiver's refused DNSBL query names no blocked address (so the page asks no
/// list about one), and the advice puts it on the receiving side's setup; in Exim's wording
/// and with the 127.255.255.254 answer quoted, too.
#[test]
fn the_receivers_refused_list_query_names_no_blocked_address() {
    let exim = "550 Rejected because 198.51.100.4 is in a black list at zen.spamhaus.org\nError: open resolver; https://www.spamhaus.org/returnc/pub/203.0.113.53\n";
    let answer = "554 5.7.1 Rejected: 192.0.2.173 listed at zen.spamhaus.org (127.255.255.254)\n";
    for paste in [OPEN_RESOLVER_VIA_GMAIL, exim, answer] {
        let d = diagnose(paste.as_bytes());
        assert_eq!(d.blocked_ip, None, "{paste}");
        assert_eq!(d.blocked_ip_scope, None, "{paste}");
        assert!(
            d.notes.iter().any(|n| n.id == "receiver_resolver_refused"),
            "{:?}",
            d.notes
        );
        assert!(!ip_is_blocked(&d));
        let en = advise(&d, Lang::En);
        assert_eq!(en.id, "spamhaus-open-resolver");
        assert!(
            en.verdict.contains("receiving mail server"),
            "{}",
            en.verdict
        );
        let ja = advise(&d, Lang::Ja);
        assert!(ja.why.contains("受信側"), "{}", ja.why);
        // No step or letter speaks of the sender's own address as listed.
        assert!(!all_text(&en).contains("Your IP address is listed"));
    }
}

/// New Outlook's (Outlook on the web's) block above the notice a visitor copies, in English.
const OUTLOOK_EN: &str = include_str!("../../ndr-core/test_data/bounces/visible-outlook-16.txt");
/// The same block in Japanese (差出人, 送信日時, 宛先, 件名).
const OUTLOOK_JA: &str = include_str!("../../ndr-core/test_data/bounces/visible-outlook_ja-12.txt");
/// A person forwarding such a notice: the block at the top is the forward's.
const OUTLOOK_FORWARD: &str =
    include_str!("../../ndr-core/test_data/bounces/visible-outlook-17.txt");

/// Item 1: the notice's own block at the top of a paste gives the sender's address, the time
/// and the returned message's subject, which the letters then fill in instead of leaving
/// fill-ins; a forward's block gives none of them.
#[test]
fn outlooks_block_above_a_paste_fills_the_letters() {
    let en = diagnose(OUTLOOK_EN.as_bytes());
    assert_eq!(en.sender_address.as_deref(), Some("ichiro@example.com"));
    assert_eq!(
        en.sent_at.as_deref(),
        Some("Friday, November 20, 2026 3:20 PM")
    );
    assert_eq!(en.subject.as_deref(), Some("Invoice for November"));
    let letter = advise(&en, Lang::En).message.expect("a letter");
    assert!(
        letter.body.contains(
            "- Sent at: Friday, November 20, 2026 3:20 PM\n- Subject: Invoice for November"
        ),
        "{}",
        letter.body
    );
    let ja = diagnose(OUTLOOK_JA.as_bytes());
    assert_eq!(ja.sender_address.as_deref(), Some("ichiro@example.com"));
    assert_eq!(ja.sent_at.as_deref(), Some("2026年11月20日 金曜日 15:20"));
    assert_eq!(ja.subject.as_deref(), Some("請求書の送付"));
    // A refusal whose advice has a letter with the time line: the subject goes below it.
    let refused = OUTLOOK_JA.replace(
        "550 5.1.1 <kato@example.co.jp>: Recipient address rejected: User unknown in local recipient table",
        "554 5.7.1 Service unavailable; Client host [192.0.2.77] blocked using bl.example.net",
    );
    let letter = advise(&diagnose(refused.as_bytes()), Lang::Ja)
        .message
        .expect("a letter");
    assert!(
        letter
            .body
            .contains("・送信日時: 2026年11月20日 金曜日 15:20\n・件名: 請求書の送付"),
        "{}",
        letter.body
    );
    let fw = diagnose(OUTLOOK_FORWARD.as_bytes());
    assert_eq!(
        (fw.sender_address, fw.sent_at, fw.subject),
        (None, None, None),
        "a forward's block is not the notice's"
    );
}
