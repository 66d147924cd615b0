//! Scales and ticks for the line charts: "nice" number steps and quarter-start dates.

use super::text::{truncate, width};
use crate::model::Date;

/// Maps a domain interval linearly onto a pixel interval (either may be reversed).
#[derive(Debug, Clone, Copy)]
pub struct Scale {
    pub domain: (f64, f64),
    pub range: (f64, f64),
}

impl Scale {
    pub fn map(self, value: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if (d1 - d0).abs() < f64::EPSILON { (r0 + r1) / 2.0 } else { r0 + (value - d0) / (d1 - d0) * (r1 - r0) }
    }
}

/// Round ticks (1, 2, 2.5 or 5 × 10ⁿ apart) covering `lo..=hi`, at most `max_count` of
/// them; the first and last tick enclose the data. Assumes finite input.
pub fn nice_ticks(lo: f64, hi: f64, max_count: usize) -> Vec<f64> {
    let (lo, hi) = if hi - lo < 1e-9 { (lo - lo.abs().max(1.0) * 0.1, hi + hi.abs().max(1.0) * 0.1) } else { (lo, hi) };
    let raw = (hi - lo) / max_count.max(2) as f64;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|step| ((hi / step).ceil() - (lo / step).floor()) as usize <= max_count.max(2))
        .unwrap_or(10.0 * magnitude);
    let first = (lo / step).floor() as i64;
    let last = (hi / step).ceil() as i64;
    // Multiplying (not accumulating) keeps 0.1 steps from drifting to 0.30000000000000004.
    (first..=last).map(|k| k as f64 * step).collect()
}

/// First days of quarters from before `lo` to after `hi`, every `n` quarters, with `n`
/// chosen so that there are at most `max_count`.
pub fn quarter_ticks(lo: Date, hi: Date, max_count: usize) -> Vec<Date> {
    let index = |d: Date| i64::from(d.year) * 4 + i64::from((d.month - 1) / 3);
    let (first, last) = (index(lo), index(hi) + 1);
    let step =
        [1, 2, 4, 8, 20, 40].into_iter().find(|n| ((last - first) / n + 1) as usize <= max_count.max(2)).unwrap_or(80);
    let start = first.div_euclid(step) * step;
    let mut ticks = Vec::new();
    let mut q = start;
    while q < last + step {
        let year = i32::try_from(q.div_euclid(4)).unwrap_or(i32::MAX);
        let month = u8::try_from(q.rem_euclid(4) * 3 + 1).unwrap_or(1);
        ticks.push(Date { year, month, day: 1 });
        if q >= last {
            break;
        }
        q += step;
    }
    ticks
}

/// Labels centred on their positions where possible, moved inwards to stay within
/// `lo..hi`, and dropped where they would touch the previous one (10 px apart at least).
pub fn spaced_labels(labels: Vec<(f64, String)>, size: f64, (lo, hi): (f64, f64)) -> Vec<(f64, String)> {
    let mut kept: Vec<(f64, String)> = Vec::new();
    let mut right_edge = f64::NEG_INFINITY;
    for (at, label) in labels {
        let label = truncate(&label, size, (hi - lo).min(140.0));
        let half = width(&label, size) / 2.0;
        let centre = at.clamp(lo + half, (hi - half).max(lo + half));
        if centre - half >= right_edge + 10.0 {
            right_edge = centre + half;
            kept.push((centre, label));
        }
    }
    kept
}

/// Days since the epoch, as the line charts' date coordinate.
pub fn days(date: Date) -> f64 {
    date.days_since_epoch() as f64
}

#[cfg(test)]
mod tests {
    use super::{nice_ticks, quarter_ticks};
    use crate::model::Date;

    #[test]
    fn nice_ticks_cover_the_data_with_round_steps() {
        assert_eq!(nice_ticks(0.0, 10.0, 6), vec![0.0, 2.0, 4.0, 6.0, 8.0, 10.0]);
        let ticks = nice_ticks(99.3, 99.9, 8);
        assert!(ticks[0] <= 99.3 && *ticks.last().unwrap() >= 99.9 && ticks.len() <= 9, "{ticks:?}");
        assert!(nice_ticks(5.0, 5.0, 5).len() >= 2);
    }

    #[test]
    fn quarter_ticks_start_quarters_and_thin_out() {
        let d = |s| Date::parse(s).unwrap();
        let ticks = quarter_ticks(d("2025-11-15"), d("2026-08-01"), 10);
        assert_eq!(ticks.first(), Some(&d("2025-10-01")));
        assert_eq!(ticks.last(), Some(&d("2026-10-01")));
        let sparse = quarter_ticks(d("2020-01-01"), d("2030-01-01"), 8);
        assert!(sparse.len() <= 9 && sparse.iter().all(|t| t.month == 1), "{sparse:?}");
    }
}
