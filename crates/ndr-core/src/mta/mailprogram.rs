//! A mail program's own error when its outgoing server refused a message at submission
//! (Thunderbird's "Sending of the message failed" dialog, Outlook's "one of the recipients was
//! rejected by the server", the iPhone's "Cannot Send Mail"), or a script's mail library
//! (Python's smtplib, nodemailer, emailjs, PHPMailer, Swift Mailer). No bounce ever comes for
//! these: the message never left, and the reply quoted is the server the program handed it to,
//! the sender's own. The core reads the reply as any other and adds the note
//! `refused_at_submission`.

use super::{Delivery, Rising};
use crate::decode::Mail;
use crate::text::Block;
use crate::{address, text, Reason};

/// The agent of the deliveries this reader finds.
pub(crate) const AGENT: &str = "MailProgram";

/// The program of Exchange's own submission refusal (`SEND_ERRORS`), which its reports quote too.
pub(crate) const EXCHANGE: &str = "exchange";

/// One mail program's wording of a refusal by its outgoing server.
struct SendError {
    /// Which program wrote it: the note's detail.
    program: &'static str,
    /// Words only this error has (ASCII letters compared case-blind).
    marker: &'static str,
    /// The words just before the server's reply, looked for after the marker in this order;
    /// empty when the error gives no reply, only its own sentence (then the reply is that).
    leads: &'static [&'static str],
    /// The reason the words state when they quote no reply to read one from.
    reason: Option<Reason>,
    /// Where the quoted reply ends.
    end: End,
}

/// Where the reply a program quotes ends.
#[derive(Clone, Copy, PartialEq, Eq)]
enum End {
    /// At the program's own advice after it (`REPLY_ENDS`), else at the end of the paste: a
    /// dialog's reply may run over several lines.
    Advice,
    /// At the end of its line, or at a line break printed as `\n` inside a string: a library's
    /// error message is one line, and the stack trace or the error's fields follow it.
    Line,
    /// At the closing double quote (the library put the reply in quotes), or at the end of its line.
    Quote,
}

/// PHPMailer's words for a refused message (its `data_not_accepted` string), the marker of its
/// row in `SEND_ERRORS`; read alone when no details follow (`inquire`).
const DATA_NOT_ACCEPTED: &str = "smtp error: data not accepted.";

/// The labels before the server's reply in Thunderbird's Japanese dialog, as it writes them
/// and as pastes retyped from it drop から: 「メールサーバーの応答:」 (held-out review h189's own
/// paste), as Outlook Express's label 「サーバーの応答:」 below. Sources: as in `SEND_ERRORS`.
const THUNDERBIRD_JA_LEADS: &[&str] = &[
    "メールサーバーからの応答:",
    "サーバーからの応答:",
    "メールサーバーの応答:",
    "サーバーの応答:",
    "サーバからの応答:",
];

