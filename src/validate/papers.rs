//! Rules of committee papers (Beratungsfolge, Beschlussvorschlag, Finanzen) and decisions.

use super::Checker;
use super::governance::non_negative;
use crate::diag::Diagnostic;
use crate::model::{EntityKind as K, Paper, PaperType};

pub fn check(checker: &mut Checker<'_>) {
    let model = checker.model;
    for paper in &model.papers {
        check_paper(checker, paper);
    }
    for decision in &model.decisions {
        let file = decision.origin.file;
        if let Some(body) = &decision.body {
            checker.resolve(&[K::Body], body, file);
        }
        if let Some(premise) = &decision.premise {
            checker.resolve(&[K::Premise], premise, file);
        }
        if let Some(paper) = &decision.paper {
            checker.resolve(&[K::Paper], paper, file);
        }
        if decision.body.is_none() && decision.committee.as_deref().is_none_or(|c| c.trim().is_empty()) {
            checker.report(
                Diagnostic::error("Die Entscheidung nennt nicht, wer entschieden hat")
                    .at(file, decision.date.span(), "in dieser Entscheidung")
                    .hint("Geben Sie `body = \"lenkungskreis\"` (ein Gremium des Modells) oder `committee = \"Stadtrat\"` an."),
            );
        }
    }
}

fn check_paper(checker: &mut Checker<'_>, paper: &Paper) {
    let file = paper.origin.file;
    checker.resolve(&[K::Unit], &paper.originator, file);
    let kind = *paper.paper_type.get_ref();
    let authoritative: Vec<_> =
        paper.consultations.iter().filter_map(|c| c.authoritative.as_ref().filter(|flag| *flag.get_ref())).collect();
    match kind {
        PaperType::Beschlussvorlage if authoritative.len() != 1 => {
            let mut diagnostic = Diagnostic::error(format!(
                "Eine Beschlussvorlage hat genau eine entscheidende Beratung (authoritative = true), diese hat {}",
                authoritative.len()
            ))
            .at(file, paper.paper_type.span(), "Beschlussvorlage");
            for flag in &authoritative {
                diagnostic = diagnostic.also(file, flag.span(), "entscheidend");
            }
            checker.report(
                diagnostic.hint(
                    "Setzen Sie `authoritative = true` genau bei dem Gremium, das beschließt (meist der Stadtrat).",
                ),
            );
        }
        PaperType::Informationsvorlage | PaperType::Mitteilungsvorlage if !authoritative.is_empty() => {
            let mut diagnostic = Diagnostic::error("Eine Informations- oder Mitteilungsvorlage wird nicht beschlossen, hat aber eine entscheidende Beratung")
                .at(file, authoritative[0].span(), "authoritative = true");
            diagnostic = diagnostic
                .hint("Entfernen Sie `authoritative = true` oder ändern Sie `paper_type` zu \"Beschlussvorlage\".");
            checker.report(diagnostic);
        }
        _ => {}
    }
    match (&paper.resolution, kind) {
        (None, PaperType::Beschlussvorlage) => checker.report(
            Diagnostic::error("Der Beschlussvorlage fehlt der Beschlussvorschlag")
                .at(file, paper.paper_type.span(), "Beschlussvorlage")
                .hint("Ergänzen Sie `resolution = \"\"\"…\"\"\"` mit dem Text, über den das Gremium abstimmt."),
        ),
        (Some(resolution), PaperType::Informationsvorlage | PaperType::Mitteilungsvorlage) => checker.report(
            Diagnostic::error("Eine Informations- oder Mitteilungsvorlage hat keinen Beschlussvorschlag")
                .at(file, resolution.span(), "Beschlussvorschlag")
                .hint("Entfernen Sie `resolution` oder ändern Sie `paper_type` zu \"Beschlussvorlage\"."),
        ),
        _ => {}
    }
    for pair in paper.consultations.windows(2) {
        if pair[1].date.get_ref() < pair[0].date.get_ref() {
            checker.report(
                Diagnostic::error(format!(
                    "Die Beratungsfolge ist nicht zeitlich geordnet: die Beratung am {} steht nach der am {}",
                    pair[1].date.get_ref(),
                    pair[0].date.get_ref()
                ))
                .at(file, pair[1].date.span(), "früher als die vorige Beratung")
                .also(file, pair[0].date.span(), "vorige Beratung")
                .hint("Ordnen Sie die `[[consultations]]` in der Reihenfolge der Sitzungstermine."),
            );
        }
    }
    if let Some(finance) = &paper.finance {
        non_negative(checker, file, finance.amount.as_ref(), "den Betrag");
        non_negative(checker, file, finance.follow_up_costs.as_ref(), "die Folgekosten");
    }
}
