//! A mail program's or a mail library's own error when it could not connect to its outgoing
//! server at all, or lost the connection before the server said anything: Outlook's and Outlook
//! Express's 0x800CCC0E and 0x800CCC0F, Thunderbird's "connecting to Outgoing server (SMTP) ...
//! failed", Python's `ConnectionRefusedError` under smtplib, Ruby's `Errno::ECONNREFUSED`,
//! PHPMailer's "SMTP connect() failed.", Node's "connect ECONNREFUSED 192.0.2.1:587". No server
//! refused anything: the step is the connection (`CONN`), no reply was given, and the message
//! never left. The core notes `connect_failed_at_submission` (detail: the program, and the port
//! when the error names one, `outlook:25`).
//!
//! Kept apart from `mailprogram`'s table of refusals, whose rows are found through gate words
//! of their sentences: these errors are mostly an error number or a system error's name, and
//! the system's words ("Connection refused") are a mail program's only next to a sign that mail
//! was being sent (`Needs`). They are looked for only in a paste (a text without the header
//! fields a mail system writes): a program's dialog or a script's log is pasted, and a whole
//! message is a report a mail system wrote, which quotes its own connection errors in its own
//! forms (`smtp::command::connect_failed`).

use super::{Delivery, Rising};
use crate::decode::Mail;
use crate::{text, Reason};

/// One program's words for a connection to its outgoing server that failed.
struct ConnectError {
    /// Which program wrote it: the note's detail.
    program: &'static str,
    /// Words only this error has (ASCII letters compared case-blind).
    marker: &'static str,
    /// What else the text must show to be a mail program's connection.
    needs: Needs,
}

/// What must stand beside a marker for the error to be about sending mail.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Needs {
    /// Nothing: the words are the mail program's own.
    Nothing,
    /// The word "smtp" anywhere in the paste (Outlook's "Protocol: SMTP": its error numbers
    /// are the same for POP3 and IMAP).
    Smtp,
    /// Python's mail library named (a traceback through smtplib.py).
    Smtplib,
    /// A port that mail is sent to (25, 465, 587, 2525) named in the error, or the word "smtp"
    /// in the paste: a system error's name alone is any program's.
    MailPort,
}

