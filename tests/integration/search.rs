//! The search index: German analysis, what the files hold, escaping, determinism, size.

use std::collections::BTreeMap;
use std::path::Path;

use lotse::search::{GermanStemmer, Index, SearchFile, build};
use serde_json::Value;

use crate::search_common as common;
use common::{bundled_roles, doc, three_pages};

/// The call arguments of a generated script with one call: `window.lotseSearch.f(key, data);`.
fn arguments(file: &SearchFile) -> (String, Value, Value) {
    let mut calls = calls(file);
    assert_eq!(calls.len(), 1, "{} holds one call", file.path);
    calls.remove(0)
}

/// The calls of a generated script, one per line.
fn calls(file: &SearchFile) -> Vec<(String, Value, Value)> {
    std::str::from_utf8(&file.contents).unwrap().lines().map(call).collect()
}

fn call(text: &str) -> (String, Value, Value) {
    let open = text.find('(').unwrap();
    let function = text["window.lotseSearch.".len()..open].to_owned();
    let inner = text[open + 1..].trim_end().strip_suffix(");").unwrap();
    let Value::Array(mut pair) = serde_json::from_str(&format!("[{inner}]")).unwrap() else { panic!() };
    let data = pair.pop().unwrap();
    (function, pair.pop().unwrap(), data)
}

/// Every text file below `content/`: its path relative to `content/` and its text.
fn content_files() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let mut files = Vec::new();
    let mut stack = vec![root.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if let Ok(text) = std::fs::read_to_string(&path) {
                files.push((path.strip_prefix(&root).unwrap().to_string_lossy().replace('\\', "/"), text));
            }
        }
    }
    files
}

/// A query on the written files, as the browser reads them (exact stems, AND):
/// proves that the files alone answer queries.
fn query_files(files: &[SearchFile], query: &str) -> Vec<String> {
    let mut manifest = Value::Null;
    let mut shards = BTreeMap::new();
    let mut docs = BTreeMap::new();
    for file in files {
        for script in calls(file) {
            match script {
                (f, _, data) if f == "addManifest" => manifest = data,
                (f, Value::String(key), data) if f == "addShard" => drop(shards.insert(key, data)),
                (f, Value::Number(number), row) if f == "addDoc" => drop(docs.insert(number.as_u64().unwrap(), row)),
                other => panic!("unexpected script {other:?}"),
            }
        }
    }
    let keys: Vec<&String> = manifest["shards"].as_object().unwrap().keys().collect();
    let mut scores: BTreeMap<u64, (usize, u64)> = BTreeMap::new();
    let stems = GermanStemmer::new().terms(query);
    for stem in &stems {
        let key = keys.iter().filter(|key| stem.starts_with(key.as_str())).max_by_key(|key| key.len());
        let postings = key.and_then(|key| shards[key.as_str()][stem].as_array().cloned()).unwrap_or_default();
        let mut doc = 0;
        for pair in postings.chunks(2) {
            doc += pair[0].as_u64().unwrap();
            let entry = scores.entry(doc).or_default();
            entry.0 += 1;
            entry.1 += pair[1].as_u64().unwrap() / 4;
        }
    }
    let mut hits: Vec<(u64, u64)> =
        scores.into_iter().filter(|(_, (matched, _))| *matched == stems.len()).map(|(doc, (_, w))| (doc, w)).collect();
    hits.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    hits.iter().map(|(doc, _)| docs[doc][0].as_str().unwrap().to_owned()).collect()
}

#[test]
fn projektantraege_and_projektantrag_share_a_stem() {
    let stemmer = GermanStemmer::new();
    assert_eq!(stemmer.terms("Projektanträge"), stemmer.terms("Projektantrag"));
    assert_eq!(stemmer.terms("Projektanträgen"), ["projektantrag"]);
    assert_eq!(stemmer.terms("die neue Software"), ["neu", "softwar"]);
}

