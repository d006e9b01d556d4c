//! Outlook `.msg` files (a Compound File holding MAPI properties) turned into a text that reads
//! like the mail source, so that the bounce readers work on them unchanged.
//!
//! Two layers, both read by hand with bounds on every loop:
//! - [MS-CFB] Compound File Binary: a 512- or 4096-byte header, the FAT (its sectors listed by
//!   the DIFAT), a directory of 128-byte entries forming one red-black tree of siblings per
//!   storage, and a mini stream (64-byte sectors, its own mini FAT) for streams under 4096
//!   bytes. <https://learn.microsoft.com/en-us/openspecs/windows_protocols/ms-cfb/>
//! - [MS-OXMSG] the message: one stream per variable-size property (`__substg1.0_IIIITTTT`,
//!   id then type in hex), fixed-size ones in `__properties_version1.0`, one storage per
//!   recipient (`__recip_version1.0_#XXXXXXXX`) and attachment (`__attach_version1.0_#…`), an
//!   attached message as the storage `__substg1.0_3701000D`.
//!   <https://learn.microsoft.com/en-us/openspecs/exchange_server_protocols/ms-oxmsg/>
//!
//! Checked against Python's `olefile` (its `OleFileIO.loadfat`, `_open`, `loaddirectory`) and
//! `extract_msg` (property stream headers of 32, 24 and 8 bytes), and against files they read.

use crate::charsets::Decoders;
use crate::Charsets;

/// The first eight bytes of every Compound File ([MS-CFB] 2.2, "Header Signature").
const MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// FAT values that end or mark a chain ([MS-CFB] 2.1): anything at or above this is not a
/// sector number (MAXREGSECT is 0xFFFFFFFA).
const MAX_REG_SECT: u32 = 0xFFFF_FFFA;
/// "No entry" in a directory entry's sibling and child links.
const NO_STREAM: u32 = 0xFFFF_FFFF;

/// Caps that bound the work on a hostile file. A real message has a few hundred directory
/// entries; a bounce's text is far under the stream cap.
const MAX_ENTRIES: usize = 1 << 16;
const MAX_STREAM: usize = 8 << 20;
const MAX_RECIPIENTS: usize = 200;
const MAX_ATTACHMENTS: usize = 64;
/// The text handed on: the page's input limit is smaller.
const MAX_TEXT: usize = 16 << 20;

/// True when `bytes` start as a Compound File, the container of an Outlook `.msg` (and of
/// old Word and Excel files, which [`outlook_msg_text`] then does not read).
pub fn is_outlook_msg(bytes: &[u8]) -> bool {
    bytes.starts_with(&MAGIC)
}

/// The message in an Outlook `.msg` file as text that reads like its mail source: the
/// transport headers (or headers made from the subject and addresses), the plain body (or the
/// HTML body without its tags), for a non-delivery report the report Outlook draws from the
/// recipient table (in Exchange's "Remote Server returned" layout), then the headers of the
/// attached original message.
///
/// `None` when the bytes are not a Compound File holding a message. Never panics; a damaged
/// file yields what could be read. 8-bit strings are decoded in the message's code page with
/// the built-in tables (see [`outlook_msg_text_with`] for a build without them).
pub fn outlook_msg_text(bytes: &[u8]) -> Option<String> {
    text_by(bytes, Decoders::default())
}

/// [`outlook_msg_text`], with 8-bit strings in a code page such as Shift_JIS (932) decoded by
/// `charsets` first, as [`crate::diagnose_with`] does.
pub fn outlook_msg_text_with(bytes: &[u8], charsets: &dyn Charsets) -> Option<String> {
    text_by(bytes, Decoders::new(Some(charsets)))
}

/// What a dropped or given file seems to be, by its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// Text, or something the core may read as text (a mail, a saved body).
    Text,
    /// A Compound File: an Outlook `.msg` (or an old Office document).
    OutlookMsg,
    /// Not a mail; carries a short name of what it seems to be: `png`, `jpeg`, `gif`, `pdf`,
    /// `zip` (also `.docx` and `.xlsx`), or `binary`.
    Binary(&'static str),
}

