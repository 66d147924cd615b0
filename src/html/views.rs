//! View models of the governance pages: what a template may show, built once per page
//! from the model, with every link already relative to that page.

use serde::Serialize;

pub use crate::german::{date as german_date, number};

use super::links::{Link, Linker};
use crate::markdown::{self, Heading};
use crate::model::{Body, EntityKind as K, Flow, FlowKind, MemberMode, Model, Premise, RaciLetters, Role};

const ACTORS: &[K] = &[K::Role, K::Body, K::Unit];

/// A Markdown body rendered for one page.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Prose {
    pub html: String,
    pub toc: Vec<Heading>,
}

pub fn prose(linker: &Linker<'_>, markdown: &str, reserved: &[&str]) -> (Prose, String) {
    let rendered = markdown::render(markdown, linker, reserved);
    (Prose { html: rendered.html, toc: rendered.headings }, rendered.text)
}

/// A name that links where its entity has a page, and is plain text where it has none.
#[derive(Debug, Clone, Serialize)]
pub struct Named {
    pub title: String,
    pub href: Option<String>,
}

pub fn named(linker: &Linker<'_>, kinds: &[K], id: &str) -> Named {
    match linker.any(kinds, id) {
        Some(Link { title, href }) => Named { title, href: Some(href) },
        None => Named { title: id.to_owned(), href: None },
    }
}

#[derive(Debug, Serialize)]
pub struct FlowView {
    /// The flow's number in `flows.toml` order: the badge on its arrow in the diagram.
    pub number: usize,
    pub from: Named,
    pub to: Named,
    pub label: String,
    pub description: String,
    /// "regular", "reporting", "fast_lane": for styling; the words come from the labels.
    pub kind: &'static str,
}

pub fn flow(linker: &Linker<'_>, flow: &Flow) -> FlowView {
    let number = linker.model.flows.iter().position(|f| std::ptr::eq(f, flow)).map_or(0, |i| i + 1);
    FlowView {
        number,
        from: named(linker, ACTORS, flow.from.get_ref()),
        to: named(linker, ACTORS, flow.to.get_ref()),
        label: flow.label.clone(),
        description: flow.description.clone(),
        kind: match flow.kind {
            FlowKind::Regular => "regular",
            FlowKind::Reporting => "reporting",
            FlowKind::FastLane => "fast_lane",
        },
    }
}

#[derive(Debug, Serialize)]
pub struct RaciCell {
    pub activity: Named,
    pub letters: String,
}

fn raci_row(
    linker: &Linker<'_>,
    model: &Model,
    table: &std::collections::BTreeMap<String, toml::Spanned<RaciLetters>>,
) -> Vec<RaciCell> {
    model
        .activities
        .iter()
        .filter_map(|activity| {
            let letters = table.get(activity.id.get_ref())?;
            Some(RaciCell {
                activity: Named {
                    title: activity.name.clone(),
                    href: Some(linker.href(&format!("raci/index.html#{}", activity.id.get_ref()))),
                },
                letters: letters.get_ref().label(),
            })
        })
        .collect()
}

#[derive(Debug, Serialize)]
pub struct Seat {
    pub body: Named,
    pub advisory: bool,
}

