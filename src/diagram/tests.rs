//! Tests of the whole diagram on the bundled Mainz content and on harder variants of it.
//! Geometry is checked on the layout data, markup on the parsed SVG; never on pixels.
//! The content is only a sample here: the tests pick their subjects from the loaded model
//! and name no id of it; what the Mainz diagram shows is tested in `tests/integration/diagram.rs`.

use std::path::Path;

use super::geom::{Point, Rect};
use super::layout::Layout;
use super::*;
use crate::model::Flow;

/// The built-in theme's words.
fn words() -> crate::labels::Labels {
    crate::theme::builtin_labels("de")
}

fn mainz() -> Model {
    crate::build::check(Path::new(env!("CARGO_MANIFEST_DIR"))).expect("content/ loads").model
}

fn link(kind: EntityKind, id: &str) -> Option<String> {
    Some(format!("/{}/{id}/", kind.label().to_lowercase()))
}

fn no_link(_: EntityKind, _: &str) -> Option<String> {
    None
}

/// The Mainz flows and two more copies of each with other labels: three times as many.
fn tripled() -> Model {
    let mut model = mainz();
    let copies: Vec<Flow> = (2..=3)
        .flat_map(|n| {
            model.flows.iter().map(move |flow| Flow {
                from: flow.from.clone(),
                to: flow.to.clone(),
                label: format!("{} (Variante {n})", flow.label),
                kind: flow.kind,
                description: String::new(),
                origin: flow.origin,
            })
        })
        .collect();
    model.flows.extend(copies);
    model
}

/// Flows between every actor of the content, drawn from a fixed pseudo-random sequence:
/// roles and units without a level, flows that skip a band, self-loops.
fn tangled() -> Model {
    let mut model = mainz();
    let mut actors: Vec<String> = model.roles.iter().map(|r| r.id.clone()).collect();
    actors.extend(model.bodies.iter().map(|b| b.id.clone()));
    actors.extend(model.units.iter().filter(|u| !u.example).map(|u| u.id.get_ref().clone()));
    let template = &model.flows[0];
    let mut seed: u64 = 7;
    let mut next = |n: usize| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) as usize % n
    };
    let kinds = [FlowKind::Regular, FlowKind::Reporting, FlowKind::FastLane];
    let flows: Vec<Flow> = (0..40)
        .map(|i| Flow {
            from: toml::Spanned::new(0..0, actors[next(actors.len())].clone()),
            to: toml::Spanned::new(0..0, actors[next(actors.len())].clone()),
            label: format!("Fluss {i}"),
            kind: kinds[next(3)],
            description: String::new(),
            origin: template.origin,
        })
        .collect();
    model.flows.extend(flows);
    model
}

fn layout_of(model: &Model) -> (graph::Graph, Layout) {
    let mut graph = graph::build(model, &words().get("advisory"));
    let numbers: Vec<String> = (1..=graph.edges.len()).map(|n| n.to_string()).collect();
    let layout = layout::layout(&mut graph, &numbers, &words());
    (graph, layout)
}

/// Every badge and label against every other one and against every box.
fn assert_markers_free(layout: &Layout) {
    let mut marks: Vec<(String, Rect)> = Vec::new();
    for (e, marker) in layout.markers.iter().enumerate() {
        marks.push((format!("badge {}", e + 1), marker.badge));
        if let Some(label) = marker.label {
            marks.push((format!("label {}", e + 1), label));
        }
    }
    for (i, (name, rect)) in marks.iter().enumerate() {
        for (other, second) in &marks[i + 1..] {
            assert!(!rect.overlaps(second), "{name} overlaps {other}: {rect:?} {second:?}");
        }
        for (n, node) in layout.boxes.iter().enumerate() {
            assert!(!rect.overlaps(&node.rect), "{name} overlaps box {n}: {rect:?} {:?}", node.rect);
        }
        assert!(inside(layout, rect), "{name} lies outside the viewBox: {rect:?}");
        assert!(!rect.overlaps(&layout.legend.rect), "{name} overlaps the legend");
        assert!(rect.x >= layout.column, "{name} overlaps the band names");
    }
}

