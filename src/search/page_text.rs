//! What a reader sees in a page's main area, read from the page's finished HTML: the
//! search indexes exactly that, whatever template or view produced it.
//!
//! The HTML is Lotse's own output, so a small scanner serves: every `<` starts a tag
//! (text has its `<` escaped), and the elements it skips are always closed.

/// The text of a page's main area and the headings in it.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct PageText {
    /// Headings below the page title (`h2` to `h6`), in order.
    pub headings: Vec<String>,
    /// Everything shown in the main area but the title and the navigation, whitespace
    /// collapsed; headings included.
    pub text: String,
}

/// Elements whose content is not read as text: navigation (breadcrumbs, table of
/// contents, pager) repeats other pages' titles, the rest is not text at all.
const SKIPPED: &[&str] = &["nav", "script", "style", "svg", "template", "noscript"];

/// The attribute that keeps any other element out of the search, for text that every
/// page of a kind repeats (the example-data notice): templates set it.
const SKIP_ATTRIBUTE: &str = "data-search=\"skip\"";

/// Elements inside a line of text: the others separate words.
const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "i", "ins", "kbd", "mark", "q", "s",
    "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr",
];

/// The main area is `<main>`; a theme without one has its `<body>` read.
pub fn page_text(html: &str) -> PageText {
    let main = inner(html, "main").or_else(|| inner(html, "body")).unwrap_or(html);
    let mut reader = Reader::default();
    let mut rest = main;
    while let Some(open) = rest.find('<') {
        reader.text(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find('>').map_or(after.len(), |at| at + 1);
        let tag = Tag::parse(&after[..close.saturating_sub(1)]);
        rest = after.get(close..).unwrap_or_default();
        if !tag.closing && (tag.skipped || SKIPPED.contains(&tag.name.as_str())) {
            rest = skip_element(rest, &tag.name);
            reader.separate();
            continue;
        }
        reader.tag(&tag);
    }
    reader.text(rest);
    reader.finish()
}

/// The content of the first `<name …>…</name>` of `html`.
fn inner<'a>(html: &'a str, name: &str) -> Option<&'a str> {
    let start = html.find(&format!("<{name}"))?;
    let open_end = start + html[start..].find('>')? + 1;
    let end = html[open_end..].rfind(&format!("</{name}>")).map_or(html.len(), |at| open_end + at);
    Some(&html[open_end..end])
}

/// What follows the end of the element `name` whose start tag was just read, nested
/// elements of the same name included.
fn skip_element<'a>(html: &'a str, name: &str) -> &'a str {
    let (open, close) = (format!("<{name}"), format!("</{name}"));
    let mut depth = 1usize;
    let mut at = 0;
    while depth > 0 {
        let next_open = html[at..].find(&open).map(|i| at + i);
        let next_close = html[at..].find(&close).map(|i| at + i);
        match (next_open, next_close) {
            (Some(o), Some(c)) if o < c => {
                depth += 1;
                at = o + open.len();
            }
            (_, Some(c)) => {
                depth -= 1;
                at = c + close.len();
            }
            (_, None) => return "",
        }
    }
    html[at..].find('>').map_or("", |i| &html[at + i + 1..])
}

struct Tag {
    name: String,
    closing: bool,
    skipped: bool,
}

impl Tag {
    fn parse(inside: &str) -> Tag {
        let (closing, inside) = match inside.strip_prefix('/') {
            Some(rest) => (true, rest),
            None => (false, inside),
        };
        let name = inside.split(|c: char| c.is_whitespace() || c == '/').next().unwrap_or_default();
        Tag { name: name.to_ascii_lowercase(), closing, skipped: inside.contains(SKIP_ATTRIBUTE) }
    }

    fn heading_level(&self) -> Option<u8> {
        match self.name.as_bytes() {
            [b'h', level @ b'1'..=b'6'] => Some(level - b'0'),
            _ => None,
        }
    }
}

#[derive(Default)]
struct Reader {
    page: PageText,
    /// The heading being read, with its level.
    heading: Option<(u8, String)>,
    /// The page title (the first `h1`) is indexed as the title, not again as text.
    in_title: bool,
    title_seen: bool,
    /// A space is owed before the next word.
    space: bool,
}