#[derive(Debug, Serialize)]
pub struct TaskGroupView {
    pub title: String,
    pub items: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct InterfaceView {
    pub with: Named,
    pub text: String,
}

#[derive(Debug, Serialize)]
pub struct StaffingLine {
    pub label: String,
    pub pay_grade: Option<String>,
    pub target: Option<String>,
    pub current: String,
    pub waves: String,
    pub note: String,
}

#[derive(Debug, Serialize)]
pub struct RoleView {
    pub name: String,
    /// The role card as PDF, beside the page.
    pub pdf: String,
    pub card: bool,
    pub summary: String,
    pub unit: Option<Named>,
    pub levels: Vec<Named>,
    pub level_text: Option<String>,
    pub pay_grade: Option<String>,
    pub competencies: Vec<String>,
    pub tasks: Vec<TaskGroupView>,
    pub bodies: Vec<Seat>,
    pub interfaces: Vec<InterfaceView>,
    pub raci: Vec<RaciCell>,
    pub staffing: Vec<StaffingLine>,
    pub flows: Vec<FlowView>,
    pub prose: Option<Prose>,
}

pub fn role(linker: &Linker<'_>, model: &Model, role: &Role) -> (RoleView, String) {
    let prose_text = role.prose.as_ref().map(|p| prose(linker, &p.text, RESERVED));
    let bodies = model
        .bodies
        .iter()
        .filter_map(|body| {
            let seat = body
                .members
                .iter()
                .find(|m| m.role.as_ref().is_some_and(|r| canonical(model, K::Role, r.get_ref()) == role.id))?;
            Some(Seat { body: named(linker, &[K::Body], &body.id), advisory: seat.mode == MemberMode::Advisory })
        })
        .collect();
    let staffing = model
        .staffing
        .iter()
        .flat_map(|s| &s.position)
        .filter(|p| canonical(model, K::Role, p.role.get_ref()) == role.id)
        .map(staffing_line)
        .collect();
    let flows = model
        .flows
        .iter()
        .filter(|f| [f.from.get_ref(), f.to.get_ref()].iter().any(|end| canonical(model, K::Role, end) == role.id))
        .map(|f| flow(linker, f))
        .collect();
    let view = RoleView {
        name: role.name.clone(),
        pdf: linker.href(&super::urls::pdf(K::Role, &role.id).unwrap_or_default()),
        card: role.card,
        summary: role.summary.clone(),
        unit: role.unit.as_ref().map(|u| named(linker, &[K::Unit], u.get_ref())),
        levels: role.levels.iter().map(|l| named(linker, &[K::Level], l.get_ref())).collect(),
        level_text: role.level_text.clone(),
        pay_grade: role.pay_grade.clone(),
        competencies: role.competencies.clone(),
        tasks: role.tasks.iter().map(|t| TaskGroupView { title: t.title.clone(), items: t.items.clone() }).collect(),
        bodies,
        interfaces: role
            .interfaces
            .iter()
            .map(|i| InterfaceView { with: named(linker, ACTORS, i.with.get_ref()), text: i.text.clone() })
            .collect(),
        raci: raci_row(linker, model, &role.raci),
        staffing,
        flows,
        prose: prose_text.as_ref().map(|(p, _)| p.clone()),
    };
    let text = search_text(&[
        &role.summary,
        &role.competencies.join(" "),
        &tasks_text(role),
        prose_text.map(|(_, t)| t).as_deref().unwrap_or(""),
    ]);
    (view, text)
}

fn tasks_text(role: &Role) -> String {
    role.tasks.iter().map(|t| format!("{} {}", t.title, t.items.join(" "))).collect::<Vec<_>>().join(" ")
}

/// Ids the page templates use for their own headings, kept free in Markdown bodies.
pub const RESERVED: &[&str] = &[
    "inhalt",
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
    "fachaemter",
    "untereinheiten",
    "rollen",
    "projekte",
];

pub fn staffing_line(position: &crate::model::Position) -> StaffingLine {
    let waves = crate::figures::waves(position);
    StaffingLine {
        label: position.label.clone(),
        pay_grade: position.pay_grade.clone(),
        target: position.target.as_ref().map(|t| number(*t.get_ref())),
        current: number(*position.current.get_ref()),
        waves,
        note: position.note.clone(),
    }
}

fn canonical<'m>(model: &'m Model, kind: K, name: &str) -> &'m str {
    model.lookup(kind, name).map_or("", |entry| entry.canonical.as_str())
}

#[derive(Debug, Serialize)]
pub struct MemberView {
    pub who: Named,
    pub label: Option<String>,
    pub advisory: bool,
}

#[derive(Debug, Serialize)]
pub struct BodyView {
    pub name: String,
    pub summary: String,
    pub level: Named,
    pub members: Vec<MemberView>,
    pub chair: Option<Named>,
    pub cadence: Option<String>,
    pub tasks: Vec<String>,
    pub decides: Vec<String>,
    pub reports_to: Option<Named>,
    pub flows_in: Vec<FlowView>,
    pub flows_out: Vec<FlowView>,
    pub raci: Vec<RaciCell>,
    pub prose: Option<Prose>,
}

