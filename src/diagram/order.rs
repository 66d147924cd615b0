//! The order of the boxes within each layer (row of boxes): barycenter sweeps, then neighbour swaps
//! while they make the drawing cheaper (fewer crossings, shorter flows).

use std::collections::BTreeMap;

use super::graph::Graph;

/// One place in a layer: a box, or the point where a flow that skips the layer passes through it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Slot {
    Node(usize),
    /// Edge index: a flow between non-neighbouring layers crosses this layer here.
    Dummy(usize),
}

/// A layer and a slot in it.
pub type Spot = (usize, Slot);

#[derive(Debug)]
pub struct Order {
    /// The slots of each layer, left to right.
    pub layers: Vec<Vec<Slot>>,
    /// Per edge, the spots it passes from its source to its target.
    pub chains: Vec<Vec<Spot>>,
}

/// Sweeps tried before the swaps; more rarely helps on graphs of this size.
const SWEEPS: usize = 4;
/// Bound on the rounds of neighbour swaps, so that the work stays small.
const SWAP_ROUNDS: usize = 12;

pub fn order(graph: &Graph) -> Order {
    let chains: Vec<Vec<Spot>> = graph.edges.iter().enumerate().map(|(e, _)| chain(graph, e)).collect();
    let links: Vec<(Spot, Spot)> = chains.iter().flat_map(|chain| chain.windows(2).map(|w| (w[0], w[1]))).collect();
    let mut bands: Vec<Vec<Slot>> = vec![Vec::new(); graph.layers.len()];
    for (n, node) in graph.nodes.iter().enumerate() {
        bands[node.layer].push(Slot::Node(n));
    }
    for &(band, slot) in chains.iter().flat_map(|chain| chain.iter()) {
        if matches!(slot, Slot::Dummy(_)) {
            bands[band].push(slot);
        }
    }
    let mut best = (cost(&bands, &links), bands.clone());
    for _ in 0..SWEEPS {
        let down: Vec<usize> = (0..bands.len()).collect();
        for k in down.iter().chain(down.iter().rev()) {
            sweep(&mut bands, *k, &links);
        }
        let now = cost(&bands, &links);
        if now < best.0 {
            best = (now, bands.clone());
        }
    }
    let mut bands = best.1;
    improve(&mut bands, &links);
    Order { layers: bands, chains }
}

/// The spots of edge `e`: its source, one dummy per layer it skips, its target.
fn chain(graph: &Graph, e: usize) -> Vec<Spot> {
    let edge = &graph.edges[e];
    let (from, to) = (graph.nodes[edge.from].layer, graph.nodes[edge.to].layer);
    let mut spots = vec![(from, Slot::Node(edge.from))];
    let mut band = from;
    while band.abs_diff(to) > 1 {
        band = if to > band { band + 1 } else { band - 1 };
        spots.push((band, Slot::Dummy(e)));
    }
    spots.push((to, Slot::Node(edge.to)));
    spots
}

/// Index and relative position (0..1) of a spot in its layer.
type Place = (usize, f64);

/// Index and relative position of every spot.
fn positions(bands: &[Vec<Slot>]) -> BTreeMap<Spot, Place> {
    let mut out = BTreeMap::new();
    for (k, slots) in bands.iter().enumerate() {
        for (i, slot) in slots.iter().enumerate() {
            out.insert((k, *slot), (i, (i as f64 + 0.5) / slots.len() as f64));
        }
    }
    out
}

/// Sorts band `k` by the mean relative position of each slot's link partners.
fn sweep(bands: &mut [Vec<Slot>], k: usize, links: &[(Spot, Spot)]) {
    let pos = positions(bands);
    let rel = |spot: &Spot| pos.get(spot).map_or(0.5, |p| p.1);
    let mut keyed: Vec<(f64, Slot)> = bands[k]
        .iter()
        .map(|&slot| {
            let partners: Vec<f64> = links
                .iter()
                .filter_map(|(a, b)| {
                    if *a == (k, slot) {
                        Some(rel(b))
                    } else if *b == (k, slot) {
                        Some(rel(a))
                    } else {
                        None
                    }
                })
                .collect();
            let key = if partners.is_empty() {
                rel(&(k, slot))
            } else {
                partners.iter().sum::<f64>() / partners.len() as f64
            };
            (key, slot)
        })
        .collect();
    keyed.sort_by(|a, b| a.0.total_cmp(&b.0));
    bands[k] = keyed.into_iter().map(|(_, slot)| slot).collect();
}

/// Swaps neighbours in a band while that lowers the cost.
fn improve(bands: &mut [Vec<Slot>], links: &[(Spot, Spot)]) {
    let mut current = cost(bands, links);
    for _ in 0..SWAP_ROUNDS {
        let mut better = false;
        for k in 0..bands.len() {
            for i in 1..bands[k].len() {
                bands[k].swap(i - 1, i);
                let now = cost(bands, links);
                if now < current - 1e-9 {
                    current = now;
                    better = true;
                } else {
                    bands[k].swap(i - 1, i);
                }
            }
        }
        if !better {
            break;
        }
    }
}

/// What an order costs: crossings between bands weigh most, then boxes that a flow inside a
/// band has to pass around, then how far flows lean sideways.
fn cost(bands: &[Vec<Slot>], links: &[(Spot, Spot)]) -> f64 {
    let pos = positions(bands);
    let at = |spot: &Spot| pos.get(spot).copied().unwrap_or((0, 0.5));
    // (upper layer, (index, relative position) of the upper end, the same of the lower end)
    let mut inter: Vec<(usize, Place, Place)> = Vec::new();
    let mut total = 0.0;
    for (a, b) in links {
        if a.0 == b.0 {
            total += 4.0 * between(&bands[a.0], at(a).0, at(b).0) as f64;
        } else {
            // Normalised so that the first end is in the upper band.
            let (upper, lower) = if a.0 < b.0 { (a, b) } else { (b, a) };
            total += (at(upper).1 - at(lower).1).abs();
            inter.push((upper.0, at(upper), at(lower)));
        }
    }
    for (i, first) in inter.iter().enumerate() {
        for second in &inter[i + 1..] {
            let crossing = first.0 == second.0
                && (first.1.0 as i64 - second.1.0 as i64) * (first.2.0 as i64 - second.2.0 as i64) < 0;
            if crossing {
                total += 10.0;
            }
        }
    }
    total
}

/// How many boxes lie strictly between two places of a band; a self-loop counts as one.
fn between(slots: &[Slot], a: usize, b: usize) -> usize {
    if a == b {
        return 1;
    }
    let (low, high) = (a.min(b), a.max(b));
    slots[low + 1..high].iter().filter(|slot| matches!(slot, Slot::Node(_))).count()
}
