//! The one policy for every URL that reaches the output, from any source: Markdown links
//! and images, `site.toml`, front matter, TOML text.
//!
//! - A link may go to `http`, `https`, `mailto` or `tel`, to content (`role:…`, `page:…`)
//!   or to a relative path or fragment; any other scheme (`javascript:`, `data:`, `file:`)
//!   and network paths (`//host/…`) are refused.
//! - An image, video or frame comes only from inside the site (a relative path): the
//!   handbook is read offline behind the firewall, so nothing may be fetched from elsewhere.
//!
//! The scheme is read the way browsers read it (tabs and line breaks removed, leading
//! spaces and control characters ignored, letters in any case), so that `JaVa&#9;Script:`
//! is refused as surely as `javascript:`.

/// Schemes a link may leave the site with.
pub const EXTERNAL: &[&str] = &["http", "https", "mailto", "tel"];

/// Where an allowed URL goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target<'a> {
    /// `https://…`, `mailto:…`, `tel:…`
    External,
    /// `role:leitung-it#aufgaben`, with the scheme as written.
    Content { scheme: &'a str, id: &'a str, fragment: Option<&'a str> },
    /// `../rollen/index.html`, `#abschnitt`, `bild.png`
    Relative,
}

/// Why a URL may not reach the output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// A scheme that is neither external nor content (`javascript`, `data`, `file`, a typo).
    Scheme(String),
    /// `//host/…`: a request to another server without saying which protocol.
    NetworkPath,
    /// An image or frame from another server.
    Remote,
    /// An image or frame that names content or an address rather than a file of the site.
    NotAFile,
    /// `C:\…`: a path on someone's computer.
    LocalPath,
}

impl Refusal {
    /// The problem, for `url` as written.
    pub fn message(&self, url: &str) -> String {
        match self {
            Refusal::Scheme(scheme) => format!("Linkart `{scheme}:` ist nicht erlaubt: `{url}`"),
            Refusal::NetworkPath => format!("`{url}` nennt einen fremden Server ohne `https:`"),
            Refusal::Remote => format!("`{url}` würde von einem fremden Server geladen"),
            Refusal::NotAFile => format!("`{url}` ist keine Datei der Website"),
            Refusal::LocalPath => format!("`{url}` ist ein Pfad auf einem einzelnen Rechner"),
        }
    }

    /// What to write instead.
    pub fn hint(&self) -> &'static str {
        match self {
            Refusal::Scheme(_) => {
                "Erlaubt sind Links mit `https:`, `http:`, `mailto:` und `tel:`, Links auf Inhalte (`role:…`, `page:…` usw.) und relative Pfade. Andere Linkarten (z. B. `javascript:`, `data:`, `file:`) könnten im Browser Code ausführen oder Dateien öffnen."
            }
            Refusal::NetworkPath => "Schreiben Sie die Adresse vollständig, z. B. `https://intranet.example/…`.",
            Refusal::Remote | Refusal::NotAFile => {
                "Das Handbuch wird ohne Internet gelesen: Bilder, Videos und eingebettete Seiten müssen in der Website liegen. Legen Sie die Datei in den Ordner `static/` und verweisen Sie relativ darauf, z. B. `![Beschreibung](../assets/bild.png)`."
            }
            Refusal::LocalPath => {
                "Ein Pfad wie `C:\\…` funktioniert nur auf einem Rechner. Legen Sie die Datei in den Ordner `static/` oder verlinken Sie eine Intranet-Adresse mit `https:`."
            }
        }
    }
}

/// Whether `url` may be a link's target, and where it goes.
pub fn link(url: &str) -> Result<Target<'_>, Refusal> {
    let url = url.trim_start_matches(|c: char| c <= ' ');
    let Some((scheme, rest)) = scheme(url) else {
        return if network_path(url) { Err(Refusal::NetworkPath) } else { Ok(Target::Relative) };
    };
    if scheme.len() == 1 {
        return Err(Refusal::LocalPath);
    }
    if EXTERNAL.iter().any(|external| scheme.eq_ignore_ascii_case(external)) {
        return Ok(Target::External);
    }
    if crate::model::EntityKind::of_scheme(scheme).is_some() {
        return Ok(match rest.split_once('#') {
            Some((id, fragment)) => Target::Content { scheme, id, fragment: Some(fragment) },
            None => Target::Content { scheme, id: rest, fragment: None },
        });
    }
    Err(Refusal::Scheme(scheme.to_owned()))
}

