//! Rules of the portfolio: projects, demands, KPIs and the statuses of each period.

use std::collections::BTreeMap;

use super::Checker;
use super::governance::non_negative;
use crate::diag::Diagnostic;
use crate::model::{Ampel, EntityKind as K, Period, Project, Spanned, Status};
use crate::source::FileId;

pub fn check(checker: &mut Checker<'_>) {
    let model = checker.model;
    for criterion in &model.criteria {
        non_negative(checker, criterion.origin.file, Some(&criterion.weight), "das Gewicht");
    }
    for kpi in &model.kpis {
        if let Some(owner) = &kpi.owner {
            checker.resolve(&[K::Unit], owner, kpi.origin.file);
        }
    }
    for project in &model.projects {
        check_project(checker, project);
    }
    for demand in &model.demands {
        let file = demand.origin.file;
        checker.resolve(&[K::Unit], &demand.unit, file);
        if let Some(advisor) = &demand.advisor {
            checker.resolve(&[K::Role], advisor, file);
        }
        if let Some(project) = &demand.project {
            checker.resolve(&[K::Project], project, file);
        }
    }
    for period in &model.periods {
        check_period(checker, period);
    }
    check_period_scheme(checker);
    if let Some(config) = checker.config
        && let Some(current) = &config.current_period
    {
        checker.resolve(&[K::Period], current, config.origin.file);
    }
}

fn check_project(checker: &mut Checker<'_>, project: &Project) {
    let file = project.origin.file;
    checker.resolve(&[K::Unit], &project.unit, file);
    if let Some(lead) = &project.lead {
        checker.resolve(&[K::Role], lead, file);
    }
    if let Some(provider) = &project.provider {
        checker.resolve(&[K::Unit], provider, file);
    }
    for goal in &project.goals {
        checker.resolve(&[K::Goal], goal, file);
    }
    for dependency in &project.depends_on {
        if checker.resolve(&[K::Project], dependency, file).is_some_and(|target| target.id == project.id) {
            checker.report(
                Diagnostic::error("Ein Projekt kann nicht von sich selbst abhängen")
                    .at(file, dependency.span(), "verweist auf sich selbst")
                    .hint(format!("Entfernen Sie `{}` aus `depends_on`.", project.id)),
            );
        }
    }
    for (criterion, score) in &project.scores {
        checker.resolve_key(&[K::Criterion], criterion, file, score.span());
        if !(0..=5).contains(score.get_ref()) {
            checker.report(Diagnostic::error(format!("Bewertung {} liegt außerhalb von 0 bis 5", score.get_ref())).at(
                file,
                score.span(),
                "erlaubt sind 0, 1, 2, 3, 4 oder 5",
            ));
        }
    }
    if let Some(budget) = &project.budget {
        non_negative(checker, file, Some(&budget.planned), "das geplante Budget");
        non_negative(checker, file, budget.approved.as_ref(), "das genehmigte Budget");
    }
    if let (Some(start), Some(end)) = (&project.start, &project.end)
        && end.get_ref() < start.get_ref()
    {
        checker.report(
            Diagnostic::error(format!(
                "Das Projektende {} liegt vor dem Projektbeginn {}",
                end.get_ref(),
                start.get_ref()
            ))
            .at(file, end.span(), "Ende")
            .also(file, start.span(), "Beginn")
            .hint("Prüfen Sie `start` und `end`: der Beginn muss am oder vor dem Ende liegen."),
        );
    }
    let mut seen: BTreeMap<&str, &Spanned<String>> = BTreeMap::new();
    for milestone in &project.milestones {
        if let Some(first) = seen.insert(milestone.id.get_ref(), &milestone.id) {
            checker.report(
                Diagnostic::error(format!("Der Meilenstein `{}` ist doppelt vergeben", milestone.id.get_ref()))
                    .at(file, milestone.id.span(), "hier noch einmal")
                    .also(file, first.span(), "hier zuerst"),
            );
        }
    }
}

fn check_period(checker: &mut Checker<'_>, period: &Period) {
    let file = period.origin.file;
    check_period_date(checker, period);
    let mut seen: BTreeMap<String, &Status> = BTreeMap::new();
    for status in &period.status {
        let Some(target) = checker.resolve(&[K::Project], &status.project, file) else { continue };
        if let Some(first) = seen.insert(target.id.clone(), status) {
            checker.report(
                Diagnostic::error(format!("Das Projekt `{}` hat in dieser Periode zwei Statusmeldungen", target.id))
                    .at(file, status.project.span(), "zweite Meldung")
                    .also(file, first.project.span(), "erste Meldung")
                    .hint("Pro Periode gibt es genau einen `[[status]]` je Projekt; führen Sie beide zusammen."),
            );
        }
        check_status(checker, file, &checker.model.projects[target.index], status);
    }
    for (kpi, value) in &period.kpi {
        let Some(target) = checker.resolve_key(&[K::Kpi], kpi, file, value.span()) else { continue };
        if checker.model.kpis[target.index].unit.trim() == "%" {
            percentage(checker, file, value, &format!("Der Wert der Kennzahl `{}`", target.id));
        }
    }
}

