//! The page "Quellen und Lesart": the documents the content rests on, and every reading
//! with its reasoning and what it applies to, each under the anchor its markers link.

use serde::Serialize;

use super::page::ItemContext;
use crate::model::{EntityKind, Model, Reading};
use crate::view::provenance::{anchor, source_of};
use crate::view::{Linker, Named};

#[derive(Serialize)]
struct SourceView {
    anchor: String,
    title: String,
    publisher: String,
    date: Option<String>,
    description: String,
}

#[derive(Serialize)]
struct ReadingView {
    anchor: String,
    kind: String,
    title: String,
    reasoning: String,
    source: Option<Named>,
    location: Option<String>,
    decision: Option<Named>,
    applies: Vec<Named>,
}

pub(super) fn sources(linker: &Linker<'_>, model: &Model) -> ItemContext {
    let documents: Vec<SourceView> = model
        .sources
        .iter()
        .map(|s| SourceView {
            anchor: anchor(s.id.get_ref()),
            title: s.title.clone(),
            publisher: s.publisher.clone(),
            date: s.date.as_ref().map(|d| crate::german::date(*d.get_ref())),
            description: s.description.clone(),
        })
        .collect();
    let readings: Vec<ReadingView> = model.readings.iter().map(|r| reading(linker, model, r)).collect();
    ItemContext::empty().with("documents", &documents).with("readings", &readings)
}

fn reading(linker: &Linker<'_>, model: &Model, reading: &Reading) -> ReadingView {
    let source = source_of(model, reading)
        .map(|found| Named { title: found.title.clone(), href: Some(format!("#{}", anchor(found.id.get_ref()))) });
    ReadingView {
        anchor: anchor(reading.id.get_ref()),
        kind: linker.site.label(&reading.kind.get_ref().label_key()),
        title: reading.title.clone(),
        reasoning: reading.reasoning.clone(),
        source,
        location: reading.location.clone(),
        decision: reading.decision.as_ref().map(|d| linker.named(&[EntityKind::Decision], d.get_ref())),
        applies: reading.applies.iter().map(|target| applies(linker, target.get_ref())).collect(),
    }
}

/// What a target names, linked to where readers see it.
fn applies(linker: &Linker<'_>, target: &str) -> Named {
    let shown = |key: &str, path: &str| Named { title: linker.site.label(key), href: Some(linker.href(path)) };
    match target {
        "raci" => shown("aspect_raci", "raci/index.html"),
        "flow.endpoints" => shown("aspect_flow_endpoints", "steuerungsmodell/index.html#ablaeufe"),
        "challenge.area" => shown("aspect_challenge_area", "handlungsfelder/index.html"),
        "challenge.addressed_by" => shown("aspect_challenge_addressed_by", "handlungsfelder/index.html"),
        _ => match target.split_once(':').and_then(|(scheme, id)| Some((EntityKind::of_scheme(scheme)?, id))) {
            Some((kind, id)) => linker.named(&[kind], id),
            None => Named { title: target.to_owned(), href: None },
        },
    }
}