impl Reader {
    fn tag(&mut self, tag: &Tag) {
        if let Some(level) = tag.heading_level() {
            self.heading_tag(level, tag.closing);
        }
        if !INLINE.contains(&tag.name.as_str()) {
            self.separate();
        }
    }

    fn heading_tag(&mut self, level: u8, closing: bool) {
        match (closing, level) {
            (false, 1) if !self.title_seen => {
                self.in_title = true;
                self.title_seen = true;
            }
            (true, 1) if self.in_title => self.in_title = false,
            (false, _) => self.heading = Some((level, String::new())),
            (true, _) => {
                if let Some((_, text)) = self.heading.take() {
                    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                    if !text.is_empty() {
                        self.page.headings.push(text);
                    }
                }
            }
        }
    }

    fn separate(&mut self) {
        self.space = true;
        if let Some((_, heading)) = &mut self.heading {
            heading.push(' ');
        }
    }

    fn text(&mut self, raw: &str) {
        if self.in_title || raw.is_empty() {
            return;
        }
        let text = decode_entities(raw);
        if let Some((_, heading)) = &mut self.heading {
            heading.push_str(&text);
        }
        let starts_with_space = text.starts_with(char::is_whitespace);
        let ends_with_space = text.ends_with(char::is_whitespace);
        let mut words = text.split_whitespace().peekable();
        if words.peek().is_none() {
            self.space |= starts_with_space;
            return;
        }
        if (self.space || starts_with_space) && !self.page.text.is_empty() {
            self.page.text.push(' ');
        }
        let mut first = true;
        for word in words {
            if !first {
                self.page.text.push(' ');
            }
            self.page.text.push_str(word);
            first = false;
        }
        self.space = ends_with_space;
    }

    fn finish(self) -> PageText {
        self.page
    }
}

/// Text with the character references of HTML written out.
fn decode_entities(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('&') {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let reference = after.find(';').filter(|&end| end <= 10).map(|end| (&after[..end], end));
        match reference.and_then(|(name, end)| entity(name).map(|c| (c, end))) {
            Some((c, end)) => {
                out.push(c);
                rest = &after[end + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

fn entity(name: &str) -> Option<char> {
    let number = |digits: &str, radix| u32::from_str_radix(digits, radix).ok().and_then(char::from_u32);
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some('\u{a0}'),
        _ => match name.strip_prefix('#')? {
            hex if hex.starts_with(['x', 'X']) => number(&hex[1..], 16),
            decimal => number(decimal, 10),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_main_area_without_title_and_navigation() {
        let html = r#"<html><body><nav>Menü Rollen</nav><main id="inhalt"><nav class="breadcrumbs"><ol><li><a href="x">Start</a></li></ol></nav>
<h1>KDZ</h1><p class="notice" data-search="skip"><strong>Beispiel</strong></p><p>Der <strong>KDZ</strong>-Betrieb&nbsp;läuft &amp; liefert.</p><nav class="toc"><h2>Inhalt</h2></nav>
<h2 id="a">Fast <em>Lane</em></h2><table><tr><td>eins</td><td>zwei</td></tr></table>
<figure><svg><text>Achse</text><svg><text>innen</text></svg></svg><figcaption>Bild</figcaption></figure><script>var x = "<p>";</script>
</main><footer>Impressum</footer></body></html>"#;
        let page = page_text(html);
        assert_eq!(page.text, "Der KDZ-Betrieb läuft & liefert. Fast Lane eins zwei Bild");
        assert_eq!(page.headings, vec!["Fast Lane".to_owned()]);
    }

    #[test]
    fn entities_and_unknown_references_stay_readable() {
        assert_eq!(decode_entities("a &lt;b&gt; &#x27;c&#39; &unbekannt; & d"), "a <b> 'c' &unbekannt; & d");
    }

    #[test]
    fn a_theme_without_main_has_its_body_read() {
        let page = page_text("<html><head><title>T</title></head><body><h1>T</h1><p>Text</p></body></html>");
        assert_eq!(page.text, "Text");
    }
}
