//! The one-line summary `lotse check` prints for clean content.

use crate::load::Loaded;

pub fn line(loaded: &Loaded) -> String {
    let model = &loaded.model;
    let cards = model.roles.iter().filter(|role| role.card).count();
    let warnings = loaded.diagnostics.warning_count();
    format!(
        "Inhalte geprüft: {} Rollen ({cards} Rollensteckbriefe), {} Gremien, {} Abläufe, {} Prämissen, {} Projekte, {} Bedarfe, {} Berichtsperioden, {} Vorlagen; keine Fehler, {warnings} {}.",
        model.roles.len(),
        model.bodies.len(),
        model.flows.len(),
        model.premises.len(),
        model.projects.len(),
        model.demands.len(),
        model.periods.len(),
        model.papers.len(),
        if warnings == 1 { "Warnung" } else { "Warnungen" },
    )
}
