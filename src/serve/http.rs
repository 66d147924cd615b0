//! The preview's HTTP side: files of the output folder, the page script and the status
//! the script waits for. The script is added to served pages only; the output folder
//! stays exactly what `lotse build` writes.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use tiny_http::{Header, Method, Request, Response, Server};

use super::status::Status;
use super::url::{Resolved, resolve};

/// Path of the script that reloads a page after a rebuild and shows content errors.
const SCRIPT_PATH: &str = "/__lotse/live.js";
/// Path of the status: `?after=N` waits until a build newer than N is done.
const STATUS_PATH: &str = "/__lotse/status";
const SCRIPT: &str = include_str!("live.js");
/// How long a status request waits for a rebuild before it answers anyway.
const PATIENCE: Duration = Duration::from_secs(25);

/// Answers requests on `listener` in the background, each on its own thread, since status
/// requests wait for the next rebuild.
pub fn spawn(listener: TcpListener, output: PathBuf, status: Arc<Status>) -> Result<(), String> {
    let server = Server::from_listener(listener, None).map_err(|error| error.to_string())?;
    let output = Arc::new(output);
    std::thread::Builder::new()
        .name("lotse-serve".to_owned())
        .spawn(move || {
            for request in server.incoming_requests() {
                let (output, status) = (Arc::clone(&output), Arc::clone(&status));
                // Without a thread for it, the request gets no answer and the page retries.
                let _ = std::thread::Builder::new().spawn(move || answer(request, &output, &status));
            }
        })
        .map(|_| ())
        .map_err(|error| error.to_string())
}

fn answer(request: Request, output: &Path, status: &Status) {
    let response = match request.method() {
        Method::Get | Method::Head => respond(request.url(), output, status),
        _ => text(405, "Die Vorschau beantwortet nur GET und HEAD."),
    };
    // The browser may have gone away; there is no one left to tell.
    let _ = request.respond(response);
}

type Answer = Response<std::io::Cursor<Vec<u8>>>;

fn respond(target: &str, output: &Path, status: &Status) -> Answer {
    let path = target.split('?').next().unwrap_or_default();
    if path == SCRIPT_PATH {
        return body(200, SCRIPT.as_bytes().to_vec(), "text/javascript; charset=utf-8");
    }
    if path == STATUS_PATH {
        let state = status.after(after(target), PATIENCE);
        return body(200, state.to_json().into_bytes(), "application/json");
    }
    match resolve(output, target) {
        Resolved::File(file) => match std::fs::read(&file) {
            Ok(bytes) => file_body(&file, bytes),
            Err(_) => not_found(output),
        },
        Resolved::Folder(location) => with_header(text(301, "Weitergeleitet."), "Location", &location),
        Resolved::NotFound => not_found(output),
        Resolved::Forbidden => text(403, "Dieser Pfad liegt außerhalb der Vorschau."),
    }
}

/// The `N` of `?after=N`.
fn after(target: &str) -> Option<u64> {
    let query = target.split_once('?')?.1;
    query.split('&').find_map(|pair| pair.strip_prefix("after=")).and_then(|n| n.parse().ok())
}

fn file_body(file: &Path, bytes: Vec<u8>) -> Answer {
    let kind = content_type(file);
    match kind.starts_with("text/html") {
        true => body(200, with_script(bytes), kind),
        false => body(200, bytes, kind),
    }
}

/// The site's own 404 page, or a short one; both with the script, so that the overlay
/// appears even before the first good build.
fn not_found(output: &Path) -> Answer {
    let page = std::fs::read(output.join("404.html")).unwrap_or_else(|_| {
        b"<!DOCTYPE html><html lang=\"de\"><meta charset=\"utf-8\"><title>Nicht gefunden</title><body><h1>Diese Seite gibt es nicht (oder noch nicht).</h1></body></html>".to_vec()
    });
    body(404, with_script(page), "text/html; charset=utf-8")
}

/// The page with the preview script before its `</body>`.
fn with_script(mut page: Vec<u8>) -> Vec<u8> {
    let tag = format!("<script src=\"{SCRIPT_PATH}\" defer></script>");
    let end = page.windows(7).rposition(|window| window.eq_ignore_ascii_case(b"</body>")).unwrap_or(page.len());
    page.splice(end..end, tag.into_bytes());
    page
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|extension| extension.to_str()).unwrap_or_default() {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "csv" => "text/csv; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        _ => "application/octet-stream",
    }
}

fn text(code: u16, message: &str) -> Answer {
    body(code, message.as_bytes().to_vec(), "text/plain; charset=utf-8")
}

fn body(code: u16, bytes: Vec<u8>, kind: &str) -> Answer {
    let response = Response::from_data(bytes).with_status_code(code);
    with_header(with_header(response, "Content-Type", kind), "Cache-Control", "no-store")
}

/// The response with the header, or without it if the value is not plain ASCII (a request
/// path can hold anything; it is then served without the redirect's target).
fn with_header(response: Answer, name: &str, value: &str) -> Answer {
    match Header::from_bytes(name.as_bytes(), value.as_bytes()) {
        Ok(header) => response.with_header(header),
        Err(()) => response,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adds_the_script_before_the_end_of_the_body() {
        let page = with_script(b"<html><body><p>x</p></BODY></html>".to_vec());
        assert_eq!(
            String::from_utf8_lossy(&page),
            "<html><body><p>x</p><script src=\"/__lotse/live.js\" defer></script></BODY></html>"
        );
        assert!(String::from_utf8_lossy(&with_script(b"<p>ohne</p>".to_vec())).ends_with("defer></script>"));
    }

    #[test]
    fn reads_the_build_to_wait_after() {
        assert_eq!(after("/__lotse/status?after=12"), Some(12));
        assert_eq!(after("/__lotse/status?x=1&after=3"), Some(3));
        assert_eq!(after("/__lotse/status"), None);
        assert_eq!(after("/__lotse/status?after=abc"), None);
    }
}
