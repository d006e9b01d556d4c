//! The shape of a playbook: verdict, who acts, steps with links and values to copy, a ready message.

use ndr_core::Party;
use serde::{Deserialize, Serialize};

use crate::text::{Lang, Text};

/// What to do next for one kind of bounce, in both languages.
///
/// Texts may contain placeholders (see [`crate::PLACEHOLDERS`]) and the playbook's own `facts`
/// (`{delist_email}`); the renderer fills them, with a readable fallback for anything missing.
#[derive(Debug, Clone, Copy)]
pub struct Playbook {
    /// Stable kebab-case id (`microsoft-banned-ip`); the web app and the CLI may show it.
    pub id: &'static str,
    /// The party whose procedure this is; `None` for the generic, per-reason playbooks.
    pub party: Option<Party>,
    /// A short title for lists and code pages.
    pub title: Text,
    /// One sentence in plain words, facts filled in: what happened.
    pub verdict: Text,
    /// One sentence: why this usually happens.
    pub why: Text,
    /// Who must act, the main actor first. Never empty.
    pub actors: &'static [Actor],
    /// How soon to act.
    pub urgency: Urgency,
    /// How long a fix usually takes.
    pub duration: Text,
    /// What to have at hand before starting.
    pub prepare: &'static [Prepare],
    /// Numbered steps.
    pub steps: &'static [Step],
    /// What not to do.
    pub donts: &'static [Text],
    /// A ready-to-send message, if someone else must act.
    pub message: Option<Message>,
    /// The list's or provider's own lookup page, filling `{lookup_url}`.
    pub lookup: Option<Url>,
    /// Facts of the party that change (addresses, names), filling `{name}` placeholders.
    /// Each party keeps them in one place; playbooks point at that table.
    pub facts: &'static [(&'static str, &'static str)],
    /// Where the advice comes from.
    pub sources: &'static [Source],
    /// When the sources were last checked (ISO date of the newest snapshot reviewed).
    pub checked: &'static str,
}

/// One numbered step.
#[derive(Debug, Clone, Copy)]
pub struct Step {
    /// What to do, in plain words.
    pub text: Text,
    /// The official page to open for this step.
    pub link: Option<Link>,
    /// A value to copy into a form or a DNS setting.
    pub copy: Option<CopyValue>,
    /// A fact of the bounce the step is about: the step is left out when the bounce does not
    /// hold it. `Fact::Ip` marks a look at the blocklist check (the page's, or `ndr-doctor`'s),
    /// left out unless the sending IP is one the check asks about (not a private or
    /// documentation address).
    pub only_with: Option<Fact>,
    /// The step's words in a terminal, when `text` names a part of the page (its blocklist
    /// check, its box to paste a notice into): `ndr-doctor` has no page, but commands.
    pub in_terminal: Option<InTerminal>,
    /// The step's words on another site's page (`Medium::Api`), for the same steps as
    /// `in_terminal`: that page has neither NDR Doctor's blocklist check nor its paste box.
    pub in_api: Option<Text>,
    /// The mail service whose own values the step shows as an example: the step is left out
    /// when the bounce shows the mail went out through another one (Microsoft 365's SPF value
    /// is no example for a Gmail sender; held-out i, LOW-6).
    pub example_for: Option<Service>,
    /// The mail service whose own page the step's link is (Microsoft 365's DKIM guide in a step
    /// for any service): the link is left out, the step kept, when the bounce shows the mail
    /// went out through another service or another server (review h206, L7).
    pub link_for: Option<Service>,
    /// The recipient domain whose own guide the step is: the step is left out when the
    /// recipient's domain is another one that a step of the same playbook is for (SoftBank's
    /// @i.softbank.jp and @softbank.ne.jp settings).
    pub for_domain: Option<&'static str>,
}

