//! Markdown links to content (`role:…`, `body:…`, …) must point at something that exists.

use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag};
use rayon::prelude::*;

use super::Checker;
use crate::diag::{Diagnostic, nearest};
use crate::markdown::FigureKind;
use crate::model::{EntityKind, LINK_SCHEMES as SCHEMES, Markdown};
use crate::source::{FileId, SourceMap, toml_string_position};

/// Schemes that leave the site and are not checked.
const EXTERNAL: &[&str] = &["http", "https", "mailto", "tel"];

pub fn check(checker: &mut Checker<'_>, sources: &SourceMap) {
    let model = checker.model;
    let mut documents: Vec<(FileId, &Markdown)> = Vec::new();
    documents.extend(model.premises.iter().map(|p| (p.origin.file, &p.body)));
    documents.extend(model.pages.iter().map(|p| (p.origin.file, &p.body)));
    documents.extend(model.papers.iter().map(|p| (p.origin.file, &p.body)));
    documents.extend(model.roles.iter().filter_map(|r| Some((r.origin.file, r.prose.as_ref()?))));
    documents.extend(model.bodies.iter().filter_map(|b| Some((b.origin.file, b.prose.as_ref()?))));
    // Parsing is the costly part and needs nothing of the checker: on all cores, then the
    // links are resolved in order.
    let found: Vec<Found> = documents
        .par_iter()
        .map(|(file, markdown)| {
            (*file, markdown.offset, links(&markdown.text), crate::markdown::figures(&markdown.text))
        })
        .collect();
    for (file, offset, links, figures) in found {
        check_markdown(checker, file, offset, links, figures);
    }
    let strings = model
        .papers
        .iter()
        .filter_map(|paper| Some((paper.origin.file, paper.resolution.as_ref()?)))
        .chain(model.decisions.iter().map(|decision| (decision.origin.file, &decision.text)));
    for (file, string) in strings {
        let file_text = &sources.get(file).text;
        for (destination, range) in links(string.get_ref()) {
            let start = toml_string_position(file_text, string.span().start, range.start);
            let end = toml_string_position(file_text, string.span().start, range.end);
            check_link(checker, file, &destination, start..end);
        }
    }
}

/// A Markdown text's file, its offset in the file, its links and its figure blocks.
type Found = (FileId, usize, Vec<(String, Range<usize>)>, Vec<crate::markdown::FigureRef>);

fn check_markdown(
    checker: &mut Checker<'_>,
    file: FileId,
    offset: usize,
    links: Vec<(String, Range<usize>)>,
    figures: Vec<crate::markdown::FigureRef>,
) {
    for (destination, range) in links {
        let span = offset + range.start..offset + range.end;
        check_link(checker, file, &destination, span);
    }
    for figure in figures {
        let span = offset + figure.offset..offset + figure.offset + 3;
        check_figure(checker, file, &figure, span);
    }
}

/// A ```` ```chart ```` or ```` ```table ```` block must name a figure Lotse can draw from
/// this content.
fn check_figure(checker: &mut Checker<'_>, file: FileId, figure: &crate::markdown::FigureRef, span: Range<usize>) {
    let (known, unknown, missing, info) = match figure.kind {
        FigureKind::Chart => (crate::figures::CHARTS, "Unbekanntes Diagramm", "das Diagramm", "chart"),
        FigureKind::Table => (crate::figures::TABLES, "Unbekannte Tabelle", "die Tabelle", "table"),
    };
    let name = figure.name.as_str();
    if !known.iter().any(|(k, _)| *k == name) {
        let mut diagnostic = Diagnostic::error(format!("{unknown} `{name}` im ```{info}-Block")).at(
            file,
            span,
            "dieser Name ist unbekannt",
        );
        if let Some(suggestion) = nearest(name, known.iter().map(|(k, _)| *k)) {
            diagnostic = diagnostic.hint(format!("Meinten Sie `{suggestion}`?"));
        }
        let list = known.iter().map(|(k, what)| format!("`{k}` ({what})")).collect::<Vec<_>>().join(", ");
        checker.report(diagnostic.hint(format!("Möglich sind: {list}.")));
        return;
    }
    if !crate::figures::has_data(checker.model, figure.kind, name) {
        checker.report(
            Diagnostic::error(format!("Für {missing} `{name}` gibt es in den Inhalten keine Daten"))
                .at(file, span, "hier verlangt")
                .hint(
                    "Ergänzen Sie die Daten (z. B. `staffing.toml` für den Stellenplan) oder entfernen Sie den Block.",
                ),
        );
    }
}

/// Every link destination in `text` with its byte range.
pub fn links(text: &str) -> Vec<(String, Range<usize>)> {
    Parser::new_ext(text, crate::markdown::OPTIONS)
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::Link { dest_url, .. }) => Some((dest_url.into_string(), range)),
            _ => None,
        })
        .collect()
}

pub(super) fn check_link(checker: &mut Checker<'_>, file: FileId, destination: &str, span: Range<usize>) {
    let Some((scheme, rest)) = destination.split_once(':') else { return };
    if !scheme.chars().all(|c| c.is_ascii_alphabetic()) || scheme.len() < 2 || EXTERNAL.contains(&scheme) {
        return;
    }
    let id = rest.split('#').next().unwrap_or_default();
    match EntityKind::of_scheme(scheme) {
        Some(kind) => {
            checker.resolve_name(&[kind], id, file, span);
        }
        None => {
            let mut diagnostic = Diagnostic::error(format!("Unbekannte Linkart `{scheme}:`")).at(
                file,
                span,
                "dieser Link führt nirgendwohin",
            );
            if let Some(suggestion) =
                german_scheme(scheme).or_else(|| nearest(scheme, SCHEMES.iter().map(|(name, _)| *name)))
            {
                diagnostic = diagnostic.hint(format!("Meinten Sie `{suggestion}:{rest}`?"));
            }
            let list = SCHEMES.iter().map(|(name, _)| format!("`{name}:`")).collect::<Vec<_>>().join(", ");
            checker.report(diagnostic.hint(format!("Links auf Inhalte beginnen mit {list}.")));
        }
    }
}

/// Authors write German; the link schemes are English like the file keys.
fn german_scheme(scheme: &str) -> Option<&'static str> {
    Some(match scheme.to_lowercase().as_str() {
        "rolle" => "role",
        "gremium" => "body",
        "einheit" | "amt" => "unit",
        "praemisse" | "prämisse" => "premise",
        "projekt" => "project",
        "bedarf" => "demand",
        "vorlage" => "paper",
        "entscheidung" | "beschluss" => "decision",
        "seite" => "page",
        _ => return None,
    })
}