fn inside(layout: &Layout, rect: &Rect) -> bool {
    rect.x >= 0.0 && rect.y >= 0.0 && rect.right() <= layout.width && rect.bottom() <= layout.height
}

/// Every badge sits on its own arrow, none had to be set aside.
fn assert_badges_on_arrows(layout: &Layout) {
    assert_eq!(layout.stranded, 0);
    for (e, (marker, path)) in layout.markers.iter().zip(&layout.paths).enumerate() {
        let c = marker.badge.center();
        let on = path.windows(2).any(|s| on_segment(c, s[0], s[1]));
        assert!(on, "badge {} is not on its arrow", e + 1);
    }
}

fn on_segment(p: Point, a: Point, b: Point) -> bool {
    let within = |v: f64, x: f64, y: f64| v >= x.min(y) - 0.5 && v <= x.max(y) + 0.5;
    within(p.x, a.x, b.x) && within(p.y, a.y, b.y) && ((a.x - b.x).abs() < 0.01 || (a.y - b.y).abs() < 0.01)
}

/// No arrow runs through a box; arrows start and end on box borders.
fn assert_arrows_avoid_boxes(layout: &Layout) {
    for (e, path) in layout.paths.iter().enumerate() {
        for (n, node) in layout.boxes.iter().enumerate() {
            let hit = path.windows(2).any(|s| node.rect.hits_segment(s[0], s[1]));
            assert!(!hit, "arrow {} runs through box {n}", e + 1);
        }
    }
}

/// No two arrows share a stretch of line.
fn assert_arrows_apart(layout: &Layout) {
    let segments: Vec<(usize, Point, Point)> =
        layout.paths.iter().enumerate().flat_map(|(e, p)| p.windows(2).map(move |s| (e, s[0], s[1]))).collect();
    for (i, (e, a, b)) in segments.iter().enumerate() {
        for (f, c, d) in &segments[i + 1..] {
            if e == f {
                continue;
            }
            let shared = if (a.x - b.x).abs() < 0.01 && (c.x - d.x).abs() < 0.01 && (a.x - c.x).abs() < 1.0 {
                a.y.max(b.y).min(c.y.max(d.y)) - a.y.min(b.y).max(c.y.min(d.y))
            } else if (a.y - b.y).abs() < 0.01 && (c.y - d.y).abs() < 0.01 && (a.y - c.y).abs() < 1.0 {
                a.x.max(b.x).min(c.x.max(d.x)) - a.x.min(b.x).max(c.x.min(d.x))
            } else {
                0.0
            };
            assert!(shared <= 1.0, "arrows {} and {} run on top of each other", e + 1, f + 1);
        }
    }
}

/// The name of the role, body or unit a flow end names, resolved as the diagram resolves it.
fn actor_name(model: &Model, name: &str) -> String {
    let (kind, index) = [EntityKind::Role, EntityKind::Body, EntityKind::Unit]
        .into_iter()
        .find_map(|kind| model.lookup(kind, name).map(|entry| (kind, entry.index)))
        .unwrap_or_else(|| panic!("{name} names no actor"));
    match kind {
        EntityKind::Role => model.roles[index].name.clone(),
        EntityKind::Body => model.bodies[index].name.clone(),
        _ => model.units[index].name.clone(),
    }
}

/// Index into `model.levels` of the level `level` names.
fn level_index(model: &Model, level: &str) -> usize {
    model.lookup(EntityKind::Level, level).unwrap_or_else(|| panic!("{level} names no level")).index
}

/// The text with all whitespace removed: wrapped lines are joined without separators.
fn squeeze(text: &str) -> String {
    text.split_whitespace().collect()
}

fn parse(svg: &str) -> roxmltree::Document<'_> {
    roxmltree::Document::parse(svg).unwrap_or_else(|error| panic!("not XML: {error}\n{svg}"))
}

/// The text of an element, its lines joined without separators.
fn joined(node: roxmltree::Node<'_, '_>) -> String {
    node.descendants().filter(|n| n.is_text()).filter_map(|n| n.text()).collect()
}

