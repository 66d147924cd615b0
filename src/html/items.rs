//! What each kind of page shows, as view models for its template.

use serde::Serialize;

use super::members::UnitMembers;
use super::page::{ItemContext, intro};
use super::plan::anchor;
use super::prose::{self as views};
use crate::german::number;
use crate::model::{Body, EntityKind as K, Model, Role};
use crate::view::{Linker, Named};

/// A premise's page with the decisions taken on it.
pub(super) fn premise(linker: &Linker<'_>, model: &Model, index: usize) -> ItemContext {
    let view = views::premise(linker, model, &model.premises[index]);
    let example = view.decisions.iter().any(|d| d.example);
    let mut context = ItemContext::empty().prose(&view.prose).with("premise", &view);
    context.example = example;
    context
}

/// The list of all decisions.
pub(super) fn decisions(linker: &Linker<'_>, model: &Model) -> ItemContext {
    let list: Vec<_> = model.decisions.iter().map(|d| views::decision(linker, d)).collect();
    let mut context = ItemContext::empty().with("decisions", &list);
    context.example = model.decisions.iter().any(|d| d.example);
    context
}

/// A free page of `pages/`.
pub(super) fn free_page(linker: &Linker<'_>, model: &Model, index: usize) -> ItemContext {
    let page = &model.pages[index];
    let prose = views::prose(linker, &page.body.text, views::RESERVED);
    let context = ItemContext::empty().prose(&prose).with("description", &page.description);
    match statement_facts(linker, &page.id) {
        Some(facts) => context.with("statement", &facts),
        None => context,
    }
}

/// The facts of `[accessibility_statement]`, for the page that `accessibility` names.
#[derive(Serialize)]
struct StatementFacts {
    enforcement: Option<String>,
    created: Option<String>,
}

fn statement_facts(linker: &Linker<'_>, page_id: &str) -> Option<StatementFacts> {
    let config = linker.site.config;
    let named = config.accessibility.as_ref()?.get_ref().strip_prefix("page:")? == page_id;
    let facts = &config.accessibility_statement;
    named.then(|| StatementFacts {
        enforcement: facts
            .enforcement
            .as_ref()
            .map(|text| text.get_ref().trim().to_owned())
            .filter(|text| !text.is_empty()),
        created: facts.created.as_ref().map(|date| crate::german::date(*date.get_ref())),
    })
}

/// A role's page: its card as on the PDF, and its own Markdown text.
pub(super) fn role(linker: &Linker<'_>, role: &Role) -> ItemContext {
    let view = crate::view::governance::role(linker, role);
    let prose = role.prose.as_ref().map(|p| views::prose(linker, &p.text, views::RESERVED));
    let context = ItemContext::empty().with("role", &view);
    match &prose {
        Some(prose) => context.prose(prose),
        None => context,
    }
}

/// A body's page: what the handbook PDF shows of it, and its own Markdown text.
pub(super) fn body(linker: &Linker<'_>, body: &Body) -> ItemContext {
    let view = crate::view::governance::body(linker, body);
    let prose = body.prose.as_ref().map(|p| views::prose(linker, &p.text, views::RESERVED));
    let context = ItemContext::empty().with("body", &view);
    match &prose {
        Some(prose) => context.prose(prose),
        None => context,
    }
}

#[derive(Serialize)]
struct LevelView {
    id: String,
    /// The level's anchor on the steering-model page.
    anchor: String,
    name: String,
    description: String,
    bodies: Vec<Named>,
    roles: Vec<Named>,
    units: Vec<Named>,
}

