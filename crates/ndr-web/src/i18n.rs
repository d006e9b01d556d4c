//! Every word the page shows, in Japanese and English side by side.
//!
//! Each string is a `Tr { ja, en }` literal, so leaving out a language is a compile error
//! (E0063), not a blank on the page. Texts that depend on the bounce (verdicts, steps)
//! come from `ndr-playbooks`; this file holds only the page's own chrome.

use ndr_core::{IpScope, Reason};

/// The page language: the playbooks' own, so advice and chrome always agree.
pub use ndr_playbooks::Lang;

/// One user-visible string in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tr {
    /// Japanese.
    pub ja: &'static str,
    /// English.
    pub en: &'static str,
}

impl Tr {
    /// The string in `lang`.
    pub const fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Ja => self.ja,
            Lang::En => self.en,
        }
    }

    /// The string in `lang` as a text node of the page. `{ tr.get(lang) }` in `html!` would
    /// copy the literal into a new string at each call, with that code at each use; this
    /// node points at the literal, and the code is here once.
    #[inline(never)]
    pub fn text(&'static self, lang: Lang) -> yew::Html {
        yew::Html::VText(yew::virtual_dom::VText::new(yew::AttrValue::Static(
            self.get(lang),
        )))
    }
}

/// Shorthand for a `Tr` literal; both arguments are required.
macro_rules! tr {
    ($ja:expr, $en:expr $(,)?) => {
        Tr { ja: $ja, en: $en }
    };
}

// ---- Header and chrome -------------------------------------------------------------------

pub const APP_NAME: Tr = tr!("NDR Doctor", "NDR Doctor");
pub const TAGLINE: Tr = tr!(
    "届かなかったメールの理由と、次にすることがわかります。",
    "Find out why your email bounced, and what to do next."
);
pub const PRIVATE_PROMISE: Tr = tr!(
    "貼り付けた内容はこのブラウザーの中だけで調べ、どこにも送信しません。ただし、ブロックリストを確認するため、送信元の IP アドレスやドメインだけを DNS サービス（Google などが公開している、名前を調べる窓口）に問い合わせます。送った内容は「このページが送信したもの」で確認でき、設定でオフにすることもできます。",
    "What you paste is read only inside this browser and is never sent. To check blocklists, the page does ask a DNS service (a public look-up service, such as Google's) about the sending IP address or domain (listed under \"What this page sent\"; you can turn this off in Settings)."
);
/// The same promise while the visitor has turned blocklist checks off.
pub const PRIVATE_PROMISE_OFF: Tr = tr!(
    "貼り付けた内容はこのブラウザーの中だけで調べ、どこにも送信しません。ブロックリストの確認はオフなので、このページからは何も送信されません。",
    "What you paste is read only inside this browser and is never sent. Blocklist checks are off, so this page sends nothing at all."
);
pub const NO_TRACKING: Tr = tr!(
    "アクセス解析、Cookie、外部のスクリプトやフォントは使っていません。",
    "No analytics, no cookies, no third-party scripts or fonts."
);
pub const LANG_SWITCH_LABEL: Tr = tr!("表示言語", "Language");
pub const SKIP_TO_MAIN: Tr = tr!("本文へ移動", "Skip to main content");

// ---- The playbooks' texts, loaded per language (texts.rs) ---------------------------------

pub const TEXTS_LOADING: Tr = tr!("対処法を読み込んでいます…", "Loading the advice…");
pub const TEXTS_FAILED: Tr = tr!(
    "対処法の文章を読み込めませんでした。接続を確認してから、ページを再読み込みしてください。下の診断結果と証拠はこのまま使えます。",
    "The advice could not be loaded. Check your connection, then reload the page. The diagnosis and the evidence below still work."
);

// ---- Paste box ---------------------------------------------------------------------------