/// Ordered: the first row whose marker is in the text reads it.
const SEND_ERRORS: &[SendError] = &[
    // Thunderbird (en-US), refusals of RCPT, MAIL and the message:
    //   "An error occurred while sending mail. The mail server responded:
    //    { $serverResponse }. Please check the message recipient "{ $recipient }" and try again."
    //   "An error occurred while sending mail. The mail server responded: { $serverResponse }.
    //    Please verify that your email address is correct in your account settings and try
    //    again."
    //   "An error occurred while sending mail. The mail server responded:  { $serverResponse }.
    //    Please check the message and try again."
    // Under the dialog's title "Sending of the message failed." (send-error-failed).
    // Source: thunderbird/thunderbird-l10n and comm-central, messenger/messageSend.ftl
    // (smtp-error-sending-recipient-command, -from-command, smtp-error-sending-message);
    // Netscape's MK_ERROR_SENDING_RCPT_COMMAND had the same words.
    // Pastes of the older dialog often lose the colon: "The mail server responded 5.7.1
    // <x@example.org>... Relaying denied. Please verify that your email address is correct in
    // your Mail preferences and try again." (Netscape's MK_ERROR_SENDING_FROM_COMMAND put the
    // reply on a line of its own after "responded:"; the copy keeps neither). The reply is
    // then what follows "responded", its colon dropped when there is one.
    SendError {
        program: "thunderbird",
        marker: "an error occurred while sending mail. the mail server responded",
        leads: &["the mail server responded"],
        reason: None,
        end: End::Advice,
    },
    //   "An Outgoing server (SMTP) error occurred while sending mail. The server responded:
    //    { $serverResponse }."
    // Source: as above (smtp-error-sending-data-command).
    SendError {
        program: "thunderbird",
        marker:
            "an outgoing server (smtp) error occurred while sending mail. the server responded:",
        leads: &["the server responded:"],
        reason: None,
        end: End::Advice,
    },
    // Thunderbird (ja): 「メールの送信中にエラーが発生しました。サーバーからの応答:
    // { $serverResponse } メッセージの受信者 "{ $recipient }" を確認し、再度試してください。」,
    // 「…アカウント設定でメールアドレスの設定が正しいか確認し、再度試してください。メールサーバーから
    // の応答: { $serverResponse }」, and for the message 「メールの送信中に送信 (SMTP) サーバー
    // エラーが発生しました。サーバーから応答: { $serverResponse }」.
    // Source: thunderbird/thunderbird-l10n, ja/mail/messenger/messageSend.ftl and
    // ja/mail/chrome/messenger/messengercompose/composeMsgs.properties.
    SendError {
        program: "thunderbird",
        marker: "メールの送信中にエラーが発生しました。",
        // Pastes retyped from the dialog drop から (`THUNDERBIRD_JA_LEADS`). Before version 3, the same sentences wrote サーバ without the long mark:
        // 「メールの送信中にエラーが発生しました。メッセージを確認してください。サーバからの応答: %s」
        // (NS_ERROR_SENDING_MESSAGE; also NS_ERROR_SENDING_RCPT_COMMAND, _FROM_COMMAND).
        // Source: mozilla-japan/gecko-l10n, ja/mail/chrome/messenger/messengercompose/
        // composeMsgs.properties (12514, 12517, 12575).
        leads: THUNDERBIRD_JA_LEADS,
        reason: None,
        end: End::Advice,
    },
    // The same dialog retyped by a poster: its title 「メッセージを送信できませんでした。」
    // (send-error-failed) lends its メッセージ to the first sentence, 「メッセージの送信中にエラーが
    // 発生しました。メールサーバーの応答: 5.7.1 ... メッセージを確認して再度送信してください。」
    // (page review 5's paste). The label before the reply is still one of the dialog's.
    // Source: thunderbird/thunderbird-l10n, ja/mail/messenger/messageSend.ftl (send-error-failed,
    // smtp-error-sending-message).
    SendError {
        program: "thunderbird",
        marker: "メッセージの送信中にエラーが発生しました。",
        leads: THUNDERBIRD_JA_LEADS,
        reason: None,
        end: End::Advice,
    },
    SendError {
        program: "thunderbird",
        marker: "メールの送信中に送信 (smtp) サーバーエラーが発生しました。",
        leads: &["サーバーからの応答:", "サーバーから応答:"],
        reason: None,
        end: End::Advice,
    },
    // Outlook and Outlook Express (POP/IMAP accounts), error 0x800CCC79:
    //   "The message could not be sent because one of the recipients was rejected by the
    //    server. The rejected email address was '<someone@example.com>'. Subject: '<Test>',
    //    Account: '<Test>', Server: '<smtp.example.com>', Protocol: SMTP, Server Response: '550
    //    <someone@example.com>... Relaying Denied', Port: 25, Secure (SSL): No, Server Error:
    //    550, Error Number: 0x800CCC79."
    // Source: https://support.microsoft.com/en-us/office/i-receive-a-550-553-or-relay-prohibited-error-when-sending-email-messages-65b494a4-0a15-433e-829f-e73651e0245e
    // (and Microsoft KB 290842).
    SendError {
        program: "outlook",
        marker:
            "the message could not be sent because one of the recipients was rejected by the server",
        leads: &["server response: '", "server response:"],
        reason: None,
        end: End::Advice,
    },
    // The same in Japanese: 「いずれかの受信者がサーバーによって拒否されたため、メッセージを送信できま
    // せんでした。」 (Microsoft's Japanese page, which keeps "Server Response:"), Outlook Express's
    // 「受信者の 1 人がサーバーによって拒否されたため、メッセージを送信できませんでした。 拒否された
    // 電子メール アドレス : …」 with 「サーバーの応答:」 before the reply.
    // Sources: https://support.microsoft.com/ja-jp/office/メール-メッセージを送信すると-550-553-またはリレー禁止エラーを受信します-65b494a4-0a15-433e-829f-e73651e0245e ;
    // Sakura Internet's archived manual "送信エラー [ 550 Relaying Denied ]"; an ISP's FAQ on
    // 0x800CCC79 (「エラーメッセージの「サーバーの応答:」の部分」).
    SendError {
        program: "outlook",
        marker: "サーバーによって拒否されたため、メッセージを送信できませんでした",
        leads: &[
            "サーバーの応答: '",
            "サーバーの応答 : '",
            "サーバーの応答:",
            "サーバーの応答 :",
            "server response: '",
            "server response:",
        ],
        reason: None,
        end: End::Advice,
    },
    // iPhone and iPad Mail: "Cannot Send Mail. A copy has been placed in your Outbox. The
    // recipient "…" was rejected by the server because it does not allow relaying." No reply
    // is quoted; its sentence is the refusal.
    // Sources: howtoisolve.com, "Fix Cannot Send Mail The Recipient was Rejected by the Server
    // because it doesn't Allow Relaying"; techzillo.com, "How to fix server does not allow
    // relaying" (both quote the dialog).
    SendError {
        program: "apple_mail",
        marker: "was rejected by the server because it does not allow relaying",
        leads: &[],
        reason: Some(Reason::NoRelaying),
        end: End::Advice,
    },
    // Exchange (Microsoft 365 or on premises) refusing a message over the mailbox's send size
    // limit when the mail program or a script hands it over: "MapiExceptionMaxSubmissionExceeded;
    // Message size exceeds maximum size limit.; STOREDRV.Submission.Exception:
    // MessageSubmissionExceededException.MapiExceptionMaxSubmissionExceeded; Failed to process
    // message due to a permanent exception ..." (Outlook, or an app sending through
    // smtp.office365.com). Exchange's store turns MapiExceptionMaxSubmissionExceeded into
    // MessageSubmissionExceededException, which its web services report as
    // ErrorMessageSizeExceeded ("the message exceeds the maximum supported size"): the
    // message is too big for the sender's own organisation, and it never left. Its own
    // sentence is the refusal when no reply is quoted.
    // Sources: https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/responsecode
    // (ErrorMessageSizeExceeded); https://github.com/pankleks/pm2-health/issues/52 (the text);
    // Microsoft Q&A 134852 ("STOREDRV.Deliver.Exception:MessageSubmissionExceededException.
    // MapiExceptionMaxSubmissionExceeded").
    SendError {
        program: EXCHANGE,
        marker: "mapiexceptionmaxsubmissionexceeded",
        leads: &[],
        reason: Some(Reason::MesgTooBig),
        end: End::Line,
    },
    SendError {
        program: EXCHANGE,
        marker: "messagesubmissionexceededexception",
        leads: &[],
        reason: Some(Reason::MesgTooBig),
        end: End::Line,
    },
    // Python's smtplib, whose exceptions carry the server's reply as a tuple of the code and
    // the bytes of the text: "smtplib.SMTPSenderRefused: (552, b'5.2.3 Your message exceeded
    // the size limit', 'me@example.com')", "SMTPDataError(554, b'5.7.1 ...')",
    // "SMTPRecipientsRefused: {'x@example.org': (550, b'5.1.1 ...')}". `python_reply` reads
    // the tuple.
    // Source: https://docs.python.org/3/library/smtplib.html (SMTPSenderRefused,
    // SMTPRecipientsRefused, SMTPDataError: "the SMTP error code, ... the error message").
    SendError {
        program: "python",
        marker: "smtpsenderrefused",
        leads: &["("],
        reason: None,
        end: End::Advice,
    },
    SendError {
        program: "python",
        marker: "smtprecipientsrefused",
        leads: &["("],
        reason: None,
        end: End::Advice,
    },
    SendError {
        program: "python",
        marker: "smtpdataerror",
        leads: &["("],
        reason: None,
        end: End::Advice,
    },
    // The libraries below talk SMTP themselves to the server their configuration names (for
    // nearly every user the provider's outgoing server, as for smtplib above) and keep no
    // queue: their error is the whole story, and no bounce follows.
    //
    // nodemailer: its SMTP connection's errors are the step's words, a colon and the server's
    // reply ("Can't send mail - all recipients were rejected: 550 5.1.1 ...", "Mail command
    // failed: 553 ...", "Data command failed: 554 ..."), with `code: 'EENVELOPE'`,
    // `response` and `responseCode` on the error object.
    // Source: nodemailer/nodemailer, lib/smtp-connection/index.js (_actionRCPT, _actionMAIL,
    // _actionDATA, _formatError); https://nodemailer.com/errors/ .
    SendError {
        program: "nodemailer",
        marker: "can't send mail - all recipients were rejected:",
        leads: &[":"],
        reason: None,
        end: End::Line,
    },
    SendError {
        program: "nodemailer",
        marker: "error: mail command failed:",
        leads: &[":"],
        reason: None,
        end: End::Line,
    },
    SendError {
        program: "nodemailer",
        marker: "error: data command failed:",
        leads: &[":"],
        reason: None,
        end: End::Line,
    },
    // emailjs: "bad response on command 'RCPT': 4.2.0 ... Greylisted", the words without the
    // reply code; the error object's `smtp` field holds the whole reply as the server sent it
    // ("smtp: '450 4.2.0 ...\n'"), so that is read first.
    // Source: eleith/emailjs, smtp/client.ts (command(): `bad response on command '${cmd}'`,
    // SMTPError BADRESPONSE with the reply's data as `smtp`).
    SendError {
        program: "emailjs",
        marker: "bad response on command '",
        leads: &["smtp: '", "smtp: \"", "': "],
        reason: None,
        end: End::Line,
    },
    // PHPMailer's debug output (SMTPDebug) prints each refusal with the whole reply: "SMTP
    // ERROR: RCPT TO command failed: 550 5.1.1 ...", "SMTP ERROR: MAIL FROM command failed:
    // ...", "SMTP ERROR: DATA END command failed: ...". Its exception's message only has the
    // reply's words ("SMTP Error: The following recipients failed: x@example.org: <words>"),
    // or for the message the words, the code and the status apart ("SMTP Error: data not
    // accepted.SMTP server error: DATA END command failed Detail: <words> SMTP code: 554
    // Additional SMTP info: 5.7.1"); `phpmailer_reply` puts those back together.
    // Source: PHPMailer/PHPMailer, src/SMTP.php (sendCommand), src/PHPMailer.php (smtpSend)
    // and language/phpmailer.lang-*.php (recipients_failed, data_not_accepted).
    SendError {
        program: "phpmailer",
        marker: "smtp error: rcpt to command failed:",
        leads: &[":"],
        reason: None,
        end: End::Line,
    },
    SendError {
        program: "phpmailer",
        marker: "smtp error: mail from command failed:",
        leads: &[":"],
        reason: None,
        end: End::Line,
    },
    SendError {
        program: "phpmailer",
        marker: "smtp error: data end command failed:",
        leads: &[":"],
        reason: None,
        end: End::Line,
    },
    SendError {
        program: "phpmailer",
        marker: "smtp error: the following recipients failed:",
        leads: &[":"],
        reason: None,
        end: End::Line,
    },
    SendError {
        program: "phpmailer",
        marker: DATA_NOT_ACCEPTED,
        leads: &["detail:"],
        reason: None,
        end: End::Line,
    },
    // RainLoop's and SnappyMail's log (their MailSo library): 'SMTP[ERROR]:
    // MailSo\Smtp\Exceptions\NegativeResponseException: Failed to add recipient "x@example.org":
    // 554 5.7.1 <x@example.org>: Recipient address rejected: Access denied in .../SmtpClient.php'.
    // The webmail's own outgoing server refused; the reply follows the quoted address.
    // Source: the MailSo library's Smtp\SmtpClient (validateResponse throws
    // Smtp\Exceptions\NegativeResponseException), as RainLoop and SnappyMail ship it.
    SendError {
        program: "rainloop",
        marker: "mailso\\smtp\\exceptions\\negativeresponseexception",
        leads: &["\": "],
        reason: None,
        end: End::Line,
    },
    // PEAR Mail's SMTP driver (PHP apps: MediaWiki, MRBS, Horde) over Net_SMTP: "Failed to add
    // recipient: x@example.org [SMTP: Invalid response code received from server (code: 550,
    // response: 5.7.1 <words>)]" (also "Failed to set sender: ..."). Net_SMTP raises 'Invalid
    // response code received from server' with the reply's code; PEAR Mail's _error() appends
    // "[SMTP: $msg (code: $code, response: $response)]". `net_smtp_reply` joins code and words.
    // Source: pear/Net_SMTP, Net/SMTP.php (parseResponse); pear/Mail, Mail/smtp.php (_error).
    SendError {
        program: "net_smtp",
        marker: "[smtp: invalid response code received from server (code: ",
        leads: &["(code: "],
        reason: None,
        end: End::Line,
    },
    // Roundcube's display of a refusal by its outgoing server: the reply code in parentheses,
    // the step, the address, then the server's words in parentheses: 'SMTP Error ($code):
    // Failed to add recipient "$to" ($msg).' and 'SMTP Error ($code): Failed to set sender
    // "$from" ($msg).' (labels smtptoerror and smtpfromerror, filled with the reply's code and
    // text by rcube_smtp). `roundcube_reply` puts code and words back together.
    // Source: roundcube/roundcubemail, program/lib/Roundcube/rcube_smtp.php (_conn_error) and
    // program/localization/en_US/messages.inc.
    SendError {
        program: "roundcube",
        marker: "smtp error (",
        leads: &["("],
        reason: None,
        end: End::Line,
    },
    // Roundcube's display of a refusal of the message itself: 'SMTP Error: $msg' (label
    // smtperror), where rcube_smtp fills $msg with the reply as "[$code] $text" ("SMTP Error:
    // [550] Incorrect sender header"); the Spanish catalogue says 'Error SMTP: $msg'.
    // Source: roundcube/roundcubemail, program/lib/Roundcube/rcube_smtp.php (send_mail, after
    // DATA: sprintf('[%d] %s', ...)), program/localization/en_US/messages.inc and
    // es_ES/messages.inc.
    SendError {
        program: "roundcube",
        marker: "smtp error: [",
        leads: &["["],
        reason: None,
        end: End::Line,
    },
    SendError {
        program: "roundcube",
        marker: "error smtp: [",
        leads: &["["],
        reason: None,
        end: End::Line,
    },
    // Horde's SMTP library (Nextcloud Mail, Horde IMP): the server's refusal becomes the
    // message of a `Horde_Smtp_Exception` ("Horde_Smtp_Exception: Message size exceeds fixed
    // limit", then the stack trace), without its reply code.
    // Source: horde/Smtp, lib/Horde/Smtp.php (_getResponse throws Horde_Smtp_Exception with
    // the reply's text) and lib/Horde/Smtp/Exception.php.
    SendError {
        program: "horde",
        marker: "horde_smtp_exception:",
        leads: &[":"],
        reason: None,
        end: End::Line,
    },
    // Amazon SES's API (and the SDKs that print its error code before its message):
    // "MessageRejected: Email address is not verified. The following identities failed the
    // check in region US-WEST-2: a@example.com". SES refused to send from (or, in its
    // sandbox, to) an identity the account has not verified; its SMTP interface says the same
    // after "554 Message rejected:". The sentence is the refusal. No relaying was asked of
    // anyone: the API refused an address of the account's own, a state of the sending
    // service's account that its owner fixes by verifying the identity (or leaving the
    // sandbox), so the sender is `rejected`. (Sisimai reads the SMTP form as `norelaying`;
    // that form keeps the reading of its words.)
    // Source: https://repost.aws/knowledge-center/ses-554-400-message-rejected-error
    SendError {
        program: "amazon_ses",
        marker: "messagerejected: email address is not verified.",
        leads: &[],
        reason: Some(Reason::Rejected),
        end: End::Line,
    },
    // Swift Mailer (and Symfony Mailer after it): 'Expected response code 250 but got code
    // "550", with message "550 5.7.1 Relaying denied"'.
    // Source: swiftmailer/swiftmailer, lib/classes/Swift/Transport/AbstractSmtpTransport.php
    // (assertResponseCode); symfony/mailer, Transport/Smtp/SmtpTransport.php.
    SendError {
        program: "swiftmailer",
        marker: "but got code \"",
        leads: &["with message \""],
        reason: None,
        end: End::Quote,
    },
    // Ruby's net-smtp raises one class per kind of reply, its message being the reply itself
    // with its code (`res.exception_class, res.message`), the class chosen by the code
    // (`Response#exception_class`): `SMTPServerBusy` for 4xx, `SMTPSyntaxError` for 50x,
    // `SMTPAuthenticationError` for 53x, `SMTPFatalError` for any other 5xx,
    // `SMTPUnknownError` for the rest.
    // Apps show it as "Net::SMTPFatalError: 550 5.1.1 ..." (Ruby's own form), Rails' log as
    // "Net::SMTPFatalError (550 ...\n):", an error tracker as the class on one line and
    // "Error message: 550 ..." on the next. `ruby_reply` reads each form. (The login's refusal
    // is `SMTPAuthenticationError`, which has readings of its own elsewhere and no row here.)
    // `SMTPServerBusy` (4xx) has no row either: Postal, an MTA written in Ruby, logs that class
    // for a remote server's temporary refusal, which its queue retries
    // (https://github.com/postalserver/postal/issues/546: "Net::SMTPServerBusy: 451 ...
    // unable to verify address"); a one-line paste cannot tell the two apart, and a 4xx read
    // as a library's error is a failure nothing retries, while the usual reading waits.
    // Source: https://github.com/ruby/net-smtp/blob/master/lib/net/smtp.rb (module SMTPError,
    // `def message; @message || response.message; end`; the classes after it;
    // `Response#exception_class`).
    SendError {
        program: RUBY,
        marker: "net::smtpfatalerror",
        leads: &[":"],
        reason: None,
        end: End::Line,
    },
    SendError {
        program: RUBY,
        marker: "net::smtpsyntaxerror",
        leads: &[":"],
        reason: None,
        end: End::Line,
    },
    SendError {
        program: RUBY,
        marker: "net::smtpunknownerror",
        leads: &[":"],
        reason: None,
        end: End::Line,
    },
    // .NET's System.Net.Mail (`SmtpException`, `SmtpFailedRecipientException`) words a
    // refusal as its own sentence for the reply code, then "The server response was: " and
    // the reply without its code: "Mailbox unavailable. The server response was: 5.7.1 Unable
    // to relay", "Transaction failed. The server response was: ...", "The SMTP server requires
    // a secure connection or the client was not authenticated. The server response was: 5.7.57
    // ...". `dotnet_reply` puts the code of the sentence (`DOTNET_SENTENCES`) back in front.
    // Source: https://github.com/dotnet/runtime/blob/main/src/libraries/System.Net.Mail/src/System/Net/Mail/SmtpException.cs
    // (`GetMessageForStatus(statusCode) + " " + SR.Format(SR.MailServerResponse, ...)`) and
    // its Resources/Strings.resx (MailServerResponse "The server response was: {0}").
    SendError {
        program: DOTNET,
        marker: "the server response was:",
        leads: &[":"],
        reason: None,
        end: End::Line,
    },
    // MailKit's `SmtpCommandException`: the message is the server's text without its code,
    // which is the exception's `StatusCode` property, and `ErrorCode` says which step
    // failed (`RecipientNotAccepted`, `SenderNotAccepted`, `MessageNotAccepted`). Shown as
    // "MailKit.Net.Smtp.SmtpCommandException: 5.7.1 Relaying denied", often with
    // "StatusCode: MailboxUnavailable" (or the number) logged after it; `mailkit_reply` puts
    // the code back when it is there.
    // Source: https://github.com/jstedfast/MailKit/blob/master/MailKit/Net/Smtp/SmtpCommandException.cs
    // and MailKit/Net/Smtp/SmtpStatusCode.cs.
    SendError {
        program: MAILKIT,
        marker: "smtpcommandexception:",
        leads: &[":"],
        reason: None,
        end: End::Line,
    },
    // JavaMail and Jakarta Mail (com.sun.mail.smtp, org.eclipse.angus.mail.smtp): the
    // exception's message is the server's last reply with its code: "SMTPAddressFailedException:
    // 550 5.1.1 ..." (RCPT), "SMTPSenderFailedException: 553 ..." (MAIL),
    // "SMTPSendFailedException: 554 5.2.0 ..." (the message). A refused recipient comes nested
    // in "javax.mail.SendFailedException: Invalid Addresses; nested exception is: ...", and
    // Spring's `MailSendException` ("Failed messages: ...") wraps them again: the row of the
    // inner class reads the reply. The package is part of the marker: a Java MTA quoting a
    // remote server's refusal ("at remote mailserver ...: SMTPSendFailedException: 421 ...")
    // prints the bare class, and that is no submission.
    // Source: https://github.com/javaee/javamail, mail/src/main/java/com/sun/mail/smtp/
    // SMTPTransport.java (`new SMTPAddressFailedException(ia, cmd, retCode,
    // lastServerResponse)`), SMTPAddressFailedException.java and
    // SMTPSenderFailedException.java (`super(err)`: the message is the server's reply).
    SendError {
        program: JAVAMAIL,
        marker: "mail.smtp.smtpaddressfailedexception:",
        leads: &[":"],
        reason: None,
        end: End::Line,
    },
    SendError {
        program: JAVAMAIL,
        marker: "mail.smtp.smtpsenderfailedexception:",
        leads: &[":"],
        reason: None,
        end: End::Line,
    },
    SendError {
        program: JAVAMAIL,
        marker: "mail.smtp.smtpsendfailedexception:",
        leads: &[":"],
        reason: None,
        end: End::Line,
    },
];

/// The programs of the rows below `SEND_ERRORS`' Swift Mailer row, whose replies are put
/// together by functions of their own.
const RUBY: &str = "ruby";
const DOTNET: &str = "dotnet";
const MAILKIT: &str = "mailkit";
const JAVAMAIL: &str = "javamail";

