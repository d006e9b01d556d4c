//! Finds every `text! { ja: …, en: … }` in Rust sources, for the `split-texts` table.
//!
//! A small lexer for the part of Rust the texts are written in: string literals with their
//! escapes and `\` line continuations, raw strings, `concat!` of literals, comments (doc
//! comments' code blocks are scanned too, since doctests call `text!`), and `macro_rules!`
//! whose expansion calls `text!` (`english_only!`), expanded at their call sites.
//!
//! It may find more than the compiler keeps (texts of tests, of unused macro arms); that only
//! adds entries. What it misses is a compile error at the `text!` (see `src/split.rs`), so a
//! text cannot go missing at run time.
//!
//! `shared_text!` is a `text!` whose English the Japanese file carries too (the fill-ins of
//! an English-only letter, which a Japanese page renders in English); [`scan_shared`] lists
//! those apart.
//!
//! Shared by `build.rs` and the unit tests in `tests/scan.rs`; std only.

/// One token tree: the lexer does not need to know Rust's grammar beyond this.
#[derive(Debug, Clone, PartialEq)]
pub enum Tree {
    Ident(String),
    Punct(char),
    /// A string literal's value (escapes resolved; raw strings as written).
    Str(String),
    /// A char literal's value.
    Char(char),
    /// Any other literal (numbers, byte strings), as written.
    Other(String),
    /// `(…)`, `[…]` or `{…}`, by its opening delimiter.
    Group(char, Vec<Tree>),
}

/// Every distinct joined text (Japanese, NUL, English) in `files`, sorted by bytes.
///
/// `files` are whole source files; macros defined in one file are expanded in all of them.
// build.rs calls `scan_shared`; the unit tests call both.
#[allow(dead_code)]
pub fn scan(files: &[&str]) -> Result<Vec<String>, String> {
    scan_shared(files).map(|(all, _)| all)
}

/// Every distinct joined text in `files`, and apart the ones written with `shared_text!`;
/// both sorted by bytes.
pub fn scan_shared(files: &[&str]) -> Result<(Vec<String>, Vec<String>), String> {
    let mut lexed = Vec::new();
    for (i, file) in files.iter().enumerate() {
        let (trees, docs) = lex(file).map_err(|e| format!("file {i}: {e}"))?;
        lexed.push(trees);
        for block in doc_code_blocks(&docs) {
            // A doctest that does not lex is not ours to judge; rustdoc will.
            if let Ok((trees, _)) = lex(&block) {
                lexed.push(trees);
            }
        }
    }
    let mut macros = Vec::new();
    for trees in &lexed {
        collect_macros(trees, &mut macros);
    }
    mark_text_macros(&mut macros);
    let mut found = Found::default();
    for trees in &lexed {
        walk(trees, &macros, 0, &mut found)?;
    }
    for list in [&mut found.all, &mut found.shared] {
        list.sort();
        list.dedup();
    }
    Ok((found.all, found.shared))
}

/// The joined texts a walk finds: all of them, and the `shared_text!` ones again.
#[derive(Default)]
struct Found {
    all: Vec<String>,
    shared: Vec<String>,
}

/// The macro whose texts' English the Japanese file carries too (`src/text.rs`).
const SHARED: &str = "shared_text";

// ---- Lexer ----------------------------------------------------------------------------------

/// The token trees of `src`, and the text of its doc comments (`///`, `//!`, `/** */`), one
/// line each.
pub fn lex(src: &str) -> Result<(Vec<Tree>, String), String> {
    let chars: Vec<char> = src.replace("\r\n", "\n").chars().collect();
    let mut lexer = Lexer {
        chars,
        pos: 0,
        docs: String::new(),
    };
    let trees = lexer.trees(None)?;
    Ok((trees, lexer.docs))
}

struct Lexer {
    chars: Vec<char>,
    pos: usize,
    docs: String,
}

