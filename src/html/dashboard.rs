//! Portfolio pages: the DigIT-Dashboard per period, the portfolio overview and its views,
//! the demand pipeline and the prioritisation ranking.

use serde::Serialize;

use super::context::ItemContext;
use super::links::Linker;
use super::paper::euro;
use super::views::{self, Named, number};
use crate::model::{Ampel, EntityKind as K, Model, Period, Phase, Project, Stage};
use crate::portfolio::{self, AmpelCounts, ampel_label, meets_target};

pub(super) fn named(linker: &Linker<'_>, kind: K, id: &str) -> Named {
    views::named(linker, &[kind], id)
}

#[derive(Serialize, Clone)]
pub(super) struct AmpelView {
    value: &'static str,
    label: &'static str,
}

pub(super) fn ampel(value: Ampel) -> AmpelView {
    AmpelView {
        value: match value {
            Ampel::Green => "green",
            Ampel::Yellow => "yellow",
            Ampel::Red => "red",
        },
        label: ampel_label(value),
    }
}

#[derive(Serialize)]
struct KpiRow {
    name: String,
    value: String,
    target: String,
    unit: String,
    meets: bool,
    previous: Option<String>,
    better: &'static str,
}

#[derive(Serialize)]
struct ChangeRow {
    project: Named,
    from: Option<AmpelView>,
    to: Option<AmpelView>,
}

#[derive(Serialize)]
struct SlipRow {
    project: Named,
    milestone: String,
    from: String,
    to: String,
    days: i64,
}

#[derive(Serialize)]
struct CrossingRow {
    kpi: String,
    previous: String,
    current: String,
    now_meets: bool,
}

#[derive(Serialize)]
struct StatusRow {
    project: Named,
    overall: AmpelView,
    progress: Option<String>,
    comment: String,
    measures: Option<String>,
}

#[derive(Serialize)]
struct DashboardView {
    period: String,
    date: String,
    previous: Option<Named>,
    counts: AmpelCounts,
    reported: usize,
    planned: String,
    approved: String,
    spent: String,
    kpis: Vec<KpiRow>,
    changes: Option<ChangesView>,
    statuses: Vec<StatusRow>,
    note: String,
    charts: Vec<crate::charts::Chart>,
    pdf: String,
}

#[derive(Serialize)]
struct ChangesView {
    ampel: Vec<ChangeRow>,
    new_projects: Vec<Named>,
    closed_projects: Vec<Named>,
    slipped: Vec<SlipRow>,
    kpi_crossings: Vec<CrossingRow>,
}

/// The dashboard page of a period.
pub fn dashboard(linker: &Linker<'_>, model: &Model, period_id: &str) -> ItemContext {
    let Some(view) = view(linker, model, period_id) else { return ItemContext::empty() };
    let text = format!("DigIT-Dashboard {} {}", view.period, view.note);
    let mut context = ItemContext::empty().with("dashboard", &view).searchable(text);
    context.example = true;
    context
}

/// The dashboard of a period as data, for its PDF: the same numbers as its page.
pub fn dashboard_data(model: &Model, period_id: &str) -> Option<serde_json::Value> {
    let linker = Linker::new(model, &super::urls::dashboard(period_id));
    serde_json::to_value(view(&linker, model, period_id)?).ok()
}

fn view(linker: &Linker<'_>, model: &Model, period_id: &str) -> Option<DashboardView> {
    let timeline = portfolio::timeline(model, None);
    let position = timeline.iter().position(|p| p.id == period_id)?;
    let period = timeline[position];
    let previous = position.checked_sub(1).map(|p| timeline[p]);
    let projects: Vec<&Project> = period.status.iter().filter_map(|s| project(model, s.project.get_ref())).collect();
    let planned: f64 = projects.iter().filter_map(|p| p.budget.as_ref()).map(|b| *b.planned.get_ref()).sum();
    let approved: f64 =
        projects.iter().filter_map(|p| p.budget.as_ref()?.approved.as_ref()).map(|a| *a.get_ref()).sum();
    let spent: f64 = period.status.iter().filter_map(|s| s.spent.as_ref()).map(|s| *s.get_ref()).sum();
    let view = DashboardView {
        period: period.id.clone(),
        date: views::german_date(*period.date.get_ref()),
        previous: previous
            .map(|p| Named { title: p.id.clone(), href: Some(linker.href(&super::urls::dashboard(&p.id))) }),
        counts: AmpelCounts::of(period),
        reported: period.status.len(),
        planned: euro(planned),
        approved: euro(approved),
        spent: euro(spent),
        kpis: kpi_rows(model, period, previous),
        changes: previous.map(|before| changes_view(linker, model, before, period)),
        statuses: status_rows(linker, period),
        note: period.note.clone(),
        charts: super::charts::dashboard(model, &timeline, position),
        pdf: linker.href(&super::urls::dashboard_pdf(&period.id)),
    };
    Some(view)
}