#[test]
fn mainz_svg_parses_and_is_an_accessible_group() {
    let diagram = steering_model(&mainz(), &words(), &link);
    let doc = parse(&diagram.svg);
    let svg = doc.root_element();
    assert_eq!(svg.tag_name().name(), "svg");
    assert_eq!(svg.attribute("role"), Some("group"));
    assert!(svg.attribute("viewBox").is_some());
    assert!(svg.attribute("width").is_none() && svg.attribute("height").is_none(), "no fixed size");
    let title_id = svg.attribute("aria-labelledby").unwrap();
    let title = doc.descendants().find(|n| n.attribute("id") == Some(title_id)).unwrap();
    assert_eq!(title.tag_name().name(), "title");
    let desc = doc.descendants().find(|n| n.has_tag_name("desc")).map(joined).unwrap();
    let model = mainz();
    assert!(!model.levels.is_empty());
    for level in &model.levels {
        assert!(desc.contains(&level.name), "the description names the band {}: {desc}", level.name);
    }
    assert_eq!(svg.attribute("font-family"), Some("'Noto Sans', sans-serif"));
}

#[test]
fn mainz_shows_every_node_name_band_and_flow_number() {
    let model = mainz();
    let diagram = steering_model(&model, &words(), &link);
    let doc = parse(&diagram.svg);
    let texts: Vec<String> = doc.descendants().filter(|n| n.has_tag_name("text")).map(joined).collect();
    let graph = graph::build(&model, &words().get("advisory"));
    for node in &graph.nodes {
        assert!(texts.iter().any(|t| squeeze(t) == squeeze(&node.name)), "no box for {}", node.name);
    }
    for level in &model.levels {
        assert!(texts.iter().any(|t| squeeze(t) == squeeze(&level.name)), "no band for {}", level.name);
    }
    assert_eq!(diagram.flows.len(), model.flows.len());
    for flow in &diagram.flows {
        assert!(texts.contains(&flow.number.to_string()), "no badge {}", flow.number);
    }
    // The first arrow is the first flow of `flows.toml`, between the names of its ends.
    let (first, source) = (&diagram.flows[0], &model.flows[0]);
    assert_eq!(first.number, 1);
    assert_eq!(first.from, actor_name(&model, source.from.get_ref()));
    assert_eq!(first.to, actor_name(&model, source.to.get_ref()));
    assert_eq!(first.label, source.label);
}

#[test]
fn mainz_bands_keep_the_order_of_levels_toml() {
    let model = mainz();
    let (graph, layout) = layout_of(&model);
    let levels: Vec<&str> = model.levels.iter().map(|level| level.name.as_str()).collect();
    assert_eq!(graph.bands, levels);
    assert!(layout.bands.windows(2).all(|b| b[0].rect.bottom() <= b[1].rect.y + 0.01));
    // Bodies sit on their level, roles on their first one: counted from the model itself.
    let mut checked = std::collections::BTreeSet::new();
    for node in &graph.nodes {
        let level = match node.kind {
            EntityKind::Body => model.bodies.iter().find(|b| b.id == node.id).map(|b| b.level.get_ref().as_str()),
            EntityKind::Role => model
                .roles
                .iter()
                .find(|r| r.id == node.id)
                .and_then(|r| r.levels.first())
                .map(|l| l.get_ref().as_str()),
            _ => None,
        };
        if let Some(level) = level {
            assert_eq!(node.band, level_index(&model, level), "{} is not on its level", node.name);
            checked.insert(node.band);
        }
    }
    assert_eq!(checked.len(), model.levels.len(), "every band is checked on a box with a level of its own");
    for (node, placed) in graph.nodes.iter().zip(&layout.boxes) {
        let band = layout.bands[node.band].rect;
        assert!(placed.rect.y > band.y && placed.rect.bottom() < band.bottom(), "{} outside its band", node.name);
    }
}

#[test]
fn mainz_markers_never_overlap_each_other_or_boxes() {
    let (_, layout) = layout_of(&mainz());
    assert_markers_free(&layout);
    assert_badges_on_arrows(&layout);
}