/// Magic numbers of files people drop by mistake, with the name [`FileKind::Binary`] gives.
const MAGICS: &[(&[u8], &str)] = &[
    // PNG: "\x89PNG\r\n\x1a\n" (RFC 2083, section 3.1).
    (b"\x89PNG", "png"),
    // JPEG/JFIF: the SOI marker FF D8 then a marker's FF.
    (b"\xFF\xD8\xFF", "jpeg"),
    // GIF87a and GIF89a.
    (b"GIF8", "gif"),
    // PDF: "%PDF-" (ISO 32000-1, 7.5.2).
    (b"%PDF", "pdf"),
    // ZIP local file header (APPNOTE.TXT 4.3.7); Office Open XML (.docx, .xlsx) is a ZIP.
    (b"PK\x03\x04", "zip"),
];

/// Sorts bytes into text, an Outlook file, or another binary file, as the core's own check of
/// binary input does (over 1% NUL bytes or 10% control bytes), on the first KiB. UTF-16 text
/// with a byte order mark, or known by its zero bytes without one (`bom::unmarked_utf16`),
/// counts as text.
pub fn file_kind(bytes: &[u8]) -> FileKind {
    if is_outlook_msg(bytes) {
        return FileKind::OutlookMsg;
    }
    if let Some((_, name)) = MAGICS.iter().find(|(m, _)| bytes.starts_with(m)) {
        return FileKind::Binary(name);
    }
    if bytes.starts_with(&[0xFF, 0xFE])
        || bytes.starts_with(&[0xFE, 0xFF])
        || crate::bom::unmarked_utf16(bytes).is_some()
    {
        return FileKind::Text;
    }
    let head = &bytes[..bytes.len().min(1024)];
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b))
        .count();
    let nuls = head.iter().filter(|&&b| b == 0).count();
    if nuls * 100 > head.len() || controls * 10 > head.len() {
        FileKind::Binary("binary")
    } else {
        FileKind::Text
    }
}

fn le16(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn le32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// Appends the little-endian `u32`s of `b`'s first `max` whole 4-byte words; with
/// `sectors_only`, only those that are sector numbers (under `MAX_REG_SECT`). One loop for
/// the DIFAT, FAT and mini FAT: an iterator chain per table was compiled once each.
fn push_le32s(out: &mut Vec<u32>, b: &[u8], max: usize, sectors_only: bool) {
    for word in b.as_chunks::<4>().0.iter().take(max) {
        let n = u32::from_le_bytes(*word);
        if !sectors_only || n < MAX_REG_SECT {
            out.push(n);
        }
    }
}

fn le64(b: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(b.get(at..at + 8)?.try_into().ok()?))
}

/// One directory entry ([MS-CFB] 2.6.1).
#[derive(Debug, Clone)]
struct Entry {
    /// The name, uppercase ASCII compared (property stream names are ASCII).
    name: String,
    /// 1 storage, 2 stream, 5 root.
    kind: u8,
    left: u32,
    right: u32,
    child: u32,
    start: u32,
    size: u64,
}

/// A Compound File, read enough to open streams by path.
struct Cfb<'a> {
    data: &'a [u8],
    sector: usize,
    fat: Vec<u32>,
    mini_fat: Vec<u32>,
    entries: Vec<Entry>,
    mini_stream: Vec<u8>,
}