/// Where the advice is shown. A few steps send the reader to a part of the page (its blocklist
/// check, its box to paste a notice into); in a terminal those steps read as what `ndr-doctor`
/// itself offers (`Step::in_terminal`), and on another site's page as what holds anywhere
/// (`Step::in_api`). Every other text is the same in all three.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Medium {
    /// NDR Doctor's web page (and its code pages), which checks the blocklists itself.
    #[default]
    Page,
    /// `ndr-doctor`'s readable report.
    Terminal {
        /// The report lists the blocklist checks above the advice (`diagnose --lookup`).
        lookups: bool,
    },
    /// Another site's page, through the JavaScript API (`advise`): a help centre shows the
    /// advice in its own UI, with no blocklist check and perhaps no box to paste into.
    Api,
}

/// A step's words in a terminal (see [`Step::in_terminal`]).
#[derive(Debug, Clone, Copy)]
pub enum InTerminal {
    /// The same words in every report.
    Always(Text),
    /// Words for a report that lists the blocklist checks, and for one that does not.
    Lookups {
        /// The report lists them (`ndr-doctor diagnose --lookup`).
        with_lookups: Text,
        /// It does not: the words say what command checks (`ndr-doctor lookup {ip}`).
        without: Text,
    },
}

/// A mail service that a step's example is written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Service {
    /// Microsoft 365 (Exchange Online).
    Microsoft365,
    /// Gmail or Google Workspace.
    Google,
}

impl Step {
    /// A step with text only.
    pub const fn new(text: Text) -> Step {
        Step {
            text,
            link: None,
            copy: None,
            only_with: None,
            example_for: None,
            link_for: None,
            in_terminal: None,
            in_api: None,
            for_domain: None,
        }
    }

    /// The same step, read in a terminal as `text`, whether or not the report lists the
    /// blocklist checks.
    pub const fn in_terminal(self, text: Text) -> Step {
        Step {
            in_terminal: Some(InTerminal::Always(text)),
            ..self
        }
    }

    /// The same step, read in a terminal as `with_lookups` when the report lists the blocklist
    /// checks (`ndr-doctor diagnose --lookup`), else as `without`, which says what command
    /// checks.
    pub const fn in_terminal_lookups(self, with_lookups: Text, without: Text) -> Step {
        Step {
            in_terminal: Some(InTerminal::Lookups {
                with_lookups,
                without,
            }),
            ..self
        }
    }

    /// The same step, read on another site's page (`Medium::Api`) as `text`: words that hold
    /// without NDR Doctor's blocklist check or paste box.
    pub const fn in_api(self, text: Text) -> Step {
        Step {
            in_api: Some(text),
            ..self
        }
    }

    /// The step's words where the advice is shown.
    pub const fn text_in(&self, medium: Medium) -> Text {
        match (medium, self.in_terminal, self.in_api) {
            (Medium::Api, _, Some(text)) => text,
            (Medium::Page | Medium::Api, _, _) | (Medium::Terminal { .. }, None, _) => self.text,
            (Medium::Terminal { .. }, Some(InTerminal::Always(text)), _) => text,
            (
                Medium::Terminal { lookups: true },
                Some(InTerminal::Lookups { with_lookups, .. }),
                _,
            ) => with_lookups,
            (Medium::Terminal { lookups: false }, Some(InTerminal::Lookups { without, .. }), _) => {
                without
            }
        }
    }

    /// The same step, left out when the mail went out through a service other than `service`,
    /// or through a server the bounce shows is neither (a hosting company's, the sender's own).
    pub const fn example_for(self, service: Service) -> Step {
        Step {
            example_for: Some(service),
            ..self
        }
    }

    /// The same step, its link left out when the mail went out through a service other than
    /// `service` (see `link_for`).
    pub const fn link_for(self, service: Service) -> Step {
        Step {
            link_for: Some(service),
            ..self
        }
    }

    /// The same step, the guide for recipients at `domain` (see `for_domain`).
    pub const fn for_domain(self, domain: &'static str) -> Step {
        Step {
            for_domain: Some(domain),
            ..self
        }
    }

