//! Typesets one document and exports it as PDF/A-3a and PDF/UA-1 at once: archivable and
//! accessible in one file. Typst's own checks of both standards decide; a document that
//! fails one is an error, not a quietly weaker PDF.

use typst::WorldExt;
use typst::diag::{Severity, SourceDiagnostic};
use typst::foundations::Smart;
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards};

use super::world::DocumentWorld;

/// A typeset PDF and what Typst warned about while setting it.
pub struct Compiled {
    pub pdf: Vec<u8>,
    /// Each warning in plain words with its place in the template.
    pub warnings: Vec<String>,
    /// How many pages it has.
    pub pages: usize,
    /// Taken from the cache rather than typeset by this build.
    pub reused: bool,
}

/// Compiles `world` and returns the PDF bytes with Typst's warnings, or the first problems
/// in plain words. `stamp` is the PDF's date unless the template sets one itself.
pub fn compile(world: &DocumentWorld, ident: &str, stamp: crate::published::Stamp) -> Result<Compiled, String> {
    let warned = typst::compile::<PagedDocument>(world);
    let warnings =
        warned.warnings.iter().map(|warning| format!("{}{}", warning.message, place(world, warning))).collect();
    let document = warned.output.map_err(|errors| describe(world, &errors))?;
    let standards = PdfStandards::new(&[PdfStandard::A_3a, PdfStandard::Ua_1]).map_err(|e| e.message().to_string())?;
    let (date, [hour, minute, second]) = stamp.parts();
    let timestamp = typst::foundations::Datetime::from_ymd_hms(date.year, date.month, date.day, hour, minute, second)
        .map(typst_pdf::Timestamp::new_utc);
    let options = PdfOptions {
        ident: Smart::Custom(ident.to_owned()),
        timestamp,
        creator: Smart::Custom(Some("Lotse".to_owned())),
        standards,
        ..PdfOptions::default()
    };
    let pdf = typst_pdf::pdf(&document, &options).map_err(|errors| describe(world, &errors))?;
    Ok(Compiled { pdf, warnings, pages: document.pages().len(), reused: false })
}

/// The errors (not the warnings) with their place in the template, at most five.
fn describe(world: &DocumentWorld, diagnostics: &[SourceDiagnostic]) -> String {
    let mut lines: Vec<String> = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .take(5)
        .map(|diagnostic| {
            let mut line = format!("{}{}", diagnostic.message, place(world, diagnostic));
            for hint in &diagnostic.hints {
                line.push_str(&format!("\n  Hinweis (Typst): {}", hint.v));
            }
            line
        })
        .collect();
    if lines.is_empty() {
        lines.push("Typst hat das Dokument ohne nähere Angabe abgelehnt.".to_owned());
    }
    lines.join("\n")
}

/// ` (in vorlage.typ, Zeile 12)` when the diagnostic points into a file.
fn place(world: &DocumentWorld, diagnostic: &SourceDiagnostic) -> String {
    let Some(id) = diagnostic.span.id() else { return String::new() };
    let path = id.vpath().get_without_slash().to_owned();
    let line = world
        .range(diagnostic.span)
        .and_then(|range| typst::World::source(world, id).ok()?.lines().byte_to_line(range.start));
    match line {
        Some(line) => format!(" (in `{path}`, Zeile {})", line + 1),
        None => format!(" (in `{path}`)"),
    }
}