impl<'a> Cfb<'a> {
    fn open(data: &'a [u8]) -> Option<Cfb<'a>> {
        if !is_outlook_msg(data) || data.len() < 512 {
            return None;
        }
        // Sector shift 9 (version 3) or 12 (version 4); nothing else is allowed.
        let sector = match le16(data, 30)? {
            9 => 512,
            12 => 4096,
            _ => return None,
        };
        let sectors_in_file = data.len().saturating_sub(sector) / sector + 1;
        let mut cfb = Cfb {
            data,
            sector,
            fat: Vec::new(),
            mini_fat: Vec::new(),
            entries: Vec::new(),
            mini_stream: Vec::new(),
        };
        // The DIFAT: 109 FAT sector numbers in the header, then chained DIFAT sectors whose
        // last slot points to the next one. A FAT sector per sector of the file at most.
        let mut fat_sectors: Vec<u32> = Vec::new();
        push_le32s(
            &mut fat_sectors,
            data.get(76..).unwrap_or_default(),
            109,
            true,
        );
        let mut difat = le32(data, 68)?;
        let mut hops = 0;
        while difat < MAX_REG_SECT && hops < sectors_in_file {
            hops += 1;
            let Some(s) = cfb.sector_bytes(difat) else {
                break;
            };
            let per = sector / 4 - 1;
            push_le32s(&mut fat_sectors, s, per, true);
            difat = le32(s, 4 * per).unwrap_or(NO_STREAM);
            if fat_sectors.len() > sectors_in_file {
                break;
            }
        }
        fat_sectors.truncate(sectors_in_file);
        for &fs in &fat_sectors {
            if let Some(s) = cfb.sector_bytes(fs) {
                push_le32s(&mut cfb.fat, s, sector / 4, false);
            }
        }
        // The directory: a chain of sectors of 128-byte entries.
        let dir = cfb.chain(le32(data, 48)?, MAX_ENTRIES * 128);
        cfb.entries = dir
            .chunks_exact(128)
            .take(MAX_ENTRIES)
            .map(|e| {
                let name_len = usize::from(le16(e, 64).unwrap_or(0)).min(64);
                // UTF-16LE up to the first NUL unit, through the BOM reader's decoder.
                let name = e.get(..name_len / 2 * 2).unwrap_or_default();
                let end = name
                    .as_chunks::<2>()
                    .0
                    .iter()
                    .position(|unit| *unit == [0, 0])
                    .map_or(name.len(), |k| 2 * k);
                Entry {
                    name: crate::bom::utf16(name.get(..end).unwrap_or_default(), false)
                        .to_ascii_uppercase(),
                    kind: e.get(66).copied().unwrap_or(0),
                    left: le32(e, 68).unwrap_or(NO_STREAM),
                    right: le32(e, 72).unwrap_or(NO_STREAM),
                    child: le32(e, 76).unwrap_or(NO_STREAM),
                    start: le32(e, 116).unwrap_or(NO_STREAM),
                    // Version 3 files may leave garbage in the high half ([MS-CFB] 2.6.3).
                    size: if sector == 512 {
                        u64::from(le32(e, 120).unwrap_or(0))
                    } else {
                        le64(e, 120).unwrap_or(0)
                    },
                }
            })
            .collect();
        let root = cfb.entries.first()?.clone();
        if root.kind != 5 {
            return None;
        }
        let mini_fat = cfb.chain(le32(data, 60)?, MAX_STREAM);
        push_le32s(&mut cfb.mini_fat, &mini_fat, usize::MAX, false);
        cfb.mini_stream = cfb.chain(root.start, clamp(root.size));
        Some(cfb)
    }

    fn sector_bytes(&self, n: u32) -> Option<&'a [u8]> {
        let at = (n as usize).checked_add(1)?.checked_mul(self.sector)?;
        self.data.get(at..at.checked_add(self.sector)?)
    }

    /// The bytes of the regular chain starting at `start`, at most `max`. A chain that loops
    /// or leaves the file stops: never more steps than the file has sectors.
    fn chain(&self, start: u32, max: usize) -> Vec<u8> {
        let mut out = Vec::new();
        let mut at = start;
        let mut steps = 0;
        let limit = self.data.len() / self.sector + 1;
        while at < MAX_REG_SECT && out.len() < max && steps < limit {
            steps += 1;
            let Some(s) = self.sector_bytes(at) else {
                break;
            };
            out.extend_from_slice(s);
            at = self.fat.get(at as usize).copied().unwrap_or(NO_STREAM);
        }
        out.truncate(max);
        out
    }

    /// The bytes of a chain in the mini stream (64-byte sectors).
    fn mini_chain(&self, start: u32, max: usize) -> Vec<u8> {
        let mut out = Vec::new();
        let mut at = start;
        let mut steps = 0;
        let limit = self.mini_stream.len() / 64 + 1;
        while at < MAX_REG_SECT && out.len() < max && steps < limit {
            steps += 1;
            // Checked: a hostile sector number times 64 overflows a 32-bit usize (wasm32).
            let Some(s) = (at as usize)
                .checked_mul(64)
                .and_then(|from| self.mini_stream.get(from..from.checked_add(64)?))
            else {
                break;
            };
            out.extend_from_slice(s);
            at = self.mini_fat.get(at as usize).copied().unwrap_or(NO_STREAM);
        }
        out.truncate(max);
        out
    }

