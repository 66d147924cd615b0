//! Markdown bodies to Typst markup for the PDF reports. The content is data: every string
//! from the Markdown reaches Typst either escaped as markup text or as a string literal,
//! never as syntax, and the structure is written as function calls (`#emph[…]`), which do
//! not depend on indentation or on what stands next to them as markup shorthands would.

use std::collections::BTreeMap;
use std::iter::Peekable;
use std::vec;

use ::typst::syntax::is_newline;
use pulldown_cmark::{Alignment, CodeBlockKind, Event, LinkType, Parser, Tag, TagEnd};

use super::{FigureKind, LinkResolver};

#[cfg(test)]
mod tests;

type Events<'a> = Peekable<vec::IntoIter<Event<'a>>>;

/// Markdown → Typst markup. `links` resolves content links like `role:leitung-it` (same
/// trait as the HTML renderer); for the PDF it returns an absolute URL or `None` (then only the
/// link text is written). `heading_shift`: Markdown level minus this gives the Typst heading
/// level, at least 1 (papers write `## Sachverhalt` for a top-level section → shift 1).
pub fn render(markdown: &str, links: &dyn LinkResolver, heading_shift: u8) -> String {
    // The HTML side's options, so that a body means the same in the handbook and the PDF.
    let options = crate::markdown::OPTIONS;
    let (body, footnotes) = split_footnotes(Parser::new_ext(markdown, options));
    let mut writer = Writer { links, heading_shift, footnotes, open_footnotes: Vec::new() };
    writer.until_end(&mut body.into_iter().peekable())
}

/// Escapes text for Typst markup: every ASCII punctuation character gets a backslash;
/// newlines and tabs become spaces.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    for c in text.chars() {
        // Typst counts vertical tab, form feed and the Unicode line and paragraph separators
        // as newlines too; two of them in a row would be a paragraph break.
        if c == '\t' || is_newline(c) {
            out.push(' ');
            continue;
        }
        // Escaping all punctuation, not just today's markup characters, keeps this correct
        // when Typst gives another character a meaning; an escaped one is always itself.
        if c.is_ascii_punctuation() {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A Typst string literal (with quotes) holding `text` exactly: escapes `\\ \" \n \r \t` and
/// other control characters as `\u{..}`.
pub fn string_literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            // Rust's `\u{41}` form is also Typst's.
            c if c.is_control() || is_newline(c) => out.extend(c.escape_unicode()),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Takes the footnote definitions out of the event stream: a reference may come before its
/// definition, and Typst wants the footnote's text at the reference.
fn split_footnotes<'a>(
    mut events: impl Iterator<Item = Event<'a>>,
) -> (Vec<Event<'a>>, BTreeMap<String, Vec<Event<'a>>>) {
    let mut body = Vec::new();
    let mut definitions = BTreeMap::new();
    while let Some(event) = events.next() {
        match event {
            Event::Start(Tag::FootnoteDefinition(label)) => {
                let inner = take_element(&mut events);
                // As for link reference definitions, the first definition of a label counts.
                definitions.entry(footnote_key(&label)).or_insert(inner);
            }
            other => body.push(other),
        }
    }
    (body, definitions)
}

/// pulldown-cmark matches a reference to its definition ignoring case (`[^Quelle]`, `[^quelle]`);
/// lower case is that case folding for all but a few letters such as `ß`.
fn footnote_key(label: &str) -> String {
    label.to_lowercase()
}

/// The events up to the end of the element just started, without that end.
fn take_element<'a>(events: &mut impl Iterator<Item = Event<'a>>) -> Vec<Event<'a>> {
    let mut depth = 0_usize;
    let mut inner = Vec::new();
    for event in events.by_ref() {
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) if depth == 0 => break,
            Event::End(_) => depth -= 1,
            _ => {}
        }
        inner.push(event);
    }
    inner
}

struct Writer<'a, 'l> {
    links: &'l dyn LinkResolver,
    heading_shift: u8,
    footnotes: BTreeMap<String, Vec<Event<'a>>>,
    /// Footnotes being written, so that one citing itself ends instead of recursing forever.
    open_footnotes: Vec<String>,
}

