//! The SVG text of a laid-out diagram: links with accessible names, every datum escaped, and
//! the same bytes for the same layout.

use super::geom::{Point, Rect};
use super::graph::{Graph, Node};
use super::layout::{
    BAND_LEAD, BAND_SIZE, Layout, MEMBER_GAP, MEMBER_LEAD, MEMBER_SIZE, NAME_LEAD, NAME_SIZE, NodeBox, PAD_Y,
};
use super::legend::{self, Sample};
use super::place::{BADGE_SIZE, LABEL_SIZE};
use super::text::escape;
use crate::model::{EntityKind, FlowKind};

/// Text colour: at least 12:1 against white and against every band fill below.
const TEXT: &str = "#1a1a1a";
const MEMBER_TEXT: &str = "#333333";
const LINE: &str = "#333333";
/// Dark orange: the Fast Lane stands out in colour too, but its dashes and head carry the meaning.
const FAST: &str = "#8a3b00";
/// Band fill and name-column fill of the first bands; further bands get colours of their
/// own from [`band_fill`].
const BAND_FILLS: [(&str, &str); 6] = [
    ("#eef4fb", "#dce7f5"),
    ("#eff7ee", "#dcecd9"),
    ("#fcf5ea", "#f4e5cd"),
    ("#f3eefa", "#e3d9f2"),
    ("#fbeef2", "#f2d9e1"),
    ("#eaf6f8", "#d3ebef"),
];

/// The fill and name-column fill of band `k`: the fixed pairs first (blue, green, sand,
/// lavender, rose, cyan: far apart in hue), then light colours whose hues are spread by
/// the golden angle, so that every level has its own colour however many there are, all
/// light enough for the text and lines on them.
fn band_fill(k: usize) -> (String, String) {
    if let Some((fill, column)) = BAND_FILLS.get(k) {
        return ((*fill).to_owned(), (*column).to_owned());
    }
    let hue = (35.0 + k as f64 * 137.508) % 360.0;
    (hsl_hex(hue, 0.55, 0.95), hsl_hex(hue, 0.45, 0.88))
}

/// `#rrggbb` of a colour given as hue (degrees), saturation and lightness (0 to 1).
fn hsl_hex(hue: f64, saturation: f64, lightness: f64) -> String {
    let chroma = (1.0 - (2.0 * lightness - 1.0).abs()) * saturation;
    let h = hue / 60.0;
    let x = chroma * (1.0 - (h % 2.0 - 1.0).abs());
    let (r, g, b) = match h as u32 {
        0 => (chroma, x, 0.0),
        1 => (x, chroma, 0.0),
        2 => (0.0, chroma, x),
        3 => (0.0, x, chroma),
        4 => (x, 0.0, chroma),
        _ => (chroma, 0.0, x),
    };
    let m = lightness - chroma / 2.0;
    let byte = |v: f64| ((v + m) * 255.0).round().clamp(0.0, 255.0) as u8;
    format!("#{:02x}{:02x}{:02x}", byte(r), byte(g), byte(b))
}
/// Prefix of every id, so that the page's other ids do not collide.
pub const ID: &str = "lotse-steuerungsmodell";
/// Lengths of the arrowheads along the line.
const HEAD: f64 = 9.0;
const FAST_HEAD: f64 = 16.2;

/// The whole `<svg>` element; `title` and `desc` are plain text.
pub fn render(
    graph: &Graph,
    layout: &Layout,
    numbers: &[String],
    text: (&str, &str),
    href: &dyn Fn(EntityKind, &str) -> Option<String>,
) -> String {
    let mut out = String::with_capacity(16 * 1024);
    out.push_str(&format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" class=\"lotse-diagram\" role=\"group\" \
         aria-labelledby=\"{ID}-title\" aria-describedby=\"{ID}-desc\" font-family=\"'Noto Sans', sans-serif\">\n",
        num(layout.width),
        num(layout.height)
    ));
    out.push_str(&format!(
        "<title id=\"{ID}-title\">{}</title>\n<desc id=\"{ID}-desc\">{}</desc>\n",
        escape(text.0),
        escape(text.1)
    ));
    defs(&mut out);
    bands(&mut out, layout);
    // Reading order, row by row and left to right, is also the order of the keyboard focus.
    let mut reading: Vec<usize> = (0..graph.nodes.len()).collect();
    reading.sort_by(|&a, &b| {
        graph.nodes[a].layer.cmp(&graph.nodes[b].layer).then(layout.boxes[a].rect.x.total_cmp(&layout.boxes[b].rect.x))
    });
    for n in reading {
        let node = &graph.nodes[n];
        node_box(&mut out, node, &layout.boxes[n], href(node.kind, &node.id));
    }
    flows(&mut out, graph, layout, numbers);
    legend(&mut out, layout);
    out.push_str("</svg>\n");
    out
}

