//! Horizontal positions of the slots: each band keeps its order and minimum gaps and is
//! pulled towards the slots it is linked to in the other bands (isotonic regression).

use std::collections::BTreeMap;

use super::beside::beside_capacity;
use super::graph::Graph;
use super::order::{Order, Slot, Spot};

/// Space between two boxes of a band that no flow runs between.
const BOX_GAP: f64 = 36.0;
/// Space next to a point where a flow passes through the band.
const PASS_GAP: f64 = 18.0;
/// Space between neighbouring boxes per flow drawn straight between them: room for its badge.
const BESIDE_GAP: f64 = 28.0;
/// Space between neighbouring boxes that have flows between them, before [`BESIDE_GAP`].
const BESIDE_BASE: f64 = 46.0;
/// Rounds of pulling bands towards each other.
const ROUNDS: usize = 6;

/// The centre of every slot, measured from the left edge of the drawing area, and that area's width.
#[derive(Debug)]
pub struct Columns {
    pub center: BTreeMap<Spot, f64>,
    pub width: f64,
}

/// Places the slots; `sizes[n]` is the width and height of node `n`'s box, `loosen` widens every gap.
pub fn place(graph: &Graph, order: &Order, sizes: &[(f64, f64)], loosen: f64) -> Columns {
    let slot_width = |slot: &Slot| match slot {
        Slot::Node(n) => sizes[*n].0,
        Slot::Dummy(_) => 0.0,
    };
    let seps: Vec<Vec<f64>> =
        order.layers.iter().map(|slots| separations(graph, slots, sizes, &slot_width, loosen)).collect();
    let width = order.layers.iter().zip(&seps).map(|(slots, sep)| extent(slots, sep, &slot_width)).fold(0.0, f64::max);
    let mut center = BTreeMap::new();
    for (k, slots) in order.layers.iter().enumerate() {
        let start =
            (width - extent(slots, &seps[k], &slot_width)) / 2.0 + slots.first().map_or(0.0, |s| slot_width(s) / 2.0);
        let offsets = offsets(&seps[k]);
        for (slot, offset) in slots.iter().zip(offsets) {
            center.insert((k, *slot), start + offset);
        }
    }
    let links: Vec<(Spot, Spot)> = order
        .chains
        .iter()
        .flat_map(|chain| chain.windows(2).map(|w| (w[0], w[1])))
        .filter(|(a, b)| a.0 != b.0)
        .collect();
    let sweep: Vec<usize> = (0..order.layers.len()).chain((0..order.layers.len()).rev()).collect();
    for _ in 0..ROUNDS {
        for &k in &sweep {
            pull(&mut center, k, &order.layers[k], &seps[k], &links, width, &slot_width);
        }
    }
    Columns { center, width }
}

/// Minimum centre-to-centre distances between neighbouring slots of one band.
fn separations(
    graph: &Graph,
    slots: &[Slot],
    sizes: &[(f64, f64)],
    slot_width: &dyn Fn(&Slot) -> f64,
    loosen: f64,
) -> Vec<f64> {
    let mut seps: Vec<f64> = slots
        .windows(2)
        .map(|pair| {
            let gap = if matches!(pair, [Slot::Node(_), Slot::Node(_)]) { BOX_GAP } else { PASS_GAP };
            (slot_width(&pair[0]) + slot_width(&pair[1])) / 2.0 + gap * loosen
        })
        .collect();
    // Neighbouring boxes, perhaps with pass-through points between them, need room for the
    // flows drawn straight between them; the missing room goes into the first gap.
    let nodes: Vec<(usize, usize)> = slots
        .iter()
        .enumerate()
        .filter_map(|(i, slot)| if let Slot::Node(n) = slot { Some((i, *n)) } else { None })
        .collect();
    for pair in nodes.windows(2) {
        let ((i, u), (j, v)) = (pair[0], pair[1]);
        let all = graph.edges.iter().filter(|e| (e.from, e.to) == (u, v) || (e.from, e.to) == (v, u)).count();
        let flows = all.min(beside_capacity(sizes, u, v));
        if flows == 0 {
            continue;
        }
        let need =
            (BESIDE_BASE + BESIDE_GAP * flows as f64) * loosen + (slot_width(&slots[i]) + slot_width(&slots[j])) / 2.0;
        let have: f64 = seps[i..j].iter().sum();
        if have < need {
            seps[i] += need - have;
        }
    }
    seps
}

