//! Markdown to Typst markup: any text that `lotse check` accepts renders to markup whose
//! strings and brackets are balanced as Typst's own parser sees them.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lotse::markdown::LinkResolver;

struct Links;

impl LinkResolver for Links {
    fn resolve(&self, _scheme: &str, _id: &str, _fragment: Option<&str>) -> Option<String> {
        Some("https://lotse.example/a/".to_owned())
    }
}

fuzz_target!(|text: &str| {
    // Deeper nesting and wider tables are refused before anything is rendered.
    let shape = lotse::validate::scan(text);
    if shape.too_deep.is_some() || shape.too_wide.is_some() {
        return;
    }
    let markup = lotse::markdown::typst::render(text, &Links, 0);
    let source = typst::syntax::Source::detached(markup);
    let (errors, _) = source.root().errors_and_warnings();
    assert!(errors.is_empty(), "{errors:?}");
});
