//! Routes of the flows: ports on the box sides, tracks in the channels between and below the
//! layers (rows of boxes), and the orthogonal polylines that result. Boxes never lie on a
//! route: flows between layers run vertically in gaps and horizontally in channels, flows
//! inside a layer either straight to the neighbouring box or through the channel under the row.

use std::collections::BTreeMap;

use super::beside::{BESIDE_EDGE, BESIDE_STEP, beside_capacity};
use super::geom::{Point, Rect, simplify};
use super::graph::Graph;
use super::order::{Order, Slot, Spot};
use super::xpos::Columns;

/// Horizontal distance kept between two flows that share a track.
const TRACK_SEP: f64 = 24.0;
/// Pins closer than this count as the same x when tracks are ordered.
const PIN_CLEAR: f64 = 4.0;

/// How one flow runs, before the vertical positions are known.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// Neighbours in one layer: a horizontal line `dy` below the middle of the row.
    Beside { layer: usize, dy: f64 },
    /// Inside one layer, around the boxes between: down from `xa`, along `track` in the
    /// channel under the row, up into `xb`.
    Under { layer: usize, xa: f64, xb: f64, track: usize },
    /// Across layers: the x of each spot of the chain (ports at both ends) and the track in
    /// each channel passed; `None` where the flow goes straight down.
    Across { xs: Vec<f64>, layers: Vec<usize>, tracks: Vec<Option<usize>> },
}

#[derive(Debug)]
pub struct Plan {
    pub shapes: Vec<Shape>,
    /// Tracks used in the channel between layer k and layer k + 1.
    pub channel_tracks: Vec<usize>,
    /// Tracks used in the channel under layer k's row.
    pub under_tracks: Vec<usize>,
}

/// Vertical positions the polylines need.
#[derive(Debug)]
pub struct Rows {
    pub row_mid: Vec<f64>,
    /// y of track 0 under each row.
    pub under: Vec<f64>,
    /// y of track 0 in the channel below each layer.
    pub channel: Vec<f64>,
    pub track: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Side {
    Top,
    Bottom,
}

/// Which end of an edge a port belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum End {
    From,
    To,
}

/// A port before it has its x: where the flow heads for, the edge, and which end.
type Port = (f64, usize, End);

/// A stretch of a flow in one channel, between its upper and its lower x.
struct Hop {
    upper: f64,
    lower: f64,
}

/// Decides how every flow runs: side by side, under its row, or across layers, with its ports and tracks.
pub fn plan(graph: &Graph, order: &Order, columns: &Columns, sizes: &[(f64, f64)]) -> Plan {
    let index: BTreeMap<Spot, usize> = order
        .layers
        .iter()
        .enumerate()
        .flat_map(|(k, slots)| slots.iter().enumerate().map(move |(i, s)| ((k, *s), i)))
        .collect();
    let beside: Vec<bool> = (0..graph.edges.len()).map(|e| is_beside(graph, order, &index, sizes, e)).collect();
    let ports = ports(graph, order, columns, sizes, &beside);
    let x_of = |spot: &Spot| columns.center.get(spot).copied().unwrap_or(0.0);
    let mut shapes: Vec<Shape> = Vec::with_capacity(graph.edges.len());
    for (e, edge) in graph.edges.iter().enumerate() {
        let chain = &order.chains[e];
        let (xa, xb) = (ports.get(&(e, End::From)).copied(), ports.get(&(e, End::To)).copied());
        let layer = graph.nodes[edge.from].layer;
        shapes.push(match (beside[e], chain.len()) {
            (true, _) => Shape::Beside { layer, dy: beside_offset(graph, sizes, e) },
            (false, 2) if chain[0].0 == chain[1].0 => {
                Shape::Under { layer, xa: xa.unwrap_or(0.0), xb: xb.unwrap_or(0.0), track: 0 }
            }
            _ => {
                let mut xs: Vec<f64> = chain.iter().map(x_of).collect();
                let last = xs.len() - 1;
                xs[0] = xa.unwrap_or(xs[0]);
                xs[last] = xb.unwrap_or(xs[last]);
                Shape::Across { xs, layers: chain.iter().map(|spot| spot.0).collect(), tracks: vec![None; last] }
            }
        });
    }
    let channel_tracks = assign_channels(&mut shapes, graph.layers.len());
    let under_tracks = assign_unders(&mut shapes, graph.layers.len());
    Plan { shapes, channel_tracks, under_tracks }
}