fn levels(linker: &Linker<'_>, model: &Model) -> Vec<LevelView> {
    let on = |level: &str, reference: &str| model.lookup(K::Level, reference).is_some_and(|e| e.canonical == level);
    model
        .levels
        .iter()
        .map(|level| {
            let id = level.id.get_ref();
            LevelView {
                id: id.clone(),
                anchor: crate::paths::level_anchor(id),
                name: level.name.clone(),
                description: level.description.clone(),
                bodies: model
                    .bodies
                    .iter()
                    .filter(|b| on(id, b.level.get_ref()))
                    .filter_map(|b| named(linker, K::Body, &b.id))
                    .collect(),
                roles: model
                    .roles
                    .iter()
                    .filter(|r| r.card && r.levels.iter().any(|l| on(id, l.get_ref())))
                    .filter_map(|r| named(linker, K::Role, &r.id))
                    .collect(),
                units: model
                    .units
                    .iter()
                    .filter(|u| u.level.as_ref().is_some_and(|l| on(id, l.get_ref())))
                    .filter_map(|u| named(linker, K::Unit, u.id.get_ref()))
                    .collect(),
            }
        })
        .collect()
}

fn named(linker: &Linker<'_>, kind: K, id: &str) -> Option<Named> {
    linker.entity(kind, id).map(|link| Named { title: link.title, href: Some(link.href) })
}

/// Where readers begin on the start page: the links `site.toml` names under `[start]`
/// for each of the three entry questions.
#[derive(Serialize)]
struct Begin {
    need: Vec<Named>,
    role: Vec<Named>,
    rules: Vec<Named>,
}

pub(super) fn start(linker: &Linker<'_>, model: &Model) -> ItemContext {
    let prose = intro(linker, model, "").unwrap_or_default();
    let config = linker.site.config;
    let links = |list: &[toml::Spanned<String>]| -> Vec<Named> {
        list.iter()
            .filter_map(|link| linker.content_link(link.get_ref()))
            .map(|link| Named { title: link.title, href: Some(link.href) })
            .collect()
    };
    let begin =
        Begin { need: links(&config.start.need), role: links(&config.start.role), rules: links(&config.start.rules) };
    let site = &linker.site;
    ItemContext::empty()
        .with("levels", &levels(linker, model))
        .with("intro", &prose)
        .with("model_summary", &model_summary(linker, model))
        .with("begin", &begin)
        .with("easy_language", &linker.setting(&config.easy_language))
        .with("accessibility", &linker.setting(&config.accessibility))
        .with(
            "dashboard",
            &site.period.map(|p| crate::view::Link {
                title: crate::view::dashboard_title(site, &p.id),
                href: linker.href(&crate::paths::dashboard(&p.id)),
            }),
        )
}

/// The first paragraph of the steering model's introduction: what the model is for, in a
/// few lines, for the start page.
fn model_summary(linker: &Linker<'_>, model: &Model) -> Option<views::Prose> {
    let page = &model.pages[super::plan::section_intro(model, "steuerungsmodell")?];
    let first = page.body.text.split("\n\n").map(str::trim).find(|block| {
        !block.is_empty()
            && !block.starts_with(['#', '|', '-', '*', '>', '<', '`'])
            && !block.starts_with(|c: char| c.is_ascii_digit())
    })?;
    Some(views::prose(linker, first, views::RESERVED))
}

pub(super) fn steering_model(linker: &Linker<'_>, model: &Model) -> ItemContext {
    let prose = intro(linker, model, "steuerungsmodell").unwrap_or_default();
    let flows: Vec<_> = model.flows.iter().map(|f| crate::view::governance::flow(linker, f)).collect();
    let diagram =
        crate::diagram::steering_model(model, linker.site.labels, &|kind, id| linker.entity(kind, id).map(|l| l.href))
            .svg;
    ItemContext::empty()
        .prose(&prose)
        .with("levels", &levels(linker, model))
        .with("flows", &flows)
        .with("diagram", &diagram)
}

#[derive(Serialize)]
struct RoleSummary {
    link: Named,
    level_text: Option<String>,
    unit: Option<Named>,
    pay_grade: Option<String>,
    card: bool,
}

pub(super) fn roles(linker: &Linker<'_>, model: &Model) -> ItemContext {
    let prose = intro(linker, model, "rollen").unwrap_or_default();
    let list: Vec<RoleSummary> = model
        .roles
        .iter()
        .filter_map(|role| {
            Some(RoleSummary {
                link: named(linker, K::Role, &role.id)?,
                level_text: role.level_text.clone(),
                unit: role.unit.as_ref().and_then(|u| named(linker, K::Unit, u.get_ref())),
                pay_grade: role.pay_grade.clone(),
                card: role.card,
            })
        })
        .collect();
    ItemContext::empty().prose(&prose).with("roles", &list)
}

