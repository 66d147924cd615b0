//! The words of all documents, numbered once, and their stems and compound parts as
//! numbers into the sorted list of terms: postings are then built by indexing vectors,
//! without a string lookup per word of a document.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use rayon::prelude::*;

use super::SearchDocument;
use super::compound::{FxHasher, Splitter, StemSet};
use super::text::{GermanStemmer, for_each_word};
use super::weights::{BODY_WEIGHT, HEADING_WEIGHT, IN_HEADING, IN_TITLE, SECTION_WEIGHT, TITLE_WEIGHT};

/// Documents analysed at once: bounds the memory of their words as strings.
const CHUNK: usize = 256;

/// Summed field weights and field bits of one word or term in one document.
#[derive(Debug, Clone, Copy, Default)]
pub struct Weight {
    pub sum: u32,
    pub fields: u8,
}

impl Weight {
    fn add(&mut self, sum: u32, fields: u8) {
        self.sum = self.sum.saturating_add(sum);
        self.fields |= fields;
    }
}

/// One document as word numbers.
pub struct DocWords {
    /// (word number, weight), each word once.
    pub words: Vec<(u32, Weight)>,
    /// How many searchable words the document has, in all fields.
    pub length: u32,
}

/// All documents as word numbers, and the words.
pub struct Corpus {
    /// The distinct words, by number.
    pub words: Vec<Box<str>>,
    pub docs: Vec<DocWords>,
}

impl Corpus {
    /// Analyses `documents` (in parallel, a chunk at a time) and numbers their words.
    pub fn read(documents: &[SearchDocument]) -> Corpus {
        let mut numbers: HashMap<Box<str>, u32, BuildHasherDefault<FxHasher>> = HashMap::default();
        let mut words: Vec<Box<str>> = Vec::new();
        let mut docs = Vec::with_capacity(documents.len());
        for chunk in documents.chunks(CHUNK) {
            let analysed: Vec<(Vec<(String, Weight)>, u32)> = chunk.par_iter().map(analyse).collect();
            for (map, length) in analysed {
                let mut list = Vec::with_capacity(map.len());
                for (word, weight) in map {
                    let number = match numbers.get(word.as_str()) {
                        Some(number) => *number,
                        None => {
                            let number = to_u32(words.len());
                            let word = word.into_boxed_str();
                            words.push(word.clone());
                            numbers.insert(word, number);
                            number
                        }
                    };
                    list.push((number, weight));
                }
                docs.push(DocWords { words: list, length });
            }
        }
        Corpus { words, docs }
    }
}

/// The searchable words of every field of `doc` with their summed weights, and its length.
fn analyse(doc: &SearchDocument) -> (Vec<(String, Weight)>, u32) {
    // A hash map while counting (one lookup per word of the text), sorted once at the end:
    // the numbering of words then follows their order, whatever the hasher.
    let mut words: HashMap<String, Weight, BuildHasherDefault<FxHasher>> = HashMap::default();
    let mut length = 0u32;
    let mut add = |text: &str, weight: u32, fields: u8| {
        for_each_word(text, |word| {
            length = length.saturating_add(1);
            match words.get_mut(word) {
                Some(sum) => sum.add(weight, fields),
                None => {
                    words.insert(word.to_owned(), Weight { sum: weight, fields });
                }
            }
        });
    };
    add(&doc.title, TITLE_WEIGHT, IN_TITLE);
    add(&doc.section, SECTION_WEIGHT, 0);
    for heading in &doc.headings {
        add(heading, HEADING_WEIGHT, IN_HEADING);
    }
    add(&doc.text, BODY_WEIGHT, 0);
    let mut words: Vec<(String, Weight)> = words.into_iter().collect();
    words.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    (words, length)
}

/// The terms of the index and, for every word, the numbers of its stem and compound parts.
pub struct Vocabulary {
    /// All stems and compound parts, sorted: a term's number is its position.
    pub terms: Vec<String>,
    /// By word number: (its stem, its compound parts).
    words: Vec<(u32, Vec<u32>)>,
}

impl Vocabulary {
    pub fn new(words: &[Box<str>]) -> Vocabulary {
        let stemmer = GermanStemmer::new();
        let stems: Vec<String> = words.par_iter().map(|word| stemmer.stem(word)).collect();
        let known: StemSet = stems.iter().cloned().collect();
        let splitter = Splitter::new(&stemmer, &known);
        let parts: Vec<Vec<String>> = words.par_iter().map(|word| splitter.parts(word).into_iter().collect()).collect();
        let mut terms: Vec<String> = stems.iter().chain(parts.iter().flatten()).cloned().collect();
        terms.par_sort_unstable();
        terms.dedup();
        let number = |term: &str| terms.binary_search_by(|probe| probe.as_str().cmp(term)).map_or(u32::MAX, to_u32);
        let words = stems
            .par_iter()
            .zip(&parts)
            .map(|(stem, parts)| (number(stem), parts.iter().map(|part| number(part)).collect()))
            .collect();
        Vocabulary { terms, words }
    }

    /// The terms of one document by number, with their weights; compound parts count half.
    pub fn term_weights(&self, doc: &DocWords) -> Vec<(u32, Weight)> {
        let mut terms: Vec<(u32, Weight)> = Vec::with_capacity(doc.words.len() * 2);
        for (word, weight) in &doc.words {
            let Some((stem, parts)) = self.words.get(*word as usize) else { continue };
            terms.push((*stem, *weight));
            let half = Weight { sum: (weight.sum / 2).max(1), fields: weight.fields };
            terms.extend(parts.iter().map(|part| (*part, half)));
        }
        terms.sort_unstable_by_key(|(term, _)| *term);
        terms.dedup_by(|next, kept| {
            let same = next.0 == kept.0;
            if same {
                kept.1.add(next.1.sum, next.1.fields);
            }
            same
        });
        terms
    }
}

pub fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