impl Lexer {
    fn peek(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.pos + ahead).copied()
    }

    fn line(&self) -> usize {
        self.chars[..self.pos.min(self.chars.len())]
            .iter()
            .filter(|&&c| c == '\n')
            .count()
            + 1
    }

    fn error(&self, what: &str) -> String {
        format!("line {}: {what}", self.line())
    }

    /// Token trees up to the matching `close`, or to the end when `close` is `None`.
    fn trees(&mut self, close: Option<char>) -> Result<Vec<Tree>, String> {
        let mut out = Vec::new();
        loop {
            self.skip_trivia()?;
            let Some(c) = self.peek(0) else {
                return match close {
                    None => Ok(out),
                    Some(close) => Err(self.error(&format!("missing `{close}`"))),
                };
            };
            match c {
                '(' | '[' | '{' => {
                    self.pos += 1;
                    let close = match c {
                        '(' => ')',
                        '[' => ']',
                        _ => '}',
                    };
                    out.push(Tree::Group(c, self.trees(Some(close))?));
                }
                ')' | ']' | '}' => {
                    self.pos += 1;
                    return if Some(c) == close {
                        Ok(out)
                    } else {
                        Err(self.error(&format!("unexpected `{c}`")))
                    };
                }
                '"' => {
                    self.pos += 1;
                    out.push(Tree::Str(self.string()?));
                }
                'r' if self.raw_string_ahead(1) => {
                    self.pos += 1;
                    out.push(Tree::Str(self.raw_string()?));
                }
                'b' | 'c' if self.peek(1) == Some('"') => {
                    self.pos += 2;
                    let value = self.string()?;
                    out.push(Tree::Other(format!("{c}{value:?}")));
                }
                'b' | 'c' if self.peek(1) == Some('r') && self.raw_string_ahead(2) => {
                    self.pos += 2;
                    let value = self.raw_string()?;
                    out.push(Tree::Other(format!("{c}r{value:?}")));
                }
                'b' if self.peek(1) == Some('\'') => {
                    self.pos += 1;
                    let value = self.char_or_lifetime()?;
                    out.push(Tree::Other(format!("b{value:?}")));
                }
                '\'' => out.push(self.char_or_lifetime()?),
                c if c.is_ascii_digit() => out.push(Tree::Other(self.number())),
                c if c == '_' || c.is_alphanumeric() => {
                    let start = self.pos;
                    while self
                        .peek(0)
                        .is_some_and(|c| c == '_' || c.is_alphanumeric())
                    {
                        self.pos += 1;
                    }
                    out.push(Tree::Ident(self.chars[start..self.pos].iter().collect()));
                }
                c => {
                    self.pos += 1;
                    out.push(Tree::Punct(c));
                }
            }
        }
    }

    /// Whitespace and comments; doc comments go to `docs`.
    fn skip_trivia(&mut self) -> Result<(), String> {
        loop {
            match (self.peek(0), self.peek(1)) {
                (Some(c), _) if c.is_whitespace() => self.pos += 1,
                (Some('/'), Some('/')) => {
                    let start = self.pos;
                    while self.peek(0).is_some_and(|c| c != '\n') {
                        self.pos += 1;
                    }
                    let line: String = self.chars[start..self.pos].iter().collect();
                    // `///` and `//!` are docs; `////` is a plain comment.
                    let doc = line
                        .strip_prefix("///")
                        .filter(|rest| !rest.starts_with('/'))
                        .or_else(|| line.strip_prefix("//!"));
                    if let Some(doc) = doc {
                        self.docs.push_str(doc.strip_prefix(' ').unwrap_or(doc));
                        self.docs.push('\n');
                    }
                }
                (Some('/'), Some('*')) => {
                    let doc = matches!(self.peek(2), Some('*' | '!')) && self.peek(3) != Some('/');
                    self.pos += 2;
                    let start = self.pos;
                    let mut depth = 1;
                    while depth > 0 {
                        match (self.peek(0), self.peek(1)) {
                            (None, _) => return Err(self.error("unterminated block comment")),
                            (Some('/'), Some('*')) => {
                                depth += 1;
                                self.pos += 2;
                            }
                            (Some('*'), Some('/')) => {
                                depth -= 1;
                                self.pos += 2;
                            }
                            _ => self.pos += 1,
                        }
                    }
                    if doc {
                        let body: String = self.chars[start + 1..self.pos - 2].iter().collect();
                        for line in body.lines() {
                            let line = line.trim_start();
                            let line = line.strip_prefix('*').unwrap_or(line);
                            self.docs.push_str(line.strip_prefix(' ').unwrap_or(line));
                            self.docs.push('\n');
                        }
                    }
                }
                _ => return Ok(()),
            }
        }
    }

    /// After an opening `"`: the value up to the closing `"`.
    fn string(&mut self) -> Result<String, String> {
        let mut value = String::new();
        loop {
            let Some(c) = self.peek(0) else {
                return Err(self.error("unterminated string"));
            };
            self.pos += 1;
            match c {
                '"' => return Ok(value),
                '\\' => {
                    if let Some(c) = self.escape(true)? {
                        value.push(c);
                    }
                }
                c => value.push(c),
            }
        }
    }

    /// After a `\`: the escaped char, or `None` for a line continuation, which skips the
    /// newline and the whitespace that starts the next line.
    fn escape(&mut self, in_string: bool) -> Result<Option<char>, String> {
        let Some(c) = self.peek(0) else {
            return Err(self.error("escape at the end of the file"));
        };
        self.pos += 1;
        Ok(Some(match c {
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            '\\' => '\\',
            '0' => '\0',
            '\'' => '\'',
            '"' => '"',
            'x' => {
                let hex: String = self.chars.iter().skip(self.pos).take(2).collect();
                self.pos += 2;
                let byte = u8::from_str_radix(&hex, 16)
                    .ok()
                    .filter(|b| b.is_ascii())
                    .ok_or_else(|| self.error(&format!("bad escape \\x{hex}")))?;
                char::from(byte)
            }
            'u' => {
                if self.peek(0) != Some('{') {
                    return Err(self.error("bad \\u escape"));
                }
                let start = self.pos + 1;
                while self.peek(0).is_some_and(|c| c != '}') {
                    self.pos += 1;
                }
                let hex: String = self.chars[start..self.pos]
                    .iter()
                    .filter(|&&c| c != '_')
                    .collect();
                self.pos += 1;
                u32::from_str_radix(&hex, 16)
                    .ok()
                    .and_then(char::from_u32)
                    .ok_or_else(|| self.error(&format!("bad escape \\u{{{hex}}}")))?
            }
            '\n' if in_string => {
                while self
                    .peek(0)
                    .is_some_and(|c| matches!(c, ' ' | '\t' | '\n' | '\r'))
                {
                    self.pos += 1;
                }
                return Ok(None);
            }
            other => return Err(self.error(&format!("unknown escape \\{other}"))),
        }))
    }

    /// Whether `r`, `#`s and `"` start at `ahead`, that is a raw string rather than an
    /// identifier beginning with `r`.
    fn raw_string_ahead(&self, ahead: usize) -> bool {
        let mut i = ahead;
        while self.peek(i) == Some('#') {
            i += 1;
        }
        self.peek(i) == Some('"')
    }

    /// After the `r`: `#`s, `"`, the value, `"`, the same number of `#`s.
    fn raw_string(&mut self) -> Result<String, String> {
        let mut hashes = 0;
        while self.peek(0) == Some('#') {
            hashes += 1;
            self.pos += 1;
        }
        self.pos += 1; // the opening quote
        let start = self.pos;
        loop {
            match self.peek(0) {
                None => return Err(self.error("unterminated raw string")),
                Some('"') if (1..=hashes).all(|i| self.peek(i) == Some('#')) => {
                    let value = self.chars[start..self.pos].iter().collect();
                    self.pos += 1 + hashes;
                    return Ok(value);
                }
                Some(_) => self.pos += 1,
            }
        }
    }

    /// At a `'`: a char literal (`'a'`, `'\n'`), or a lifetime or label (`'static`).
    fn char_or_lifetime(&mut self) -> Result<Tree, String> {
        self.pos += 1;
        match (self.peek(0), self.peek(1)) {
            (Some('\\'), _) => {
                self.pos += 1;
                let c = self.escape(false)?.unwrap_or('\n');
                if self.peek(0) != Some('\'') {
                    return Err(self.error("unterminated char literal"));
                }
                self.pos += 1;
                Ok(Tree::Char(c))
            }
            (Some(c), Some('\'')) => {
                self.pos += 2;
                Ok(Tree::Char(c))
            }
            _ => {
                let start = self.pos;
                while self
                    .peek(0)
                    .is_some_and(|c| c == '_' || c.is_alphanumeric())
                {
                    self.pos += 1;
                }
                let name: String = self.chars[start..self.pos].iter().collect();
                Ok(Tree::Ident(format!("'{name}")))
            }
        }
    }

    /// A number with its suffix (`1`, `0x1F`, `2.5`, `10u32`); `0..3` stays a range.
    fn number(&mut self) -> String {
        let start = self.pos;
        loop {
            match self.peek(0) {
                Some(c) if c == '_' || c.is_alphanumeric() => self.pos += 1,
                Some('.') if self.peek(1).is_some_and(|c| c.is_ascii_digit()) => self.pos += 1,
                _ => break,
            }
        }
        self.chars[start..self.pos].iter().collect()
    }
}

