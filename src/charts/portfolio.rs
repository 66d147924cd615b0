//! The portfolio at a glance: projects per phase and per overall Ampel.

use super::bars::{Bar, Section, WIDTH, draw};
use super::format::decimal;
use super::palette::{ampel, series};
use super::{Chart, DataTable, empty};
use crate::labels::Labels;
use crate::model::Ampel;

/// Projects per phase, in the order given (the caller's phase order, e.g. Antrag first).
pub fn portfolio_by_phase(counts: &[(String, usize)], words: &Labels) -> Chart {
    let title = words.get("chart_phase_title");
    let title = title.as_str();
    let columns = vec![words.get("chart_phase"), words.get("chart_projects")];
    let total: usize = counts.iter().map(|(_, n)| n).sum();
    if total == 0 {
        return empty::no_data("portfolio-phase", title, &words.get("chart_phase_empty"), columns, Vec::new(), words);
    }
    let bars = counts
        .iter()
        .map(|(label, n)| Bar {
            label: label.clone(),
            value: *n as f64,
            text: n.to_string(),
            fill: series(0),
            edge: series(0),
            mark: None,
        })
        .collect();
    let (svg, height) = draw(&[Section { heading: None, bars }]);
    let list = counts.iter().map(|(label, n)| format!("{label}: {n}")).collect::<Vec<_>>().join(", ");
    let description = words.fill("chart_phase_description", &[("total", &total.to_string()), ("list", &list)]);
    let table =
        DataTable { columns, rows: counts.iter().map(|(label, n)| vec![label.clone(), n.to_string()]).collect() };
    Chart::finish("portfolio-phase", title, description, &svg, (WIDTH, height), table)
}

/// Projects per overall Ampel of one period, each bar with its shape and word, so that
/// colour never carries the meaning alone.
pub fn portfolio_by_ampel(counts: &[(Ampel, usize)], words: &Labels) -> Chart {
    let title = words.get("chart_ampel_title");
    let title = title.as_str();
    let columns = vec![words.get("chart_ampel"), words.get("chart_projects"), words.get("chart_share")];
    let total: usize = counts.iter().map(|(_, n)| n).sum();
    if total == 0 {
        return empty::no_data("portfolio-ampel", title, &words.get("chart_ampel_empty"), columns, Vec::new(), words);
    }
    let share = |n: usize| format!("{}\u{a0}%", decimal(n as f64 * 100.0 / total as f64, 0));
    let bars = counts
        .iter()
        .map(|(value, n)| {
            let look = ampel(*value);
            Bar {
                label: words.get(&value.label_key()),
                value: *n as f64,
                text: format!("{n} ({})", share(*n)),
                fill: look.fill,
                edge: look.edge,
                mark: Some((look.shape, look.fill, look.edge)),
            }
        })
        .collect();
    let (svg, height) = draw(&[Section { heading: None, bars }]);
    let list = counts
        .iter()
        .map(|(value, n)| format!("{}: {n} ({})", words.get(&value.label_key()), share(*n)))
        .collect::<Vec<_>>()
        .join(", ");
    let description = words.fill("chart_ampel_description", &[("total", &total.to_string()), ("list", &list)]);
    let table = DataTable {
        columns,
        rows: counts.iter().map(|(value, n)| vec![words.get(&value.label_key()), n.to_string(), share(*n)]).collect(),
    };
    Chart::finish("portfolio-ampel", title, description, &svg, (WIDTH, height), table)
}