/// Words of the programs' own advice, which follow the server's reply and end it, lowercase.
/// Sources: as in `SEND_ERRORS`.
const REPLY_ENDS: &[&str] = &[
    "please check the message recipient",
    "please verify that your email address",
    "please check the message and try again",
    "メッセージの受信者",
    // Thunderbird's 「メッセージを確認してください。」 (before version 3) and a retyped
    // 「メッセージを確認して再度送信してください。」 after the reply. Sources: as in `SEND_ERRORS`.
    "メッセージを確認し",
    "', port",
    "', secure",
    "', サーバー エラー",
    "', ポート",
];

/// Which refusal the program's words say was met, from its advice (the SMTP command):
/// Thunderbird tells to check the recipient (RCPT) or the sender's own address (MAIL), and
/// Outlook's 0x800CCC79 is a rejected recipient. Sources: as in `SEND_ERRORS`.
const COMMANDS: &[(&str, &str)] = &[
    ("please check the message recipient", "RCPT"),
    ("メッセージの受信者", "RCPT"),
    ("one of the recipients was rejected", "RCPT"),
    ("受信者がサーバーによって拒否された", "RCPT"),
    ("受信者の 1 人がサーバーによって拒否された", "RCPT"),
    ("because it does not allow relaying", "RCPT"),
    ("please verify that your email address", "MAIL"),
    ("メールアドレスの設定が正しいか", "MAIL"),
    ("please check the message and try again", "DATA"),
    ("an outgoing server (smtp) error occurred", "DATA"),
    ("送信 (smtp) サーバーエラー", "DATA"),
    ("smtpsenderrefused", "MAIL"),
    ("smtprecipientsrefused", "RCPT"),
    ("smtpdataerror", "DATA"),
    // The libraries' words name the command (sources: as in `SEND_ERRORS`); Swift Mailer names
    // it only in its stack trace, or by the code it wanted (354 answers DATA).
    ("all recipients were rejected", "RCPT"),
    ("error: mail command failed", "MAIL"),
    ("error: data command failed", "DATA"),
    ("error: message failed", "DATA"),
    ("bad response on command 'rcpt'", "RCPT"),
    ("bad response on command 'mail'", "MAIL"),
    ("bad response on command 'data'", "DATA"),
    ("bad response on command '.'", "DATA"),
    ("rcpt to command failed", "RCPT"),
    ("mail from command failed", "MAIL"),
    ("data end command failed", "DATA"),
    ("the following recipients failed", "RCPT"),
    ("data not accepted", "DATA"),
    ("dorcpttocommand", "RCPT"),
    ("): failed to add recipient", "RCPT"),
    ("): failed to set sender", "MAIL"),
    ("domailfromcommand", "MAIL"),
    ("expected response code 354 ", "DATA"),
    ("expected response code \"354\"", "DATA"),
    // .NET's exception for refused recipients, MailKit's `ErrorCode`, JavaMail's classes
    // (sources: as in `SEND_ERRORS`).
    ("smtpfailedrecipient", "RCPT"),
    ("recipientnotaccepted", "RCPT"),
    ("sendernotaccepted", "MAIL"),
    ("messagenotaccepted", "DATA"),
    ("smtpaddressfailedexception", "RCPT"),
    ("smtpsenderfailedexception", "MAIL"),
];

/// Where the programs name the refused recipient: the address follows these words.
/// Sources: as in `SEND_ERRORS`.
const RECIPIENT_LEADS: &[&str] = &[
    "please check the message recipient",
    "メッセージの受信者",
    "the rejected email address was",
    "the rejected e-mail address was",
    "the following recipients failed:",
    "failed to add recipient",
    "拒否された電子メール アドレス",
    "the recipient",
];

/// How much of a paste is searched: the dialog's text is short, and it comes first.
const HEAD: usize = 16 * 1024;

/// A Python smtplib error logged without its exception's name, only its tuple: "Failed to send
/// email: (550, b'5.7.1 message content rejected')". The tuple of a reply code and bytes is
/// the mark (see `python_reply`).
const PYTHON_TUPLE: SendError = SendError {
    program: "python",
    marker: "",
    leads: &["("],
    reason: None,
    end: End::Advice,
};

/// nodemailer's error when the server refused the message after DATA (its code `EMESSAGE`):
/// "Error: Message failed: 554 5.7.1 ..." as Node.js prints it, the error's name, then its
/// message "Message failed: " and the server's reply. Its words hold no gate of `GATES`, so it
/// is looked for only at the start of the paste (`MESSAGE_FAILED_HEAD`), where a printed
/// error stands, and only when no row matched.
/// Sources: nodemailer/nodemailer, lib/smtp-connection/index.js (`_actionSMTPStream`:
/// `_formatError('Message failed: ' + str, 'EMESSAGE', str, 'DATA')`);
/// https://nodemailer.com/errors/ (EMESSAGE: "Server rejected the message after DATA command").
const NODEMAILER_MESSAGE: SendError = SendError {
    program: "nodemailer",
    marker: "error: message failed:",
    leads: &[":"],
    reason: None,
    end: End::Line,
};

/// How far into a paste `NODEMAILER_MESSAGE` is looked for: a line or two of a log's prefix.
const MESSAGE_FAILED_HEAD: usize = 256;

/// Where `NODEMAILER_MESSAGE`'s marker ends in the first bytes of `head`.
fn message_failed(head: &str) -> Option<usize> {
    let start = text::clip(head, MESSAGE_FAILED_HEAD);
    let at = text::find_ci(start, NODEMAILER_MESSAGE.marker)?;
    Some(at + NODEMAILER_MESSAGE.marker.len())
}

/// Thunderbird's closing sentences (as in `SEND_ERRORS`), lowercase, pasted alone after the
/// reply they follow when the dialog's first sentence was left out ("5.7.1 ... relay. Please
/// check the message and try again."): the reply is the text before them on their line.
const CLOSINGS: &[&str] = &[
    "please check the message and try again",
    "please check the message recipient",
    "please verify that your email address is correct in your account settings",
];

/// The start of the word every sentence of `CLOSINGS` starts with: its first and last byte
/// (`text::find_ci` tests those) stand together less often than the whole word's "p" and " ".
const CLOSING_LEAD: &str = "plea";

/// The row a closing sentence of `CLOSINGS` stands for: the reply comes before it.
const THUNDERBIRD_CLOSING: SendError = SendError {
    program: "thunderbird",
    marker: "",
    leads: &[],
    reason: None,
    end: End::Advice,
};

/// Where the line that ends with one of `CLOSINGS` starts, when the text before the closing
/// on that line is a reply (a 4xx or 5xx code, or a status such as 5.7.1, first).
fn closing_reply(head: &str) -> Option<usize> {
    // Every closing starts "please ": the earliest closing is at the first of that word's
    // places where one follows, found case-blind without a lowercase copy of the text (by the
    // word's start, `CLOSING_LEAD`, which cannot overlap itself).
    let mut from = 0;
    let at = loop {
        let at = from + text::find_ci(head.get(from..)?, CLOSING_LEAD)?;
        let rest = head.get(at..)?;
        if CLOSINGS.iter().any(|c| text::starts_with_ci(rest, c)) {
            break at;
        }
        from = at + CLOSING_LEAD.len();
    };
    let start = head.get(..at)?.rfind('\n').map_or(0, |p| p + 1);
    let line = head.get(start..at)?;
    let trimmed = line.trim_start();
    let b = trimmed.as_bytes();
    let reply = matches!(b.first(), Some(b'4' | b'5'))
        && b.get(1).is_some_and(|c| c.is_ascii_digit() || *c == b'.');
    reply.then_some(start + (line.len() - trimmed.len()))
}

/// Words that the markers of `SEND_ERRORS` hold, ASCII lowercase: a row is searched for only
/// where its gate word (the first of these its marker holds) stands in the text, so a paste
/// costs one pass for all the ASCII gates (`ascii_gates`) instead of one search per row. Text
/// without a marker (almost every bounce) is turned away by that pass alone; a row without a
/// gate would be searched as before. Each gate is one word: the spaces of a marker match any
/// run of whitespace (`marker_around`), which a gate's own space would not.
const GATES: &[&str] = &[
    "server",
    "smtp",
    "送信",
    "command",
    "can't",
    "got",
    "submission",
    "messagerejected",
];

/// For each ASCII gate of `GATES`, in the same order, two bytes of it that seldom stand side
/// by side in a bounce: the one pass that finds every ASCII gate (`ascii_gates`) looks for
/// these pairs and compares a gate only where its pair is. The pair of a gate that is not
/// ASCII is empty.
const GATE_PAIRS: [&str; GATES.len()] = ["rv", "sm", "", "mm", "'t", "go", "bm", "ej"];

/// For each row of `SEND_ERRORS`, its gate in `GATES` and where in its marker the gate starts.
fn gates() -> &'static [Option<(usize, usize)>] {
    static ROWS: std::sync::OnceLock<Vec<Option<(usize, usize)>>> = std::sync::OnceLock::new();
    ROWS.get_or_init(|| {
        SEND_ERRORS
            .iter()
            .map(|e| {
                GATES
                    .iter()
                    .enumerate()
                    .find_map(|(g, w)| text::find_ci(e.marker, w).map(|at| (g, at)))
            })
            .collect()
    })
}

/// Calls `found` with the index in `GATES` and the place of every occurrence of an ASCII gate
/// in `head`, case-blind, in one pass. Sixteen places at a time are tested without a branch
/// (vector instructions) for any gate's pair of `GATE_PAIRS` there, and a gate is compared only
/// around a place where its pair stands: one pass for all the gates, and one that seldom stops,
/// costs less than one search per gate.
fn ascii_gates(head: &str, mut found: impl FnMut(usize, usize)) {
    const N: usize = GATES.len();
    const _: () = assert!(N <= 8 && GATE_PAIRS.len() == N);
    // Each gate's pair, lowercase, and where it starts in the gate; a gate without one has
    // the pair [0, 0], which no byte with bit 5 set equals.
    let mut pairs = [[0u8; 2]; N];
    let mut offs = [0usize; N];
    for (g, (gate, pair)) in GATES.iter().zip(GATE_PAIRS).enumerate() {
        if let (Some(off), Ok(p), Some(slot)) = (
            text::find(gate, pair),
            <[u8; 2]>::try_from(pair.as_bytes()),
            pairs.get_mut(g),
        ) {
            *slot = p;
            offs[g] = off;
        }
    }
    let h = head.as_bytes();
    // Compares the gates whose bits are set in `bits` around place `j`, where their pairs
    // stand.
    // (Only the set bits are visited: most places have one.)
    let mut check = |j: usize, mut bits: u8| {
        while bits != 0 {
            let g = bits.trailing_zeros() as usize;
            bits &= bits - 1;
            if let (Some(gate), Some(start)) = (
                GATES.get(g),
                offs.get(g).and_then(|&off| j.checked_sub(off)),
            ) {
                if h.get(start..start + gate.len())
                    .is_some_and(|w| w.eq_ignore_ascii_case(gate.as_bytes()))
                {
                    found(g, start);
                }
            }
        }
    };
    // The bits of the gates whose pair is the bytes `c`, `d` (with bit 5 set: both cases of a
    // letter compare equal, and a few other bytes too, which the full comparison turns away).
    let pairs_at = |c: u8, d: u8| {
        pairs.iter().enumerate().fold(0u8, |bits, (g, &[x, y])| {
            bits | ((u8::from((c | 0x20) == x) & u8::from((d | 0x20) == y)) << g)
        })
    };
    // Each pair's bytes in every lane, made once (see `text::Block`).
    let firsts = pairs.map(|[x, _]| Block::splat(x));
    let seconds = pairs.map(|[_, y]| Block::splat(y));
    let bits: [Block; N] = std::array::from_fn(|g| Block::splat(1 << g));
    let low = Block::splat(0x20);
    let mut i = 0;
    // Block `k` pairs the sixteen places from `16 * k` with the bytes one further on
    // (exact chunks: no bounds checks, as in `text::find_ci`).
    let next = h.get(1..).unwrap_or_default();
    for (a, b) in h.chunks_exact(16).zip(next.chunks_exact(16)) {
        let (Ok(a), Ok(b)) = (<&[u8; 16]>::try_from(a), <&[u8; 16]>::try_from(b)) else {
            break;
        };
        // Whether any place of the block holds any pair: one OR of sixteen tests per pair, as
        // lane-wise operations on whole blocks (`text::Block`; written as folds over the
        // bytes, the compiler vectorised across the pairs instead, with shuffles: two to three
        // times the instructions). The few blocks with a pair are read place by place.
        let (ba, bb) = (Block::of(a).or(low), Block::of(b).or(low));
        let any = firsts
            .iter()
            .zip(&seconds)
            .fold(Block::splat(0), |any, (&x, &y)| {
                any.or(ba.eq(x).and(bb.eq(y)))
            });
        if any.any() {
            // Which pairs stand at each place of the block, as gate bits.
            let hit = firsts
                .iter()
                .zip(&seconds)
                .zip(&bits)
                .fold(Block::splat(0), |hit, ((&x, &y), &bit)| {
                    hit.or(ba.eq(x).and(bb.eq(y)).and(bit))
                });
            for (j, &bits) in (i..).zip(&hit.bytes()) {
                if bits != 0 {
                    check(j, bits);
                }
            }
        }
        i += 16;
    }
    while let (Some(&c), Some(&d)) = (h.get(i), h.get(i + 1)) {
        let bits = pairs_at(c, d);
        if bits != 0 {
            check(i, bits);
        }
        i += 1;
    }
}

