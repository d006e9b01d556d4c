#!/usr/bin/env python3
"""Writes the Outlook .msg fixtures of tests/outlook_msg.rs.

Real .msg files are binary and carry real people's mail, so the fixtures are made here: a
small Compound File writer ([MS-CFB]) and the MAPI property layout of [MS-OXMSG]. Only
documentation addresses (RFC 5737) and example domains appear.

    python3 crates/ndr-core/tests/outlook_msg/make_fixtures.py

Check the output with tools that know the formats (not only with our reader):

    python3 -m venv /tmp/msgvenv && /tmp/msgvenv/bin/pip install olefile extract-msg
    /tmp/msgvenv/bin/python crates/ndr-core/tests/outlook_msg/make_fixtures.py --check
"""

import os
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

ENDOFCHAIN = 0xFFFFFFFE
FREESECT = 0xFFFFFFFF
FATSECT = 0xFFFFFFFD
NOSTREAM = 0xFFFFFFFF
MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")


def cfb(tree, sector=512):
    """A Compound File of `tree`: {name: bytes (a stream) or dict (a storage)}."""
    # Directory entries, root first, storages' children in the order of the spec's
    # comparison (shorter names first, then by uppercase), linked as balanced trees.
    entries = [{"name": "Root Entry", "type": 5, "data": None, "kids": []}]

    def add(parent, node):
        for name, value in node.items():
            e = {"name": name, "type": 1 if isinstance(value, dict) else 2,
                 "data": None if isinstance(value, dict) else value, "kids": []}
            entries.append(e)
            entries[parent]["kids"].append(len(entries) - 1)
            if isinstance(value, dict):
                add(len(entries) - 1, value)

    add(0, tree)
    for e in entries:
        e.update(left=NOSTREAM, right=NOSTREAM, child=NOSTREAM, start=ENDOFCHAIN, size=0)

    def key(i):
        n = entries[i]["name"]
        return (len(n), n.upper())

    def balance(ids):
        if not ids:
            return NOSTREAM
        mid = len(ids) // 2
        entries[ids[mid]]["left"] = balance(ids[:mid])
        entries[ids[mid]]["right"] = balance(ids[mid + 1:])
        return ids[mid]

    for e in entries:
        if e["kids"]:
            e["child"] = balance(sorted(e["kids"], key=key))

    # Small streams into the mini stream, the rest into regular sectors.
    mini = bytearray()
    mini_fat = []
    big = []
    for i, e in enumerate(entries):
        d = e["data"]
        if d is None:
            continue
        e["size"] = len(d)
        if len(d) == 0:
            continue
        if len(d) < 4096:
            first = len(mini) // 64
            n = (len(d) + 63) // 64
            mini += d + b"\0" * (n * 64 - len(d))
            mini_fat += [first + k + 1 for k in range(n - 1)] + [ENDOFCHAIN]
            e["start"] = first
        else:
            big.append(i)

    def sectors(n_bytes):
        return (n_bytes + sector - 1) // sector

    per = sector // 4
    dir_bytes = bytearray()
    # Regular sectors in order: directory, mini FAT, mini stream, big streams, then the FAT.
    layout = []  # (kind, bytes)
    n_dir = sectors(len(entries) * 128)
    mf = b"".join(struct.pack("<I", v) for v in mini_fat)
    n_minifat = sectors(len(mf))
    n_mini = sectors(len(mini))
    chains = []
    at = 0

    def chain(n):
        nonlocal at
        first = at if n else ENDOFCHAIN
        chains.append((at, n))
        at += n
        return first

    dir_start = chain(n_dir)
    minifat_start = chain(n_minifat)
    mini_start = chain(n_mini)
    for i in big:
        entries[i]["start"] = chain(sectors(len(entries[i]["data"])))
    n_fat = 1
    while (at + n_fat) > n_fat * per:
        n_fat += 1
    assert n_fat <= 109, "no DIFAT sectors in this writer"
    fat = [FREESECT] * (n_fat * per)
    for first, n in chains:
        for k in range(n):
            fat[first + k] = first + k + 1 if k < n - 1 else ENDOFCHAIN
    fat_start = at
    for k in range(n_fat):
        fat[fat_start + k] = FATSECT

    entries[0]["start"] = mini_start if n_mini else ENDOFCHAIN
    entries[0]["size"] = len(mini)
    for e in entries:
        name = e["name"].encode("utf-16-le")
        assert len(name) <= 62
        dir_bytes += struct.pack(
            "<64sHBBIII16sIQQIQ",
            name + b"\0\0", len(name) + 2, e["type"], 1,
            e["left"], e["right"], e["child"], b"\0" * 16, 0, 0, 0, e["start"], e["size"])
    while len(dir_bytes) < n_dir * sector:
        dir_bytes += struct.pack("<64sHBBIII16sIQQIQ", b"", 0, 0, 0, NOSTREAM, NOSTREAM,
                                 NOSTREAM, b"\0" * 16, 0, 0, 0, 0, 0)

    def pad(b):
        return bytes(b) + b"\0" * (-len(b) % sector)

    body = pad(dir_bytes) + pad(mf) + pad(mini)
    for i in big:
        body += pad(entries[i]["data"])
    body += pad(b"".join(struct.pack("<I", v) for v in fat))

    difat = [fat_start + k for k in range(n_fat)] + [FREESECT] * (109 - n_fat)
    header = MAGIC + b"\0" * 16 + struct.pack(
        "<HHHHH6sIIIIIIIII",
        0x3E, 3 if sector == 512 else 4, 0xFFFE, 9 if sector == 512 else 12, 6, b"\0" * 6,
        0 if sector == 512 else n_dir, n_fat, dir_start, 0, 4096,
        minifat_start if n_minifat else ENDOFCHAIN, n_minifat, ENDOFCHAIN, 0)
    header += b"".join(struct.pack("<I", v) for v in difat)
    assert len(header) == 512
    return header + b"\0" * (sector - 512) + body


