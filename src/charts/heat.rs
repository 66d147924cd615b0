//! The Ampel heat table: one row per project, one column group per period, one cell per
//! dimension (or one per period for the overall Ampel). Every cell has colour and shape.

use super::canvas::{Anchor, NORMAL, SMALL, render};
use super::legend::{Item, Legend, Swatch};
use super::palette::{EMPTY, GRID, INK, MUTED, ampel};
use super::text::{fit, ink, line_height, truncate, width};
use super::{Chart, DataTable, empty};
use crate::labels::Labels;
use crate::model::Ampel;

const MIN_WIDTH: f64 = 760.0;
const LEFT: f64 = 8.0;
const RIGHT: f64 = 8.0;
const TOP: f64 = 8.0;
const CELL: f64 = 22.0;
const CELL_GAP: f64 = 2.0;
const PERIOD_GAP: f64 = 14.0;
const ROW: f64 = 28.0;
const LABEL_MIN: f64 = 200.0;
const LABEL_MAX: f64 = 360.0;
/// Period heads longer than this are cut ("2026-Q3" needs 60).
const PERIOD_MAX: f64 = 100.0;

/// One project (or one dimension of one project): a cell per period, `None` where the
/// period has no status for it.
#[derive(Debug, Clone)]
pub struct HeatRow {
    pub label: String,
    pub cells: Vec<Option<AmpelCell>>,
}

/// The Ampel values of one period, one per dimension (`None`: not assessed).
#[derive(Debug, Clone)]
pub struct AmpelCell {
    pub values: Vec<Option<Ampel>>,
}

/// A grid of `rows` × `periods` × `dimensions` ("Gesamt", "Termine", ...; pass only
/// "Gesamt" for the overall Ampel). Missing cells and values are drawn grey with a dash.
pub fn ampel_heat_table(rows: &[HeatRow], periods: &[String], dimensions: &[String], words: &Labels) -> Chart {
    let title = words.get("chart_heat_title");
    let title = title.as_str();
    let dimensions: Vec<String> =
        if dimensions.is_empty() { vec![words.get("chart_heat_overall")] } else { dimensions.to_vec() };
    let single = dimensions.len() == 1;
    // Both variants may share a dashboard page; their element ids must differ.
    let chart_id = if single { "ampel-tabelle" } else { "ampel-tabelle-dimensionen" };
    let project = words.get("chart_project");
    let columns: Vec<String> = std::iter::once(project.clone())
        .chain(
            periods
                .iter()
                .flat_map(|p| dimensions.iter().map(move |d| if single { p.clone() } else { format!("{p} {d}") })),
        )
        .collect();
    if rows.is_empty() || periods.is_empty() {
        return empty::no_data(chart_id, title, &words.get("chart_heat_empty"), columns, Vec::new(), words);
    }
    let value = |row: &HeatRow, p: usize, d: usize| {
        row.cells.get(p).and_then(Option::as_ref).and_then(|cell| cell.values.get(d).copied().flatten())
    };
    let table =
        DataTable {
            columns,
            rows: rows
                .iter()
                .map(|row| {
                    std::iter::once(row.label.clone())
                        .chain((0..periods.len()).flat_map(|p| (0..dimensions.len()).map(move |d| (p, d))).map(
                            |(p, d)| value(row, p, d).map_or_else(|| "–".to_owned(), |a| words.get(&a.label_key())),
                        ))
                        .collect()
                })
                .collect(),
        };
    let grid = Grid::new(rows, periods, &dimensions, words);
    let svg = render(grid.width as u32, grid.height as u32, |pen| {
        let (above, below) = ink(NORMAL);
        let middle = (below - above) / 2.0;
        pen.text(&project, (LEFT, TOP), NORMAL, MUTED, Anchor::Start)?;
        for (p, period) in grid.periods.iter().enumerate() {
            let x = grid.group_x(p);
            pen.bold(period, (x + grid.group / 2.0, TOP), NORMAL, INK, Anchor::Middle)?;
            if dimensions.len() > 1 {
                for (d, short) in grid.shorts.iter().enumerate() {
                    pen.text(
                        short,
                        (grid.cell_x(p, d) + grid.cell / 2.0, TOP + line_height(NORMAL) + 2.0),
                        SMALL,
                        MUTED,
                        Anchor::Middle,
                    )?;
                }
            }
        }
        for (r, row) in rows.iter().enumerate() {
            let (y, height) = (grid.tops[r], grid.heights[r]);
            if r > 0 {
                pen.line(&[(LEFT, y), (grid.width - RIGHT, y)], GRID, 1)?;
            }
            let block = (grid.labels[r].len() as f64 - 1.0) * line_height(NORMAL);
            for (n, line) in grid.labels[r].iter().enumerate() {
                pen.text(
                    line,
                    (LEFT, y + height / 2.0 - block / 2.0 - middle + n as f64 * line_height(NORMAL)),
                    NORMAL,
                    INK,
                    Anchor::Start,
                )?;
            }
            for p in 0..periods.len() {
                for d in 0..dimensions.len() {
                    let (x0, y0) = (grid.cell_x(p, d), y + (height - CELL) / 2.0);
                    let (x1, y1) = (x0 + grid.cell, y0 + CELL);
                    let centre = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
                    match value(row, p, d) {
                        Some(a) => {
                            let look = ampel(a);
                            pen.rect((x0, y0), (x1, y1), look.fill)?;
                            pen.outline((x0, y0), (x1, y1), look.edge, 1)?;
                            pen.shape(look.shape, centre, 5.0, look.on_fill, None)?;
                        }
                        None => {
                            pen.rect((x0, y0), (x1, y1), EMPTY)?;
                            pen.line(&[(centre.0 - 5.0, centre.1), (centre.0 + 5.0, centre.1)], MUTED, 2)?;
                        }
                    }
                }
            }
        }
        grid.legend.draw(pen, grid.bottom + 14.0)
    });
    let description = describe(rows, periods, &dimensions, &value, words);
    Chart::finish(chart_id, title, description, &svg, (grid.width as u32, grid.height as u32), table)
}