    /// The content of stream entry `i`, cut to its declared size.
    fn stream(&self, i: u32) -> Option<Vec<u8>> {
        let e = self.entries.get(i as usize)?;
        if e.kind != 2 {
            return None;
        }
        let size = clamp(e.size);
        // Streams under the cutoff (4096, fixed by [MS-CFB] 2.2) live in the mini stream.
        Some(if e.size < 4096 {
            self.mini_chain(e.start, size)
        } else {
            self.chain(e.start, size)
        })
    }

    /// The entries directly under storage `i`, in the tree's order (by name length, then
    /// name, so `__recip_version1.0_#…` come numbered). Each entry is visited once, so a tree
    /// that links back to itself ends.
    fn children(&self, i: u32) -> Vec<u32> {
        let mut out = Vec::new();
        let Some(storage) = self.entries.get(i as usize) else {
            return out;
        };
        let mut seen = vec![false; self.entries.len()];
        let mut stack = Vec::new();
        let mut at = storage.child;
        loop {
            while let Some(e) = self.entries.get(at as usize) {
                // `seen` is as long as `entries`; `get_mut` keeps the panic path out.
                let Some(mark) = seen.get_mut(at as usize) else {
                    break;
                };
                if std::mem::replace(mark, true) {
                    break;
                }
                stack.push(at);
                at = e.left;
            }
            let Some(n) = stack.pop() else {
                return out;
            };
            out.push(n);
            at = self.entries.get(n as usize).map_or(NO_STREAM, |e| e.right);
        }
    }
}

/// `__SUBSTG1.0_` and the property tag in uppercase hex, as the directory holds it (uppercased).
/// By hand: `format!("{:04X}")` would add hex formatting code to the page for this alone.
fn stream_name(id: u16, kind: u16) -> String {
    let mut name = String::from("__SUBSTG1.0_");
    let tag = (u32::from(id) << 16) | u32::from(kind);
    for shift in (0..8).rev() {
        let digit = (tag >> (shift * 4)) & 0xF;
        name.push(char::from(b"0123456789ABCDEF"[digit as usize]));
    }
    name
}

/// Pushes `parts` and a newline. Plain pushes: `format!` costs page size per call.
fn push_line(out: &mut String, parts: &[&str]) {
    for p in parts {
        out.push_str(p);
    }
    out.push('\n');
}

fn clamp(size: u64) -> usize {
    usize::try_from(size).unwrap_or(usize::MAX).min(MAX_STREAM)
}

/// One property storage: the message, a recipient, an attachment, or an attached message.
struct Props<'c, 'a> {
    cfb: &'c Cfb<'a>,
    /// The names of the children, read once.
    names: Vec<(String, u32)>,
    /// Bytes before the first 16-byte entry of `__properties_version1.0`: 32 for the top
    /// message, 24 for an attached one, 8 for recipients and attachments ([MS-OXMSG] 2.4).
    header: usize,
}

impl<'c, 'a> Props<'c, 'a> {
    fn new(cfb: &'c Cfb<'a>, storage: u32, header: usize) -> Self {
        let names = cfb
            .children(storage)
            .into_iter()
            .filter_map(|c| Some((cfb.entries.get(c as usize)?.name.clone(), c)))
            .collect();
        Props { cfb, names, header }
    }

    fn entry(&self, name: &str) -> Option<u32> {
        self.names.iter().find(|(n, _)| n == name).map(|(_, c)| *c)
    }

    fn raw(&self, id: u16, kind: u16) -> Option<Vec<u8>> {
        self.cfb.stream(self.entry(&stream_name(id, kind))?)
    }

    /// A string property: PT_UNICODE (001F, UTF-16LE) first, else PT_STRING8 (001E) in the
    /// message's code page.
    fn string(&self, id: u16, cp: &CodePage<'_>) -> Option<String> {
        if let Some(b) = self.raw(id, 0x001F) {
            // Whole code units only: an odd last byte is dropped, not read as U+FFFD. The
            // BOM reader's decoder, so the page carries one UTF-16 decoder.
            let even = b.get(..b.len() - b.len() % 2).unwrap_or_default();
            let s = crate::bom::utf16(even, false);
            return Some(s.trim_end_matches('\0').to_string());
        }
        let b = self.raw(id, 0x001E)?;
        let end = b.iter().position(|&c| c == 0).unwrap_or(b.len());
        Some(cp.decode(b.get(..end).unwrap_or(&b)))
    }