/// Whether edge `e` joins two different boxes of one layer with no box between them, and
/// is among the first flows between them, as many as fit side by side.
fn is_beside(graph: &Graph, order: &Order, index: &BTreeMap<Spot, usize>, sizes: &[(f64, f64)], e: usize) -> bool {
    let edge = &graph.edges[e];
    let (rank, _) = pair_rank(graph, e);
    if rank >= beside_capacity(sizes, edge.from, edge.to) {
        return false;
    }
    let layer = graph.nodes[edge.from].layer;
    if edge.from == edge.to || layer != graph.nodes[edge.to].layer {
        return false;
    }
    let (Some(&a), Some(&b)) = (index.get(&(layer, Slot::Node(edge.from))), index.get(&(layer, Slot::Node(edge.to))))
    else {
        return false;
    };
    order.layers[layer][a.min(b) + 1..a.max(b)].iter().all(|slot| matches!(slot, Slot::Dummy(_)))
}

/// The vertical offset of a flow between neighbours: flows between the same pair are spread
/// over the smaller box's height, so that opposite directions never coincide.
fn beside_offset(graph: &Graph, sizes: &[(f64, f64)], e: usize) -> f64 {
    let edge = &graph.edges[e];
    let (rank, count) = pair_rank(graph, e);
    let n = count.min(beside_capacity(sizes, edge.from, edge.to)) as f64;
    let room = sizes[edge.from].1.min(sizes[edge.to].1) - 2.0 * BESIDE_EDGE;
    let step = if n > 1.0 { BESIDE_STEP.min(room / (n - 1.0)) } else { 0.0 };
    (rank as f64 - (n - 1.0) / 2.0) * step
}

/// The place of edge `e` among the edges between its two nodes (either direction), and their number.
fn pair_rank(graph: &Graph, e: usize) -> (usize, usize) {
    let pair = |from: usize, to: usize| (from.min(to), from.max(to));
    let own = pair(graph.edges[e].from, graph.edges[e].to);
    let same: Vec<usize> =
        (0..graph.edges.len()).filter(|&o| pair(graph.edges[o].from, graph.edges[o].to) == own).collect();
    (same.iter().position(|&o| o == e).unwrap_or(0), same.len())
}

/// Spreads the ports on each top and bottom side evenly, ordered by where their flow goes.
fn ports(
    graph: &Graph,
    order: &Order,
    columns: &Columns,
    sizes: &[(f64, f64)],
    beside: &[bool],
) -> BTreeMap<(usize, End), f64> {
    let x_of = |spot: &Spot| columns.center.get(spot).copied().unwrap_or(0.0);
    let node_x = |n: usize| x_of(&(graph.nodes[n].layer, Slot::Node(n)));
    // Per box side: the x each flow heads for, the flow and which of its ends is here.
    let mut sides: BTreeMap<(usize, Side), Vec<Port>> = BTreeMap::new();
    for (e, edge) in graph.edges.iter().enumerate() {
        let chain = &order.chains[e];
        if beside[e] {
            continue;
        }
        let (from_side, to_side, from_key, to_key) = if chain.len() == 2 && chain[0].0 == chain[1].0 {
            // A self-loop leaves on the left and comes back on the right.
            let nudge = if edge.from == edge.to { 1.0 } else { 0.0 };
            (Side::Bottom, Side::Bottom, node_x(edge.to) - nudge, node_x(edge.from) + nudge)
        } else {
            let down = chain[chain.len() - 1].0 > chain[0].0;
            let (leave, arrive) = if down { (Side::Bottom, Side::Top) } else { (Side::Top, Side::Bottom) };
            (leave, arrive, x_of(&chain[1]), x_of(&chain[chain.len() - 2]))
        };
        sides.entry((edge.from, from_side)).or_default().push((from_key, e, End::From));
        sides.entry((edge.to, to_side)).or_default().push((to_key, e, End::To));
    }
    let mut ports = BTreeMap::new();
    for ((node, _), list) in sides {
        let width = sizes[node].0;
        spread(&mut ports, list, node_x(node) - width / 2.0, width);
    }
    ports
}

