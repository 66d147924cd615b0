//! Markdown bodies to HTML fragments: tables, footnotes, heading anchors, a table of
//! contents, and content links (`role:…`) resolved to URLs. Raw HTML is shown as text.

mod html;

pub use html::{Heading, Rendered, render};

/// Turns a content link (`role`, `digit-beraterin`) into an href relative to the page.
pub trait LinkResolver {
    fn resolve(&self, scheme: &str, id: &str, fragment: Option<&str>) -> Option<String>;
}