pub(super) fn bodies(linker: &Linker<'_>, model: &Model) -> ItemContext {
    let prose = intro(linker, model, "gremien").unwrap_or_default();
    ItemContext::empty().prose(&prose).with("levels", &levels(linker, model))
}

#[derive(Serialize)]
struct PremiseSummary {
    number: u32,
    link: Named,
    summary: String,
}

pub(super) fn premises(linker: &Linker<'_>, model: &Model) -> ItemContext {
    let prose = intro(linker, model, "praemissen").unwrap_or_default();
    let mut list: Vec<PremiseSummary> = model
        .premises
        .iter()
        .filter_map(|p| {
            Some(PremiseSummary {
                number: p.order,
                link: named(linker, K::Premise, &p.id)?,
                summary: p.summary.clone(),
            })
        })
        .collect();
    list.sort_by_key(|p| p.number);
    ItemContext::empty().prose(&prose).with("premises", &list)
}

#[derive(Serialize)]
struct RaciMatrix {
    actors: Vec<Named>,
    rows: Vec<RaciRow>,
    note: String,
}

#[derive(Serialize)]
struct RaciRow {
    id: String,
    name: String,
    description: String,
    body: Option<Named>,
    cells: Vec<String>,
}

pub(super) fn raci(linker: &Linker<'_>, model: &Model) -> ItemContext {
    let tables = model
        .roles
        .iter()
        .map(|r| (K::Role, r.id.as_str(), &r.raci))
        .chain(model.bodies.iter().map(|b| (K::Body, b.id.as_str(), &b.raci)))
        .chain(model.units.iter().map(|u| (K::Unit, u.id.get_ref().as_str(), &u.raci)))
        .filter(|(_, _, table)| !table.is_empty())
        .collect::<Vec<_>>();
    let actors = tables.iter().filter_map(|(kind, id, _)| named(linker, *kind, id)).collect();
    let rows = model
        .activities
        .iter()
        .map(|activity| RaciRow {
            id: anchor(activity.id.get_ref()),
            name: activity.name.clone(),
            description: activity.description.clone(),
            body: activity.body.as_ref().and_then(|b| named(linker, K::Body, b.get_ref())),
            cells: tables
                .iter()
                .map(|(_, _, table)| table.get(activity.id.get_ref()).map(|l| l.get_ref().label()).unwrap_or_default())
                .collect(),
        })
        .collect();
    ItemContext::empty().with("raci", &RaciMatrix { actors, rows, note: model.raci_note.clone() })
}

#[derive(Serialize)]
struct ChallengeView {
    id: String,
    title: String,
    text: String,
    area: Option<String>,
    addressed_by: Vec<Named>,
}

pub(super) fn challenges(linker: &Linker<'_>, model: &Model) -> ItemContext {
    let list: Vec<ChallengeView> = model
        .challenges
        .iter()
        .map(|c| ChallengeView {
            id: anchor(c.id.get_ref()),
            title: c.title.clone(),
            text: c.text.clone(),
            area: c.area.clone(),
            addressed_by: c
                .addressed_by
                .iter()
                .filter_map(|r| {
                    [K::Role, K::Body, K::Premise, K::Unit, K::Page].iter().find_map(|&k| named(linker, k, r.get_ref()))
                })
                .collect(),
        })
        .collect();
    ItemContext::empty().with("challenges", &list)
}

#[derive(Serialize)]
struct StaffingView {
    note: String,
    rows: Vec<crate::view::governance::StaffingLine>,
    evp_fte: Option<String>,
    coordinator_fte: Option<String>,
    fachamt_note: String,
    chart: Option<crate::charts::Chart>,
}

