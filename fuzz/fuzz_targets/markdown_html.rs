//! Markdown to HTML: any text renders, and no refused URL becomes an attribute.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lotse::markdown::LinkResolver;

struct Links;

impl LinkResolver for Links {
    fn resolve(&self, scheme: &str, id: &str, _fragment: Option<&str>) -> Option<String> {
        Some(format!("../{scheme}/{id}/"))
    }
}

fuzz_target!(|text: &str| {
    let rendered = lotse::markdown::render(text, &Links, &["inhalt"]);
    let html = rendered.html.to_ascii_lowercase();
    assert!(!html.contains("href=\"javascript:") && !html.contains("src=\"javascript:"));
    assert!(!html.contains("<script"));
});
