//! What changed from one reporting period to the next.

use std::collections::BTreeMap;

use serde::Serialize;

use super::meets_target;
use crate::model::{Ampel, Date, Model, Period, Status};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AmpelChange {
    pub project: String,
    pub from: Ampel,
    pub to: Ampel,
}

/// A milestone whose forecast moved later than the period before (or than its baseline,
/// if the period before had no forecast for it).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Slip {
    pub project: String,
    pub milestone: String,
    pub title: String,
    pub from: Date,
    pub to: Date,
    pub days: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KpiCrossing {
    pub kpi: String,
    pub previous: f64,
    pub current: f64,
    /// `true`: the KPI reached its target; `false`: it fell short of it.
    pub now_meets: bool,
}

/// Everything the dashboard lists under "Veränderungen seit der Vorperiode".
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Changes {
    pub ampel: Vec<AmpelChange>,
    /// Reported now, not in the period before.
    pub new_projects: Vec<String>,
    /// Reported in the period before, no longer now.
    pub closed_projects: Vec<String>,
    pub slipped: Vec<Slip>,
    pub kpi_crossings: Vec<KpiCrossing>,
}

pub fn changes(model: &Model, previous: &Period, current: &Period) -> Changes {
    let before = by_project(model, previous);
    let now = by_project(model, current);
    let mut result = Changes::default();
    for (project, status) in &now {
        match before.get(project) {
            None => result.new_projects.push(project.clone()),
            Some(old) => {
                let (from, to) = (*old.overall.get_ref(), *status.overall.get_ref());
                if from != to {
                    result.ampel.push(AmpelChange { project: project.clone(), from, to });
                }
                result.slipped.extend(slips(model, project, old, status));
            }
        }
    }
    result.closed_projects = before.keys().filter(|project| !now.contains_key(*project)).cloned().collect();
    result.kpi_crossings = crossings(model, previous, current);
    result
}

/// Statuses by canonical project id.
fn by_project<'p>(model: &Model, period: &'p Period) -> BTreeMap<String, &'p Status> {
    period
        .status
        .iter()
        .filter_map(|status| {
            let entry = model.lookup(crate::model::EntityKind::Project, status.project.get_ref())?;
            Some((entry.canonical.clone(), status))
        })
        .collect()
}

fn slips(model: &Model, project: &str, old: &Status, new: &Status) -> Vec<Slip> {
    let Some(entry) = model.lookup(crate::model::EntityKind::Project, project) else { return Vec::new() };
    let milestones = &model.projects[entry.index].milestones;
    new.forecast
        .iter()
        .filter_map(|(id, forecast)| {
            let milestone = milestones.iter().find(|m| m.id.get_ref() == id)?;
            let from = old.forecast.get(id).map_or(*milestone.baseline.get_ref(), |d| *d.get_ref());
            let to = *forecast.get_ref();
            let days = from.days_until(to);
            (days > 0).then(|| Slip {
                project: project.to_owned(),
                milestone: id.clone(),
                title: milestone.title.clone(),
                from,
                to,
                days,
            })
        })
        .collect()
}

fn crossings(model: &Model, previous: &Period, current: &Period) -> Vec<KpiCrossing> {
    model
        .kpis
        .iter()
        .filter_map(|kpi| {
            let id = kpi.id.get_ref();
            let before = *previous.kpi.get(id)?.get_ref();
            let now = *current.kpi.get(id)?.get_ref();
            let now_meets = meets_target(kpi, now);
            (meets_target(kpi, before) != now_meets).then(|| KpiCrossing {
                kpi: id.clone(),
                previous: before,
                current: now,
                now_meets,
            })
        })
        .collect()
}