/// Ordered: the first row whose marker is in the paste reads it.
const CONNECT_ERRORS: &[ConnectError] = &[
    // Outlook, Outlook Express and Windows Live Mail (POP/IMAP accounts):
    //   "The connection to the server has failed. Account: '...', Server: '...', Protocol: SMTP,
    //    Port: 25, Secure(SSL): No, Socket Error: 10060, Error Number: 0x800CCC0E"
    //   「サーバーへの接続は失敗しました。アカウント: '...', サーバー: '...', プロトコル: SMTP,
    //    ポート: 25, セキュリティ (SSL): なし, ソケット エラー: 10060, エラー番号: 0x800CCC0E」
    //   "Your server has unexpectedly terminated the connection. Possible causes for this
    //    include server problems, network problems, or a long period of inactivity. ...
    //    Protocol: SMTP, Port: 25, Secure (SSL): No, Error Number: 0x800CCC0F"
    //   「サーバーは接続を解除しました。サーバーまたはネットワークに問題があるか、またはアイドル時間
    //    が長すぎた可能性があります。... プロトコル: SMTP, ポート: 25, ... エラー番号: 0x800CCC0F」
    // With port 25 these are the usual sign of an internet provider's Outbound Port 25
    // Blocking (OP25B): the provider's network stops connections to port 25 of other
    // networks' servers, and the program must send on the submission port 587 with a login.
    // Sources: Microsoft KB 816866 ("Your server has unexpectedly terminated the connection",
    // archived at ftp.zx.net.nz/pub/archive/ftp.microsoft.com/MISC/KB/en-us/816/866.HTM);
    // hehao1.seesaa.net/article/44145698.html (OP25B, both Japanese dialogs of Outlook
    // Express); as76.net/pc/op25b.php (the 0x800CCC0E dialog with port 25 after OP25B).
    ConnectError {
        program: "outlook",
        marker: "0x800ccc0e",
        needs: Needs::Smtp,
    },
    ConnectError {
        program: "outlook",
        marker: "0x800ccc0f",
        needs: Needs::Smtp,
    },
    // Thunderbird (en-US): "The message could not be sent because connecting to Outgoing server
    // (SMTP) { $hostname } failed. The server may be unavailable or is refusing SMTP
    // connections." (send-error-smtp-request-refused), "... because the connection to Outgoing
    // server (SMTP) { $hostname } was lost in the middle of the transaction."
    // (send-error-smtp-interrupted), "... because the connection to Outgoing server (SMTP)
    // { $hostname } timed out." (send-error-smtp-timeout). SeaMonkey says the same.
    // Source: thunderbird/thunderbird-l10n and comm-central, messenger/messengercompose/
    // messengercompose.ftl (the "Message sending" strings).
    ConnectError {
        program: "thunderbird",
        marker: "because connecting to outgoing server (smtp)",
        needs: Needs::Nothing,
    },
    ConnectError {
        program: "thunderbird",
        marker: "because the connection to outgoing server (smtp)",
        needs: Needs::Nothing,
    },
    // Thunderbird (ja): 「送信 (SMTP) サーバー { $hostname } に接続できなかったため、メッセージを送信
    // できませんでした。」, 「送信処理の途中で送信 (SMTP) サーバー { $hostname } との接続が切断された
    // ため、…」, 「送信 (SMTP) サーバー { $hostname } との接続がタイムアウトしたため、…」.
    // Source: thunderbird/thunderbird-l10n, ja/mail/messenger/messengercompose/messengercompose.ftl.
    ConnectError {
        program: "thunderbird",
        marker: "に接続できなかったため、メッセージを送信できませんでした",
        needs: Needs::Smtp,
    },
    ConnectError {
        program: "thunderbird",
        marker: "との接続が切断されたため、メッセージを送信できませんでした",
        needs: Needs::Smtp,
    },
    ConnectError {
        program: "thunderbird",
        marker: "との接続がタイムアウトしたため、メッセージを送信できませんでした",
        needs: Needs::Smtp,
    },
    // PHPMailer: "SMTP connect() failed." (its `smtp_connect_failed` string, thrown when the
    // connection, its TLS or the greeting failed), often followed by its wiki's address.
    // Source: PHPMailer/PHPMailer, language/phpmailer.lang-*.php and src/PHPMailer.php
    // (smtpConnect).
    ConnectError {
        program: "phpmailer",
        marker: "smtp connect() failed",
        needs: Needs::Nothing,
    },
    // Python: smtplib raises `SMTPServerDisconnected("Connection unexpectedly closed")` when the
    // server closes the connection before its reply, and the socket's own errors when no
    // connection is made: "ConnectionRefusedError: [Errno 111] Connection refused",
    // "TimeoutError: [Errno 110] Connection timed out", "socket.timeout: timed out" (Python
    // before 3.10). The socket's errors are smtplib's only in a traceback through it.
    // Sources: https://docs.python.org/3/library/smtplib.html (SMTPServerDisconnected);
    // https://docs.python.org/3/library/exceptions.html (ConnectionRefusedError, TimeoutError).
    ConnectError {
        program: "python",
        marker: "smtpserverdisconnected",
        needs: Needs::Nothing,
    },
    ConnectError {
        program: "python",
        marker: "connectionrefusederror",
        needs: Needs::Smtplib,
    },
    ConnectError {
        program: "python",
        marker: "socket.timeout",
        needs: Needs::Smtplib,
    },
    ConnectError {
        program: "python",
        marker: "timeouterror",
        needs: Needs::Smtplib,
    },
    // Ruby: the system's error as Ruby names it, with the host and the port: 'Errno::ECONNREFUSED:
    // Connection refused - connect(2) for "smtp.example.com" port 587'; net-smtp's own timeout:
    // "Net::OpenTimeout: Timeout to open TCP connection to smtp.example.com:587 (exceeds 30
    // seconds)".
    // Sources: ruby/ruby, ext/socket (rsock_sys_fail_host_port: 'connect(2) for "%s" port %d');
    // ruby/net-smtp, lib/net/smtp.rb (tcp_socket: `raise Net::OpenTimeout, "Timeout to open
    // TCP connection to " + "#{host}:#{port} (exceeds #{@open_timeout} seconds)"`).
    ConnectError {
        program: "ruby",
        marker: "errno::econnrefused",
        needs: Needs::MailPort,
    },
    ConnectError {
        program: "ruby",
        marker: "errno::etimedout",
        needs: Needs::MailPort,
    },
    ConnectError {
        program: "ruby",
        marker: "net::opentimeout",
        needs: Needs::MailPort,
    },
    // Node.js (nodemailer and other libraries pass the socket's error on, nodemailer with
    // `code: 'ESOCKET', command: 'CONN'`): "Error: connect ECONNREFUSED 192.0.2.1:587",
    // "Error: connect ETIMEDOUT 192.0.2.1:25".
    // Sources: nodejs/node, lib/internal/errors.js (exceptionWithHostPort: `${syscall}
    // ${code} ${address}:${port}`); nodemailer/nodemailer, lib/smtp-connection/index.js
    // (_onError, 'ESOCKET' and the command 'CONN'); https://nodemailer.com/errors/ .
    ConnectError {
        program: "nodejs",
        marker: "connect econnrefused",
        needs: Needs::MailPort,
    },
    ConnectError {
        program: "nodejs",
        marker: "connect etimedout",
        needs: Needs::MailPort,
    },
    // nodemailer, when the connection opened but the server's 220 greeting did not come within
    // its `greetingTimeout`: "Error: Greeting never received" with `code: 'ETIMEDOUT'` and
    // `command: 'CONN'` (often a TLS mismatch: implicit TLS on 465 against a STARTTLS port,
    // or a filtered port). Its own words. Source: nodemailer/nodemailer,
    // lib/smtp-connection/index.js (_onConnect's greeting timer), and its connection options
    // (https://nodemailer.com/smtp/, greetingTimeout); held-out set w 12 (Misskey's log).
    ConnectError {
        program: "nodejs",
        marker: "greeting never received",
        needs: Needs::Nothing,
    },
];

