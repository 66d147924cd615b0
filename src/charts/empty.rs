//! The "keine Daten" state: a small SVG that says so and why, instead of an empty plot.

use super::canvas::{Anchor, LARGE, NORMAL, render};
use super::palette::{GRID, INK, MUTED};
use super::text::{fit, line_height};
use super::{Chart, DataTable};
use crate::labels::Labels;

const WIDTH: u32 = 760;

/// A chart that shows "Keine Daten" and `reason`; the table keeps its columns and `rows`
/// (usually none; a lone value when a trend needs two).
pub fn no_data(
    id: &str,
    title: &str,
    reason: &str,
    columns: Vec<String>,
    rows: Vec<Vec<String>>,
    words: &Labels,
) -> Chart {
    let lines = fit(reason, NORMAL, f64::from(WIDTH) - 80.0, 3);
    let height = 72 + lines.len() as u32 * line_height(NORMAL) as u32 + 24;
    let svg = render(WIDTH, height, |pen| {
        pen.dashed((4.0, 4.0), (f64::from(WIDTH) - 4.0, 4.0), GRID, 2, (6.0, 4.0))?;
        pen.dashed(
            (4.0, f64::from(height) - 4.0),
            (f64::from(WIDTH) - 4.0, f64::from(height) - 4.0),
            GRID,
            2,
            (6.0, 4.0),
        )?;
        pen.dashed((4.0, 4.0), (4.0, f64::from(height) - 4.0), GRID, 2, (6.0, 4.0))?;
        pen.dashed(
            (f64::from(WIDTH) - 4.0, 4.0),
            (f64::from(WIDTH) - 4.0, f64::from(height) - 4.0),
            GRID,
            2,
            (6.0, 4.0),
        )?;
        pen.bold(&words.get("chart_no_data"), (f64::from(WIDTH) / 2.0, 28.0), LARGE, INK, Anchor::Middle)?;
        for (index, line) in lines.iter().enumerate() {
            pen.text(
                line,
                (f64::from(WIDTH) / 2.0, 64.0 + index as f64 * line_height(NORMAL)),
                NORMAL,
                MUTED,
                Anchor::Middle,
            )?;
        }
        Ok(())
    });
    let description = words.fill("chart_no_data_description", &[("reason", reason)]);
    Chart::finish(id, title, description, &svg, (WIDTH, height), DataTable { columns, rows })
}
