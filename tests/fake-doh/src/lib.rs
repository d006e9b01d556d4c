//! A real DoH JSON server on 127.0.0.1 for tests: it answers like dns.google (`/resolve`) and
//! cloudflare-dns.com (`/dns-query`) from fixtures and the RFC 5782 test points, and can be
//! told to be slow, fail, rate-limit, send broken JSON, refuse, answer NXDOMAIN for everything,
//! lie, or SERVFAIL, for all zones or one.
//!
//! ```no_run
//! use ndr_fake_doh::{Config, FakeDoh, Mode};
//! let doh = FakeDoh::start(Config::new()).unwrap();
//! let google_style = doh.google_url(); // http://127.0.0.1:PORT/resolve
//! doh.set_zone_mode("zen.spamhaus.org", Mode::Refuse);
//! ```
//!
//! Endpoints:
//! - `GET /resolve?name=&type=`: Google-style JSON.
//! - `GET /dns-query?name=&type=` with `accept: application/dns-json`: Cloudflare-style JSON
//!   (without that header the answer is 400, as the wire-format endpoint would give).
//! - `GET /_control?mode=M[&zone=Z][&delay_ms=N][&retry_after=S]`: change the fault mode;
//!   without `zone` the global mode is set and every per-zone mode is cleared.
//! - `GET /_log` (the requests received, as JSON), `GET /_log?clear=1` (clear them).
//! - `OPTIONS` on any path: a CORS preflight answer.

#![deny(missing_docs)]

mod dns;
mod http;

pub use dns::{Data, Fixture, Mode, TypeName};

use dns::{FixtureFile, FixtureMap, Style};
use http::{Request, Response};
use serde::Serialize;
use serde_json::json;
use std::io;
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::Duration;

/// How to start the server.
#[derive(Debug, Clone)]
pub struct Config {
    /// The port on 127.0.0.1; 0 picks a free one.
    pub port: u16,
    /// A folder of `*.json` fixture files (see [`Fixture`]), read at start.
    pub fixtures_dir: Option<PathBuf>,
    /// Fixtures given in code; they win over files for the same name and type.
    pub fixtures: Vec<Fixture>,
    /// The global fault mode at start.
    pub mode: Mode,
}

impl Default for Config {
    fn default() -> Self {
        Config::new()
    }
}

impl Config {
    /// Any free port, no fixtures, normal mode.
    pub fn new() -> Config {
        Config {
            port: 0,
            fixtures_dir: None,
            fixtures: Vec::new(),
            mode: Mode::Normal,
        }
    }

    /// Reads fixtures from this folder.
    pub fn fixtures_dir(mut self, dir: impl Into<PathBuf>) -> Config {
        self.fixtures_dir = Some(dir.into());
        self
    }

    /// Adds one fixture.
    pub fn fixture(mut self, fixture: Fixture) -> Config {
        self.fixtures.push(fixture);
        self
    }

    /// Starts in this mode.
    pub fn mode(mut self, mode: Mode) -> Config {
        self.mode = mode;
        self
    }

    /// Listens on this port.
    pub fn port(mut self, port: u16) -> Config {
        self.port = port;
        self
    }
}

/// One request the server received (DoH questions and preflights; not `/_log` or `/_control`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LogEntry {
    /// `GET`, `OPTIONS`, ...
    pub method: String,
    /// `/resolve`, `/dns-query`, ...
    pub path: String,
    /// The raw query string.
    pub query: String,
    /// The `Accept` header, if sent.
    pub accept: Option<String>,
    /// The `Origin` header, if sent.
    pub origin: Option<String>,
    /// The decoded `name` parameter, if any.
    pub name: Option<String>,
    /// The `type` parameter as sent, if any.
    #[serde(rename = "type")]
    pub rtype: Option<String>,
}

struct State {
    global: Mode,
    zones: Vec<(String, Mode)>,
    log: Vec<LogEntry>,
}

struct Shared {
    fixtures: FixtureMap,
    state: Mutex<State>,
}

impl Shared {
    fn state(&self) -> MutexGuard<'_, State> {
        // A panicking connection thread must not take the whole server down with it.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The mode for a question name: the longest matching zone override, else the global mode.
    fn mode_for(&self, name: &str) -> Mode {
        let state = self.state();
        state
            .zones
            .iter()
            .filter(|(zone, _)| name == zone || name.ends_with(&format!(".{zone}")))
            .max_by_key(|(zone, _)| zone.len())
            .map(|(_, m)| m.clone())
            .unwrap_or_else(|| state.global.clone())
    }
}