pub const PASTE_HEADING: Tr = tr!("エラーメールを貼り付ける", "Paste the bounce message");
pub const PASTE_LABEL: Tr = tr!(
    "戻ってきたエラーメール（全文でも、画面に見えている文章だけでも構いません）",
    "The message that came back (the whole source, or just the text you can see)"
);
pub const PASTE_PLACEHOLDER: Tr = tr!(
    "例: 「Undelivered Mail Returned to Sender」「配信不能」などの件名のメールを開き、本文をすべてコピーしてここに貼り付けます。",
    "For example, open the message titled “Undelivered Mail Returned to Sender” or “Delivery has failed”, copy all of it and paste it here."
);
pub const WHERE_TO_FIND: Tr = tr!(
    "エラーメールの全文（ソース）はどこで見られますか？",
    "Where do I find the full message (source)?"
);
pub const WHERE_OUTLOOK: Tr = tr!(
    "Outlook: エラーメールを開き、「…」→「表示」→「メッセージのソースを表示」（デスクトップ版は「ファイル」→「プロパティ」のインターネット ヘッダー）。",
    "Outlook: open the bounce, then “…” → “View” → “View message source” (desktop: File → Properties, Internet headers)."
);
pub const WHERE_GMAIL: Tr = tr!(
    "Gmail: エラーメールを開き、右上の「︙」→「メッセージのソースを表示」→「クリップボードにコピー」。",
    "Gmail: open the bounce, then “⋮” at the top right → “Show original” → “Copy to clipboard”."
);
pub const WHERE_THUNDERBIRD: Tr = tr!(
    "Thunderbird: エラーメールを選び、「表示」→「メッセージのソース」（Ctrl+U）。",
    "Thunderbird: select the bounce, then View → Message Source (Ctrl+U)."
);
pub const WHERE_IPHONE: Tr = tr!(
    "iPhone のメール: ソースは表示できないので、画面の文章を長押しで全選択してコピーしてください。それでも診断できます。",
    "iPhone Mail: it cannot show the source, so press and hold the text, select all and copy it. That is enough to diagnose."
);
// Phone mail apps mostly show no header or source; the hosting help pages send users to a
// webmail in a browser instead. Source: https://help.onamae.com/answer/20533 ("Windows 10 Mail
// and smartphone mail apps cannot show header information: use the webmail").
pub const WHERE_GMAIL_APP: Tr = tr!(
    "Gmail アプリ（Android・iPhone）: アプリには「メッセージのソースを表示」がありません。パソコンのブラウザーで Gmail を開いて上の手順で表示するか、画面の文章を長押しで全選択してコピーしてください。",
    "Gmail app (Android, iPhone): the app has no “Show original”. Open Gmail in a computer's browser and use the step above, or press and hold the text, select all and copy it."
);
// The carriers' own mail apps (docomo mail, au mail, SoftBank's) document no source view that
// this page could point to: the visible text, or a forward to an address read on a computer.
pub const WHERE_CARRIER_APPS: Tr = tr!(
    "ドコモ・au・ソフトバンクのメールアプリ: ソースを表示できないことが多いため、画面の文章を全選択してコピーしてください。全文が必要なときは、エラーメールをパソコンで読めるアドレスに転送し、パソコンでコピーしてください。",
    "docomo, au and SoftBank mail apps: they mostly cannot show the source, so select all the text you see and copy it. If the whole message is needed, forward the bounce to an address you read on a computer and copy it there."
);
pub const DIAGNOSE_BUTTON: Tr = tr!("診断する", "Diagnose");
pub const CHOOSE_FILE: Tr = tr!(
    "ファイルを選ぶ（.eml / .msg / .txt）",
    "Choose a file (.eml / .msg / .txt)"
);
pub const CLEAR_BUTTON: Tr = tr!("消去", "Clear");
pub const DROP_HINT: Tr = tr!(
    ".eml、Outlook の .msg、.txt のファイルをここにドロップすることもできます。",
    "You can also drop an .eml, Outlook .msg or .txt file here."
);
pub const SAMPLES_LABEL: Tr = tr!("例で試す:", "Try an example:");
pub const WORKING: Tr = tr!("調べています…", "Reading the message…");
pub const EMPTY_INPUT: Tr = tr!(
    "まだ何も貼り付けられていません。エラーメールの本文を貼り付けてから「診断する」を押してください。",
    "Nothing has been pasted yet. Paste the bounce message, then press Diagnose."
);
pub const TOO_LARGE: Tr = tr!(
    "大きすぎます（上限 5 MB）。エラーメールの添付ファイルを除いた本文だけを貼り付けてください。",
    "This is too large (the limit is 5 MB). Paste the bounce without its attachments."
);
pub const FILE_READ_FAILED: Tr = tr!(
    "ファイルを読み込めませんでした。",
    "The file could not be read."
);
// ---- Files that are not a mail, and Outlook files --------------------------------------