    /// A 32-bit integer property (PT_LONG 0003) from `__properties_version1.0`.
    fn long(&self, id: u16) -> Option<u32> {
        let b = self.cfb.stream(self.entry("__PROPERTIES_VERSION1.0")?)?;
        let tag = (u32::from(id) << 16) | 0x0003;
        b.get(self.header..)?
            .chunks_exact(16)
            .find(|e| le32(e, 0) == Some(tag))
            .and_then(|e| le32(e, 8))
    }

    /// The child storages whose names start with `prefix`, in name order (the names number
    /// them in hex: `__recip_version1.0_#00000000`).
    fn storages(&self, prefix: &str, max: usize) -> Vec<u32> {
        self.names
            .iter()
            .filter(|(n, c)| {
                n.starts_with(prefix)
                    && self
                        .cfb
                        .entries
                        .get(*c as usize)
                        .is_some_and(|e| e.kind == 1)
            })
            .take(max)
            .map(|(_, c)| *c)
            .collect()
    }
}

/// How 8-bit strings of one message are decoded.
struct CodePage<'d> {
    label: Option<&'static str>,
    decoders: &'d Decoders<'d>,
}

impl CodePage<'_> {
    fn decode(&self, b: &[u8]) -> String {
        if let Ok(s) = std::str::from_utf8(b) {
            return s.to_string();
        }
        self.label
            .and_then(|l| self.decoders.decode(l, b))
            .unwrap_or_else(|| crate::charsets::windows_1252(b))
    }
}

/// Windows code page numbers (PR_INTERNET_CPID, PR_MESSAGE_CODEPAGE) with the WHATWG name of
/// the charset. Source: Microsoft's "Code Page Identifiers" list
/// (<https://learn.microsoft.com/en-us/windows/win32/intl/code-page-identifiers>) and the
/// Encoding Standard's labels.
const CODE_PAGES: &[(u32, &str)] = &[
    (874, "windows-874"),
    (932, "shift_jis"),
    (936, "gbk"),
    (949, "euc-kr"),
    (950, "big5"),
    (1250, "windows-1250"),
    (1251, "windows-1251"),
    (1252, "windows-1252"),
    (1253, "windows-1253"),
    (1254, "windows-1254"),
    (1255, "windows-1255"),
    (1256, "windows-1256"),
    (1257, "windows-1257"),
    (1258, "windows-1258"),
    (20127, "windows-1252"),
    (20866, "koi8-r"),
    (20932, "euc-jp"),
    (28591, "windows-1252"),
    (28592, "iso-8859-2"),
    (28605, "iso-8859-15"),
    (50220, "iso-2022-jp"),
    (50221, "iso-2022-jp"),
    (50222, "iso-2022-jp"),
    (51932, "euc-jp"),
    (51949, "euc-kr"),
    (54936, "gb18030"),
    (65001, "utf-8"),
];

// MAPI property ids ([MS-OXPROPS]; the canonical names in comments).
/// PidTagMessageClass.
const MESSAGE_CLASS: u16 = 0x001A;
/// PidTagSubject.
const SUBJECT: u16 = 0x0037;
/// PidTagTransportMessageHeaders: the internet headers as received.
const TRANSPORT_HEADERS: u16 = 0x007D;
/// PidTagSenderName, PidTagSenderEmailAddress, PidTagSenderSmtpAddress.
const SENDER_NAME: u16 = 0x0C1A;
const SENDER_EMAIL: u16 = 0x0C1F;
const SENDER_SMTP: u16 = 0x5D01;
/// PidTagDisplayTo.
const DISPLAY_TO: u16 = 0x0E04;
/// PidTagBody, PidTagReportText, PidTagHtml (PT_BINARY in most files, a string in some).
const BODY: u16 = 0x1000;
const REPORT_TEXT: u16 = 0x1001;
const HTML: u16 = 0x1013;
/// PidTagInternetCodepage, PidTagMessageCodepage.
const INTERNET_CPID: u16 = 0x3FDE;
const MESSAGE_CODEPAGE: u16 = 0x3FFD;
/// Recipients: PidTagDisplayName, PidTagEmailAddress, PidTagSmtpAddress.
const DISPLAY_NAME: u16 = 0x3001;
const EMAIL_ADDRESS: u16 = 0x3003;
const SMTP_ADDRESS: u16 = 0x39FE;
/// NDR recipients: PidTagNonDeliveryReportReasonCode, PidTagNonDeliveryReportDiagCode,
/// PidTagSupplementaryInfo (the server's reply, "#550 5.1.1 ... ##"),
/// PidTagNonDeliveryReportStatusCode, PidTagRemoteMessageTransferAgent (PR_REMOTE_MTA).
const NDR_REASON_CODE: u16 = 0x0C04;
const NDR_DIAG_CODE: u16 = 0x0C05;
const SUPPLEMENTARY_INFO: u16 = 0x0C1B;
const NDR_STATUS_CODE: u16 = 0x0C20;
const REMOTE_MTA: u16 = 0x0C21;
/// Attachments: PidTagAttachDataObject (an attached message when typed 000D),
/// PidTagAttachDataBinary, PidTagAttachMimeTag, PidTagAttachLongFilename.
const ATTACH_DATA: u16 = 0x3701;
const ATTACH_MIME_TAG: u16 = 0x370E;
const ATTACH_LONG_FILENAME: u16 = 0x3707;

