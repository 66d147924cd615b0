//! Markdown to HTML: any text renders, no element is a script, and no `href` or `src`
//! holds a URL with a refused scheme. Text may say `href="javascript:…"`: it is text, so
//! only the tags themselves are looked at (every `<` of the output starts one, since
//! text has its `<` escaped).
#![no_main]

use libfuzzer_sys::fuzz_target;
use lotse::markdown::LinkResolver;

struct Links;

impl LinkResolver for Links {
    fn resolve(&self, scheme: &str, id: &str, _fragment: Option<&str>) -> Option<String> {
        Some(format!("../{scheme}/{id}/"))
    }
}

const REFUSED: [&str; 3] = ["javascript:", "data:", "vbscript:"];

fuzz_target!(|text: &str| {
    let rendered = lotse::markdown::render(text, &Links, &["inhalt"]);
    for tag in rendered.html.split('<').skip(1) {
        let tag = tag.split('>').next().unwrap_or_default().to_ascii_lowercase();
        assert!(!tag.starts_with("script"), "<{tag}>");
        for attribute in ["href=\"", "src=\""] {
            for (at, _) in tag.match_indices(attribute) {
                let value = &tag[at + attribute.len()..];
                let value = decoded(value.split('"').next().unwrap_or_default());
                assert!(!REFUSED.iter().any(|scheme| value.starts_with(scheme)), "<{tag}>");
            }
        }
    }
});

/// The attribute value as a browser reads it: numeric character references decoded,
/// white space and control characters (which browsers skip in schemes) left out.
fn decoded(value: &str) -> String {
    let mut out = String::new();
    let mut rest = value;
    while let Some(at) = rest.find("&#") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        let end = after.find(';').unwrap_or(after.len());
        let number = match after[..end].strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok(),
            None => after[..end].parse().ok(),
        };
        match number.and_then(char::from_u32) {
            Some(c) => {
                out.push(c);
                rest = after.get(end + 1..).unwrap_or_default();
            }
            None => {
                out.push_str("&#");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out.chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect::<String>().replace("&colon;", ":")
}
