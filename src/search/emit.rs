//! Writes an [`Index`] as plain `<script>` files under `suche/`: a manifest, one file per
//! document and the term shards, each calling one registration function of `search.js`.
//!
//! Scripts rather than JSON because `fetch()` and WebAssembly are blocked on `file://`
//! while `<script src>` is not. Every file is JSON data wrapped in one call, with `<`,
//! U+2028 and U+2029 escaped so that no text can end a script element or a string.

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::Serialize;

use super::SearchFile;
use super::index::{Index, Posting};
use super::weights::{BODY_WEIGHT, HEADING_WEIGHT, SECTION_WEIGHT, TITLE_WEIGHT};

/// Folder of the search files, relative to the output root.
pub const DIR: &str = "suche";
/// Version of the file format; `search.js` refuses other versions.
pub const FORMAT: u32 = 1;
/// A shard larger than this (bytes, estimated) is split by one more letter of the stem.
pub const SHARD_BYTES: usize = 96 * 1024;
/// Stems are sharded by at least this many leading characters.
const SHARD_KEY_CHARS: usize = 2;

/// `suche/manifest.js`: what the browser needs before it loads anything else.
#[derive(Serialize)]
struct Manifest<'a> {
    format: u32,
    /// Changes with every change of the index: appended to file URLs against stale caches.
    version: String,
    count: usize,
    /// Documents per file `docs/K.js`: document `N` is in file `N / docs_per_file`.
    docs_per_file: usize,
    /// Weight of one body occurrence: term frequency = weight / unit.
    unit: u32,
    /// Field weights, for the record: title, headings, section, body.
    weights: [u32; 4],
    /// Searchable words per document, for length normalisation.
    lengths: Vec<u32>,
    /// Searchable words of each document's title.
    titles: Vec<u32>,
    /// Shard key -> file name (in `suche/`). Stems go to the longest key they start with.
    shards: BTreeMap<&'a str, String>,
}

/// Hands every file of the index to `sink` as soon as it is made: the term shards, the
/// document files (a batch at a time, made on all cores) and last the manifest, whose
/// `version` is a hash of all the files before it in that order. Nothing but one batch of
/// document files is held at once, however large the site.
pub fn write<E>(index: &Index, mut sink: impl FnMut(SearchFile) -> Result<(), E>) -> Result<(), E> {
    let mut version = Version::default();
    let mut shards = BTreeMap::new();
    for (key, terms) in shard(&index.terms) {
        let name = shard_file_name(&key);
        let file = script(&name, "addShard", &key, &shard_data(&terms));
        version.feed(&file);
        sink(file)?;
        shards.insert(key, name);
    }
    // Documents in small chunks, as Pagefind's fragments: a result list loads only what it
    // shows, and a large site does not pay for one file per page (file creation dominates
    // the build time of 10,000 pages).
    const BATCH: usize = 64 * DOCS_PER_FILE;
    for (batch, docs) in index.docs.chunks(BATCH).enumerate() {
        let first = batch * BATCH / DOCS_PER_FILE;
        let made: Vec<SearchFile> =
            (docs.par_chunks(DOCS_PER_FILE).enumerate()).map(|(offset, docs)| doc_file(first + offset, docs)).collect();
        for file in made {
            version.feed(&file);
            sink(file)?;
        }
    }
    let manifest = Manifest {
        format: FORMAT,
        version: version.text(),
        count: index.docs.len(),
        docs_per_file: DOCS_PER_FILE,
        unit: BODY_WEIGHT,
        weights: [TITLE_WEIGHT, HEADING_WEIGHT, SECTION_WEIGHT, BODY_WEIGHT],
        lengths: index.docs.iter().map(|doc| doc.length).collect(),
        titles: index.docs.iter().map(|doc| doc.title_length).collect(),
        shards: shards.iter().map(|(key, name)| (key.as_str(), name.clone())).collect(),
    };
    sink(script("manifest.js", "addManifest", &FORMAT, &manifest))
}

/// All files of the index, sorted by path.
pub fn files(index: &Index) -> Vec<SearchFile> {
    let mut files = Vec::new();
    let written: Result<(), std::convert::Infallible> = write(index, |file| {
        files.push(file);
        Ok(())
    });
    let Ok(()) = written;
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files
}

/// The document file `chunk`: one `addDoc` call per document.
fn doc_file(chunk: usize, docs: &[super::DocEntry]) -> SearchFile {
    let calls: String = docs
        .iter()
        .enumerate()
        .map(|(offset, doc)| {
            let row = [&doc.url, &doc.title, &doc.section, &doc.excerpt, &doc.text];
            call("addDoc", &(chunk * DOCS_PER_FILE + offset), &row)
        })
        .collect();
    SearchFile { path: format!("{DIR}/docs/{chunk}.js"), contents: calls.into_bytes() }
}

/// Documents per file of `docs/`.
pub const DOCS_PER_FILE: usize = 32;

/// One file: `window.lotseSearch.<function>(<key>,<data>);`.
fn script(name: &str, function: &str, key: &impl Serialize, data: &impl Serialize) -> SearchFile {
    SearchFile { path: format!("{DIR}/{name}"), contents: call(function, key, data).into_bytes() }
}

