//! Horizontal bars with the label on the left (wrapped to two lines) and the value written
//! at the end of each bar: the layout shared by the phase, Ampel and demand charts.

use plotters::style::RGBColor;

use super::canvas::{Anchor, NORMAL, SMALL, render};
use super::palette::{AXIS, GRID, INK, MUTED, Shape};
use super::text::{fit, ink, line_height, width};

pub const WIDTH: u32 = 760;
const LEFT: f64 = 8.0;
const RIGHT: f64 = 8.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 12.0;
const BAR: f64 = 22.0;
const GAP: f64 = 10.0;
/// Labels get at most this much of the width; longer ones wrap, then end in "…".
const LABEL_MAX: f64 = 300.0;
const MARK: f64 = 22.0;

/// One bar: `text` is written at its end and must be in the chart's table too.
pub struct Bar {
    pub label: String,
    pub value: f64,
    pub text: String,
    pub fill: RGBColor,
    pub edge: RGBColor,
    /// A symbol before the label (the Ampel shape), drawn in fill and edge colour.
    pub mark: Option<(Shape, RGBColor, RGBColor)>,
}

/// Bars under an optional heading ("Abzweigungen").
pub struct Section {
    pub heading: Option<String>,
    pub bars: Vec<Bar>,
}

struct Row<'a> {
    bar: &'a Bar,
    lines: Vec<String>,
    height: f64,
}

/// The SVG (without title and description) and its height; the width is `WIDTH`.
pub fn draw(sections: &[Section]) -> (String, u32) {
    let all = || sections.iter().flat_map(|section| &section.bars);
    let mark = if all().any(|bar| bar.mark.is_some()) { MARK } else { 0.0 };
    let rows: Vec<Vec<Row<'_>>> = sections
        .iter()
        .map(|section| {
            section
                .bars
                .iter()
                .map(|bar| {
                    let lines = fit(&bar.label, NORMAL, LABEL_MAX - mark, 2);
                    let height = BAR.max(lines.len() as f64 * line_height(NORMAL));
                    Row { bar, lines, height }
                })
                .collect()
        })
        .collect();
    let label_width =
        rows.iter().flatten().flat_map(|row| &row.lines).map(|line| width(line, NORMAL)).fold(0.0, f64::max).ceil();
    let value_width = all().map(|bar| width(&bar.text, NORMAL)).fold(0.0, f64::max).ceil();
    let x0 = LEFT + mark + label_width + 12.0;
    let x1 = f64::from(WIDTH) - RIGHT - value_width - 8.0;
    let top = all().map(|bar| bar.value).filter(|v| v.is_finite()).fold(0.0, f64::max);
    let scale = if top > 0.0 { (x1 - x0) / top } else { 0.0 };
    let mut height = TOP;
    for (index, (section, rows)) in sections.iter().zip(&rows).enumerate() {
        if section.heading.is_some() {
            height += line_height(SMALL) + 6.0 + if index > 0 { 8.0 } else { 0.0 };
        }
        height += rows.iter().map(|row| row.height + GAP).sum::<f64>();
    }
    let height = (height - GAP + BOTTOM).ceil();
    let svg = render(WIDTH, height as u32, |pen| {
        let mut y = TOP;
        for (index, (section, rows)) in sections.iter().zip(&rows).enumerate() {
            if let Some(heading) = &section.heading {
                y += if index > 0 { 8.0 } else { 0.0 };
                pen.text(heading, (LEFT, y), SMALL, MUTED, Anchor::Start)?;
                let rule = y + SMALL * 0.5;
                pen.line(&[(LEFT + width(heading, SMALL) + 8.0, rule), (f64::from(WIDTH) - RIGHT, rule)], GRID, 1)?;
                y += line_height(SMALL) + 6.0;
            }
            let first = y;
            for row in rows {
                let centre = y + row.height / 2.0;
                let length = if row.bar.value.is_finite() {
                    (row.bar.value.max(0.0) * scale).max(if row.bar.value > 0.0 { 2.0 } else { 0.0 })
                } else {
                    0.0
                };
                if length > 0.0 {
                    pen.rect((x0, centre - BAR / 2.0), (x0 + length, centre + BAR / 2.0), row.bar.fill)?;
                    if row.bar.edge != row.bar.fill {
                        pen.outline((x0, centre - BAR / 2.0), (x0 + length, centre + BAR / 2.0), row.bar.edge, 1)?;
                    }
                }
                let (above, below) = ink(NORMAL);
                let middle = (below - above) / 2.0;
                let block = (row.lines.len() as f64 - 1.0) * line_height(NORMAL);
                for (n, line) in row.lines.iter().enumerate() {
                    pen.text(
                        line,
                        (LEFT + mark, centre - block / 2.0 - middle + n as f64 * line_height(NORMAL)),
                        NORMAL,
                        INK,
                        Anchor::Start,
                    )?;
                }
                if let Some((shape, fill, edge)) = row.bar.mark {
                    pen.shape(shape, (LEFT + 7.0, centre), 6.0, fill, Some(edge))?;
                }
                pen.text(&row.bar.text, (x0 + length + 8.0, centre - middle), NORMAL, INK, Anchor::Start)?;
                y += row.height + GAP;
            }
            pen.line(&[(x0, first - 4.0), (x0, y - GAP + 4.0)], AXIS, 1)?;
        }
        Ok(())
    });
    (svg, height as u32)
}