fn project<'m>(model: &'m Model, id: &str) -> Option<&'m Project> {
    model.lookup(K::Project, id).map(|entry| &model.projects[entry.index])
}

fn slug(id: &str) -> String {
    crate::model::slug::slugify(id)
}

fn kpi_rows(model: &Model, period: &Period, previous: Option<&Period>) -> Vec<KpiRow> {
    model
        .kpis
        .iter()
        .filter_map(|kpi| {
            let value = *period.kpi.get(kpi.id.get_ref())?.get_ref();
            Some(KpiRow {
                name: kpi.name.clone(),
                value: number(value),
                target: number(kpi.target),
                unit: kpi.unit.clone(),
                meets: meets_target(kpi, value),
                previous: previous.and_then(|p| p.kpi.get(kpi.id.get_ref())).map(|v| number(*v.get_ref())),
                better: match kpi.better {
                    crate::model::Better::Higher => "higher",
                    crate::model::Better::Lower => "lower",
                },
            })
        })
        .collect()
}

fn changes_view(linker: &Linker<'_>, model: &Model, before: &Period, now: &Period) -> ChangesView {
    let changes = portfolio::changes(model, before, now);
    let kpi_name =
        |id: &str| model.kpis.iter().find(|k| k.id.get_ref() == id).map_or_else(|| id.to_owned(), |k| k.name.clone());
    ChangesView {
        ampel: changes
            .ampel
            .iter()
            .map(|c| ChangeRow {
                project: named(linker, K::Project, &c.project),
                from: Some(ampel(c.from)),
                to: Some(ampel(c.to)),
            })
            .collect(),
        new_projects: changes.new_projects.iter().map(|p| named(linker, K::Project, p)).collect(),
        closed_projects: changes.closed_projects.iter().map(|p| named(linker, K::Project, p)).collect(),
        slipped: changes
            .slipped
            .iter()
            .map(|s| SlipRow {
                project: named(linker, K::Project, &s.project),
                milestone: s.title.clone(),
                from: views::german_date(s.from),
                to: views::german_date(s.to),
                days: s.days,
            })
            .collect(),
        kpi_crossings: changes
            .kpi_crossings
            .iter()
            .map(|c| CrossingRow {
                kpi: kpi_name(&c.kpi),
                previous: number(c.previous),
                current: number(c.current),
                now_meets: c.now_meets,
            })
            .collect(),
    }
}

fn status_rows(linker: &Linker<'_>, period: &Period) -> Vec<StatusRow> {
    // Green projects are counted in the key figures; the list shows what needs attention.
    let mut rows: Vec<StatusRow> = period
        .status
        .iter()
        .filter(|s| *s.overall.get_ref() != Ampel::Green)
        .map(|s| StatusRow {
            project: named(linker, K::Project, s.project.get_ref()),
            overall: ampel(*s.overall.get_ref()),
            progress: s.progress.as_ref().map(|p| number(*p.get_ref())),
            comment: s.comment.clone(),
            measures: s.measures.clone(),
        })
        .collect();
    // Red first, then yellow, then green: what needs attention leads.
    rows.sort_by_key(|row| {
        (
            match row.overall.value {
                "red" => 0,
                "yellow" => 1,
                _ => 2,
            },
            row.project.title.clone(),
        )
    });
    rows
}

#[derive(Serialize)]
struct PeriodEntry {
    link: Named,
    date: String,
    counts: AmpelCounts,
}

pub fn dashboards(linker: &Linker<'_>, model: &Model) -> ItemContext {
    let periods: Vec<PeriodEntry> = portfolio::timeline(model, model.current_period().map(|p| p.id.as_str()))
        .iter()
        .rev()
        .map(|p| PeriodEntry {
            link: Named {
                title: format!("DigIT-Dashboard {}", p.id),
                href: Some(linker.href(&super::urls::dashboard(&p.id))),
            },
            date: views::german_date(*p.date.get_ref()),
            counts: AmpelCounts::of(p),
        })
        .collect();
    let mut context = ItemContext::empty().with("periods", &periods).searchable(String::new());
    context.example = true;
    context
}

