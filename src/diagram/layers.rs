//! Rows of boxes within a band: a band too wide for one row on a laptop screen gets several,
//! with the boxes that have flows to the bands above in its top row and those with flows to
//! the bands below in its bottom row.

use std::collections::VecDeque;

use super::graph::Graph;

/// Widest row, boxes and gaps, before a band gets another row.
const ROW_MAX: f64 = 980.0;
/// What a gap between two boxes adds, roughly, to a row's width.
const GAP_ESTIMATE: f64 = 64.0;
/// Bands with fewer boxes keep one row whatever their width.
const MIN_TO_SPLIT: usize = 4;

/// Assigns every node its layer and the graph its layers; `widths[n]` is node `n`'s box width.
pub fn split(graph: &mut Graph, widths: &[f64]) {
    let mut layers = Vec::new();
    for band in 0..graph.bands.len() {
        let members: Vec<usize> = (0..graph.nodes.len()).filter(|&n| graph.nodes[n].band == band).collect();
        let total: f64 = members.iter().map(|&n| widths[n] + GAP_ESTIMATE).sum();
        let rows =
            if members.len() < MIN_TO_SPLIT { 1 } else { ((total / ROW_MAX).ceil() as usize).clamp(1, members.len()) };
        let first = layers.len();
        layers.extend(std::iter::repeat_n(band, rows));
        let sorted = by_direction(graph, band, &members);
        let target = total / rows as f64;
        let (mut row, mut filled) = (0, 0.0);
        for n in sorted {
            let width = widths[n] + GAP_ESTIMATE;
            if filled > 0.0 && filled + width / 2.0 > target * (row + 1) as f64 && row + 1 < rows {
                row += 1;
            }
            filled += width;
            graph.nodes[n].layer = first + row;
        }
    }
    graph.layers = layers;
}

/// The members of a band, those near flows upwards first and those near flows downwards
/// last; nearness counts steps along the flows inside the band.
fn by_direction(graph: &Graph, band: usize, members: &[usize]) -> Vec<usize> {
    let far = members.len() as i64 + 1;
    let up = distances(graph, band, members, |other| other < band);
    let down = distances(graph, band, members, |other| other > band);
    let mut keyed: Vec<(i64, usize)> = members
        .iter()
        .zip(up.iter().zip(&down))
        .map(|(&n, (u, d))| (u.map_or(far, |u| u as i64) - d.map_or(far, |d| d as i64), n))
        .collect();
    keyed.sort();
    keyed.into_iter().map(|(_, n)| n).collect()
}

/// For each member, the number of flows inside the band to the nearest member with a flow to
/// a band for which `wanted` holds; `None` if there is none.
fn distances(graph: &Graph, band: usize, members: &[usize], wanted: impl Fn(usize) -> bool) -> Vec<Option<usize>> {
    let position = |n: usize| members.iter().position(|&m| m == n);
    let mut distance: Vec<Option<usize>> = vec![None; members.len()];
    let mut queue = VecDeque::new();
    for edge in &graph.edges {
        for (near, far) in [(edge.from, edge.to), (edge.to, edge.from)] {
            if graph.nodes[near].band == band
                && wanted(graph.nodes[far].band)
                && let Some(i) = position(near)
                && distance[i].is_none()
            {
                distance[i] = Some(0);
                queue.push_back(i);
            }
        }
    }
    while let Some(i) = queue.pop_front() {
        let here = members[i];
        for edge in &graph.edges {
            let next = if edge.from == here {
                edge.to
            } else if edge.to == here {
                edge.from
            } else {
                continue;
            };
            if let Some(j) = position(next).filter(|&j| distance[j].is_none()) {
                distance[j] = distance[i].map(|d| d + 1);
                queue.push_back(j);
            }
        }
    }
    distance
}
