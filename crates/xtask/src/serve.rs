//! `cargo xtask serve`: build the release bundle, then serve `dist/` on 127.0.0.1 until Ctrl-C.
//!
//! A tiny static file server rather than `trunk serve`: it serves exactly what GitHub
//! Pages would, with no live-reload script injected and no rebuild on every file save.

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::thread;
use std::time::Duration;

use crate::workspace::Workspace;
use crate::{bundle, install, Result};

const DEFAULT_PORT: u16 = 8080;

/// Request heads larger than this are refused rather than buffered without end.
const MAX_HEAD_BYTES: usize = 16 * 1024;

pub fn main(ws: &Workspace, args: &[String]) -> Result {
    let port = parse_port(args)?;
    install::web_tools(ws)?;
    bundle::build(ws)?;
    let listener = TcpListener::bind(("127.0.0.1", port))
        .map_err(|err| format!("cannot listen on 127.0.0.1:{port}: {err}; try --port 0"))?;
    let addr = listener
        .local_addr()
        .map_err(|err| format!("cannot read the listening address: {err}"))?;
    println!("\nNDR Doctor is served at http://{addr}/  (Ctrl-C to stop)");
    let root = ws.dist_dir();
    for stream in listener.incoming() {
        let Ok(stream) = stream else { continue };
        let root = root.clone();
        thread::spawn(move || {
            // A client that hangs up early is its own business.
            let _ = respond(stream, &root);
        });
    }
    Ok(())
}

fn parse_port(args: &[String]) -> Result<u16> {
    match args {
        [] => Ok(DEFAULT_PORT),
        [flag, value] if flag == "--port" => value
            .parse()
            .map_err(|_| format!("--port wants a number from 0 to 65535, not `{value}`")),
        [other, ..] => Err(format!(
            "unexpected argument `{other}`; usage: cargo xtask serve [--port N]"
        )),
    }
}

fn respond(stream: TcpStream, root: &Path) -> std::io::Result<()> {
    // A client that opens a connection and sends nothing must not hold a thread forever.
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut head = Vec::new();
    let mut line = String::new();
    loop {
        line.clear();
        if reader.read_line(&mut line)? == 0 || line == "\r\n" || line == "\n" {
            break;
        }
        if head.len() + line.len() > MAX_HEAD_BYTES {
            return reply(
                stream,
                "431 Request Header Fields Too Large",
                "text/plain",
                b"",
                true,
            );
        }
        head.push(line.clone());
    }
    let request_line = head.first().map(String::as_str).unwrap_or_default();
    let mut parts = request_line.split_whitespace();
    let (method, target) = (
        parts.next().unwrap_or_default(),
        parts.next().unwrap_or_default(),
    );
    let with_body = method != "HEAD";
    if method != "GET" && method != "HEAD" {
        return reply(
            stream,
            "405 Method Not Allowed",
            "text/plain",
            b"GET or HEAD only\n",
            true,
        );
    }
    match resolve(root, target).and_then(|file| fs::read(&file).ok().map(|body| (file, body))) {
        Some((file, body)) => reply(stream, "200 OK", content_type(&file), &body, with_body),
        None => reply(
            stream,
            "404 Not Found",
            "text/plain",
            b"not found\n",
            with_body,
        ),
    }
}

fn reply(
    mut stream: TcpStream,
    status: &str,
    kind: &str,
    body: &[u8],
    with_body: bool,
) -> std::io::Result<()> {
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    if with_body {
        stream.write_all(body)?;
    }
    stream.flush()
}

/// Maps a request target to a file under `root`; `None` for anything that would leave it.
fn resolve(root: &Path, target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next().unwrap_or_default();
    let path = percent_decode(path)?;
    let mut file = root.to_path_buf();
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => return None,
            s if s.contains('\\') || s.contains('\0') => return None,
            s => file.push(s),
        }
    }
    if file.is_dir() {
        file.push("index.html");
    }
    file.is_file().then_some(file)
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            let hex = std::str::from_utf8(hex).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// `application/wasm` matters: browsers only stream-compile wasm served with it.
fn content_type(file: &Path) -> &'static str {
    match file
        .extension()
        .and_then(|ext| ext.to_str())
        .unwrap_or_default()
    {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        "webmanifest" => "application/manifest+json",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_inside_root_only() {
        let root = std::env::temp_dir().join(format!("xtask-serve-{}", std::process::id()));
        fs::create_dir_all(root.join("sub")).unwrap();
        fs::write(root.join("index.html"), "x").unwrap();
        fs::write(root.join("sub/a b.js"), "x").unwrap();

        assert_eq!(resolve(&root, "/"), Some(root.join("index.html")));
        assert_eq!(
            resolve(&root, "/?lang=ja#code"),
            Some(root.join("index.html"))
        );
        assert_eq!(
            resolve(&root, "/sub/a%20b.js"),
            Some(root.join("sub/a b.js"))
        );
        assert_eq!(resolve(&root, "/../etc/passwd"), None);
        assert_eq!(resolve(&root, "/sub/%2e%2e/%2e%2e/x"), None);
        assert_eq!(resolve(&root, "/%zz"), None);
        assert_eq!(resolve(&root, "/%e3%81"), None);
        assert_eq!(resolve(&root, "/missing.js"), None);
        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn wasm_has_its_streaming_type() {
        assert_eq!(content_type(Path::new("x_bg.wasm")), "application/wasm");
        assert_eq!(content_type(Path::new("noext")), "application/octet-stream");
    }

    #[test]
    fn port_argument() {
        assert_eq!(parse_port(&[]), Ok(DEFAULT_PORT));
        assert_eq!(parse_port(&["--port".into(), "0".into()]), Ok(0));
        assert!(parse_port(&["--port".into(), "http".into()]).is_err());
        assert!(parse_port(&["--prot".into()]).is_err());
    }
}