/// How much of a paste is searched: a dialog or a log's error is short, and it comes first.
const HEAD: usize = 16 * 1024;

/// The ports mail is sent to: SMTP (25), submission (587, RFC 6409), submission over TLS
/// (465, RFC 8314), and 2525, which sending services offer where 587 is blocked.
const MAIL_PORTS: &[u16] = &[25, 465, 587, 2525];

/// A connect error found in a paste.
pub(crate) struct Found {
    /// The program (`outlook`, `thunderbird`, `python`, ...).
    pub(crate) program: &'static str,
    /// The port the error names, if any.
    pub(crate) port: Option<u16>,
    /// The error's line (or sentence, for a dialog on one line).
    pub(crate) line: String,
}

impl Found {
    /// The note's detail: the program, and the port when named (`outlook:25`).
    pub(crate) fn detail(&self) -> String {
        match self.port {
            Some(port) => format!("{}:{port}", self.program),
            None => self.program.to_string(),
        }
    }
}

/// The program connect error in `mail`'s body, when `mail` is a paste that holds one.
pub(crate) fn find(mail: &Mail) -> Option<Found> {
    if crate::fact::is_whole_message(mail) {
        return None;
    }
    find_in(&mail.body)
}

/// `find` on a text.
fn find_in(body: &str) -> Option<Found> {
    let head = text::clip(body, HEAD);
    let (row, at) = CONNECT_ERRORS
        .iter()
        .find_map(|r| text::find_ci(head, r.marker).map(|at| (r, at)))?;
    let start = head.get(..at)?.rfind('\n').map_or(0, |p| p + 1);
    let end = head.get(at..)?.find('\n').map_or(head.len(), |p| at + p);
    let line = head.get(start..end)?.trim();
    // The port is named on the error's line (Outlook's "Port: 25", Ruby's "port 587", Node's
    // "192.0.2.1:587"); Python names it only in the call the traceback shows.
    let port = port_in(line).or_else(|| smtplib_port(head));
    let smtp = || text::find_ci(head, "smtp").is_some();
    let ok = match row.needs {
        Needs::Nothing => true,
        Needs::Smtp => smtp(),
        Needs::Smtplib => text::find_ci(head, "smtplib").is_some(),
        Needs::MailPort => port.is_some_and(|p| MAIL_PORTS.contains(&p)) || smtp(),
    };
    if !ok {
        return None;
    }
    Some(Found {
        program: row.program,
        port,
        line: text::clip(line, 1024).to_string(),
    })
}