/// Where `marker` ends when it stands in `head` with its gate (the marker's bytes from `off`)
/// at `q`, compared case-blind, outward from the gate in both directions. A space of the marker
/// matches any run of whitespace in the text: a dialog pasted as it appears wraps its sentence
/// over lines, often with blank lines between them (the iPhone's "Cannot Send Mail" alert).
/// The gate's own `gate_len` bytes, which the gate scan found at `q`, are not compared again.
fn marker_around(head: &str, q: usize, marker: &str, off: usize, gate_len: usize) -> Option<usize> {
    let (h, m) = (head.as_bytes(), marker.as_bytes());
    let end = spaced_forward(h, q + gate_len, m.get(off + gate_len..)?)?;
    // The gate word has no space, so the part before it is compared only once the rest
    // matched (rarely: most places of a gate are no marker).
    spaced_backward(h, q, m.get(..off)?)?;
    Some(end)
}

/// Whether a byte is whitespace that a wrapped line puts where the words had one space.
fn is_gap(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n')
}

/// Where `pat` ends when it stands at `at` in `h`, a space of `pat` matching any run of
/// whitespace (`is_gap`), other bytes compared ASCII case-blind.
fn spaced_forward(h: &[u8], mut at: usize, pat: &[u8]) -> Option<usize> {
    for &p in pat {
        if p == b' ' {
            if !is_gap(*h.get(at)?) {
                return None;
            }
            while h.get(at).copied().is_some_and(is_gap) {
                at += 1;
            }
        } else if h.get(at)?.eq_ignore_ascii_case(&p) {
            at += 1;
        } else {
            return None;
        }
    }
    Some(at)
}

/// `spaced_forward` read backwards: where `pat` starts when it ends at `end` in `h`.
fn spaced_backward(h: &[u8], mut end: usize, pat: &[u8]) -> Option<usize> {
    for &p in pat.iter().rev() {
        let before = |end: usize| end.checked_sub(1).and_then(|i| h.get(i).copied());
        if p == b' ' {
            if !is_gap(before(end)?) {
                return None;
            }
            while before(end).is_some_and(is_gap) {
                end -= 1;
            }
        } else if before(end)?.eq_ignore_ascii_case(&p) {
            end -= 1;
        } else {
            return None;
        }
    }
    Some(end)
}

/// `find` with the row as its number: its place in `SEND_ERRORS`, or `CLOSING_ROW` or
/// `TUPLE_ROW`.
fn find_row(text: &str) -> Option<(usize, usize)> {
    let head = text::clip(text, HEAD);
    let rows = gates();
    // Which rows' markers stand at an occurrence of their gate: a marker that is in the text
    // holds its gate there, so no row with a marker in the text is left out.
    let mut present = 0u64;
    const _: () = assert!(SEND_ERRORS.len() <= 64);
    // The rows of each gate, as bits: a place where "smtp" stands (most bounces have several)
    // visits only the rows of that gate.
    let mut of_gate = [0u64; GATES.len()];
    for (r, row) in rows.iter().enumerate() {
        if let Some(bits) = row.and_then(|(g, _)| of_gate.get_mut(g)) {
            *bits |= 1 << r;
        }
    }
    // Where each present row's marker first ends in `head`.
    let mut ends = [0usize; SEND_ERRORS.len()];
    let mut mark = |g: usize, q: usize, present: &mut u64| {
        let mut bits = of_gate.get(g).copied().unwrap_or(0);
        while bits != 0 {
            let r = bits.trailing_zeros() as usize;
            bits &= bits - 1;
            if *present & (1 << r) != 0 {
                // Occurrences come in the text's order: the first match is the earliest.
                continue;
            }
            if let (Some(e), Some(&Some((_, off)))) = (SEND_ERRORS.get(r), rows.get(r)) {
                let skip = GATES.get(g).map_or(0, |w| w.len());
                if let Some(end) = marker_around(head, q, e.marker, off, skip)
                    .filter(|&end| fits(e, head.get(end..).unwrap_or_default()))
                {
                    *present |= 1 << r;
                    if let Some(slot) = ends.get_mut(r) {
                        *slot = end;
                    }
                }
            }
        }
    };
    if text::WIDE {
        ascii_gates(head, |g, q| mark(g, q, &mut present));
    }
    let ascii = head.is_ascii();
    for (g, gate) in GATES.iter().enumerate() {
        if (text::WIDE && gate.is_ascii()) || (ascii && !gate.is_ascii()) {
            // The ASCII gates are found above where blocks are tested at once (elsewhere one
            // search each costs less than a pass that tests every byte); a text of ASCII
            // only holds no other.
            continue;
        }
        let mut from = 0;
        while let Some(at) = head.get(from..).and_then(|rest| text::find_ci(rest, gate)) {
            let q = from + at;
            mark(g, q, &mut present);
            // On past the gate's first character only, should a gate ever overlap itself.
            from = q + head
                .get(q..)
                .and_then(|s| s.chars().next())
                .map_or(1, char::len_utf8);
        }
    }
    SEND_ERRORS
        .iter()
        .zip(rows)
        .enumerate()
        .find_map(|(r, (e, row))| {
            if row.is_some() {
                return (present & (1 << r) != 0).then(|| (r, ends.get(r).copied().unwrap_or(0)));
            }
            let at = text::find_ci(head, e.marker)?;
            Some((r, at + e.marker.len()))
        })
        .or_else(|| closing_reply(head).map(|at| (CLOSING_ROW, at)))
        .or_else(|| message_failed(head).map(|at| (MESSAGE_ROW, at)))
        .or_else(|| {
            // Each parenthesis by the block search (the standard library's character search
            // costs more between the few parentheses of a report).
            let parens = std::iter::successors(text::find(head, "("), |&p| {
                let from = p + 1;
                Some(from + text::find(head.get(from..)?, "(")?)
            });
            let at = parens.take(64).find(|&p| {
                head.get(p + 1..)
                    .and_then(python_reply)
                    .is_some_and(|r| matches!(r.as_bytes().first(), Some(b'4' | b'5')))
            })?;
            Some((TUPLE_ROW, at))
        })
}

/// Whether the text after a row's marker fits the row. Roundcube's parenthesis holds the
/// reply code ("SMTP Error (550): ..."; digits, or nothing when none came): Gmail's old
/// notice says "PERM_FAILURE: SMTP Error (state 9): 553 ..." before the reply of the server it
/// handed the mail to, which is no submission error. Source: roundcube/roundcubemail,
/// program/localization/en_US/messages.inc (smtptoerror, 'SMTP Error ($code): ...').
fn fits(e: &SendError, rest: &str) -> bool {
    e.marker != "smtp error ("
        || rest
            .bytes()
            .take_while(|&b| b != b')')
            .take(8)
            .all(|b| b.is_ascii_digit() || b == b'-' || b == b' ')
}

/// The place of `THUNDERBIRD_CLOSING` and of `PYTHON_TUPLE` after the rows of `SEND_ERRORS`,
/// in the row numbers `find_row` gives.
const CLOSING_ROW: usize = SEND_ERRORS.len();
const TUPLE_ROW: usize = SEND_ERRORS.len() + 1;
const MESSAGE_ROW: usize = SEND_ERRORS.len() + 2;

/// The row of a number `find_row` gives.
fn row(i: usize) -> Option<&'static SendError> {
    match i {
        CLOSING_ROW => Some(&THUNDERBIRD_CLOSING),
        TUPLE_ROW => Some(&PYTHON_TUPLE),
        MESSAGE_ROW => Some(&NODEMAILER_MESSAGE),
        _ => SEND_ERRORS.get(i),
    }
}

/// The row of `SEND_ERRORS` whose marker is in `text`, and where the marker ends; else a
/// Python reply tuple, and where its parenthesis starts. (The code asks `found`, which keeps
/// the answer; the tests compare this with every row searched in turn.)
#[cfg(test)]
fn find(text: &str) -> Option<(&'static SendError, usize)> {
    find_row(text).and_then(|(i, at)| Some((row(i)?, at)))
}

/// The program whose own send error `text` is (`thunderbird`, `outlook`, `apple_mail`,
/// `exchange`, `python`, `nodemailer`, `emailjs`, `phpmailer`, `swiftmailer`, `ruby`,
/// `dotnet`, `mailkit`, `javamail`, ...), or
/// `None` for any other text: the detail of the note `refused_at_submission`.
pub(crate) fn program(mail: &Mail) -> Option<&'static str> {
    found(mail).map(|(e, _)| e.program)
}

/// `find` in the body of `mail`, searched once per `Mail`: the reader and the note
/// `refused_at_submission` both ask (the note for most bounces of the corpus, the reader for
/// a quarter of them), and the body does not change after decoding. The answer is kept as
/// `find_row` gives it, with the body's length, so a body changed after all would be searched
/// again.
fn found(mail: &Mail) -> Option<(&'static SendError, usize)> {
    let len = mail.body.len();
    let kept = match mail.send_error.get() {
        Some((seen, kept)) if seen == len => kept,
        _ => {
            let kept = find_row(&mail.body);
            mail.send_error.set(Some((len, kept)));
            kept
        }
    };
    kept.and_then(|(i, at)| Some((row(i)?, at)))
}

/// Where the first line after the reply's first words that starts with a non-ASCII letter
/// begins (the dialog's Japanese advice or the poster's sentence), or the length.
fn japanese_line(reply: &str) -> usize {
    let start = reply.len() - reply.trim_start().len();
    let mut at = start;
    for line in reply[start..].split_inclusive('\n') {
        let t = line.trim_start();
        if at > start && t.starts_with(|c: char| !c.is_ascii()) {
            return at;
        }
        at += line.len();
    }
    reply.len()
}

/// Where a reply that a program's advice follows ends (`REPLY_ENDS`), or its length. One
/// function for both rows that end so, not the same search written out twice.
fn advice_end(reply: &str) -> usize {
    let lc = reply.to_ascii_lowercase();
    text::find_earliest(&lc, REPLY_ENDS).map_or(reply.len(), |(p, _)| p)
}

