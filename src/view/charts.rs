//! Which charts the portfolio pages and PDFs show, fed from the model, the portfolio
//! analysis and the labels.

use crate::charts::{self, AmpelCell, BudgetRow, Chart, HeatRow, KpiTrend, MilestoneSeries};
use crate::labels::Labels;
use crate::model::{Model, Period, Phase, Project, Stage};
use crate::portfolio::{AmpelCounts, StatusIndex};
use crate::site::Site;

/// Budget bars beyond this many projects would make the chart unreadable; the table on the
/// dashboard still lists every project.
const BUDGET_TOP: usize = 12;

pub fn dashboard(site: &Site<'_>, timeline: &[&Period], position: usize) -> Vec<Chart> {
    crate::timings::CHARTS.time(|| dashboard_charts(site, timeline, position))
}

fn dashboard_charts(site: &Site<'_>, timeline: &[&Period], position: usize) -> Vec<Chart> {
    let model = site.model;
    let period = timeline[position];
    let counts = AmpelCounts::of(period);
    let words = site.labels;
    let mut charts = vec![charts::portfolio_by_ampel(
        &[
            (crate::model::Ampel::Green, counts.green),
            (crate::model::Ampel::Yellow, counts.yellow),
            (crate::model::Ampel::Red, counts.red),
        ],
        words,
    )];
    charts.push(charts::portfolio_by_phase(&phases(site), words));
    charts.push(heat(model, &timeline[..=position], period, words));
    charts.push(budget(model, period, words));
    charts.extend(kpis(model, &timeline[..=position], words));
    charts
}

fn phases(site: &Site<'_>) -> Vec<(String, usize)> {
    Phase::ALL
        .iter()
        .map(|&phase| {
            let count = site.model.projects.iter().filter(|p| *p.phase.get_ref() == phase).count();
            (site.label(&phase.label_key()), count)
        })
        .collect()
}

/// Rows of the heat table: more would not fit a page; the worst current Ampel comes first.
const HEAT_ROWS: usize = 25;

fn heat(model: &Model, periods: &[&Period], current: &Period, words: &Labels) -> Chart {
    // One lookup table per period, so that the table costs projects × periods, not more.
    let lookups: Vec<std::collections::BTreeMap<&str, crate::model::Ampel>> = periods
        .iter()
        .map(|p| p.status.iter().map(|s| (s.project.get_ref().as_str(), *s.overall.get_ref())).collect())
        .collect();
    let mut statuses: Vec<&crate::model::Status> = current.status.iter().collect();
    statuses.sort_by_key(|s| (std::cmp::Reverse(*s.overall.get_ref()), s.project.get_ref().clone()));
    statuses.truncate(HEAT_ROWS);
    let rows: Vec<HeatRow> = statuses
        .iter()
        .filter_map(|status| {
            let project = model.project_of(current, status)?;
            let id = status.project.get_ref().as_str();
            let cells =
                lookups.iter().map(|lookup| lookup.get(id).map(|a| AmpelCell { values: vec![Some(*a)] })).collect();
            Some(HeatRow { label: project.title.clone(), cells })
        })
        .collect();
    let labels: Vec<String> = periods.iter().map(|p| p.id.clone()).collect();
    charts::ampel_heat_table(&rows, &labels, &[], words)
}

fn budget(model: &Model, period: &Period, words: &Labels) -> Chart {
    let mut rows: Vec<BudgetRow> = period
        .status
        .iter()
        .filter_map(|status| {
            let project = model.project_of(period, status)?;
            let budget = project.budget.as_ref()?;
            Some(BudgetRow {
                label: project.title.clone(),
                planned: *budget.planned.get_ref(),
                approved: budget.approved.as_ref().map(|a| *a.get_ref()),
                spent: status.spent.as_ref().map(|s| *s.get_ref()),
            })
        })
        .collect();
    rows.sort_by(|a, b| b.planned.total_cmp(&a.planned).then_with(|| a.label.cmp(&b.label)));
    rows.truncate(BUDGET_TOP);
    charts::budget(&rows, words)
}

fn kpis(model: &Model, periods: &[&Period], words: &Labels) -> Vec<Chart> {
    model
        .kpis
        .iter()
        .map(|kpi| {
            let trend = KpiTrend {
                id: kpi.id.get_ref().clone(),
                label: kpi.name.clone(),
                unit: kpi.unit.clone(),
                target: kpi.target,
                better: kpi.better,
                points: periods
                    .iter()
                    .filter_map(|p| Some((p.id.clone(), *p.kpi.get(kpi.id.get_ref())?.get_ref())))
                    .collect(),
            };
            charts::kpi_trend(&trend, words)
        })
        .collect()
}

/// The milestone trend analysis of one project.
pub fn milestones(project: &Project, history: &StatusIndex<'_>, words: &Labels) -> Chart {
    let statuses = history.of(&project.id);
    let series: Vec<MilestoneSeries> = project
        .milestones
        .iter()
        .map(|m| MilestoneSeries {
            label: m.title.clone(),
            points: statuses
                .iter()
                .filter_map(|(period, s)| Some((*period.date.get_ref(), *s.forecast.get(m.id.get_ref())?.get_ref())))
                .collect(),
        })
        .collect();
    crate::timings::CHARTS.time(|| charts::milestone_trend(&project.id, &series, words))
}

pub fn demand_funnel(site: &Site<'_>) -> Chart {
    let count = |stage: Stage| site.model.demands.iter().filter(|d| *d.stage.get_ref() == stage).count();
    let named = |stages: &[Stage]| -> Vec<(String, usize)> {
        stages.iter().map(|&s| (site.label(&s.label_key()), count(s))).collect()
    };
    crate::timings::CHARTS.time(|| charts::demand_funnel(&named(Stage::FUNNEL), &named(Stage::BRANCHES), site.labels))
}