#[test]
fn mainz_arrows_avoid_boxes_and_each_other() {
    let (_, layout) = layout_of(&mainz());
    assert_arrows_avoid_boxes(&layout);
    assert_arrows_apart(&layout);
}

#[test]
fn three_times_the_flows_still_place_every_marker() {
    let model = tripled();
    let arrows = 3 * graph::build(&mainz(), &words().get("advisory")).edges.len();
    let (graph, layout) = layout_of(&model);
    assert_eq!(graph.edges.len(), arrows);
    assert_markers_free(&layout);
    assert_badges_on_arrows(&layout);
    assert_arrows_avoid_boxes(&layout);
    assert_arrows_apart(&layout);
    let diagram = steering_model(&model, &words(), &link);
    let doc = parse(&diagram.svg);
    assert!(doc.descendants().any(|n| n.has_tag_name("text") && joined(n) == arrows.to_string()));
}

#[test]
fn tangled_flows_still_never_overlap_markers() {
    let (graph, layout) = layout_of(&tangled());
    assert!(graph.edges.len() > 50);
    assert_markers_free(&layout);
    assert_badges_on_arrows(&layout);
    assert_arrows_avoid_boxes(&layout);
    assert_arrows_apart(&layout);
    parse(&steering_model(&tangled(), &words(), &link).svg);
}

#[test]
fn hostile_names_and_labels_are_escaped() {
    let hostile = "<script>alert(1)</script> & \"x\"";
    let mut model = mainz();
    // A unit some flow points to, so that its name is also a flow's target.
    let id = {
        let graph = graph::build(&model, &words().get("advisory"));
        let target = graph.edges.iter().map(|e| &graph.nodes[e.to]).find(|n| n.kind == EntityKind::Unit);
        target.expect("a flow points to a unit").id.clone()
    };
    let unit = model.units.iter_mut().find(|u| *u.id.get_ref() == id).unwrap();
    unit.name = hostile.to_owned();
    model.flows[0].label = "</text><script>x</script>".to_owned();
    let diagram = steering_model(&model, &words(), &|_, id| Some(format!("/a?\"{id}\"&b=<c>")));
    assert!(!diagram.svg.contains("<script"));
    let doc = parse(&diagram.svg);
    let texts: String = doc.descendants().filter(|n| n.has_tag_name("text")).map(joined).collect::<Vec<_>>().join(" ");
    assert!(texts.contains("<script>alert(1)</script> &"), "{texts}");
    let href = format!("/a?\"{id}\"&b=<c>");
    assert!(doc.descendants().any(|n| n.attribute("href") == Some(href.as_str())));
    assert!(diagram.flows.iter().any(|f| f.to == hostile));
}

#[test]
fn same_model_gives_the_same_bytes() {
    let first = steering_model(&mainz(), &words(), &link);
    let second = steering_model(&mainz(), &words(), &link);
    assert_eq!(first, second);
    let tripled_first = steering_model(&tripled(), &words(), &link).svg;
    assert_eq!(tripled_first, steering_model(&tripled(), &words(), &link).svg);
}

#[test]
fn every_box_with_a_page_is_a_named_link() {
    let model = mainz();
    let diagram = steering_model(&model, &words(), &link);
    let doc = parse(&diagram.svg);
    let links: Vec<_> = doc.descendants().filter(|n| n.has_tag_name("a")).collect();
    let graph = graph::build(&model, &words().get("advisory"));
    assert_eq!(links.len(), graph.nodes.len());
    for node in &graph.nodes {
        let href = link(node.kind, &node.id).unwrap();
        let a = links
            .iter()
            .find(|a| a.attribute("href") == Some(href.as_str()))
            .unwrap_or_else(|| panic!("no link for {}", node.name));
        let text: String =
            a.descendants().filter(|n| n.is_text()).filter_map(|n| n.text()).collect::<Vec<_>>().join(" ");
        let words: Vec<&str> = node.name.split_whitespace().collect();
        assert!(words.iter().all(|w| text.contains(w)), "the link's text names {}: {text}", node.name);
        assert!(a.attribute("aria-label").is_none(), "the visible text is the name (WCAG 2.5.3)");
        assert!(a.children().any(|c| c.has_tag_name("rect")), "the link covers the box");
    }
    let unlinked = steering_model(&model, &words(), &no_link);
    assert!(!parse(&unlinked.svg).descendants().any(|n| n.has_tag_name("a")));
}