/// Lines, numbers and labels; hidden from screen readers, which read the list of flows instead.
fn flows(out: &mut String, graph: &Graph, layout: &Layout, numbers: &[String]) {
    out.push_str("<g class=\"lotse-flows\" aria-hidden=\"true\">\n");
    for (edge, path) in graph.edges.iter().zip(&layout.paths) {
        line(out, edge.kind, path);
    }
    for (e, marker) in layout.markers.iter().enumerate() {
        if let Some(rect) = &marker.label {
            label(out, &marker.badge, rect, &graph.edges[e].label);
        }
        badge(out, graph.edges[e].kind, &marker.badge, &numbers[e]);
    }
    out.push_str("</g>\n");
}

/// A coordinate with at most one decimal, without a trailing ".0".
fn num(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded == rounded.trunc() { format!("{}", rounded as i64) } else { format!("{rounded:.1}") }
}

fn defs(out: &mut String) {
    out.push_str(&format!(
        "<style>.lotse-diagram a:focus-visible .lotse-box, .lotse-diagram a:hover .lotse-box {{ stroke: #0b57d0; stroke-width: 3px; }}\n\
         .lotse-diagram a:hover .lotse-name {{ text-decoration: underline; }}</style>\n\
         <defs>\n\
         <marker id=\"{ID}-head\" viewBox=\"0 0 10 10\" refX=\"0\" refY=\"5\" markerWidth=\"9\" markerHeight=\"9\" markerUnits=\"userSpaceOnUse\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"{LINE}\"/></marker>\n\
         <marker id=\"{ID}-open\" viewBox=\"0 0 10 10\" refX=\"0\" refY=\"5\" markerWidth=\"9\" markerHeight=\"9\" markerUnits=\"userSpaceOnUse\" orient=\"auto\"><path d=\"M0.5,0.8 L9.2,5 L0.5,9.2\" fill=\"none\" stroke=\"{LINE}\" stroke-width=\"1.8\"/></marker>\n\
         <marker id=\"{ID}-fast\" viewBox=\"0 0 18 10\" refX=\"0\" refY=\"5\" markerWidth=\"16.2\" markerHeight=\"9\" markerUnits=\"userSpaceOnUse\" orient=\"auto\"><path d=\"M0,0 L9,5 L0,10 z M8,0 L18,5 L8,10 z\" fill=\"{FAST}\"/></marker>\n\
         </defs>\n"
    ));
}

fn bands(out: &mut String, layout: &Layout) {
    out.push_str("<g class=\"lotse-bands\">\n");
    for (k, band) in layout.bands.iter().enumerate() {
        let (fill, column) = band_fill(k);
        let r = band.rect;
        out.push_str(&format!(
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{fill}\"/>\n",
            num(r.x),
            num(r.y),
            num(r.w),
            num(r.h)
        ));
        out.push_str(&format!(
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{column}\"/>\n",
            num(r.x),
            num(r.y),
            num(layout.column - r.x),
            num(r.h)
        ));
        let top = r.y + r.h / 2.0 - band.label.len() as f64 * BAND_LEAD / 2.0;
        let lines: Vec<(f64, &str)> =
            band.label.iter().enumerate().map(|(i, l)| (top + (i as f64 + 0.5) * BAND_LEAD, l.as_str())).collect();
        text_lines(out, r.x + 12.0, BAND_SIZE, &lines, &format!("font-weight=\"700\" fill=\"{TEXT}\""));
    }
    out.push_str("</g>\n");
}

/// One `<text>` with a `<tspan>` per line; `lines` are (middle of the line, text). The
/// baseline sits 0.35 em below the middle, which centres Latin capitals and digits.
fn text_lines(out: &mut String, x: f64, size: f64, lines: &[(f64, &str)], attributes: &str) {
    if lines.is_empty() {
        return;
    }
    out.push_str(&format!("<text font-size=\"{}\" {attributes}>", num(size)));
    for (middle, line) in lines {
        out.push_str(&format!("<tspan x=\"{}\" y=\"{}\">{}</tspan>", num(x), num(middle + 0.35 * size), escape(line)));
    }
    out.push_str("</text>\n");
}

