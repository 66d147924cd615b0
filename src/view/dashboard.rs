//! The dashboard of one reporting period: key figures, KPIs against their targets, what
//! changed since the previous period, the charts and the projects that need attention.

use serde::Serialize;

use super::{AmpelView, Linker, Named, ampel};
use crate::german::{date as german_date, euro, number};
use crate::model::{Ampel, EntityKind as K, Model, Period, Project};
use crate::portfolio::{self, AmpelCounts, meets_target};

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
pub struct DashboardView {
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
    pub note: String,
    pub charts: Vec<crate::charts::Chart>,
    pdf: Option<String>,
}

#[derive(Serialize)]
struct ChangesView {
    ampel: Vec<ChangeRow>,
    new_projects: Vec<Named>,
    closed_projects: Vec<Named>,
    slipped: Vec<SlipRow>,
    kpi_crossings: Vec<CrossingRow>,
}

/// How many rows of each long list [`DashboardView::shorten`] left out.
#[derive(Serialize, Default)]
pub struct LeftOut {
    ampel: usize,
    new_projects: usize,
    closed_projects: usize,
    slipped: usize,
    statuses: usize,
}

impl DashboardView {
    /// Keeps the first `rows` of each long list (the most urgent come first) and says how
    /// many it left out: a paper stays readable, and its cost does not grow with the portfolio.
    pub fn shorten(&mut self, rows: usize) -> LeftOut {
        fn cut<T>(list: &mut Vec<T>, rows: usize) -> usize {
            let left = list.len().saturating_sub(rows);
            list.truncate(rows);
            left
        }
        let mut left = LeftOut { statuses: cut(&mut self.statuses, rows), ..LeftOut::default() };
        if let Some(changes) = &mut self.changes {
            left.ampel = cut(&mut changes.ampel, rows);
            left.new_projects = cut(&mut changes.new_projects, rows);
            left.closed_projects = cut(&mut changes.closed_projects, rows);
            left.slipped = cut(&mut changes.slipped, rows);
        }
        left
    }
}

/// The dashboard of the period `period_id` with links from `linker`'s page; `None` if the
/// period is not on the timeline.
pub fn dashboard(linker: &Linker<'_>, period_id: &str) -> Option<DashboardView> {
    let site = &linker.site;
    let model = linker.model;
    let timeline = portfolio::timeline(model, None);
    let position = timeline.iter().position(|p| p.id == period_id)?;
    let period = timeline[position];
    let previous = position.checked_sub(1).map(|p| timeline[p]);
    let projects: Vec<&Project> = period.status.iter().filter_map(|s| model.project_of(period, s)).collect();
    let planned: f64 = projects.iter().filter_map(|p| p.budget.as_ref()).map(|b| *b.planned.get_ref()).sum();
    let approved: f64 =
        projects.iter().filter_map(|p| p.budget.as_ref()?.approved.as_ref()).map(|a| *a.get_ref()).sum();
    let spent: f64 = period.status.iter().filter_map(|s| s.spent.as_ref()).map(|s| *s.get_ref()).sum();
    let view = DashboardView {
        period: period.id.clone(),
        date: german_date(*period.date.get_ref()),
        previous: previous
            .map(|p| Named { title: p.id.clone(), href: Some(linker.href(&crate::paths::dashboard(&p.id))) }),
        counts: AmpelCounts::of(period),
        reported: period.status.len(),
        planned: euro(planned),
        approved: euro(approved),
        spent: euro(spent),
        kpis: kpi_rows(model, period, previous),
        changes: previous.map(|before| changes_view(linker, model, before, period)),
        statuses: status_rows(linker, period),
        note: period.note.clone(),
        charts: super::charts::dashboard(site, &timeline, position),
        pdf: linker.pdf_href(Some(super::dashboard_pdf(site, &period.id))),
    };
    Some(view)
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
                project: linker.named(&[K::Project], &c.project),
                from: Some(ampel(&linker.site, c.from)),
                to: Some(ampel(&linker.site, c.to)),
            })
            .collect(),
        new_projects: changes.new_projects.iter().map(|p| linker.named(&[K::Project], p)).collect(),
        closed_projects: changes.closed_projects.iter().map(|p| linker.named(&[K::Project], p)).collect(),
        slipped: changes
            .slipped
            .iter()
            .map(|s| SlipRow {
                project: linker.named(&[K::Project], &s.project),
                milestone: s.title.clone(),
                from: german_date(s.from),
                to: german_date(s.to),
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
            project: linker.named(&[K::Project], s.project.get_ref()),
            overall: ampel(&linker.site, *s.overall.get_ref()),
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
