//! Resolving references by id or alias, with suggestions for the ones that don't resolve.

use std::ops::Range;

use crate::diag::{Diagnostic, nearest};
use crate::model::{EntityKind, Model, Ref};
use crate::source::{FileId, SourceMap, key_span};

/// Walks the model with read access and collects what is wrong with it.
pub struct Checker<'m> {
    pub model: &'m Model,
    /// `site.toml`, if it could be read.
    pub config: Option<&'m crate::config::Config>,
    sources: &'m SourceMap,
    diagnostics: Vec<Diagnostic>,
    resolved: crate::model::Resolved,
}

/// What a reference resolved to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub kind: EntityKind,
    pub index: usize,
    pub id: String,
}

impl<'m> Checker<'m> {
    pub fn new(model: &'m Model, config: Option<&'m crate::config::Config>, sources: &'m SourceMap) -> Checker<'m> {
        Checker { model, config, sources, diagnostics: Vec::new(), resolved: crate::model::Resolved::default() }
    }

    /// Where the key of a `key = value` map entry stands; the value's span if not found.
    pub fn key_span(&self, file: FileId, value_span: Range<usize>, key: &str) -> Range<usize> {
        key_span(&self.sources.get(file).text, value_span.start, key).unwrap_or(value_span)
    }

    /// Resolves a map key (`[kpi] verfuegbarkeit = …`), underlining the key itself.
    pub fn resolve_key(
        &mut self,
        kinds: &[EntityKind],
        key: &str,
        file: FileId,
        value_span: Range<usize>,
    ) -> Option<Target> {
        let span = self.key_span(file, value_span, key);
        self.resolve_name(kinds, key, file, span)
    }

    pub fn report(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    /// The problems found and what every reference resolved to.
    pub fn finish(self) -> (Vec<Diagnostic>, crate::model::Resolved) {
        (self.diagnostics, self.resolved)
    }

    /// Resolves a reference written in `file` to an entity of one of `kinds`.
    pub fn resolve(&mut self, kinds: &[EntityKind], reference: &Ref, file: FileId) -> Option<Target> {
        self.resolve_name(kinds, reference.get_ref(), file, reference.span())
    }

    /// Resolves a name (from a map key or a Markdown link) found at `span` in `file`.
    pub fn resolve_name(
        &mut self,
        kinds: &[EntityKind],
        name: &str,
        file: FileId,
        span: Range<usize>,
    ) -> Option<Target> {
        for &kind in kinds {
            if let Some(entry) = self.model.lookup(kind, name) {
                if entry.canonical != name && !entry.merged {
                    self.report(
                        Diagnostic::warning(format!("`{name}` ist ein Alias; die ID lautet `{}`", entry.canonical))
                            .at(file, span.clone(), format!("Alias von {} `{}`", kind.label(), entry.canonical))
                            .hint(format!("Schreiben Sie `{}`.", entry.canonical)),
                    );
                }
                self.resolved.record(file, span.start, kind, entry.index);
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
    let message = match kinds {
        [kind] => format!("{} `{name}`", kind.unknown()),
        _ => format!("Unbekannter Verweis `{name}` (gesucht: {wanted})"),
    };
    let diagnostic = Diagnostic::error(message).at(file, span, "diese ID gibt es nicht");
    let diagnostic = match suggestion(model, kinds, name) {
        Some(hint) => diagnostic.hint(hint),
        None => diagnostic,
    };
    match ALL_KINDS.iter().find(|kind| !kinds.contains(kind) && model.lookup(**kind, name).is_some()) {
        Some(other) => {
            diagnostic.hint(format!("`{name}` ist eine ID der Art „{}“; hier wird {wanted} erwartet.", other.label()))
        }
        None => diagnostic,
    }
}

/// "Meinten Sie …?" with a canonical id: by spelling, by the name readers know, or a short list.
fn suggestion(model: &Model, kinds: &[EntityKind], name: &str) -> Option<String> {
    let candidates: Vec<&str> = kinds.iter().flat_map(|&kind| model.names(kind)).collect();
    // Period ids all look alike ("2030-Q2", "2030-Q3"): a list helps more than a guess.
    let guess = if kinds == [EntityKind::Period] { None } else { nearest(name, candidates.iter().copied()) };
    if let Some(close) = guess {
        let canonical =
            kinds.iter().find_map(|&kind| model.lookup(kind, close)).map_or(close, |entry| entry.canonical.as_str());
        return Some(format!("Meinten Sie `{canonical}`?"));
    }
    for &kind in kinds {
        let ids = model.ids(kind);
        if let Some(id) =
            ids.iter().find(|(_, index)| model.display_name(kind, *index).is_some_and(|n| n.eq_ignore_ascii_case(name)))
        {
            return Some(format!("`{name}` ist der Name; die ID lautet `{}`.", id.0));
        }
    }
    let ids: Vec<String> = kinds.iter().flat_map(|&kind| model.ids(kind)).map(|(id, _)| format!("`{id}`")).collect();
    (!ids.is_empty() && ids.len() <= 8).then(|| format!("Vorhanden sind: {}.", ids.join(", ")))
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