impl<'a> Writer<'a, '_> {
    /// Writes events up to the end of the enclosing element, or of the input.
    fn until_end(&mut self, events: &mut Events<'a>) -> String {
        let mut out = String::new();
        while let Some(event) = events.next() {
            match event {
                Event::End(_) => break,
                Event::Start(tag) => self.element(tag, events, &mut out),
                leaf => self.leaf(leaf, &mut out),
            }
        }
        out
    }

    fn leaf(&mut self, event: Event<'a>, out: &mut String) {
        match event {
            // Raw HTML is shown as text, as on the HTML side; math is not enabled, but if it
            // were, its source is still text here.
            Event::Text(text)
            | Event::Html(text)
            | Event::InlineHtml(text)
            | Event::InlineMath(text)
            | Event::DisplayMath(text) => {
                out.push_str(&escape_text(&text));
            }
            Event::Code(code) => out.push_str(&format!("#raw({})", string_literal(&code))),
            Event::SoftBreak => out.push(' '),
            Event::HardBreak => out.push_str("#linebreak()"),
            Event::Rule => block(out, "#line(length: 100%)"),
            Event::TaskListMarker(done) => out.push_str(if done { "☒ " } else { "☐ " }),
            Event::FootnoteReference(label) => self.footnote(&label, out),
            Event::Start(_) | Event::End(_) => {}
        }
    }

    fn element(&mut self, tag: Tag<'a>, events: &mut Events<'a>, out: &mut String) {
        match tag {
            Tag::Paragraph | Tag::HtmlBlock => {
                out.push_str(&self.until_end(events));
                out.push_str("\n\n");
            }
            Tag::Heading { level, .. } => {
                let level = (level as u8).saturating_sub(self.heading_shift).max(1);
                block(out, &format!("#heading(depth: {level})[{}]", self.until_end(events)));
            }
            Tag::Emphasis => self.call(out, "#emph", events),
            Tag::Strong => self.call(out, "#strong", events),
            Tag::Strikethrough => self.call(out, "#strike", events),
            Tag::BlockQuote(_) => block(out, &format!("#quote(block: true)[{}]", self.until_end(events).trim_end())),
            Tag::CodeBlock(kind) => block(out, &code_block(&kind, &raw_text(events))),
            Tag::List(start) => block(out, &self.list(start, events)),
            Tag::Table(alignments) => block(out, &self.table(&alignments, events)),
            Tag::Link { link_type, dest_url, .. } => {
                let text = self.until_end(events);
                match self.link_target(link_type, &dest_url) {
                    Some(url) => out.push_str(&format!("#link({})[{text}]", string_literal(&url))),
                    None => out.push_str(&text),
                }
            }
            // Stray definitions (inside another definition) have no place to go.
            Tag::FootnoteDefinition(_) => drop(take_element(events)),
            // Images show their alt text; the rest (sub- and superscript, definition lists)
            // is not enabled and would keep its content.
            _ => out.push_str(&self.until_end(events)),
        }
    }

    fn call(&mut self, out: &mut String, function: &str, events: &mut Events<'a>) {
        let inner = self.until_end(events);
        out.push_str(&format!("{function}[{inner}]"));
    }

    fn list(&mut self, start: Option<u64>, events: &mut Events<'a>) -> String {
        let mut items = String::new();
        let mut tight = true;
        while let Some(Event::Start(_)) = events.next() {
            // pulldown-cmark wraps the items of a loose list, and only those, in paragraphs.
            tight &= !matches!(events.peek(), Some(Event::Start(Tag::Paragraph)));
            items.push_str(&format!(", [{}]", self.until_end(events).trim_end()));
        }
        match start {
            Some(start) => format!("#enum(start: {start}, tight: {tight}{items})"),
            None => format!("#list(tight: {tight}{items})"),
        }
    }

    fn table(&mut self, alignments: &[Alignment], events: &mut Events<'a>) -> String {
        let mut rows: Vec<Vec<String>> = Vec::new();
        while let Some(event) = events.next() {
            match event {
                Event::Start(Tag::TableHead | Tag::TableRow) => rows.push(Vec::new()),
                Event::Start(_) => {
                    let cell = format!("[{}]", self.until_end(events).trim());
                    if let Some(row) = rows.last_mut() {
                        row.push(cell);
                    }
                }
                Event::End(TagEnd::Table) => break,
                _ => {}
            }
        }
        table_call(alignments, rows)
    }

    /// Where a link goes in the PDF; `None` writes only its text.
    fn link_target(&self, link_type: LinkType, destination: &str) -> Option<String> {
        if link_type == LinkType::Email {
            return Some(format!("mailto:{destination}"));
        }
        // Content links resolve as on the HTML side; relative paths mean nothing in a PDF.
        match crate::model::url::link(destination).ok()? {
            crate::model::url::Target::External => Some(destination.to_owned()),
            crate::model::url::Target::Content { scheme, id, fragment } => self.links.resolve(scheme, id, fragment),
            crate::model::url::Target::Relative => None,
        }
    }

    fn footnote(&mut self, label: &str, out: &mut String) {
        let key = footnote_key(label);
        let Some(definition) = self.footnotes.get(&key).cloned() else {
            out.push_str(&escape_text(&format!("[^{label}]")));
            return;
        };
        if self.open_footnotes.contains(&key) {
            return;
        }
        self.open_footnotes.push(key);
        let inner = self.until_end(&mut definition.into_iter().peekable());
        self.open_footnotes.pop();
        out.push_str(&format!("#footnote[{}]", inner.trim_end()));
    }
}

