//! What a role, a body and a flow show, on their pages and in the PDFs alike: names,
//! formatted numbers and links from the page or document being made.

use serde::Serialize;

use super::links::{Linker, Named};
use super::provenance::{self, ReadingMark};
use crate::german::number;
use crate::model::{ACTORS, Body, EntityKind as K, Flow, FlowKind, MemberMode, Model, RaciLetters, Role};

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
        from: linker.named(ACTORS, flow.from.get_ref()),
        to: linker.named(ACTORS, flow.to.get_ref()),
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
    /// The other names of the role: its aliases that are names, not ids.
    pub also_named: Vec<String>,
    /// The role card as PDF, beside the page; `None` when the site builds no PDFs.
    pub pdf: Option<String>,
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
    pub readings: Readings,
}

/// The readings (Lesarten) behind what an item's page shows: of its RACI letters, of its
/// flows' endpoints, and of the item itself.
#[derive(Debug, Serialize)]
pub struct Readings {
    pub raci: Vec<ReadingMark>,
    pub flows: Vec<ReadingMark>,
    pub own: Vec<ReadingMark>,
}

impl Readings {
    fn of(linker: &Linker<'_>, kind: K, id: &str, raci: bool, flows: bool) -> Readings {
        let aspect = |shown: bool, name: &str| if shown { provenance::aspect(linker, name) } else { Vec::new() };
        Readings {
            raci: aspect(raci, "raci"),
            flows: aspect(flows, "flow.endpoints"),
            own: provenance::item(linker, kind, id),
        }
    }
}

pub fn role(linker: &Linker<'_>, role: &Role) -> RoleView {
    let model = linker.model;
    let is_this = |file, reference: &crate::model::Ref| model.refers_to(file, reference, K::Role, &role.id);
    let bodies = model
        .bodies
        .iter()
        .filter_map(|body| {
            let seat = body.members.iter().find(|m| m.role.as_ref().is_some_and(|r| is_this(body.origin.file, r)))?;
            Some(Seat { body: linker.named(&[K::Body], &body.id), advisory: seat.mode == MemberMode::Advisory })
        })
        .collect();
    let staffing = model
        .staffing
        .iter()
        .flat_map(|s| s.position.iter().map(move |p| (s.origin.file, p)))
        .filter(|(file, p)| is_this(*file, &p.role))
        .map(|(_, p)| staffing_line(p, linker.site.labels))
        .collect();
    let flows: Vec<FlowView> = model
        .flows
        .iter()
        .filter(|f| is_this(f.origin.file, &f.from) || is_this(f.origin.file, &f.to))
        .map(|f| flow(linker, f))
        .collect();
    RoleView {
        name: role.name.clone(),
        also_named: names_among(&role.aliases),
        pdf: linker.pdf_href(crate::paths::pdf(K::Role, &role.id)),
        card: role.card,
        summary: role.summary.clone(),
        unit: role.unit.as_ref().map(|u| linker.named(&[K::Unit], u.get_ref())),
        levels: role.levels.iter().map(|l| linker.named(&[K::Level], l.get_ref())).collect(),
        level_text: role.level_text.clone(),
        pay_grade: role.pay_grade.clone(),
        competencies: role.competencies.clone(),
        tasks: role.tasks.iter().map(|t| TaskGroupView { title: t.title.clone(), items: t.items.clone() }).collect(),
        bodies,
        interfaces: role
            .interfaces
            .iter()
            .map(|i| InterfaceView { with: linker.named(ACTORS, i.with.get_ref()), text: i.text.clone() })
            .collect(),
        raci: raci_row(linker, model, &role.raci),
        staffing,
        readings: Readings::of(linker, K::Role, &role.id, !role.raci.is_empty(), !flows.is_empty()),
        flows,
    }
}

/// The aliases a reader would call the item by: an alias written like an id
/// (`digit-beauftragte`) only keeps references from other files working.
fn names_among(aliases: &[crate::model::Spanned<String>]) -> Vec<String> {
    aliases.iter().map(|a| a.get_ref().clone()).filter(|a| !crate::model::slug::is_slug(a)).collect()
}

pub fn staffing_line(position: &crate::model::Position, labels: &crate::labels::Labels) -> StaffingLine {
    let waves = crate::figures::waves(position, labels);
    StaffingLine {
        label: position.label.clone(),
        pay_grade: position.pay_grade.clone(),
        target: Some(position.target_shown()),
        current: number(*position.current.get_ref()),
        waves,
        note: position.note.clone(),
    }
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
    pub readings: Readings,
}

pub fn body(linker: &Linker<'_>, body: &Body) -> BodyView {
    let model = linker.model;
    let members = body
        .members
        .iter()
        .map(|m| {
            let who = match (&m.role, &m.unit) {
                (Some(role), _) => linker.named(&[K::Role], role.get_ref()),
                (None, Some(unit)) => linker.named(&[K::Unit], unit.get_ref()),
                (None, None) => Named { title: m.label.clone().unwrap_or_default(), href: None },
            };
            let label = m.label.clone().filter(|label| *label != who.title);
            MemberView { who, label, advisory: m.mode == MemberMode::Advisory }
        })
        .collect();
    let ends = |flow: &Flow, end: &crate::model::Ref| model.refers_to(flow.origin.file, end, K::Body, &body.id);
    let flows_in: Vec<FlowView> = model.flows.iter().filter(|f| ends(f, &f.to)).map(|f| flow(linker, f)).collect();
    let flows_out: Vec<FlowView> = model.flows.iter().filter(|f| ends(f, &f.from)).map(|f| flow(linker, f)).collect();
    let has_flows = !flows_in.is_empty() || !flows_out.is_empty();
    BodyView {
        readings: Readings::of(linker, K::Body, &body.id, !body.raci.is_empty(), has_flows),
        name: body.name.clone(),
        summary: body.summary.clone(),
        level: linker.named(&[K::Level], body.level.get_ref()),
        members,
        chair: body.chair.as_ref().map(|c| linker.named(&[K::Role], c.get_ref())),
        cadence: body.cadence.clone(),
        tasks: body.tasks.clone(),
        decides: body.decides.clone(),
        reports_to: body.reports_to.as_ref().map(|r| linker.named(&[K::Body, K::Role], r.get_ref())),
        flows_in,
        flows_out,
        raci: raci_row(linker, model, &body.raci),
    }
}
