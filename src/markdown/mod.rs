//! Markdown bodies to HTML fragments: tables, footnotes, heading anchors, a table of
//! contents, and content links (`role:…`) resolved to URLs. Raw HTML is shown as text.
//! The same bodies also become Typst markup for the PDFs ([`typst`]).

mod figures;
mod html;
pub mod typst;

pub use figures::{FigureKind, FigureRef, figures};
pub use html::{Heading, Rendered, render};

/// The one Markdown dialect of Lotse: validation and both renderers parse with it, so they
/// see the same links and blocks.
pub const OPTIONS: pulldown_cmark::Options = pulldown_cmark::Options::ENABLE_TABLES
    .union(pulldown_cmark::Options::ENABLE_FOOTNOTES)
    .union(pulldown_cmark::Options::ENABLE_STRIKETHROUGH);

/// What a body refers to outside itself: content links and named figures.
pub trait LinkResolver {
    /// Turns a content link (`role`, `leitung-it`) into an href relative to the page.
    fn resolve(&self, scheme: &str, id: &str, fragment: Option<&str>) -> Option<String>;

    /// The HTML of a named figure (```` ```chart steuerungsmodell ````); `None` leaves the
    /// block as code. Only the HTML renderer asks.
    fn figure(&self, _kind: FigureKind, _name: &str) -> Option<String> {
        None
    }

    /// The label `key` in the site's words, for the few words the body's HTML adds itself
    /// (the name of a table without a heading); the key itself where there are no labels.
    fn word(&self, key: &str) -> String {
        key.to_owned()
    }
}

/// The scheme, id and fragment of a content link (`role:leitung-it#aufgaben`);
/// `None` for web, mail and phone links, plain paths and refused URLs.
fn content_link(destination: &str) -> Option<(&str, &str, Option<&str>)> {
    match crate::model::url::link(destination) {
        Ok(crate::model::url::Target::Content { scheme, id, fragment }) => Some((scheme, id, fragment)),
        _ => None,
    }
}
