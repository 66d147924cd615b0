//! Flows drawn side by side between two neighbouring boxes: how far apart they run and how
//! many fit, shared by the column placement and the routing.

/// Vertical distance between flows drawn side by side between neighbouring boxes, at most and at least.
pub const BESIDE_STEP: f64 = 16.0;
pub const BESIDE_MIN: f64 = 11.0;
/// Flows side by side keep this far from the top and bottom corners of the smaller box.
pub const BESIDE_EDGE: f64 = 9.0;

/// How many flows fit side by side between two boxes, [`BESIDE_MIN`] apart; the rest go under.
pub fn beside_capacity(sizes: &[(f64, f64)], a: usize, b: usize) -> usize {
    let room = sizes[a].1.min(sizes[b].1) - 2.0 * BESIDE_EDGE;
    1 + (room.max(0.0) / BESIDE_MIN).floor() as usize
}
