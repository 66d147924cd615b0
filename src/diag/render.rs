//! Renders diagnostics as annotated source excerpts (codespan-reporting).

use codespan_reporting::diagnostic::{Diagnostic as Report, Label as ReportLabel, LabelStyle};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::termcolor::WriteColor;
use codespan_reporting::term::{self, Config};

use std::ops::Range;

use super::excerpt::{self, Excerpts};
use super::{Diagnostic, Label, Severity};
use crate::source::SourceMap;

/// Writes every diagnostic to `out`; colours only if `out` supports them.
pub fn render(diagnostics: &[Diagnostic], sources: &SourceMap, out: &mut dyn WriteColor) -> std::io::Result<()> {
    let mut files = SimpleFiles::new();
    for (_, file) in sources.iter() {
        files.add(display_path(&file.path), file.text.as_str());
    }
    let config = Config::default();
    for diagnostic in diagnostics {
        let labels: Vec<&Label> = diagnostic.primary.iter().chain(&diagnostic.secondary).collect();
        let written = if labels.iter().any(|label| excerpt::is_in_long_line(label, sources)) {
            let (excerpts, spans) = Excerpts::new(&labels, sources, |file| display_path(&sources.get(file).path));
            term::emit_to_write_style(out, &config, &excerpts, &to_report(diagnostic, &spans))
        } else {
            let spans: Vec<_> = labels.iter().map(|label| (label.file.0, label.span.clone())).collect();
            term::emit_to_write_style(out, &config, &files, &to_report(diagnostic, &spans))
        };
        written.map_err(|error| std::io::Error::other(error.to_string()))?;
    }
    Ok(())
}

fn display_path(path: &std::path::Path) -> String {
    path.components().map(|part| part.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}

/// `spans` holds the file and span of the primary label, then of each secondary one.
fn to_report(diagnostic: &Diagnostic, spans: &[(usize, Range<usize>)]) -> Report<usize> {
    let report = match diagnostic.severity {
        Severity::Error => Report::error(),
        Severity::Warning => Report::warning(),
    };
    let styles = diagnostic.primary.iter().map(|label| (label, LabelStyle::Primary));
    let styles = styles.chain(diagnostic.secondary.iter().map(|label| (label, LabelStyle::Secondary)));
    let labels = styles
        .zip(spans)
        .map(|((label, style), (file, span))| ReportLabel::new(style, *file, span.clone()).with_message(&label.message))
        .collect();
    let notes = diagnostic.hints.iter().map(|hint| format!("Hinweis: {hint}")).collect();
    report.with_message(&diagnostic.message).with_labels(labels).with_notes(notes)
}

/// The same text without colours, for tests and log files.
pub fn render_plain(diagnostics: &[Diagnostic], sources: &SourceMap) -> String {
    let mut buffer = codespan_reporting::term::termcolor::NoColor::new(Vec::new());
    // Writing into memory cannot fail.
    let _ = render(diagnostics, sources, &mut buffer);
    String::from_utf8_lossy(&buffer.into_inner()).into_owned()
}
