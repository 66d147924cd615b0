//! What the diagram shows: the entities that take part in a flow, the band each sits in,
//! and the flows between them, resolved from the model.

use std::collections::BTreeMap;

use crate::model::{Body, EntityKind, FlowKind, Member, MemberMode, Model, Ref, Role, Unit};

/// An entity drawn as a box.
#[derive(Debug)]
pub struct Node {
    pub kind: EntityKind,
    /// The canonical id, for the link.
    pub id: String,
    pub name: String,
    /// For bodies: the seats, as the source lists them under the name.
    pub members: Vec<String>,
    /// Index into [`Graph::bands`].
    pub band: usize,
    /// Index into [`Graph::layers`]: the row the box is drawn in.
    pub layer: usize,
}

/// A flow drawn as an arrow; `from` and `to` index [`Graph::nodes`].
#[derive(Debug)]
pub struct Edge {
    pub from: usize,
    pub to: usize,
    pub label: String,
    pub kind: FlowKind,
    pub description: String,
}

#[derive(Debug)]
pub struct Graph {
    /// Band names, top to bottom, in the order of `levels.toml`.
    pub bands: Vec<String>,
    /// The rows of boxes, top to bottom, and the band each lies in; one per band until
    /// [`super::layers::split`] gives a crowded band more.
    pub layers: Vec<usize>,
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
}

/// The kinds a flow end may name, in the order validation resolves them.
use crate::model::ACTORS;

/// Collects nodes in order of their first flow and edges in the order of `flows.toml`.
/// Flows with an end that does not resolve are left out: validation has reported them.
/// `advisory` is the word that marks an advisory seat ("beratend").
pub fn build(model: &Model, advisory: &str) -> Graph {
    let mut bands: Vec<String> = model.levels.iter().map(|level| level.name.clone()).collect();
    if bands.is_empty() {
        // Without levels everything shares one unnamed band rather than vanishing.
        bands.push(String::new());
    }
    let layers = (0..bands.len()).collect();
    let mut graph = Graph { bands, layers, nodes: Vec::new(), edges: Vec::new() };
    let mut seen: BTreeMap<(EntityKind, usize), usize> = BTreeMap::new();
    for flow in &model.flows {
        let (Some(from), Some(to)) = (resolve(model, &flow.from), resolve(model, &flow.to)) else { continue };
        let from = intern(model, &mut graph, &mut seen, from, advisory);
        let to = intern(model, &mut graph, &mut seen, to, advisory);
        graph.edges.push(Edge {
            from,
            to,
            label: flow.label.clone(),
            kind: flow.kind,
            description: flow.description.clone(),
        });
    }
    graph
}

fn resolve(model: &Model, name: &Ref) -> Option<(EntityKind, usize)> {
    ACTORS.iter().find_map(|&kind| model.lookup(kind, name.get_ref()).map(|entry| (kind, entry.index)))
}

/// The node for an entity, added on first use.
fn intern(
    model: &Model,
    graph: &mut Graph,
    seen: &mut BTreeMap<(EntityKind, usize), usize>,
    key: (EntityKind, usize),
    advisory: &str,
) -> usize {
    if let Some(&node) = seen.get(&key) {
        return node;
    }
    let last = graph.bands.len() - 1;
    let node = match key.0 {
        EntityKind::Body => model.bodies.get(key.1).map(|body| body_node(model, body, last, advisory)),
        EntityKind::Role => model.roles.get(key.1).map(|role| role_node(model, role, last)),
        _ => model.units.get(key.1).map(|unit| unit_node(model, unit, last)),
    };
    let mut node = node.unwrap_or_else(|| Node {
        kind: key.0,
        id: String::new(),
        name: String::new(),
        members: Vec::new(),
        band: last,
        layer: 0,
    });
    node.layer = node.band;
    graph.nodes.push(node);
    seen.insert(key, graph.nodes.len() - 1);
    graph.nodes.len() - 1
}

fn body_node(model: &Model, body: &Body, last: usize, advisory: &str) -> Node {
    Node {
        kind: EntityKind::Body,
        id: body.id.clone(),
        name: body.name.clone(),
        members: body.members.iter().filter_map(|member| seat(model, member, advisory)).collect(),
        band: level_band(model, &body.level).unwrap_or(last),
        layer: 0,
    }
}

fn role_node(model: &Model, role: &Role, last: usize) -> Node {
    Node {
        kind: EntityKind::Role,
        id: role.id.clone(),
        name: role.name.clone(),
        members: Vec::new(),
        band: role_band(model, role).unwrap_or(last),
        layer: 0,
    }
}

fn unit_node(model: &Model, unit: &Unit, last: usize) -> Node {
    Node {
        kind: EntityKind::Unit,
        id: unit.id.get_ref().clone(),
        name: unit.name.clone(),
        members: Vec::new(),
        band: unit_band(model, unit).unwrap_or(last),
        layer: 0,
    }
}

/// A role sits on its first level; else where a body it has a seat in sits; else where its unit sits.
fn role_band(model: &Model, role: &Role) -> Option<usize> {
    if let Some(band) = role.levels.iter().find_map(|level| level_band(model, level)) {
        return Some(band);
    }
    let seated = |body: &&Body| {
        body.members
            .iter()
            .any(|member| member.role.as_ref().is_some_and(|r| names(model, EntityKind::Role, r, &role.id)))
    };
    if let Some(body) = model.bodies.iter().find(seated) {
        return level_band(model, &body.level);
    }
    let unit = role.unit.as_ref().and_then(|unit| model.lookup(EntityKind::Unit, unit.get_ref()))?;
    model.units.get(unit.index).and_then(|unit| unit_band(model, unit))
}

/// A unit sits on its level, else on the level of the nearest ancestor that has one.
fn unit_band(model: &Model, unit: &Unit) -> Option<usize> {
    let mut current = unit;
    // Bounded by the number of units, so a cycle of parents cannot loop forever.
    for _ in 0..=model.units.len() {
        if let Some(band) = current.level.as_ref().and_then(|level| level_band(model, level)) {
            return Some(band);
        }
        let parent = current.parent.as_ref().and_then(|parent| model.lookup(EntityKind::Unit, parent.get_ref()))?;
        current = model.units.get(parent.index)?;
    }
    None
}

fn level_band(model: &Model, level: &Ref) -> Option<usize> {
    model.lookup(EntityKind::Level, level.get_ref()).map(|entry| entry.index)
}

/// Whether `reference` names the entity with the canonical id `id`.
fn names(model: &Model, kind: EntityKind, reference: &Ref, id: &str) -> bool {
    model.lookup(kind, reference.get_ref()).is_some_and(|entry| entry.canonical == id)
}

/// A seat as the source writes it: its own label, else the role's or unit's name.
fn seat(model: &Model, member: &Member, advisory: &str) -> Option<String> {
    let entity = || {
        if let Some(role) = &member.role {
            let entry = model.lookup(EntityKind::Role, role.get_ref())?;
            return model.roles.get(entry.index).map(|role| role.name.clone());
        }
        let entry = model.lookup(EntityKind::Unit, member.unit.as_ref()?.get_ref())?;
        model.units.get(entry.index).map(|unit| unit.name.clone())
    };
    let name = member.label.clone().or_else(entity)?;
    Some(match member.mode {
        MemberMode::Advisory => format!("{name} ({advisory})"),
        MemberMode::Member => name,
    })
}
