//! Characters that no font of the PDFs has. PDF/A forbids a missing glyph, so a single
//! such character in a title would fail the whole PDF: instead it is written as its code
//! point, `(U+1FAE8)`, and `lotse check` warns, naming the file and the place.

use std::collections::{BTreeMap, HashMap};

use rayon::prelude::*;

use super::world::Shared;
use crate::diag::Diagnostic;
use crate::source::{FileId, SourceMap};

/// `text` with every character no font covers written as its code point.
pub fn replace_missing(shared: &Shared, text: &str) -> String {
    if text.is_ascii() {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut known: HashMap<char, bool> = HashMap::new();
    for c in text.chars() {
        if c.is_ascii() || invisible(c) || *known.entry(c).or_insert_with(|| shared.covers(c)) {
            out.push(c);
        } else {
            out.push_str(&code_point(c));
        }
    }
    out
}

/// `(U+1FAE8)`: what stands in the PDF for a character no font has.
pub fn code_point(c: char) -> String {
    format!("(U+{:04X})", u32::from(c))
}

/// A warning for each character in a content file that no font of the PDFs has (at most
/// five per file), at its first place: `lotse check` says where, before any PDF is set.
pub fn check(fonts: &std::collections::BTreeMap<String, Vec<u8>>, sources: &SourceMap) -> Vec<Diagnostic> {
    let shared = Shared::new(fonts);
    let files: Vec<FileId> = sources.iter().map(|(file, _)| file).collect();
    files
        .par_iter()
        .flat_map_iter(|&file| {
            let text = &sources.get(file).text;
            let mut first: BTreeMap<char, usize> = BTreeMap::new();
            if !text.is_ascii() {
                let mut known: HashMap<char, bool> = HashMap::new();
                for (at, c) in text.char_indices().filter(|(_, c)| !c.is_ascii() && !invisible(*c)) {
                    if !*known.entry(c).or_insert_with(|| shared.covers(c)) {
                        first.entry(c).or_insert(at);
                    }
                }
            }
            let mut places: Vec<(usize, char)> = first.into_iter().map(|(c, at)| (at, c)).collect();
            places.sort();
            places.into_iter().take(5).map(move |(at, c)| {
                Diagnostic::warning(format!("Das Zeichen „{c}“ (U+{:04X}) gibt es in keiner Schrift der PDFs", u32::from(c)))
                    .at(file, at..at + c.len_utf8(), "dieses Zeichen")
                    .hint(format!("In den PDFs steht stattdessen {}; auf den HTML-Seiten steht es unverändert. Ersetzen Sie es, oder legen Sie eine Schrift, die es enthält, in den Ordner `fonts/` des Themes.", code_point(c)))
            })
        })
        .collect()
}

/// Characters that are not drawn (joiners, variation selectors, format and control
/// characters, spaces): no font needs a glyph for them.
fn invisible(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(u32::from(c), 0x00AD | 0x200B..=0x200F | 0x2028..=0x202E | 0x2060..=0x206F | 0xFE00..=0xFE0F | 0xFEFF | 0xE0000..=0xE0FFF)
}
