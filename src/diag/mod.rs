//! Diagnostics: what went wrong, where, and how to fix it; rendered once, at the edge.

mod excerpt;
mod render;
mod toml_error;

use std::ops::Range;

pub use render::{render, render_plain};
pub use toml_error::from_toml_error;

/// "2 Fehler, 1 Warnung": the closing line under a list of problems.
pub fn count_line(errors: usize, warnings: usize) -> String {
    let warnings_word = if warnings == 1 { "Warnung" } else { "Warnungen" };
    format!("{errors} Fehler, {warnings} {warnings_word}")
}

use crate::source::FileId;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// A place in a file with a short remark underlined beneath it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub file: FileId,
    pub span: Range<usize>,
    pub message: String,
}

/// One problem found in the content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub message: String,
    /// Where the problem is; `None` only for problems with no file (a missing folder).
    pub primary: Option<Label>,
    /// Other places that explain it (the first definition of a duplicate id).
    pub secondary: Vec<Label>,
    /// What to write instead, in plain words.
    pub hints: Vec<String>,
}

impl Diagnostic {
    pub fn error(message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            message: message.into(),
            primary: None,
            secondary: Vec::new(),
            hints: Vec::new(),
        }
    }

    pub fn warning(message: impl Into<String>) -> Diagnostic {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(message) }
    }

    pub fn at(mut self, file: FileId, span: Range<usize>, message: impl Into<String>) -> Diagnostic {
        self.primary = Some(Label { file, span, message: message.into() });
        self
    }

    pub fn also(mut self, file: FileId, span: Range<usize>, message: impl Into<String>) -> Diagnostic {
        self.secondary.push(Label { file, span, message: message.into() });
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Diagnostic {
        self.hints.push(hint.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Collects diagnostics in the order they are found.
#[derive(Debug, Default)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    pub fn extend(&mut self, more: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(more);
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    pub fn error_count(&self) -> usize {
        self.items.iter().filter(|d| d.is_error()).count()
    }

    pub fn warning_count(&self) -> usize {
        self.items.len() - self.error_count()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }

    pub fn into_vec(self) -> Vec<Diagnostic> {
        self.items
    }
}

/// The candidate closest to `wanted`, if it is close enough to be a likely typo.
pub fn nearest<'a>(wanted: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let wanted_lower = wanted.to_lowercase();
    candidates
        .into_iter()
        .map(|candidate| (strsim::jaro_winkler(&wanted_lower, &candidate.to_lowercase()), candidate))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, candidate)| candidate)
}
