//! The legend under the bands: what the line styles, the numbers and the box shapes mean.

use super::geom::Rect;
use super::text;
use crate::labels::Labels;
use crate::model::{EntityKind, FlowKind};

pub const TEXT_SIZE: f64 = 12.0;
const ROW: f64 = 26.0;
const SAMPLE_GAP: f64 = 7.0;
const ITEM_GAP: f64 = 24.0;

/// The small drawing in front of a legend text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Sample {
    /// The word "Legende" itself.
    Heading,
    Line(FlowKind),
    Badge,
    Node(EntityKind),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub sample: Sample,
    pub text: String,
    /// Where the sample starts, and where the text starts.
    pub x: f64,
    pub text_x: f64,
    /// The middle of the item's row.
    pub y: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Legend {
    pub items: Vec<Item>,
    pub rect: Rect,
}

/// The entries, in reading order; line styles and node shapes only for the kinds of flow
/// and box the diagram shows, in the words of the labels.
pub fn entries(kinds: &[EntityKind], flows: &[FlowKind], labels: &Labels) -> Vec<(Sample, String)> {
    let mut out = vec![(Sample::Heading, labels.get("diagram_legend"))];
    for &kind in FlowKind::ALL.iter().filter(|kind| flows.contains(kind)) {
        out.push((Sample::Line(kind), labels.get(&format!("diagram_line_{}", kind.key()))));
    }
    out.push((Sample::Badge, labels.get("diagram_badge")));
    for (kind, key) in
        [(EntityKind::Body, "diagram_body"), (EntityKind::Unit, "diagram_unit"), (EntityKind::Role, "diagram_role")]
    {
        if kinds.contains(&kind) {
            out.push((Sample::Node(kind), labels.get(key)));
        }
    }
    out
}

pub fn sample_width(sample: Sample) -> f64 {
    match sample {
        Sample::Heading => 0.0,
        Sample::Line(_) => 44.0,
        Sample::Badge => 20.0,
        Sample::Node(_) => 30.0,
    }
}

/// The widest single entry: the drawing must be at least this wide.
pub fn min_width(entries: &[(Sample, String)]) -> f64 {
    entries.iter().map(|(sample, text)| item_width(*sample, text)).fold(0.0, f64::max)
}

fn item_width(sample: Sample, text: &str) -> f64 {
    let gap = if sample == Sample::Heading { 0.0 } else { SAMPLE_GAP };
    sample_width(sample) + gap + text::regular_width(text, TEXT_SIZE)
}

/// Lays the entries out in rows from `left`, wrapping before `right`, starting at `top`.
pub fn layout(entries: Vec<(Sample, String)>, left: f64, right: f64, top: f64) -> Legend {
    let mut items = Vec::with_capacity(entries.len());
    let (mut x, mut row) = (left, 0.0);
    let mut widest: f64 = 0.0;
    for (sample, text) in entries {
        let width = item_width(sample, &text);
        if x > left && x + width > right {
            x = left;
            row += 1.0;
        }
        let gap = if sample == Sample::Heading { 0.0 } else { SAMPLE_GAP };
        let y = top + row * ROW + ROW / 2.0;
        items.push(Item { sample, text, x, text_x: x + sample_width(sample) + gap, y });
        widest = widest.max(x + width);
        x += width + ITEM_GAP;
    }
    let rows = if items.is_empty() { 0.0 } else { row + 1.0 };
    Legend { items, rect: Rect::new(left, top, widest - left, rows * ROW) }
}