/// Attachment types read as text: a DSN's machine-readable part and returned headers, which a
/// mail program that does not understand multipart/report keeps as attachments.
const TEXT_ATTACHMENTS: &[&str] = &[
    "message/delivery-status",
    "message/global-delivery-status",
    "text/rfc822-headers",
    "message/rfc822-headers",
    "text/plain",
];

fn text_by(bytes: &[u8], decoders: Decoders<'_>) -> Option<String> {
    let cfb = Cfb::open(bytes)?;
    let top = Props::new(&cfb, 0, 32);
    // A message has property streams; an old Word or Excel file has none.
    if !top.names.iter().any(|(n, _)| n.starts_with("__SUBSTG1.0_")) {
        return None;
    }
    let mut out = String::new();
    write_message(&top, &decoders, &mut out, 0);
    out.truncate(crate::text::clip(&out, MAX_TEXT).len());
    Some(out)
}

fn code_page<'d>(p: &Props<'_, '_>, decoders: &'d Decoders<'d>) -> CodePage<'d> {
    let cp = p.long(INTERNET_CPID).or_else(|| p.long(MESSAGE_CODEPAGE));
    CodePage {
        label: cp.and_then(|cp| CODE_PAGES.iter().find(|(n, _)| *n == cp).map(|(_, l)| *l)),
        decoders,
    }
}

/// Header fields of the transport headers that describe the MIME structure of the message as
/// sent; the text written here is one decoded plain part, so they would mislead the reader.
const MIME_FIELDS: &[&str] = &[
    "content-type:",
    "content-transfer-encoding:",
    "mime-version:",
];

/// `headers` without the MIME structure fields (and their folded lines), CRLF made LF, no
/// blank line inside.
fn push_headers(out: &mut String, headers: &str) {
    let mut skipping = false;
    for line in headers.lines() {
        if line.trim().is_empty() {
            continue;
        }
        let folded = line.starts_with([' ', '\t']);
        if !folded {
            let lc = line.get(..30.min(line.len())).unwrap_or(line);
            skipping = MIME_FIELDS.iter().any(|f| {
                lc.len() >= f.len() && lc.get(..f.len()).is_some_and(|h| h.eq_ignore_ascii_case(f))
            });
        }
        if !skipping {
            out.push_str(line);
            out.push('\n');
        }
    }
}