/// Corner radius and border width by kind: bodies round and heavy, units square, roles pills.
fn box_style(kind: EntityKind, height: f64) -> (f64, f64) {
    match kind {
        EntityKind::Body => (10.0, 2.2),
        EntityKind::Role => ((height / 2.0).min(18.0), 1.3),
        _ => (0.0, 1.3),
    }
}

/// A box and its text, inside a link where the entity has a page.
fn node_box(out: &mut String, entity: &Node, node: &NodeBox, href: Option<String>) {
    let kind = entity.kind;
    match &href {
        // The link's name is its visible text (name and seats): an aria-label that said
        // less would break WCAG 2.5.3 (label in name).
        Some(href) => out.push_str(&format!("<a href=\"{}\">\n", escape(href))),
        None => out.push_str("<g>\n"),
    }
    let r = node.rect;
    let (radius, stroke) = box_style(kind, r.h);
    out.push_str(&format!(
        "<rect class=\"lotse-box\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"{}\" fill=\"#ffffff\" stroke=\"{TEXT}\" stroke-width=\"{}\"/>\n",
        num(r.x),
        num(r.y),
        num(r.w),
        num(r.h),
        num(radius),
        num(stroke)
    ));
    let center = r.x + r.w / 2.0;
    let lines: Vec<(f64, &str)> =
        node.name.iter().enumerate().map(|(i, l)| (r.y + PAD_Y + (i as f64 + 0.5) * NAME_LEAD, l.as_str())).collect();
    text_lines(
        out,
        center,
        NAME_SIZE,
        &lines,
        &format!("class=\"lotse-name\" text-anchor=\"middle\" font-weight=\"700\" fill=\"{TEXT}\""),
    );
    let top = r.y + PAD_Y + node.name.len() as f64 * NAME_LEAD + MEMBER_GAP;
    let lines: Vec<(f64, &str)> =
        node.members.iter().enumerate().map(|(i, l)| (top + (i as f64 + 0.5) * MEMBER_LEAD, l.as_str())).collect();
    text_lines(out, center, MEMBER_SIZE, &lines, &format!("text-anchor=\"middle\" fill=\"{MEMBER_TEXT}\""));
    out.push_str(if href.is_some() { "</a>\n" } else { "</g>\n" });
}

/// The stroke attributes and the arrowhead of a kind of flow.
fn stroke(kind: FlowKind) -> (String, &'static str, f64) {
    match kind {
        FlowKind::Regular => (format!("stroke=\"{LINE}\" stroke-width=\"1.6\""), "head", HEAD),
        FlowKind::Reporting => (
            format!("stroke=\"{LINE}\" stroke-width=\"2.2\" stroke-dasharray=\"0.5 5\" stroke-linecap=\"round\""),
            "open",
            HEAD,
        ),
        FlowKind::FastLane => {
            (format!("stroke=\"{FAST}\" stroke-width=\"3.5\" stroke-dasharray=\"10 5\""), "fast", FAST_HEAD)
        }
    }
}

/// The line stops short of the box by the arrowhead's length; the head fills the rest.
fn line(out: &mut String, kind: FlowKind, path: &[Point]) {
    let (attributes, head, length) = stroke(kind);
    let mut points = path.to_vec();
    if let [.., before, tip] = points[..] {
        let run = ((tip.x - before.x).powi(2) + (tip.y - before.y).powi(2)).sqrt();
        let cut = length.min(run);
        if run > 0.0 {
            let end = points.len() - 1;
            points[end] = Point::new(tip.x - (tip.x - before.x) / run * cut, tip.y - (tip.y - before.y) / run * cut);
        }
    }
    let d: Vec<String> = points
        .iter()
        .enumerate()
        .map(|(i, p)| format!("{}{},{}", if i == 0 { "M" } else { "L" }, num(p.x), num(p.y)))
        .collect();
    out.push_str(&format!(
        "<path d=\"{}\" fill=\"none\" {attributes} marker-end=\"url(#{ID}-{head})\"/>\n",
        d.join(" ")
    ));
}