pub const FILE_IS_IMAGE: Tr = tr!(
    "このファイルは画像のようです。",
    "This file seems to be an image."
);
pub const FILE_IS_PDF: Tr = tr!(
    "このファイルは PDF 文書のようです。",
    "This file seems to be a PDF document."
);
pub const FILE_IS_ZIP: Tr = tr!(
    "このファイルは ZIP 圧縮ファイルか Office 文書（.docx、.xlsx など）のようです。",
    "This file seems to be a ZIP archive or an Office document (.docx, .xlsx, ...)."
);
pub const FILE_IS_BINARY: Tr = tr!(
    "このファイルは文字として読めません（メールではないようです）。",
    "This file is not text (it does not seem to be an email)."
);
pub const FILE_IS_OFFICE: Tr = tr!(
    "このファイルは Outlook または Office のファイルですが、メールを読み取れませんでした。",
    "This is an Outlook or Office file, but no email could be read from it."
);
pub const NOT_MAIL_ADVICE: Tr = tr!(
    "エラーメールそのものを渡してください。Outlook ではエラーメールを開いて「ファイル」→「名前を付けて保存」で .msg か .eml として保存するか、本文をコピーして貼り付けます。Gmail ではエラーメールを開き、右上の「︙」→「メッセージのソースを表示」でコピーします。",
    "Give the bounce message itself. In Outlook, open the bounce and use File → Save As to save it as .msg or .eml, or copy its text and paste it. In Gmail, open the bounce, then “⋮” → “Show original”, and copy it."
);
pub const FROM_OUTLOOK_FILE: Tr = tr!(
    "Outlook のファイル（.msg）から読み取った内容です。診断したのはこの文章です。",
    "Read from an Outlook file (.msg). This text is what was diagnosed."
);

pub const SAMPLE_FAILED: Tr = tr!(
    "例を読み込めませんでした。接続を確認してから、もう一度選んでください。",
    "The example could not be loaded. Check your connection, then choose it again."
);

// ---- Verdict and facts -------------------------------------------------------------------

