//! The offline full-text search index: German stemming at build time, sharded JS files for the browser.
//!
//! [`build`] turns the pages of the site into files under `suche/` that
//! `themes/default/static/search/search.js` loads with `<script>` tags, which work from a
//! web server and from `file://` alike (`fetch()` and WebAssembly do not on `file://`,
//! which rules out Pagefind).
//!
//! Files, all `window.lotseSearch.<function>(key, data);` with JSON data:
//!
//! - `suche/manifest.js`: `addManifest(1, {format, version, count, unit, weights, lengths, shards})`,
//!   the number of documents, their lengths and the shard keys with their file names;
//! - `suche/docs/K.js`: one `addDoc(N, [url, title, section, excerpt, text])` line per document
//!   `N` of chunk `K = N / docs_per_file`; document `N`
//!   in URL order, with its text (cut at 20,000 characters) for excerpts around the query;
//! - `suche/index-XX.js`: `addShard("xx", {stem: [doc delta, weight * 4 + fields, …], …})`,
//!   the postings of all stems whose longest shard key is `xx` (the first two letters of
//!   the stem, or more where a shard would be too large); fields: 2 = the stem is in the
//!   title, 1 = in a heading.
//!
//! A query loads the manifest, the shards of its terms and the files of the results it
//! shows. Sizes grow linearly with the text: no file holds something per pair
//! of documents.

mod compound;
pub mod emit;
pub mod index;
mod page_text;
pub mod text;
mod vocabulary;
mod weights;

pub use emit::DOCS_PER_FILE;
pub use index::{DocEntry, Index, Posting};
pub use page_text::{PageText, page_text};
pub use text::GermanStemmer;

/// One page of the site as the search sees it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchDocument {
    /// Path relative to the output root, e.g. `rollen/leitung-it/index.html`.
    pub url: String,
    pub title: String,
    /// The part of the site, e.g. `Rollen`: shown with the result and searchable.
    pub section: String,
    /// Headings of the page body: they weigh more than body text. May be empty.
    pub headings: Vec<String>,
    /// Plain text of the page body (no markup); its start is the excerpt.
    pub text: String,
}

/// One output file of the index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchFile {
    /// Relative to the output root, e.g. `suche/index-pr.js`.
    pub path: String,
    pub contents: Vec<u8>,
}

/// Builds the search files for `documents`, sorted by path. The same documents give
/// the same bytes, whatever order they come in.
pub fn build(documents: Vec<SearchDocument>) -> Vec<SearchFile> {
    emit::files(&Index::new(documents))
}

/// Builds the search files for `documents` and hands each to `sink` as soon as it is made
/// (see [`emit::write`]): the same bytes as [`build`], without holding them all.
pub fn write<E>(documents: Vec<SearchDocument>, sink: impl FnMut(SearchFile) -> Result<(), E>) -> Result<(), E> {
    emit::write(&Index::new(documents), sink)
}
