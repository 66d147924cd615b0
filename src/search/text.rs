//! German text analysis shared by the index and (ported line by line) by `search.js`:
//! words, stop words and Snowball stems.
//!
//! The browser must turn a query into exactly the terms the index holds, so every rule
//! here has a twin in `themes/default/static/search/search.js`; `tests/search_js.rs`
//! checks that both give the same terms for every word of the bundled content.

use std::borrow::Cow;

use rust_stemmers::{Algorithm, Stemmer};

/// Words shorter than this (in characters) are not indexed and not searched.
pub const MIN_WORD_CHARS: usize = 2;

/// Function words that carry no meaning for a search: sorted, lowercase, as written.
/// `search.js` holds the same list.
pub const STOP_WORDS: &[&str] = &[
    "aber", "alle", "allem", "allen", "aller", "alles", "als", "also", "am", "an", "auch", "auf", "aus", "bei", "beim",
    "bis", "bzw", "da", "damit", "dann", "das", "dass", "dem", "den", "denen", "der", "deren", "des", "dessen", "die",
    "dies", "diese", "diesem", "diesen", "dieser", "dieses", "doch", "durch", "ein", "eine", "einem", "einen", "einer",
    "eines", "er", "es", "für", "gegen", "hat", "hatte", "ihr", "ihre", "ihrem", "ihren", "ihrer", "im", "in", "ins",
    "ist", "jede", "jedem", "jeden", "jeder", "jedes", "kann", "man", "mit", "nach", "nicht", "noch", "nur", "ob",
    "oder", "ohne", "sich", "sie", "sind", "so", "sowie", "um", "und", "vom", "von", "vor", "war", "was", "wenn",
    "werden", "wie", "wird", "wo", "wurde", "wurden", "zu", "zum", "zur", "über",
];

/// Whether `word` (lowercase) is a stop word.
pub fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.binary_search(&word).is_ok()
}

/// Letters (the Unicode `Alphabetic` property, so umlauts, ß and accented letters)
/// and ASCII digits make up words; everything else separates them.
pub fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || c.is_ascii_digit()
}

/// Text copied from PDFs or macOS often spells umlauts as a vowel plus U+0308;
/// those are composed so that "Anträge" matches however it was typed.
fn compose_umlauts(text: &str) -> Cow<'_, str> {
    if !text.contains('\u{308}') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let composed = match (out.chars().next_back(), c) {
            (Some('a'), '\u{308}') => Some('ä'),
            (Some('o'), '\u{308}') => Some('ö'),
            (Some('u'), '\u{308}') => Some('ü'),
            (Some('A'), '\u{308}') => Some('Ä'),
            (Some('O'), '\u{308}') => Some('Ö'),
            (Some('U'), '\u{308}') => Some('Ü'),
            _ => None,
        };
        match composed {
            Some(umlaut) => {
                out.pop();
                out.push(umlaut);
            }
            None => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Calls `each` with every searchable word of `text`: lowercase, at least
/// [`MIN_WORD_CHARS`] characters, not a stop word.
pub fn for_each_word(text: &str, mut each: impl FnMut(&str)) {
    let text = compose_umlauts(text);
    let mut ascii = String::new();
    for raw in text.split(|c: char| !is_word_char(c)) {
        if raw.is_empty() {
            continue;
        }
        // Most words are ASCII: lowercase them without allocating.
        let lower;
        let word = if raw.is_ascii() {
            ascii.clear();
            ascii.push_str(raw);
            ascii.make_ascii_lowercase();
            ascii.as_str()
        } else {
            // `str::to_lowercase`, not per character: it writes a final sigma as
            // JavaScript's `toLowerCase` does.
            lower = raw.to_lowercase();
            lower.as_str()
        };
        if word.chars().count() >= MIN_WORD_CHARS && !is_stop_word(word) {
            each(word);
        }
    }
}

/// The searchable words of `text`, in order (see [`for_each_word`]).
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_word(text, |word| out.push(word.to_owned()));
    out
}

/// The Snowball German stemmer: "Stellenpläne" and "Stellenplan" both become
/// "stellenplan" (it folds ä, ö, ü to a, o, u and ß to ss).
pub struct GermanStemmer(Stemmer);

impl GermanStemmer {
    pub fn new() -> Self {
        GermanStemmer(Stemmer::create(Algorithm::German))
    }

    /// The stem of one lowercase word.
    pub fn stem(&self, word: &str) -> String {
        self.0.stem(word).into_owned()
    }

    /// The stems of all searchable words of `text`, in order: the terms a query is made of.
    pub fn terms(&self, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        for_each_word(text, |word| out.push(self.stem(word)));
        out
    }
}

impl Default for GermanStemmer {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_are_sorted_for_binary_search() {
        assert!(STOP_WORDS.windows(2).all(|pair| pair[0] < pair[1]));
    }

    #[test]
    fn words_split_on_non_letters_and_keep_umlauts() {
        assert_eq!(
            words("Die KommIT-Berater:innen prüfen Stellenpläne (Straße 12, §3)."),
            ["kommit", "berater", "innen", "prüfen", "stellenpläne", "straße", "12"]
        );
    }

    #[test]
    fn decomposed_umlauts_are_composed() {
        assert_eq!(words("Antra\u{308}ge U\u{308}bersicht"), ["anträge", "übersicht"]);
    }

    #[test]
    fn inflections_share_a_stem() {
        let stemmer = GermanStemmer::new();
        assert_eq!(stemmer.stem("stellenpläne"), "stellenplan");
        assert_eq!(stemmer.stem("stellenplan"), "stellenplan");
        assert_eq!(stemmer.terms("Stellenplänen"), ["stellenplan"]);
        assert_eq!(stemmer.stem("straße"), "strass");
    }
}
