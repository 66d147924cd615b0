//! Pre-rendered views of the portfolio: the projects of one unit, phase, Ampel or goal,
//! and the list of all projects in pages of [`PAGE_SIZE`]. Each project appears on a
//! handful of pages, so the views grow linearly with the portfolio and work without
//! JavaScript.

use crate::model::slug::slugify;
use crate::model::{EntityKind as K, Model};
use crate::portfolio::ampel_label;

/// Projects per page of the full list.
pub const PAGE_SIZE: usize = 100;

/// One view: which projects, under which heading, at which path.
pub struct Group {
    pub dimension: &'static str,
    pub title: String,
    pub path: String,
    pub projects: Vec<usize>,
}

/// All views in a fixed order: by unit, phase, Ampel of the current period, goal.
pub fn groups(model: &Model) -> Vec<Group> {
    let mut groups = Vec::new();
    let mut add = |dimension: &'static str, folder: &str, key: &str, title: String, projects: Vec<usize>| {
        if !projects.is_empty() {
            groups.push(Group {
                dimension,
                title,
                path: format!("projekte/{folder}/{}/index.html", slugify(key)),
                projects,
            });
        }
    };
    let canonical = |kind: K, name: &str| model.lookup(kind, name).map(|e| e.canonical.clone());
    for unit in &model.units {
        let id = unit.id.get_ref();
        let projects = (0..model.projects.len())
            .filter(|&i| canonical(K::Unit, model.projects[i].unit.get_ref()).as_deref() == Some(id))
            .collect();
        add("Organisationseinheit", "einheit", id, unit.name.clone(), projects);
    }
    for phase in [
        crate::model::Phase::Antrag,
        crate::model::Phase::Priorisiert,
        crate::model::Phase::Beauftragt,
        crate::model::Phase::Umsetzung,
        crate::model::Phase::Abgeschlossen,
        crate::model::Phase::Betrieb,
        crate::model::Phase::Gestoppt,
    ] {
        let label = super::dashboard::phase_label(phase);
        let projects = (0..model.projects.len()).filter(|&i| *model.projects[i].phase.get_ref() == phase).collect();
        add("Phase", "phase", label, label.to_owned(), projects);
    }
    if let Some(period) = model.current_period() {
        let ampel: std::collections::BTreeMap<String, crate::model::Ampel> = period
            .status
            .iter()
            .filter_map(|s| Some((canonical(K::Project, s.project.get_ref())?, *s.overall.get_ref())))
            .collect();
        for value in [crate::model::Ampel::Red, crate::model::Ampel::Yellow, crate::model::Ampel::Green] {
            let projects =
                (0..model.projects.len()).filter(|&i| ampel.get(&model.projects[i].id) == Some(&value)).collect();
            add(
                "Ampel",
                "ampel",
                ampel_label(value),
                format!("Ampel {} ({})", ampel_label(value), period.id),
                projects,
            );
        }
    }
    for goal in &model.goals {
        let id = goal.id.get_ref();
        let projects = (0..model.projects.len())
            .filter(|&i| model.projects[i].goals.iter().any(|g| canonical(K::Goal, g.get_ref()).as_deref() == Some(id)))
            .collect();
        add("Strategisches Ziel", "ziel", id, goal.name.clone(), projects);
    }
    groups
}

/// Path of page `n` (0-based) of the full list.
pub fn page_path(n: usize) -> String {
    if n == 0 { "projekte/alle/index.html".to_owned() } else { format!("projekte/alle/{}/index.html", n + 1) }
}

pub fn page_count(model: &Model) -> usize {
    model.projects.len().div_ceil(PAGE_SIZE).max(1)
}