pub const RESULT_HEADING: Tr = tr!("診断結果", "Diagnosis");
pub const RESULT_STALE: Tr = tr!(
    "この結果は編集前の文面のものです。「診断する」を押すと更新されます。",
    "This result is for the text before your edit. Press Diagnose to update it."
);
pub const WHO_ACTS: Tr = tr!("対応する人", "Who needs to act");
pub const URGENCY: Tr = tr!("緊急度", "How urgent");
pub const DURATION: Tr = tr!("解決までの目安", "Usually takes");
pub const JUMP_TO_STEPS: Tr = tr!("次にすることを見る ↓", "See what to do next ↓");
pub const FACTS_HEADING: Tr = tr!("わかったこと", "What the message says");
pub const FACT_BLOCKED_IP: Tr = tr!(
    "ブロックされた送信元 IP アドレス",
    "Blocked sending IP address"
);
/// The same address when the refusal is about the sending domain's reputation, not about it
/// (`ndr_playbooks::refusal_is_about_the_domain`).
pub const FACT_DOMAIN_REFUSED_SERVER_IP: Tr = tr!(
    "送信サーバーの IP アドレス（拒否の理由はドメインで、このアドレスではありません）",
    "Sending server's IP address (the refusal is about the domain, not this address)"
);
/// The address when it lies in a documentation range (192.0.2.0/24, ...): a copy anonymised
/// the notice, so it is nobody's sending address, as the verdict says.
pub const FACT_EXAMPLE_IP: Tr = tr!(
    "通知にある IP アドレス（例示用のアドレス）",
    "IP address in the notice (an example address)"
);
/// The same address when the bounce does not say it is blocked (a missing PTR record), or
/// names it only as the sending server's (the core's `sending_ip`: an authentication failure,
/// Gmail's spam refusal).
pub const FACT_SENDING_IP: Tr = tr!("送信サーバーの IP アドレス", "Sending server's IP address");
/// The address a refusal names when it is private or loopback: no blocklist can list such an
/// address, so it is what the receiving side checked by mistake, not the sender's public IP.
pub const FACT_INTERNAL_IP: Tr = tr!(
    "受信側が調べた内部 IP アドレス（送信元の公開アドレスではありません）",
    "Internal IP address the receiving side checked (not your public sending address)"
);
/// The address a forwarder reported as refused by a later hop: its own, not the sender's.
pub const FACT_FORWARDER_IP: Tr = tr!(
    "転送したサーバーの IP アドレス（あなたの送信元ではありません）",
    "IP address of the forwarding server (not your sending address)"
);
/// The client a pasted log of the poster's own receiving server says it refused.
pub const FACT_MICROSOFT_CLOUD_IP: Tr = tr!(
    "Microsoft の IP アドレス（新しい Outlook の接続元）",
    "Microsoft's IP address (the new Outlook connects from it)"
);
pub const FACT_REFUSED_CLIENT_IP: Tr = tr!(
    "あなたのサーバーが受信を拒否した相手の IP アドレス",
    "IP address your server refused to receive from"
);
pub const FACT_REMOTE: Tr = tr!("拒否したサーバー", "Server that refused the mail");
/// The same row when the mail was only delayed: that server has not refused it for good.
pub const FACT_REMOTE_DELAYED: Tr = tr!(
    "まだ受け取っていないサーバー",
    "Server that has not accepted it yet"
);
/// The same row for a report in which nothing failed (a delivery notice, an auto-reply).
pub const FACT_REMOTE_NO_FAILURE: Tr = tr!("報告に書かれたサーバー", "Server named in the report");
pub const FACT_CODES: Tr = tr!("エラーコード", "Error codes");
pub const FACT_PARTY: Tr = tr!("ブロックした組織", "Who blocked it");
/// The same row when the reason blocks nothing (an unknown address, a full mailbox).
pub const FACT_PARTY_REFUSED: Tr = tr!("受け取りを断った事業者", "Provider that refused it");
/// The same row when the list the refusal named answers "not listed" now (the advice
/// `generic-named-list-not-listed-now`): the refusal named it, but it does not list the address.
pub const FACT_PARTY_LIST_CLEAR_NOW: Tr = tr!(
    "拒否の理由に名前があったリスト（今は掲載されていません）",
    "List named in the refusal (it does not list the address now)"
);
/// The same rows when the mail was only deferred: nobody has blocked it for good.
pub const FACT_PARTY_DELAYED: Tr = tr!("一時的に断った組織", "Who deferred it");
pub const FACT_DEFERRED_IP: Tr = tr!(
    "一時的に断られた送信元 IP アドレス",
    "Deferred sending IP address"
);
pub const FACT_REASON: Tr = tr!("理由の分類", "Kind of problem");
/// The same row for a report in which nothing failed (a read receipt, a delivery notice).
pub const FACT_REASON_NO_FAILURE: Tr = tr!("知らせの種類", "Kind of notice");
/// A "host unknown" bounce's domain: not found in DNS, or with no mail server.
pub const FACT_MISSING_DOMAIN: Tr = tr!(
    "見つからなかった宛先のドメイン",
    "Recipient's domain that was not found"
);
pub const FACT_RECIPIENTS: Tr = tr!("届かなかった宛先", "Recipients that failed");
/// The row of the report's other refusals (another address, another code), as the CLI lists
/// every recipient (review h217, M6).
pub const FACT_OTHER_REFUSALS: Tr = tr!("ほかのエラー", "Other errors in the message");
/// A refusal the report gives without an address.
pub const FACT_NO_ADDRESS: Tr = tr!("（宛先の記載なし）", "(no address given)");
pub const FACT_RECIPIENTS_DELAYED: Tr = tr!(
    "配送が遅れている宛先（再送中）",
    "Recipients delayed (still being retried)"
);
pub const FACT_RECIPIENTS_NO_FAILURE: Tr = tr!(
    "宛先（届かなかったメールはありません）",
    "Recipients (nothing failed)"
);
pub const FACT_PERMANENT: Tr = tr!(
    "恒久的な拒否: このメールは届いておらず、自動では再送されません。",
    "Refused for good: this message was not delivered and will not be retried."
);
pub const FACT_TEMPORARY: Tr = tr!(
    "一時的な拒否: メールサーバーから送ったメールなら、サーバーが通常しばらく自動で再送します。",
    "Delayed: mail sent through a mail server is normally retried by that server for a while."
);
pub const FACT_GAVE_UP: Tr = tr!(
    "再送の打ち切り: 送信側のサーバーが再送を続けましたが届かず、あきらめました。このメールは届いていません。",
    "Given up: the sending server kept retrying, then stopped. This message was not delivered."
);
/// A program's own send error: it keeps no queue, so nothing sends the message later.
pub const FACT_NOT_SENT: Tr = tr!(
    "送信できず: メールを送ったプログラムがこのエラーを表示しました。メールは送られておらず、どこにも保管されていないため、自動では再送されません。",
    "Not sent: the program that sent it shows this error. The message did not leave, and nothing keeps it to retry later."
);
pub const SHOW_IN_TEXT: Tr = tr!("本文で見る", "Show in message");
pub const CODE_PAGE_LINK: Tr = tr!("このコードの説明", "About this code");
/// Brackets around an aside in running text (a list's zone after its name, a count): full-width
/// on the Japanese page, as the page's other names use them.
pub const OPEN_PAREN: Tr = tr!("（", " (");
pub const CLOSE_PAREN: Tr = tr!("）", ")");
pub const EVIDENCE_HEADING: Tr = tr!("貼り付けた本文", "The message you pasted");
pub const EVIDENCE_BACK: Tr = tr!(
    "Esc キーで、押したボタンに戻ります。",
    "Press Escape to go back to the button you pressed."
);
pub const EVIDENCE_EXCERPT_NOTE: Tr = tr!(
    "本文が長いため、根拠の前後だけを表示しています。",
    "The message is long, so only the lines around the evidence are shown."
);
pub const COPY: Tr = tr!("コピー", "Copy");
pub const COPIED: Tr = tr!("コピーしました", "Copied");
pub const NOT_A_BOUNCE: Tr = tr!(
    "エラーメール（配信不能通知）には見えませんでした。戻ってきたメールの本文全体を貼り付けてみてください。",
    "This does not look like a bounce message. Try pasting the whole message that came back."
);
pub const NOT_BOUNCE_TITLE: Tr = tr!(
    "貼り付けた内容を、エラーメール（メールが届かなかったことを知らせるメール）として読み取れませんでした。",
    "What you pasted could not be read as a bounce (the message that tells you your mail was not delivered)."
);
pub const NOT_BOUNCE_WHAT: Tr = tr!(
    "送ったメールが届かなかったときに戻ってくるメールを開いてください。件名はたいてい「配信不能」「Undeliverable」「Mail Delivery Failure」「Undelivered Mail Returned to Sender」などです。その一部だけでなく全体を（できれば下の方法でソースを）コピーして、上の欄に貼り付け直してください。",
    "Open the message that came back when your mail was not delivered. Its subject is usually “Undeliverable”, “Delivery Status Notification (Failure)”, “Mail Delivery Failure” or “Undelivered Mail Returned to Sender”. Copy all of it, not just a part (its source if you can, as below), and paste it into the box above."
);
pub const BARE_CODE: Tr = tr!(
    "エラーコードだけでは、どこで・なぜ止められたのかまではわかりません。エラーメールの全文を貼り付けると、詳しく診断できます。コードの意味だけなら、こちらで読めます:",
    "A code alone does not say where or why the mail was stopped; paste the whole bounce for a full diagnosis. To read what the code means:"
);

