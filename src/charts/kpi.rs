//! A KPI over the periods against its target: a line with markers (filled where the target
//! is met, hollow where not), each value written at its point, the target dashed.

use super::axis::{Scale, nice_ticks, spaced_labels};
use super::canvas::{Anchor, NORMAL, SMALL, render};
use super::format::decimal;
use super::legend::{Item, Legend, Swatch};
use super::palette::{AXIS, GRID, INK, MUTED, PAPER, Shape, series};
use super::svg::id;
use super::text::{ink, line_height, truncate, width};
use super::{Chart, DataTable, empty};
use crate::labels::Labels;
use crate::model::Better;

const WIDTH: f64 = 760.0;
const LEFT: f64 = 8.0;
const RIGHT: f64 = 8.0;
const TOP: f64 = 8.0;
const PLOT: f64 = 240.0;

/// One KPI: its values per period in order, and its target.
#[derive(Debug, Clone)]
pub struct KpiTrend {
    /// Stable key for element ids (the KPI id), so several charts can share a page.
    pub id: String,
    pub label: String,
    /// Unit as readers see it ("%", "Stunden").
    pub unit: String,
    pub target: f64,
    pub better: Better,
    pub points: Vec<(String, f64)>,
}

/// The KPI's line; with fewer than two values a "keine Daten" chart that names the one
/// value there is. Non-finite values are left out.
pub fn kpi_trend(kpi: &KpiTrend, words: &Labels) -> Chart {
    let chart_id = id("kennzahl-", &kpi.id);
    let points: Vec<(String, f64)> = kpi.points.iter().filter(|(_, v)| v.is_finite()).cloned().collect();
    let target = kpi.target.is_finite().then_some(kpi.target);
    let unit =
        |v: f64| if kpi.unit.is_empty() { decimal(v, 2) } else { format!("{}\u{a0}{}", decimal(v, 2), kpi.unit) };
    let goal = |t: f64| match kpi.better {
        Better::Higher => words.fill("chart_kpi_at_least", &[("value", &unit(t))]),
        Better::Lower => words.fill("chart_kpi_at_most", &[("value", &unit(t))]),
    };
    let met = |v: f64| {
        target.map(|t| match kpi.better {
            Better::Higher => v >= t,
            Better::Lower => v <= t,
        })
    };
    let columns = vec![
        words.get("chart_period"),
        words.fill("chart_kpi_value", &[("unit", &kpi.unit)]),
        words.get("chart_kpi_target"),
        words.get("chart_kpi_met"),
    ];
    let rows: Vec<Vec<String>> = points
        .iter()
        .map(|(period, v)| {
            vec![
                period.clone(),
                decimal(*v, 2),
                target.map_or("–".to_owned(), goal),
                met(*v).map_or_else(|| "–".to_owned(), |m| words.get(if m { "chart_yes" } else { "chart_no" })),
            ]
        })
        .collect();
    if points.len() < 2 {
        let reason = match points.first() {
            None => words.get("chart_kpi_empty"),
            Some((period, v)) => words.fill("chart_kpi_one", &[("period", period), ("value", &unit(*v))]),
        };
        return empty::no_data(&chart_id, &kpi.label, &reason, columns, rows, words);
    }
    let unit_name = if kpi.unit.is_empty() { words.get("chart_kpi_units") } else { kpi.unit.clone() };
    let target_text = target.map_or_else(|| words.get("chart_kpi_no_target"), goal);
    let values = points.iter().map(|(p, v)| format!("{p}: {}", decimal(*v, 2))).collect::<Vec<_>>().join(", ");
    let met_count = points.iter().filter(|(_, v)| met(*v) == Some(true)).count().to_string();
    let met_text = target.map_or(String::new(), |_| {
        words.fill("chart_kpi_met_count", &[("met", &met_count), ("count", &points.len().to_string())])
    });
    let description = words.fill(
        "chart_kpi_description",
        &[
            ("name", &kpi.label),
            ("unit", &unit_name),
            ("target", &target_text),
            ("values", &values),
            ("met", &met_text),
        ],
    );
    let (svg, height) = draw(&points, target, kpi, &met, words);
    Chart::finish(&chart_id, &kpi.label, description, &svg, (WIDTH as u32, height), DataTable { columns, rows })
}

