//! Sending services' own server names: a refusal that names the refused IP's host name under a
//! service's domain says the mail left from that service's servers (note `sent_through_esp`).
//!
//! Only the services' own domains are matched, never a customer's: a dedicated IP's reverse
//! name is often the customer's domain, and then nothing here can tell the service.

/// Host name endings of each service's outbound servers, and the note's detail. Ordered; the
/// first that ends a host name wins.
const HOSTS: &[(&str, &str)] = &[
    // Twilio SendGrid: its servers (and the shared pool's reverse names such as
    // "o1.24nn.shared.sendgrid.net") are under sendgrid.net; "Reverse DNS is available for
    // dedicated IP addresses only", so a shared IP keeps SendGrid's own name.
    // Source: https://www.twilio.com/docs/sendgrid/api-reference/reverse-dns/set-up-reverse-dns
    (".sendgrid.net", "sendgrid"),
    // Amazon SES: its sending servers are named "a8-30.smtp-out.amazonses.com" or, per
    // region, "a1-2.smtp-out.eu-central-1.amazonses.com" (the name in its refusals and
    // Received fields); the default MAIL FROM domain is a subdomain of amazonses.com.
    // Source: https://docs.aws.amazon.com/ses/latest/dg/mail-from.html
    (".amazonses.com", "amazon_ses"),
    // Mailgun: its shared sending servers are under mailgun.net ("m228-4.mailgun.net").
    // Source: https://documentation.mailgun.com/docs/mailgun/user-manual/get-started/
    (".mailgun.net", "mailgun"),
    // SparkPost: its MTAs are under sparkpostmail.com ("mta-1-2.sparkpostmail.com"), also its
    // default bounce domain. Source: https://support.sparkpost.com/docs/getting-started/getting-started-sparkpost
    (".sparkpostmail.com", "sparkpost"),
    // Postmark: its sending servers are under mtasv.net ("mta1.mtasv.net").
    // Source: https://postmarkapp.com/support/article/1066-what-ip-addresses-does-postmark-send-from
    (".mtasv.net", "postmark"),
    // Mailchimp Transactional (Mandrill): "mail136-14.atl41.mandrillapp.com".
    // Source: https://mailchimp.com/developer/transactional/docs/authentication-delivery/
    (".mandrillapp.com", "mandrill"),
    // Mailchimp's campaign servers: "mail1.suw11.mcsv.net", "mail2.atl1.rsgsv.net",
    // "mail3.wdc01.mcdlv.net". Source: https://mailchimp.com/help/about-mail-server-hostnames/
    (".mcsv.net", "mailchimp"),
    (".rsgsv.net", "mailchimp"),
    (".mcdlv.net", "mailchimp"),
];

/// True when `domain` is one of the services' own domains or under one ("amazonses.com",
/// "eu-west-1.amazonses.com", "sendgrid.net"): a domain a refusal names for SPF is then the
/// service's default bounce domain, not the sender's.
pub(crate) fn is_service_domain(domain: &str) -> bool {
    HOSTS.iter().any(|(end, _)| {
        domain.eq_ignore_ascii_case(&end[1..])
            || domain
                .len()
                .checked_sub(end.len())
                .and_then(|cut| domain.get(cut..))
                .is_some_and(|tail| tail.eq_ignore_ascii_case(end))
    })
}

/// How many mentions of the IP are looked at, so that the work stays bounded.
const MAX_MENTIONS: usize = 8;

/// The sending service whose server the refused IP `ip` is, by the host name the text gives
/// on the same line as that address ("o1.24nn.shared.sendgrid.net [192.0.2.7]",
/// "Client host a1-2.smtp-out.amazonses.com[192.0.2.7] blocked using ...").
pub(crate) fn service_of(text: &str, ip: &str) -> Option<&'static str> {
    if ip.is_empty() {
        return None;
    }
    let mut from = 0;
    for _ in 0..MAX_MENTIONS {
        let at = from + crate::text::find(text.get(from..)?, ip)?;
        let end = at + ip.len();
        from = end;
        let bytes = text.as_bytes();
        let part = |b: &u8| b.is_ascii_hexdigit() || matches!(b, b'.' | b':');
        let whole = !at
            .checked_sub(1)
            .and_then(|i| bytes.get(i))
            .is_some_and(part)
            && !bytes.get(end).is_some_and(|b| b.is_ascii_digit());
        if !whole {
            continue;
        }
        let line_start = text.get(..at)?.rfind('\n').map_or(0, |i| i + 1);
        let line_end = text.get(end..)?.find('\n').map_or(text.len(), |i| end + i);
        if let Some(service) = text.get(line_start..line_end).and_then(service_in_line) {
            return Some(service);
        }
    }
    None
}

/// The service whose host name a line gives, if any.
fn service_in_line(line: &str) -> Option<&'static str> {
    if !line.contains('.') {
        return None;
    }
    line.split(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '[' | ']' | '(' | ')' | '<' | '>' | '"' | '\'' | ',' | ';' | '=' | '/'
            )
    })
    .find_map(|token| {
        let host = token.trim_end_matches(['.', ':']).to_ascii_lowercase();
        HOSTS
            .iter()
            .find(|(end, _)| host.len() > end.len() && host.ends_with(end))
            .map(|(_, service)| *service)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_host_name_of_a_service_on_the_refused_ips_line() {
        let line = "550 \"JunkMail rejected - o1.99xx.shared.sendgrid.net [192.0.2.7]:30010 is in an RBL\"";
        assert_eq!(service_of(line, "192.0.2.7"), Some("sendgrid"));
        let ses =
            "554 Client host a1-2.smtp-out.eu-west-1.amazonses.com[198.51.100.4] blocked using zen";
        assert_eq!(service_of(ses, "198.51.100.4"), Some("amazon_ses"));
        let mandrill = "refused mail136-14.atl41.mandrillapp.com. (203.0.113.9): listed";
        assert_eq!(service_of(mandrill, "203.0.113.9"), Some("mandrill"));
        let chimp = "Client host [192.0.2.8] mail2.atl1.rsgsv.net rejected";
        assert_eq!(service_of(chimp, "192.0.2.8"), Some("mailchimp"));
    }

    #[test]
    fn no_service_for_another_line_another_ip_or_a_lookalike() {
        // The host is on another line than the address.
        let text = "Received: from o1.shared.sendgrid.net\n550 [192.0.2.7] is listed";
        assert_eq!(service_of(text, "192.0.2.7"), None);
        // Another address that starts like the refused one.
        let text = "o1.shared.sendgrid.net [192.0.2.70] listed";
        assert_eq!(service_of(text, "192.0.2.7"), None);
        // A customer's own name that only contains the service's.
        let text = "mail.sendgrid.net.example.com [192.0.2.7] listed";
        assert_eq!(service_of(text, "192.0.2.7"), None);
        // The bare domain is no server name.
        assert_eq!(service_of("sendgrid.net [192.0.2.7]", "192.0.2.7"), None);
        assert_eq!(service_of("", "192.0.2.7"), None);
        assert_eq!(service_of("x.sendgrid.net 192.0.2.7", ""), None);
    }
}