# MAPI property types.
PT_LONG, PT_STRING8, PT_UNICODE, PT_BINARY, PT_OBJECT = 0x0003, 0x001E, 0x001F, 0x0102, 0x000D


def props(values, header):
    """A property storage's streams: `values` maps (id, type) to a value."""
    streams = {}
    table = b""
    for (pid, ptype), v in values.items():
        tag = (pid << 16) | ptype
        if ptype == PT_LONG:
            table += struct.pack("<IIII", tag, 6, v, 0)
            continue
        if ptype == PT_UNICODE:
            data = v.encode("utf-16-le")
            size = len(data) + 2
        elif ptype == PT_STRING8:
            data = v
            size = len(data) + 1
        else:
            data = v
            size = len(data)
        streams["__substg1.0_%08X" % tag] = data
        table += struct.pack("<IIII", tag, 6, size, 0)
    streams["__properties_version1.0"] = header + table
    return streams


def message(values, recipients=(), attachments=(), top=True):
    n_r, n_a = len(recipients), len(attachments)
    if top:
        header = struct.pack("<8sIIII8s", b"", n_r, n_a, n_r, n_a, b"")
    else:
        header = struct.pack("<8sIIII", b"", n_r, n_a, n_r, n_a)
    tree = props(values, header)
    if top:
        # The named-property mapping, empty: these messages use no named properties.
        tree["__nameid_version1.0"] = {
            "__substg1.0_00020102": b"", "__substg1.0_00030102": b"",
            "__substg1.0_00040102": b""}
    for i, r in enumerate(recipients):
        tree["__recip_version1.0_#%08X" % i] = props(r, b"\0" * 8)
    for i, a in enumerate(attachments):
        vals, inner = a
        s = props(vals, b"\0" * 8)
        if inner is not None:
            s["__substg1.0_3701000D"] = inner
        tree["__attach_version1.0_#%08X" % i] = s
    return tree


def crlf(s):
    return s.strip("\n").replace("\n", "\r\n") + "\r\n\r\n"