    /// The same step, shown only when the bounce holds `fact`.
    pub const fn only_with(self, fact: Fact) -> Step {
        Step {
            only_with: Some(fact),
            ..self
        }
    }

    /// The same step with a link.
    pub const fn link(self, label: Text, url: Url) -> Step {
        Step {
            link: Some(Link { label, url }),
            ..self
        }
    }

    /// The same step with a link the party's file keeps as a const (one label per page).
    pub const fn linked(self, link: Link) -> Step {
        Step {
            link: Some(link),
            ..self
        }
    }

    /// The same step with a value to copy.
    pub const fn copy(self, label: Text, value: &'static str) -> Step {
        Step {
            copy: Some(CopyValue { label, value }),
            ..self
        }
    }
}

/// A link with its label.
#[derive(Debug, Clone, Copy)]
pub struct Link {
    /// What the page is, in both languages.
    pub label: Text,
    /// Where it is.
    pub url: Url,
}

/// An official address, possibly with a Japanese version, possibly with `{ip}` or
/// `{sender_domain}` in it.
///
/// When a placeholder cannot be filled (no IP in the bounce), `fallback` is used instead, so a
/// link never carries a raw `{ip}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Url {
    /// The English page.
    pub en: &'static str,
    /// The Japanese page (the same as `en` where no Japanese page exists).
    pub ja: &'static str,
    /// The page to use when a placeholder in `en`/`ja` has no value.
    pub fallback: &'static str,
}

impl Url {
    /// One page for both languages, no placeholders.
    pub const fn one(url: &'static str) -> Url {
        Url {
            en: url,
            ja: url,
            fallback: url,
        }
    }

    /// An English page and its Japanese version, no placeholders.
    pub const fn pair(en: &'static str, ja: &'static str) -> Url {
        Url {
            en,
            ja,
            fallback: en,
        }
    }

    /// A page with a placeholder, and the page to open when the value is unknown.
    pub const fn filled(template: &'static str, fallback: &'static str) -> Url {
        Url {
            en: template,
            ja: template,
            fallback,
        }
    }

    /// The template in `lang`.
    pub const fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Ja => self.ja,
            Lang::En => self.en,
        }
    }
}

/// A value to copy, with its label. `value` may contain placeholders; a value whose
/// placeholder cannot be filled is left out of the rendered step rather than shown half-made.
#[derive(Debug, Clone, Copy)]
pub struct CopyValue {
    /// What the value is ("The IP address to enter").
    pub label: Text,
    /// The value (`{ip}`, `v=spf1 include:spf.protection.outlook.com -all`).
    pub value: &'static str,
}

/// Something to have at hand before starting.
#[derive(Debug, Clone, Copy)]
pub enum Prepare {
    /// A fact the bounce may contain; rendered with its value when known.
    Fact(Fact),
    /// Anything else.
    Other(Text),
}

/// A fact of the bounce the user may need to type into a form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Fact {
    /// The sending IP the bounce names (blocked, or lacking a PTR record, ...).
    Ip,
    /// The address the mail was sent from (not in the bounce's facts: the user knows it).
    SenderAddress,
    /// The sender's domain.
    SenderDomain,
    /// The failed recipient.
    Recipient,
    /// The whole error text.
    ErrorText,
    /// The most specific code (provider code, else enhanced code, else reply code).
    Code,
    /// The rejecting server.
    RemoteHost,
    /// When the mail was sent and when it bounced.
    Time,
    /// The blocklist zone named in the bounce.
    Zone,
}

