//! The portfolio at a glance: projects per phase and per overall Ampel.

use super::bars::{Bar, Section, WIDTH, draw};
use super::format::decimal;
use super::palette::{ampel, series};
use super::{Chart, DataTable, empty};
use crate::model::Ampel;

/// Projects per phase, in the order given (the caller's phase order, e.g. Antrag first).
pub fn portfolio_by_phase(counts: &[(String, usize)]) -> Chart {
    let title = "Projekte nach Phase";
    let columns = vec!["Phase".to_owned(), "Projekte".to_owned()];
    let total: usize = counts.iter().map(|(_, n)| n).sum();
    if total == 0 {
        return empty::no_data(
            "portfolio-phase",
            title,
            "Das Portfolio enthält in dieser Auswahl keine Projekte.",
            columns,
            Vec::new(),
        );
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
    let description = format!(
        "Waagerechte Balken: Zahl der Projekte je Phase, {total} insgesamt. {}.",
        counts.iter().map(|(label, n)| format!("{label}: {n}")).collect::<Vec<_>>().join(", ")
    );
    let table =
        DataTable { columns, rows: counts.iter().map(|(label, n)| vec![label.clone(), n.to_string()]).collect() };
    Chart::finish("portfolio-phase", title, description, &svg, (WIDTH, height), table)
}

/// Projects per overall Ampel of one period, each bar with its shape and word, so that
/// colour never carries the meaning alone.
pub fn portfolio_by_ampel(counts: &[(Ampel, usize)]) -> Chart {
    let title = "Projekte nach Gesamtampel";
    let columns = vec!["Ampel".to_owned(), "Projekte".to_owned(), "Anteil".to_owned()];
    let total: usize = counts.iter().map(|(_, n)| n).sum();
    if total == 0 {
        return empty::no_data(
            "portfolio-ampel",
            title,
            "Für diese Periode liegt kein Projektstatus vor.",
            columns,
            Vec::new(),
        );
    }
    let share = |n: usize| format!("{}\u{a0}%", decimal(n as f64 * 100.0 / total as f64, 0));
    let bars = counts
        .iter()
        .map(|(value, n)| {
            let look = ampel(*value);
            Bar {
                label: look.word.to_owned(),
                value: *n as f64,
                text: format!("{n} ({})", share(*n)),
                fill: look.fill,
                edge: look.edge,
                mark: Some((look.shape, look.fill, look.edge)),
            }
        })
        .collect();
    let (svg, height) = draw(&[Section { heading: None, bars }]);
    let description = format!(
        "Waagerechte Balken: Zahl der Projekte je Gesamtampel, {total} insgesamt. {}.",
        counts
            .iter()
            .map(|(value, n)| format!("{}: {n} ({})", ampel(*value).word, share(*n)))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let table = DataTable {
        columns,
        rows: counts.iter().map(|(value, n)| vec![ampel(*value).word.to_owned(), n.to_string(), share(*n)]).collect(),
    };
    Chart::finish("portfolio-ampel", title, description, &svg, (WIDTH, height), table)
}