/// The Rust code blocks in doc text: fenced with ``` and an empty info string or one that
/// names a doctest kind; hidden lines (`# …`) are code too.
pub fn doc_code_blocks(docs: &str) -> Vec<String> {
    enum In {
        Prose,
        Rust(String),
        OtherCode,
    }
    let mut blocks = Vec::new();
    let mut state = In::Prose;
    for line in docs.lines() {
        let trimmed = line.trim_start();
        if let Some(info) = trimmed.strip_prefix("```") {
            state = match std::mem::replace(&mut state, In::Prose) {
                In::Rust(block) => {
                    blocks.push(block);
                    In::Prose
                }
                In::OtherCode => In::Prose,
                In::Prose => {
                    let rust = info.split(',').map(str::trim).all(|word| {
                        matches!(
                            word,
                            "" | "rust" | "compile_fail" | "no_run" | "ignore" | "should_panic"
                        ) || word.starts_with("edition")
                    });
                    if rust {
                        In::Rust(String::new())
                    } else {
                        In::OtherCode
                    }
                }
            };
            continue;
        }
        if let In::Rust(block) = &mut state {
            let code = match trimmed {
                "#" => "",
                _ => trimmed.strip_prefix("# ").unwrap_or(line),
            };
            block.push_str(code);
            block.push('\n');
        }
    }
    blocks
}