/// A number, white on a dark pill: it stands out from lines, bands and boxes.
fn badge(out: &mut String, kind: FlowKind, rect: &Rect, number: &str) {
    let fill = if kind == FlowKind::FastLane { FAST } else { TEXT };
    out.push_str(&format!(
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"{}\" fill=\"{fill}\"/>\n",
        num(rect.x),
        num(rect.y),
        num(rect.w),
        num(rect.h),
        num(rect.h / 2.0)
    ));
    let c = rect.center();
    let lines = [(c.y, number)];
    text_lines(out, c.x, BADGE_SIZE, &lines, "text-anchor=\"middle\" font-weight=\"700\" fill=\"#ffffff\"");
}

/// A label and its badge share one white outlined pill, so that the label belongs to its
/// number on whichever side it sits; the pill interrupts the flow's own line.
fn label(out: &mut String, badge: &Rect, rect: &Rect, text: &str) {
    let left = badge.x.min(rect.x);
    let right = badge.right().max(rect.right());
    out.push_str(&format!(
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"{}\" fill=\"#ffffff\" stroke=\"{LINE}\" stroke-width=\"0.8\"/>\n",
        num(left),
        num(badge.y),
        num(right - left),
        num(badge.h),
        num(badge.h / 2.0)
    ));
    let lines = [(rect.center().y, text)];
    let x = if rect.x > badge.x { rect.x + 3.0 } else { rect.x + 7.0 };
    text_lines(out, x, LABEL_SIZE, &lines, &format!("fill=\"{TEXT}\""));
}

fn legend(out: &mut String, layout: &Layout) {
    out.push_str("<g class=\"lotse-legend\">\n");
    for item in &layout.legend.items {
        let (x, y) = (item.x, item.y);
        match item.sample {
            Sample::Heading => {}
            Sample::Line(kind) => {
                line(out, kind, &[Point::new(x, y), Point::new(x + legend::sample_width(item.sample), y)])
            }
            Sample::Badge => badge(out, FlowKind::Regular, &Rect::centered(Point::new(x + 10.0, y), 20.0, 20.0), "1"),
            Sample::Node(kind) => {
                let (radius, stroke) = box_style(kind, 16.0);
                out.push_str(&format!(
                    "<rect x=\"{}\" y=\"{}\" width=\"30\" height=\"16\" rx=\"{}\" fill=\"#ffffff\" stroke=\"{TEXT}\" stroke-width=\"{}\"/>\n",
                    num(x),
                    num(y - 8.0),
                    num(radius.min(8.0) * if kind == EntityKind::Body { 0.5 } else { 1.0 }),
                    num(stroke)
                ));
            }
        }
        let weight = if item.sample == Sample::Heading { " font-weight=\"700\"" } else { "" };
        let lines = [(y, item.text.as_str())];
        text_lines(out, item.text_x, legend::TEXT_SIZE, &lines, &format!("fill=\"{TEXT}\"{weight}"));
    }
    out.push_str("</g>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The WCAG contrast ratio of two `#rrggbb` colours.
    fn contrast(a: &str, b: &str) -> f64 {
        let luminance = |hex: &str| {
            let channel = |i: usize| {
                let c = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
                if c <= 0.039_28 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
            };
            0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
        };
        let (x, y) = (luminance(a), luminance(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    #[test]
    fn every_text_colour_has_at_least_4_5_to_1_against_its_background() {
        let mut pairs = vec![(TEXT, "#ffffff"), (MEMBER_TEXT, "#ffffff"), ("#ffffff", TEXT), ("#ffffff", FAST)];
        let bands: Vec<(String, String)> = (0..12).map(band_fill).collect();
        for (band, column) in &bands {
            pairs.extend([(TEXT, band.as_str()), (TEXT, column.as_str())]);
        }
        for (text, background) in pairs {
            assert!(contrast(text, background) >= 4.5, "{text} on {background}: {:.2}", contrast(text, background));
        }
        // Lines and arrowheads are graphics: 3:1 against the bands.
        for (band, _) in &bands {
            assert!(contrast(LINE, band) >= 3.0 && contrast(FAST, band) >= 3.0);
        }
        // Every band has a colour of its own.
        let distinct: std::collections::BTreeSet<&String> = bands.iter().map(|(band, _)| band).collect();
        assert_eq!(distinct.len(), bands.len());
    }

    #[test]
    fn coordinates_have_one_decimal_at_most() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.04), "12");
        assert_eq!(num(12.06), "12.1");
        assert_eq!(num(-0.01), "0");
    }
}
