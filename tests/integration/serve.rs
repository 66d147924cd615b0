//! `lotse serve` as an author uses it: the preview answers on the loopback interface,
//! reloads after an edit, shows the problems of broken content while the last good build
//! stays served, and never serves a file from outside its output folder.

use crate::harness;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{IpAddr, SocketAddr, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running `lotse serve`, stopped when dropped.
struct Preview {
    child: Child,
    address: SocketAddr,
}

impl Drop for Preview {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts the preview in the site folder, as authors do (`--root .`).
fn start(root: &Path, extra: &[&str]) -> Preview {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lotse"))
        .current_dir(root)
        .args(["--root", ".", "serve", "--port", "0"])
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start lotse serve");
    let mut lines = BufReader::new(child.stdout.take().expect("stdout"));
    let mut first = String::new();
    lines.read_line(&mut first).expect("first line");
    let address = first
        .strip_prefix("Vorschau unter http://")
        .and_then(|rest| rest.split('/').next())
        .and_then(|address| address.parse().ok())
        .unwrap_or_else(|| panic!("no address in {first:?}"));
    // Keep reading, so that the preview never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines.lines() {});
    Preview { child, address }
}

/// Status code and body of a GET of `target`, sent exactly as written (no normalising).
fn get(address: SocketAddr, target: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(address).expect("connect");
    stream.set_read_timeout(Some(Duration::from_secs(60))).expect("timeout");
    write!(stream, "GET {target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").expect("send");
    let mut response = Vec::new();
    stream.read_to_end(&mut response).expect("read");
    let response = String::from_utf8_lossy(&response).into_owned();
    let code = response.split(' ').nth(1).and_then(|code| code.parse().ok()).unwrap_or(0);
    let body = response.split_once("\r\n\r\n").map(|(_, body)| body.to_owned()).unwrap_or_default();
    (code, body)
}

/// The build number and the problems the preview reports.
fn status(address: SocketAddr, after: Option<u64>) -> (u64, Option<String>) {
    let target = after.map_or("/__lotse/status".to_owned(), |n| format!("/__lotse/status?after={n}"));
    let (code, body) = get(address, &target);
    assert_eq!(code, 200, "{body}");
    let state: serde_json::Value = serde_json::from_str(&body).expect("status JSON");
    let problems = state["problems"].as_str().map(str::to_owned);
    (state["build"].as_u64().expect("build number"), problems)
}

/// Waits until a build newer than `seen` is done.
fn next_build(address: SocketAddr, seen: u64) -> (u64, Option<String>) {
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        let (build, problems) = status(address, Some(seen));
        if build > seen || Instant::now() > deadline {
            return (build, problems);
        }
    }
}

#[test]
fn reloads_after_an_edit_and_shows_problems_while_the_content_is_broken() {
    let site = harness::copy_minimal();
    let preview = start(site.path(), &[]);
    let (first, problems) = next_build(preview.address, 0);
    assert_eq!((first, problems), (1, None));

    let (code, page) = get(preview.address, "/rollen/fachamtsleitung.html");
    assert_eq!(code, 200);
    assert!(page.contains("<script src=\"/__lotse/live.js\" defer></script></body>"), "{page}");
    let built = std::fs::read_to_string(site.path().join("output/rollen/fachamtsleitung.html")).expect("built page");
    assert!(!built.contains("__lotse"), "the script is only served, never written");
    let (code, script) = get(preview.address, "/__lotse/live.js");
    assert!(code == 200 && script.contains("location.reload()"), "{script}");

    let role = site.path().join("content/roles/fachamtsleitung.toml");
    let good = std::fs::read_to_string(&role).expect("role file");
    let renamed = good.replacen("name = \"Fachamtsleitung\"", "name = \"Amtsleitung im Test\"", 1);
    std::fs::write(&role, &renamed).expect("edit");
    let (second, problems) = next_build(preview.address, first);
    assert_eq!((second, problems), (first + 1, None));
    assert!(get(preview.address, "/rollen/fachamtsleitung.html").1.contains("Amtsleitung im Test"));

    std::fs::write(&role, renamed.replacen("summary = ", "summary = = ", 1)).expect("break");
    let (third, problems) = next_build(preview.address, second);
    let problems = problems.expect("the problems of the broken file");
    assert_eq!(third, second + 1);
    assert!(problems.contains("content/roles/fachamtsleitung.toml:2:"), "{problems}");
    assert!(problems.contains("1 Fehler"), "{problems}");
    let (code, page) = get(preview.address, "/rollen/fachamtsleitung.html");
    assert!(code == 200 && page.contains("Amtsleitung im Test"), "the last good build stays served");

    std::fs::write(&role, &good).expect("fix");
    let (fourth, problems) = next_build(preview.address, third);
    assert_eq!((fourth, problems), (third + 1, None));
    assert!(get(preview.address, "/rollen/fachamtsleitung.html").1.contains(">Fachamtsleitung<"));
}

#[test]
fn refuses_every_path_out_of_the_output_folder() {
    let site = harness::copy_minimal();
    std::fs::write(site.path().join("geheim.txt"), "GEHEIM").expect("secret");
    let preview = start(site.path(), &[]);
    next_build(preview.address, 0);
    #[cfg(unix)]
    std::os::unix::fs::symlink(site.path().join("geheim.txt"), site.path().join("output/verweis.txt")).expect("link");
    for target in [
        "/../geheim.txt",
        "/rollen/../../geheim.txt",
        "/%2e%2e/geheim.txt",
        "/%2E%2E/geheim.txt",
        "/..%2fgeheim.txt",
        "/rollen/..%2F..%2Fgeheim.txt",
        "/..%5cgeheim.txt",
        "/..\\geheim.txt",
        "//geheim.txt",
        &format!("{}/geheim.txt", site.path().display()),
        "/verweis.txt",
    ] {
        let (code, body) = get(preview.address, target);
        assert!(code == 403 || code == 404, "{target}: {code}");
        assert!(!body.contains("GEHEIM"), "{target}");
    }
    assert_eq!(get(preview.address, "/rollen").0, 301, "a folder without its slash is redirected");
    assert_eq!(get(preview.address, "/fehlt.html").0, 404);
}

#[test]
fn listens_on_the_loopback_interface_unless_told_otherwise() {
    let site = harness::copy_minimal();
    let preview = start(site.path(), &[]);
    assert!(preview.address.ip().is_loopback(), "{}", preview.address);
    if let Some(ip) = own_address() {
        let outside = SocketAddr::new(ip, preview.address.port());
        assert!(TcpStream::connect_timeout(&outside, Duration::from_secs(2)).is_err(), "reachable on {outside}");
    }
}

#[test]
fn listens_on_another_interface_when_bind_says_so() {
    let Some(ip) = own_address() else { return };
    let site = harness::copy_minimal();
    let preview = start(site.path(), &["--bind", "0.0.0.0", "--quiet"]);
    let outside = SocketAddr::new(ip, preview.address.port());
    assert!(TcpStream::connect_timeout(&outside, Duration::from_secs(5)).is_ok(), "not reachable on {outside}");
}

/// This machine's address on its network, if it has one besides the loopback.
fn own_address() -> Option<IpAddr> {
    let socket = std::net::UdpSocket::bind("0.0.0.0:0").ok()?;
    // Connecting a UDP socket sends nothing; it only picks the interface.
    socket.connect("192.0.2.1:9").ok()?;
    Some(socket.local_addr().ok()?.ip()).filter(|ip| !ip.is_loopback() && !ip.is_unspecified())
}

#[test]
fn a_taken_port_is_an_error_that_says_what_to_do() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = taken.local_addr().expect("address").port().to_string();
    let site = harness::copy_minimal();
    let output = Command::new(env!("CARGO_BIN_EXE_lotse"))
        .args(["--root", site.path().to_str().expect("utf-8"), "serve", "--port", &port])
        .output()
        .expect("run");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains(&format!("Der Port {port} auf 127.0.0.1 ist schon belegt")), "{stderr}");
    assert!(stderr.contains("--port"), "{stderr}");
    assert!(!site.path().join("output").exists(), "nothing is built when the preview cannot start");
}

