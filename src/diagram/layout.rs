//! The geometry of the whole diagram as plain data, read by the SVG writer and by the tests:
//! box sizes, band rows and channels, and the results of ordering, placing, routing and marking.

use super::geom::{Point, Rect};
use super::graph::{Graph, Node};
use super::legend::{self, Legend};
use super::order::{self, Order, Slot};
use super::place::{self, BADGE_HEIGHT, Marker};
use super::route::{self, Plan, Rows};
use super::{layers, text, xpos};

pub const MARGIN: f64 = 16.0;
pub const NAME_SIZE: f64 = 14.0;
pub const NAME_LEAD: f64 = 18.0;
pub const MEMBER_SIZE: f64 = 11.5;
pub const MEMBER_LEAD: f64 = 15.0;
pub const PAD_Y: f64 = 9.0;
pub const MEMBER_GAP: f64 = 5.0;
pub const BAND_SIZE: f64 = 14.0;
pub const BAND_LEAD: f64 = 18.0;
/// Widest text line in a box before it wraps.
const TEXT_MAX: f64 = 172.0;
const PAD_X: f64 = 12.0;
const MIN_BOX_WIDTH: f64 = 104.0;
const BAND_TEXT_MAX: f64 = 120.0;
const COLUMN_PAD: f64 = 12.0;
/// Space between the band names and the first box.
const COLUMN_GAP: f64 = 20.0;
const TRACK: f64 = 16.0;
const CHANNEL_MIN: f64 = 64.0;
const CHANNEL_MARGIN: f64 = 26.0;
const UNDER_TOP: f64 = 22.0;
const UNDER_BOTTOM: f64 = 10.0;
const FIRST_PAD: f64 = 28.0;
const LAST_PAD: f64 = 28.0;
const LEGEND_GAP: f64 = 14.0;
/// Ever wider gaps, tried in turn until every badge finds a spot on its own line.
const LOOSEN: [f64; 4] = [1.0, 1.5, 2.2, 3.2];

#[derive(Debug, Clone, PartialEq)]
pub struct NodeBox {
    pub rect: Rect,
    pub name: Vec<String>,
    pub members: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    /// The whole band, the name column included.
    pub rect: Rect,
    pub label: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub width: f64,
    pub height: f64,
    /// Right edge of the column with the band names.
    pub column: f64,
    pub bands: Vec<Band>,
    /// By node index.
    pub boxes: Vec<NodeBox>,
    /// By edge index: from the source box's border to the target box's border.
    pub paths: Vec<Vec<Point>>,
    /// By edge index.
    pub markers: Vec<Marker>,
    pub legend: Legend,
    /// Badges that found no spot on their line and were set in a column at the right edge.
    pub stranded: usize,
}

/// Lays out the graph, splitting crowded bands into rows; `numbers[e]` is the text of edge `e`'s badge.
pub fn layout(graph: &mut Graph, numbers: &[String], words: &crate::labels::Labels) -> Layout {
    let boxes: Vec<NodeBox> = graph.nodes.iter().map(measure).collect();
    layers::split(graph, &boxes.iter().map(|b| b.rect.w).collect::<Vec<_>>());
    let graph = &*graph;
    let order = order::order(graph);
    let kinds: Vec<_> = graph.nodes.iter().map(|n| n.kind).collect();
    let flows: Vec<_> = graph.edges.iter().map(|e| e.kind).collect();
    let entries = legend::entries(&kinds, &flows, words);
    let mut last = None;
    for loosen in LOOSEN {
        let attempt = attempt(graph, &order, &boxes, numbers, &entries, loosen);
        if attempt.stranded == 0 {
            return attempt;
        }
        last = Some(attempt);
    }
    last.unwrap_or_else(|| attempt(graph, &order, &boxes, numbers, &entries, 1.0))
}

