//! The page of one project: facts, milestones, the status of every period and the
//! milestone trend analysis.

use serde::Serialize;

use super::page::{ItemContext, Navigation};
use crate::german::{date as german_date, euro, number};
use crate::view::Named;
use crate::view::{AmpelView, Linker, ampel};

use crate::model::{EntityKind as K, Model};

#[derive(Serialize)]
struct ProjectView {
    id: String,
    title: String,
    summary: String,
    unit: Named,
    lead: Option<Named>,
    provider: Option<Named>,
    phase: String,
    fast_lane: bool,
    goals: Vec<Named>,
    planned: Option<String>,
    approved: Option<String>,
    start: Option<String>,
    end: Option<String>,
    depends_on: Vec<Named>,
    needed_by: Vec<Named>,
    milestones: Vec<MilestoneRow>,
    periods: Vec<PeriodStatus>,
    trend: Option<crate::charts::Chart>,
}

#[derive(Serialize)]
struct MilestoneRow {
    title: String,
    baseline: String,
    forecast: Option<String>,
    days: Option<i64>,
}

#[derive(Serialize)]
struct PeriodStatus {
    period: String,
    overall: AmpelView,
    schedule: Option<AmpelView>,
    cost: Option<AmpelView>,
    scope: Option<AmpelView>,
    resources: Option<AmpelView>,
    progress: Option<String>,
    spent: Option<String>,
    comment: String,
    risks: String,
    measures: Option<String>,
    escalated_to: Option<Named>,
}

pub fn project_page(linker: &Linker<'_>, model: &Model, navigation: &Navigation<'_>, index: usize) -> ItemContext {
    let project = &model.projects[index];
    let statuses = navigation.statuses.of(&project.id);
    let latest = statuses.last().map(|(_, s)| *s);
    let view = ProjectView {
        id: project.id.clone(),
        title: project.title.clone(),
        summary: project.summary.clone(),
        unit: linker.named(&[K::Unit], project.unit.get_ref()),
        lead: project.lead.as_ref().map(|l| linker.named(&[K::Role], l.get_ref())),
        provider: project.provider.as_ref().map(|p| linker.named(&[K::Unit], p.get_ref())),
        phase: linker.site.label(&project.phase.get_ref().label_key()),
        fast_lane: project.fast_lane,
        goals: project
            .goals
            .iter()
            .filter_map(|g| model.lookup(K::Goal, g.get_ref()))
            .map(|e| Named { title: model.goals[e.index].name.clone(), href: None })
            .collect(),
        planned: project.budget.as_ref().map(|b| euro(*b.planned.get_ref())),
        approved: project.budget.as_ref().and_then(|b| b.approved.as_ref()).map(|a| euro(*a.get_ref())),
        start: project.start.as_ref().map(|d| german_date(*d.get_ref())),
        end: project.end.as_ref().map(|d| german_date(*d.get_ref())),
        depends_on: project.depends_on.iter().map(|d| linker.named(&[K::Project], d.get_ref())).collect(),
        needed_by: navigation
            .dependents
            .of(&project.id)
            .iter()
            .map(|&p| linker.named(&[K::Project], &model.projects[p].id))
            .collect(),
        milestones: project
            .milestones
            .iter()
            .map(|m| {
                let forecast = latest.and_then(|s| s.forecast.get(m.id.get_ref())).map(|d| *d.get_ref());
                MilestoneRow {
                    title: m.title.clone(),
                    baseline: german_date(*m.baseline.get_ref()),
                    forecast: forecast.map(german_date),
                    days: forecast.map(|f| m.baseline.get_ref().days_until(f)),
                }
            })
            .collect(),
        periods: statuses
            .iter()
            .rev()
            .map(|(period, s)| PeriodStatus {
                period: period.id.clone(),
                overall: ampel(&linker.site, *s.overall.get_ref()),
                schedule: s.schedule.map(|a| ampel(&linker.site, a)),
                cost: s.cost.map(|a| ampel(&linker.site, a)),
                scope: s.scope.map(|a| ampel(&linker.site, a)),
                resources: s.resources.map(|a| ampel(&linker.site, a)),
                progress: s.progress.as_ref().map(|p| number(*p.get_ref())),
                spent: s.spent.as_ref().map(|v| euro(*v.get_ref())),
                comment: s.comment.clone(),
                risks: s.risks.clone(),
                measures: s.measures.clone(),
                escalated_to: s.escalated_to.as_ref().map(|e| linker.named(&[K::Body], e.get_ref())),
            })
            .collect(),
        trend: (!project.milestones.is_empty())
            .then(|| crate::view::charts::milestones(project, &navigation.statuses, linker.site.labels)),
    };
    let mut context = ItemContext::empty().with("project", &view);
    context.example = true;
    context
}