fn draw(
    points: &[(String, f64)],
    target: Option<f64>,
    kpi: &KpiTrend,
    met: &dyn Fn(f64) -> Option<bool>,
    words: &Labels,
) -> (String, u32) {
    let (above, below) = ink(NORMAL);
    let middle = (below - above) / 2.0;
    let values = points.iter().map(|(_, v)| *v).chain(target);
    let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)));
    // Room above and below for the value labels.
    let pad = ((hi - lo) * 0.18).max(hi.abs().max(1.0) * 0.002);
    let mut ticks = nice_ticks(lo - pad, hi + pad, 6);
    // A percentage between 0 and 100 gets no axis beyond them ("102,5 %" reads as an error).
    if kpi.unit.trim() == "%" && lo >= 0.0 && hi <= 100.0 {
        let inside: Vec<f64> = ticks.iter().copied().filter(|t| (0.0..=100.0).contains(t)).collect();
        if inside.len() >= 2 && inside[0] <= lo && inside[inside.len() - 1] >= hi {
            ticks = inside;
        }
    }
    let (t0, t1) = (ticks[0], ticks[ticks.len() - 1]);
    let tick_width = ticks.iter().map(|t| width(&decimal(*t, 2), SMALL)).fold(0.0, f64::max).ceil();
    let goal_text = target.map(|t| words.fill("chart_kpi_goal", &[("value", &decimal(t, 2))]));
    let goal_width = goal_text.as_deref().map_or(0.0, |t| width(t, NORMAL) + 8.0).ceil();
    let plot_top = TOP + line_height(SMALL) + 10.0;
    let (x0, x1) = (LEFT + tick_width.max(width(&kpi.unit, SMALL)) + 10.0, WIDTH - RIGHT - goal_width - 8.0);
    let (y0, y1) = (plot_top + PLOT, plot_top);
    let y = Scale { domain: (t0, t1), range: (y0, y1) };
    let band = (x1 - x0) / points.len() as f64;
    let x = |i: usize| x0 + (i as f64 + 0.5) * band;
    // Period labels: every k-th, so that neighbours never touch.
    let widest = points.iter().map(|(p, _)| width(p, SMALL).min(140.0)).fold(0.0, f64::max);
    let every = (1..=points.len()).find(|k| *k as f64 * band >= widest + 10.0).unwrap_or(points.len());
    let x_labels = spaced_labels(
        points.iter().enumerate().filter(|(i, _)| i % every == 0).map(|(i, (p, _))| (x(i), p.clone())).collect(),
        SMALL,
        (LEFT, WIDTH - RIGHT),
    );
    let value_texts: Vec<String> = points.iter().map(|(_, v)| decimal(*v, 2)).collect();
    let values_fit = value_texts.iter().all(|t| width(t, SMALL) + 6.0 <= band);
    let colour = series(0);
    let legend = Legend::new(
        vec![
            Item { swatch: Swatch::Marker(Shape::Circle, colour, colour), text: words.get("chart_kpi_met") },
            Item { swatch: Swatch::Marker(Shape::Circle, PAPER, colour), text: words.get("chart_kpi_missed") },
            Item {
                swatch: Swatch::Dashed(INK),
                text: words.get(match kpi.better {
                    Better::Higher => "chart_kpi_higher",
                    Better::Lower => "chart_kpi_lower",
                }),
            },
        ],
        LEFT,
        WIDTH - LEFT - RIGHT,
    );
    let legend_top = y0 + line_height(SMALL) + 21.0;
    let height = (legend_top + legend.height() + 4.0).ceil();
    let svg = render(WIDTH as u32, height as u32, |pen| {
        pen.text(&truncate(&kpi.unit, SMALL, x0 - LEFT - 4.0), (LEFT, TOP), SMALL, MUTED, Anchor::Start)?;
        for tick in &ticks {
            let ty = y.map(*tick);
            pen.line(&[(x0, ty), (x1, ty)], GRID, 1)?;
            pen.text(&decimal(*tick, 2), (x0 - 6.0, ty - SMALL * 0.45), SMALL, MUTED, Anchor::End)?;
        }
        pen.line(&[(x0, y0), (x1, y0)], AXIS, 1)?;
        for (at, text) in &x_labels {
            pen.text(text, (*at, y0 + 9.0), SMALL, MUTED, Anchor::Middle)?;
        }
        if let (Some(t), Some(text)) = (target, &goal_text) {
            pen.dashed((x0, y.map(t)), (x1, y.map(t)), INK, 2, (8.0, 5.0))?;
            pen.bold(text, (x1 + 8.0, y.map(t) - middle), NORMAL, INK, Anchor::Start)?;
        }
        let line: Vec<(f64, f64)> = points.iter().enumerate().map(|(i, (_, v))| (x(i), y.map(*v))).collect();
        pen.line(&line, colour, 2)?;
        for (i, (_, v)) in points.iter().enumerate() {
            let fill = if met(*v) == Some(false) { PAPER } else { colour };
            pen.shape(Shape::Circle, line[i], 5.0, fill, Some(colour))?;
            if values_fit || i + 1 == points.len() {
                // Away from the target line, unless that leaves the plot.
                let up = target.is_none_or(|t| *v >= t);
                let (sa, sb) = ink(SMALL);
                let above_top = line[i].1 - 9.0 - sb;
                let below_top = line[i].1 + 9.0 + sa;
                let top = if (up && above_top - sa >= y1) || below_top + sb > y0 { above_top } else { below_top };
                pen.text(&value_texts[i], (line[i].0, top), SMALL, INK, Anchor::Middle)?;
            }
        }
        legend.draw(pen, legend_top)
    });
    (svg, height as u32)
}