pub(crate) fn inquire(mail: &Mail) -> Option<Rising> {
    let body = mail.body.as_str();
    // No refusal: a connection to the outgoing server that failed (`progconnect`), whose
    // words are no refusal's.
    let Some((error, after)) = found(mail) else {
        return super::progconnect::inquire(mail);
    };
    let head = text::clip(body, HEAD);
    let rest = head.get(after..).unwrap_or_default();
    let reply = match error.leads {
        // net-smtp's reply follows its class in one of several forms.
        _ if error.program == RUBY => ruby_reply(rest).unwrap_or_default(),
        // A closing sentence pasted alone: the reply runs from the line's start to it.
        [] if error.marker.is_empty() => {
            rest.get(..advice_end(rest)).unwrap_or_default().to_string()
        }
        [] => {
            // The sentence that holds the marker, from its start to its full stop (a dot
            // inside an address is no full stop: one ends a sentence before a space).
            let marker_start =
                spaced_backward(head.as_bytes(), after, error.marker.as_bytes()).unwrap_or(0);
            let before = head.get(..marker_start).unwrap_or_default();
            let start = [
                before.rfind(". ").map(|p| p + 2),
                before.rfind('\n').map(|p| p + 1),
            ]
            .into_iter()
            .flatten()
            .max()
            .unwrap_or(0);
            let end = rest.find(['\n', '.']).map_or(head.len(), |p| after + p);
            head.get(start..end).unwrap_or_default().to_string()
        }
        leads => {
            // The reply follows the marker itself when the marker ends with its lead, else the
            // first lead found after it (Outlook's reply comes after the message's details).
            let from = if leads.iter().any(|l| error.marker.ends_with(l)) {
                Some(0)
            } else {
                leads
                    .iter()
                    .find_map(|l| text::find_ci(rest, l).map(|p| p + l.len()))
            };
            // No lead: no reply here (a Python error shown without its tuple is read below).
            let reply = from.and_then(|f| rest.get(f..)).unwrap_or_default();
            let reply = match error.program {
                "thunderbird" => reply.strip_prefix(':').unwrap_or(reply),
                _ => reply,
            };
            let end = match error.end {
                // A server's reply is ASCII (RFC 5321): in Thunderbird's Japanese dialog a
                // line in Japanese after it is the dialog's advice or the poster's own words.
                End::Advice if error.program == "thunderbird" => {
                    advice_end(reply).min(japanese_line(reply))
                }
                End::Advice => advice_end(reply),
                End::Line | End::Quote => {
                    let line = reply.trim_start_matches([' ', '\t']);
                    let skipped = reply.len() - line.len();
                    let stops = match error.end {
                        End::Quote => QUOTE_STOPS,
                        _ => LINE_STOPS,
                    };
                    // A reply that opens its words with a quote of its own, `550 "envelope
                    // sender not allowed a@example.org"` (Domainfactory's relay, quoted by Swift
                    // Mailer in https://github.com/in2code-de/femanager/issues/404): that quote
                    // and its pair are the reply's, and the library's quote comes after them.
                    let own = match error.end {
                        End::Quote => own_quote_end(line),
                        _ => 0,
                    };
                    let rest = line.get(own..).unwrap_or_default();
                    skipped + own + text::find_earliest(rest, stops).map_or(rest.len(), |(p, _)| p)
                }
            };
            // PHPMailer's detail is the server's reply with its own line end, so in a JSON
            // string (FluentSMTP's error) "\r\n SMTP code: 553 Additional SMTP info: 5.7.1"
            // follows the words: the codes are read up to the end of that next piece too.
            let end = match error.program {
                "phpmailer" => phpmailer_codes_end(reply, end),
                _ => end,
            };
            let reply = reply.get(..end).unwrap_or_default();
            match error.program {
                "phpmailer" => phpmailer_reply(reply),
                "roundcube" => roundcube_reply(reply),
                "net_smtp" => net_smtp_reply(reply),
                DOTNET => {
                    let start = spaced_backward(head.as_bytes(), after, error.marker.as_bytes())
                        .unwrap_or(after);
                    dotnet_reply(head.get(..start).unwrap_or_default(), reply)
                }
                MAILKIT => mailkit_reply(reply, rest),
                _ => reply.to_string(),
            }
        }
    };
    let reply = if error.program == "python" {
        // The first tuple after the exception's name: a traceback names the exception in code
        // before it too ("raise SMTPSenderRefused(code, resp, from_addr)").
        rest.match_indices('(')
            .take(16)
            .find_map(|(p, _)| python_reply(rest.get(p + 1..)?))
            .or_else(|| python_shown_reply(rest))?
    } else {
        reply
    };
    let reply = tidy(&reply);
    // PHPMailer's exception for a refused message without its details (SMTPDebug off, or an
    // app that shows only the message): "SMTP Error: data not accepted." is then all there
    // is, and it is still the outgoing server refusing the message: its words stand for it.
    let reply = match reply.is_empty() && error.marker == DATA_NOT_ACCEPTED {
        true => {
            let start = spaced_backward(head.as_bytes(), after, DATA_NOT_ACCEPTED.as_bytes())
                .unwrap_or(after);
            tidy(
                head.get(start..after)
                    .unwrap_or_default()
                    .trim_end_matches('.'),
            )
        }
        false => reply,
    };
    if reply.is_empty() {
        return None;
    }
    let lc = head.to_ascii_lowercase();
    // The words naming the command may be wrapped over lines as the marker may (then looked
    // for again with each run of whitespace as one space).
    let command = COMMANDS
        .iter()
        .find(|(w, _)| lc.contains(w))
        .or_else(|| {
            let flat = lc.split_whitespace().collect::<Vec<_>>().join(" ");
            COMMANDS.iter().find(|(w, _)| flat.contains(w))
        })
        .map_or("", |(_, c)| c);
    let named = RECIPIENT_LEADS
        .iter()
        .find_map(|w| named_address(head.get(lc.find(w)? + w.len()..)?));
    // A refusal of RCPT names the recipient in its reply ("<x@example.org>: Relay access
    // denied"); one of MAIL names the sender, which is not a recipient.
    // An address the reply itself calls the sender's is no recipient, whatever the command
    // (Postfix's reject_rhsbl_sender: "554 5.7.1 Service unavailable; Sender address [a@example.com]
    // blocked using dbl.spamhaus.org", met at RCPT under nodemailer's "all recipients were
    // rejected"; "<a@example.com>: Sender address rejected: ...").
    let recipient = named
        .or_else(|| {
            (command == "RCPT")
                .then(|| address::find(&reply))
                .flatten()
                .filter(|a| !called_the_sender(&reply, a))
        })
        .unwrap_or_default();
    Some(Rising {
        deliveries: vec![Delivery {
            recipient,
            action: "failed".into(),
            diagnosis: reply,
            command: command.into(),
            reason: error.reason,
            agent: AGENT,
            ..Delivery::default()
        }],
        rfc822: String::new(),
    })
}

/// True when `reply` names `addr` as the sender's address: "Sender address [addr]" (Postfix's
/// reject_rhsbl_sender and check_sender_access replies) or "<addr>: Sender address rejected"
/// (Postfix's restrictions of the envelope sender). Source: https://www.postfix.org/postconf.5.html
/// (reject_rhsbl_sender, smtpd_sender_restrictions).
fn called_the_sender(reply: &str, addr: &str) -> bool {
    let lc = reply.to_ascii_lowercase();
    let a = addr.to_ascii_lowercase();
    lc.match_indices(a.as_str()).take(8).any(|(p, _)| {
        let before = lc[..p].trim_end_matches(['[', '<', ' ']);
        let after = lc[p + a.len()..].trim_start_matches([']', '>', ':', ' ']);
        before.ends_with("sender address") || after.starts_with("sender address rejected")
    })
}

/// The address right after a program's words that name it, in the quotes or brackets the
/// program put around it (`"x@example.org"`, `'<x@example.org>'`, ` : 'x@example.org'`).
fn named_address(after: &str) -> Option<String> {
    let start = after.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, ':' | '：' | '\'' | '"' | '<' | '“' | '「')
    });
    let word = start
        .split(|c: char| c.is_whitespace() || matches!(c, '\'' | '"' | '>' | ',' | '”' | '」'))
        .next()?;
    address::find(word)
}

/// The reply in a Python exception's tuple, from just after its opening parenthesis:
/// `552, b"5.2.3 Too big.\n5.2.3 More"` becomes `552 5.2.3 Too big. 5.2.3 More` (the bytes'
/// escaped line breaks are spaces). `None` when no three-digit code and bytes text follow.
fn python_reply(after_paren: &str) -> Option<String> {
    let t = after_paren.trim_start();
    let code = t
        .get(..3)
        .filter(|c| c.bytes().all(|b| b.is_ascii_digit()))?;
    let rest = t.get(3..)?.trim_start().strip_prefix(',')?.trim_start();
    let rest = rest.strip_prefix('b').unwrap_or(rest);
    let quote = rest.chars().next().filter(|c| *c == '\'' || *c == '"')?;
    let body = rest.get(1..)?;
    // The text ends at the first quote of its kind that no backslash escapes. A repr is one
    // line (its line breaks are written `\n`): a quote a paste lost ends at the paragraph's end,
    // not in the words the poster wrote after it ("... not accepted. ....)" then a blank line
    // and a question; held-out v 12). A line break alone may be a paste's wrapping.
    let mut end = body.len();
    let mut escaped = false;
    for (i, c) in body.char_indices() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == quote
            || c == '\n'
                && body
                    .get(i + 1..)
                    .is_some_and(|r| r.trim_start_matches([' ', '\t', '\r']).starts_with('\n'))
        {
            end = i;
            break;
        }
    }
    // Python writes each member of a tuple as its repr, quoted or a number: words without
    // quotes after the text ("421, \"4.7.0\", TLS required for RCPT domain", Google's list of
    // its SMTP errors) are no Python tuple.
    let after = body.get(end + 1..).unwrap_or_default().trim_start();
    if let Some(next) = after.strip_prefix(',') {
        let next = next.trim_start();
        let repr = next.is_empty()
            || next.starts_with(['\'', '"', '(', '[', '{', ')'])
            || next.starts_with("b'")
            || next.starts_with("b\"")
            || next.starts_with(|c: char| c.is_ascii_digit());
        if !repr {
            return None;
        }
    }
    let text = body.get(..end)?.replace("\\r", " ").replace("\\n", " ");
    Some(format!("{code} {text}"))
}

/// Where a library's error ends when it ends with its line: a line break, or one printed as
/// `\n` inside a quoted string. "] {": Node prints an error as `[Error: <message>] { code: ...
/// }`. Constant lists, not a `Vec` built per reply.
const LINE_STOPS: &[&str] = &["\n", "\r", "\\n", "\\r", "] {"];

/// The same for a reply quoted in double quotes (Swift Mailer's `with message "..."`).
const QUOTE_STOPS: &[&str] = &["\n", "\r", "\\n", "\\r", "] {", "\""];

/// Where the reply's own quoted words end when they follow its code at once (`550 "words"`):
/// just after their closing quote on the same line, else 0.
fn own_quote_end(line: &str) -> usize {
    let b = line.as_bytes();
    if b.len() < 5 || !b[..3].iter().all(u8::is_ascii_digit) || &b[3..5] != b" \"" {
        return 0;
    }
    line.get(5..)
        .and_then(|rest| {
            rest.find(['"', '\n'])
                .filter(|&q| rest.as_bytes()[q] == b'"')
        })
        .map_or(0, |q| 5 + q + 1)
}

/// The reply as an app shows a smtplib exception without its tuple: the exception's name, a
/// colon and the code, and the server's text on the next line (the break printed either as
/// one or as `\n` inside a quoted string), as Odoo's error box and its mail's failure reason
/// show it: "SMTPDataError: 554" over "5.2.0 ...". The parts are smtplib's own (the
/// exception's `smtp_code` and `smtp_error`; source: https://docs.python.org/3/library/smtplib.html).
/// `after_name` starts just after the exception's name.
fn python_shown_reply(after_name: &str) -> Option<String> {
    let t = after_name
        .strip_prefix(':')?
        .trim_start_matches([' ', '\t']);
    let code = t
        .get(..3)
        .filter(|c| c.bytes().all(|b| b.is_ascii_digit()))
        .filter(|c| c.starts_with(['4', '5']))?;
    let rest = t.get(3..)?.trim_start_matches([' ', '\t', '\r']);
    let rest = rest
        .strip_prefix("\\n")
        .or_else(|| rest.strip_prefix('\n'))?
        .trim_start();
    let end = text::find_earliest(rest, &["\n", "\r", "\\n", "\\r", "\"", "')"])
        .map_or(rest.len(), |(p, _)| p);
    let words = rest.get(..end)?.trim();
    if words.is_empty() {
        return None;
    }
    // "5.7.1Unauthorized ...": a status glued to its words reads as one once spaced.
    let glued = words
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == '.'))
        .filter(|&(p, c)| p >= 5 && c.is_ascii_alphabetic())
        .map(|(p, _)| p);
    Some(
        match glued.and_then(|p| Some((words.get(..p)?, words.get(p..)?))) {
            Some((status, tail)) if crate::smtp::status::is_valid(status) => {
                format!("{code} {status} {tail}")
            }
            _ => format!("{code} {words}"),
        },
    )
}

/// Whether `s` starts with a 4xx or 5xx reply code standing alone ("550 ", "550-", "550").
fn starts_with_reply_code(s: &str) -> bool {
    let b = s.as_bytes();
    matches!(b.first(), Some(b'4' | b'5'))
        && b.get(1..3)
            .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
        && !b.get(3).is_some_and(u8::is_ascii_alphanumeric)
}

/// The reply of a net-smtp error, from just after its class's name: "`: 550 ...`",
/// "` (550 ...\n):`" (Rails' log), "` - 550 ...`", the reply on the next line, or an error
/// tracker's "Error message:" field after the class. `None` unless a 4xx or 5xx code starts
/// it: net-smtp's message is the whole reply (see `SEND_ERRORS`), so anything else is not it.
fn ruby_reply(rest: &str) -> Option<String> {
    // The class may stand in quotes or Markdown's code marks.
    let t = rest.trim_start_matches(['`', '\'', '"', '*', ' ', '\t']);
    let (body, opened) = match t.as_bytes().first() {
        Some(b':' | b'-') => (t.get(1..)?, false),
        Some(b'(') => (t.get(1..)?, true),
        _ => (t, false),
    };
    ruby_line(body, opened).or_else(|| {
        const FIELD: &str = "error message:";
        let at = text::find_ci(text::clip(rest, 512), FIELD)?;
        ruby_line(rest.get(at + FIELD.len()..)?, false)
    })
}

/// The reply that starts `s` (past whitespace, quotes and code marks) up to its line's end,
/// without the closing parenthesis of Rails' "(550 ...)" when `opened`.
fn ruby_line(s: &str, opened: bool) -> Option<String> {
    let mark = |c: char| c.is_whitespace() || matches!(c, '`' | '*' | '\'' | '"');
    let s = s.trim_start_matches(mark);
    let end = text::find_earliest(s, LINE_STOPS).map_or(s.len(), |(p, _)| p);
    let line = s.get(..end)?.trim_end_matches(mark);
    let line = match line.strip_suffix(')') {
        Some(inner) if opened && line.matches(')').count() > line.matches('(').count() => inner,
        _ => line,
    };
    starts_with_reply_code(line).then(|| line.trim().to_string())
}

/// .NET's sentence for each reply code, before "The server response was:", lowercase.
/// "Mailbox unavailable." stands for both 450 and 550 (`MailboxBusy` and
/// `MailboxUnavailable` share the words); the reply's status class tells which.
/// Source: https://github.com/dotnet/runtime/blob/main/src/libraries/System.Net.Mail/src/Resources/Strings.resx
/// (SmtpMailboxUnavailable, SmtpTransactionFailed, ...) with the codes of SmtpStatusCode.cs.
const DOTNET_SENTENCES: &[(&str, &str)] = &[
    ("mailbox unavailable.", "550"),
    ("transaction failed.", "554"),
    ("exceeded storage allocation.", "552"),
    ("mailbox name not allowed.", "553"),
    ("user not local; please try a different path.", "551"),
    ("insufficient system storage.", "452"),
    ("error in processing.", "451"),
    (
        "service not available, closing transmission channel.",
        "421",
    ),
    (
        "client does not have permission to submit mail to this server.",
        "454",
    ),
    (
        "the smtp server requires a secure connection or the client was not authenticated.",
        "530",
    ),
    ("syntax error, command unrecognized.", "500"),
    ("syntax error in parameters or arguments.", "501"),
    ("command not implemented.", "502"),
    ("bad sequence of commands.", "503"),
    ("command parameter not implemented.", "504"),
];

