//! Reading a chart's SVG back: every text with its estimated box, for overlap checks.

use crate::charts::text::width;

/// A `<text>` element as drawn: its content and the box its ink occupies.
#[derive(Debug, Clone)]
pub struct TextBox {
    pub text: String,
    pub fill: String,
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl TextBox {
    pub fn overlaps(&self, other: &TextBox) -> bool {
        // Half a pixel of tolerance for rounding to whole pixels.
        self.x0 < other.x1 - 0.5 && other.x0 < self.x1 - 0.5 && self.y0 < other.y1 - 0.5 && other.y0 < self.y1 - 0.5
    }
}

fn number(node: roxmltree::Node<'_, '_>, name: &str) -> f64 {
    node.attribute(name)
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("<text> without numeric {name}: {node:?}"))
}

/// The boxes of all texts, from x, y, dy, font-size and text-anchor, measured with the
/// same conservative width table the charts use for layout.
pub fn text_boxes(doc: &roxmltree::Document<'_>) -> Vec<TextBox> {
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| {
            let text: String =
                n.descendants().filter(|d| d.is_text()).filter_map(|d| d.text()).collect::<String>().trim().to_owned();
            let (x, y, size) = (number(n, "x"), number(n, "y"), number(n, "font-size"));
            let baseline = y + match n.attribute("dy").unwrap_or("0") {
                "0.76em" => 0.76 * size,
                "0.5ex" => 0.27 * size,
                "-0.5ex" => -0.27 * size,
                other => panic!("unexpected dy {other}"),
            };
            assert!(n.attribute("transform").is_none(), "rotated text is not measured: {text}");
            let w = width(&text, size);
            let x0 = match n.attribute("text-anchor").unwrap_or("start") {
                "middle" => x - w / 2.0,
                "end" => x - w,
                _ => x,
            };
            TextBox {
                fill: n.attribute("fill").unwrap_or("#000000").to_owned(),
                text,
                x0,
                y0: baseline - 0.88 * size,
                x1: x0 + w,
                y1: baseline + 0.26 * size,
            }
        })
        .collect()
}

/// Pairs of texts whose boxes intersect.
pub fn overlapping(boxes: &[TextBox]) -> Vec<(TextBox, TextBox)> {
    let mut found = Vec::new();
    for (i, a) in boxes.iter().enumerate() {
        for b in &boxes[i + 1..] {
            if a.overlaps(b) {
                found.push((a.clone(), b.clone()));
            }
        }
    }
    found
}
