//! The steering-model diagram: levels as bands, bodies and roles as boxes, flows as arrows; SVG from the model.
//!
//! The pipeline is pure and runs one way: `graph` picks the entities and flows, `layers`
//! gives a crowded band several rows, `order` orders the boxes in each row, `xpos` places
//! them, `route` draws the flows around them, `place` finds a free spot for each flow's
//! number (and label, where it fits), `layout` holds the result and `svg` writes it.
//! Flow labels are long and many; the diagram numbers its arrows and the page lists the flows
//! ([`Diagram::flows`]) under the same numbers, so that no label ever covers another.

mod beside;
mod geom;
mod graph;
mod layers;
mod layout;
mod legend;
mod order;
mod place;
mod route;
mod svg;

pub use svg::ID as SVG_ID;
mod text;
mod xpos;

#[cfg(test)]
mod tests;

use crate::labels::Labels;
use crate::model::{EntityKind, FlowKind, Model};

/// The diagram and its text alternative.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagram {
    /// An `<svg>` element with a `viewBox` and no fixed size, to be inlined into a page.
    pub svg: String,
    /// The SVG's `<title>` and `<desc>`, for a caption or alternative text elsewhere.
    pub title: String,
    pub description: String,
    /// One entry per arrow, numbered as the badges on the arrows are.
    pub flows: Vec<FlowText>,
    /// The natural size in CSS pixels, for a page that wants to scroll rather than shrink it.
    pub width: f64,
    pub height: f64,
}

/// A flow as the list next to the diagram shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct FlowText {
    pub number: usize,
    /// Name of the source entity.
    pub from: String,
    /// Name of the target entity.
    pub to: String,
    pub label: String,
    pub kind: FlowKind,
    pub description: String,
}

/// Draws the steering model in the words of `labels`. `href` gives the page of an entity
/// (kind and canonical id), or `None` for a box without a link. The same model always
/// gives the same bytes.
pub fn steering_model(model: &Model, labels: &Labels, href: &dyn Fn(EntityKind, &str) -> Option<String>) -> Diagram {
    let mut graph = graph::build(model, &labels.get("advisory"));
    let numbers: Vec<String> = (1..=graph.edges.len()).map(|n| n.to_string()).collect();
    let layout = layout::layout(&mut graph, &numbers, labels);
    let description = description(&graph, labels);
    let title = labels.get("diagram_svg_title");
    let svg = svg::render(&graph, &layout, &numbers, (&title, &description), href);
    let flows = graph
        .edges
        .iter()
        .enumerate()
        .map(|(e, edge)| FlowText {
            number: e + 1,
            from: graph.nodes[edge.from].name.clone(),
            to: graph.nodes[edge.to].name.clone(),
            label: edge.label.clone(),
            kind: edge.kind,
            description: edge.description.clone(),
        })
        .collect();
    Diagram { svg, title, description, flows, width: layout.width, height: layout.height }
}

/// The `<desc>`: what is in which band, and where the flows are explained.
fn description(graph: &graph::Graph, labels: &Labels) -> String {
    let bands: Vec<String> = graph
        .bands
        .iter()
        .enumerate()
        .map(|(k, band)| {
            let names: Vec<&str> = graph.nodes.iter().filter(|n| n.band == k).map(|n| n.name.as_str()).collect();
            let names = if names.is_empty() { labels.get("diagram_band_empty") } else { names.join(", ") };
            format!("{band}: {names}")
        })
        .collect();
    labels.fill("diagram_description", &[("bands", &bands.join(". ")), ("count", &graph.edges.len().to_string())])
}
