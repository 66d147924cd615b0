//! Loading entity files: any text either parses into a role, a project, a period and the
//! site settings, or gives a German diagnostic pointing into the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lotse::source::FileId;

fn check<T: serde::de::DeserializeOwned>(text: &str) {
    if let Err(error) = toml::from_str::<T>(text) {
        let diagnostic = lotse::diag::from_toml_error(&error, FileId(0), text);
        assert!(!diagnostic.message.is_empty());
    }
}

fuzz_target!(|text: &str| {
    check::<lotse::model::Role>(text);
    check::<lotse::model::Project>(text);
    check::<lotse::model::Period>(text);
    check::<lotse::config::Config>(text);
});
