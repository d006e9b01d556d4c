//! What a list's A records mean: listing codes, bitmasks, error codes, allow codes, and answers
//! no honest list gives.

use crate::catalogue::{List, Text};
use crate::outcome::Hit;
use std::net::Ipv4Addr;

/// The meaning of one A answer for one list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decoded {
    /// Listed with these codes.
    Listed(Vec<Hit>),
    /// No A records, or only allow codes.
    NotListed(Option<Text>),
    /// An error code: the list refused the query.
    Refused(Ipv4Addr, Text),
    /// Something no list should answer.
    Unexpected(String),
}

const UNDOCUMENTED: Text = Text {
    en: "listed (this code is not documented by the list)",
    ja: "登録あり（このコードの意味は公開されていません）",
};

// Spamhaus publishes its errors in 127.255.255.0/24, and other lists copied the idea; an answer
// there is never read as a listing, whatever the list (Haraka once did, see
// https://github.com/haraka/Haraka/issues/3106).
const GENERIC_ERROR: Text = Text {
    en: "an error code (127.255.255.x), not a listing",
    ja: "エラーコード（127.255.255.x）であり、登録ではありません",
};

/// Decodes the A records one list gave for one query.
pub fn decode(list: &List, addrs: &[Ipv4Addr]) -> Decoded {
    if addrs.is_empty() {
        return Decoded::NotListed(None);
    }
    // Errors first: one error code spoils the whole answer.
    for a in addrs {
        if let Some(e) = list.errors.iter().find(|e| e.addr == a.octets()) {
            return Decoded::Refused(*a, e.meaning);
        }
        let [x, y, z, _] = a.octets();
        if (x, y, z) == (127, 255, 255) {
            return Decoded::Refused(*a, GENERIC_ERROR);
        }
    }
    for a in addrs {
        if a.octets()[0] != 127 {
            return Decoded::Unexpected(format!(
                "{a} is outside 127.0.0.0/8; the zone is misbehaving (wildcard or parked)"
            ));
        }
    }
    let (allowed, rest): (Vec<Ipv4Addr>, Vec<Ipv4Addr>) = addrs
        .iter()
        .partition(|a| list.allows.iter().any(|c| c.addr == a.octets()));
    if rest.is_empty() {
        let note = allowed
            .first()
            .and_then(|a| list.allows.iter().find(|c| c.addr == a.octets()))
            .map(|c| c.meaning);
        return Decoded::NotListed(note);
    }
    let mut hits = Vec::new();
    for a in rest {
        if a == Ipv4Addr::new(127, 0, 0, 1) {
            return Decoded::Unexpected(
                "127.0.0.1, which RFC 5782 reserves as never listed".to_string(),
            );
        }
        if let Some(c) = list.codes.iter().find(|c| c.addr == a.octets()) {
            hits.push(Hit {
                code: a,
                sub_list: c.sub_list,
                meaning: c.meaning,
            });
            continue;
        }
        if !list.bits.is_empty() && a.octets()[..3] == [127, 0, 0] {
            let mask = a.octets()[3];
            let mut known = 0u8;
            for b in list.bits.iter().filter(|b| mask & b.bit != 0) {
                known |= b.bit;
                hits.push(Hit {
                    code: a,
                    sub_list: b.sub_list,
                    meaning: b.meaning,
                });
            }
            if mask & !known == 0 {
                continue;
            }
        }
        hits.push(Hit {
            code: a,
            sub_list: "",
            meaning: UNDOCUMENTED,
        });
    }
    Decoded::Listed(hits)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::find;

    fn ip(s: &str) -> Ipv4Addr {
        s.parse().unwrap()
    }

    #[test]
    fn spamhaus_codes_and_errors() {
        let zen = find("zen.spamhaus.org").unwrap();
        let Decoded::Listed(h) = decode(zen, &[ip("127.0.0.4"), ip("127.0.0.10")]) else {
            panic!()
        };
        assert_eq!(
            h.iter().map(|h| h.sub_list).collect::<Vec<_>>(),
            ["XBL", "PBL"]
        );
        for e in ["127.255.255.254", "127.255.255.255", "127.255.255.252"] {
            assert!(matches!(decode(zen, &[ip(e)]), Decoded::Refused(..)), "{e}");
        }
        // An error next to a listing spoils the answer.
        assert!(matches!(
            decode(zen, &[ip("127.0.0.2"), ip("127.255.255.254")]),
            Decoded::Refused(..)
        ));
        let dbl = find("dbl.spamhaus.org").unwrap();
        assert!(matches!(
            decode(dbl, &[ip("127.0.1.255")]),
            Decoded::Refused(..)
        ));
        assert_eq!(decode(zen, &[]), Decoded::NotListed(None));
    }

    #[test]
    fn any_list_treats_127_255_255_x_as_an_error() {
        let spamcop = find("bl.spamcop.net").unwrap();
        assert!(matches!(
            decode(spamcop, &[ip("127.255.255.254")]),
            Decoded::Refused(..)
        ));
    }

    #[test]
    fn uribl_and_surbl_bitmasks_and_refusals() {
        let uribl = find("multi.uribl.com").unwrap();
        let Decoded::Listed(h) = decode(uribl, &[ip("127.0.0.14")]) else {
            panic!()
        };
        assert_eq!(
            h.iter().map(|h| h.sub_list).collect::<Vec<_>>(),
            ["black", "grey", "red"]
        );
        assert!(matches!(
            decode(uribl, &[ip("127.0.0.1")]),
            Decoded::Refused(..)
        ));
        let surbl = find("multi.surbl.org").unwrap();
        let Decoded::Listed(h) = decode(surbl, &[ip("127.0.0.24")]) else {
            panic!()
        };
        assert_eq!(
            h.iter().map(|h| h.sub_list).collect::<Vec<_>>(),
            ["PH", "MW"]
        );
        // A legacy bit: still listed, category unknown.
        let Decoded::Listed(h) = decode(surbl, &[ip("127.0.0.2")]) else {
            panic!()
        };
        assert_eq!(h[0].meaning, UNDOCUMENTED);
        assert!(matches!(
            decode(surbl, &[ip("127.0.0.1")]),
            Decoded::Refused(..)
        ));
    }

    #[test]
    fn hostkarma_white_is_not_a_listing() {
        let hk = find("hostkarma.junkemailfilter.com").unwrap();
        assert!(matches!(
            decode(hk, &[ip("127.0.0.1")]),
            Decoded::NotListed(Some(_))
        ));
        assert!(matches!(decode(hk, &[ip("127.0.0.2")]), Decoded::Listed(_)));
    }

    #[test]
    fn answers_no_list_gives() {
        let spamcop = find("bl.spamcop.net").unwrap();
        assert!(matches!(
            decode(spamcop, &[ip("192.0.2.80")]),
            Decoded::Unexpected(_)
        ));
        assert!(matches!(
            decode(spamcop, &[ip("127.0.0.1")]),
            Decoded::Unexpected(_)
        ));
        let Decoded::Listed(h) = decode(spamcop, &[ip("127.0.0.77")]) else {
            panic!()
        };
        assert_eq!(h[0].meaning, UNDOCUMENTED);
    }
}
