//! Splitting German compounds into words the site itself uses, so that "Antrag" finds
//! "Projektanträge" and "Meldung" finds "Bedarfsmeldung".
//!
//! There is no dictionary: a split counts only where every part stems to a word that
//! occurs on its own somewhere in the indexed text. Linking elements (the "s" of
//! "Bedarfsmeldung", the "en" of "Fachämtern") are removed by the stemmer itself.

use std::collections::{BTreeSet, HashSet};

use super::text::{GermanStemmer, is_stop_word};

/// Parts shorter than this are not split off ("Amt" in "Hauptamt" still is).
const MIN_PART_CHARS: usize = 3;
/// Longer words are left alone: their splits would cost more than they find.
const MAX_WORD_CHARS: usize = 40;
/// The most the German stemmer removes from the end of a word ("ern" + "est" + "keit" +
/// "lich"), all ASCII, so at most this many bytes.
const MAX_STRIPPED_BYTES: usize = 14;

/// Finds the parts of compounds against the stems of all words of the index.
pub struct Splitter<'a> {
    stemmer: &'a GermanStemmer,
    known: &'a HashSet<String>,
}

/// A word with its characters and their folded spelling (see [`fold`]).
struct Word {
    chars: Vec<char>,
    folded: String,
    /// Byte offset in `folded` of each character of `chars`, and of the end.
    offsets: Vec<usize>,
}

impl<'a> Splitter<'a> {
    /// `known` holds the stem of every word that occurs in the indexed text.
    pub fn new(stemmer: &'a GermanStemmer, known: &'a HashSet<String>) -> Self {
        Splitter { stemmer, known }
    }

    /// The stems of the parts of `word` (lowercase), sorted; empty if it is no compound
    /// of two or three known words. The stem of `word` itself is not among them.
    pub fn parts(&self, word: &str) -> BTreeSet<String> {
        let mut parts = BTreeSet::new();
        let word = Word::new(word);
        let n = word.chars.len();
        if n < 2 * MIN_PART_CHARS || n > MAX_WORD_CHARS {
            return parts;
        }
        let splits = MIN_PART_CHARS..=n - MIN_PART_CHARS;
        let lefts: Vec<(usize, String)> = splits.clone().filter_map(|at| Some((at, self.part(&word, 0, at)?))).collect();
        if lefts.is_empty() {
            return parts;
        }
        let heads: Vec<(usize, String)> = splits.filter_map(|at| Some((at, self.part(&word, at, n)?))).collect();
        for (at, left) in &lefts {
            for (head_at, head) in &heads {
                if head_at == at {
                    parts.insert(left.clone());
                    parts.insert(head.clone());
                } else if *head_at >= at + MIN_PART_CHARS
                    && let Some(middle) = self.part(&word, *at, *head_at)
                {
                    parts.extend([left.clone(), middle, head.clone()]);
                }
            }
        }
        parts.remove(&self.stemmer.stem(&word.chars.iter().collect::<String>()));
        parts
    }

    /// The stem of characters `from..to` of `word` if it is a word of the index of its
    /// own and no stop word.
    fn part(&self, word: &Word, from: usize, to: usize) -> Option<String> {
        // A stem is its word, folded, less at most MAX_STRIPPED_BYTES: if no such prefix
        // is known, the (fifty times dearer) stemmer need not run.
        let folded = &word.folded[word.offsets[from]..word.offsets[to]];
        let shortest = folded.len().saturating_sub(MAX_STRIPPED_BYTES);
        let possible = (shortest..=folded.len()).any(|end| folded.get(..end).is_some_and(|stem| self.known.contains(stem)));
        if !possible {
            return None;
        }
        let text: String = word.chars[from..to].iter().collect();
        if is_stop_word(&text) {
            return None;
        }
        let stem = self.stemmer.stem(&text);
        self.known.contains(&stem).then_some(stem)
    }
}

impl Word {
    fn new(word: &str) -> Word {
        let chars: Vec<char> = word.chars().collect();
        let mut folded = String::with_capacity(word.len());
        let mut offsets = Vec::with_capacity(chars.len() + 1);
        for &c in &chars {
            offsets.push(folded.len());
            fold(c, &mut folded);
        }
        offsets.push(folded.len());
        Word { chars, folded, offsets }
    }
}

/// The spelling the stemmer leaves a letter in: umlauts without dots, ß as ss. Every
/// stem is a prefix of its word spelt so.
fn fold(c: char, out: &mut String) {
    match c {
        'ä' => out.push('a'),
        'ö' => out.push('o'),
        'ü' => out.push('u'),
        'ß' => out.push_str("ss"),
        _ => out.push(c),
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
        let known = known(&["projekt", "anträge", "bedarf", "meldung", "haupt", "amt", "straße", "schäden"]);
        let splitter = Splitter::new(&stemmer, &known);
        assert_eq!(splitter.parts("projektanträge"), BTreeSet::from(["antrag".into(), "projekt".into()]));
        assert_eq!(splitter.parts("bedarfsmeldungen"), BTreeSet::from(["bedarf".into(), "meldung".into()]));
        assert_eq!(splitter.parts("hauptamt"), BTreeSet::from(["amt".into(), "haupt".into()]));
        assert_eq!(splitter.parts("straßenschäden"), BTreeSet::from(["schad".into(), "strass".into()]));
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

    #[test]
    fn every_stem_is_a_prefix_of_its_folded_word() {
        let stemmer = GermanStemmer::new();
        for word in ["projektanträgen", "größtes", "häuser", "kenntnisse", "freundlichkeiten", "mäßigkeit", "feuer"] {
            let folded = Word::new(word).folded;
            let stem = stemmer.stem(word);
            assert!(folded.starts_with(&stem) && folded.len() - stem.len() <= MAX_STRIPPED_BYTES, "{word} -> {stem}");
        }
    }
}
