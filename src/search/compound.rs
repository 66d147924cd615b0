//! Splitting German compounds into words the site itself uses, so that "Antrag" finds
//! "Projektanträge" and "Meldung" finds "Bedarfsmeldung".
//!
//! There is no dictionary: a split counts only where both parts stem to words that occur
//! on their own somewhere in the indexed text. Linking elements (the "s" of
//! "Bedarfsmeldung", the "en" of "Fachämtern") are removed by the stemmer itself.

use std::collections::{BTreeSet, HashSet};

use super::text::{GermanStemmer, is_stop_word};

/// Parts shorter than this are not split off ("Amt" in "Hauptamt" still is).
const MIN_PART_CHARS: usize = 3;
/// Longer words are left alone: their splits would cost more than they find.
const MAX_WORD_CHARS: usize = 40;
/// How many parts deep a compound is taken apart ("Landes|haupt|stadt").
const MAX_DEPTH: usize = 2;

/// Finds the parts of compounds against the stems of all words of the index.
pub struct Splitter<'a> {
    stemmer: &'a GermanStemmer,
    known: &'a HashSet<String>,
}

impl<'a> Splitter<'a> {
    /// `known` holds the stem of every word that occurs in the indexed text.
    pub fn new(stemmer: &'a GermanStemmer, known: &'a HashSet<String>) -> Self {
        Splitter { stemmer, known }
    }

    /// The stems of the parts of `word` (lowercase), sorted; empty if it is no compound
    /// of known words. The stem of `word` itself is not among them.
    pub fn parts(&self, word: &str) -> BTreeSet<String> {
        let chars: Vec<char> = word.chars().collect();
        let mut parts = BTreeSet::new();
        if chars.len() <= MAX_WORD_CHARS {
            self.split(&chars, MAX_DEPTH, &mut parts);
        }
        parts.remove(&self.stemmer.stem(word));
        parts
    }

    /// Adds the parts of every split of `chars` whose head (the right part) is known or
    /// itself a compound; returns whether there was one.
    fn split(&self, chars: &[char], depth: usize, parts: &mut BTreeSet<String>) -> bool {
        let mut found = false;
        for at in MIN_PART_CHARS..=chars.len().saturating_sub(MIN_PART_CHARS) {
            let Some(left) = self.known_stem(&chars[..at]) else { continue };
            let right = &chars[at..];
            if let Some(head) = self.known_stem(right) {
                parts.insert(left);
                parts.insert(head);
                if depth > 1 {
                    self.split(right, depth - 1, parts);
                }
                found = true;
            } else if depth > 1 && self.split(right, depth - 1, parts) {
                parts.insert(left);
                found = true;
            }
        }
        found
    }

    /// The stem of `chars` if it is a word of its own in the index and no stop word.
    fn known_stem(&self, chars: &[char]) -> Option<String> {
        let word: String = chars.iter().collect();
        if is_stop_word(&word) {
            return None;
        }
        let stem = self.stemmer.stem(&word);
        self.known.contains(&stem).then_some(stem)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(words: &[&str]) -> HashSet<String> {
        let stemmer = GermanStemmer::new();
        words.iter().map(|word| stemmer.stem(word)).collect()
    }

    #[test]
    fn compounds_split_into_known_words() {
        let stemmer = GermanStemmer::new();
        let known = known(&["projekt", "antrag", "bedarf", "meldung", "haupt", "amt"]);
        let splitter = Splitter::new(&stemmer, &known);
        assert_eq!(splitter.parts("projektanträge"), BTreeSet::from(["antrag".into(), "projekt".into()]));
        assert_eq!(splitter.parts("bedarfsmeldungen"), BTreeSet::from(["bedarf".into(), "meldung".into()]));
        assert_eq!(splitter.parts("hauptamt"), BTreeSet::from(["amt".into(), "haupt".into()]));
    }

    #[test]
    fn unknown_parts_are_not_split() {
        let stemmer = GermanStemmer::new();
        let known = known(&["beratung", "tung", "waltung", "in", "halt"]);
        let splitter = Splitter::new(&stemmer, &known);
        assert!(splitter.parts("beratung").is_empty(), "`bera` is no word of the index");
        assert!(splitter.parts("verwaltung").is_empty(), "`ver` is no word of the index");
        assert!(splitter.parts("inhalt").is_empty(), "parts have at least three letters");
    }

    #[test]
    fn three_part_compounds() {
        let stemmer = GermanStemmer::new();
        let known = known(&["land", "haupt", "stadt"]);
        let splitter = Splitter::new(&stemmer, &known);
        assert_eq!(
            splitter.parts("landeshauptstadt"),
            BTreeSet::from(["haupt".into(), "land".into(), "stadt".into()])
        );
    }
}