pub fn body(linker: &Linker<'_>, model: &Model, body: &Body) -> (BodyView, String) {
    let prose_text = body.prose.as_ref().map(|p| prose(linker, &p.text, RESERVED));
    let members = body
        .members
        .iter()
        .map(|m| {
            let who = match (&m.role, &m.unit) {
                (Some(role), _) => named(linker, &[K::Role], role.get_ref()),
                (None, Some(unit)) => named(linker, &[K::Unit], unit.get_ref()),
                (None, None) => Named { title: m.label.clone().unwrap_or_default(), href: None },
            };
            let label = m.label.clone().filter(|label| *label != who.title);
            MemberView { who, label, advisory: m.mode == MemberMode::Advisory }
        })
        .collect();
    let ends = |end: &str| canonical(model, K::Body, end) == body.id;
    let view = BodyView {
        name: body.name.clone(),
        summary: body.summary.clone(),
        level: named(linker, &[K::Level], body.level.get_ref()),
        members,
        chair: body.chair.as_ref().map(|c| named(linker, &[K::Role], c.get_ref())),
        cadence: body.cadence.clone(),
        tasks: body.tasks.clone(),
        decides: body.decides.clone(),
        reports_to: body.reports_to.as_ref().map(|r| named(linker, &[K::Body, K::Role], r.get_ref())),
        flows_in: model.flows.iter().filter(|f| ends(f.to.get_ref())).map(|f| flow(linker, f)).collect(),
        flows_out: model.flows.iter().filter(|f| ends(f.from.get_ref())).map(|f| flow(linker, f)).collect(),
        raci: raci_row(linker, model, &body.raci),
        prose: prose_text.as_ref().map(|(p, _)| p.clone()),
    };
    let text = search_text(&[
        &body.summary,
        &body.tasks.join(" "),
        &body.decides.join(" "),
        prose_text.map(|(_, t)| t).as_deref().unwrap_or(""),
    ]);
    (view, text)
}

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
        (Some(body), _) => named(linker, &[K::Body], body.get_ref()),
        (None, committee) => Named { title: committee.clone().unwrap_or_default(), href: None },
    };
    DecisionView {
        id: crate::model::slug::slugify(&decision.id),
        date: german_date(*decision.date.get_ref()),
        decided_by,
        subject: decision.subject.clone(),
        html: markdown::render(decision.text.get_ref(), linker, &[]).html,
        premise: decision.premise.as_ref().map(|p| named(linker, &[K::Premise], p.get_ref())),
        paper: decision.paper.as_ref().map(|p| named(linker, &[K::Paper], p.get_ref())),
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

pub fn premise(linker: &Linker<'_>, model: &Model, premise: &Premise) -> (PremiseView, String) {
    let (body, text) = prose(linker, &premise.body.text, RESERVED);
    let decisions = model
        .decisions
        .iter()
        .filter(|d| d.premise.as_ref().is_some_and(|p| canonical(model, K::Premise, p.get_ref()) == premise.id))
        .map(|d| decision(linker, d))
        .collect();
    (
        PremiseView {
            number: premise.order,
            title: premise.title.clone(),
            summary: premise.summary.clone(),
            prose: body,
            decisions,
        },
        text,
    )
}

fn search_text(parts: &[&str]) -> String {
    parts.iter().filter(|p| !p.is_empty()).copied().collect::<Vec<_>>().join(" ")
}

/// A role's page as data, for its PDF role card: the same facts as the page.
pub fn role_data(model: &Model, index: usize) -> Option<serde_json::Value> {
    let role = model.roles.get(index)?;
    let linker = Linker::new(model, &super::urls::entity(K::Role, &role.id)?);
    serde_json::to_value(self::role(&linker, model, role).0).ok()
}

/// A body's page as data, for the handbook PDF.
pub fn body_data(model: &Model, index: usize) -> Option<serde_json::Value> {
    let body = model.bodies.get(index)?;
    let linker = Linker::new(model, &super::urls::entity(K::Body, &body.id)?);
    serde_json::to_value(self::body(&linker, model, body).0).ok()
}