/// One line: `window.lotseSearch.<function>(<key>,<data>);`.
fn call(function: &str, key: &impl Serialize, data: &impl Serialize) -> String {
    format!("window.lotseSearch.{function}({},{});\n", json(key), json(data))
}

/// JSON that is safe inside a script element and a JavaScript string literal, in ASCII.
pub fn json(value: &impl Serialize) -> String {
    // Serialising strings, numbers, vectors and string-keyed maps cannot fail.
    let text = serde_json::to_string(value).unwrap_or_else(|_| "null".to_owned());
    escape_for_script(&text)
}

/// Escapes `<` (so `</script>` and `<!--` cannot appear) and every non-ASCII character
/// as `\uXXXX`: the files then read the same whatever charset a web server announces
/// for `.js`, and U+2028/U+2029 cannot end a string in older engines. In JSON these
/// characters only occur inside strings, where the escapes mean the same.
pub fn escape_for_script(json: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(json.len() + json.len() / 8);
    let mut units = [0u16; 2];
    for c in json.chars() {
        if c == '<' || !c.is_ascii() {
            for unit in c.encode_utf16(&mut units) {
                out.push_str("\\u");
                for shift in [12, 8, 4, 0] {
                    out.push(char::from(HEX[usize::from((*unit >> shift) & 0xf)]));
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Postings as `[doc delta, weight * 4 + fields, …]`: deltas keep the numbers short.
fn shard_data<'a>(terms: &[(&'a str, &'a [Posting])]) -> BTreeMap<&'a str, Vec<u32>> {
    terms
        .iter()
        .map(|(term, postings)| {
            let mut flat = Vec::with_capacity(postings.len() * 2);
            let mut previous = 0;
            for posting in *postings {
                flat.push(posting.doc - previous);
                flat.push(posting.encoded());
                previous = posting.doc;
            }
            (*term, flat)
        })
        .collect()
}

type Group<'a> = Vec<(&'a str, &'a [Posting])>;

/// Groups the terms by their first two characters, and splits a group that is too large
/// by one more character (stems as long as the key stay in the group).
fn shard(terms: &BTreeMap<String, Vec<Posting>>) -> BTreeMap<String, Group<'_>> {
    let mut groups: BTreeMap<String, Group<'_>> = BTreeMap::new();
    for (term, postings) in terms {
        groups.entry(prefix(term, SHARD_KEY_CHARS)).or_default().push((term, postings));
    }
    let mut done = BTreeMap::new();
    let mut todo: Vec<(String, Group<'_>)> = groups.into_iter().collect();
    while let Some((key, group)) = todo.pop() {
        let depth = key.chars().count();
        // A single term cannot be split; of two or more, at least one is longer than the key.
        if group.len() <= 1 || estimated_bytes(&group) <= SHARD_BYTES {
            done.insert(key, group);
            continue;
        }
        let mut children: BTreeMap<String, Group<'_>> = BTreeMap::new();
        for (term, postings) in group {
            children.entry(prefix(term, depth + 1)).or_default().push((term, postings));
        }
        todo.extend(children);
    }
    done
}

fn prefix(term: &str, chars: usize) -> String {
    term.chars().take(chars).collect()
}

fn estimated_bytes(group: &[(&str, &[Posting])]) -> usize {
    group.iter().map(|(term, postings)| term.len() + 5 + postings.len() * 6).sum()
}

/// `index-pr.js`; characters other than a–z and 0–9 are written as `_<hex>_` so that
/// file names stay ASCII on every web server and file system.
pub fn shard_file_name(key: &str) -> String {
    let mut name = String::from("index-");
    for c in key.chars() {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            name.push(c);
        } else {
            name.push_str(&format!("_{:x}_", u32::from(c)));
        }
    }
    name.push_str(".js");
    name
}

/// FNV-1a over all paths and contents, fed file by file: stable across Rust versions,
/// unlike `DefaultHasher`.
struct Version(u64);

impl Default for Version {
    fn default() -> Self {
        Version(0xcbf2_9ce4_8422_2325)
    }
}

impl Version {
    fn feed(&mut self, file: &SearchFile) {
        for byte in file.path.bytes().chain([0]).chain(file.contents.iter().copied()) {
            self.0 ^= u64::from(byte);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn text(&self) -> String {
        format!("{:016x}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shard_names_are_ascii() {
        assert_eq!(shard_file_name("pr"), "index-pr.js");
        assert_eq!(shard_file_name("é1"), "index-_e9_1.js");
    }

    #[test]
    fn script_breakouts_are_escaped() {
        assert_eq!(escape_for_script("[\"</script>\",\"a\u{2028}b\"]"), r#"["\u003c/script>","a\u2028b"]"#);
        assert_eq!(json(&"Grü\u{df}e <😀>"), r#""Gr\u00fc\u00dfe \u003c\ud83d\ude00>""#);
    }

    #[test]
    fn large_groups_are_split_by_one_more_letter() {
        let postings: Vec<Posting> = (0..20_000).map(|doc| Posting { doc, weight: 2, fields: 0 }).collect();
        let terms: BTreeMap<String, Vec<Posting>> =
            ["pr", "projekt", "prozess"].iter().map(|term| ((*term).to_owned(), postings.clone())).collect();
        let keys: Vec<String> = shard(&terms).into_keys().collect();
        assert_eq!(keys, ["pr", "proj", "proz"]);
    }
}
