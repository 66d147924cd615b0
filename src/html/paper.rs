//! The page of a committee paper (Vorlage): header data, Beratungsfolge, Beschlussvorschlag,
//! Sachverhalt, Finanzielle Auswirkungen, and the decisions taken on it.

use serde::Serialize;

use super::page::ItemContext;
use super::prose as views;
use crate::german::{date as german_date, euro};
use crate::model::{EntityKind as K, Model, Paper};
use crate::view::{Linker, Named};

#[derive(Serialize)]
struct PaperView {
    name: String,
    reference: Option<String>,
    paper_type: String,
    date: String,
    originator: Option<Named>,
    consultations: Vec<ConsultationView>,
    resolution: Option<String>,
    finance: Option<FinanceView>,
    attachments: Vec<String>,
    decisions: Vec<views::DecisionView>,
    example: bool,
    pdf: Option<String>,
    oparl: Option<String>,
}

#[derive(Serialize)]
struct ConsultationView {
    body: String,
    date: String,
    role: String,
    authoritative: bool,
}

#[derive(Serialize)]
struct FinanceView {
    budget_affected: bool,
    amount: Option<String>,
    covered: Option<bool>,
    coverage: Option<String>,
    follow_up_costs: Option<String>,
    text: String,
}

pub fn paper(linker: &Linker<'_>, model: &Model, paper: &Paper) -> ItemContext {
    let body = views::prose(linker, &paper.body.text, views::RESERVED);
    let view = PaperView {
        name: paper.name.clone(),
        reference: paper.reference.clone(),
        paper_type: linker.site.label(&paper.paper_type.get_ref().label_key()),
        date: german_date(*paper.date.get_ref()),
        originator: linker
            .entity(K::Unit, paper.originator.get_ref())
            .map(|l| Named { title: l.title, href: Some(l.href) }),
        consultations: paper
            .consultations
            .iter()
            .map(|c| ConsultationView {
                body: c.body.clone(),
                date: german_date(*c.date.get_ref()),
                role: linker.site.label(&c.role.label_key()),
                authoritative: c.authoritative.as_ref().is_some_and(|a| *a.get_ref()),
            })
            .collect(),
        resolution: paper
            .resolution
            .as_ref()
            .map(|r| crate::markdown::render(r.get_ref(), linker, views::RESERVED).html),
        finance: paper.finance.as_ref().map(|f| FinanceView {
            budget_affected: f.budget_affected,
            amount: f.amount.as_ref().map(|a| euro(*a.get_ref())),
            covered: f.covered,
            coverage: f.coverage.clone(),
            follow_up_costs: f.follow_up_costs.as_ref().map(|a| euro(*a.get_ref())),
            text: f.text.clone(),
        }),
        attachments: paper.attachments.clone(),
        decisions: model
            .decisions
            .iter()
            .filter(|d| d.paper.as_ref().is_some_and(|p| model.refers_to(d.origin.file, p, K::Paper, &paper.id)))
            .map(|d| views::decision(linker, d))
            .collect(),
        example: paper.example,
        pdf: linker.pdf_href(crate::paths::pdf(K::Paper, &paper.id)),
        oparl: (crate::paths::oparl(&paper.id))
            .filter(|_| crate::oparl::base(&linker.site).is_some())
            .map(|path| linker.href(&path)),
    };
    let mut context = ItemContext::empty().prose(&body).with("paper", &view);
    context.example = paper.example;
    context
}