/// The link text to a code's own page.
pub fn about_code(code: &str, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("「{code}」の説明"),
        Lang::En => format!("About {code}"),
    }
}
pub const UNKNOWN_REASON: Tr = tr!(
    "はっきりした理由は読み取れませんでした。下の情報と本文を、メールの管理者やホスティング事業者に見せてください。",
    "No clear reason could be read. Show the details below and the message to your mail administrator or hosting company."
);

// ---- Blocklists --------------------------------------------------------------------------

pub const DNSBL_HEADING: Tr = tr!("ブロックリストの確認", "Blocklist check");
pub const DNSBL_INTRO: Tr = tr!(
    "送信元の IP アドレスやドメインが主なブロックリストに載っているか、DNS で問い合わせます。",
    "The main blocklists are asked, over DNS, whether the sending IP address or domain is listed."
);
pub const DNSBL_COL_LIST: Tr = tr!("リスト", "List");
pub const DNSBL_COL_STATE: Tr = tr!("結果", "Result");
pub const DNSBL_COL_DETAIL: Tr = tr!("詳細", "Details");
pub const DNSBL_LISTED: Tr = tr!("掲載あり", "Listed");
pub const DNSBL_NOT_LISTED: Tr = tr!("掲載なし", "Not listed");
pub const DNSBL_UNAVAILABLE: Tr = tr!("確認できず", "Could not check");
pub const DNSBL_PENDING: Tr = tr!("確認中…", "Checking…");
/// What to do when no list could be checked; the button that follows names the other one.
pub const DNSBL_RESOLVER_DOWN: Tr = tr!(
    "別の DNS サービスなら答えが得られるかもしれません。",
    "The other DNS service may answer. "
);
pub const DNSBL_ALL_FAILED_HEADING: Tr = tr!(
    "ブロックリストを確認できませんでした",
    "The blocklists could not be checked"
);
pub const DNSBL_ALL_FAILED_MEANING: Tr = tr!(
    "掲載あり・なしのどちらでもなく、結果が不明という意味です。",
    "This means neither listed nor not listed: the answer is unknown."
);
pub const DNSBL_ASKED_ABOUT: Tr = tr!("確認した対象:", "Asked about");
pub const DNSBL_CHECK_BY_HAND: Tr = tr!("公式サイトで確認", "Check on the list's site");
pub const DNSBL_DONE: Tr = tr!(
    "すべてのリストへの問い合わせが終わりました。",
    "Every list has been asked."
);
pub const DNSBL_OFF: Tr = tr!(
    "ブロックリストの確認はオフになっています（設定）。このページからは何も送信されません。",
    "Blocklist checks are turned off (Settings). Nothing leaves this page."
);
pub const DNSBL_NOT_ABOUT_BLOCKING: Tr = tr!(
    "このエラーはブロックや送信元の評価によるものではないため、ブロックリストは確認しません（何も送信していません）。",
    "This bounce is not about blocking or reputation, so no blocklist is asked (nothing was sent)."
);
pub const DNSBL_BY_HAND: Tr = tr!(
    "契約者用のキーが必要なため確認していないリスト（公式サイトで確認できます）:",
    "Need a customer key, so not asked; check by hand:"
);
pub const DNSBL_NO_IP: Tr = tr!(
    "エラーメールに送信元 IP アドレスが書かれていないため、IP アドレスのブロックリストは確認しません。",
    "The bounce names no sending IP address, so no IP address blocklist is checked."
);
pub const DNSBL_SCOPE_PRIVATE: Tr = tr!(
    "この IP アドレスは社内ネットワーク用（プライベート）なので、公開のブロックリストには載りません。確認しません。",
    "This is a private (internal network) address; public blocklists never list it, so it is not checked."
);
pub const DNSBL_SCOPE_LOOPBACK: Tr = tr!(
    "この IP アドレスは機器自身を指す特別なアドレスなので、確認しません。",
    "This address points at the machine itself (loopback), so it is not checked."
);
pub const DNSBL_SCOPE_DOCUMENTATION: Tr = tr!(
    "この IP アドレスは説明用に予約された例示用アドレス（例のメールなど）なので、確認しません。",
    "This address is reserved for examples and documentation (as in the samples), so it is not checked."
);
pub const DNSBL_SCOPE_RESERVED: Tr = tr!(
    "この IP アドレスは特別な用途に予約されていて、インターネットの送信元にはならないため、確認しません。",
    "This address is reserved for special use and cannot be a sender on the internet, so it is not checked."
);
pub const DNSBL_UNSUPPORTED: Tr = tr!(
    "この IP アドレスを調べられる公開ブロックリストはありません。",
    "No public blocklist can be asked about this address."
);