struct Grid {
    labels: Vec<Vec<String>>,
    tops: Vec<f64>,
    heights: Vec<f64>,
    bottom: f64,
    periods: Vec<String>,
    shorts: Vec<String>,
    label_width: f64,
    group: f64,
    cell: f64,
    dimensions: usize,
    width: f64,
    height: f64,
    legend: Legend,
}

impl Grid {
    fn new(rows: &[HeatRow], periods: &[String], dimensions: &[String], words: &Labels) -> Grid {
        let shorts = abbreviations(dimensions);
        let n = dimensions.len() as f64;
        let periods: Vec<String> = periods.iter().map(|p| truncate(p, NORMAL, PERIOD_MAX)).collect();
        let widest_period = periods.iter().map(|p| width(p, NORMAL)).fold(0.0, f64::max);
        let group = (n * CELL + (n - 1.0) * CELL_GAP).max(widest_period + 8.0).ceil();
        let cell = (group - (n - 1.0) * CELL_GAP) / n;
        let grid_width = periods.len() as f64 * (group + PERIOD_GAP) - PERIOD_GAP;
        // Labels take what the grid leaves of the minimum width, within bounds; two lines.
        let label_max = (MIN_WIDTH - LEFT - RIGHT - 16.0 - grid_width).clamp(LABEL_MIN, LABEL_MAX);
        let labels: Vec<Vec<String>> = rows.iter().map(|row| fit(&row.label, NORMAL, label_max, 2)).collect();
        let label_width = labels
            .iter()
            .flatten()
            .map(|l| width(l, NORMAL))
            .fold(width(&words.get("chart_project"), NORMAL), f64::max)
            .ceil();
        let heights: Vec<f64> = labels.iter().map(|l| ROW.max(l.len() as f64 * line_height(NORMAL) + 8.0)).collect();
        let header =
            TOP + line_height(NORMAL) + if dimensions.len() > 1 { line_height(SMALL) + 4.0 } else { 0.0 } + 4.0;
        let tops: Vec<f64> = heights
            .iter()
            .scan(header, |y, h| {
                let top = *y;
                *y += h;
                Some(top)
            })
            .collect();
        let bottom = header + heights.iter().sum::<f64>();
        let grid_right = LEFT + label_width + 16.0 + grid_width + RIGHT;
        let width = grid_right.max(MIN_WIDTH).ceil();
        let mut items: Vec<Item> = [Ampel::Green, Ampel::Yellow, Ampel::Red]
            .iter()
            .map(|a| Item { swatch: Swatch::Ampel(ampel(*a)), text: words.get(&a.label_key()) })
            .collect();
        items.push(Item { swatch: Swatch::Empty, text: words.get("chart_heat_no_status") });
        if dimensions.len() > 1 {
            items.extend(
                shorts.iter().zip(dimensions).map(|(s, d)| Item { swatch: Swatch::None, text: format!("{s} = {d}") }),
            );
        }
        let legend = Legend::new(items, LEFT, width - LEFT - RIGHT);
        let height = (bottom + 14.0 + legend.height() + 4.0).ceil();
        Grid {
            labels,
            tops,
            heights,
            bottom,
            periods,
            shorts,
            label_width,
            group,
            cell,
            dimensions: dimensions.len(),
            width,
            height,
            legend,
        }
    }

    fn group_x(&self, period: usize) -> f64 {
        LEFT + self.label_width + 16.0 + period as f64 * (self.group + PERIOD_GAP)
    }

    fn cell_x(&self, period: usize, dimension: usize) -> f64 {
        debug_assert!(dimension < self.dimensions);
        self.group_x(period) + dimension as f64 * (self.cell + CELL_GAP)
    }
}

/// Short column heads: the first letter, or more letters where two dimensions share it.
fn abbreviations(dimensions: &[String]) -> Vec<String> {
    let prefix = |d: &String, n: usize| d.chars().take(n).collect::<String>();
    dimensions
        .iter()
        .map(|d| {
            let n = (1..=3)
                .find(|&n| {
                    dimensions.iter().filter(|o| prefix(o, n).to_lowercase() == prefix(d, n).to_lowercase()).count()
                        == 1
                })
                .unwrap_or(3);
            let mut short = prefix(d, n);
            if let Some(first) = short.chars().next() {
                short = first.to_uppercase().chain(short.chars().skip(1)).collect();
            }
            short
        })
        .collect()
}

fn describe(
    rows: &[HeatRow],
    periods: &[String],
    dimensions: &[String],
    value: &dyn Fn(&HeatRow, usize, usize) -> Option<Ampel>,
    words: &Labels,
) -> String {
    let last = periods.len() - 1;
    let count = |a: Ampel| rows.iter().filter(|row| value(row, last, 0) == Some(a)).count().to_string();
    let (joined, rows_count, period_count) = (dimensions.join(", "), rows.len().to_string(), periods.len().to_string());
    let (green, yellow, red) = (count(Ampel::Green), count(Ampel::Yellow), count(Ampel::Red));
    let first_dimension = dimensions.first().cloned().unwrap_or_default();
    words.fill(
        "chart_heat_description",
        &[
            ("dimensions", &joined),
            ("count", &rows_count),
            ("periods", &period_count),
            ("first", &periods[0]),
            ("last", &periods[last]),
            ("period", &periods[last]),
            ("dimension", &first_dimension),
            ("green", &green),
            ("yellow", &yellow),
            ("red", &red),
        ],
    )
}
