//! Colours: a colour-blind-safe series palette (Okabe–Ito, darkened so white and black
//! text keep 4.5:1 where needed), the Ampel colours with their shapes, and a contrast check.

use plotters::style::RGBColor;

use crate::model::Ampel;

/// Text on white: 12.6:1.
pub const INK: RGBColor = RGBColor(0x1a, 0x1a, 0x1a);
/// Secondary text (axis ticks, notes) on white: 7.5:1.
pub const MUTED: RGBColor = RGBColor(0x55, 0x55, 0x55);
pub const GRID: RGBColor = RGBColor(0xdd, 0xdd, 0xdd);
pub const AXIS: RGBColor = RGBColor(0x75, 0x75, 0x75);
pub const PAPER: RGBColor = RGBColor(0xff, 0xff, 0xff);
/// Cells without a value.
pub const EMPTY: RGBColor = RGBColor(0xf2, 0xf2, 0xf2);

/// Series colours: blue, orange, bluish green, reddish purple, sky blue, vermillion
/// (Okabe–Ito hues), each at least 3:1 against white as WCAG asks of graphics.
pub const SERIES: &[RGBColor] = &[
    RGBColor(0x00, 0x5a, 0xa0),
    RGBColor(0xbe, 0x5a, 0x00),
    RGBColor(0x00, 0x78, 0x5a),
    RGBColor(0xa0, 0x3c, 0x78),
    RGBColor(0x2b, 0x8c, 0xc4),
    RGBColor(0xb0, 0x3a, 0x1a),
];

/// Series colours that carry white value labels inside them: the first four of
/// [`SERIES`], then a grey and a brown in place of sky blue and vermillion, which are too
/// light for white text at 4.5:1.
pub const UNDER_WHITE_TEXT: &[RGBColor] =
    &[SERIES[0], SERIES[1], SERIES[2], SERIES[3], RGBColor(90, 90, 90), RGBColor(120, 80, 30)];

pub fn series(index: usize) -> RGBColor {
    SERIES[index % SERIES.len()]
}

/// How an Ampel value looks: fill, the colour drawn on it and its shape; its word is a label.
#[derive(Debug, Clone, Copy)]
pub struct AmpelLook {
    pub fill: RGBColor,
    pub on_fill: RGBColor,
    /// Outline, so that the light yellow still stands out from white (3:1).
    pub edge: RGBColor,
    pub shape: Shape,
}

/// Marker shapes, so that neither Ampel values nor series depend on colour alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Circle,
    Square,
    Triangle,
    Diamond,
    TriangleDown,
}

pub const SHAPES: &[Shape] = &[Shape::Circle, Shape::Square, Shape::Triangle, Shape::Diamond, Shape::TriangleDown];

pub fn ampel(value: Ampel) -> AmpelLook {
    match value {
        Ampel::Green => AmpelLook {
            fill: RGBColor(0x2e, 0x7d, 0x32),
            on_fill: PAPER,
            edge: RGBColor(0x2e, 0x7d, 0x32),
            shape: Shape::Circle,
        },
        Ampel::Yellow => AmpelLook {
            fill: RGBColor(0xf2, 0xc2, 0x00),
            on_fill: INK,
            edge: RGBColor(0x8a, 0x6d, 0x00),
            shape: Shape::Triangle,
        },
        Ampel::Red => AmpelLook {
            fill: RGBColor(0xc6, 0x28, 0x28),
            on_fill: PAPER,
            edge: RGBColor(0xc6, 0x28, 0x28),
            shape: Shape::Square,
        },
    }
}

/// WCAG 2 contrast ratio of two colours (1.0 to 21.0).
#[cfg(test)]
pub fn contrast(a: RGBColor, b: RGBColor) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[cfg(test)]
fn luminance(RGBColor(r, g, b): RGBColor) -> f64 {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.039_28 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
    };
    0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}

#[cfg(test)]
mod tests {
    use super::{INK, MUTED, PAPER, SERIES, ampel, contrast};
    use crate::model::Ampel;

    #[test]
    fn text_colours_reach_4_5_to_1() {
        assert!(contrast(INK, PAPER) >= 4.5);
        assert!(contrast(MUTED, PAPER) >= 4.5);
        for value in [Ampel::Green, Ampel::Yellow, Ampel::Red] {
            let look = ampel(value);
            assert!(
                contrast(look.on_fill, look.fill) >= 4.5,
                "{:?}: {}",
                look.shape,
                contrast(look.on_fill, look.fill)
            );
        }
    }

    #[test]
    fn series_and_ampel_fills_stand_out_from_white() {
        for colour in SERIES {
            assert!(contrast(*colour, PAPER) >= 3.0, "{colour:?}");
        }
        for value in [Ampel::Green, Ampel::Yellow, Ampel::Red] {
            assert!(contrast(ampel(value).edge, PAPER) >= 3.0, "{value:?}");
        }
    }

    #[test]
    fn every_ampel_value_has_its_own_shape() {
        let shapes = [Ampel::Green, Ampel::Yellow, Ampel::Red].map(|a| ampel(a).shape);
        assert!(shapes[0] != shapes[1] && shapes[1] != shapes[2] && shapes[0] != shapes[2]);
    }
}