/// A running fake resolver; it stops when dropped.
pub struct FakeDoh {
    addr: SocketAddr,
    shared: Arc<Shared>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl FakeDoh {
    /// Binds 127.0.0.1, reads the fixtures and serves on a background thread.
    pub fn start(config: Config) -> io::Result<FakeDoh> {
        let mut fixtures = FixtureMap::new();
        if let Some(dir) = &config.fixtures_dir {
            load_dir(dir, &mut fixtures)?;
        }
        for f in config.fixtures {
            insert(&mut fixtures, f)?;
        }
        let listener = TcpListener::bind(("127.0.0.1", config.port))?;
        let addr = listener.local_addr()?;
        let shared = Arc::new(Shared {
            fixtures,
            state: Mutex::new(State {
                global: config.mode,
                zones: Vec::new(),
                log: Vec::new(),
            }),
        });
        let stop = Arc::new(AtomicBool::new(false));
        let thread = {
            let shared = Arc::clone(&shared);
            let stop = Arc::clone(&stop);
            std::thread::Builder::new()
                .name("fake-doh-accept".into())
                .spawn(move || accept_loop(listener, shared, stop))?
        };
        Ok(FakeDoh {
            addr,
            shared,
            stop,
            thread: Some(thread),
        })
    }

    /// `http://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The Google-style endpoint, `http://127.0.0.1:PORT/resolve`.
    pub fn google_url(&self) -> String {
        format!("{}/resolve", self.url())
    }

    /// The Cloudflare-style endpoint, `http://127.0.0.1:PORT/dns-query`.
    pub fn cloudflare_url(&self) -> String {
        format!("{}/dns-query", self.url())
    }

    /// The port it listens on.
    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    /// Sets the global mode and clears every per-zone mode.
    pub fn set_mode(&self, mode: Mode) {
        let mut state = self.shared.state();
        state.global = mode;
        state.zones.clear();
    }

    /// Sets the mode for one zone (and the names under it) only.
    pub fn set_zone_mode(&self, zone: &str, mode: Mode) {
        let zone = dns::normalize(zone);
        let mut state = self.shared.state();
        state.zones.retain(|(z, _)| *z != zone);
        state.zones.push((zone, mode));
    }

    /// The requests received so far.
    pub fn log(&self) -> Vec<LogEntry> {
        self.shared.state().log.clone()
    }

    /// Forgets the requests received so far.
    pub fn clear_log(&self) {
        self.shared.state().log.clear();
    }

    /// Serves until the process ends (for the binary).
    pub fn wait(mut self) {
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Drop for FakeDoh {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the blocking accept so the thread sees the flag.
        let _ = TcpStream::connect(self.addr);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn insert(map: &mut FixtureMap, f: Fixture) -> io::Result<()> {
    let qtype = f.type_number().ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!("fixture {:?}: unknown type {:?}", f.name, f.rtype),
        )
    })?;
    map.insert((dns::normalize(&f.name), qtype), f);
    Ok(())
}

fn load_dir(dir: &Path, map: &mut FixtureMap) -> io::Result<()> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    for path in paths {
        let text = std::fs::read_to_string(&path)?;
        let file: FixtureFile = serde_json::from_str(&text).map_err(|e| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                format!("{}: {e}", path.display()),
            )
        })?;
        let list = match file {
            FixtureFile::Many(v) => v,
            FixtureFile::One(f) => vec![f],
        };
        for f in list {
            insert(map, f)?;
        }
    }
    Ok(())
}

fn accept_loop(listener: TcpListener, shared: Arc<Shared>, stop: Arc<AtomicBool>) {
    for conn in listener.incoming() {
        if stop.load(Ordering::SeqCst) {
            break;
        }
        let Ok(stream) = conn else { continue };
        let shared = Arc::clone(&shared);
        // One thread per connection: slow mode must not hold up other questions.
        let _ = std::thread::Builder::new()
            .name("fake-doh-conn".into())
            .spawn(move || serve(stream, &shared));
    }
}

