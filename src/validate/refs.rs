//! Resolving references by id or alias, with suggestions for the ones that don't resolve.

use std::ops::Range;

use crate::diag::{Diagnostic, nearest};
use crate::model::{EntityKind, Model, Ref};
use crate::source::FileId;

/// Walks the model with read access and collects what is wrong with it.
pub struct Checker<'m> {
    pub model: &'m Model,
    diagnostics: Vec<Diagnostic>,
}

/// What a reference resolved to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub kind: EntityKind,
    pub index: usize,
    pub id: String,
}

impl<'m> Checker<'m> {
    pub fn new(model: &'m Model) -> Checker<'m> {
        Checker { model, diagnostics: Vec::new() }
    }

    pub fn report(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    pub fn finish(self) -> Vec<Diagnostic> {
        self.diagnostics
    }

    /// Resolves a reference written in `file` to an entity of one of `kinds`.
    pub fn resolve(&mut self, kinds: &[EntityKind], reference: &Ref, file: FileId) -> Option<Target> {
        self.resolve_name(kinds, reference.get_ref(), file, reference.span())
    }

    /// Resolves a name (from a map key or a Markdown link) found at `span` in `file`.
    pub fn resolve_name(&mut self, kinds: &[EntityKind], name: &str, file: FileId, span: Range<usize>) -> Option<Target> {
        for &kind in kinds {
            if let Some(entry) = self.model.lookup(kind, name) {
                if entry.canonical != name {
                    self.report(
                        Diagnostic::warning(format!("`{name}` ist ein Alias; die ID lautet `{}`", entry.canonical))
                            .at(file, span.clone(), format!("Alias von {} `{}`", kind.label(), entry.canonical))
                            .hint(format!("Schreiben Sie `{}`.", entry.canonical)),
                    );
                }
                return Some(Target { kind, index: entry.index, id: entry.canonical.clone() });
            }
        }
        if !kinds.iter().any(|&kind| self.model.gaps.covers(kind, name)) {
            self.report(unresolved(self.model, kinds, name, file, span));
        }
        None
    }
}

fn unresolved(model: &Model, kinds: &[EntityKind], name: &str, file: FileId, span: Range<usize>) -> Diagnostic {
    let wanted = kinds.iter().map(|kind| kind.label()).collect::<Vec<_>>().join(" oder ");
    let (message, label) = match kinds {
        [kind] => (format!("{} `{name}`", kind.unknown()), "diese ID gibt es nicht".to_owned()),
        _ => (format!("Unbekannter Verweis `{name}`"), format!("gesucht: {wanted}")),
    };
    let mut diagnostic = Diagnostic::error(message).at(file, span, label);
    let candidates: Vec<&str> = kinds.iter().flat_map(|&kind| model.names(kind)).collect();
    if let Some(suggestion) = nearest(name, candidates.iter().copied()) {
        diagnostic = diagnostic.hint(format!("Meinten Sie `{suggestion}`?"));
    }
    if let Some(other) = ALL_KINDS.iter().find(|kind| !kinds.contains(kind) && model.lookup(**kind, name).is_some()) {
        diagnostic = diagnostic.hint(format!("`{name}` ist eine ID der Art „{}“; hier wird {wanted} erwartet.", other.label()));
    }
    diagnostic
}

const ALL_KINDS: &[EntityKind] = &[
    EntityKind::Level,
    EntityKind::Unit,
    EntityKind::Role,
    EntityKind::Body,
    EntityKind::Activity,
    EntityKind::Premise,
    EntityKind::Challenge,
    EntityKind::Goal,
    EntityKind::Criterion,
    EntityKind::Kpi,
    EntityKind::Project,
    EntityKind::Demand,
    EntityKind::Period,
    EntityKind::Paper,
    EntityKind::Decision,
    EntityKind::Page,
];
