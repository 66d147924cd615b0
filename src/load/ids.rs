//! Registers every id and alias in the model's index; reports duplicates and malformed ids.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use crate::diag::Diagnostic;
use crate::model::limits::MAX_ID_CHARS;
use crate::model::slug::{is_slug, slugify};
use crate::model::{EntityKind, IdEntry, Model, Origin, Spanned};
use crate::source::FileId;

/// One name under which an entity can be found.
struct Name {
    kind: EntityKind,
    name: String,
    entry: IdEntry,
    file: FileId,
    span: Range<usize>,
    alias: bool,
}

pub fn index(model: &mut Model) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    let names = collect(model, &mut diagnostics);
    check_length_and_case(&names, &mut diagnostics);
    let mut seen: BTreeMap<(EntityKind, String), (FileId, Range<usize>)> = BTreeMap::new();
    let mut reported: BTreeSet<(FileId, usize)> = BTreeSet::new();
    for name in names {
        let key = (name.kind, name.name.clone());
        let Some(existing) = model.register(name.kind, &name.name, name.entry.clone()) else {
            seen.insert(key, (name.file, name.span));
            continue;
        };
        // An alias that only repeats the entity's own id (or its slug) is harmless.
        if existing.index == name.entry.index || !reported.insert((name.file, name.span.start)) {
            continue;
        }
        let (first_file, first_span) = seen.get(&key).cloned().unwrap_or((name.file, 0..0));
        if name.entry.merged {
            diagnostics.push(merged_but_still_there(&name, &existing, first_file, first_span));
            continue;
        }
        let message = if name.alias {
            format!("Der Alias `{}` ist schon vergeben an {} `{}`", name.name, name.kind.label(), existing.canonical)
        } else {
            format!("Die ID `{}` ist doppelt vergeben ({})", name.name, name.kind.label())
        };
        diagnostics.push(
            Diagnostic::error(message)
                .at(name.file, name.span, "hier noch einmal")
                .also(first_file, first_span, "hier zuerst")
                .hint("Jede ID und jeder Alias darf nur einmal vorkommen; benennen Sie eines der beiden um."),
        );
    }
    diagnostics
}

fn merged_but_still_there(name: &Name, existing: &IdEntry, file: FileId, span: Range<usize>) -> Diagnostic {
    Diagnostic::error(format!(
        "Die Rolle `{}` ist in `{}` zusammengeführt (`merged`), es gibt sie aber noch als eigene Rolle",
        name.name, name.entry.canonical
    ))
    .at(name.file, name.span.clone(), "hier zusammengeführt")
    .also(file, span, format!("hier noch als {} `{}`", name.kind.label(), existing.canonical))
    .hint(format!(
        "Entweder eine Rolle oder zwei: streichen Sie `{}` aus `merged` oder löschen Sie die eigene Datei der Rolle.",
        name.name
    ))
}

/// Ids become file names and addresses: none may be longer than a file name can be, and
/// two may not differ only in case (one file on Windows, one address on most servers).
fn check_length_and_case(names: &[Name], diagnostics: &mut Vec<Diagnostic>) {
    let mut folded: BTreeMap<(EntityKind, String), &Name> = BTreeMap::new();
    for name in names.iter().filter(|name| !name.alias) {
        let chars = name.name.chars().count();
        if chars > MAX_ID_CHARS {
            let start: String = name.name.chars().take(40).collect();
            diagnostics.push(
                Diagnostic::error(format!("Die ID `{start}…` ist zu lang ({chars} Zeichen; erlaubt sind höchstens {MAX_ID_CHARS})"))
                    .at(name.file, name.span.clone(), "diese ID")
                    .hint("Die ID wird Teil von Dateinamen und Adressen; wählen Sie eine kurze ID und schreiben Sie den vollen Namen in `name` oder `title`."),
            );
            continue;
        }
        let key = (name.kind, name.name.to_lowercase());
        match folded.get(&key) {
            Some(first) if first.name != name.name => diagnostics.push(
                Diagnostic::error(format!(
                    "Die IDs `{}` und `{}` unterscheiden sich nur in Groß- und Kleinschreibung ({})",
                    first.name,
                    name.name,
                    name.kind.label()
                ))
                .at(name.file, name.span.clone(), "diese ID")
                .also(first.file, first.span.clone(), "gleicht dieser")
                .hint("Unter Windows und in Adressen wären beide dieselbe Datei; benennen Sie eine der beiden um."),
            ),
            Some(_) => {}
            None => {
                folded.insert(key, name);
            }
        }
    }
}

