//! RACI rules: every activity has exactly one Accountable and at least one Responsible,
//! and advisory members of the activity's body are only Consulted or Informed.

use std::collections::BTreeMap;
use std::ops::Range;

use super::Checker;
use crate::diag::Diagnostic;
use crate::model::{EntityKind, MemberMode, RaciLetters, Spanned};
use crate::source::FileId;

/// One actor's letters for one activity, and where they were written.
struct Assignment {
    actor: String,
    letters: RaciLetters,
    file: FileId,
    span: Range<usize>,
}

pub fn check(checker: &mut Checker<'_>) {
    let model = checker.model;
    let mut by_activity: BTreeMap<String, Vec<Assignment>> = BTreeMap::new();
    let tables = model
        .roles
        .iter()
        .map(|role| (&role.id, &role.raci, role.origin.file))
        .chain(model.bodies.iter().map(|body| (&body.id, &body.raci, body.origin.file)))
        .chain(model.units.iter().map(|unit| (unit.id.get_ref(), &unit.raci, unit.origin.file)));
    for (actor, table, file) in tables {
        collect(checker, actor, table, file, &mut by_activity);
    }
    // Letters may stand in a file that could not be read; counting without them would
    // report missing "A"s and "R"s that are only unread.
    let unread = [EntityKind::Unit, EntityKind::Role, EntityKind::Body];
    let complete = !unread.iter().any(|kind| model.gaps.kinds.contains(kind))
        && !model.gaps.ids.iter().any(|(kind, _)| matches!(kind, EntityKind::Role | EntityKind::Body));
    for activity in model.activities.iter().filter(|_| complete) {
        let assignments = by_activity.remove(activity.id.get_ref()).unwrap_or_default();
        let file = activity.origin.file;
        let span = activity.id.span();
        check_accountable(checker, activity.id.get_ref(), &assignments, file, span.clone());
        if !assignments.iter().any(|a| a.letters.responsible) {
            checker.report(
                Diagnostic::error(format!("Die Aktivität `{}` hat keine verantwortliche Stelle (R)", activity.id.get_ref()))
                    .at(file, span, "ohne „R“")
                    .hint("Tragen Sie bei mindestens einer Rolle, einem Gremium oder einer Organisationseinheit unter `[raci]` ein: `… = \"R\"`."),
            );
        }
        if let Some(body) = activity.body.as_ref().and_then(|body| model.lookup(EntityKind::Body, body.get_ref())) {
            check_advisory(checker, &model.bodies[body.index], &assignments);
        }
    }
}

fn collect(
    checker: &mut Checker<'_>,
    actor: &str,
    table: &BTreeMap<String, Spanned<RaciLetters>>,
    file: FileId,
    by_activity: &mut BTreeMap<String, Vec<Assignment>>,
) {
    for (activity, letters) in table {
        let Some(target) = checker.resolve_key(&[EntityKind::Activity], activity, file, letters.span()) else {
            continue;
        };
        by_activity.entry(target.id).or_default().push(Assignment {
            actor: actor.to_owned(),
            letters: *letters.get_ref(),
            file,
            span: letters.span(),
        });
    }
}

fn check_accountable(
    checker: &mut Checker<'_>,
    activity: &str,
    assignments: &[Assignment],
    file: FileId,
    span: Range<usize>,
) {
    let accountable: Vec<&Assignment> = assignments.iter().filter(|a| a.letters.accountable).collect();
    match accountable.as_slice() {
        [_] => {}
        [] => checker.report(
            Diagnostic::error(format!("Die Aktivität `{activity}` hat keine rechenschaftspflichtige Stelle (A)"))
                .at(file, span, "ohne „A“")
                .hint("Genau eine Rolle, ein Gremium oder eine Organisationseinheit trägt für jede Aktivität die Gesamtverantwortung: tragen Sie dort `\"A\"` ein."),
        ),
        [first, rest @ ..] => {
            let names = accountable.iter().map(|a| format!("`{}`", a.actor)).collect::<Vec<_>>().join(", ");
            let mut diagnostic = Diagnostic::error(format!("Die Aktivität `{activity}` hat mehr als ein „A“: {names}"))
                .at(first.file, first.span.clone(), format!("„A“ bei `{}`", first.actor));
            for other in rest {
                diagnostic = diagnostic.also(other.file, other.span.clone(), format!("„A“ bei `{}`", other.actor));
            }
            checker.report(diagnostic.hint("Pro Aktivität gibt es genau ein „A“; ändern Sie die übrigen zu „R“, „C“ oder „I“."));
        }
    }
}

fn check_advisory(checker: &mut Checker<'_>, body: &crate::model::Body, assignments: &[Assignment]) {
    for member in body.members.iter().filter(|member| member.mode == MemberMode::Advisory) {
        let Some(actor) = member.role.as_ref().or(member.unit.as_ref()) else { continue };
        for assignment in assignments.iter().filter(|a| &a.actor == actor.get_ref()) {
            if assignment.letters.responsible || assignment.letters.accountable {
                checker.report(
                    Diagnostic::error(format!(
                        "`{}` ist in `{}` nur beratend und kann nicht „{}“ sein",
                        assignment.actor,
                        body.id,
                        assignment.letters.label()
                    ))
                    .at(assignment.file, assignment.span.clone(), "beratende Mitglieder sind nur „C“ oder „I“")
                    .also(body.origin.file, actor.span(), "hier als beratend eingetragen")
                    .hint("Ändern Sie den Eintrag zu \"C\" (wird konsultiert) oder \"I\" (wird informiert)."),
                );
            }
        }
    }
}