/// Why the blocked IP is not looked up, by its scope.
pub fn scope_reason(scope: IpScope) -> Tr {
    match scope {
        IpScope::Public => DNSBL_UNSUPPORTED,
        IpScope::Private => DNSBL_SCOPE_PRIVATE,
        IpScope::Loopback => DNSBL_SCOPE_LOOPBACK,
        IpScope::Documentation => DNSBL_SCOPE_DOCUMENTATION,
        IpScope::Reserved => DNSBL_SCOPE_RESERVED,
    }
}

/// Why no list could be checked, when every one of them failed for the same reason: the
/// reasons written about "this list" read in the plural.
pub fn why_text_all(id: &str) -> Tr {
    match id {
        "refused_by_list" => tr!(
            "これらのリストは公開 DNS サービスからの問い合わせに答えません。それぞれの公式サイトで確認してください。",
            "These lists do not answer questions from public DNS services. Check them on their own sites."
        ),
        "test_point_not_listed" => tr!(
            "この DNS サービス経由ではリストの答えが信頼できません（テスト用の名前が正しく答えられませんでした）。それぞれの公式サイトで確認してください。",
            "Answers through this DNS service cannot be trusted (the lists' test entries failed). Check them on their own sites."
        ),
        "zone_lists_everything" => tr!(
            "これらのリストは何でも「掲載あり」と答えていて、結果は使えません。",
            "These lists answer \"listed\" for everything, so their answers mean nothing."
        ),
        "key_required" => tr!(
            "これらのリストは契約者用のキーが必要なため、ここからは確認できません。それぞれの公式サイトで確認してください。",
            "These lists need a customer key, so they cannot be asked from here. Check them on their own sites."
        ),
        "closed_list" => tr!(
            "これらのリストはすでに運営を終了しています。問い合わせていません。",
            "These lists have shut down. They were not asked."
        ),
        other => why_text(other),
    }
}