fn collect(model: &Model, diagnostics: &mut Vec<Diagnostic>) -> Vec<Name> {
    let mut names = Vec::new();
    let mut add =
        |kind: EntityKind, index: usize, id: &str, span: Range<usize>, origin: Origin, aliases: &[Spanned<String>]| {
            let entry = IdEntry { index, canonical: id.to_owned(), merged: false };
            names.push(Name { kind, name: id.to_owned(), entry: entry.clone(), file: origin.file, span, alias: false });
            for alias in aliases {
                let spellings = [alias.get_ref().clone(), slugify(alias.get_ref())];
                for spelling in spellings.into_iter().filter(|s| !s.is_empty() && s != id) {
                    names.push(Name {
                        kind,
                        name: spelling,
                        entry: entry.clone(),
                        file: origin.file,
                        span: alias.span(),
                        alias: true,
                    });
                }
            }
        };
    macro_rules! listed {
        ($list:expr, $kind:expr) => {
            for (index, item) in $list.iter().enumerate() {
                check_slug(item.id.get_ref(), item.id.span(), item.origin.file, $kind, diagnostics);
                add($kind, index, item.id.get_ref(), item.id.span(), item.origin, &item.aliases);
            }
        };
    }
    macro_rules! per_file {
        ($list:expr, $kind:expr) => {
            for (index, item) in $list.iter().enumerate() {
                add($kind, index, &item.id, 0..0, item.origin, &item.aliases);
            }
        };
    }
    listed!(model.levels, EntityKind::Level);
    listed!(model.units, EntityKind::Unit);
    listed!(model.activities, EntityKind::Activity);
    listed!(model.challenges, EntityKind::Challenge);
    listed!(model.goals, EntityKind::Goal);
    listed!(model.criteria, EntityKind::Criterion);
    listed!(model.kpis, EntityKind::Kpi);
    per_file!(model.roles, EntityKind::Role);
    per_file!(model.bodies, EntityKind::Body);
    per_file!(model.premises, EntityKind::Premise);
    per_file!(model.projects, EntityKind::Project);
    per_file!(model.demands, EntityKind::Demand);
    per_file!(model.pages, EntityKind::Page);
    for (index, period) in model.periods.iter().enumerate() {
        add(EntityKind::Period, index, &period.id, 0..0, period.origin, &[]);
    }
    for (index, paper) in model.papers.iter().enumerate() {
        add(EntityKind::Paper, index, &paper.id, 0..0, paper.origin, &[]);
    }
    for (index, decision) in model.decisions.iter().enumerate() {
        add(EntityKind::Decision, index, &decision.id, 0..0, decision.origin, &[]);
    }
    for (index, term) in model.terms.iter().enumerate() {
        add(EntityKind::Term, index, &slugify(term.term.get_ref()), term.term.span(), term.origin, &term.aliases);
    }
    // After the ids: a merged id that is still a role of its own collides with that id.
    for (index, role) in model.roles.iter().enumerate() {
        for merged in &role.merged {
            check_slug(merged.get_ref(), merged.span(), role.origin.file, EntityKind::Role, diagnostics);
            let entry = IdEntry { index, canonical: role.id.clone(), merged: true };
            let (file, span) = (role.origin.file, merged.span());
            names.push(Name { kind: EntityKind::Role, name: merged.get_ref().clone(), entry, file, span, alias: true });
        }
    }
    names
}

fn check_slug(id: &str, span: Range<usize>, file: FileId, kind: EntityKind, diagnostics: &mut Vec<Diagnostic>) {
    if is_slug(id) {
        return;
    }
    let mut diagnostic = Diagnostic::error(format!("Ungültige ID `{id}` ({})", kind.label()))
        .at(file, span, "keine gültige ID")
        .hint("IDs bestehen aus Kleinbuchstaben, Ziffern und `-`; Umlaute werden umschrieben (ä → ae, ß → ss).");
    let suggestion = slugify(id);
    if !suggestion.is_empty() {
        diagnostic = diagnostic.hint(format!("Schreiben Sie zum Beispiel `{suggestion}`."));
    }
    diagnostics.push(diagnostic);
}