/// The words that lead a port number, lowercase: Outlook's "Port: 25" (and its Japanese
/// 「ポート: 25」), Ruby's "port 587".
const PORT_LEADS: &[&str] = &[
    "port: ",
    "port : ",
    "port:",
    "port ",
    "ポート: ",
    "ポート : ",
    "ポート:",
];

/// The port an error's line names: after one of `PORT_LEADS`, else after the colon of a
/// "host:port" or "address:port" (Node, Ruby's net-smtp timeout).
fn port_in(line: &str) -> Option<u16> {
    let lc = line.to_ascii_lowercase();
    let led = PORT_LEADS.iter().find_map(|lead| {
        lc.match_indices(lead)
            .find_map(|(at, _)| number_at(lc.get(at + lead.len()..)?))
    });
    led.or_else(|| {
        lc.match_indices(':').find_map(|(at, _)| {
            // A host name or an address right before (a dotted word, or IPv6's "[...]"), not
            // the hours of a time ("10:25:13").
            let before = lc.get(..at)?;
            let word = before
                .rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '\'' | '"' | ','))
                .next()?;
            let host = word.ends_with(']')
                || (word.contains('.') && word.ends_with(|c: char| c.is_ascii_alphanumeric()));
            host.then(|| number_at(lc.get(at + 1..)?)).flatten()
        })
    })
}

/// The port number that starts `s` and ends at a byte that is no digit.
fn number_at(s: &str) -> Option<u16> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    // A port ends its number: a dot or a colon after it makes a version, an address or a time.
    if digits == 0
        || digits > 5
        || s.as_bytes()
            .get(digits)
            .is_some_and(|b| matches!(b, b'.' | b':'))
    {
        return None;
    }
    s.get(..digits)?.parse().ok().filter(|p| *p != 0)
}

/// The port of the call a Python traceback shows: `smtplib.SMTP("smtp.example.com", 587)` or
/// `SMTP_SSL(host, 465)`, the second argument when it is a number.
fn smtplib_port(head: &str) -> Option<u16> {
    ["smtp(", "smtp_ssl("].iter().find_map(|call| {
        let lc = head.to_ascii_lowercase();
        lc.match_indices(call).find_map(|(at, _)| {
            let args = lc.get(at + call.len()..)?;
            let args = args.get(..args.find(')')?)?;
            let second = args.split(',').nth(1)?.trim();
            let second = second.strip_prefix("port=").unwrap_or(second);
            number_at(second).filter(|_| second.bytes().all(|b| b.is_ascii_digit()))
        })
    })
}