/// Why a list could not be checked, by the blocklist crate's reason id (the table the CLI
/// shares: `ndr_playbooks::labels::why`).
pub fn why_text(id: &str) -> Tr {
    let (ja, en) = ndr_playbooks::labels::why(id);
    Tr { ja, en }
}

// ---- Playbook ----------------------------------------------------------------------------

pub const STEPS_HEADING: Tr = tr!("次にすること", "What to do next");
pub const PREPARE_HEADING: Tr = tr!("用意するもの", "Have ready");
pub const DONTS_HEADING: Tr = tr!("してはいけないこと", "Please don't");
pub const MESSAGE_HEADING: Tr = tr!("そのまま送れる文面", "A message you can send");
pub const MESSAGE_HINT: Tr = tr!(
    "必要に応じて書き換えてから、コピーして送ってください。",
    "Edit it if you like, then copy and send it."
);
pub const SUBJECT_LABEL: Tr = tr!("件名", "Subject");
pub const MESSAGE_LABEL: Tr = tr!("送る文面（編集できます）", "Message (you can edit it)");
pub const SOURCES_HEADING: Tr = tr!("出典（公式の説明）", "Sources (official pages)");
pub const OPENS_NEW_TAB: Tr = tr!("（新しいタブで開きます）", "(opens in a new tab)");

// ---- Settings and privacy ----------------------------------------------------------------

pub const SETTINGS_HEADING: Tr = tr!("設定", "Settings");
pub const RESOLVER_LABEL: Tr = tr!(
    "問い合わせに使う DNS サービス",
    "DNS service used for the checks"
);
pub const LOOKUPS_LABEL: Tr = tr!(
    "ブロックリストを確認する（オフにすると、このページからは何も送信されません）",
    "Check blocklists (when off, nothing at all leaves this page)"
);
pub const PRIVACY_HEADING: Tr = tr!("このページが送信したもの", "What this page sent");
pub const PRIVACY_INTRO: Tr = tr!(
    "貼り付けた本文は送信していません。送ったのは、ブロックリストへの次の DNS の問い合わせだけです。",
    "The pasted text was not sent. The only things sent were these DNS questions to blocklists."
);
pub const PRIVACY_RESOLVER: Tr = tr!("問い合わせ先", "Asked through");
pub const PRIVACY_NONE: Tr = tr!("まだ何も送信していません。", "Nothing has been sent yet.");
/// The privacy panel while blocklist checks are off.
pub const PRIVACY_OFF: Tr = tr!(
    "ブロックリストの確認はオフです。オンに戻すまで、このページは何も送信しません。",
    "Blocklist checks are off: until they are turned back on, this page sends nothing."
);