#[test]
fn adding_a_flow_changes_the_diagram() {
    let before = steering_model(&mainz(), &words(), &link);
    let mut model = mainz();
    let mut flow = tripled().flows.remove(0);
    flow.label = "Neuer Fluss".to_owned();
    model.flows.push(flow);
    let after = steering_model(&model, &words(), &link);
    assert_ne!(before.svg, after.svg);
    assert_eq!(after.flows.len(), before.flows.len() + 1);
    assert_eq!(after.flows.last().map(|f| f.label.as_str()), Some("Neuer Fluss"));
}

#[test]
fn fast_lane_and_reporting_differ_without_colour() {
    let model = mainz();
    let diagram = steering_model(&model, &words(), &link);
    let count = |kind: FlowKind| diagram.flows.iter().filter(|f| f.kind == kind).count();
    let (fast_lanes, reportings) = (count(FlowKind::FastLane), count(FlowKind::Reporting));
    assert!(fast_lanes > 0 && reportings > 0, "the sample has both kinds");
    let doc = parse(&diagram.svg);
    let flows = doc.descendants().find(|n| n.attribute("class") == Some("lotse-flows")).unwrap();
    let paths: Vec<_> = flows.children().filter(|n| n.has_tag_name("path")).collect();
    let marker = |n: &roxmltree::Node<'_, '_>| n.attribute("marker-end").unwrap_or_default().to_owned();
    let fast: Vec<_> = paths.iter().filter(|p| marker(p).contains("-fast")).collect();
    let reporting: Vec<_> = paths.iter().filter(|p| marker(p).contains("-open")).collect();
    assert_eq!(fast.len(), fast_lanes);
    assert_eq!(reporting.len(), reportings);
    assert!(fast.iter().all(|p| p.attribute("stroke-dasharray").is_some()));
    assert!(reporting.iter().all(|p| p.attribute("stroke-dasharray").is_some()));
    let legend = doc.descendants().find(|n| n.attribute("class") == Some("lotse-legend")).unwrap();
    assert!(joined(legend).contains("Beschleunigtes Verfahren"));
}

#[test]
fn opposite_flows_between_one_pair_are_drawn_apart() {
    let (graph, layout) = layout_of(&mainz());
    // The first pair of opposite flows between boxes of different bands.
    let pair = graph.edges.iter().enumerate().find_map(|(there, e)| {
        if graph.nodes[e.from].band == graph.nodes[e.to].band {
            return None;
        }
        let back = graph.edges.iter().position(|f| f.from == e.to && f.to == e.from)?;
        Some((there, back))
    });
    let (there, back) = pair.expect("the sample has opposite flows between two bands");
    assert_ne!(layout.paths[there][0].x, layout.paths[back].last().unwrap().x);
}

#[test]
fn roles_without_a_level_sit_with_their_body() {
    let mut model = tripled();
    // Every role without a level that has a seat in a body, and the band of its first such body.
    let seated: Vec<(String, usize)> = model
        .roles
        .iter()
        .filter(|role| role.levels.is_empty())
        .filter_map(|role| {
            let seats = |body: &&crate::model::Body| {
                body.members.iter().filter_map(|m| m.role.as_ref()).any(|r| {
                    model.lookup(EntityKind::Role, r.get_ref()).is_some_and(|entry| entry.canonical == role.id)
                })
            };
            let body = model.bodies.iter().find(seats)?;
            Some((role.id.clone(), level_index(&model, body.level.get_ref())))
        })
        .collect();
    let last = model.levels.len() - 1;
    assert!(seated.iter().any(|&(_, band)| band != last), "some body of a seated role is not on the lowest band");
    // A flow between each such role and the next puts them all into the diagram.
    let origin = model.flows[0].origin;
    for (from, to) in seated.iter().zip(seated.iter().cycle().skip(1)) {
        model.flows.push(Flow {
            from: toml::Spanned::new(0..0, from.0.clone()),
            to: toml::Spanned::new(0..0, to.0.clone()),
            label: "Sitz".to_owned(),
            kind: FlowKind::Regular,
            description: String::new(),
            origin,
        });
    }
    let graph = graph::build(&model, &words().get("advisory"));
    for (id, expected) in &seated {
        let band = graph.nodes.iter().find(|n| n.id == *id).map(|n| n.band);
        assert_eq!(band, Some(*expected), "{id} sits with its body");
    }
}