fn check_period_date(checker: &mut Checker<'_>, period: &Period) {
    let Some(scheme) = crate::model::period_id::scheme_of(&period.id) else { return };
    let date = period.date.get_ref();
    let expected = scheme.id_of(*date);
    if period.id != expected {
        checker.report(
            Diagnostic::error(format!("Das Datum {date} liegt nicht im {} {}", scheme.label(), period.id))
                .at(period.origin.file, period.date.span(), format!("liegt in {expected}"))
                .hint("Das Datum einer Berichtsperiode ist ihr Stichtag, meist das Ende des Zeitraums; Dateiname und Datum müssen zusammenpassen."),
        );
    }
}

/// All periods of a site are quarters, or all half-years, or all years: a timeline that
/// mixes them cannot be compared period by period. The scheme most periods use is the
/// site's; each period of another is reported.
fn check_period_scheme(checker: &mut Checker<'_>) {
    use crate::model::period_id::{PeriodScheme, scheme_of};
    let schemes: Vec<(&Period, PeriodScheme)> =
        checker.model.periods.iter().filter_map(|p| Some((p, scheme_of(&p.id)?))).collect();
    let count = |scheme: PeriodScheme| schemes.iter().filter(|(_, s)| *s == scheme).count();
    let Some(&(first, site_scheme)) = schemes.iter().max_by_key(|(_, s)| count(*s)) else { return };
    let odd: Vec<_> =
        schemes.iter().filter(|(_, s)| *s != site_scheme).map(|(p, s)| (p.origin.file, p.id.clone(), *s)).collect();
    for (file, id, scheme) in odd {
        checker.report(
            Diagnostic::error(format!(
                "Die Berichtsperiode `{id}` ist ein {}, die übrigen sind {}e wie `{}`",
                scheme.label(),
                site_scheme.label(),
                first.id
            ))
            .at(file, 0..0, "hier")
            .hint("Alle Berichtsperioden einer Website folgen einem Schema: nur Quartale (`2030-Q3`), nur Halbjahre (`2030-H1`) oder nur Jahre (`2030`)."),
        );
    }
}

fn check_status(checker: &mut Checker<'_>, file: FileId, project: &Project, status: &Status) {
    let overall = *status.overall.get_ref();
    if overall != Ampel::Green && status.measures.as_deref().is_none_or(|text| text.trim().is_empty()) {
        checker.report(
            Diagnostic::error(format!("Status „{}“ ohne Maßnahmen für `{}`", ampel_de(overall), project.id))
                .at(file, status.overall.span(), "nicht grün")
                .hint("Ein gelber oder roter Status sagt, was dagegen getan wird: ergänzen Sie `measures = \"…\"`."),
        );
    }
    if overall == Ampel::Red {
        match &status.escalated_to {
            Some(target) => {
                checker.resolve(&[K::Body, K::Role], target, file);
            }
            None => checker.report(
                Diagnostic::error(format!("Roter Status ohne Eskalation für `{}`", project.id))
                    .at(file, status.overall.span(), "rot")
                    .hint("Ein roter Status nennt, an wen eskaliert wird: ergänzen Sie z. B. `escalated_to = \"lenkungskreis\"`."),
            ),
        }
    }
    if let Some(progress) = &status.progress {
        percentage(checker, file, progress, "Der Fortschritt (`progress`)");
    }
    non_negative(checker, file, status.spent.as_ref(), "die Ausgaben");
    for (milestone, date) in &status.forecast {
        if !project.milestones.iter().any(|m| m.id.get_ref() == milestone) {
            let known: Vec<&str> = project.milestones.iter().map(|m| m.id.get_ref().as_str()).collect();
            let span = checker.key_span(file, date.span(), milestone);
            let mut diagnostic = Diagnostic::error(format!(
                "Das Projekt `{}` hat keinen Meilenstein `{milestone}`",
                project.id
            ))
            .at(file, span, "Prognose für einen unbekannten Meilenstein");
            diagnostic = match crate::diag::nearest(milestone, known.iter().copied()) {
                Some(suggestion) => diagnostic.hint(format!("Meinten Sie `{suggestion}`?")),
                None if known.is_empty() => diagnostic.hint("Das Projekt hat noch keine Meilensteine; legen Sie sie in der Projektdatei unter `[[milestones]]` an."),
                None => diagnostic.hint(format!("Meilensteine des Projekts: {}.", known.join(", "))),
            };
            checker.report(diagnostic);
        }
    }
}

fn percentage(checker: &mut Checker<'_>, file: FileId, value: &Spanned<f64>, what: &str) {
    let number = *value.get_ref();
    if !(0.0..=100.0).contains(&number) {
        checker.report(
            Diagnostic::error(format!("{what} ist {number} und liegt damit außerhalb von 0 bis 100 %"))
                .at(file, value.span(), "kein Prozentwert")
                .hint("Prozentwerte stehen als Zahl zwischen 0 und 100, ohne %-Zeichen, z. B. `45` für 45 %."),
        );
    }
}

fn ampel_de(ampel: Ampel) -> &'static str {
    match ampel {
        Ampel::Green => "grün",
        Ampel::Yellow => "gelb",
        Ampel::Red => "rot",
    }
}