fn attempt(
    graph: &Graph,
    order: &Order,
    measured: &[NodeBox],
    numbers: &[String],
    entries: &[(legend::Sample, String)],
    loosen: f64,
) -> Layout {
    let sizes: Vec<(f64, f64)> = measured.iter().map(|b| (b.rect.w, b.rect.h)).collect();
    let columns = xpos::place(graph, order, &sizes, loosen);
    let plan = route::plan(graph, order, &columns, &sizes);
    let labels: Vec<Vec<String>> = graph.bands.iter().map(|name| text::wrap(name, BAND_TEXT_MAX, BAND_SIZE)).collect();
    let column = MARGIN + column_width(&labels);
    let left = column + COLUMN_GAP;
    let row_heights: Vec<f64> = (0..graph.layers.len())
        .map(|k| {
            graph.nodes.iter().zip(&sizes).filter(|(n, _)| n.layer == k).map(|(_, size)| size.1).fold(40.0, f64::max)
        })
        .collect();
    let (rows, spans) = rows(&plan, &row_heights, loosen);
    let boxes = place_boxes(graph, measured, &columns, &rows, left);
    let paths = route::paths(graph, &plan, &boxes.iter().map(|b| b.rect).collect::<Vec<_>>(), &rows, left);
    let width = (left + columns.width + COLUMN_GAP + MARGIN).max(MARGIN * 2.0 + legend::min_width(entries));
    let bottom = spans.last().map_or(MARGIN, |s| s.1);
    let bands = bands(graph, &spans, labels, width);
    let mut obstacles: Vec<Rect> = boxes.iter().map(|b| b.rect).collect();
    obstacles.extend(frame(MARGIN, column, width - MARGIN, bottom));
    let badges = place::badges(&paths, numbers, &obstacles);
    let stranded = badges.iter().filter(|b| b.is_none()).count();
    let (badges, width) = strand(badges, numbers, width, MARGIN + FIRST_PAD);
    let texts: Vec<String> = graph.edges.iter().map(|e| e.label.clone()).collect();
    let markers = place::labels(&paths, &texts, &badges, &obstacles);
    let legend = legend::layout(entries.to_vec(), MARGIN, width - MARGIN, bottom + LEGEND_GAP);
    let height = (legend.rect.bottom() + MARGIN).max(bottom + MARGIN);
    Layout { width, height, column, bands, boxes, paths, markers, legend, stranded }
}

/// The measured boxes at their places; `left` is where the drawing area begins.
fn place_boxes(graph: &Graph, measured: &[NodeBox], columns: &xpos::Columns, rows: &Rows, left: f64) -> Vec<NodeBox> {
    graph
        .nodes
        .iter()
        .zip(measured)
        .enumerate()
        .map(|(n, (node, b))| {
            let x = left + columns.center.get(&(node.layer, Slot::Node(n))).copied().unwrap_or(0.0) - b.rect.w / 2.0;
            NodeBox { rect: Rect::new(x, rows.row_mid[node.layer] - b.rect.h / 2.0, b.rect.w, b.rect.h), ..b.clone() }
        })
        .collect()
}

/// Each band spans its layers, from the first one's top to the last one's bottom.
fn bands(graph: &Graph, spans: &[(f64, f64)], labels: Vec<Vec<String>>, width: f64) -> Vec<Band> {
    labels
        .into_iter()
        .enumerate()
        .map(|(band, label)| {
            let mine: Vec<&(f64, f64)> =
                spans.iter().zip(&graph.layers).filter(|(_, b)| **b == band).map(|(s, _)| s).collect();
            let top = mine.first().map_or(MARGIN, |s| s.0);
            let bottom = mine.last().map_or(top, |s| s.1);
            Band { rect: Rect::new(MARGIN, top, width - 2.0 * MARGIN, bottom - top), label }
        })
        .collect()
}