ORIGINAL_HEADERS = crlf("""
Received: from mail.example.jp (mail.example.jp [198.51.100.23])
\tby mx.example.com (Postfix) with ESMTPS id 4ABCD1234
\tfor <hanako@example.com>; Tue, 3 Nov 2026 10:00:00 +0900
From: Taro Yamada <taro@example.jp>
To: hanako@example.com
Subject: Quote for November
Date: Tue, 3 Nov 2026 09:59:58 +0900
Message-ID: <quote-1@example.jp>
""")


def original(subject="Quote for November"):
    return message({
        (0x001A, PT_UNICODE): "IPM.Note",
        (0x0037, PT_UNICODE): subject,
        (0x007D, PT_UNICODE): ORIGINAL_HEADERS,
        (0x1000, PT_UNICODE): "Please find the quote attached.",
    }, top=False)


BANNED_IP = ("550 5.7.606 Access denied, banned sending IP [198.51.100.23]. To request "
             "removal from this list please visit https://sender.office.com/ and follow the "
             "directions.")
# Exchange Online's reply that names no address: the sending server's address is only in the
# original's Received line.
TRAFFIC_NOT_ACCEPTED = ("#550 5.7.708 Service unavailable. Access denied, traffic not "
                        "accepted from this IP. For more information please go to "
                        "http://go.microsoft.com/fwlink/?LinkId=526653 ##")


def exchange_ndr(info=BANNED_IP):
    """An NDR item as Exchange stores it: no body, the report in the recipient table, the
    original attached as a message."""
    rcpt = {
        (0x0C15, PT_LONG): 1,
        (0x3001, PT_UNICODE): "hanako@example.com",
        (0x3003, PT_UNICODE): "hanako@example.com",
        (0x39FE, PT_UNICODE): "hanako@example.com",
        (0x0C04, PT_LONG): 1,
        (0x0C05, PT_LONG): 0xFFFFFFFF,
        (0x0C20, PT_LONG): 550,
        (0x0C1B, PT_UNICODE): info,
        (0x0C21, PT_UNICODE): "TY2PR01MB0001.jpnprd01.prod.outlook.com",
    }
    attach = ({(0x3705, PT_LONG): 5, (0x3001, PT_UNICODE): "Quote for November"}, original())
    return message({
        (0x001A, PT_UNICODE): "REPORT.IPM.Note.NDR",
        (0x0037, PT_UNICODE): "Undeliverable: Quote for November",
        (0x0C1A, PT_UNICODE): "Microsoft Outlook",
        (0x0C1F, PT_UNICODE): "MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@example.jp",
        (0x5D01, PT_UNICODE): "postmaster@example.jp",
        (0x0E04, PT_UNICODE): "Taro Yamada",
        (0x3FDE, PT_LONG): 65001,
    }, recipients=[rcpt], attachments=[attach])


DSN_HEADERS = crlf("""
Return-Path: <>
Received: from mx.example.jp (mx.example.jp [192.0.2.10])
\tby mail.example.jp; Wed, 4 Nov 2026 11:00:02 +0900
From: MAILER-DAEMON@mx.example.jp (Mail Delivery System)
To: taro@example.jp
Subject: Undelivered Mail Returned to Sender
Date: Wed, 4 Nov 2026 11:00:01 +0900
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status;
\tboundary="A1B2C3.1762221601/mx.example.jp"
""")

DSN_BODY = """This is the mail system at host mx.example.jp.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients. It's attached below.

                   The mail system

<jiro@example.org>: host mx.example.org[203.0.113.5] said: 554 5.7.1
    Service unavailable; Client host [192.0.2.55] blocked using
    zen.spamhaus.org; https://www.spamhaus.org/query/ip/192.0.2.55 (in reply to
    RCPT TO command)
"""

