//! Where each flow's numbered badge, and where there is room its label, goes: a greedy search
//! along the flow's own line for a spot that overlaps no box, no other badge and no other label.

use super::geom::{Point, Rect, distance};
use super::text;

pub const BADGE_HEIGHT: f64 = 20.0;
pub const BADGE_SIZE: f64 = 11.0;
pub const LABEL_SIZE: f64 = 11.5;
pub const LABEL_HEIGHT: f64 = BADGE_HEIGHT;
/// Labels wider than this stay in the list only.
const LABEL_MAX: f64 = 190.0;
/// Free space kept around badges and labels.
const CLEAR: f64 = 2.0;
/// Badges keep this far (along the line) from the arrowhead and from the start.
const HEAD_CLEAR: f64 = 20.0;
const TAIL_CLEAR: f64 = 8.0;
/// A label on its own line keeps this much of the line visible on either side, so that
/// the line's corners stay clear.
const INLINE_MARGIN: f64 = 8.0;
/// Distance between tried spots along a line.
const STEP: f64 = 3.0;

/// A flow's number on its line, and its label beside the number where it fits.
#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    pub badge: Rect,
    pub label: Option<Rect>,
}

/// Places one badge per path, in order; `None` for a badge that finds no free spot on its line.
/// `obstacles` are the boxes and anything else no badge may cover.
pub fn badges(paths: &[Vec<Point>], numbers: &[String], obstacles: &[Rect]) -> Vec<Option<Rect>> {
    let mut placed: Vec<Rect> = Vec::with_capacity(paths.len());
    let mut out = Vec::with_capacity(paths.len());
    for (e, path) in paths.iter().enumerate() {
        let width = badge_width(&numbers[e]);
        let free = |r: &Rect| {
            let grown = r.grow(CLEAR);
            !obstacles.iter().chain(&placed).any(|o| o.overlaps(&grown))
        };
        let mut best: Option<(usize, Rect)> = None;
        for point in candidates(path) {
            let rect = Rect::centered(point, width, BADGE_HEIGHT);
            if !free(&rect) {
                continue;
            }
            let cost = crossings(paths, e, &rect.grow(1.0));
            if best.is_none_or(|(c, _)| cost < c) {
                best = Some((cost, rect));
            }
            if cost == 0 {
                break;
            }
        }
        let spot = best.map(|(_, rect)| rect);
        placed.extend(spot);
        out.push(spot);
    }
    out
}

/// Gives each flow whose label fits a label beside its badge: at the badge's spot, or at the
/// first free spot along its line where badge and label fit together. A badge only moves to a
/// spot where it covers no more lines than before; without room it stays, and has no label.
pub fn labels(paths: &[Vec<Point>], texts: &[String], badges: &[Rect], obstacles: &[Rect]) -> Vec<Marker> {
    let mut markers: Vec<Marker> = badges.iter().map(|badge| Marker { badge: *badge, label: None }).collect();
    for (e, text) in texts.iter().enumerate() {
        let width = text::regular_width(text, LABEL_SIZE) + 10.0;
        if width > LABEL_MAX || text.trim().is_empty() {
            continue;
        }
        let taken: Vec<Rect> = obstacles
            .iter()
            .copied()
            .chain(
                markers
                    .iter()
                    .enumerate()
                    .filter(|(o, _)| *o != e)
                    .flat_map(|(_, m)| std::iter::once(m.badge).chain(m.label)),
            )
            .collect();
        let own = markers[e].badge;
        let limit = crossings(paths, e, &own.grow(1.0));
        let spots = std::iter::once(own.center()).chain(candidates(&paths[e]));
        for point in spots {
            let badge = Rect::centered(point, own.w, own.h);
            let grown = badge.grow(CLEAR);
            if taken.iter().any(|t| t.overlaps(&grown)) || crossings(paths, e, &badge.grow(1.0)) > limit {
                continue;
            }
            if let Some(label) = label_spot(paths, e, width, &badge, &taken) {
                markers[e] = Marker { badge, label: Some(label) };
                break;
            }
        }
    }
    markers
}

/// A label to the right of the badge, else to its left, if either is free.
fn label_spot(paths: &[Vec<Point>], e: usize, width: f64, badge: &Rect, taken: &[Rect]) -> Option<Rect> {
    let y = badge.center().y - LABEL_HEIGHT / 2.0;
    let sides = [
        Rect::new(badge.right() + 1.0, y, width, LABEL_HEIGHT),
        Rect::new(badge.x - 1.0 - width, y, width, LABEL_HEIGHT),
    ];
    sides.into_iter().find(|rect| {
        let grown = rect.grow(CLEAR);
        !taken.iter().any(|t| t.overlaps(&grown))
            && crossings(paths, e, &grown) == 0
            && inline(&paths[e], badge, &grown)
    })
}

/// Whether a label may sit here on its own line: it touches only the segment its badge is on,
/// that segment is horizontal, and it runs through the whole label (the label interrupts it).
fn inline(path: &[Point], badge: &Rect, label: &Rect) -> bool {
    let c = badge.center();
    // The arrowhead stays visible.
    if path.last().is_some_and(|tip| label.grow(HEAD_CLEAR).hits_segment(*tip, *tip)) {
        return false;
    }
    path.windows(2).all(|s| {
        if !label.hits_segment(s[0], s[1]) {
            return true;
        }
        let horizontal = (s[0].y - s[1].y).abs() < 0.01 && (s[0].y - c.y).abs() < 0.01;
        horizontal && s[0].x.min(s[1].x) < label.x - INLINE_MARGIN && s[0].x.max(s[1].x) > label.right() + INLINE_MARGIN
    })
}

pub fn badge_width(number: &str) -> f64 {
    (text::width(number, BADGE_SIZE) + 8.0).max(BADGE_HEIGHT)
}

/// How many other flows' lines the rectangle covers.
fn crossings(paths: &[Vec<Point>], own: usize, rect: &Rect) -> usize {
    paths
        .iter()
        .enumerate()
        .filter(|(e, _)| *e != own)
        .map(|(_, path)| path.windows(2).filter(|s| rect.hits_segment(s[0], s[1])).count())
        .sum()
}

/// Spots along the line, every few units, nearest first to the middle of its longest segment
/// (the calmest place to read a number); none near the ends.
fn candidates(path: &[Point]) -> Vec<Point> {
    let total: f64 = path.windows(2).map(|s| distance(s[0], s[1])).sum();
    let mut spots: Vec<(f64, Point)> = Vec::new();
    let mut walked = 0.0;
    let mut preferred = (0.0, total / 2.0);
    for s in path.windows(2) {
        let length = distance(s[0], s[1]);
        if length > preferred.0 {
            preferred = (length, walked + length / 2.0);
        }
        let steps = (length / STEP).floor() as usize;
        for i in 0..=steps {
            let along = walked + i as f64 * STEP;
            if along >= TAIL_CLEAR && along <= total - HEAD_CLEAR {
                let t = if length > 0.0 { (i as f64 * STEP) / length } else { 0.0 };
                spots.push((along, Point::new(s[0].x + (s[1].x - s[0].x) * t, s[0].y + (s[1].y - s[0].y) * t)));
            }
        }
        walked += length;
    }
    spots.sort_by(|a, b| (a.0 - preferred.1).abs().total_cmp(&(b.0 - preferred.1).abs()).then(a.0.total_cmp(&b.0)));
    spots.into_iter().map(|(_, p)| p).collect()
}
