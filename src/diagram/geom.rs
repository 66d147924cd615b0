//! Points and rectangles, and the overlap tests that marker placement relies on.

/// A point in SVG user units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

impl Point {
    pub fn new(x: f64, y: f64) -> Point {
        Point { x, y }
    }
}

/// An axis-parallel rectangle: left, top, width, height.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn new(x: f64, y: f64, w: f64, h: f64) -> Rect {
        Rect { x, y, w, h }
    }

    /// The rectangle of the given size centred on `center`.
    pub fn centered(center: Point, w: f64, h: f64) -> Rect {
        Rect::new(center.x - w / 2.0, center.y - h / 2.0, w, h)
    }

    pub fn right(&self) -> f64 {
        self.x + self.w
    }

    pub fn bottom(&self) -> f64 {
        self.y + self.h
    }

    pub fn center(&self) -> Point {
        Point::new(self.x + self.w / 2.0, self.y + self.h / 2.0)
    }

    /// The rectangle with `margin` added on every side.
    pub fn grow(&self, margin: f64) -> Rect {
        Rect::new(self.x - margin, self.y - margin, self.w + 2.0 * margin, self.h + 2.0 * margin)
    }

    /// Whether the interiors intersect; rectangles that only touch do not overlap.
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.right() && other.x < self.right() && self.y < other.bottom() && other.y < self.bottom()
    }

    /// Whether the segment from `a` to `b` passes through the interior; exact for the
    /// horizontal and vertical segments the router draws.
    pub fn hits_segment(&self, a: Point, b: Point) -> bool {
        let span = Rect::new(a.x.min(b.x), a.y.min(b.y), (a.x - b.x).abs(), (a.y - b.y).abs());
        span.x < self.right() && self.x < span.right() && span.y < self.bottom() && self.y < span.bottom()
    }
}

pub fn distance(a: Point, b: Point) -> f64 {
    ((a.x - b.x).powi(2) + (a.y - b.y).powi(2)).sqrt()
}

/// Drops repeated points and the middle of three points on one line, so that every
/// remaining point is a corner.
pub fn simplify(points: Vec<Point>) -> Vec<Point> {
    let mut out: Vec<Point> = Vec::with_capacity(points.len());
    for point in points {
        if out.last().is_some_and(|last| distance(*last, point) < 0.01) {
            continue;
        }
        if let [.., a, b] = out[..] {
            let collinear = (a.x - b.x).abs() < 0.01 && (b.x - point.x).abs() < 0.01
                || (a.y - b.y).abs() < 0.01 && (b.y - point.y).abs() < 0.01;
            if collinear {
                out.pop();
            }
        }
        out.push(point);
    }
    out
}
