//! Splitting German compounds into words the site itself uses, so that "Antrag" finds
//! "Stellenpläne" and "Meldung" finds "Bedarfsmeldung".
//!
//! There is no dictionary: a split counts only where every part stems to a word that
//! occurs on its own somewhere in the indexed text. Linking elements (the "s" of
//! "Bedarfsmeldung", the "en" of "Fachämtern") are removed by the stemmer itself.

use std::collections::{BTreeSet, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use super::text::{GermanStemmer, is_stop_word};

/// Parts shorter than this are not split off ("Amt" in "Hauptamt" still is).
const MIN_PART_CHARS: usize = 3;
/// Longer words are left alone: their splits would cost more than they find.
const MAX_WORD_CHARS: usize = 40;
/// The most the German stemmer removes from the end of a word ("ern" + "est" + "keit" +
/// "lich"), all ASCII, so at most this many bytes.
const MAX_STRIPPED_BYTES: usize = 14;

/// A set of stems. Splitting looks up a dozen slices per letter of every distinct word,
/// so it hashes with Fx (as rustc does) rather than SipHash, four times faster here;
/// nothing iterates it into output without sorting.
pub type StemSet = HashSet<String, BuildHasherDefault<FxHasher>>;

/// The Fx hash of rustc: multiply and rotate, eight bytes at a time. Not DoS-resistant,
/// which does not matter for the words of one's own site.
#[derive(Default)]
pub struct FxHasher {
    hash: u64,
}

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let mut rest = [0u8; 8];
        let tail = chunks.remainder();
        if !tail.is_empty() {
            rest[..tail.len()].copy_from_slice(tail);
            self.add(u64::from_le_bytes(rest));
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

/// Finds the parts of compounds against the stems of all words of the index.
pub struct Splitter<'a> {
    stemmer: &'a GermanStemmer,
    known: &'a StemSet,
}

/// Letters the stemmer may remove from the end of a word: those of its suffixes.
const SUFFIX_LETTERS: &[u8] = b"cdeghiklmnrstu";

/// A word with its characters and their folded spelling (see [`fold`]).
struct Word {
    chars: Vec<char>,
    folded: String,
    /// Byte offset in `folded` of each character of `chars`, and of the end.
    offsets: Vec<usize>,
    /// For each byte offset in `folded`: where the run of suffix letters ending there
    /// starts. A stem of `folded[a..b]` ends no earlier than `suffix_run[b]`.
    suffix_run: Vec<usize>,
}

impl<'a> Splitter<'a> {
    /// `known` holds the stem of every word that occurs in the indexed text.
    pub fn new(stemmer: &'a GermanStemmer, known: &'a StemSet) -> Self {
        Splitter { stemmer, known }
    }

    /// The stems of the parts of `word` (lowercase), sorted; empty if it is no compound
    /// of two or three known words. The stem of `word` itself is not among them.
    pub fn parts(&self, word: &str) -> BTreeSet<String> {
        let mut parts = BTreeSet::new();
        let word = Word::new(word);
        let n = word.chars.len();
        if !(2 * MIN_PART_CHARS..=MAX_WORD_CHARS).contains(&n) {
            return parts;
        }
        let splits = MIN_PART_CHARS..=n - MIN_PART_CHARS;
        let lefts: Vec<(usize, String)> =
            splits.clone().filter_map(|at| Some((at, self.part(&word, 0, at)?))).collect();
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
        // A stem is its word, folded, less a tail of suffix letters: if no such prefix is
        // known, the (fifty times dearer) stemmer need not run.
        let (start, end) = (word.offsets[from], word.offsets[to]);
        let shortest = end.saturating_sub(MAX_STRIPPED_BYTES).max(word.suffix_run[end]).max(start + 1);
        let possible = (shortest..=end).any(|stem_end| self.known.contains(&word.folded[start..stem_end]));
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
        let mut suffix_run = Vec::with_capacity(folded.len() + 1);
        suffix_run.push(0);
        for (at, byte) in folded.bytes().enumerate() {
            let run = if SUFFIX_LETTERS.contains(&byte) { suffix_run[at] } else { at + 1 };
            suffix_run.push(run);
        }
        Word { chars, folded, offsets, suffix_run }
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

    fn known(words: &[&str]) -> StemSet {
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
        assert_eq!(splitter.parts("landeshauptstadt"), BTreeSet::from(["haupt".into(), "land".into(), "stadt".into()]));
    }

    #[test]
    fn every_stem_is_a_prefix_of_its_folded_word() {
        let stemmer = GermanStemmer::new();
        for word in ["projektanträgen", "größtes", "häuser", "kenntnisse", "freundlichkeiten", "mäßigkeit", "feuer"]
        {
            let folded = Word::new(word).folded;
            let stem = stemmer.stem(word);
            let tail = &folded.as_bytes()[stem.len()..];
            assert!(folded.starts_with(&stem) && tail.len() <= MAX_STRIPPED_BYTES, "{word} -> {stem}");
            assert!(tail.iter().all(|byte| SUFFIX_LETTERS.contains(byte)), "{word} -> {stem}");
        }
    }
}