fn write_message(p: &Props<'_, '_>, decoders: &Decoders<'_>, out: &mut String, depth: u8) {
    let cp = code_page(p, decoders);
    let class = p.string(MESSAGE_CLASS, &cp).unwrap_or_default();
    let is_report = class.len() >= 7
        && class
            .get(..7)
            .is_some_and(|c| c.eq_ignore_ascii_case("report."));
    let start = out.len();
    if let Some(h) = p.string(TRANSPORT_HEADERS, &cp).filter(|h| h.contains(':')) {
        push_headers(out, &h);
    }
    // Headers made from what the item shows, where the transport headers do not give them, so
    // the readers find the subject and the sender: an Exchange NDR is often stored without
    // transport headers, and some converters keep only part of them.
    let has = |out: &String, name: &str| {
        out.get(start..).is_some_and(|h| {
            h.lines().any(|l| {
                l.get(..name.len())
                    .is_some_and(|n| n.eq_ignore_ascii_case(name))
            })
        })
    };
    if !has(out, "from:") {
        let from = p
            .string(SENDER_SMTP, &cp)
            .or_else(|| p.string(SENDER_EMAIL, &cp).filter(|a| a.contains('@')));
        let name = p.string(SENDER_NAME, &cp);
        match (name, from) {
            (Some(n), Some(a)) if n != a => push_line(out, &["From: ", &n, " <", &a, ">"]),
            (_, Some(a)) => push_line(out, &["From: ", &a]),
            (Some(n), None) => push_line(out, &["From: ", &n]),
            (None, None) => {}
        }
    }
    if !has(out, "to:") {
        if let Some(to) = p.string(DISPLAY_TO, &cp).filter(|t| !t.is_empty()) {
            push_line(out, &["To: ", &one_line(&to)]);
        }
    }
    if !has(out, "subject:") {
        if let Some(s) = p.string(SUBJECT, &cp) {
            push_line(out, &["Subject: ", &one_line(&s)]);
        }
    }
    if depth > 0 {
        // The original message of a report: its headers are what matters (the Received lines
        // name the sender's server), not its body.
        return;
    }
    out.push_str("Content-Type: text/plain; charset=utf-8\n\n");
    let body = p
        .string(BODY, &cp)
        .or_else(|| p.string(REPORT_TEXT, &cp))
        .filter(|b| !b.trim().is_empty())
        .or_else(|| html_body(p, &cp));
    if let Some(b) = &body {
        push_body(out, b);
    }
    if is_report {
        write_recipients(p, &cp, out, body.is_none());
    }
    write_attachments(p, decoders, &cp, out);
}

/// Each CR and LF as a space. Byte for byte (both are ASCII, so the text stays UTF-8): no
/// split-and-join generics in the page for it.
fn one_line(s: &str) -> String {
    let mut bytes = s.as_bytes().to_vec();
    for b in &mut bytes {
        if matches!(*b, b'\r' | b'\n') {
            *b = b' ';
        }
    }
    String::from_utf8(bytes).unwrap_or_default()
}

fn push_body(out: &mut String, body: &str) {
    for line in body.lines() {
        out.push_str(line);
        out.push('\n');
    }
    out.push('\n');
}

/// The HTML body (PT_BINARY in the message's code page, or a string) as text.
fn html_body(p: &Props<'_, '_>, cp: &CodePage<'_>) -> Option<String> {
    let html = match p.raw(HTML, 0x0102) {
        Some(b) => cp.decode(&b),
        None => p.string(HTML, cp)?,
    };
    let text = crate::decode::html_text(&html);
    (!text.trim().is_empty()).then_some(text)
}

/// The report Outlook draws from an NDR's recipient table, in the layout of Exchange's own
/// notice ("Delivery has failed to these recipients or groups:", then under "Diagnostic
/// information for administrators:" each address and "Remote Server returned '…'"), which
/// `mta::exchange2007` reads.
fn write_recipients(p: &Props<'_, '_>, cp: &CodePage<'_>, out: &mut String, heading: bool) {
    struct Row {
        address: String,
        info: Option<String>,
        mta: Option<String>,
        codes: String,
    }
    let mut rows = Vec::new();
    for r in p.storages("__RECIP_VERSION1.0_#", MAX_RECIPIENTS) {
        let r = Props::new(p.cfb, r, 8);
        let address = r
            .string(SMTP_ADDRESS, cp)
            .or_else(|| r.string(EMAIL_ADDRESS, cp).filter(|a| a.contains('@')))
            .or_else(|| r.string(DISPLAY_NAME, cp))
            .unwrap_or_default();
        let codes: Vec<String> = [
            ("reason", r.long(NDR_REASON_CODE)),
            ("diagnostic", r.long(NDR_DIAG_CODE)),
            ("status", r.long(NDR_STATUS_CODE)),
        ]
        .into_iter()
        .filter_map(|(n, v)| Some([n, &(v? as i32).to_string()].join(" ")))
        .collect();
        let info = r
            .string(SUPPLEMENTARY_INFO, cp)
            .map(|s| one_line(&s).trim().to_string())
            .filter(|s| !s.is_empty());
        if address.is_empty() && info.is_none() {
            continue;
        }
        rows.push(Row {
            address,
            info,
            mta: r.string(REMOTE_MTA, cp).filter(|m| !m.trim().is_empty()),
            codes: codes.join(", "),
        });
    }
    if rows.is_empty() {
        return;
    }
    if heading {
        out.push_str("Delivery has failed to these recipients or groups:\n\n");
        for r in &rows {
            out.push_str(&r.address);
            out.push_str("\n\n");
        }
    }
    out.push_str("Diagnostic information for administrators:\n\n");
    if let Some(mta) = rows.iter().find_map(|r| r.mta.as_deref()) {
        push_line(out, &["Generating server: ", &one_line(mta), "\n"]);
    }
    for r in &rows {
        out.push_str(&r.address);
        out.push('\n');
        if let Some(info) = &r.info {
            push_line(out, &["Remote Server returned '", info, "'"]);
        }
        if !r.codes.is_empty() {
            // The MAPI report codes, for an engineer; no reader takes them.
            push_line(out, &["(NDR codes: ", &r.codes, ")"]);
        }
        out.push('\n');
    }
}