/// .NET's reply put back together: its code, from the sentence in `before` (the text up to
/// "The server response was:"), in front of the reply, which .NET shows without it. A reply
/// that has its code (a server that repeats it) is kept.
fn dotnet_reply(before: &str, reply: &str) -> String {
    let t = reply.trim();
    if starts_with_reply_code(t) {
        return t.to_string();
    }
    let line = before.rsplit('\n').next().unwrap_or_default().trim_end();
    let code = DOTNET_SENTENCES.iter().find_map(|(words, code)| {
        let start = line.len().checked_sub(words.len())?;
        line.get(start..)?
            .eq_ignore_ascii_case(words)
            .then_some(*code)
    });
    match code {
        Some("550") if t.starts_with("4.") => format!("450 {t}"),
        Some(code) => format!("{code} {t}"),
        None => t.to_string(),
    }
}

/// MailKit's `SmtpStatusCode` names with their codes, lowercase (the 4xx and 5xx ones).
/// Source: https://github.com/jstedfast/MailKit/blob/master/MailKit/Net/Smtp/SmtpStatusCode.cs
const MAILKIT_STATUS: &[(&str, &str)] = &[
    ("servicenotavailable", "421"),
    ("passwordtransitionneeded", "432"),
    ("mailboxbusy", "450"),
    ("errorinprocessing", "451"),
    ("insufficientstorage", "452"),
    ("temporaryauthenticationfailure", "454"),
    ("commandunrecognized", "500"),
    ("syntaxerror", "501"),
    ("commandnotimplemented", "502"),
    ("badcommandsequence", "503"),
    ("commandparameternotimplemented", "504"),
    ("authenticationrequired", "530"),
    ("authenticationmechanismtooweak", "534"),
    ("authenticationinvalidcredentials", "535"),
    ("encryptionrequiredforauthenticationmechanism", "538"),
    ("mailboxunavailable", "550"),
    ("usernotlocaltryalternatepath", "551"),
    ("exceededstorageallocation", "552"),
    ("mailboxnamenotallowed", "553"),
    ("transactionfailed", "554"),
    (
        "mailfromorrcpttoparametersnotrecognizedornotimplemented",
        "555",
    ),
];

/// MailKit's reply put back together: the code of a `StatusCode` logged after the message
/// (`rest`), as its number or its name, in front of the server's text, which MailKit's
/// message has without it. Without one, the text alone.
fn mailkit_reply(reply: &str, rest: &str) -> String {
    let t = reply.trim();
    if starts_with_reply_code(t) {
        return t.to_string();
    }
    let code = text::find_ci(text::clip(rest, 2048), "statuscode")
        .and_then(|at| rest.get(at + "statuscode".len()..))
        .and_then(|after| {
            let value = after.trim_start_matches(|c: char| {
                c.is_whitespace() || matches!(c, ':' | '=' | '"' | '\'')
            });
            let word = value
                .split(|c: char| !c.is_ascii_alphanumeric())
                .next()
                .unwrap_or_default();
            if word.len() == 3 && starts_with_reply_code(word) {
                return Some(word);
            }
            MAILKIT_STATUS
                .iter()
                .find(|(name, _)| word.eq_ignore_ascii_case(name))
                .map(|&(_, code)| code)
        });
    match code {
        Some(code) => format!("{code} {t}"),
        None => t.to_string(),
    }
}

/// PEAR Mail's "550, response: <words>)]" (from just after "(code: ") as "550 <words>";
/// empty unless a 4xx or 5xx code leads.
fn net_smtp_reply(reply: &str) -> String {
    let Some((code, words)) = reply.split_once(", response:") else {
        return String::new();
    };
    let code = code.trim();
    if code.len() != 3 || !code.starts_with(['4', '5']) || !code.bytes().all(|b| b.is_ascii_digit())
    {
        return String::new();
    }
    let words = words.trim_end();
    let words = words.strip_suffix(")]").unwrap_or(words);
    format!("{code} {}", words.trim())
}

/// Roundcube's display put back together: '550): Failed to add recipient "x@example.org"
/// (5.7.1 <words>).' (from just after "SMTP Error (") becomes "550 5.7.1 <words>". The
/// server's words are the parenthesis after the quoted address; they may hold parentheses
/// themselves ("(See RFC2821 4.1.3)"), so they run to the last one on the line. Empty when no
/// 4xx or 5xx code stands in the parentheses.
fn roundcube_reply(reply: &str) -> String {
    let t = reply.trim();
    // The refusal of the message data: "550] <words>" after the marker's bracket.
    if let Some((code, words)) = t.split_once(']') {
        if code.len() == 3
            && code.starts_with(['4', '5'])
            && code.bytes().all(|b| b.is_ascii_digit())
        {
            return format!("{code} {}", words.trim());
        }
    }
    // No code in the parentheses: not Roundcube's display, and no reply.
    let Some((code, rest)) = t.split_once("):") else {
        return String::new();
    };
    let code = code.trim();
    if code.len() != 3 || !code.starts_with(['4', '5']) || !code.bytes().all(|b| b.is_ascii_digit())
    {
        return String::new();
    }
    let rest = rest.trim();
    // Past the quoted address, when there is one.
    let after_quote = match rest.find('"') {
        Some(open) => rest
            .get(open + 1..)
            .and_then(|r| r.find('"').map(|close| open + 1 + close + 1))
            .unwrap_or(0),
        None => 0,
    };
    let tail = rest.get(after_quote..).unwrap_or_default();
    let words = match (tail.find('('), tail.rfind(')')) {
        (Some(open), Some(close)) if close > open => tail.get(open + 1..close).unwrap_or(tail),
        _ => tail,
    };
    format!("{code} {}", words.trim())
}

/// Where PHPMailer's reply that ends at `end` in `reply` ends with its codes: past a line
/// end (real, or printed as `\r\n` inside a string) that "SMTP code:" follows, up to the end of
/// that piece; else at `end`. Its message is "Detail: <reply> SMTP code: <code> Additional
/// SMTP info: <status>" (PHPMailer.php, smtpSend; language strings `smtp_detail`,
/// `smtp_code`, `smtp_code_ex`), and the reply carries the server's own line end.
fn phpmailer_codes_end(reply: &str, end: usize) -> usize {
    let Some(after) = reply.get(end..) else {
        return end;
    };
    let rest = skip_line_ends(after);
    if !text::starts_with_ci(rest, "smtp code:") {
        return end;
    }
    let from = reply.len() - rest.len();
    from + text::find_earliest(rest, LINE_STOPS).map_or(rest.len(), |(p, _)| p)
}

/// Line ends, real or printed inside a string, and spaces.
const LINE_ENDS: &[&str] = &["\\r", "\\n", "\r", "\n", " "];

/// `s` without the line ends and spaces it starts with.
fn skip_line_ends(mut s: &str) -> &str {
    while let Some(rest) = LINE_ENDS.iter().find_map(|e| s.strip_prefix(e)) {
        s = rest;
    }
    s
}

/// `s` without the line ends and spaces it ends with.
fn trim_line_ends(mut s: &str) -> &str {
    while let Some(rest) = LINE_ENDS.iter().find_map(|e| s.strip_suffix(e)) {
        s = rest;
    }
    s
}

/// A PHPMailer exception's reply put back together: "x@example.org: <words>" (the refused
/// recipients) loses the address, which the recipient already is, and "<words> SMTP code: 554
/// Additional SMTP info: 5.7.1" (data not accepted) becomes "554 5.7.1 <words>". Any other
/// reply is kept.
fn phpmailer_reply(reply: &str) -> String {
    let t = reply.trim();
    if let Some(at) = text::find_ci(t, "smtp code:") {
        let words = trim_line_ends(t.get(..at).unwrap_or_default()).trim();
        let after = t.get(at + "smtp code:".len()..).unwrap_or_default();
        let code = after
            .trim_start()
            .get(..3)
            .filter(|c| c.bytes().all(|b| b.is_ascii_digit()));
        let status = text::find_ci(after, "additional smtp info:")
            .and_then(|p| after.get(p + "additional smtp info:".len()..))
            .and_then(|s| s.split_whitespace().next())
            .map(|s| s.trim_end_matches(|c: char| !c.is_ascii_digit()))
            .unwrap_or_default();
        return match code {
            Some(code) => format!("{code} {status} {words}"),
            None => words.to_string(),
        };
    }
    // The refused address first, then a colon: only when the part before the colon is one
    // address (a reply's own "<x@example.org>: Recipient address rejected" keeps its words).
    match t.split_once(": ") {
        Some((first, words))
            if !first.contains(char::is_whitespace)
                && !first.starts_with('<')
                && address::find(first).is_some() =>
        {
            words.to_string()
        }
        _ => t.to_string(),
    }
}

