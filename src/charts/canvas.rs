//! Plotters' SVG backend in plain pixel coordinates. The charts lay out every label
//! themselves (plotters cannot measure text without a font engine), then draw through this.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::FONT;
use super::palette::{PAPER, Shape};

pub type Drawn = Result<(), Box<dyn std::error::Error>>;

/// Plotters divides font sizes by 1.24 when writing SVG; these sizes survive that exactly.
pub const SMALL: f64 = 12.0;
pub const NORMAL: f64 = 14.0;
pub const LARGE: f64 = 18.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

pub struct Pen<'a, 'b> {
    area: &'a DrawingArea<SVGBackend<'b>, Shift>,
}

/// Draws on a white `width` × `height` canvas; an empty SVG if plotters reports an error
/// (writing to a string does not fail in practice).
pub fn render(width: u32, height: u32, draw: impl FnOnce(&Pen<'_, '_>) -> Drawn) -> String {
    let mut svg = String::new();
    let drawn = {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        root.fill(&PAPER).is_ok() && draw(&Pen { area: &root }).is_ok() && root.present().is_ok()
    };
    if drawn { svg } else { "<svg></svg>".to_owned() }
}

fn px(value: f64) -> i32 {
    // `as` saturates and maps NaN to 0: no NaN or infinity can reach the SVG.
    value.round() as i32
}

fn point((x, y): (f64, f64)) -> (i32, i32) {
    (px(x), px(y))
}

impl Pen<'_, '_> {
    /// One line of text whose ink box starts about at `top` (see `text::ink`).
    pub fn text(&self, text: &str, (x, top): (f64, f64), size: f64, colour: RGBColor, anchor: Anchor) -> Drawn {
        self.styled(text, (x, top), (FONT, size * 1.24).into_font(), colour, anchor)
    }

    pub fn bold(&self, text: &str, (x, top): (f64, f64), size: f64, colour: RGBColor, anchor: Anchor) -> Drawn {
        self.styled(text, (x, top), (FONT, size * 1.24, FontStyle::Bold).into_font(), colour, anchor)
    }

    fn styled(&self, text: &str, (x, top): (f64, f64), font: FontDesc<'_>, colour: RGBColor, anchor: Anchor) -> Drawn {
        if text.is_empty() {
            return Ok(());
        }
        let h = match anchor {
            Anchor::Start => HPos::Left,
            Anchor::Middle => HPos::Center,
            Anchor::End => HPos::Right,
        };
        let style = font.color(&colour).pos(Pos::new(h, VPos::Top));
        self.area.draw(&Text::new(text.to_owned(), point((x, top)), style))?;
        Ok(())
    }

    pub fn rect(&self, (x0, y0): (f64, f64), (x1, y1): (f64, f64), fill: RGBColor) -> Drawn {
        self.area.draw(&Rectangle::new([point((x0, y0)), point((x1, y1))], fill.filled()))?;
        Ok(())
    }

    pub fn outline(&self, (x0, y0): (f64, f64), (x1, y1): (f64, f64), colour: RGBColor, width: u32) -> Drawn {
        self.area.draw(&Rectangle::new([point((x0, y0)), point((x1, y1))], colour.stroke_width(width)))?;
        Ok(())
    }

    pub fn line(&self, points: &[(f64, f64)], colour: RGBColor, width: u32) -> Drawn {
        self.area.draw(&PathElement::new(
            points.iter().copied().map(point).collect::<Vec<_>>(),
            colour.stroke_width(width),
        ))?;
        Ok(())
    }

    /// A dashed straight line: dashes of `dash` px with `gap` px between them.
    pub fn dashed(
        &self,
        from: (f64, f64),
        to: (f64, f64),
        colour: RGBColor,
        width: u32,
        (dash, gap): (f64, f64),
    ) -> Drawn {
        let length = (to.0 - from.0).hypot(to.1 - from.1);
        if !length.is_finite() || length < 1.0 {
            return Ok(());
        }
        let (dx, dy) = ((to.0 - from.0) / length, (to.1 - from.1) / length);
        let mut at = 0.0;
        while at < length {
            let end = (at + dash).min(length);
            self.line(&[(from.0 + dx * at, from.1 + dy * at), (from.0 + dx * end, from.1 + dy * end)], colour, width)?;
            at += dash + gap;
        }
        Ok(())
    }

    /// A marker of `shape` centred on `(x, y)`, `radius` px from centre to edge, with an
    /// optional outline.
    pub fn shape(
        &self,
        shape: Shape,
        (x, y): (f64, f64),
        radius: f64,
        fill: RGBColor,
        edge: Option<RGBColor>,
    ) -> Drawn {
        let r = radius;
        let corners: Vec<(f64, f64)> = match shape {
            Shape::Circle => {
                let size = u32::try_from(px(r)).unwrap_or(1);
                self.area.draw(&Circle::new(point((x, y)), size, fill.filled()))?;
                if let Some(edge) = edge {
                    self.area.draw(&Circle::new(point((x, y)), size, edge.stroke_width(1)))?;
                }
                return Ok(());
            }
            Shape::Square => vec![
                (x - r * 0.85, y - r * 0.85),
                (x + r * 0.85, y - r * 0.85),
                (x + r * 0.85, y + r * 0.85),
                (x - r * 0.85, y + r * 0.85),
            ],
            Shape::Triangle => vec![(x, y - r * 1.1), (x + r * 1.1, y + r * 0.8), (x - r * 1.1, y + r * 0.8)],
            Shape::TriangleDown => vec![(x, y + r * 1.1), (x + r * 1.1, y - r * 0.8), (x - r * 1.1, y - r * 0.8)],
            Shape::Diamond => vec![(x, y - r * 1.2), (x + r * 1.2, y), (x, y + r * 1.2), (x - r * 1.2, y)],
        };
        let corners: Vec<(i32, i32)> = corners.into_iter().map(point).collect();
        self.area.draw(&Polygon::new(corners.clone(), fill.filled()))?;
        if let Some(edge) = edge {
            let mut closed = corners;
            closed.push(closed[0]);
            self.area.draw(&PathElement::new(closed, edge.stroke_width(1)))?;
        }
        Ok(())
    }
}