// ---- Macros ---------------------------------------------------------------------------------

struct Macro {
    name: String,
    arms: Vec<(Vec<Tree>, Vec<Tree>)>,
    /// Whether its expansion (directly or through another such macro) calls `text!`.
    makes_texts: bool,
}

fn collect_macros(trees: &[Tree], out: &mut Vec<Macro>) {
    let mut i = 0;
    while i < trees.len() {
        if let [Tree::Ident(kw), Tree::Punct('!'), Tree::Ident(name), Tree::Group(_, body), ..] =
            &trees[i..]
        {
            if kw == "macro_rules" && name != "text" && name != SHARED {
                out.push(Macro {
                    name: name.clone(),
                    arms: arms(body),
                    makes_texts: false,
                });
                i += 4;
                continue;
            }
        }
        if let Tree::Group(_, inner) = &trees[i] {
            collect_macros(inner, out);
        }
        i += 1;
    }
}

/// `(pattern) => { expansion };` pairs.
fn arms(body: &[Tree]) -> Vec<(Vec<Tree>, Vec<Tree>)> {
    let mut arms = Vec::new();
    let mut i = 0;
    while i < body.len() {
        if let [Tree::Group(_, pattern), Tree::Punct('='), Tree::Punct('>'), Tree::Group(_, expansion), ..] =
            &body[i..]
        {
            arms.push((pattern.clone(), expansion.clone()));
            i += 4;
        } else {
            i += 1;
        }
    }
    arms
}