/// The reply on one line, without the quotes and the full stop the program put around it.
fn tidy(reply: &str) -> String {
    let one_line = reply.split_whitespace().collect::<Vec<_>>().join(" ");
    let t = one_line
        .trim_matches(|c: char| c == '\'' || c == '"' || c.is_whitespace())
        .trim_end_matches(['.', '。'])
        .trim();
    // A logger's object printed after the error's message on its line ("... 8126 {", then the
    // error's fields): a reply never ends with an opening brace.
    let t = t.strip_suffix(" {").map_or(t, str::trim_end);
    // "553. To send mail, first check your mail ..." (an ISP's server puts a full stop after
    // its code): the code is read as any other once the stop is gone.
    match (t.get(..3), t.get(3..5)) {
        (Some(code), Some(". ")) if code.bytes().all(|b| b.is_ascii_digit()) => {
            format!("{code}{}", t.get(4..).unwrap_or_default())
        }
        _ => t.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Option<(String, String, String)> {
        let mail = crate::decode::decode(text.as_bytes(), crate::charsets::Decoders::default());
        let r = inquire(&mail)?;
        let d = r.deliveries.into_iter().next()?;
        Some((d.recipient, d.command, d.diagnosis))
    }

    #[test]
    fn every_ascii_gate_has_its_pair() {
        for (gate, pair) in GATES.iter().zip(GATE_PAIRS) {
            assert_eq!(gate.is_ascii(), pair.len() == 2, "{gate}");
            assert!(
                gate.contains(pair) && pair.to_ascii_lowercase() == pair,
                "{gate}"
            );
        }
    }

    /// `program` of a `Mail` whose body is `text`, asked twice: the second answer is the one
    /// kept from the first search, and must be the same.
    fn program_of(text: &str) -> Option<&'static str> {
        let mail = Mail {
            body: text.to_string(),
            ..Mail::default()
        };
        let first = program(&mail);
        assert!(mail.send_error.get().is_some());
        assert_eq!(program(&mail), first, "{text}");
        first
    }

    #[test]
    fn kept_answer_follows_the_body() {
        let mut mail = Mail {
            body: "550 5.1.1 User unknown".to_string(),
            ..Mail::default()
        };
        assert_eq!(program(&mail), None);
        // A body changed after the search is searched again.
        mail.body = "smtplib.SMTPDataError: (554, b'5.7.1 Spam message rejected')".to_string();
        assert_eq!(program(&mail), Some("python"));
        assert_eq!(
            found(&mail).map(|(_, at)| at),
            find(&mail.body).map(|(_, at)| at)
        );
        // The closing sentence and the Python tuple have rows of their own.
        for (text, program_name) in [
            (
                "550 5.7.1 Relaying denied. Please check the message and try again.",
                "thunderbird",
            ),
            (
                "Failed to send email: (550, b'5.7.1 message content rejected')",
                "python",
            ),
        ] {
            assert_eq!(program_of(text), Some(program_name), "{text}");
        }
    }

    #[test]
    fn phpmailers_refused_message_without_details_is_read() {
        assert_eq!(
            read("Message could not be sent. Mailer Error: SMTP Error: data not accepted.\n"),
            Some((
                String::new(),
                "DATA".into(),
                "SMTP Error: data not accepted".into()
            ))
        );
        assert_eq!(
            program_of("SMTP Error: data not accepted."),
            Some("phpmailer")
        );
    }

    #[test]
    fn closings_start_with_their_lead() {
        assert!(CLOSINGS.iter().all(|c| c.starts_with(CLOSING_LEAD)));
    }

    #[test]
    fn markers_are_lowercase() {
        for e in SEND_ERRORS {
            assert_eq!(e.marker, e.marker.to_ascii_lowercase(), "{}", e.marker);
            for l in e.leads {
                assert_eq!(*l, l.to_ascii_lowercase(), "{l}");
            }
        }
        for w in REPLY_ENDS.iter().chain(RECIPIENT_LEADS) {
            assert_eq!(*w, w.to_ascii_lowercase(), "{w}");
        }
        for (w, _) in COMMANDS {
            assert_eq!(*w, w.to_ascii_lowercase(), "{w}");
        }
    }

    #[test]
    fn thunderbird_recipient_refusal() {
        assert_eq!(
            read("Sending of the message failed.\nAn error occurred while sending mail. The mail server responded:\n5.7.1 <hanako@example.org>: Relay access denied.\nPlease check the message recipient \"hanako@example.org\" and try again.\n"),
            Some((
                "hanako@example.org".into(),
                "RCPT".into(),
                "5.7.1 <hanako@example.org>: Relay access denied".into()
            ))
        );
    }

    /// Thunderbird's Japanese dialog with its label retyped without から, in a question: the
    /// reply is the line after the label, without the poster's sentences before it, the
    /// Japanese lines after it or the full-width full stop the dialog put after it.
    #[test]
    fn thunderbird_japanese_reply_ends_with_its_line() {
        let t = "フォームから送れなくなりました。下のエラーが出ます。\n\nメールの送信中にエラーが発生しました。メールサーバーの応答:\n 4.7.1 <info@example.jp>: Sender address rejected: sending limit exceeded, please try again later (203.0.113.30)。\nメッセージを確認して、再度送信してください。\n\n1時間に何通まで送れるのでしょうか。\n";
        let (recipient, _, reply) = read(t).expect("read");
        assert_eq!(recipient, "");
        assert_eq!(
            reply,
            "4.7.1 <info@example.jp>: Sender address rejected: sending limit exceeded, please try again later (203.0.113.30)"
        );
        let d = crate::diagnose(t.as_bytes());
        assert_eq!(d.reason, crate::Reason::Speeding);
        assert!(d
            .notes
            .iter()
            .any(|n| n.id == "refused_at_submission" && n.detail == "thunderbird"));
        assert_eq!(d.recipients[0].diagnostic_text, reply);
        // Thunderbird's own label, and its English reply running over two ASCII lines.
        let t = "メールの送信中にエラーが発生しました。サーバーからの応答:\n550 5.7.1 <a@example.org>: Relay\n access denied\nメッセージの受信者 \"a@example.org\" を確認し、再度試してください。";
        let (recipient, command, reply) = read(t).expect("read");
        assert_eq!(
            (recipient.as_str(), command.as_str()),
            ("a@example.org", "RCPT")
        );
        assert_eq!(reply, "550 5.7.1 <a@example.org>: Relay access denied");
    }

    /// A nodemailer error logged with its object after it: the sender's own address that the
    /// reply names is no recipient, and the logger's " {" is no part of the reply.
    #[test]
    fn nodemailer_refusal_of_the_sender_address_names_no_recipient() {
        let t = "[app][error] Can't send mail - all recipients were rejected: 554 5.7.1 Service unavailable; Sender address [a@example.com] blocked using dbl.spamhaus.org; Error: open resolver; https://www.spamhaus.org/returnc/pub/2001:db8::1 {\n  error: {\n    message: \"x\"\n";
        let (recipient, command, reply) = read(t).expect("read");
        assert_eq!((recipient.as_str(), command.as_str()), ("", "RCPT"));
        assert_eq!(reply, "554 5.7.1 Service unavailable; Sender address [a@example.com] blocked using dbl.spamhaus.org; Error: open resolver; https://www.spamhaus.org/returnc/pub/2001:db8::1");
        // A recipient the reply names stays one.
        let t = "Error: Can't send mail - all recipients were rejected: 550 5.1.1 <b@example.org>: Recipient address rejected: User unknown";
        assert_eq!(read(t).expect("read").0, "b@example.org");
        assert!(called_the_sender(
            "553 <a@example.com>: Sender address rejected: not owned",
            "a@example.com"
        ));
        assert!(!called_the_sender(
            "550 <b@example.org>: Recipient address rejected",
            "b@example.org"
        ));
    }

    #[test]
    fn thunderbird_sender_refusal_names_no_recipient() {
        assert_eq!(
            read("An error occurred while sending mail. The mail server responded: 553 5.7.1 <taro@example.net>: Sender address rejected: not owned by user taro@example.jp. Please verify that your email address is correct in your account settings and try again."),
            Some((
                String::new(),
                "MAIL".into(),
                "553 5.7.1 <taro@example.net>: Sender address rejected: not owned by user taro@example.jp".into()
            ))
        );
    }

    #[test]
    fn thunderbird_reply_pasted_without_its_colon() {
        let t = "An error occurred while sending mail. The mail server responded 5.7.1 (a@example.org) ... Relaying denied. Please verify that your email address is correct in your Mail preferences and try again.";
        let (_, command, reply) = read(t).expect("read");
        assert_eq!(command, "MAIL");
        assert_eq!(reply, "5.7.1 (a@example.org) ... Relaying denied");
        let d = crate::diagnose(t.as_bytes());
        assert_eq!(d.reason, crate::Reason::NoRelaying);
        assert_eq!(d.enhanced_code.as_deref(), Some("5.7.1"));
    }

    #[test]
    fn pear_mail_net_smtp_error() {
        let t = "Error sending email: Failed to add recipient: a@example.org [SMTP: Invalid response code received from server (code: 550, response: No RDNS entry for 192.0.2.7)]";
        let (_, _, reply) = read(t).expect("read");
        assert_eq!(reply, "550 No RDNS entry for 192.0.2.7");
        let d = crate::diagnose(t.as_bytes());
        assert_eq!(d.reason, crate::Reason::RequirePtr);
        assert_eq!(d.smtp_code.as_deref(), Some("550"));
        // A code outside 4xx/5xx is not a refusal.
        assert!(
            read("[SMTP: Invalid response code received from server (code: -1, response: )]")
                .is_none_or(|(_, _, r)| r.is_empty())
        );
    }

    #[test]
    fn thunderbird_japanese() {
        assert_eq!(
            read("メッセージを送信できませんでした。\nメールの送信中にエラーが発生しました。サーバーからの応答:\n554 5.7.1 <jiro@example.com>: Relay access denied\nメッセージの受信者 \"jiro@example.com\" を確認し、再度試してください。\n"),
            Some((
                "jiro@example.com".into(),
                "RCPT".into(),
                "554 5.7.1 <jiro@example.com>: Relay access denied".into()
            ))
        );
    }

    #[test]
    fn outlook_0x800ccc79() {
        assert_eq!(
            read("The message could not be sent because one of the recipients was rejected by the server. The rejected e-mail address was 'saburo@example.org'. Subject 'Hello', Account: 'mail.example.jp', Server: 'mail.example.jp', Protocol: SMTP, Server Response: '550 5.7.1 <saburo@example.org>... Relaying denied', Port: 25, Secure(SSL): No, Server Error: 550, Error Number: 0x800CCC79"),
            Some((
                "saburo@example.org".into(),
                "RCPT".into(),
                "550 5.7.1 <saburo@example.org>... Relaying denied".into()
            ))
        );
    }

    #[test]
    fn iphone_relaying_sentence() {
        assert_eq!(
            read("Cannot Send Mail\nA copy has been placed in your Outbox. The recipient \"shiro@example.org\" was rejected by the server because it does not allow relaying.\n"),
            Some((
                "shiro@example.org".into(),
                "RCPT".into(),
                "The recipient \"shiro@example.org\" was rejected by the server because it does not allow relaying".into()
            ))
        );
    }

    #[test]
    fn iphone_alert_wrapped_as_it_appears() {
        // The alert's sentence as it shows on the phone, each wrapped line pasted with a
        // blank line after it.
        let alert = "Cannot Send Mail\n\nA copy has been placed in your Outbox.\n\nThe recipient was rejected by\n\nthe server because it does\n\nnot allow relaying\n";
        assert_eq!(
            read(alert),
            Some((
                String::new(),
                "RCPT".into(),
                "The recipient was rejected by the server because it does not allow relaying"
                    .into()
            ))
        );
        // Spaces stand only where the words had them: a word cut by the wrap is no marker.
        assert_eq!(
            read("The recipient was rejected by the ser\nver because it does not allow relaying"),
            None
        );
    }

    #[test]
    fn reads_python_smtplib_tuples() {
        assert_eq!(
            read("Traceback (most recent call last):\nsmtplib.SMTPSenderRefused: (552, b\"5.2.3 Your message is over the size limit.\\n5.2.3 See the provider's help - gsmtp\", 'me@example.com')\n"),
            Some((
                String::new(),
                "MAIL".into(),
                "552 5.2.3 Your message is over the size limit. 5.2.3 See the provider's help - gsmtp".into()
            ))
        );
        assert_eq!(
            read("smtplib.SMTPRecipientsRefused: {'kim@example.org': (550, b'5.1.1 <kim@example.org>: Recipient address rejected: User unknown')}\n"),
            Some((
                "kim@example.org".into(),
                "RCPT".into(),
                "550 5.1.1 <kim@example.org>: Recipient address rejected: User unknown".into()
            ))
        );
        // An escaped quote of the same kind stays inside the text.
        assert_eq!(
            python_reply("554, b'5.7.1 it\\'s refused')"),
            Some("554 5.7.1 it\\'s refused".into())
        );
        // A closing quote the paste lost: the text ends with its paragraph, not in the words
        // written after it; a single line break (a paste's wrapping) does not end it.
        assert_eq!(
            python_reply(
                "535, b'5.7.8 Username and Password not accepted. ....)\n\nHow do I fix this?"
            ),
            Some("535 5.7.8 Username and Password not accepted. ....)".into())
        );
        assert_eq!(
            python_reply("535, b'5.7.8 Username and Password not\naccepted.')"),
            Some("535 5.7.8 Username and Password not\naccepted.".into())
        );
        // No code, or no bytes text: not a reply.
        assert_eq!(python_reply("'me@example.com', 552)"), None);
        assert_eq!(python_reply("552)"), None);
        assert_eq!(read("SMTPDataError: connection closed\n"), None);
        // A logged tuple without the exception's name.
        assert_eq!(
            read("ERROR notify.py: Failed to send email: (550, b'5.7.1 message content rejected').\n"),
            Some((String::new(), String::new(), "550 5.7.1 message content rejected".into()))
        );
        // A tuple of other numbers is no reply.
        assert_eq!(read("point (200, b'x') and (12, b'y')\n"), None);
    }

    #[test]
    fn reads_the_mail_libraries_errors() {
        let cases: &[(&str, (&str, &str, &str))] = &[
            // nodemailer, as Node prints the error and its fields.
            (
                "Error: Can't send mail - all recipients were rejected: 550 5.1.1 <aki@example.org>: Recipient address rejected: User unknown in virtual mailbox table\n    at SMTPConnection._formatError (/srv/app/node_modules/nodemailer/lib/smtp-connection/index.js:798:19)\n  code: 'EENVELOPE',\n  responseCode: 550,\n  command: 'RCPT TO'\n",
                ("aki@example.org", "RCPT", "550 5.1.1 <aki@example.org>: Recipient address rejected: User unknown in virtual mailbox table"),
            ),
            (
                "[Error: Mail command failed: 553 5.7.1 <web@example.net>: Sender address rejected: not owned by user app@example.net] { code: 'EENVELOPE', responseCode: 553, command: 'MAIL FROM' }",
                ("", "MAIL", "553 5.7.1 <web@example.net>: Sender address rejected: not owned by user app@example.net"),
            ),
            // emailjs: the `smtp` field holds the whole reply, with its code.
            (
                "{ Error: bad response on command 'RCPT': 4.2.0 <ops@example.org>: Recipient address rejected: Greylisted\n    at Object.<anonymous> (/srv/app/node_modules/emailjs/smtp/client.js:340:15)\n  code: 2,\n  smtp: '450 4.2.0 <ops@example.org>: Recipient address rejected: Greylisted\\n' }\n",
                ("ops@example.org", "RCPT", "450 4.2.0 <ops@example.org>: Recipient address rejected: Greylisted"),
            ),
            // emailjs without its fields: the words alone.
            (
                "Error: bad response on command 'DATA': 5.7.1 Message rejected as spam\n",
                ("", "DATA", "5.7.1 Message rejected as spam"),
            ),
            // PHPMailer's debug output, then its exceptions.
            (
                "2024-01-01 10:00:00 SERVER -> CLIENT: 550 5.7.1 <mika@example.org>: Relay access denied\n2024-01-01 10:00:00 SMTP ERROR: RCPT TO command failed: 550 5.7.1 <mika@example.org>: Relay access denied\nSMTP Error: The following recipients failed: mika@example.org: <mika@example.org>: Relay access denied\n",
                ("mika@example.org", "RCPT", "550 5.7.1 <mika@example.org>: Relay access denied"),
            ),
            (
                "Message could not be sent. Mailer Error: SMTP Error: The following recipients failed: mika@example.org: Mailbox unavailable\n",
                ("mika@example.org", "RCPT", "Mailbox unavailable"),
            ),
            (
                "Mailer Error: SMTP Error: data not accepted.SMTP server error: DATA END command failed Detail: Message rejected due to content SMTP code: 554 Additional SMTP info: 5.7.1\n",
                ("", "DATA", "554 5.7.1 Message rejected due to content"),
            ),
            // Swift Mailer: the reply in quotes; the command from the stack trace.
            (
                "Swift_TransportException: Expected response code 250 but got code \"550\", with message \"550 5.7.1 Relaying denied\r\n\" in /srv/vendor/swiftmailer/lib/classes/Swift/Transport/AbstractSmtpTransport.php:383\n#0 AbstractSmtpTransport->doRcptToCommand('<kai@example.org>')\n",
                ("", "RCPT", "550 5.7.1 Relaying denied"),
            ),
            (
                "Expected response code \"354\" but got code \"554\", with message \"554 5.7.1 Spam message rejected\".",
                ("", "DATA", "554 5.7.1 Spam message rejected"),
            ),
        ];
        for (text, (rcpt, command, reply)) in cases {
            assert_eq!(
                read(text),
                Some((rcpt.to_string(), command.to_string(), reply.to_string())),
                "{text}"
            );
            assert!(program_of(text).is_some(), "{text}");
        }
        // The words alone, with no reply after them.
        assert_eq!(
            read("Error: Can't send mail - all recipients were rejected:\n"),
            None
        );
        assert_eq!(
            read("Expected response code 250 but got code \"\", with message \"\""),
            None
        );
    }

    #[test]
    fn reads_ruby_net_smtp_errors() {
        let cases: &[(&str, (&str, &str, &str))] = &[
            // Ruby's own form, as a rake task or a console prints it.
            (
                "rake aborted!\nNet::SMTPFatalError: 550 5.7.1 Sender domain not configured <example.net>\n  /usr/lib/ruby/net/smtp.rb:1001:in `check_response'\n",
                ("", "", "550 5.7.1 Sender domain not configured <example.net>"),
            ),
            // Rails' log: the reply in parentheses, its line end before the closing one.
            (
                "Completed 500 in 912ms\n\nNet::SMTPFatalError (554 5.7.1 Message refused as spam\n):\n  app/mailers/notice_mailer.rb:12:in `welcome'\n",
                ("", "", "554 5.7.1 Message refused as spam"),
            ),
            // The same on one line: the parenthesis closing Rails' form is not the reply's.
            // An error tracker: the class, then the message in a field of its own.
            (
                "**Error type:** `Net::SMTPFatalError`\n**Error message:** `` 550 5.7.1 Refused by local policy RULE9. See https://postmaster.example.net ``\n**Where:** `orders#create`\n",
                ("", "", "550 5.7.1 Refused by local policy RULE9. See https://postmaster.example.net"),
            ),
            // The class alone on its line, the reply under it.
            (
                "Net::SMTPSyntaxError\n500 5.5.1 Unrecognized command\n\n/app/ruby/net/smtp.rb:969:in `check_response'\n",
                ("", "", "500 5.5.1 Unrecognized command"),
            ),
            // On one line: the parenthesis closing Rails' form is not the reply's.
            (
                "Error performing MailDeliveryJob: Net::SMTPFatalError (550 5.7.1 Refused (policy RULE2))",
                ("", "", "550 5.7.1 Refused (policy RULE2)"),
            ),
            (
                "Net::SMTPUnknownError - 521 5.3.2 Not accepting mail\n",
                ("", "", "521 5.3.2 Not accepting mail"),
            ),
        ];
        for (text, (rcpt, command, reply)) in cases {
            assert_eq!(
                read(text),
                Some((rcpt.to_string(), command.to_string(), reply.to_string())),
                "{text}"
            );
            assert_eq!(program_of(text), Some(RUBY), "{text}");
        }
        // A 4xx may be a Ruby MTA's remote delivery (see the rows): not read here.
        let busy = "Net::SMTPServerBusy: 451 4.7.1 Try again later";
        assert_eq!(read(busy), None);
        assert_eq!(program_of(busy), None);
        // The class without a reply (a list of rescued errors) is no refusal.
        assert_eq!(
            read("rescue Net::SMTPFatalError, Net::SMTPSyntaxError => e\n  retry\n"),
            None
        );
        assert_eq!(read("Net::SMTPFatalError: connection lost\n"), None);
    }

    #[test]
    fn reads_dotnet_and_mailkit_errors() {
        let cases: &[(&str, (&str, &str, &str))] = &[
            (
                "System.Net.Mail.SmtpFailedRecipientException: Mailbox unavailable. The server response was: 5.7.1 Unable to relay for dan@example.org\r\n   at System.Net.Mail.SmtpTransport.SendMail(...)\n",
                ("dan@example.org", "RCPT", "550 5.7.1 Unable to relay for dan@example.org"),
            ),
            // The same words for 450: the status's class says which.
            (
                "Mailbox unavailable. The server response was: 4.2.1 Mailbox busy, try later\n",
                ("", "", "450 4.2.1 Mailbox busy, try later"),
            ),
            (
                "System.Net.Mail.SmtpException: Transaction failed. The server response was: 5.7.1 Message rejected as spam\n",
                ("", "", "554 5.7.1 Message rejected as spam"),
            ),
            // A server that repeats its code keeps it.
            (
                "550 Mailbox unavailable. The server response was: 550 5.7.1 Your IP is listed (S1234).\n",
                ("", "", "550 5.7.1 Your IP is listed (S1234)"),
            ),
            // MailKit: the server's text, its code from the logged StatusCode.
            (
                "MailKit.Net.Smtp.SmtpCommandException: 5.1.1 <eve@example.org>: Recipient address rejected: User unknown\n   at MailKit.Net.Smtp.SmtpClient.Send(...)\nErrorCode: RecipientNotAccepted\nStatusCode: MailboxUnavailable\n",
                ("eve@example.org", "RCPT", "550 5.1.1 <eve@example.org>: Recipient address rejected: User unknown"),
            ),
            (
                "SmtpCommandException: 5.2.2 Quota exceeded (StatusCode = 452)\n",
                ("", "", "452 5.2.2 Quota exceeded (StatusCode = 452)"),
            ),
            (
                "MailKit.Net.Smtp.SmtpCommandException: Sender rejected\n",
                ("", "", "Sender rejected"),
            ),
        ];
        for (text, (rcpt, command, reply)) in cases {
            assert_eq!(
                read(text),
                Some((rcpt.to_string(), command.to_string(), reply.to_string())),
                "{text}"
            );
        }
        assert_eq!(
            program_of("Transaction failed. The server response was: 5.7.1 No"),
            Some(DOTNET)
        );
        assert_eq!(
            program_of("MailKit.Net.Smtp.SmtpCommandException: 5.7.1 No"),
            Some(MAILKIT)
        );
        assert_eq!(dotnet_reply("Odd words.", " 5.0.0 x"), "5.0.0 x");
        assert_eq!(mailkit_reply("5.0.0 x", "StatusCode: Unknown"), "5.0.0 x");
    }

    #[test]
    fn reads_javamail_errors() {
        let cases: &[(&str, (&str, &str, &str))] = &[
            (
                "org.springframework.mail.MailSendException: Failed messages: javax.mail.SendFailedException: Invalid Addresses;\n  nested exception is:\n\tcom.sun.mail.smtp.SMTPAddressFailedException: 550 5.1.1 <fay@example.org>: Recipient address rejected: User unknown\n",
                ("fay@example.org", "RCPT", "550 5.1.1 <fay@example.org>: Recipient address rejected: User unknown"),
            ),
            (
                "jakarta.mail.MessagingException: send failed; nested exception is: org.eclipse.angus.mail.smtp.SMTPSendFailedException: 554 5.2.0 STOREDRV.Submission.Exception: SendAsDeniedException\n",
                ("", "", "554 5.2.0 STOREDRV.Submission.Exception: SendAsDeniedException"),
            ),
            (
                "com.sun.mail.smtp.SMTPSenderFailedException: 553 5.7.1 Sender address rejected: not owned by user\n",
                ("", "MAIL", "553 5.7.1 Sender address rejected: not owned by user"),
            ),
        ];
        for (text, (rcpt, command, reply)) in cases {
            assert_eq!(
                read(text),
                Some((rcpt.to_string(), command.to_string(), reply.to_string())),
                "{text}"
            );
            assert_eq!(program_of(text), Some(JAVAMAIL), "{text}");
        }
        // A Java MTA quoting a remote server's refusal prints the bare class: no submission.
        assert_eq!(
            program_of("Delivery to x@example.org failed at remote mailserver mx.example.org: SMTPSendFailedException: 421 4.7.0 Try later\n"),
            None
        );
    }

    #[test]
    fn thunderbirds_closing_sentence_alone_follows_its_reply() {
        assert_eq!(
            read("5.7.1 END-OF-MESSAGE: End-of-data rejected: user not permitted to relay. Please check the message and try again.\n"),
            Some((String::new(), "DATA".into(), "5.7.1 END-OF-MESSAGE: End-of-data rejected: user not permitted to relay".into()))
        );
        assert_eq!(
            read("Some words first\n  550 5.1.1 <ume@example.org>: User unknown. Please check the message recipient \"ume@example.org\" and try again.\n"),
            Some(("ume@example.org".into(), "RCPT".into(), "550 5.1.1 <ume@example.org>: User unknown".into()))
        );
        // The closing after words that are no reply is not read.
        assert_eq!(
            read("I wrote it twice. Please check the message and try again.\n"),
            None
        );
        assert_eq!(program_of("Please check the message and try again."), None);
    }

    #[test]
    fn the_earliest_closing_is_found_past_a_please_that_starts_none() {
        // The earliest closing is found past an earlier "please " that starts none.
        assert_eq!(
            read("Please wait.\n550 5.1.1 User unknown. PLEASE CHECK THE MESSAGE RECIPIENT and try again.\n"),
            Some((String::new(), "RCPT".into(), "550 5.1.1 User unknown".into()))
        );
    }

    #[test]
    fn phpmailer_replies_are_put_back_together() {
        assert_eq!(
            phpmailer_reply("Denied SMTP code: 550 Additional SMTP info: 5.7.1"),
            "550 5.7.1 Denied"
        );
        assert_eq!(phpmailer_reply("Denied SMTP code: x"), "Denied");
        // In a JSON string, the server's line end before the codes and a quote after them.
        assert_eq!(
            phpmailer_reply("Sender address rejected: not yours.\\r\\n SMTP code: 553 Additional SMTP info: 5.7.1\","),
            "553 5.7.1 Sender address rejected: not yours."
        );
        let json = "Detail: Sender address rejected: not yours.\\r\\n SMTP code: 553 Additional SMTP info: 5.7.1\"\n";
        let end = json.find("\\r").unwrap();
        assert_eq!(phpmailer_codes_end(json, end), json.len() - 1);
        assert_eq!(phpmailer_codes_end("Detail: x\\r\\n\\r\\nnext", 9), 9);
        assert_eq!(
            phpmailer_reply("<a@example.org>: Recipient address rejected"),
            "<a@example.org>: Recipient address rejected"
        );
        assert_eq!(phpmailer_reply("a@example.org: Unknown"), "Unknown");
    }

    #[test]
    fn a_full_stop_after_the_code_is_dropped() {
        assert_eq!(
            tidy("'553. To send mail, first log in.'"),
            "553 To send mail, first log in"
        );
        assert_eq!(tidy("550 5.1.1 Unknown."), "550 5.1.1 Unknown");
        assert_eq!(tidy("Hi. There"), "Hi. There");
    }

    /// `find` before its gates: every row's marker tried at every place in turn.
    fn find_plain(text: &str) -> Option<(&'static SendError, usize)> {
        let head = text::clip(text, HEAD);
        SEND_ERRORS.iter().find_map(|e| {
            let end = (0..head.len())
                .filter(|&at| head.is_char_boundary(at))
                .filter_map(|at| spaced_forward(head.as_bytes(), at, e.marker.as_bytes()))
                .find(|&end| fits(e, head.get(end..).unwrap_or_default()))?;
            Some((e, end))
        })
    }

    #[test]
    fn gates_find_what_every_row_finds() {
        // Every row has a gate, and every gate is one word.
        assert!(gates().iter().all(Option::is_some));
        assert!(GATES.iter().all(|g| !g.contains(char::is_whitespace)));
        let pieces: Vec<String> = SEND_ERRORS
            .iter()
            .flat_map(|e| [e.marker.to_string(), e.marker.to_uppercase()])
            .chain(GATES.iter().map(|g| g.to_string()))
            .chain(["smtp".into(), "SMTPSMTP".into(), "serve".into(), "é".into()])
            .collect();
        let mut texts = vec![String::new()];
        for a in &pieces {
            texts.push(a.clone());
            for b in &pieces {
                texts.push(format!("{a}{b}"));
                texts.push(format!("{b} {a}"));
                let cut = a
                    .char_indices()
                    .nth(a.chars().count() / 2)
                    .map_or(0, |(i, _)| i);
                texts.push(format!("{}{b}{}", &a[..cut], &a[cut..]));
                // Wrapped as a dialog pasted as it appears: a line break and a blank line
                // for every space.
                texts.push(format!("{b}\n{}", a.replace(' ', " \n\n ")));
            }
        }
        for t in &texts {
            let got = find(t).filter(|(e, _)| !e.marker.is_empty());
            let want = find_plain(t);
            assert_eq!(
                got.map(|(e, at)| (e.marker, at)),
                want.map(|(e, at)| (e.marker, at)),
                "{t:?}"
            );
        }
    }

    #[test]
    fn other_text_is_not_read() {
        assert_eq!(program_of("550 5.1.1 User unknown"), None);
        assert_eq!(read("サーバーからの応答:\n550 5.1.1 User unknown\n"), None);
        // The marker without a reply after it.
        assert_eq!(
            read("An error occurred while sending mail. The mail server responded:"),
            None
        );
    }
}