// ---- Code pages --------------------------------------------------------------------------

pub const CODES_HEADING: Tr = tr!("エラーコード一覧", "Error codes");
pub const CODES_SEARCH: Tr = tr!("コードや言葉で絞り込む", "Filter by code or word");
pub const CODES_NONE: Tr = tr!("該当するコードはありません。", "No code matches.");
pub const CODE_UNKNOWN: Tr = tr!(
    "このコードの説明はまだありません。",
    "There is no explanation for this code yet."
);
pub const CODE_ALSO: Tr = tr!("同じコードのほかの意味", "The same code elsewhere");
pub const BACK_TO_DIAGNOSIS: Tr = tr!("エラーメールを診断する", "Diagnose a bounce");
pub const ALL_CODES: Tr = tr!("エラーコード一覧", "All error codes");

// ---- Notes from the core -----------------------------------------------------------------

/// The text for one core note: the shared table (`ndr_playbooks::labels::note`), except the
/// page's own wording where the page says it differently (nothing pasted yet, press Diagnose).
pub fn note_line(note: &ndr_core::Note) -> Tr {
    match note.id.as_str() {
        "empty_input" => EMPTY_INPUT,
        "not_a_bounce" if note.detail.is_empty() => NOT_A_BOUNCE,
        "worker_failed" => tr!(
            "このメールは読み取れませんでした。小さく分けて貼り付けてみてください。",
            "This message could not be read. Try pasting a smaller part of it."
        ),
        id => match ndr_playbooks::labels::note(id, &note.detail) {
            Some((ja, en)) => Tr { ja, en },
            None => tr!(
                "読み取りについての補足があります。",
                "There is a remark about how the message was read."
            ),
        },
    }
}

/// The text for a core note id without its detail.
pub fn note_text(id: &str) -> Tr {
    note_line(&ndr_core::Note {
        id: id.to_string(),
        detail: String::new(),
    })
}

/// A short plain name for a reason, shown among the facts.
pub fn reason_label(reason: Reason) -> Tr {
    let (ja, en) = ndr_playbooks::labels::reason(reason);
    Tr { ja, en }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reason_has_two_nonempty_labels() {
        for &r in Reason::ALL {
            let t = reason_label(r);
            assert!(!t.ja.is_empty() && !t.en.is_empty(), "{r:?}");
            assert_ne!(t.ja, t.en, "{r:?} not translated");
        }
    }

    #[test]
    fn every_core_note_has_its_own_text() {
        let fallback = note_text("no such note");
        for id in ndr_core::Note::IDS {
            let t = note_text(id);
            assert_ne!(t.en, fallback.en, "{id} has no text of its own");
            assert_ne!(t.ja, fallback.ja, "{id} has no text of its own");
        }
    }

    #[test]
    fn the_all_failed_reasons_never_say_this_list() {
        for id in [
            "timeout",
            "deadline",
            "network",
            "http_error",
            "rate_limited",
            "bad_response",
            "servfail",
            "dns_refused",
            "dns_error",
            "refused_by_list",
            "test_point_not_listed",
            "zone_lists_everything",
            "unexpected_answer",
            "key_required",
            "closed_list",
        ] {
            let t = why_text_all(id);
            assert!(
                !t.en.contains("This list") && !t.ja.contains("このリスト"),
                "{id}"
            );
            assert_ne!(t, why_text("no such reason"), "{id} has no text");
        }
    }

    #[test]
    fn a_cut_off_message_is_not_called_too_long() {
        let note = |detail: &str| ndr_core::Note {
            id: "input_truncated".into(),
            detail: detail.into(),
        };
        let size_cut = note_line(&note("2097152 bytes read of 3000000"));
        assert_eq!(size_cut, note_text("input_truncated"));
        let mime_cut = note_line(&note("mime"));
        assert_ne!(mime_cut, size_cut);
        assert!(!mime_cut.en.contains("long") && mime_cut.en.contains("cut off"));
        assert!(!mime_cut.ja.contains("長い"));
        // Any other note reads as its id's text.
        let other = ndr_core::Note {
            id: "auto_reply".into(),
            detail: "x".into(),
        };
        assert_eq!(note_line(&other), note_text("auto_reply"));
    }
}