/// Each slot's centre relative to the first slot's centre, at minimum separation.
fn offsets(seps: &[f64]) -> Vec<f64> {
    std::iter::once(0.0)
        .chain(seps.iter().scan(0.0, |sum, sep| {
            *sum += sep;
            Some(*sum)
        }))
        .collect()
}

/// The width of a band packed at minimum separations.
fn extent(slots: &[Slot], seps: &[f64], slot_width: &dyn Fn(&Slot) -> f64) -> f64 {
    let ends = slots.first().map_or(0.0, |s| slot_width(s) / 2.0) + slots.last().map_or(0.0, |s| slot_width(s) / 2.0);
    seps.iter().sum::<f64>() + ends
}

/// Moves band `k` as close as its order and gaps allow to the mean position of each slot's
/// partners in other bands (least squares), inside `0..width`.
fn pull(
    center: &mut BTreeMap<Spot, f64>,
    k: usize,
    slots: &[Slot],
    seps: &[f64],
    links: &[(Spot, Spot)],
    width: f64,
    slot_width: &dyn Fn(&Slot) -> f64,
) {
    let (Some(first), Some(last)) = (slots.first(), slots.last()) else { return };
    let offsets = offsets(seps);
    let wanted: Vec<f64> =
        slots.iter().zip(&offsets).map(|(slot, offset)| desired(center, (k, *slot), links) - offset).collect();
    let low = slot_width(first) / 2.0;
    let high = width - offsets[offsets.len() - 1] - slot_width(last) / 2.0;
    for ((slot, offset), base) in slots.iter().zip(&offsets).zip(isotonic(&wanted)) {
        center.insert((k, *slot), base.clamp(low, high.max(low)) + offset);
    }
}

/// The mean centre of a spot's partners in other bands, or its own centre if it has none.
fn desired(center: &BTreeMap<Spot, f64>, spot: Spot, links: &[(Spot, Spot)]) -> f64 {
    let partners: Vec<f64> = links
        .iter()
        .filter_map(|(a, b)| {
            if *a == spot {
                center.get(b)
            } else if *b == spot {
                center.get(a)
            } else {
                None
            }
        })
        .copied()
        .collect();
    if partners.is_empty() {
        center.get(&spot).copied().unwrap_or(0.0)
    } else {
        partners.iter().sum::<f64>() / partners.len() as f64
    }
}

/// The non-decreasing sequence closest to `values` in least squares (pool adjacent violators).
fn isotonic(values: &[f64]) -> Vec<f64> {
    let mut blocks: Vec<(f64, usize)> = Vec::new();
    for &value in values {
        blocks.push((value, 1));
        while let [.., (m1, n1), (m2, n2)] = blocks[..] {
            if m1 <= m2 {
                break;
            }
            blocks.truncate(blocks.len() - 2);
            let n = n1 + n2;
            blocks.push(((m1 * n1 as f64 + m2 * n2 as f64) / n as f64, n));
        }
    }
    blocks.into_iter().flat_map(|(mean, n)| std::iter::repeat_n(mean, n)).collect()
}

#[cfg(test)]
mod tests {
    use super::isotonic;

    #[test]
    fn isotonic_pools_violators() {
        assert_eq!(isotonic(&[1.0, 3.0, 2.0, 4.0]), [1.0, 2.5, 2.5, 4.0]);
        assert_eq!(isotonic(&[3.0, 2.0, 1.0]), [2.0, 2.0, 2.0]);
        assert!(isotonic(&[]).is_empty());
    }
}
