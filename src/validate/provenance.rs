//! `sources.toml`: every reading says why (an interpretation) and what it applies to, and
//! names sources and decisions that exist.

use std::collections::BTreeSet;

use super::Checker;
use crate::diag::{Diagnostic, nearest};
use crate::model::{ASPECTS, EntityKind, ReadingKind, Spanned};

pub fn check(checker: &mut Checker<'_>) {
    let model = checker.model;
    let mut ids = BTreeSet::new();
    let entries = model.sources.iter().map(|s| (&s.id, s.origin.file));
    for (id, file) in entries.chain(model.readings.iter().map(|r| (&r.id, r.origin.file))) {
        if !ids.insert(id.get_ref().as_str()) {
            checker.report(
                Diagnostic::error(format!("Die ID `{}` steht in `sources.toml` zweimal", id.get_ref()))
                    .at(file, id.span(), "schon vergeben")
                    .hint("Jede Quelle und jede Lesart braucht eine eigene ID; sie ist ihr Anker auf der Seite „Quellen und Lesart“."),
            );
        }
    }
    let sources: BTreeSet<&str> = model.sources.iter().map(|s| s.id.get_ref().as_str()).collect();
    for reading in &model.readings {
        let file = reading.origin.file;
        if *reading.kind.get_ref() == ReadingKind::Interpretation && reading.reasoning.trim().is_empty() {
            checker.report(
                Diagnostic::warning(format!("Die Lesart `{}` ist eine Interpretation ohne Begründung", reading.id.get_ref()))
                    .at(file, reading.id.span(), "hier fehlt `reasoning`")
                    .hint("Schreiben Sie unter `reasoning = \"…\"`, woraus die Angabe abgeleitet ist; Leserinnen und Leser sehen die Begründung überall, wo die Angabe steht."),
            );
        }
        if let Some(source) = &reading.source
            && !sources.contains(source.get_ref().as_str())
        {
            let mut diagnostic = Diagnostic::error(format!("Die Quelle `{}` gibt es nicht", source.get_ref())).at(
                file,
                source.span(),
                "unbekannte Quelle",
            );
            if let Some(close) = nearest(source.get_ref(), sources.iter().copied()) {
                diagnostic = diagnostic.hint(format!("Meinten Sie `{close}`?"));
            }
            checker.report(diagnostic.hint("Quellen stehen unter `[[source]]` in `sources.toml`."));
        }
        if let Some(decision) = &reading.decision {
            checker.resolve(&[EntityKind::Decision], decision, file);
        }
        for target in &reading.applies {
            check_target(checker, target, file);
        }
    }
}

/// An aspect of a kind (`raci`) or one item as a content link (`unit:10`).
fn check_target(checker: &mut Checker<'_>, target: &Spanned<String>, file: crate::source::FileId) {
    let text = target.get_ref().as_str();
    if ASPECTS.contains(&text) {
        return;
    }
    if let Some((scheme, id)) = text.split_once(':')
        && let Some(kind) = EntityKind::of_scheme(scheme)
    {
        checker.resolve_name(&[kind], id, file, target.span());
        return;
    }
    let aspects = ASPECTS.iter().map(|a| format!("`{a}`")).collect::<Vec<_>>().join(", ");
    let mut diagnostic = Diagnostic::error(format!("`{text}` ist nichts, wofür eine Lesart gelten kann")).at(
        file,
        target.span(),
        "unbekanntes Ziel",
    );
    if let Some(close) = nearest(text, ASPECTS.iter().copied()) {
        diagnostic = diagnostic.hint(format!("Meinten Sie `{close}`?"));
    }
    checker.report(diagnostic.hint(format!(
        "Eine Lesart gilt für einen Aspekt aller Einträge ({aspects}) oder für einen Eintrag, geschrieben wie ein Inhaltslink, z. B. `unit:10` oder `role:digit-beraterin`."
    )));
}
