//! The demand pipeline: demands per stage, then the branches that leave it (Fast Lane,
//! rejected) under their own heading.

use super::bars::{Bar, Section, WIDTH, draw};
use super::palette::series;
use super::{Chart, DataTable, empty};

/// Demands per pipeline stage (`stages`, in pipeline order) and per branch that leaves the
/// pipeline (`branches`, e.g. "Fast Lane" and "abgelehnt").
pub fn demand_funnel(stages: &[(String, usize)], branches: &[(String, usize)]) -> Chart {
    let title = "Bedarfe nach Stufe";
    let columns = vec!["Stufe".to_owned(), "Bedarfe".to_owned()];
    let total: usize = stages.iter().chain(branches).map(|(_, n)| n).sum();
    if total == 0 {
        return empty::no_data("bedarfe-stufen", title, "Es sind keine Bedarfe erfasst.", columns, Vec::new());
    }
    let bars = |rows: &[(String, usize)], colour| {
        rows.iter()
            .map(|(label, n)| Bar {
                label: label.clone(),
                value: *n as f64,
                text: n.to_string(),
                fill: colour,
                edge: colour,
                mark: None,
            })
            .collect()
    };
    let mut sections = vec![Section { heading: None, bars: bars(stages, series(0)) }];
    if !branches.is_empty() {
        sections.push(Section {
            heading: Some("Abzweigungen aus dem Antragsweg".to_owned()),
            bars: bars(branches, series(1)),
        });
    }
    let (svg, height) = draw(&sections);
    let list =
        |rows: &[(String, usize)]| rows.iter().map(|(label, n)| format!("{label}: {n}")).collect::<Vec<_>>().join(", ");
    let description = if branches.is_empty() {
        format!("Waagerechte Balken: Zahl der Bedarfe je Stufe, {total} insgesamt. {}.", list(stages))
    } else {
        format!(
            "Waagerechte Balken: Zahl der Bedarfe je Stufe, {total} insgesamt. {}. Abzweigungen: {}.",
            list(stages),
            list(branches)
        )
    };
    let table = DataTable {
        columns,
        rows: stages.iter().chain(branches).map(|(label, n)| vec![label.clone(), n.to_string()]).collect(),
    };
    Chart::finish("bedarfe-stufen", title, description, &svg, (WIDTH, height), table)
}
