//! What the portfolio data says: counts per period, what changed between two periods,
//! slipped milestones, KPIs against their targets, and the prioritisation ranking.
//! Engine-free like the model: the site and the PDFs render these numbers.

mod changes;
mod ranking;

pub use changes::{AmpelChange, Changes, KpiCrossing, Slip, changes};
pub use ranking::{Contribution, Ranked, ranking};

use crate::model::{Ampel, Better, Kpi, Model, Period};

/// The periods in chronological order, up to and including `as_of` (all if `None`).
pub fn timeline<'m>(model: &'m Model, as_of: Option<&str>) -> Vec<&'m Period> {
    let mut periods: Vec<&Period> = model.periods.iter().collect();
    periods.sort_by_key(|period| (*period.date.get_ref(), period.id.clone()));
    if let Some(last) = as_of.and_then(|id| periods.iter().position(|period| period.id == id)) {
        periods.truncate(last + 1);
    }
    periods
}

/// How many project statuses of a period are green, yellow and red.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct AmpelCounts {
    pub green: usize,
    pub yellow: usize,
    pub red: usize,
}

impl AmpelCounts {
    pub fn of(period: &Period) -> AmpelCounts {
        let mut counts = AmpelCounts::default();
        for status in &period.status {
            match status.overall.get_ref() {
                Ampel::Green => counts.green += 1,
                Ampel::Yellow => counts.yellow += 1,
                Ampel::Red => counts.red += 1,
            }
        }
        counts
    }

    pub fn total(self) -> usize {
        self.green + self.yellow + self.red
    }
}

/// Whether a KPI value meets its target, in the direction the KPI wants.
pub fn meets_target(kpi: &Kpi, value: f64) -> bool {
    match kpi.better {
        Better::Higher => value >= kpi.target,
        Better::Lower => value <= kpi.target,
    }
}

/// Every project's statuses in timeline order, looked up once for the whole build: pages
/// that show a project's history must not search every period's status list again.
#[derive(Debug, Default)]
pub struct StatusIndex<'m> {
    by_project: std::collections::BTreeMap<&'m str, Vec<(&'m Period, &'m crate::model::Status)>>,
}

impl<'m> StatusIndex<'m> {
    pub fn new(model: &'m Model, as_of: Option<&str>) -> StatusIndex<'m> {
        let mut by_project: std::collections::BTreeMap<&'m str, Vec<(&'m Period, &'m crate::model::Status)>> =
            Default::default();
        for period in timeline(model, as_of) {
            for status in &period.status {
                if let Some(entry) = model.lookup(crate::model::EntityKind::Project, status.project.get_ref()) {
                    by_project.entry(entry.canonical.as_str()).or_default().push((period, status));
                }
            }
        }
        StatusIndex { by_project }
    }

    /// The project's statuses, oldest first.
    pub fn of(&self, project: &str) -> &[(&'m Period, &'m crate::model::Status)] {
        self.by_project.get(project).map_or(&[], Vec::as_slice)
    }
}

/// For every project, the projects that depend on it, found in one pass so that project
/// pages need not scan the whole portfolio each.
#[derive(Debug, Default)]
pub struct DependentIndex<'m> {
    by_project: std::collections::BTreeMap<&'m str, Vec<usize>>,
}

impl<'m> DependentIndex<'m> {
    pub fn new(model: &'m Model) -> DependentIndex<'m> {
        let mut by_project: std::collections::BTreeMap<&'m str, Vec<usize>> = Default::default();
        for (index, project) in model.projects.iter().enumerate() {
            for dependency in &project.depends_on {
                if let Some(entry) = model.lookup(crate::model::EntityKind::Project, dependency.get_ref()) {
                    let dependents = by_project.entry(entry.canonical.as_str()).or_default();
                    if dependents.last() != Some(&index) {
                        dependents.push(index);
                    }
                }
            }
        }
        DependentIndex { by_project }
    }

    /// Indexes into `model.projects` of the projects that depend on `project`, in model order.
    pub fn of(&self, project: &str) -> &[usize] {
        self.by_project.get(project).map_or(&[], Vec::as_slice)
    }
}
