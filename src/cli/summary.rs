//! The one-line summaries `lotse` prints: counts of the content, counts of problems.

use crate::load::Loaded;

pub fn line(loaded: &Loaded) -> String {
    let model = &loaded.model;
    let cards = model.roles.iter().filter(|role| role.card).count();
    let counts = [
        count(model.roles.len(), "Rolle", "Rollen"),
        count(model.bodies.len(), "Gremium", "Gremien"),
        count(model.flows.len(), "Ablauf", "Abläufe"),
        count(model.premises.len(), "Prämisse", "Prämissen"),
        count(model.projects.len(), "Projekt", "Projekte"),
        count(model.demands.len(), "Bedarf", "Bedarfe"),
        count(model.periods.len(), "Berichtsperiode", "Berichtsperioden"),
        count(model.papers.len(), "Vorlage", "Vorlagen"),
    ];
    let [roles, rest @ ..] = counts;
    format!(
        "Inhalte geprüft: {roles} ({}), {}; keine Fehler, {}.",
        count(cards, "Rollensteckbrief", "Rollensteckbriefe"),
        rest.join(", "),
        count(loaded.diagnostics.warning_count(), "Warnung", "Warnungen")
    )
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
