//! Portfolio pages: the dashboard per period and their list, the portfolio overview and
//! its views, the demand pipeline and the prioritisation ranking.

use serde::Serialize;

use super::page::ItemContext;
use crate::german::{date as german_date, number};
use crate::model::{Ampel, EntityKind as K, Model, Stage};
use crate::portfolio::{self, AmpelCounts};
use crate::view::{AmpelView, Linker, Named, ampel};

fn slug(id: &str) -> String {
    crate::model::slug::slugify(id)
}

/// The dashboard page of a period.
pub fn dashboard(linker: &Linker<'_>, period_id: &str) -> ItemContext {
    let Some(view) = crate::view::dashboard::dashboard(linker, period_id) else { return ItemContext::empty() };
    let mut context = ItemContext::empty().with("dashboard", &view);
    context.example = true;
    context
}

#[derive(Serialize)]
struct PeriodEntry {
    link: Named,
    date: String,
    counts: AmpelCounts,
}

pub fn dashboards(linker: &Linker<'_>) -> ItemContext {
    let site = &linker.site;
    let periods: Vec<PeriodEntry> = portfolio::timeline(site.model, site.period_id())
        .iter()
        .rev()
        .map(|p| PeriodEntry {
            link: Named {
                title: crate::view::dashboard_title(site, &p.id),
                href: Some(linker.href(&crate::paths::dashboard(&p.id))),
            },
            date: german_date(*p.date.get_ref()),
            counts: AmpelCounts::of(p),
        })
        .collect();
    let mut context = ItemContext::empty().with("periods", &periods);
    context.example = true;
    context
}

#[derive(Serialize, Clone)]
struct ProjectRow {
    link: Named,
    id: String,
    unit: Named,
    phase: String,
    overall: Option<AmpelView>,
    goals: Vec<String>,
}

#[derive(Serialize)]
struct ViewLink {
    title: String,
    href: String,
    count: usize,
}

#[derive(Serialize)]
struct Dimension {
    title: String,
    views: Vec<ViewLink>,
}

/// The portfolio overview: the views by unit, phase, Ampel and goal with their counts, and
/// the way to the full list; each view is a pre-rendered page (no JavaScript needed).
pub fn overview(linker: &Linker<'_>, model: &Model, groups: &[super::groups::Group]) -> ItemContext {
    let mut dimensions: Vec<Dimension> = Vec::new();
    for group in groups {
        let link = ViewLink { title: group.title.clone(), href: linker.href(&group.path), count: group.projects.len() };
        match dimensions.last_mut() {
            Some(last) if last.title == group.dimension => last.views.push(link),
            _ => dimensions.push(Dimension { title: group.dimension.to_owned(), views: vec![link] }),
        }
    }
    let all = ViewLink {
        title: linker.site.label("all_projects"),
        href: linker.href(&super::groups::page_path(0)),
        count: model.projects.len(),
    };
    let mut context =
        ItemContext::empty().with("dimensions", &dimensions).with("all", &all).with("period", &linker.site.period_id());
    context.example = true;
    context
}

fn project_rows(linker: &Linker<'_>, model: &Model, indices: impl Iterator<Item = usize>) -> Vec<ProjectRow> {
    let current = linker.site.period;
    let status: std::collections::BTreeMap<&str, Ampel> = current
        .map(|p| p.status.iter().map(|s| (s.project.get_ref().as_str(), *s.overall.get_ref())).collect())
        .unwrap_or_default();
    indices
        .map(|i| {
            let p = &model.projects[i];
            ProjectRow {
                link: linker.named(&[K::Project], &p.id),
                id: p.id.clone(),
                unit: linker.named(&[K::Unit], p.unit.get_ref()),
                phase: linker.site.label(&p.phase.get_ref().label_key()),
                overall: status.get(p.id.as_str()).copied().map(|a| ampel(&linker.site, a)),
                goals: Vec::new(),
            }
        })
        .collect()
}

pub fn project_group(linker: &Linker<'_>, model: &Model, groups: &[super::groups::Group], index: usize) -> ItemContext {
    let Some(group) = groups.get(index) else { return ItemContext::empty() };
    let rows = project_rows(linker, model, group.projects.iter().copied());
    let mut context =
        ItemContext::empty().with("projects", &rows).with("overview", &linker.href("projekte/index.html"));
    context.example = true;
    context
}

pub fn project_page_list(linker: &Linker<'_>, model: &Model, n: usize) -> ItemContext {
    let size = super::groups::PAGE_SIZE;
    let rows = project_rows(linker, model, n * size..((n + 1) * size).min(model.projects.len()));
    let pages: Vec<ViewLink> = (0..super::groups::page_count(model))
        .map(|k| ViewLink {
            title: (k + 1).to_string(),
            href: linker.href(&super::groups::page_path(k)),
            count: usize::from(k == n),
        })
        .collect();
    let mut context = ItemContext::empty()
        .with("projects", &rows)
        .with("pages", &pages)
        .with("overview", &linker.href("projekte/index.html"));
    context.example = true;
    context
}

#[derive(Serialize)]
struct DemandRow {
    id: String,
    title: String,
    unit: Named,
    received: String,
    project: Option<Named>,
}

#[derive(Serialize)]
struct StageGroup {
    stage: String,
    demands: Vec<DemandRow>,
}

pub fn demands(linker: &Linker<'_>, model: &Model) -> ItemContext {
    let groups: Vec<StageGroup> = Stage::ALL
        .iter()
        .map(|&stage| StageGroup {
            stage: linker.site.label(&stage.label_key()),
            demands: model
                .demands
                .iter()
                .filter(|d| *d.stage.get_ref() == stage)
                .map(|d| DemandRow {
                    id: slug(&d.id),
                    title: d.title.clone(),
                    unit: linker.named(&[K::Unit], d.unit.get_ref()),
                    received: german_date(*d.received.get_ref()),
                    project: d.project.as_ref().map(|p| linker.named(&[K::Project], p.get_ref())),
                })
                .collect(),
        })
        .collect();
    let mut context =
        ItemContext::empty().with("stages", &groups).with("funnel", &crate::view::charts::demand_funnel(&linker.site));
    context.example = true;
    context
}

pub fn ranking(linker: &Linker<'_>, model: &Model) -> ItemContext {
    #[derive(Serialize)]
    struct Part {
        name: String,
        rating: i64,
        weight: String,
        points: String,
    }
    #[derive(Serialize)]
    struct Row {
        rank: usize,
        project: Named,
        score: String,
        parts: Vec<Part>,
    }
    #[derive(Serialize)]
    struct CriterionRow {
        name: String,
        weight: String,
        description: String,
    }
    let rows: Vec<Row> = portfolio::ranking(model)
        .into_iter()
        .map(|r| Row {
            rank: r.rank,
            project: linker.named(&[K::Project], &r.project),
            score: crate::german::fixed(r.score, 2),
            parts: r
                .contributions
                .iter()
                .map(|c| Part {
                    name: c.name.clone(),
                    rating: c.score,
                    weight: format!("{:.0} %", c.weight * 100.0),
                    points: crate::german::fixed(c.points, 2),
                })
                .collect(),
        })
        .collect();
    let criteria: Vec<CriterionRow> = model
        .criteria
        .iter()
        .map(|c| CriterionRow {
            name: c.name.clone(),
            weight: number(*c.weight.get_ref()),
            description: c.description.clone(),
        })
        .collect();
    let mut context = ItemContext::empty().with("ranking", &rows).with("criteria", &criteria);
    context.example = true;
    context
}
