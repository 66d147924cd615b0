//! The inverted index: the documents in URL order and, for every stem, the documents
//! that contain it with a field-weighted term frequency. Built once, then either
//! queried (tests, diagnostics) or written out as shards by [`super::emit`].

use std::collections::BTreeMap;

use rayon::prelude::*;

use super::SearchDocument;
use super::text::GermanStemmer;
use super::vocabulary::{Corpus, Vocabulary, Weight, to_u32};

/// The excerpt shown under a result (where no query word is found in the text) is cut
/// at about this many characters.
pub const EXCERPT_CHARS: usize = 160;
/// The text kept for excerpts around the query words is cut at about this many characters.
pub const TEXT_CHARS: usize = 20_000;

/// What a result shows of a document, and its length for ranking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocEntry {
    pub url: String,
    pub title: String,
    pub section: String,
    pub excerpt: String,
    /// The body text, whitespace collapsed and cut at [`TEXT_CHARS`]: the browser shows
    /// the passage with the query words from it.
    pub text: String,
    /// How many searchable words the document has, in all fields.
    pub length: u32,
    /// How many searchable words its title has: a title of exactly the query's words
    /// names the page, and `search.js` puts it first.
    pub title_length: u32,
}

/// One document that contains a term.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posting {
    /// Position in [`Index::docs`].
    pub doc: u32,
    /// Sum of the field weights of all occurrences; compound parts count half.
    pub weight: u32,
    /// [`IN_TITLE`] and [`IN_HEADING`]: the browser adds a bonus for them that, unlike
    /// term frequency, does not saturate, so the page named like the query comes first.
    pub fields: u8,
}

impl Posting {
    /// The number written to the shard: `weight * 4 + fields`.
    pub fn encoded(self) -> u32 {
        self.weight.saturating_mul(4) | u32::from(self.fields & 3)
    }
}

/// The inverted index.
#[derive(Debug, Default)]
pub struct Index {
    /// Sorted by URL (then by the other fields), whatever order they came in.
    pub docs: Vec<DocEntry>,
    /// Postings of every stem, in document order.
    pub terms: BTreeMap<String, Vec<Posting>>,
}

impl Index {
    /// Indexes `documents`. Linear in the size of the text: a B-tree lookup per word of
    /// a document, a hash lookup per distinct word of a document, and the stemming and
    /// compound splitting of every distinct word of the site once.
    pub fn new(mut documents: Vec<SearchDocument>) -> Index {
        documents.sort_by(|a, b| sort_key(a).cmp(&sort_key(b)));
        let corpus = Corpus::read(&documents);
        // The documents' texts are dropped as their entries are made, before the postings
        // are built: the two never need memory at the same time.
        let docs = documents
            .into_par_iter()
            .zip(&corpus.docs)
            .map(|(doc, words)| DocEntry {
                title_length: word_count(&doc.title),
                excerpt: excerpt(&doc.text, EXCERPT_CHARS),
                text: excerpt(&doc.text, TEXT_CHARS),
                url: doc.url,
                title: doc.title,
                section: doc.section,
                length: words.length,
            })
            .collect();
        let vocabulary = Vocabulary::new(&corpus.words);
        let per_doc: Vec<Vec<(u32, Weight)>> = corpus.docs.par_iter().map(|doc| vocabulary.term_weights(doc)).collect();
        let mut postings: Vec<Vec<Posting>> = vec![Vec::new(); vocabulary.terms.len()];
        for (doc, terms) in per_doc.into_iter().enumerate() {
            for (term, weight) in terms {
                if let Some(list) = postings.get_mut(term as usize) {
                    list.push(Posting { doc: to_u32(doc), weight: weight.sum, fields: weight.fields });
                }
            }
        }
        let terms = vocabulary.terms.into_iter().zip(postings).filter(|(_, list)| !list.is_empty()).collect();
        Index { docs, terms }
    }

    pub fn postings(&self, stem: &str) -> &[Posting] {
        self.terms.get(stem).map_or(&[], Vec::as_slice)
    }

    /// A reference query on exact stems: the URLs of the documents that contain every
    /// term of `query` (or, if none does, any of them), by summed weight. `search.js`
    /// ranks with BM25 and prefix matches; this is for tests and diagnostics.
    pub fn query(&self, query: &str) -> Vec<&str> {
        let mut stems = GermanStemmer::new().terms(query);
        stems.sort();
        stems.dedup();
        let mut scores: BTreeMap<u32, (usize, u64)> = BTreeMap::new();
        for stem in &stems {
            for posting in self.postings(stem) {
                let entry = scores.entry(posting.doc).or_default();
                entry.0 += 1;
                entry.1 += u64::from(posting.weight);
            }
        }
        let all = scores.values().any(|(matched, _)| *matched == stems.len());
        let mut ranked: Vec<(u32, usize, u64)> = scores
            .into_iter()
            .filter(|(_, (matched, _))| !all || *matched == stems.len())
            .map(|(doc, (matched, score))| (doc, matched, score))
            .collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(b.2.cmp(&a.2)).then(a.0.cmp(&b.0)));
        ranked.iter().filter_map(|(doc, _, _)| self.docs.get(*doc as usize)).map(|doc| doc.url.as_str()).collect()
    }
}

fn word_count(text: &str) -> u32 {
    let mut count = 0u32;
    super::text::for_each_word(text, |_| count = count.saturating_add(1));
    count
}

fn sort_key(doc: &SearchDocument) -> (&str, &str, &str, &str, &[String]) {
    (&doc.url, &doc.title, &doc.section, &doc.text, &doc.headings)
}

/// The start of `text` with whitespace collapsed, cut after a word near `limit`
/// characters and marked with "…" where it was cut.
pub fn excerpt(text: &str, limit: usize) -> String {
    let mut out = String::new();
    let mut chars = 0;
    for word in text.split_whitespace() {
        let len = word.chars().count();
        if chars > 0 && chars + 1 + len > limit {
            let trimmed = out.trim_end_matches([',', ';', ':', '–', '-']).len();
            out.truncate(trimmed);
            out.push_str(" …");
            return out;
        }
        if chars > 0 {
            out.push(' ');
            chars += 1;
        }
        if len > limit {
            out.extend(word.chars().take(limit));
            out.push('…');
            return out;
        }
        out.push_str(word);
        chars += len;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpt_cuts_after_a_word() {
        assert_eq!(excerpt("  Ein   kurzer\nText ", 160), "Ein kurzer Text");
        assert_eq!(excerpt("eins zwei, drei vier", 12), "eins zwei …");
        assert_eq!(excerpt("Donaudampfschifffahrt", 5), "Donau…");
    }
}