pub(super) fn staffing(linker: &Linker<'_>) -> ItemContext {
    let model = linker.model;
    // Without `staffing.toml` the page says so rather than showing an empty table.
    let Some(staffing) = &model.staffing else { return ItemContext::empty().with("staffing", &None::<StaffingView>) };
    // No total row: the staffing plan gives none, and a sum over a "_*" target would be one
    // the source does not make.
    let view = StaffingView {
        note: staffing.note.clone(),
        rows: staffing.position.iter().map(|p| crate::view::governance::staffing_line(p, linker.site.labels)).collect(),
        evp_fte: staffing.fachamt.as_ref().map(|f| number(*f.evp_fte.get_ref())),
        coordinator_fte: staffing.fachamt.as_ref().map(|f| number(*f.coordinator_fte.get_ref())),
        fachamt_note: staffing.fachamt.as_ref().map(|f| f.note.clone()).unwrap_or_default(),
        chart: Some(crate::timings::CHARTS.time(|| crate::charts::staffing_waves(staffing, linker.site.labels)))
            .filter(|c| !c.table.rows.is_empty()),
    };
    ItemContext::empty().with("staffing", &view)
}

#[derive(Serialize)]
struct PaperSummary {
    link: Named,
    reference: Option<String>,
    paper_type: String,
    date: String,
    example: bool,
}

pub(super) fn papers(linker: &Linker<'_>) -> ItemContext {
    let model = linker.model;
    let list: Vec<PaperSummary> = model
        .papers
        .iter()
        .filter_map(|p| {
            Some(PaperSummary {
                link: named(linker, K::Paper, &p.id)?,
                reference: p.reference.clone(),
                paper_type: linker.site.label(&p.paper_type.get_ref().label_key()),
                date: crate::german::date(*p.date.get_ref()),
                example: p.example,
            })
        })
        .collect();
    let mut context = ItemContext::empty().with("papers", &list);
    context.example = model.papers.iter().any(|p| p.example);
    context
}

#[derive(Serialize)]
struct TermView {
    id: String,
    term: String,
    definition: String,
    aliases: Vec<String>,
}

pub(super) fn glossary(model: &Model) -> ItemContext {
    let mut terms: Vec<TermView> = model
        .terms
        .iter()
        .map(|t| TermView {
            id: anchor(t.term.get_ref()),
            term: t.term.get_ref().clone(),
            definition: t.definition.clone(),
            aliases: t.aliases.iter().map(|a| a.get_ref().clone()).collect(),
        })
        .collect();
    terms.sort_by_key(|t| t.term.to_lowercase());
    ItemContext::empty().with("terms", &terms)
}

#[derive(Serialize)]
struct UnitView {
    name: String,
    id: String,
    kind: String,
    description: String,
    parent: Option<Named>,
    children: Vec<Named>,
    roles: Vec<Named>,
    projects: Vec<Named>,
    demands: Vec<Named>,
    example: bool,
}

pub(super) fn unit(linker: &Linker<'_>, model: &Model, members: &UnitMembers, index: usize) -> ItemContext {
    let unit = &model.units[index];
    let id = unit.id.get_ref();
    let view = UnitView {
        name: unit.name.clone(),
        id: id.clone(),
        kind: linker.site.label(&unit.kind.get_ref().label_key()),
        description: unit.description.clone(),
        parent: unit.parent.as_ref().and_then(|p| named(linker, K::Unit, p.get_ref())),
        children: members
            .children
            .iter()
            .filter_map(|&i| named(linker, K::Unit, model.units[i].id.get_ref()))
            .collect(),
        roles: members.roles.iter().filter_map(|&i| named(linker, K::Role, &model.roles[i].id)).collect(),
        projects: members.projects.iter().filter_map(|&i| named(linker, K::Project, &model.projects[i].id)).collect(),
        demands: members.demands.iter().filter_map(|&i| named(linker, K::Demand, &model.demands[i].id)).collect(),
        example: unit.example,
    };
    let mut context = ItemContext::empty().with("unit", &view);
    context.example = unit.example || !view.projects.is_empty();
    context
}