impl Fact {
    /// How the fact is called in a "prepare" list.
    pub const fn label(self) -> Text {
        match self {
            // Not "blocked": the same fact is asked for when a PTR record is missing or an
            // authentication check failed, where nothing blocks the address.
            Fact::Ip => text! {
                ja: "送信元 IP アドレス",
                en: "The sending IP address",
            },
            Fact::SenderAddress => text! {
                ja: "送信に使ったメールアドレス",
                en: "The email address you sent from",
            },
            Fact::SenderDomain => text! {
                ja: "送信元のドメイン（メールアドレスの @ より後ろ）",
                en: "Your sending domain (the part after @)",
            },
            Fact::Recipient => text! {
                ja: "届かなかった宛先のメールアドレス",
                en: "The recipient address that failed",
            },
            Fact::ErrorText => text! {
                ja: "エラーメッセージの全文",
                en: "The full error message",
            },
            Fact::Code => text! {
                ja: "エラーコード",
                en: "The error code",
            },
            Fact::RemoteHost => text! {
                ja: "受信を拒否したサーバー名",
                en: "The name of the server that refused the mail",
            },
            Fact::Time => text! {
                ja: "メールを送信した日時",
                en: "When you sent the mail",
            },
            Fact::Zone => text! {
                ja: "エラーに書かれたブロックリスト名",
                en: "The blocklist named in the error",
            },
        }
    }

    /// What to show when the bounce does not contain the fact.
    pub const fn missing(self) -> Text {
        match self {
            Fact::Ip => text! {
                ja: "この通知には書かれていません。メール事業者かホスティング事業者に、送信に使っているサーバーの IP アドレスを確認してください",
                en: "the bounce does not show it: ask your mail provider or hosting company for the IP address your mail is sent from",
            },
            Fact::SenderAddress => text! {
                ja: "ご自身の送信用アドレス",
                en: "your own sending address",
            },
            // The label already says "the part after @": an example, not the same words again.
            Fact::SenderDomain => text! {
                ja: "たとえば you@example.com なら example.com",
                en: "for you@example.com, it is example.com",
            },
            Fact::Recipient => text! {
                // Missing means the bounce does not show it: the sent mail does.
                ja: "送信済みフォルダーにある、そのメールの宛先",
                en: "the address you sent to, as in your Sent folder",
            },
            Fact::ErrorText => text! {
                ja: "返ってきたメールの本文をそのままコピーしてください",
                en: "copy the body of the returned message as is",
            },
            Fact::Code => text! {
                ja: "エラーメッセージ内の 550 や 5.7.1 のような番号",
                en: "the numbers such as 550 or 5.7.1 in the error message",
            },
            Fact::RemoteHost => text! {
                ja: "エラーメッセージ内のサーバー名",
                en: "the server name in the error message",
            },
            Fact::Time => text! {
                ja: "送信済みフォルダーにある、そのメールの日時",
                en: "the date of that mail in your Sent folder",
            },
            Fact::Zone => text! {
                ja: "エラーメッセージ内の「blocked using ...」の部分",
                en: "the part after \"blocked using\" in the error message",
            },
        }
    }
}

/// Who must act.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Actor {
    /// You, the sender.
    Sender,
    /// Your own IT or Microsoft 365 / Google Workspace administrator.
    SenderAdmin,
    /// Your hosting company, ISP or mail provider.
    SenderProvider,
    /// The recipient organisation's administrator.
    RecipientAdmin,
    /// The recipient themselves.
    Recipient,
    /// Nobody: it clears by itself.
    Nobody,
    /// Nobody: nothing failed (a delivery notice, an out-of-office reply).
    NothingToDo,
}

impl Actor {
    /// The actor's name.
    pub const fn label(self) -> Text {
        match self {
            Actor::Sender => text! {
                ja: "あなた（送信者）",
                en: "You (the sender)",
            },
            Actor::SenderAdmin => text! {
                ja: "社内のメール管理者",
                en: "Your IT administrator",
            },
            Actor::SenderProvider => text! {
                ja: "あなたのホスティング事業者（メールサーバーを提供している会社やプロバイダー）",
                en: "Your hosting company (whoever runs your mail server, possibly your ISP)",
            },
            Actor::RecipientAdmin => text! {
                ja: "受信側の管理者",
                en: "The recipient's administrator",
            },
            Actor::Recipient => text! {
                ja: "受信者ご本人",
                en: "The recipient",
            },
            Actor::Nobody => text! {
                ja: "対応不要（時間がたてば自然に解決します）",
                en: "Nobody (it clears by itself)",
            },
            Actor::NothingToDo => text! {
                ja: "対応不要（届かなかったメールはありません）",
                en: "Nobody (no mail failed)",
            },
        }
    }
}

