//! References and rules of the steering model: units, roles, bodies, flows, challenges, staffing.

use super::Checker;
use crate::diag::Diagnostic;
use crate::model::limits::MAX_AMOUNT;
use crate::model::{EntityKind as K, Spanned};
use crate::source::FileId;

const ACTORS: &[K] = &[K::Role, K::Body, K::Unit];

pub fn check(checker: &mut Checker<'_>) {
    let model = checker.model;
    for unit in &model.units {
        let file = unit.origin.file;
        if let Some(parent) = &unit.parent
            && checker.resolve(&[K::Unit], parent, file).is_some()
            && parent.get_ref() == unit.id.get_ref()
        {
            checker.report(
                Diagnostic::error("Eine Organisationseinheit kann nicht ihre eigene übergeordnete Einheit sein")
                    .at(file, parent.span(), "verweist auf sich selbst")
                    .hint("Tragen Sie bei `parent` die übergeordnete Einheit ein oder lassen Sie `parent` weg."),
            );
        }
        if let Some(level) = &unit.level {
            checker.resolve(&[K::Level], level, file);
        }
    }
    for role in &model.roles {
        let file = role.origin.file;
        if let Some(unit) = &role.unit {
            checker.resolve(&[K::Unit], unit, file);
        }
        for level in &role.levels {
            checker.resolve(&[K::Level], level, file);
        }
        for interface in &role.interfaces {
            checker.resolve(ACTORS, &interface.with, file);
        }
    }
    for body in &model.bodies {
        let file = body.origin.file;
        checker.resolve(&[K::Level], &body.level, file);
        for member in &body.members {
            match (&member.role, &member.unit) {
                (Some(role), None) => {
                    checker.resolve(&[K::Role], role, file);
                }
                (None, Some(unit)) => {
                    checker.resolve(&[K::Unit], unit, file);
                }
                (Some(role), Some(_)) => checker.report(
                    Diagnostic::error("Ein Mitglied hat entweder `role` oder `unit`, nicht beides")
                        .at(file, role.span(), "hier")
                        .hint("Legen Sie für Rolle und Organisationseinheit je einen eigenen `[[members]]`-Eintrag an."),
                ),
                (None, None) if member.label.is_none() => checker.report(
                    Diagnostic::error(format!("Ein Mitglied von `{}` hat weder `role` noch `unit` noch `label`", body.id))
                        .at(file, 0..0, "in dieser Datei")
                        .hint("Geben Sie `role = \"…\"`, `unit = \"…\"` oder für eine nur beschriebene Gruppe `label = \"…\"` an."),
                ),
                (None, None) => {}
            }
        }
        for reference in body.chair.iter() {
            checker.resolve(&[K::Role], reference, file);
        }
        for reference in body.reports_to.iter() {
            checker.resolve(&[K::Body, K::Role], reference, file);
        }
    }
    for flow in &model.flows {
        checker.resolve(ACTORS, &flow.from, flow.origin.file);
        checker.resolve(ACTORS, &flow.to, flow.origin.file);
    }
    for activity in &model.activities {
        if let Some(body) = &activity.body {
            checker.resolve(&[K::Body], body, activity.origin.file);
        }
    }
    for challenge in &model.challenges {
        for reference in &challenge.addressed_by {
            checker.resolve(&[K::Role, K::Body, K::Premise, K::Unit, K::Page], reference, challenge.origin.file);
        }
    }
    check_staffing(checker);
}

fn check_staffing(checker: &mut Checker<'_>) {
    let Some(staffing) = &checker.model.staffing else { return };
    let file = staffing.origin.file;
    for position in &staffing.position {
        checker.resolve(&[K::Role], &position.role, file);
        non_negative(checker, file, position.target.as_ref(), "Soll-Stellen (VZÄ)");
        non_negative(checker, file, Some(&position.current), "Ist-Stellen (VZÄ)");
        for (year, fte) in &position.waves {
            let valid_year = year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit());
            if !valid_year {
                let span = checker.key_span(file, fte.span(), year);
                checker.report(
                    Diagnostic::error(format!("`{year}` ist keine Jahreszahl"))
                        .at(file, span, "Welle mit ungültigem Jahr")
                        .hint("Schreiben Sie die Wellen als `waves = { \"2025\" = 2, \"2026\" = 1 }`; „2027 ff.“ ist `\"2027\"` mit `open_ended = true`."),
                );
            }
            non_negative(checker, file, Some(fte), "Stellen einer Welle (VZÄ)");
        }
    }
    if let Some(fachamt) = &staffing.fachamt {
        non_negative(checker, file, Some(&fachamt.evp_fte), "VZÄ");
        non_negative(checker, file, Some(&fachamt.coordinator_fte), "VZÄ");
    }
}

/// Reports a negative, absurdly large or not finite amount (FTE or EUR): TOML allows
/// `inf`, `nan` and `1e300`.
pub fn non_negative(checker: &mut Checker<'_>, file: FileId, value: Option<&Spanned<f64>>, what: &str) {
    let Some(value) = value else { return };
    if !value.get_ref().is_finite() {
        checker.report(
            Diagnostic::error(format!("Keine Zahl für {what}: `{}`", value.get_ref()))
                .at(file, value.span(), "keine endliche Zahl")
                .hint("Tragen Sie einen Betrag als Zahl ein, z. B. 250000; `inf` und `nan` sind keine Beträge."),
        );
        return;
    }
    if *value.get_ref() < 0.0 {
        checker.report(
            Diagnostic::error(format!("Negativer Wert für {what}: {}", value.get_ref()))
                .at(file, value.span(), "negativer Wert")
                .hint("Tragen Sie 0 oder einen positiven Wert ein."),
        );
    } else if *value.get_ref() > MAX_AMOUNT {
        checker.report(
            Diagnostic::error(format!("Unplausibel großer Wert für {what}: {}", crate::german::number(*value.get_ref())))
                .at(file, value.span(), "mehr als eine Billion")
                .hint("Prüfen Sie die Zahl auf zusätzliche Nullen oder einen Exponenten (`1e15`); Beträge stehen in Euro, Stellen in VZÄ."),
        );
    }
}
