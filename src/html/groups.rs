//! Pre-rendered views of the portfolio: the projects of one unit, phase, Ampel or goal,
//! and the list of all projects in pages of [`PAGE_SIZE`]. Each project appears on a
//! handful of pages, so the views grow linearly with the portfolio and work without
//! JavaScript.

use crate::model::slug::slugify;
use crate::model::{Ampel, EntityKind as K, Phase};
use crate::site::Site;

/// Projects per page of the full list.
pub const PAGE_SIZE: usize = 100;

/// One view: which projects, under which heading, at which path.
pub struct Group {
    pub dimension: String,
    pub title: String,
    pub path: String,
    pub projects: Vec<usize>,
}

/// All views in a fixed order: by unit, phase, Ampel of the current period, goal.
pub fn groups(site: &Site<'_>) -> Vec<Group> {
    let model = site.model;
    let mut groups = Vec::new();
    let mut add = |dimension: &str, folder: &str, key: &str, title: String, projects: Vec<usize>| {
        if !projects.is_empty() {
            groups.push(Group {
                dimension: site.label(dimension),
                title,
                path: format!("projekte/{folder}/{}/index.html", slugify(key)),
                projects,
            });
        }
    };
    // One pass over the projects, through what validation resolved their references to.
    let mut by_unit = vec![Vec::new(); model.units.len()];
    let mut by_goal: Vec<Vec<usize>> = vec![Vec::new(); model.goals.len()];
    for (i, project) in model.projects.iter().enumerate() {
        let file = project.origin.file;
        if let Some((_, unit)) = model.target(file, &project.unit, &[K::Unit]) {
            by_unit[unit].push(i);
        }
        for goal in &project.goals {
            if let Some((_, goal)) = model.target(file, goal, &[K::Goal])
                && by_goal[goal].last() != Some(&i)
            {
                by_goal[goal].push(i);
            }
        }
    }
    for (unit, projects) in model.units.iter().zip(by_unit) {
        add("unit", "einheit", unit.id.get_ref(), unit.name.clone(), projects);
    }
    for &phase in Phase::ALL {
        let label = site.label(&phase.label_key());
        let projects = (0..model.projects.len()).filter(|&i| *model.projects[i].phase.get_ref() == phase).collect();
        add("phase", "phase", phase.key(), label, projects);
    }
    if let Some(period) = site.period {
        let mut ampel: Vec<Option<Ampel>> = vec![None; model.projects.len()];
        for status in &period.status {
            if let Some((_, project)) = model.target(period.origin.file, &status.project, &[K::Project]) {
                ampel[project] = Some(*status.overall.get_ref());
            }
        }
        for value in [Ampel::Red, Ampel::Yellow, Ampel::Green] {
            let projects = (0..model.projects.len()).filter(|&i| ampel[i] == Some(value)).collect();
            let word = site.label(&value.label_key());
            let title = site.labels.fill("ampel_view", &[("ampel", &word), ("period", &period.id)]);
            add("ampel", "ampel", &word, title, projects);
        }
    }
    for (goal, projects) in model.goals.iter().zip(by_goal) {
        add("goal", "ziel", goal.id.get_ref(), goal.name.clone(), projects);
    }
    groups
}

/// Path of page `n` (0-based) of the full list.
pub fn page_path(n: usize) -> String {
    if n == 0 { "projekte/alle/index.html".to_owned() } else { format!("projekte/alle/{}/index.html", n + 1) }
}

pub fn page_count(model: &crate::model::Model) -> usize {
    model.projects.len().div_ceil(PAGE_SIZE).max(1)
}