/// Spaces the ports of one side evenly along it, in the order of where their flows head.
fn spread(ports: &mut BTreeMap<(usize, End), f64>, mut list: Vec<Port>, left: f64, width: f64) {
    list.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let n = list.len() as f64;
    for (i, (_, e, end)) in list.into_iter().enumerate() {
        ports.insert((e, end), left + width * (i as f64 + 1.0) / (n + 1.0));
    }
}

/// Gives every stretch of a flow between two layers a track; returns the tracks per channel.
fn assign_channels(shapes: &mut [Shape], layers: usize) -> Vec<usize> {
    let mut counts = vec![0; layers.saturating_sub(1)];
    for (k, count) in counts.iter_mut().enumerate() {
        let mut members: Vec<(usize, usize)> = Vec::new();
        let mut hops: Vec<Hop> = Vec::new();
        for (e, shape) in shapes.iter().enumerate() {
            let Shape::Across { xs, layers, .. } = shape else { continue };
            for j in 0..layers.len() - 1 {
                if layers[j].min(layers[j + 1]) == k {
                    let (upper, lower) =
                        if layers[j] < layers[j + 1] { (xs[j], xs[j + 1]) } else { (xs[j + 1], xs[j]) };
                    members.push((e, j));
                    hops.push(Hop { upper, lower });
                }
            }
        }
        let (tracks, used) = assign(&hops, Channel::Between);
        *count = used;
        for ((e, j), track) in members.into_iter().zip(tracks) {
            if let Shape::Across { tracks, .. } = &mut shapes[e] {
                tracks[j] = track;
            }
        }
    }
    counts
}

/// Gives every flow under a row a track; returns the tracks per layer.
fn assign_unders(shapes: &mut [Shape], layers: usize) -> Vec<usize> {
    let mut counts = vec![0; layers];
    for (k, count) in counts.iter_mut().enumerate() {
        let members: Vec<usize> = shapes
            .iter()
            .enumerate()
            .filter(|(_, s)| matches!(s, Shape::Under { layer, .. } if *layer == k))
            .map(|(e, _)| e)
            .collect();
        let hops: Vec<Hop> = members
            .iter()
            .filter_map(|&e| match &shapes[e] {
                Shape::Under { xa, xb, .. } => Some(Hop { upper: *xa, lower: *xb }),
                _ => None,
            })
            .collect();
        let (tracks, used) = assign(&hops, Channel::Under);
        *count = used;
        for (e, assigned) in members.into_iter().zip(tracks) {
            if let Shape::Under { track, .. } = &mut shapes[e] {
                *track = assigned.unwrap_or(0);
            }
        }
    }
    counts
}

/// Which kind of channel tracks are assigned in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Channel {
    /// Between two layers: a flow comes down from its upper x and goes on down at its lower x.
    Between,
    /// Under a row: both ends of a flow come down from boxes in the row.
    Under,
}