#[test]
fn stops_typesetting_while_overrun_templates_still_run() {
    let site = harness::copy_minimal();
    let settings = site.path().join("content/site.toml");
    let text = std::fs::read_to_string(&settings).expect("site.toml");
    // Long enough that the other PDFs finish even on a loaded machine with a debug build:
    // only the looping handbook may overrun.
    std::fs::write(&settings, text.replacen("[handbook]", "[build]\npdf_time_limit = 5\n\n[handbook]", 1))
        .expect("limit");
    let theme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/typst/handbuch.typ"));
    let looping = format!("#for i in range(1000000000) {{ }}\n{}", theme.expect("theme template"));
    std::fs::create_dir_all(site.path().join("templates")).expect("templates");
    std::fs::write(site.path().join("templates/handbuch.typ"), looping).expect("template");
    let page = site.path().join("content/pages/einfuehrung.md");
    let preview = start(site.path(), &[]);
    let mut seen = 0;
    for round in 0..3 {
        let (build, problems) = next_build(preview.address, seen);
        assert_eq!(build, seen + 1, "round {round}");
        seen = build;
        let problems = problems.expect("the overrun is a problem");
        assert!(problems.contains("handbuch.pdf"), "{problems}");
        let expected = if round < 2 { "länger als 5 Sekunden" } else { "Es laufen noch 2 Satzläufe" };
        assert!(problems.contains(expected), "round {round}: {problems}");
        let text = std::fs::read_to_string(&page).expect("page");
        std::fs::write(&page, format!("{text}\nNoch ein Satz.\n")).expect("edit");
    }
}