#[test]
fn inflected_query_finds_the_page() {
    let index = Index::new(three_pages());
    assert_eq!(index.query("Projektanträge"), ["rollen/digit-beraterin.html"]);
    assert_eq!(index.query("Projektantrag"), ["rollen/digit-beraterin.html"]);
    assert_eq!(index.query("Bedarf")[0], "handbuch/steuerungsmodell/index.html", "two mentions beat one");
}

#[test]
fn compound_parts_are_indexed() {
    let index = Index::new(three_pages());
    assert_eq!(index.query("Antrag"), ["gremien/digit-konferenz.html", "rollen/digit-beraterin.html"]);
}

#[test]
fn written_files_answer_queries() {
    let files = build(three_pages());
    assert_eq!(query_files(&files, "Projektanträge"), ["rollen/digit-beraterin.html"]);
    assert_eq!(query_files(&files, "DigIT Fachämter").len(), 2, "Fachämtern and Fachamt");
    assert!(query_files(&files, "Xylophon").is_empty());
}

#[test]
fn files_are_the_manifest_document_chunks_and_shards() {
    let files = build(three_pages());
    let paths: Vec<&str> = files.iter().map(|file| file.path.as_str()).collect();
    assert!(paths.contains(&"suche/manifest.js"));
    assert!(paths.contains(&"suche/docs/0.js"), "three documents share one chunk");
    let chunk = files.iter().find(|file| file.path == "suche/docs/0.js").unwrap();
    assert_eq!(calls(chunk).len(), 3);
    assert!(paths.contains(&"suche/index-pr.js"));
    let manifest = files.iter().find(|file| file.path == "suche/manifest.js").unwrap();
    let (_, _, manifest) = arguments(manifest);
    for name in manifest["shards"].as_object().unwrap().values() {
        assert!(paths.contains(&format!("suche/{}", name.as_str().unwrap()).as_str()), "{name} is written");
    }
    assert_eq!(manifest["count"], 3);
    assert_eq!(manifest["docs_per_file"], lotse::search::DOCS_PER_FILE);
    assert_eq!(paths.len(), manifest["shards"].as_object().unwrap().len() + 1 + 1);
}

#[test]
fn titles_and_text_cannot_break_out_of_the_script() {
    let evil = doc(
        "x/index.html",
        "<script>alert(1)</script>",
        "Rollen",
        "Text mit </script><script>alert(2)</script> und <!-- und \u{2028} Zeilentrenner, Grüße.",
    );
    let files = build(vec![evil.clone()]);
    for file in &files {
        assert!(!file.contents.contains(&b'<'), "{} holds a raw <", file.path);
        assert!(file.contents.is_ascii(), "{} is ASCII", file.path);
    }
    let page = files.iter().find(|file| file.path == "suche/docs/0.js").unwrap();
    let (_, _, row) = calls(page).remove(0);
    assert_eq!(row[1], "<script>alert(1)</script>", "the title survives unchanged");
    assert!(row[3].as_str().unwrap().starts_with("Text mit </script>"));
    assert!(row[4].as_str().unwrap().ends_with("Zeilentrenner, Grüße."));
}

#[test]
fn same_documents_give_the_same_bytes_in_any_order() {
    let pages = three_pages();
    let mut reversed = pages.clone();
    reversed.reverse();
    assert_eq!(build(pages.clone()), build(pages.clone()));
    assert_eq!(build(pages.clone()), build(reversed.clone()));
}

#[test]
fn empty_site_gives_a_valid_empty_index() {
    let files = build(Vec::new());
    assert_eq!(files.len(), 1, "only the manifest");
    let (_, _, manifest) = arguments(&files[0]);
    assert_eq!(manifest["count"], 0);
}

#[test]
fn bundled_roles_answer_the_fachamt_queries() {
    let index = Index::new(bundled_roles());
    let found = index.query("Projektanträge");
    assert_eq!(found.first(), Some(&"rollen/digit-beraterin.html"), "{found:?}");
    let total: usize = build(bundled_roles()).iter().map(|file| file.contents.len()).sum();
    assert!(total < 64 * 1024, "index of the role cards is {total} bytes");
}

