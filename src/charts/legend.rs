//! Legends: swatches with a word, flowed left to right and wrapped onto further lines.

use plotters::style::RGBColor;

use super::canvas::{Anchor, Drawn, NORMAL, Pen};
use super::palette::{AmpelLook, EMPTY, INK, MUTED, Shape};
use super::text::{fit, ink, line_height, width};

const SWATCH: f64 = 18.0;
const ITEM_GAP: f64 = 20.0;

/// What stands before a legend entry's text.
#[derive(Clone, Copy)]
pub enum Swatch {
    /// An Ampel cell: its fill with its shape.
    Ampel(AmpelLook),
    /// A cell without a value.
    Empty,
    /// A series: a line in its colour with its marker.
    Series(Shape, RGBColor),
    /// A marker alone: shape, fill and outline.
    Marker(Shape, RGBColor, RGBColor),
    /// A filled bar piece.
    Block(RGBColor),
    /// A dashed line (targets, the diagonal).
    Dashed(RGBColor),
    /// No swatch: plain text.
    None,
}

pub struct Item {
    pub swatch: Swatch,
    pub text: String,
}

struct Placed {
    x: f64,
    line: usize,
    text: String,
}

/// A legend laid out for a given width; draw it at any height.
pub struct Legend {
    items: Vec<(Swatch, Placed)>,
    lines: usize,
}

impl Legend {
    /// Flows `items` into lines no wider than `max_width`, starting at `x0`. An entry wider
    /// than a line is cut with "…" (series labels are in the table in full).
    pub fn new(items: Vec<Item>, x0: f64, max_width: f64) -> Legend {
        let mut placed = Vec::new();
        let (mut x, mut line) = (x0, 0);
        for item in items {
            let swatch = if matches!(item.swatch, Swatch::None) { 0.0 } else { SWATCH + 6.0 };
            let text = fit(&item.text, NORMAL, max_width - swatch, 1).into_iter().next().unwrap_or_default();
            let extent = swatch + width(&text, NORMAL);
            if x > x0 && x + extent > x0 + max_width {
                x = x0;
                line += 1;
            }
            placed.push((item.swatch, Placed { x, line, text }));
            x += extent + ITEM_GAP;
        }
        let lines = placed.last().map_or(0, |(_, p)| p.line + 1);
        Legend { items: placed, lines }
    }

    pub fn height(&self) -> f64 {
        self.lines as f64 * (line_height(NORMAL) + 6.0)
    }

    pub fn draw(&self, pen: &Pen<'_, '_>, top: f64) -> Drawn {
        let (above, below) = ink(NORMAL);
        for (swatch, placed) in &self.items {
            let y = top + placed.line as f64 * (line_height(NORMAL) + 6.0);
            let centre = y + (below - above) / 2.0;
            let (sx, half) = (placed.x, SWATCH / 2.0);
            match *swatch {
                Swatch::Ampel(look) => {
                    pen.rect((sx, centre - half), (sx + SWATCH, centre + half), look.fill)?;
                    pen.outline((sx, centre - half), (sx + SWATCH, centre + half), look.edge, 1)?;
                    pen.shape(look.shape, (sx + half, centre), 5.0, look.on_fill, None)?;
                }
                Swatch::Empty => {
                    pen.rect((sx, centre - half), (sx + SWATCH, centre + half), EMPTY)?;
                    pen.line(&[(sx + 5.0, centre), (sx + SWATCH - 5.0, centre)], MUTED, 2)?;
                }
                Swatch::Series(shape, colour) => {
                    pen.line(&[(sx - 2.0, centre), (sx + SWATCH + 2.0, centre)], colour, 2)?;
                    pen.shape(shape, (sx + half, centre), 5.0, colour, None)?;
                }
                Swatch::Marker(shape, fill, edge) => pen.shape(shape, (sx + half, centre), 5.0, fill, Some(edge))?,
                Swatch::Block(colour) => {
                    pen.rect((sx, centre - half + 3.0), (sx + SWATCH, centre + half - 3.0), colour)?
                }
                Swatch::Dashed(colour) => {
                    pen.dashed((sx - 2.0, centre), (sx + SWATCH + 2.0, centre), colour, 2, (5.0, 3.0))?
                }
                Swatch::None => {}
            }
            let x = if matches!(swatch, Swatch::None) { sx } else { sx + SWATCH + 6.0 };
            pen.text(&placed.text, (x, y), NORMAL, INK, Anchor::Start)?;
        }
        Ok(())
    }
}