/// Left-edge track assignment: fills tracks from the top, leftmost stretch first, but puts a
/// stretch only below those that should lie above it (fewer crossings, and never two vertical
/// legs on top of each other). Straight stretches between layers need no track.
fn assign(hops: &[Hop], channel: Channel) -> (Vec<Option<usize>>, usize) {
    let mut track: Vec<Option<usize>> = vec![None; hops.len()];
    let straight = |i: usize| channel == Channel::Between && (hops[i].upper - hops[i].lower).abs() < 0.01;
    let span = |i: usize| (hops[i].upper.min(hops[i].lower), hops[i].upper.max(hops[i].lower));
    let mut waiting: Vec<usize> = (0..hops.len()).filter(|&i| !straight(i)).collect();
    waiting.sort_by(|&a, &b| span(a).0.total_cmp(&span(b).0).then(span(a).1.total_cmp(&span(b).1)).then(a.cmp(&b)));
    let near = |i: usize, j: usize| span(i).0 <= span(j).1 + TRACK_SEP && span(j).0 <= span(i).1 + TRACK_SEP;
    let above = |i: usize, j: usize| i != j && near(i, j) && cost(hops, channel, i, j) < cost(hops, channel, j, i);
    let mut t = 0;
    while !waiting.is_empty() {
        let mut reach = f64::NEG_INFINITY;
        let mut placed = Vec::new();
        for &i in &waiting {
            let ready = waiting.iter().all(|&p| !above(p, i) || track[p].is_some_and(|tp| tp < t));
            if ready && span(i).0 > reach + TRACK_SEP {
                track[i] = Some(t);
                reach = span(i).1;
                placed.push(i);
            }
        }
        if placed.is_empty() {
            // A cycle of preferences: take the leftmost anyway rather than loop.
            track[waiting[0]] = Some(t);
            placed.push(waiting[0]);
        }
        waiting.retain(|i| !placed.contains(i));
        t += 1;
    }
    (track, t)
}

/// What it costs to put stretch `i` on a higher track than `j`: the crossings that causes,
/// and far more for vertical legs that would run on top of each other.
fn cost(hops: &[Hop], channel: Channel, i: usize, j: usize) -> u32 {
    let inside = |x: f64, h: &Hop| x > h.upper.min(h.lower) + 0.01 && x < h.upper.max(h.lower) - 0.01;
    let (a, b) = (&hops[i], &hops[j]);
    match channel {
        // Of `i` (higher) only the lower leg crosses `j`'s track; of `j` only the upper leg crosses `i`'s.
        Channel::Between => {
            u32::from(inside(a.lower, b))
                + u32::from(inside(b.upper, a))
                + 100 * u32::from((a.lower - b.upper).abs() < PIN_CLEAR)
        }
        // Both legs of `j` (lower) come down past `i`'s track.
        Channel::Under => u32::from(inside(b.upper, a)) + u32::from(inside(b.lower, a)),
    }
}

/// The polyline of every flow, from the border of its source box to the border of its target;
/// `left` is where the drawing area (x = 0 in the plan) begins.
pub fn paths(graph: &Graph, plan: &Plan, boxes: &[Rect], rows: &Rows, left: f64) -> Vec<Vec<Point>> {
    graph
        .edges
        .iter()
        .zip(&plan.shapes)
        .map(|(edge, shape)| {
            let (a, b) = (boxes[edge.from], boxes[edge.to]);
            simplify(match shape {
                Shape::Beside { layer, dy } => {
                    let y = rows.row_mid[*layer] + dy;
                    if a.x < b.x {
                        vec![Point::new(a.right(), y), Point::new(b.x, y)]
                    } else {
                        vec![Point::new(a.x, y), Point::new(b.right(), y)]
                    }
                }
                Shape::Under { layer, xa, xb, track } => {
                    let y = rows.under[*layer] + *track as f64 * rows.track;
                    let (xa, xb) = (xa + left, xb + left);
                    vec![Point::new(xa, a.bottom()), Point::new(xa, y), Point::new(xb, y), Point::new(xb, b.bottom())]
                }
                Shape::Across { xs, layers, tracks } => {
                    let xs: Vec<f64> = xs.iter().map(|x| x + left).collect();
                    across(&xs, layers, tracks, a, b, rows)
                }
            })
        })
        .collect()
}

fn across(xs: &[f64], layers: &[usize], tracks: &[Option<usize>], a: Rect, b: Rect, rows: &Rows) -> Vec<Point> {
    let down = layers[layers.len() - 1] > layers[0];
    let mut points = vec![Point::new(xs[0], if down { a.bottom() } else { a.y })];
    for (j, track) in tracks.iter().enumerate() {
        if let Some(t) = track {
            let y = rows.channel[layers[j].min(layers[j + 1])] + *t as f64 * rows.track;
            points.push(Point::new(xs[j], y));
            points.push(Point::new(xs[j + 1], y));
        }
    }
    points.push(Point::new(xs[xs.len() - 1], if down { b.y } else { b.bottom() }));
    points
}