/// Appends a block-level call on a line of its own, followed by a blank line.
fn block(out: &mut String, call: &str) {
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    out.push_str(call);
    out.push_str("\n\n");
}

/// The text of a code block; its events are all text.
fn raw_text(events: &mut Events<'_>) -> String {
    let mut text = String::new();
    for event in take_element(events) {
        if let Event::Text(part) = event {
            text.push_str(&part);
        }
    }
    text
}

/// A named figure (the template draws it) or code.
fn code_block(kind: &CodeBlockKind<'_>, text: &str) -> String {
    let info = match kind {
        CodeBlockKind::Fenced(info) => info.as_ref(),
        CodeBlockKind::Indented => "",
    };
    // The same test as validation and the HTML side, so the names written here are the ones
    // validation checked.
    match FigureKind::of_info(info) {
        Some(FigureKind::Chart) => return format!("#lotse-chart({})", string_literal(text.trim())),
        Some(FigureKind::Table) => return format!("#lotse-table({})", string_literal(text.trim())),
        None => {}
    }
    // pulldown-cmark ends the text with the newline before the closing fence.
    let code = string_literal(text.strip_suffix('\n').unwrap_or(text));
    match info.split_whitespace().next() {
        Some(lang) => format!("#raw(block: true, lang: {}, {code})", string_literal(lang)),
        None => format!("#raw(block: true, {code})"),
    }
}

/// `rows` starts with the header row; short rows are padded so that cells stay in their column.
fn table_call(alignments: &[Alignment], rows: Vec<Vec<String>>) -> String {
    let columns = alignments.len().max(1);
    let align: Vec<&str> = alignments
        .iter()
        .map(|alignment| match alignment {
            Alignment::None | Alignment::Left => "left",
            Alignment::Center => "center",
            Alignment::Right => "right",
        })
        .collect();
    // A one-column alignment needs the trailing comma to be an array, not parentheses.
    let comma = if align.len() == 1 { "," } else { "" };
    let mut call = format!("#table(columns: {columns}, align: ({}{comma})", align.join(", "));
    for (index, mut row) in rows.into_iter().enumerate() {
        row.resize(columns, "[]".to_owned());
        let cells = row.join(", ");
        if index == 0 {
            call.push_str(&format!(", table.header({cells})"));
        } else {
            call.push_str(&format!(", {cells}"));
        }
    }
    call.push(')');
    call
}
