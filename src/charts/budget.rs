//! Budget per project: planned, approved and spent as three labelled bars per project.

use plotters::style::RGBColor;

use super::canvas::{Anchor, NORMAL, SMALL, render};
use super::legend::{Item, Legend, Swatch};
use super::palette::{AXIS, GRID, INK, MUTED, series};
use super::text::{fit, ink, line_height, width};
use super::{Chart, DataTable, empty};
use crate::german::compact_euro as eur;
use crate::labels::Labels;

const WIDTH: f64 = 760.0;
const LEFT: f64 = 8.0;
const RIGHT: f64 = 8.0;
const TOP: f64 = 8.0;
const BAR: f64 = 13.0;
const PITCH: f64 = 16.0;
const GROUP_GAP: f64 = 14.0;
const LABEL_MAX: f64 = 230.0;
/// The label keys of the three bars of a project.
const KINDS: [&str; 3] = ["chart_budget_planned", "chart_budget_approved", "chart_budget_spent"];

/// One project's budget in EUR; `None` where nothing is approved or reported yet.
#[derive(Debug, Clone)]
pub struct BudgetRow {
    pub label: String,
    pub planned: f64,
    pub approved: Option<f64>,
    pub spent: Option<f64>,
}

fn colours() -> [RGBColor; 3] {
    [series(4), series(0), series(1)]
}

/// Grouped bars per project, each bar named ("geplant", ...) and its amount written at its
/// end ("1,85 Mio. €"); missing amounts read "keine Angabe".
pub fn budget(rows: &[BudgetRow], words: &Labels) -> Chart {
    let title = words.get("chart_budget_title");
    let title = title.as_str();
    let kinds = KINDS.map(|key| words.get(key));
    let columns: Vec<String> = std::iter::once(words.get("chart_project")).chain(kinds.iter().cloned()).collect();
    let clean = |v: f64| v.is_finite().then_some(v);
    let amounts: Vec<[Option<f64>; 3]> =
        rows.iter().map(|r| [clean(r.planned), r.approved.and_then(clean), r.spent.and_then(clean)]).collect();
    let table_rows: Vec<Vec<String>> = rows
        .iter()
        .zip(&amounts)
        .map(|(r, a)| std::iter::once(r.label.clone()).chain(a.iter().map(|v| v.map_or("–".to_owned(), eur))).collect())
        .collect();
    let top = amounts.iter().flatten().flatten().fold(0.0, |m: f64, v| m.max(*v));
    if rows.is_empty() || top <= 0.0 {
        return empty::no_data("budget", title, &words.get("chart_budget_empty"), columns, Vec::new(), words);
    }
    let sum = |k: usize| amounts.iter().filter_map(|a| a[k]).sum::<f64>();
    let (count, planned, approved, spent) = (rows.len().to_string(), eur(sum(0)), eur(sum(1)), eur(sum(2)));
    let description = words.fill(
        "chart_budget_description",
        &[("count", &count), ("planned", &planned), ("approved", &approved), ("spent", &spent)],
    );
    let (svg, height) = draw(rows, &amounts, top, &kinds, &words.get("chart_not_given"));
    Chart::finish("budget", title, description, &svg, (WIDTH as u32, height), DataTable { columns, rows: table_rows })
}

fn draw(
    rows: &[BudgetRow],
    amounts: &[[Option<f64>; 3]],
    top: f64,
    kinds: &[String; 3],
    not_given: &str,
) -> (String, u32) {
    let labels: Vec<Vec<String>> = rows.iter().map(|r| fit(&r.label, NORMAL, LABEL_MAX, 3)).collect();
    let label_width = labels.iter().flatten().map(|l| width(l, NORMAL)).fold(0.0, f64::max).ceil();
    let kind_width = kinds.iter().map(|k| width(k, SMALL)).fold(0.0, f64::max).ceil();
    let texts: Vec<[String; 3]> = amounts.iter().map(|a| a.map(|v| v.map_or(not_given.to_owned(), eur))).collect();
    let text_width = texts.iter().flatten().map(|t| width(t, SMALL)).fold(0.0, f64::max).ceil();
    let x0 = LEFT + label_width + 14.0 + kind_width + 8.0;
    let x1 = WIDTH - RIGHT - text_width - 8.0;
    let scale = (x1 - x0) / top;
    let heights: Vec<f64> = labels.iter().map(|l| (3.0 * PITCH).max(l.len() as f64 * line_height(NORMAL))).collect();
    let legend = Legend::new(
        kinds.iter().zip(colours()).map(|(k, c)| Item { swatch: Swatch::Block(c), text: k.clone() }).collect(),
        LEFT,
        WIDTH - LEFT - RIGHT,
    );
    let first = TOP + legend.height() + 8.0;
    let height = (first + heights.iter().map(|h| h + GROUP_GAP).sum::<f64>() - GROUP_GAP + 8.0).ceil();
    let svg = render(WIDTH as u32, height as u32, |pen| {
        legend.draw(pen, TOP)?;
        let (n_above, n_below) = ink(NORMAL);
        let (s_above, s_below) = ink(SMALL);
        let mut y = first;
        for (index, lines) in labels.iter().enumerate() {
            if index > 0 {
                pen.line(&[(LEFT, y - GROUP_GAP / 2.0), (WIDTH - RIGHT, y - GROUP_GAP / 2.0)], GRID, 1)?;
            }
            let block = lines.len() as f64 * line_height(NORMAL);
            let label_top = y + (heights[index] - block) / 2.0 + (line_height(NORMAL) - (n_below - n_above)) / 2.0;
            for (n, line) in lines.iter().enumerate() {
                pen.text(line, (LEFT, label_top + n as f64 * line_height(NORMAL)), NORMAL, INK, Anchor::Start)?;
            }
            let bars_top = y + (heights[index] - 3.0 * PITCH) / 2.0;
            for (k, colour) in colours().into_iter().enumerate() {
                let centre = bars_top + k as f64 * PITCH + PITCH / 2.0;
                let text_top = centre - (s_below - s_above) / 2.0;
                pen.text(&kinds[k], (x0 - 8.0, text_top), SMALL, MUTED, Anchor::End)?;
                let length =
                    amounts[index][k].map_or(0.0, |v| (v.max(0.0) * scale).max(if v > 0.0 { 2.0 } else { 0.0 }));
                if length > 0.0 {
                    pen.rect((x0, centre - BAR / 2.0), (x0 + length, centre + BAR / 2.0), colour)?;
                }
                let tone = if amounts[index][k].is_some() { INK } else { MUTED };
                pen.text(&texts[index][k], (x0 + length + 6.0, text_top), SMALL, tone, Anchor::Start)?;
            }
            pen.line(&[(x0, bars_top - 2.0), (x0, bars_top + 3.0 * PITCH + 2.0)], AXIS, 1)?;
            y += heights[index] + GROUP_GAP;
        }
        Ok(())
    });
    (svg, height as u32)
}
