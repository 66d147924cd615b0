//! Markdown links to content (`role:…`, `body:…`, …) must point at something that exists.

use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use rayon::prelude::*;

use super::Checker;
use crate::diag::{Diagnostic, nearest};
use crate::markdown::FigureKind;
use crate::model::limits::{MAX_NESTING, MAX_TABLE_COLUMNS};
use crate::model::url::{self, Refusal, Target};
use crate::model::{EntityKind, LINK_SCHEMES as SCHEMES, Markdown};
use crate::source::{FileId, SourceMap, toml_string_position};

pub fn check(checker: &mut Checker<'_>, sources: &SourceMap) {
    let model = checker.model;
    let mut documents: Vec<(FileId, &Markdown)> = Vec::new();
    documents.extend(model.premises.iter().map(|p| (p.origin.file, &p.body)));
    documents.extend(model.pages.iter().map(|p| (p.origin.file, &p.body)));
    documents.extend(model.papers.iter().map(|p| (p.origin.file, &p.body)));
    documents.extend(model.roles.iter().filter_map(|r| Some(prose_of(r.origin, r.prose.as_ref()?))));
    documents.extend(model.bodies.iter().filter_map(|b| Some(prose_of(b.origin, b.prose.as_ref()?))));
    // Parsing is the costly part and needs nothing of the checker: on all cores, then the
    // links are resolved in order.
    let found: Vec<Found> = documents
        .par_iter()
        .map(|(file, markdown)| {
            (*file, markdown.offset, scan(&markdown.text), crate::markdown::figures(&markdown.text))
        })
        .collect();
    for (file, offset, scan, figures) in found {
        check_shape(checker, file, &scan, |range| offset + range.start..offset + range.end);
        check_markdown(checker, file, offset, scan.destinations, figures);
    }
    let strings = model
        .papers
        .iter()
        .filter_map(|paper| Some((paper.origin.file, paper.resolution.as_ref()?)))
        .chain(model.decisions.iter().map(|decision| (decision.origin.file, &decision.text)));
    for (file, string) in strings {
        let file_text = &sources.get(file).text;
        let place = |range: &Range<usize>| {
            let start = toml_string_position(file_text, string.span().start, range.start);
            start..toml_string_position(file_text, string.span().start, range.end)
        };
        let scan = scan(string.get_ref());
        check_shape(checker, file, &scan, place);
        for (destination, range) in &scan.destinations {
            check_destination(checker, file, destination, place(range));
        }
    }
}

/// A role's or body's prose with the file it was read from.
fn prose_of(origin: crate::model::Origin, prose: &Markdown) -> (FileId, &Markdown) {
    (prose.file.unwrap_or(origin.file), prose)
}

/// A Markdown text's file, its offset in the file, its links and its figure blocks.
type Found = (FileId, usize, Scan, Vec<crate::markdown::FigureRef>);