/// The delivery of a connect error: no recipient, the step `CONN`, no reply, and the reason
/// `networkerror` (nothing was refused; no connection was made or it was lost).
pub(crate) fn inquire(mail: &Mail) -> Option<Rising> {
    let found = find(mail)?;
    Some(Rising {
        deliveries: vec![Delivery {
            action: "failed".into(),
            diagnosis: found.line,
            command: "CONN".into(),
            reason: Some(Reason::NetworkError),
            agent: super::mailprogram::AGENT,
            ..Delivery::default()
        }],
        rfc822: String::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(t: &str) -> Option<(&'static str, Option<u16>)> {
        find_in(t).map(|f| (f.program, f.port))
    }

    #[test]
    fn markers_are_lowercase() {
        for r in CONNECT_ERRORS {
            assert_eq!(r.marker, r.marker.to_lowercase(), "{}", r.marker);
        }
    }

    #[test]
    fn outlook_express_port_25() {
        let ja = "サーバーは接続を解除しました。サーバーまたはネットワークに問題があるか、またはアイドル時間が長すぎた可能性があります。件名: 'テスト', アカウント: 'mail.example.com', サーバー: 'mail.example.com', プロトコル: SMTP, ポート: 25, セキュリティ (SSL): なし, ソケットエラー: 10054, エラー番号: 0x800CCC0F";
        assert_eq!(read(ja), Some(("outlook", Some(25))));
        let en = "The connection to the server has failed. Account: 'mail.example.com', Server: 'smtp.example.com', Protocol: SMTP, Port: 587, Secure(SSL): No, Socket Error: 10061, Error Number: 0x800CCC0E";
        assert_eq!(read(en), Some(("outlook", Some(587))));
        // The same number for receiving (POP3) is no send error.
        let pop = "Your server has unexpectedly terminated the connection. Account: 'x', Server: 'pop.example.com', Protocol: POP3, Port: 110, Secure(SSL): No, Error Number: 0x800CCC0F";
        assert_eq!(read(pop), None);
    }

    #[test]
    fn library_errors_need_a_sign_of_mail() {
        assert_eq!(
            read("Errno::ECONNREFUSED: Connection refused - connect(2) for \"mail.example.com\" port 587"),
            Some(("ruby", Some(587)))
        );
        // An HTTP client's refusal is no mail program's.
        assert_eq!(
            read("Errno::ECONNREFUSED: Connection refused - connect(2) for \"api.example.com\" port 443"),
            None
        );
        assert_eq!(
            read("Net::OpenTimeout: Timeout to open TCP connection to smtp.example.com:587 (exceeds 30 seconds)"),
            Some(("ruby", Some(587)))
        );
        assert_eq!(
            read("Error: connect ECONNREFUSED 192.0.2.10:465\n    at TCPConnectWrap.afterConnect"),
            Some(("nodejs", Some(465)))
        );
        assert_eq!(read("Error: connect ETIMEDOUT 192.0.2.10:5432"), None);
        assert_eq!(
            read("Info: {\"e\":{\"message\":\"Greeting never received\",\"code\":\"Error\"}}"),
            Some(("nodejs", None))
        );
        let py = "Traceback (most recent call last):\n  File \"send.py\", line 9, in <module>\n    server = smtplib.SMTP(\"smtp.example.com\", 587)\n  File \"/usr/lib/python3.11/smtplib.py\", line 341, in connect\n    self.sock = self._get_socket(host, port, self.timeout)\nConnectionRefusedError: [Errno 111] Connection refused";
        assert_eq!(read(py), Some(("python", Some(587))));
        assert_eq!(
            read("ConnectionRefusedError: [Errno 111] Connection refused"),
            None
        );
        assert_eq!(
            read("2024-01-01 12:00:00 ERROR SMTP connect() failed. https://github.com/PHPMailer/PHPMailer/wiki/Troubleshooting"),
            Some(("phpmailer", None))
        );
    }

    #[test]
    fn thunderbird_in_both_languages() {
        let en = "Sending of the message failed.\nThe message could not be sent because connecting to Outgoing server (SMTP) smtp.example.com failed. The server may be unavailable or is refusing SMTP connections. Please verify that your Outgoing server (SMTP) settings are correct and try again.";
        assert_eq!(read(en), Some(("thunderbird", None)));
        let ja = "送信 (SMTP) サーバー smtp.example.com との接続がタイムアウトしたため、メッセージを送信できませんでした。再度試してください。";
        assert_eq!(read(ja), Some(("thunderbird", None)));
    }

    #[test]
    fn ports_are_read_where_they_stand() {
        assert_eq!(port_in("Port: 25, Secure"), Some(25));
        assert_eq!(port_in("ポート : 587, "), Some(587));
        assert_eq!(port_in("connect ECONNREFUSED [2001:db8::1]:587"), Some(587));
        assert_eq!(
            port_in("smtp.example.com:2525 (exceeds 30 seconds)"),
            Some(2525)
        );
        // The minutes of a time are no port.
        assert_eq!(port_in("2024-01-01 10:25:13 Error: 12:30"), None);
        assert_eq!(port_in("no port here"), None);
        assert_eq!(port_in("port 99999"), None);
    }
}
