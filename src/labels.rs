//! The words readers see: the theme's `labels/<language>.toml`, merged key by key over the
//! built-in theme's, with the site's own `[labels]` from `site.toml` on top.

use std::collections::BTreeMap;

use serde::Serialize;

/// Label key → text, complete for every key the built-in theme defines.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(transparent)]
pub struct Labels(BTreeMap<String, String>);

impl Labels {
    pub fn new(words: BTreeMap<String, String>) -> Labels {
        Labels(words)
    }

    /// The text of `key`; the key itself if no label defines it (a gap that shows on the
    /// page, rather than an empty heading; a test keeps the built-in labels complete).
    pub fn get(&self, key: &str) -> String {
        self.0.get(key).cloned().unwrap_or_else(|| key.to_owned())
    }

    /// The text of `key` with `{name}` placeholders filled in.
    pub fn fill(&self, key: &str, values: &[(&str, &str)]) -> String {
        let mut text = self.get(key);
        for (name, value) in values {
            text = text.replace(&format!("{{{name}}}"), value);
        }
        text
    }

    /// Lays `more` over these labels, key by key.
    pub fn extend(&mut self, more: impl IntoIterator<Item = (String, String)>) {
        self.0.extend(more);
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.keys().map(String::as_str)
    }
}
