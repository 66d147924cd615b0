//! The demand pipeline: demands per stage, then the branches that leave it (Fast Lane,
//! rejected) under their own heading.

use super::bars::{Bar, Section, WIDTH, draw};
use super::palette::series;
use super::{Chart, DataTable, empty};
use crate::labels::Labels;

/// Demands per pipeline stage (`stages`, in pipeline order) and per branch that leaves the
/// pipeline (`branches`, e.g. "Fast Lane" and "abgelehnt").
pub fn demand_funnel(stages: &[(String, usize)], branches: &[(String, usize)], words: &Labels) -> Chart {
    let title = words.get("chart_funnel_title");
    let title = title.as_str();
    let columns = vec![words.get("chart_stage"), words.get("chart_demands")];
    let total: usize = stages.iter().chain(branches).map(|(_, n)| n).sum();
    if total == 0 {
        return empty::no_data("bedarfe-stufen", title, &words.get("chart_funnel_empty"), columns, Vec::new(), words);
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
        sections.push(Section { heading: Some(words.get("chart_funnel_branches")), bars: bars(branches, series(1)) });
    }
    let (svg, height) = draw(&sections);
    let list =
        |rows: &[(String, usize)]| rows.iter().map(|(label, n)| format!("{label}: {n}")).collect::<Vec<_>>().join(", ");
    let (total, stages_text, branches_text) = (total.to_string(), list(stages), list(branches));
    let values = [("total", total.as_str()), ("list", stages_text.as_str()), ("branches", branches_text.as_str())];
    let key = if branches.is_empty() { "chart_funnel_description" } else { "chart_funnel_description_branches" };
    let description = words.fill(key, &values);
    let table = DataTable {
        columns,
        rows: stages.iter().chain(branches).map(|(label, n)| vec![label.clone(), n.to_string()]).collect(),
    };
    Chart::finish("bedarfe-stufen", title, description, &svg, (WIDTH, height), table)
}
