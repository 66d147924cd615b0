//! Markdown bodies as HTML for one page, and the views that carry them: premises and
//! decisions. What pages and PDFs share lives in [`crate::view`].

use serde::Serialize;

use crate::german::date as german_date;
use crate::markdown::{self, Heading};
use crate::model::{EntityKind as K, Model, Premise};
use crate::view::{Linker, Named};

/// A Markdown body rendered for one page.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Prose {
    pub html: String,
    pub toc: Vec<Heading>,
}

/// The body as HTML with its headings.
pub fn prose(linker: &Linker<'_>, markdown: &str, reserved: &[&str]) -> Prose {
    let rendered = markdown::render(markdown, linker, reserved);
    Prose { html: rendered.html, toc: rendered.headings }
}

/// Ids the page templates use for their own headings, kept free in Markdown bodies.
pub const RESERVED: &[&str] = &[
    "inhalt",
    "durchsetzungsverfahren",
    "navigation",
    "suche",
    "aufgaben",
    "kompetenzen",
    "gremien",
    "mitglieder",
    "ablaeufe",
    "raci",
    "entscheidungen",
    "schnittstellen",
    "stellenplan",
    "eingehend",
    "ausgehend",
    "entscheidet",
    "ebenen",
    "aktivitaeten",
    "matrix",
    "toc-title",
    "nav-background",
    "purpose-title",
    "begin-title",
    "levels-title",
    "beratungsfolge",
    "beschlussvorschlag",
    "finanzen",
    "anlagen",
    "steckbriefe",
    "weitere-rollen",
    "bedarfe-einheiten",
    "untereinheiten",
    "rollen",
    "projekte",
];

#[derive(Debug, Serialize)]
pub struct DecisionView {
    pub id: String,
    pub date: String,
    pub decided_by: Named,
    pub subject: String,
    pub html: String,
    pub premise: Option<Named>,
    pub paper: Option<Named>,
    pub example: bool,
}

pub fn decision(linker: &Linker<'_>, decision: &crate::model::Decision) -> DecisionView {
    let decided_by = match (&decision.body, &decision.committee) {
        (Some(body), _) => linker.named(&[K::Body], body.get_ref()),
        (None, committee) => Named { title: committee.clone().unwrap_or_default(), href: None },
    };
    DecisionView {
        id: crate::model::slug::slugify(&decision.id),
        date: german_date(*decision.date.get_ref()),
        decided_by,
        subject: decision.subject.clone(),
        html: markdown::render(decision.text.get_ref(), linker, &[]).html,
        premise: decision.premise.as_ref().map(|p| linker.named(&[K::Premise], p.get_ref())),
        paper: decision.paper.as_ref().map(|p| linker.named(&[K::Paper], p.get_ref())),
        example: decision.example,
    }
}

#[derive(Debug, Serialize)]
pub struct PremiseView {
    pub number: u32,
    pub title: String,
    pub summary: String,
    pub prose: Prose,
    pub decisions: Vec<DecisionView>,
}

pub fn premise(linker: &Linker<'_>, model: &Model, premise: &Premise) -> PremiseView {
    let body = prose(linker, &premise.body.text, RESERVED);
    let decisions = model
        .decisions
        .iter()
        .filter(|d| d.premise.as_ref().is_some_and(|p| model.refers_to(d.origin.file, p, K::Premise, &premise.id)))
        .map(|d| decision(linker, d))
        .collect();
    PremiseView {
        number: premise.order,
        title: premise.title.clone(),
        summary: premise.summary.clone(),
        prose: body,
        decisions,
    }
}
