//! The HTML side of Markdown rendering.

use std::collections::BTreeMap;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, Parser, Tag, TagEnd};

use super::{FigureKind, LinkResolver};
use crate::model::slug::slugify;

/// A heading of the body, for the table of contents.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Heading {
    /// 2 for `##`, 3 for `###`; a `#` in a body is shown as level 2 (the page title is the h1).
    pub level: u8,
    pub id: String,
    pub title: String,
}

/// A rendered Markdown body.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub html: String,
    pub headings: Vec<Heading>,
}

/// Renders `markdown`; heading ids avoid `reserved` ids the page template already uses.
pub fn render(markdown: &str, links: &dyn LinkResolver, reserved: &[&str]) -> Rendered {
    let parser = Parser::new_ext(markdown, crate::markdown::OPTIONS);
    let mut ids = UniqueIds::new(reserved);
    let mut events: Vec<Event<'_>> = Vec::new();
    let mut headings = Vec::new();
    let mut heading: Option<(usize, u8, String)> = None;
    // A table's scroll region is named by the heading above it, so that several tables on
    // one page are distinguishable landmarks for screen readers.
    let mut last_heading: Option<(String, String)> = None;
    let mut figure: Option<(FigureKind, String)> = None;
    let mut refused: Vec<TagEnd> = Vec::new();
    for event in parser {
        if let Some((kind, name)) = figure.as_mut() {
            match event {
                Event::Text(t) => name.push_str(&t),
                Event::End(TagEnd::CodeBlock) => {
                    let (kind, name) = (*kind, name.trim().to_owned());
                    figure = None;
                    match links.figure(kind, &name) {
                        Some(html) => events.push(Event::Html(html.into())),
                        None => {
                            let info = if kind == FigureKind::Chart { "chart" } else { "table" };
                            events.push(Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info.into()))));
                            events.push(Event::Text(name.into()));
                            events.push(Event::End(TagEnd::CodeBlock));
                        }
                    }
                }
                _ => {}
            }
            continue;
        }
        if let Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) = &event
            && let Some(kind) = FigureKind::of_info(info)
        {
            figure = Some((kind, String::new()));
            continue;
        }
        if let (Event::Text(t) | Event::Code(t), Some((_, _, title))) = (&event, heading.as_mut()) {
            title.push_str(t);
        }
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                heading = Some((events.len(), demote(level), String::new()));
                events.push(Event::Text(CowStr::Borrowed("")));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((at, level, title)) = heading.take() {
                    let id = ids.claim(&title);
                    events[at] = Event::Html(format!("<h{level} id=\"{id}\">").into());
                    events.push(Event::Html(format!("</h{level}>").into()));
                    let title = title.trim().to_owned();
                    last_heading = Some((id.clone(), title.clone()));
                    headings.push(Heading { level, id, title });
                }
            }
            // A URL the policy refuses (validation reports it) never becomes an attribute:
            // the link is left out around its text, the image leaves its description.
            Event::Start(Tag::Link { dest_url, .. }) if crate::model::url::link(&dest_url).is_err() => {
                refused.push(TagEnd::Link);
            }
            Event::Start(Tag::Image { dest_url, .. }) if crate::model::url::resource(&dest_url).is_err() => {
                refused.push(TagEnd::Image);
            }
            Event::End(end @ (TagEnd::Link | TagEnd::Image)) if refused.last() == Some(&end) => {
                refused.pop();
            }
            Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
                let dest_url = resolve(links, &dest_url).map_or(dest_url, CowStr::from);
                events.push(Event::Start(Tag::Link { link_type, dest_url, title, id }));
            }
            Event::Start(Tag::Table(alignments)) => {
                let escape = |text: &str| text.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;");
                let (name, caption) = match last_heading.take() {
                    Some((id, title)) => (format!("aria-labelledby=\"{id}\""), escape(&title)),
                    None => {
                        let word = escape(&links.word("table_region"));
                        (format!("aria-label=\"{word}\""), word)
                    }
                };
                events.push(Event::Html(
                    format!("<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" {name}>").into(),
                ));
                events.push(Event::Start(Tag::Table(alignments)));
                // Named for screen readers' table lists; sighted readers see the heading.
                events.push(Event::Html(format!("<caption class=\"visually-hidden\">{caption}</caption>").into()));
            }
            Event::End(TagEnd::Table) => {
                events.push(Event::End(TagEnd::Table));
                events.push(Event::Html("</div>".into()));
            }
            Event::Html(raw) | Event::InlineHtml(raw) => events.push(Event::Text(raw)),
            other => events.push(other),
        }
    }
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    Rendered { html, headings }
}

fn demote(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 | HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// `role:leitung-it#aufgaben` → the resolver's URL; other links stay as written.
fn resolve(links: &dyn LinkResolver, destination: &str) -> Option<String> {
    let (scheme, id, fragment) = super::content_link(destination)?;
    links.resolve(scheme, id, fragment)
}

/// Heading ids from the heading text, made unique within the page.
struct UniqueIds {
    used: BTreeMap<String, usize>,
}

impl UniqueIds {
    fn new(reserved: &[&str]) -> UniqueIds {
        UniqueIds { used: reserved.iter().map(|id| ((*id).to_owned(), 1)).collect() }
    }

    fn claim(&mut self, title: &str) -> String {
        let base = match slugify(title) {
            slug if slug.is_empty() => "abschnitt".to_owned(),
            slug => slug,
        };
        let count = self.used.entry(base.clone()).or_insert(0);
        *count += 1;
        if *count == 1 { base } else { format!("{base}-{count}") }
    }
}

#[cfg(test)]
mod tests {
    use super::{LinkResolver, render};

    struct Links;

    impl LinkResolver for Links {
        fn resolve(&self, scheme: &str, id: &str, fragment: Option<&str>) -> Option<String> {
            (scheme == "role")
                .then(|| format!("../rollen/{id}/index.html{}", fragment.map(|f| format!("#{f}")).unwrap_or_default()))
        }
    }

    #[test]
    fn resolves_content_links_and_anchors_headings() {
        let out =
            render("# Über uns\n\nSiehe [Beratung](role:leitung-it#aufgaben).\n\n## Über uns\n", &Links, &["inhalt"]);
        assert!(out.html.contains("href=\"../rollen/leitung-it/index.html#aufgaben\""), "{}", out.html);
        assert!(out.html.contains("<h2 id=\"ueber-uns\">Über uns</h2>"), "{}", out.html);
        assert!(out.html.contains("<h2 id=\"ueber-uns-2\">"), "{}", out.html);
        assert_eq!(out.headings.len(), 2);
    }

    #[test]
    fn raw_html_is_text() {
        let out = render("Hallo <script>alert(1)</script> & \"x\"\n\n<div>y</div>\n", &Links, &[]);
        assert!(!out.html.contains("<script>"), "{}", out.html);
        assert!(out.html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{}", out.html);
        assert!(out.html.contains("&lt;div&gt;"), "{}", out.html);
    }

    #[test]
    fn tables_scroll_and_footnotes_render() {
        let out = render("| a | b |\n|---|---|\n| 1 | 2 |\n\nText[^1]\n\n[^1]: Fußnote\n", &Links, &[]);
        assert!(out.html.contains("<div class=\"table-scroll\""));
        assert!(out.html.contains("<th>a</th>"));
        assert!(out.html.contains("footnote"));
    }
}