/// Attachments: the DSN parts kept as text, and the headers of an attached message under
/// Exchange's "Original message headers:" line (where `mta::exchange2007` looks for them).
fn write_attachments(
    p: &Props<'_, '_>,
    decoders: &Decoders<'_>,
    cp: &CodePage<'_>,
    out: &mut String,
) {
    let mut originals = String::new();
    for a in p.storages("__ATTACH_VERSION1.0_#", MAX_ATTACHMENTS) {
        let a = Props::new(p.cfb, a, 8);
        if let Some(inner) = a
            .entry("__SUBSTG1.0_3701000D")
            .filter(|&c| p.cfb.entries.get(c as usize).is_some_and(|e| e.kind == 1))
        {
            let inner = Props::new(p.cfb, inner, 24);
            let mut h = String::new();
            write_message(&inner, decoders, &mut h, 1);
            if !h.trim().is_empty() {
                originals.push_str(&h);
                originals.push('\n');
            }
            continue;
        }
        let mime = a
            .string(ATTACH_MIME_TAG, cp)
            .unwrap_or_default()
            .to_ascii_lowercase();
        let name = a
            .string(ATTACH_LONG_FILENAME, cp)
            .unwrap_or_default()
            .to_ascii_lowercase();
        let texty = TEXT_ATTACHMENTS.iter().any(|t| mime.trim() == *t)
            || name.ends_with(".txt")
            || name.ends_with(".eml");
        if !texty {
            continue;
        }
        if let Some(data) = a.raw(ATTACH_DATA, 0x0102).filter(|d| d.len() <= 1 << 20) {
            let text = cp.decode(&data);
            if matches!(file_kind(data.as_slice()), FileKind::Text) && !text.trim().is_empty() {
                push_body(out, &text);
            }
        }
    }
    if !originals.is_empty() {
        out.push_str("Original message headers:\n\n");
        out.push_str(&originals);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_by_first_bytes() {
        assert_eq!(file_kind(b"\x89PNG\r\n\x1a\n\0\0"), FileKind::Binary("png"));
        assert_eq!(file_kind(b"%PDF-1.7\n"), FileKind::Binary("pdf"));
        assert_eq!(file_kind(b"PK\x03\x04rest"), FileKind::Binary("zip"));
        assert_eq!(file_kind(&MAGIC), FileKind::OutlookMsg);
        assert_eq!(file_kind(b"From: a@example.jp\n\nhello"), FileKind::Text);
        assert_eq!(
            file_kind(&[0u8, 1, 2, 3, 4, 5, 6, 7]),
            FileKind::Binary("binary")
        );
        assert_eq!(file_kind(b"\xFF\xFEF\0r\0"), FileKind::Text);
        assert_eq!(file_kind(b""), FileKind::Text);
    }

    #[test]
    fn not_a_compound_file() {
        assert_eq!(outlook_msg_text(b""), None);
        assert_eq!(outlook_msg_text(b"From: x\n\nbody"), None);
        assert_eq!(outlook_msg_text(&MAGIC), None);
        let mut header = vec![0u8; 512];
        header[..8].copy_from_slice(&MAGIC);
        assert_eq!(outlook_msg_text(&header), None);
    }

    #[test]
    fn headers_lose_their_mime_structure() {
        let mut out = String::new();
        push_headers(
            &mut out,
            "Received: from a\r\n\tby b\r\nContent-Type: multipart/report;\r\n\tboundary=\"x\"\r\nSubject: s\r\n\r\n",
        );
        assert_eq!(out, "Received: from a\n\tby b\nSubject: s\n");
    }
}