/// Whether `url` may be the source of an image, video or frame: a file of the site.
pub fn resource(url: &str) -> Result<(), Refusal> {
    match link(url)? {
        Target::Relative => Ok(()),
        Target::External if scheme(url.trim_start_matches(|c: char| c <= ' ')).is_some_and(|(s, _)| is_web(s)) => {
            Err(Refusal::Remote)
        }
        Target::External | Target::Content { .. } => Err(Refusal::NotAFile),
    }
}

fn is_web(scheme: &str) -> bool {
    scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")
}

/// `//host` and `\\host` (browsers read a backslash as a slash).
fn network_path(url: &str) -> bool {
    let mut start = url.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r'));
    matches!((start.next(), start.next()), (Some('/' | '\\'), Some('/' | '\\')))
}

/// The scheme of an absolute URL and what follows its colon, as a browser reads it: a
/// letter, then letters, digits, `+`, `-` or `.`, with tabs and line breaks ignored; a
/// `/`, `?` or `#` before the colon makes the URL relative.
fn scheme(url: &str) -> Option<(&str, &str)> {
    let colon = url.find(':')?;
    let (head, rest) = (&url[..colon], &url[colon + 1..]);
    let mut letters = head.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r'));
    if !letters.next().is_some_and(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    if !letters.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')) {
        return None;
    }
    Some((head, rest))
}

#[cfg(test)]
mod tests {
    use super::{Refusal, Target, link, resource};

    #[test]
    fn links_are_external_content_or_relative() {
        for ok in [
            "https://intranet.example/a",
            "HTTP://x",
            "mailto:a@b.de",
            "tel:+49",
            "#abschnitt",
            "../a/index.html",
            "a/b:c",
            "?q=1",
        ] {
            assert!(link(ok).is_ok(), "{ok}");
        }
        assert_eq!(link("role:x#y"), Ok(Target::Content { scheme: "role", id: "x", fragment: Some("y") }));
        assert_eq!(link("https://x"), Ok(Target::External));
        assert_eq!(link("bild.png"), Ok(Target::Relative));
    }

    #[test]
    fn dangerous_and_local_links_are_refused_however_they_are_spelt() {
        for (url, scheme) in [
            ("javascript:alert(1)", "javascript"),
            ("  JavaScript:alert(1)", "JavaScript"),
            ("java\tscript:alert(1)", "java\tscript"),
            ("\u{1}javascript:x", "javascript"),
            ("data:text/html,<b>", "data"),
            ("vbscript:x", "vbscript"),
            ("file:///etc/passwd", "file"),
            ("rolle:x", "rolle"),
        ] {
            assert_eq!(link(url), Err(Refusal::Scheme(scheme.to_owned())), "{url:?}");
        }
        assert_eq!(link("//evil.example/x"), Err(Refusal::NetworkPath));
        assert_eq!(link("\\\\server\\share"), Err(Refusal::NetworkPath));
        assert_eq!(link("C:\\Users\\x"), Err(Refusal::LocalPath));
    }

    #[test]
    fn resources_come_only_from_the_site() {
        assert_eq!(resource("../assets/bild.png"), Ok(()));
        assert_eq!(resource("http://example.org/x.png"), Err(Refusal::Remote));
        assert_eq!(resource("//example.org/x.png"), Err(Refusal::NetworkPath));
        assert_eq!(resource("javascript:x"), Err(Refusal::Scheme("javascript".to_owned())));
        assert_eq!(resource("mailto:a@b"), Err(Refusal::NotAFile));
        assert_eq!(resource("role:x"), Err(Refusal::NotAFile));
    }
}