fn serve(mut stream: TcpStream, shared: &Shared) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let request = match http::read_request(&mut stream) {
        Ok(Some(r)) => r,
        Ok(None) => return,
        Err(_) => {
            let _ = http::write_response(&mut stream, &Response::text(400, "bad request\n"));
            return;
        }
    };
    let response = respond(shared, &request);
    let _ = http::write_response(&mut stream, &response);
    let _ = stream.shutdown(Shutdown::Both);
}

fn respond(shared: &Shared, req: &Request) -> Response {
    if req.path == "/_control" && req.method == "GET" {
        return control(shared, req);
    }
    if req.path == "/_log" && req.method == "GET" {
        let mut state = shared.state();
        let body = serde_json::to_value(&state.log).unwrap_or_default();
        if req.param("clear").is_some_and(|v| v == "1" || v == "true") {
            state.log.clear();
        }
        return Response::json(&body);
    }
    shared.state().log.push(LogEntry {
        method: req.method.clone(),
        path: req.path.clone(),
        query: req.query.clone(),
        accept: req.header("accept").map(str::to_string),
        origin: req.header("origin").map(str::to_string),
        name: req.param("name"),
        rtype: req.param("type"),
    });
    if req.method == "OPTIONS" {
        let mut r = Response::new(204, "text/plain", Vec::new());
        r.headers
            .push(("Access-Control-Allow-Methods", "GET, OPTIONS".into()));
        r.headers.push((
            "Access-Control-Allow-Headers",
            req.header("access-control-request-headers")
                .unwrap_or("accept, content-type")
                .to_string(),
        ));
        r.headers.push(("Access-Control-Max-Age", "600".into()));
        return r;
    }
    let style = match req.path.as_str() {
        "/resolve" => Style::Google,
        "/dns-query" => Style::Cloudflare,
        _ => return Response::text(404, "not found\n"),
    };
    if req.method != "GET" {
        return Response::text(405, "only GET is served here\n");
    }
    if style == Style::Cloudflare && req.header("accept") != Some("application/dns-json") {
        // Cloudflare serves JSON only for exactly this Accept value; otherwise the path is
        // the RFC 8484 wire-format endpoint, which wants a `dns=` parameter.
        return Response::text(400, "missing accept: application/dns-json\n");
    }
    let name = match req.param("name") {
        Some(n) if !n.trim_end_matches('.').is_empty() && n.len() <= 254 => dns::normalize(&n),
        _ => return Response::text(400, "invalid name\n"),
    };
    let Some(qtype) = dns::parse_type(req.param("type").as_deref()) else {
        return Response::text(400, "invalid type\n");
    };
    let mode = shared.mode_for(&name);
    match &mode {
        Mode::Slow { delay_ms } => std::thread::sleep(Duration::from_millis(*delay_ms)),
        Mode::Fail500 => return Response::text(500, "internal error (fake)\n"),
        Mode::Rate429 { retry_after } => {
            let mut r = Response::text(429, "too many requests (fake)\n");
            r.headers.push(("Retry-After", retry_after.to_string()));
            return r;
        }
        Mode::BadJson => {
            return Response::new(200, "application/json", r#"{"Status":0,"Answer":[{"name":"#)
        }
        _ => {}
    }
    let answer = dns::answer(&mode, &shared.fixtures, &name, qtype);
    let body = dns::render(style, &name, qtype, &answer);
    let mut r = Response::json(&body);
    if style == Style::Cloudflare {
        r.headers[0].1 = "application/dns-json".into();
    }
    r
}

fn control(shared: &Shared, req: &Request) -> Response {
    let Some(name) = req.param("mode") else {
        return Response::text(400, "mode is required\n");
    };
    let mode = match Mode::parse(
        &name,
        req.param("delay_ms").as_deref(),
        req.param("retry_after").as_deref(),
    ) {
        Ok(m) => m,
        Err(e) => return Response::text(400, &format!("{e}\n")),
    };
    let zone = req.param("zone").map(|z| dns::normalize(&z));
    {
        let mut state = shared.state();
        match &zone {
            Some(z) => {
                state.zones.retain(|(zz, _)| zz != z);
                state.zones.push((z.clone(), mode.clone()));
            }
            None => {
                state.global = mode.clone();
                state.zones.clear();
            }
        }
    }
    Response::json(&json!({"ok": true, "mode": mode.name(), "zone": zone}))
}