DSN_STATUS = """Reporting-MTA: dns; mx.example.jp
Arrival-Date: Wed, 4 Nov 2026 11:00:00 +0900

Final-Recipient: rfc822; jiro@example.org
Original-Recipient: rfc822;jiro@example.org
Action: failed
Status: 5.7.1
Remote-MTA: dns; mx.example.org
Diagnostic-Code: smtp; 554 5.7.1 Service unavailable; Client host [192.0.2.55]
    blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/192.0.2.55
"""


def dsn_note():
    """A Postfix DSN kept by Outlook as an ordinary note: the transport headers, the text
    part as the body, the status part as an attachment."""
    status = ({
        (0x3705, PT_LONG): 1,
        (0x3707, PT_UNICODE): "details.txt",
        (0x370E, PT_UNICODE): "message/delivery-status",
        (0x3701, PT_BINARY): DSN_STATUS.replace("\n", "\r\n").encode(),
    }, None)
    return message({
        (0x001A, PT_UNICODE): "IPM.Note",
        (0x0037, PT_UNICODE): "Undelivered Mail Returned to Sender",
        (0x007D, PT_UNICODE): DSN_HEADERS,
        (0x1000, PT_UNICODE): DSN_BODY.replace("\n", "\r\n"),
        (0x0C1A, PT_UNICODE): "Mail Delivery System",
        (0x0C1F, PT_UNICODE): "MAILER-DAEMON@mx.example.jp",
    }, attachments=[status])


GMAIL_JA = """** アドレスが見つかりませんでした **

アドレス shiro@example.co.jp が見つからなかったか、メールを受信できないため、メールは配信されませんでした。

サーバーからの応答:
550 5.1.1 <shiro@example.co.jp>: Recipient address rejected: User unknown in virtual mailbox table

"""


def big_body():
    """A 4096-byte-sector file whose body (Shift_JIS, code page 932) is over 4096 bytes, so
    it lives in regular sectors, not in the mini stream."""
    quoted = "".join("> 見積書の件、よろしくお願いいたします。行 %03d\n" % i for i in range(120))
    body = (GMAIL_JA + "----- 元のメッセージ -----\n" + quoted).replace("\n", "\r\n")
    data = body.encode("cp932")
    assert len(data) > 4096
    return message({
        (0x001A, PT_STRING8): b"IPM.Note",
        (0x0037, PT_STRING8): "配信不能: 見積書".encode("cp932"),
        (0x007D, PT_STRING8): crlf("""
Received: from mail-sor-f41.google.com (mail-sor-f41.google.com [192.0.2.41])
\tby mx.example.jp; Thu, 5 Nov 2026 09:00:01 +0900
From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>
To: goro@example.jp
Subject: Delivery Status Notification (Failure)
Date: Thu, 5 Nov 2026 09:00:00 +0900
Content-Type: text/plain; charset="UTF-8"
""").encode(),
        (0x1000, PT_STRING8): data,
        (0x3FFD, PT_LONG): 932,
        (0x3FDE, PT_LONG): 932,
    })


FIXTURES = {
    "exchange-ndr.msg": (exchange_ndr, 512),
    "exchange-ndr-708.msg": (lambda: exchange_ndr(TRAFFIC_NOT_ACCEPTED), 512),
    "postfix-dsn-note.msg": (dsn_note, 512),
    "gmail-ja-4096.msg": (big_body, 4096),
}


def check():
    import olefile
    import extract_msg
    for name in FIXTURES:
        path = os.path.join(HERE, name)
        assert olefile.isOleFile(path), name
        with olefile.OleFileIO(path) as ole:
            streams = ["/".join(s) for s in ole.listdir()]
        m = extract_msg.openMsg(path)
        print(name, len(streams), "streams;", m.classType, "|", m.subject, "|",
              (m.body or "")[:60].replace("\r\n", " "), "| recipients",
              [r.email for r in m.recipients], "| attachments", len(m.attachments))
        m.close()


def main():
    if "--check" in sys.argv:
        check()
        return
    for name, (make, sector) in FIXTURES.items():
        with open(os.path.join(HERE, name), "wb") as f:
            f.write(cfb(make(), sector))


if __name__ == "__main__":
    main()