fn check_markdown(
    checker: &mut Checker<'_>,
    file: FileId,
    offset: usize,
    links: Vec<(Destination, Range<usize>)>,
    figures: Vec<crate::markdown::FigureRef>,
) {
    for (destination, range) in links {
        let span = offset + range.start..offset + range.end;
        check_destination(checker, file, &destination, span);
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

/// What one pass over a Markdown text finds: every link and image destination with its
/// byte range, and where it nests deeper or a table is wider than the limits allow.
pub struct Scan {
    pub destinations: Vec<(Destination, Range<usize>)>,
    pub too_deep: Option<Range<usize>>,
    pub too_wide: Option<(usize, Range<usize>)>,
    /// Paragraphs that are nothing but bold text: headings in looks only.
    pub bold_paragraphs: Vec<Range<usize>>,
}

/// Where a paragraph stands on being only bold text, event by event.
#[derive(Clone, Copy, PartialEq)]
enum Boldness {
    /// Just opened: bold if its first event opens a `Strong`.
    Opened,
    /// Inside its opening `Strong`, at this nesting of tags.
    Inside(usize),
    /// The `Strong` closed: bold if the paragraph closes next.
    Closed,
}

pub fn scan(text: &str) -> Scan {
    let mut scan = Scan { destinations: Vec::new(), too_deep: None, too_wide: None, bold_paragraphs: Vec::new() };
    let mut depth = 0usize;
    let mut paragraph: Option<(Range<usize>, Boldness)> = None;
    for (event, range) in Parser::new_ext(text, crate::markdown::OPTIONS).into_offset_iter() {
        paragraph = match (paragraph, &event) {
            (_, Event::Start(Tag::Paragraph)) => Some((range.clone(), Boldness::Opened)),
            (Some((at, Boldness::Opened)), Event::Start(Tag::Strong)) => Some((at, Boldness::Inside(0))),
            (Some((at, Boldness::Inside(0))), Event::End(TagEnd::Strong)) => Some((at, Boldness::Closed)),
            (Some((at, Boldness::Inside(n))), Event::Start(_)) => Some((at, Boldness::Inside(n + 1))),
            (Some((at, Boldness::Inside(n))), Event::End(_)) => Some((at, Boldness::Inside(n.saturating_sub(1)))),
            (Some((at, Boldness::Inside(n))), _) => Some((at, Boldness::Inside(n))),
            (Some((at, Boldness::Closed)), Event::End(TagEnd::Paragraph)) => {
                scan.bold_paragraphs.push(at);
                None
            }
            _ => None,
        };
        match event {
            Event::Start(tag) => {
                depth += 1;
                if depth > MAX_NESTING && scan.too_deep.is_none() {
                    scan.too_deep = Some(range.clone());
                }
                match tag {
                    Tag::Link { dest_url, .. } => {
                        scan.destinations.push((Destination::Link(dest_url.into_string()), range))
                    }
                    Tag::Image { dest_url, .. } => {
                        scan.destinations.push((Destination::Image(dest_url.into_string()), range))
                    }
                    Tag::Table(columns) if columns.len() > MAX_TABLE_COLUMNS && scan.too_wide.is_none() => {
                        scan.too_wide = Some((columns.len(), range));
                    }
                    _ => {}
                }
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    scan
}

/// Nesting and table width within the limits, and headings written as bold paragraphs.
fn check_shape(checker: &mut Checker<'_>, file: FileId, scan: &Scan, place: impl Fn(&Range<usize>) -> Range<usize>) {
    for range in &scan.bold_paragraphs {
        checker.report(
            Diagnostic::warning("Ein Absatz nur aus fettem Text sieht aus wie eine Überschrift, ist aber keine")
                .at(file, place(range), "fett statt Überschrift")
                .hint("Schreiben Sie ihn als Überschrift (`### …` eine Ebene unter der Überschrift darüber): Screenreader, das Inhaltsverzeichnis und das PDF erkennen ihn nur dann als Überschrift."),
        );
    }
    if let Some(range) = &scan.too_deep {
        checker.report(
            Diagnostic::error(format!("Listen, Zitate und Hervorhebungen sind hier tiefer als {MAX_NESTING} Ebenen verschachtelt"))
                .at(file, place(&(range.start..range.start + 1)), "hier zu tief")
                .hint("So tief verschachtelter Text ist nicht mehr lesbar; gliedern Sie ihn mit Überschriften und kürzeren Listen."),
        );
    }
    if let Some((columns, range)) = &scan.too_wide {
        checker.report(
            Diagnostic::error(format!("Die Tabelle hat {columns} Spalten; erlaubt sind höchstens {MAX_TABLE_COLUMNS}"))
                .at(file, place(&(range.start..range.start + 1)), "diese Tabelle")
                .hint("Eine so breite Tabelle passt auf keine Seite; teilen Sie sie auf oder drehen Sie Zeilen und Spalten."),
        );
    }
}

/// A URL in Markdown: where a link goes, or where an image comes from.
pub enum Destination {
    Link(String),
    Image(String),
}

fn check_destination(checker: &mut Checker<'_>, file: FileId, destination: &Destination, span: Range<usize>) {
    match destination {
        Destination::Link(url) => check_link(checker, file, url, span),
        Destination::Image(url) => {
            if let Err(refusal) = url::resource(url) {
                report_refusal(checker, file, url, &refusal, span);
            }
        }
    }
}

/// A link's URL must be allowed by the policy, and a content link must name something.
pub(super) fn check_link(checker: &mut Checker<'_>, file: FileId, destination: &str, span: Range<usize>) {
    match url::link(destination) {
        Ok(Target::Content { scheme, id, .. }) => {
            if let Some(kind) = EntityKind::of_scheme(scheme) {
                checker.resolve_name(&[kind], id, file, span);
            }
        }
        Ok(_) => {}
        Err(Refusal::Scheme(scheme)) if suggested_scheme(&scheme).is_some() => {
            let rest = destination.split_once(':').map_or("", |(_, rest)| rest);
            let suggestion = suggested_scheme(&scheme).unwrap_or_default();
            let list = SCHEMES.iter().map(|(name, _)| format!("`{name}:`")).collect::<Vec<_>>().join(", ");
            checker.report(
                Diagnostic::error(format!("Unbekannte Linkart `{scheme}:`"))
                    .at(file, span, "dieser Link führt nirgendwohin")
                    .hint(format!("Meinten Sie `{suggestion}:{rest}`?"))
                    .hint(format!("Links auf Inhalte beginnen mit {list}.")),
            );
        }
        Err(refusal) => report_refusal(checker, file, destination, &refusal, span),
    }
}

fn report_refusal(checker: &mut Checker<'_>, file: FileId, url: &str, refusal: &Refusal, span: Range<usize>) {
    checker.report(Diagnostic::error(refusal.message(url)).at(file, span, "hier").hint(refusal.hint()));
}

/// A content scheme close to a mistyped one (`rolle` → `role`), if there is one.
fn suggested_scheme(scheme: &str) -> Option<&'static str> {
    german_scheme(scheme).or_else(|| nearest(scheme, SCHEMES.iter().map(|(name, _)| *name)))
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

#[cfg(test)]
mod tests {
    use super::scan;

    #[test]
    fn a_paragraph_of_bold_text_only_is_found_and_a_bold_lead_in_is_not() {
        let text = "**Ziele**\n\n**Rollen.** Wer was tut.\n\n**[Beratung](role:x)**\n\nText mit **fett**.\n";
        let found: Vec<&str> = scan(text).bold_paragraphs.iter().map(|range| text[range.clone()].trim()).collect();
        assert_eq!(found, ["**Ziele**", "**[Beratung](role:x)**"]);
    }
}
