//! The browser half of the search (`themes/default/static/search/search.js`) under Node:
//! its stemmer and tokeniser agree with Rust on every word of the bundled content, and
//! it answers queries from an index built by `lotse::search::build`.
//!
//! Node is required (CI has it); these tests fail, not skip, without it.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use lotse::search::{GermanStemmer, build, text::words};
use serde_json::json;

use crate::search_common as common;
use common::{bundled_roles, three_pages};

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `node tests/search/<script> <args>` and fails with its output unless it succeeds.
fn node(script: &str, args: &[&Path]) {
    let script = manifest_dir().join("tests/search").join(script);
    let output = match Command::new("node").arg(&script).args(args).output() {
        Ok(output) => output,
        Err(error) => panic!(
            "could not run `node` ({error}): the search tests need Node.js 20 or later on PATH \
             (Debian: apt-get install nodejs)"
        ),
    };
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    println!("{stdout}");
    assert!(output.status.success(), "{} failed:\n{stdout}\n{stderr}", script.display());
}

/// Every file under `content/`, sorted.
fn content_files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![manifest_dir().join("content")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() { stack.push(path) } else { files.push(path) }
        }
    }
    files.sort();
    files
}

/// Words the content may lack but the stemmer rules care about.
const EDGE_CASES: &[&str] = &[
    "a",
    "ab",
    "abc",
    "aufeinander",
    "bauer",
    "bäuerin",
    "kenntnisse",
    "ergebnissen",
    "schönheit",
    "freundlichkeit",
    "lieblich",
    "wichtigkeit",
    "heiligen",
    "beendigung",
    "zeitungen",
    "kraftvollste",
    "lustigste",
    "maßnahmen",
    "straße",
    "buyer",
    "yuppie",
    "ayuya",
    "aue",
    "feuer",
    "treue",
    "häuser",
    "höchst",
    "größtes",
    "müßig",
    "2026",
    "e13",
    "fachämtern",
    "ıi",
    "i\u{307}stanbul",
    "ὀδυσσεύς",
    "çağlar",
    "𝒜𝒷𝒸",
];

#[test]
fn stemmer_and_tokeniser_match_rust_on_all_content() {
    let stemmer = GermanStemmer::new();
    let mut vocabulary: BTreeSet<String> = EDGE_CASES.iter().map(|word| (*word).to_owned()).collect();
    let mut texts = Vec::new();
    for path in content_files() {
        let text = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
        vocabulary.extend(words(&text));
        texts.push(json!([text, stemmer.terms(&text)]));
    }
    assert!(vocabulary.len() > 2000, "only {} distinct words in content/", vocabulary.len());
    let pairs: Vec<_> = vocabulary.iter().map(|word| json!([word, stemmer.stem(word)])).collect();
    let dir = tempfile::tempdir().unwrap();
    let cases = dir.path().join("cases.json");
    std::fs::write(&cases, json!({ "words": pairs, "texts": texts }).to_string()).unwrap();
    node("stemmer_parity.mjs", &[&cases]);
}

/// Writes the index of `documents` into a temporary site and returns it with its `suche/`.
fn built_site(documents: &[lotse::search::SearchDocument]) -> (tempfile::TempDir, PathBuf) {
    let site = tempfile::tempdir().unwrap();
    for file in build(documents.to_vec()) {
        let path = site.path().join(&file.path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, file.contents).unwrap();
    }
    let suche = site.path().join("suche");
    (site, suche)
}

fn run_cases(documents: &[lotse::search::SearchDocument], cases: &serde_json::Value) {
    let (site, suche) = built_site(documents);
    let file = site.path().join("cases.json");
    std::fs::write(&file, cases.to_string()).unwrap();
    node("end_to_end.mjs", &[&suche, &file]);
}

#[test]
fn browser_engine_finds_inflected_compound_and_partial_words() {
    let beraterin = "rollen/digit-beraterin.html";
    let konferenz = "gremien/digit-konferenz.html";
    let modell = "handbuch/steuerungsmodell/index.html";
    run_cases(
        &three_pages(),
        &json!([
            { "query": "Projektanträge", "mode": "all", "urls": [beraterin], "snippet": "DigIT-Projektanträge" },
            { "query": "projektantrag", "mode": "all", "urls": [beraterin] },
            { "query": "Projektan", "mode": "all", "first": beraterin },
            { "query": "Antrag", "mode": "all", "urls": [konferenz, beraterin] },
            { "query": "Bedarf melden", "mode": "all", "urls": [modell, beraterin] },
            { "query": "Konferenz Xylophon", "mode": "any", "urls": [konferenz] },
            { "query": "Xylophon", "mode": "none", "urls": [] },
            { "query": "die und", "mode": "none", "urls": [] },
        ]),
    );
}

#[test]
fn browser_engine_on_the_bundled_role_cards() {
    run_cases(
        &bundled_roles(),
        &json!([
            {
                "query": "Projektanträge",
                "mode": "all",
                "first": "rollen/digit-beraterin.html",
                "snippet": "Projektanträge",
            },
            { "query": "Anwendungsmanager", "mode": "all", "first": "rollen/anwendungsmanagerin.html" },
        ]),
    );
}

/// The bundled content built into a temporary folder without its PDFs (the search does
/// not read them): the output folder.
fn bundled_output() -> (tempfile::TempDir, PathBuf) {
    let site = tempfile::tempdir().unwrap();
    crate::harness::copy_tree(&manifest_dir().join("content"), &site.path().join("content"));
    crate::harness::copy_tree(&manifest_dir().join("themes"), &site.path().join("themes"));
    let settings = site.path().join("content/site.toml");
    let text = std::fs::read_to_string(&settings).unwrap();
    std::fs::write(&settings, format!("{text}\n[build]\npdf = false\n")).unwrap();
    let output = site.path().join("output");
    let result = Command::new(env!("CARGO_BIN_EXE_lotse"))
        .arg("--root")
        .arg(site.path())
        .args(["build", "--output"])
        .arg(&output)
        .output()
        .unwrap();
    assert!(result.status.success(), "{}", String::from_utf8_lossy(&result.stderr));
    (site, output)
}

#[test]
fn every_page_that_shows_the_words_is_found_and_a_page_named_by_them_ranks_first() {
    let (site, output) = bundled_output();
    let cases = json!({
        "recall": [
            "Fast Lane", "KDZ", "Anschluss- und Benutzungszwang", "DigIT-Dialog", "Priorisierung",
            "Rollensteckbrief", "Projektantrag", "Hauptamt", "Stellenplan", "E-Akte", "Ampel",
            "Meilenstein", "Informationsvorlage", "Fachamt", "Steuerungsrunde",
        ],
        // A page named like the query ranks first; the Fast Lane names no page of its own.
        "ranking": [
            { "query": "KDZ", "url": "einheiten/kdz.html", "within": 1 },
            { "query": "DigIT-Dialog", "url": "gremien/digit-dialog.html", "within": 1 },
            { "query": "DigIT-Konferenz", "url": "gremien/digit-konferenz.html", "within": 1 },
            { "query": "Hauptamt", "url": "einheiten/10.html", "within": 1 },
            { "query": "Fast Lane", "url": "steuerungsmodell/index.html", "within": 3 },
        ],
    });
    let file = site.path().join("recall.json");
    std::fs::write(&file, cases.to_string()).unwrap();
    node("recall.mjs", &[&output, &file]);
}
