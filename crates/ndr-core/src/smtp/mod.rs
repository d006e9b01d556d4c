//! SMTP facts found in free text: enhanced status codes, reply codes, commands.

pub(crate) mod command;
pub(crate) mod reply;
pub mod status;

use crate::text;

/// True when the text says the failure is temporary (a 4.x.x code, a 4xx reply, or the words).
pub(crate) fn is_temporary(s: &str) -> bool {
    if s.is_empty() {
        return false;
    }
    let mut code = status::find(s, "");
    if code.is_empty() {
        code = reply::find(s, "");
    }
    // The lowercase copy only when the code does not decide.
    code.starts_with('4') || {
        let l = text::lower(s);
        text::contains(&l, " temporar") || text::contains(&l, " persistent")
    }
}
