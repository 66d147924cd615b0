//! The markers of readings (Lesarten) where the statements they cover are shown: on the
//! pages, in their tables and in the PDFs.

use serde::Serialize;

use super::Linker;
use crate::model::{EntityKind, Model, Reading, ReadingTargets, Source};
use crate::paths;

/// The slug of the page that lists the sources and every reading.
pub const SOURCES_SECTION: &str = "quellen";

/// One reading as a marker: what kind it is, its title and reasoning, the source it reads
/// (named, so that a PDF page says which document "das Quelldokument" is), and where the
/// sources page explains it.
#[derive(Debug, Clone, Serialize)]
pub struct ReadingMark {
    pub kind: String,
    pub title: String,
    pub reasoning: String,
    /// The source as a citation: title, publisher, date, place in it; empty without one.
    pub source: String,
    pub href: String,
}

/// The readings for an aspect of every item (`"raci"`, `"flow.endpoints"`).
pub fn aspect(linker: &Linker<'_>, aspect: &str) -> Vec<ReadingMark> {
    marks(linker, linker.model.reading_targets.get(aspect))
}

/// The readings for one item, by kind and id (or alias).
pub fn item(linker: &Linker<'_>, kind: EntityKind, id: &str) -> Vec<ReadingMark> {
    let Some(entry) = linker.model.lookup(kind, id) else { return Vec::new() };
    marks(linker, linker.model.reading_targets.get(&ReadingTargets::item_key(kind, &entry.canonical)))
}

fn marks(linker: &Linker<'_>, readings: &[usize]) -> Vec<ReadingMark> {
    readings
        .iter()
        .filter_map(|&index| linker.model.readings.get(index))
        .map(|reading| ReadingMark {
            kind: linker.site.label(&reading.kind.get_ref().label_key()),
            title: reading.title.clone(),
            reasoning: reading.reasoning.clone(),
            source: reading_citation(linker.model, reading),
            href: linker.href(&format!("{}#{}", paths::section(SOURCES_SECTION), anchor(reading.id.get_ref()))),
        })
        .collect()
}

fn reading_citation(model: &Model, reading: &Reading) -> String {
    source_of(model, reading).map(|source| citation(source, reading.location.as_deref())).unwrap_or_default()
}

/// The source a reading names, if the site has it.
pub fn source_of<'m>(model: &'m Model, reading: &Reading) -> Option<&'m Source> {
    let id = reading.source.as_ref()?;
    model.sources.iter().find(|s| s.id.get_ref() == id.get_ref())
}

/// Every source of the site as a citation, for documents that restate them.
pub fn citations(model: &Model) -> Vec<String> {
    model.sources.iter().map(|source| citation(source, None)).collect()
}

/// "Title (publisher, date); place in it", leaving out what the source does not give.
fn citation(source: &Source, location: Option<&str>) -> String {
    let date = source.date.as_ref().map(|d| crate::german::date(*d.get_ref()));
    let issued = [Some(source.publisher.clone()), date].into_iter().flatten().filter(|part| !part.trim().is_empty());
    let issued = issued.collect::<Vec<_>>().join(", ");
    let mut citation = source.title.clone();
    if !issued.is_empty() {
        citation.push_str(&format!(" ({issued})"));
    }
    // The place in the source may itself be a list ("Schaubild, Rollensteckbriefe").
    if let Some(location) = location.filter(|l| !l.trim().is_empty()) {
        citation.push_str(&format!("; {location}"));
    }
    citation
}

/// The anchor of a source or reading on the sources page.
pub fn anchor(id: &str) -> String {
    format!("lesart-{}", crate::model::slug::slugify(id))
}

/// Whether the site has a sources page.
pub fn has_sources(model: &Model) -> bool {
    !model.sources.is_empty() || !model.readings.is_empty()
}