/// How soon to act.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Urgency {
    /// Today: mail to many recipients is failing or the account may be misused.
    Now,
    /// In the next days.
    Soon,
    /// No action needed now; check again later.
    Wait,
    /// Nothing failed.
    None,
}

impl Urgency {
    /// The urgency in words.
    pub const fn label(self) -> Text {
        match self {
            Urgency::Now => text! {
                ja: "至急（今日中に対応してください）",
                en: "Urgent (act today)",
            },
            Urgency::Soon => text! {
                ja: "早めに（数日以内に対応してください）",
                en: "Soon (within a few days)",
            },
            Urgency::Wait => text! {
                ja: "様子見（しばらく待ってから確認してください）",
                en: "Wait and check again later",
            },
            Urgency::None => text! {
                ja: "対応不要",
                en: "No action needed",
            },
        }
    }
}

/// A ready-to-send message.
#[derive(Debug, Clone, Copy)]
pub struct Message {
    /// Who it is for.
    pub to: To,
    /// Where to send it, if it is a fixed address (may be a `{fact}` of the playbook).
    pub address: Option<&'static str>,
    /// The subject line.
    pub subject: Text,
    /// The body, with placeholders.
    pub body: Text,
}

/// The addressee of a ready message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum To {
    /// Your hosting company, ISP or mail provider's support.
    HostingProvider,
    /// Your own IT administrator.
    SenderAdmin,
    /// The recipient's IT administrator (sent via the recipient if you do not know them).
    RecipientAdmin,
    /// The recipient themselves, by another channel (phone, another address).
    Recipient,
    /// The list operator or mailbox provider (a support address or form).
    Operator,
    /// Your own Microsoft 365 administrator: for a setting of your organisation's tenant, which
    /// a hosting company cannot change.
    Microsoft365Admin,
    /// The support of the sending service (ESP) the mail went out through: SendGrid, Mailgun,
    /// Postmark, Amazon SES.
    SendingService,
    /// The support of the user's own mail provider (the service of their mail account), when
    /// no hosting company is involved: a refusal of the address they connect from.
    MailProvider,
}

impl To {
    /// The addressee's name.
    pub const fn label(self) -> Text {
        match self {
            To::HostingProvider => text! {
                ja: "ホスティング事業者のサポート窓口",
                en: "Your hosting company's support",
            },
            To::SenderAdmin => text! {
                ja: "社内のメール管理者（またはホスティング事業者）",
                en: "Your IT administrator (or hosting company)",
            },
            To::RecipientAdmin => text! {
                ja: "受信側の管理者（分からなければ受信者ご本人経由で）",
                en: "The recipient's administrator (or the recipient, who can pass it on)",
            },
            To::Recipient => text! {
                ja: "受信者ご本人（電話や別のアドレスで）",
                en: "The recipient (by phone or another address)",
            },
            To::Operator => text! {
                ja: "ブロックについての問い合わせ窓口",
                en: "The contact for the block",
            },
            To::Microsoft365Admin => text! {
                ja: "社内の Microsoft 365 管理者",
                en: "Your Microsoft 365 administrator",
            },
            To::SendingService => text! {
                ja: "送信サービス（ESP）のサポート窓口",
                en: "Your sending service's support",
            },
            To::MailProvider => text! {
                ja: "メール事業者のサポート窓口",
                en: "Your mail provider's support",
            },
        }
    }
}

/// A source of the advice.
#[derive(Debug, Clone, Copy)]
pub struct Source {
    /// What the page is.
    pub title: Text,
    /// Where it is.
    pub url: Url,
}
