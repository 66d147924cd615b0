//! Documents shared by the search tests (`tests/search.rs`, `tests/search_js.rs`).

#![allow(dead_code, clippy::unwrap_used)]

use std::path::Path;

use lotse::search::SearchDocument;

pub fn doc(url: &str, title: &str, section: &str, text: &str) -> SearchDocument {
    SearchDocument {
        url: url.into(),
        title: title.into(),
        section: section.into(),
        text: text.into(),
        ..Default::default()
    }
}

/// Three pages in the words of the handbook.
pub fn three_pages() -> Vec<SearchDocument> {
    vec![
        doc(
            "rollen/digit-beraterin.html",
            "DigIT-Berater:in",
            "Rollen",
            "Berät die Fachämter im DigIT-Dialog, nimmt IT-Bedarfe auf und schreibt die DigIT-Projektanträge \
             gemeinsam mit den Fachämtern.",
        ),
        doc(
            "gremien/digit-konferenz.html",
            "DigIT-Konferenz",
            "Gremien",
            "Die DigIT-Konferenz beschließt die Strategie und priorisiert das Portfolio. Ein Antrag auf Mittel wird \
             dort beraten.",
        ),
        doc(
            "handbuch/steuerungsmodell/index.html",
            "Das DigIT-Steuerungsmodell",
            "Handbuch",
            "Der Weg eines IT-Bedarfs vom Fachamt bis zum Betrieb. Ein Projekt beginnt mit der Meldung des Bedarfs.",
        ),
    ]
}

/// The role cards of the bundled content as search documents: title = role name,
/// text = summary, competencies and tasks.
pub fn bundled_roles() -> Vec<SearchDocument> {
    let loaded = lotse::build::check(Path::new(env!("CARGO_MANIFEST_DIR"))).unwrap();
    loaded
        .model
        .roles
        .iter()
        .map(|role| {
            let mut text = vec![role.summary.clone()];
            text.extend(role.competencies.iter().cloned());
            for group in &role.tasks {
                text.push(group.title.clone());
                text.extend(group.items.iter().cloned());
            }
            SearchDocument {
                url: format!("rollen/{}.html", role.id),
                title: role.name.clone(),
                section: "Rollen".into(),
                headings: role.tasks.iter().map(|group| group.title.clone()).collect(),
                text: text.join(" "),
            }
        })
        .collect()
}
