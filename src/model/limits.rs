//! Bounds on what one piece of content may be, so that a mistake (a pasted document as a
//! title, a generated id) is reported by `lotse check` with its file and line instead of
//! costing gigabytes or failing while the output is written.

use serde::{Deserialize, Deserializer, de};

/// The most characters of a name or title: it becomes a heading, a table cell, a PDF title
/// and a search result.
pub const MAX_TITLE_CHARS: usize = 300;

/// The most characters of an id: it becomes a file name (at most 255 bytes) and part of
/// every address that names it.
pub const MAX_ID_CHARS: usize = 100;

/// The deepest nesting of lists and quotes in Markdown.
pub const MAX_NESTING: usize = 32;

/// The most columns of a Markdown table.
pub const MAX_TABLE_COLUMNS: usize = 50;

/// The largest amount of money (euros) or count that content may give.
pub const MAX_AMOUNT: f64 = 1e12;

/// A title or name, refused if longer than [`MAX_TITLE_CHARS`]; for `deserialize_with`.
pub fn title<'de, D: Deserializer<'de>, T: Deserialize<'de> + Text>(deserializer: D) -> Result<T, D::Error> {
    let value = T::deserialize(deserializer)?;
    let chars = value.text().map_or(0, |text| text.chars().count());
    if chars > MAX_TITLE_CHARS {
        return Err(de::Error::custom(format!(
            "{}Der Text ist zu lang für einen Namen oder Titel ({chars} Zeichen; erlaubt sind höchstens {MAX_TITLE_CHARS})|Kürzen Sie den Titel; längere Erläuterungen gehören in die Beschreibung.",
            super::GERMAN_MESSAGE
        )));
    }
    Ok(value)
}

/// A value that may hold a text to bound.
pub trait Text {
    fn text(&self) -> Option<&str>;
}

impl Text for String {
    fn text(&self) -> Option<&str> {
        Some(self)
    }
}

impl Text for Option<String> {
    fn text(&self) -> Option<&str> {
        self.as_deref()
    }
}

impl Text for super::Spanned<String> {
    fn text(&self) -> Option<&str> {
        Some(self.get_ref())
    }
}

#[cfg(test)]
mod tests {
    #[derive(serde::Deserialize)]
    struct Named {
        #[serde(deserialize_with = "super::title")]
        title: String,
    }

    #[test]
    fn a_long_title_is_refused_in_german_and_a_short_one_kept() {
        let ok: Named = toml::from_str("title = \"Hauptamt\"").unwrap();
        assert_eq!(ok.title, "Hauptamt");
        let long = format!("title = \"{}\"", "ä".repeat(301));
        let error = toml::from_str::<Named>(&long).err().unwrap();
        assert!(error.message().contains("zu lang"), "{}", error.message());
        assert_eq!(error.span().map(|s| s.start), Some(8));
    }
}