fn mark_text_macros(macros: &mut [Macro]) {
    loop {
        let known: Vec<String> = macros
            .iter()
            .filter(|m| m.makes_texts)
            .map(|m| m.name.clone())
            .collect();
        let mut changed = false;
        for m in macros.iter_mut().filter(|m| !m.makes_texts) {
            if m.arms.iter().any(|(_, expansion)| {
                calls(expansion, "text")
                    || calls(expansion, SHARED)
                    || known.iter().any(|k| calls(expansion, k))
            }) {
                m.makes_texts = true;
                changed = true;
            }
        }
        if !changed {
            return;
        }
    }
}

/// Whether `trees` contain `name!` at any depth.
fn calls(trees: &[Tree], name: &str) -> bool {
    trees
        .windows(2)
        .any(|w| matches!(w, [Tree::Ident(n), Tree::Punct('!')] if n == name))
        || trees
            .iter()
            .any(|t| matches!(t, Tree::Group(_, inner) if calls(inner, name)))
}

/// A macro's `$vars` and the tokens each stands for.
type Bindings = Vec<(String, Vec<Tree>)>;

/// Binds a macro arm's pattern to an invocation's tokens; `None` when they do not match.
/// Knows `$name:literal`, `:ident`, `:tt` and `:expr` (up to the next comma).
fn bind(pattern: &[Tree], args: &[Tree], name: &str) -> Result<Option<Bindings>, String> {
    let mut bound = Vec::new();
    let (mut p, mut a) = (0, 0);
    while p < pattern.len() {
        match &pattern[p..] {
            [Tree::Punct('$'), Tree::Ident(var), Tree::Punct(':'), Tree::Ident(kind), ..] => {
                let take = match kind.as_str() {
                    "literal" => match args.get(a) {
                        Some(Tree::Str(_) | Tree::Char(_) | Tree::Other(_)) => 1,
                        _ => return Ok(None),
                    },
                    "ident" => match args.get(a) {
                        Some(Tree::Ident(_)) => 1,
                        _ => return Ok(None),
                    },
                    "tt" => usize::from(a < args.len()),
                    "expr" => args[a.min(args.len())..]
                        .iter()
                        .take_while(|t| **t != Tree::Punct(','))
                        .count(),
                    other => {
                        return Err(format!(
                            "macro `{name}!` calls `text!` with a `${var}:{other}` the scanner cannot bind; \
                             teach build/scan.rs or pass literals"
                        ))
                    }
                };
                if take == 0 {
                    return Ok(None);
                }
                bound.push((var.clone(), args[a..a + take].to_vec()));
                a += take;
                p += 4;
            }
            [Tree::Punct('$'), Tree::Group(..), ..] => {
                return Err(format!(
                    "macro `{name}!` calls `text!` and has a repetition, which build/scan.rs does not expand"
                ))
            }
            _ => {
                if args.get(a) != pattern.get(p) {
                    return Ok(None);
                }
                a += 1;
                p += 1;
            }
        }
    }
    Ok((a == args.len()).then_some(bound))
}