#[test]
fn bodies_list_their_seats_as_the_source_does() {
    let model = mainz();
    let graph = graph::build(&model, &words().get("advisory"));
    let (mut labelled, mut advisory) = (0, 0);
    for node in graph.nodes.iter().filter(|n| n.kind == EntityKind::Body) {
        let body = model.bodies.iter().find(|b| b.id == node.id).unwrap();
        // Each seat in the order of the body's file: its own label, else its role's or unit's name.
        let expected: Vec<String> = body
            .members
            .iter()
            .map(|member| {
                let end = member.role.as_ref().or(member.unit.as_ref()).map(|r| r.get_ref().as_str());
                let name = member.label.clone().unwrap_or_else(|| actor_name(&model, end.unwrap()));
                labelled += usize::from(member.label.is_some() && end.is_some());
                match member.mode {
                    crate::model::MemberMode::Advisory => {
                        advisory += 1;
                        format!("{name} (beratend)")
                    }
                    crate::model::MemberMode::Member => name,
                }
            })
            .collect();
        assert_eq!(node.members, expected, "seats of {}", node.name);
    }
    assert!(labelled > 0 && advisory > 0, "the sample has labelled and advisory seats");
}

#[test]
fn long_names_wrap_and_their_box_grows_to_fit() {
    let mut model = mainz();
    // The first unit the diagram draws.
    let id = graph::build(&model, &words().get("advisory"))
        .nodes
        .iter()
        .find(|n| n.kind == EntityKind::Unit)
        .expect("a unit is drawn")
        .id
        .clone();
    let unit = model.units.iter_mut().find(|u| *u.id.get_ref() == id).unwrap();
    unit.name = "Donaudampfschifffahrtsgesellschaftskapitänsabteilung für ganz besonders lange Namen".to_owned();
    let (graph, layout) = layout_of(&model);
    let n = graph.nodes.iter().position(|n| n.id == id).unwrap();
    let node = &layout.boxes[n];
    assert!(node.name.len() >= 3, "{:?}", node.name);
    for line in &node.name {
        assert!(text::width(line, layout::NAME_SIZE) < node.rect.w, "{line} sticks out");
    }
    assert_markers_free(&layout);
}

#[test]
fn a_model_without_flows_or_levels_still_gives_valid_svg() {
    let mut model = mainz();
    model.flows.clear();
    let diagram = steering_model(&model, &words(), &link);
    let doc = parse(&diagram.svg);
    assert!(diagram.flows.is_empty());
    let top = squeeze(&model.levels[0].name);
    assert!(doc.descendants().any(|n| n.has_tag_name("text") && squeeze(&joined(n)).contains(&top)));
    let empty = steering_model(&Model::default(), &words(), &link);
    parse(&empty.svg);
    assert!(empty.width > 0.0 && empty.height > 0.0);
}

#[test]
#[ignore = "writes diagram*.svg to the temp directory for a look in a browser"]
fn write_svgs_for_a_look() {
    let dir = std::env::temp_dir();
    std::fs::write(dir.join("diagram.svg"), steering_model(&mainz(), &words(), &link).svg).unwrap();
    std::fs::write(dir.join("diagram3x.svg"), steering_model(&tripled(), &words(), &link).svg).unwrap();
    std::fs::write(dir.join("diagram-tangled.svg"), steering_model(&tangled(), &words(), &link).svg).unwrap();
}