#[derive(Serialize, Clone)]
struct ProjectRow {
    link: Named,
    id: String,
    unit: Named,
    phase: &'static str,
    overall: Option<AmpelView>,
    goals: Vec<String>,
}

pub fn phase_label(phase: Phase) -> &'static str {
    match phase {
        Phase::Antrag => "Antrag",
        Phase::Priorisiert => "Priorisiert",
        Phase::Beauftragt => "Beauftragt",
        Phase::Umsetzung => "Umsetzung",
        Phase::Abgeschlossen => "Abgeschlossen",
        Phase::Betrieb => "Betrieb",
        Phase::Gestoppt => "Gestoppt",
    }
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
        title: "Alle Projekte".to_owned(),
        href: linker.href(&super::groups::page_path(0)),
        count: model.projects.len(),
    };
    let mut context = ItemContext::empty()
        .with("dimensions", &dimensions)
        .with("all", &all)
        .with("period", &model.current_period().map(|p| p.id.clone()))
        .searchable(String::new());
    context.example = true;
    context
}

fn project_rows(linker: &Linker<'_>, model: &Model, indices: impl Iterator<Item = usize>) -> Vec<ProjectRow> {
    let current = model.current_period();
    let status: std::collections::BTreeMap<&str, Ampel> = current
        .map(|p| p.status.iter().map(|s| (s.project.get_ref().as_str(), *s.overall.get_ref())).collect())
        .unwrap_or_default();
    indices
        .map(|i| {
            let p = &model.projects[i];
            ProjectRow {
                link: named(linker, K::Project, &p.id),
                id: p.id.clone(),
                unit: named(linker, K::Unit, p.unit.get_ref()),
                phase: phase_label(*p.phase.get_ref()),
                overall: status.get(p.id.as_str()).copied().map(ampel),
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
    stage: &'static str,
    demands: Vec<DemandRow>,
}

pub fn stage_label(stage: Stage) -> &'static str {
    match stage {
        Stage::Erfasst => "Erfasst",
        Stage::Dialog => "Im DigIT-Dialog",
        Stage::Antrag => "Projektantrag",
        Stage::Vorlage => "Entscheidungsvorlage",
        Stage::Priorisiert => "Priorisiert",
        Stage::Abgelehnt => "Abgelehnt",
        Stage::FastLane => "Fast Lane",
    }
}

pub fn demands(linker: &Linker<'_>, model: &Model) -> ItemContext {
    let order = [
        Stage::Erfasst,
        Stage::Dialog,
        Stage::Antrag,
        Stage::Vorlage,
        Stage::Priorisiert,
        Stage::FastLane,
        Stage::Abgelehnt,
    ];
    let groups: Vec<StageGroup> = order
        .iter()
        .map(|&stage| StageGroup {
            stage: stage_label(stage),
            demands: model
                .demands
                .iter()
                .filter(|d| *d.stage.get_ref() == stage)
                .map(|d| DemandRow {
                    id: slug(&d.id),
                    title: d.title.clone(),
                    unit: named(linker, K::Unit, d.unit.get_ref()),
                    received: views::german_date(*d.received.get_ref()),
                    project: d.project.as_ref().map(|p| named(linker, K::Project, p.get_ref())),
                })
                .collect(),
        })
        .collect();
    let text = model.demands.iter().map(|d| format!("{} {}", d.title, d.summary)).collect::<Vec<_>>().join(" ");
    let mut context = ItemContext::empty()
        .with("stages", &groups)
        .with("funnel", &super::charts::demand_funnel(model))
        .searchable(text);
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
            project: named(linker, K::Project, &r.project),
            score: format!("{:.2}", r.score).replace('.', ","),
            parts: r
                .contributions
                .iter()
                .map(|c| Part {
                    name: c.name.clone(),
                    rating: c.score,
                    weight: format!("{:.0} %", c.weight * 100.0),
                    points: format!("{:.2}", c.points).replace('.', ","),
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
    let mut context = ItemContext::empty().with("ranking", &rows).with("criteria", &criteria).searchable(String::new());
    context.example = true;
    context
}