/// Every content file as one document: the size of the index for the bundled site.
#[test]
fn index_of_all_bundled_content_is_small() {
    let documents: Vec<lotse::search::SearchDocument> =
        content_files().iter().map(|(url, text)| doc(url, url, "Inhalt", text)).collect();
    let files = build(documents.clone());
    let total: usize = files.iter().map(|file| file.contents.len()).sum();
    let largest = files.iter().map(|file| file.contents.len()).max().unwrap();
    eprintln!(
        "bundled content: {} documents, {} files, {total} bytes, largest file {largest} bytes",
        documents.len(),
        files.len()
    );
    assert!(total < 1024 * 1024);
}

/// Size and time for 10,000 synthetic documents of about 600 words each, drawn from the
/// vocabulary of the bundled content (Zipf-distributed, plus new compounds and numbers).
/// Run: `cargo test --release --test search -- --ignored --nocapture`.
#[test]
#[ignore = "benchmark: prints sizes, takes some seconds"]
fn ten_thousand_documents_size() {
    let mut vocabulary = std::collections::BTreeSet::new();
    for (_, text) in content_files() {
        vocabulary.extend(text.split(|c: char| !c.is_alphabetic()).filter(|w| w.len() > 1).map(str::to_owned));
    }
    let vocabulary: Vec<String> = vocabulary.into_iter().collect();
    let nouns: Vec<&String> = vocabulary.iter().filter(|w| w.starts_with(char::is_uppercase)).collect();
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move |below: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % below as u64) as usize
    };
    // Zipf-like: the square of a uniform number favours the first words.
    let word = |next: &mut dyn FnMut(usize) -> usize| -> String {
        match next(20) {
            0 | 1 => format!("{}{}", nouns[next(nouns.len())], nouns[next(nouns.len())].to_lowercase()),
            2 => format!("{}", next(100_000)),
            _ => {
                let u = next(1 << 16) as f64 / f64::from(1 << 16);
                vocabulary[((u * u) * vocabulary.len() as f64) as usize].clone()
            }
        }
    };
    let documents: Vec<lotse::search::SearchDocument> = (0..10_000)
        .map(|n| {
            let title: Vec<String> = (0..5).map(|_| word(&mut next)).collect();
            let text: Vec<String> = (0..600).map(|_| word(&mut next)).collect();
            doc(&format!("projekte/p-{n:05}.html"), &title.join(" "), "Projekte", &text.join(" "))
        })
        .collect();
    let started = std::time::Instant::now();
    let files = build(documents.clone());
    let elapsed = started.elapsed();
    let size = |filter: &dyn Fn(&str) -> bool| -> (usize, usize, usize) {
        let chosen: Vec<&SearchFile> = files.iter().filter(|file| filter(&file.path)).collect();
        let total = chosen.iter().map(|file| file.contents.len()).sum();
        (chosen.len(), total, chosen.iter().map(|file| file.contents.len()).max().unwrap_or(0))
    };
    let shards = size(&|path| path.starts_with("suche/index-"));
    let docs = size(&|path| path.starts_with("suche/docs/"));
    let manifest = size(&|path| path == "suche/manifest.js");
    let all = size(&|_| true);
    eprintln!("10,000 documents, vocabulary {} words, built in {elapsed:.2?}", vocabulary.len());
    eprintln!("all:      {:>6} files {:>11} bytes", all.0, all.1);
    eprintln!("shards:   {:>6} files {:>11} bytes, largest {} bytes", shards.0, shards.1, shards.2);
    eprintln!("docs:     {:>6} files {:>11} bytes, largest {} bytes", docs.0, docs.1, docs.2);
    eprintln!("manifest: {:>6} file  {:>11} bytes", manifest.0, manifest.1);
    assert!(shards.2 < 1024 * 1024, "no shard above 1 MiB");
}