/// A box's text and size, at the origin.
fn measure(node: &Node) -> NodeBox {
    let mut name = text::wrap(&node.name, TEXT_MAX, NAME_SIZE);
    if name.is_empty() {
        name.push(node.id.clone());
    }
    let members = member_lines(&node.members);
    let widest = name
        .iter()
        .map(|line| text::width(line, NAME_SIZE))
        .chain(members.iter().map(|line| text::regular_width(line, MEMBER_SIZE)))
        .fold(0.0, f64::max);
    let member_height = if members.is_empty() { 0.0 } else { MEMBER_GAP + members.len() as f64 * MEMBER_LEAD };
    let height = 2.0 * PAD_Y + name.len() as f64 * NAME_LEAD + member_height;
    NodeBox { rect: Rect::new(0.0, 0.0, (widest + 2.0 * PAD_X).max(MIN_BOX_WIDTH), height), name, members }
}

/// Seats joined by middle dots, as many to a line as fit; a long seat wraps on its own.
fn member_lines(members: &[String]) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for member in members {
        let joined = format!("{line} · {member}");
        if !line.is_empty() && text::regular_width(&joined, MEMBER_SIZE) <= TEXT_MAX {
            line = joined;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        let mut wrapped = text::wrap(member, TEXT_MAX, MEMBER_SIZE);
        line = wrapped.pop().unwrap_or_default();
        lines.extend(wrapped);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

fn column_width(labels: &[Vec<String>]) -> f64 {
    let widest = labels.iter().flatten().map(|line| text::width(line, BAND_SIZE)).fold(0.0, f64::max);
    (widest + 2.0 * COLUMN_PAD).max(90.0)
}

/// The vertical positions of rows and tracks, and the top and bottom of each layer.
fn rows(plan: &Plan, row_heights: &[f64], loosen: f64) -> (Rows, Vec<(f64, f64)>) {
    let count = row_heights.len();
    let track = TRACK * loosen;
    let mut rows = Rows { row_mid: vec![0.0; count], under: vec![0.0; count], channel: vec![0.0; count], track };
    let mut spans: Vec<(f64, f64)> = Vec::with_capacity(count);
    let mut y = MARGIN + FIRST_PAD;
    let mut top = MARGIN;
    for (k, height) in row_heights.iter().enumerate() {
        rows.row_mid[k] = y + height / 2.0;
        y += height;
        rows.under[k] = y + UNDER_TOP * loosen;
        if let Some(tracks) = plan.under_tracks.get(k).filter(|t| **t > 0) {
            y += UNDER_TOP * loosen + (*tracks - 1) as f64 * track + UNDER_BOTTOM;
        }
        if k + 1 == count {
            y += LAST_PAD;
            spans.push((top, y));
            break;
        }
        let span = plan.channel_tracks.get(k).map_or(0, |t| t.saturating_sub(1)) as f64 * track;
        let height = (CHANNEL_MIN * loosen).max(2.0 * CHANNEL_MARGIN + span);
        rows.channel[k] = y + (height - span) / 2.0;
        spans.push((top, y + height / 2.0));
        top = y + height / 2.0;
        y += height;
    }
    (rows, spans)
}

/// Everything outside the area where flows run: the name column and beyond the edges.
fn frame(top: f64, column: f64, right: f64, bottom: f64) -> [Rect; 4] {
    const FAR: f64 = 1.0e5;
    [
        Rect::new(-FAR, -FAR, FAR + column, 2.0 * FAR),
        Rect::new(right, -FAR, FAR, 2.0 * FAR),
        Rect::new(-FAR, -FAR, 2.0 * FAR, FAR + top),
        Rect::new(-FAR, bottom, 2.0 * FAR, FAR),
    ]
}

/// Sets badges without a spot on their line in a column right of the drawing, widening it.
fn strand(badges: Vec<Option<Rect>>, numbers: &[String], width: f64, top: f64) -> (Vec<Rect>, f64) {
    let mut y = top;
    let mut extra: f64 = 0.0;
    let placed = badges
        .into_iter()
        .zip(numbers)
        .map(|(badge, number)| {
            badge.unwrap_or_else(|| {
                let w = place::badge_width(number);
                let rect = Rect::new(width, y, w, BADGE_HEIGHT);
                y += BADGE_HEIGHT + 6.0;
                extra = extra.max(w + MARGIN);
                rect
            })
        })
        .collect();
    (placed, width + extra)
}