fn substitute(expansion: &[Tree], bound: &[(String, Vec<Tree>)]) -> Vec<Tree> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < expansion.len() {
        match &expansion[i..] {
            [Tree::Punct('$'), Tree::Ident(var), ..] => {
                match bound.iter().find(|(name, _)| name == var) {
                    Some((_, tokens)) => out.extend(tokens.iter().cloned()),
                    // `$crate` and the like: the path does not matter to the scanner.
                    None => out.push(Tree::Ident(var.clone())),
                }
                i += 2;
            }
            [Tree::Group(delim, inner), ..] => {
                out.push(Tree::Group(*delim, substitute(inner, bound)));
                i += 1;
            }
            _ => {
                out.extend(expansion.get(i).cloned());
                i += 1;
            }
        }
    }
    out
}

// ---- Walking --------------------------------------------------------------------------------

/// Macros calling macros calling `text!`: a bound on the depth, as rustc has one.
const MAX_DEPTH: usize = 32;

fn walk(trees: &[Tree], macros: &[Macro], depth: usize, found: &mut Found) -> Result<(), String> {
    if depth > MAX_DEPTH {
        return Err("macros nest too deep".to_owned());
    }
    let mut i = 0;
    while i < trees.len() {
        match &trees[i..] {
            // A definition's body holds `$vars`, not texts; its call sites are walked instead.
            [Tree::Ident(kw), Tree::Punct('!'), Tree::Ident(_), Tree::Group(..), ..]
                if kw == "macro_rules" =>
            {
                i += 4;
                continue;
            }
            [Tree::Ident(name), Tree::Punct('!'), Tree::Group(_, args), ..] => {
                if name == "text" || name == SHARED {
                    if let Some(joined) = text_args(args) {
                        if name == SHARED {
                            found.shared.push(joined.clone());
                        }
                        found.all.push(joined);
                    }
                } else {
                    for m in macros.iter().filter(|m| m.makes_texts && &m.name == name) {
                        for (pattern, expansion) in &m.arms {
                            if let Some(bound) = bind(pattern, args, name)? {
                                walk(&substitute(expansion, &bound), macros, depth + 1, found)?;
                                break;
                            }
                        }
                    }
                }
                walk(args, macros, depth, found)?;
                i += 3;
                continue;
            }
            [Tree::Group(_, inner), ..] => walk(inner, macros, depth, found)?,
            _ => {}
        }
        i += 1;
    }
    Ok(())
}

/// `ja: EXPR, en: EXPR` (a trailing comma allowed) as the joined text; `None` when the sides
/// are not literals, or hold a NUL (which `text!` refuses anyway).
fn text_args(args: &[Tree]) -> Option<String> {
    let parts = split_commas(args);
    let parts: &[&[Tree]] = match parts.as_slice() {
        [a, b] | [a, b, []] => &[a, b],
        _ => return None,
    };
    let side = |part: &[Tree], key: &str| match part {
        [Tree::Ident(k), Tree::Punct(':'), expr @ ..] if k == key => literal(expr),
        _ => None,
    };
    let ja = side(parts[0], "ja")?;
    let en = side(parts[1], "en")?;
    if ja.contains('\0') || en.contains('\0') {
        return None;
    }
    Some(format!("{ja}\0{en}"))
}

fn split_commas(trees: &[Tree]) -> Vec<&[Tree]> {
    trees.split(|t| *t == Tree::Punct(',')).collect()
}

/// The value of a string literal, a char literal, or `concat!` of them.
fn literal(expr: &[Tree]) -> Option<String> {
    match expr {
        [Tree::Str(s)] => Some(s.clone()),
        [Tree::Char(c)] => Some(c.to_string()),
        [Tree::Ident(name), Tree::Punct('!'), Tree::Group(_, args)] if name == "concat" => {
            let mut parts = split_commas(args);
            if parts.last().is_some_and(|p| p.is_empty()) {
                parts.pop();
            }
            let mut out = String::new();
            for part in parts {
                out.push_str(&literal(part)?);
            }
            Some(out)
        }
        _ => None,
    }
}
