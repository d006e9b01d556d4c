//! Errors written by local delivery agents (procmail, maildrop, dovecot, ...), which fail after
//! the remote server accepted the message.

use crate::fact::Fact;
use crate::text::contains_any;
use crate::Reason::{self, *};

/// Messages of one agent, per reason (lowercased).
type Messages = &'static [(Reason, &'static [&'static str])];

/// Agent, how its messages start, and its messages per reason (lowercased).
/// Sources: the agents' source code (dovecot `deliver.c`, `quota.c`; procmail; maildrop;
/// vpopmail `vdelivermail.c`; vmailmgr), as collected in go-sisimai `lda/lib.go`.
const AGENTS: &[(&str, &[&str], Messages)] = &[
    (
        "dovecot",
        // "Your message to <%t> was automatically rejected:%n%r"
        &["your message to <", "> was automatically rejected:"],
        &[
            (MailboxFull, &["not enough disk space", "quota exceeded"]),
            (UserUnknown, &["mailbox doesn't exist: "]),
        ],
    ),
    (
        "mail.local",
        &["mail.local: "],
        &[
            (
                MailboxFull,
                &["disc quota exceeded", "mailbox full or quota exceeded"],
            ),
            (SystemError, &["temporary file write error"]),
            (
                UserUnknown,
                &[
                    ": invalid mailbox path",
                    ": unknown user:",
                    ": user missing home directory",
                    ": user unknown",
                ],
            ),
        ],
    ),
    (
        "procmail",
        &["procmail: ", "/procmail "],
        &[
            (
                MailboxFull,
                &["quota exceeded while writing", "user over quota"],
            ),
            (SystemError, &["service unavailable"]),
            (SystemFull, &["no space left to finish writing"]),
        ],
    ),
    (
        "maildrop",
        &["maildrop: "],
        &[
            (MailboxFull, &["maildir over quota."]),
            (
                UserUnknown,
                &["cannot find system user", "invalid user specified."],
            ),
        ],
    ),
    (
        "vpopmail",
        &["vdelivermail: "],
        &[
            (Filtered, &["user does not exist, but will deliver to "]),
            (MailboxFull, &["domain is over quota", "user is over quota"]),
            (Suspend, &["account is locked email bounced"]),
            (UserUnknown, &["sorry, no mailbox here by that name."]),
        ],
    ),
    (
        "vmailmgr",
        &["vdeliver: "],
        &[
            (
                MailboxFull,
                &["delivery failed due to system quota violation"],
            ),
            (
                UserUnknown,
                &[
                    "invalid or unknown base user or domain",
                    "invalid or unknown virtual user",
                    "user name does not refer to a virtual user",
                ],
            ),
        ],
    ),
];

/// The reason when a local delivery agent wrote the error; `MailerError` for its other errors.
pub(crate) fn find(f: &Fact, lc: &str) -> Option<Reason> {
    if lc.is_empty() || !(f.command.is_empty() || f.command == "DATA") {
        return None;
    }
    let (_, _, messages) = AGENTS
        .iter()
        .find(|(_, starts, _)| contains_any(lc, starts))?;
    Some(
        messages
            .iter()
            .find(|(_, m)| contains_any(lc, m))
            .map_or(MailerError, |(r, _)| *r),
    )
}
