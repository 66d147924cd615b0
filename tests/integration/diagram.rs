//! The steering-model diagram of the bundled Mainz content shows what the source's figure
//! shows: the first arrow, which box sits in which band, the seats under each body's name,
//! and the kinds of arrows. The layout itself is tested on any model in `src/diagram/tests.rs`.

use std::path::Path;

use lotse::diagram::{Diagram, steering_model};
use lotse::model::{EntityKind, Flow, FlowKind, Model};

fn bundled() -> Model {
    lotse::build::check(Path::new(env!("CARGO_MANIFEST_DIR"))).expect("content/ loads").model
}

/// A link per entity, so that each box can be found by its id.
fn link(kind: EntityKind, id: &str) -> Option<String> {
    Some(format!("/{}/{id}/", kind.label().to_lowercase()))
}

fn diagram_of(model: &Model) -> Diagram {
    steering_model(model, &lotse::theme::builtin_labels("de"), &link)
}

fn parse(svg: &str) -> roxmltree::Document<'_> {
    roxmltree::Document::parse(svg).unwrap_or_else(|error| panic!("not XML: {error}\n{svg}"))
}

/// The boxes the description lists for a band: `Band: A, B, C.` in the `<desc>`.
fn band<'d>(diagram: &'d Diagram, name: &str) -> Vec<&'d str> {
    let start = format!("{name}: ");
    let at = diagram.description.find(&start).unwrap_or_else(|| panic!("no band {name}: {}", diagram.description));
    let rest = &diagram.description[at + start.len()..];
    let end = rest.find(". ").unwrap_or(rest.len());
    rest[..end].split(", ").collect()
}

/// The text of a box (name and seats, lines joined without whitespace), found by its link.
fn box_text(diagram: &Diagram, kind: EntityKind, id: &str) -> String {
    let doc = parse(&diagram.svg);
    let href = link(kind, id).unwrap();
    let a = doc
        .descendants()
        .find(|n| n.has_tag_name("a") && n.attribute("href") == Some(href.as_str()))
        .unwrap_or_else(|| panic!("no box for {id}"));
    a.descendants().filter(|n| n.is_text()).filter_map(|n| n.text()).flat_map(str::split_whitespace).collect()
}

#[test]
fn the_first_arrow_takes_it_bedarfe_from_the_fachaemter_to_the_digit_dialog() {
    let diagram = diagram_of(&bundled());
    assert_eq!(diagram.flows.len(), 16);
    let first = &diagram.flows[0];
    assert_eq!((first.number, first.from.as_str(), first.to.as_str()), (1, "Fachämter", "DigIT-Dialog"));
    assert_eq!(first.label, "Aufnahme von IT-Bedarfen");
    assert!(diagram.description.contains("16 nummerierte Pfeile"), "{}", diagram.description);
}

#[test]
fn the_bands_are_the_three_levels_with_their_bodies_and_roles() {
    let diagram = diagram_of(&bundled());
    let order: Vec<usize> = ["Strategische Ebene: ", "Management-Ebene: ", "Operative Ebene: "]
        .iter()
        .map(|band| diagram.description.find(band).unwrap_or_else(|| panic!("no {band}")))
        .collect();
    assert!(order.windows(2).all(|pair| pair[0] < pair[1]), "bands from top to bottom: {}", diagram.description);
    assert!(band(&diagram, "Strategische Ebene").contains(&"DigIT-Konferenz"));
    assert!(band(&diagram, "Management-Ebene").contains(&"DigIT-Steuerungsrunde"));
    assert!(band(&diagram, "Operative Ebene").contains(&"Providermanager:in"));
}

#[test]
fn roles_without_a_level_sit_with_the_body_they_have_a_seat_in() {
    let mut model = bundled();
    let name = |id: &str| model.roles.iter().find(|r| r.id == id).unwrap().name.clone();
    let (smart_city, coordinator) = (name("smart-city-beauftragte"), name("digit-koordinatorin"));
    let origin = model.flows[0].origin;
    model.flows.push(Flow {
        from: toml::Spanned::new(0..0, "smart-city-beauftragte".to_owned()),
        to: toml::Spanned::new(0..0, "digit-koordinatorin".to_owned()),
        label: "Austausch".to_owned(),
        kind: FlowKind::Regular,
        description: String::new(),
        origin,
    });
    let diagram = diagram_of(&model);
    assert!(band(&diagram, "Management-Ebene").contains(&smart_city.as_str()), "seat in the DigIT-Steuerungsrunde");
    assert!(band(&diagram, "Operative Ebene").contains(&coordinator.as_str()), "seat in the DigIT-Dialog");
}

#[test]
fn bodies_show_their_seats_as_the_source_lists_them() {
    let diagram = diagram_of(&bundled());
    let dialog = box_text(&diagram, EntityKind::Body, "digit-dialog");
    let seats = ["DigIT-Berater:in", "Fachamtsleitung", "DigIT-Koordinator:in"];
    let at: Vec<usize> = seats
        .iter()
        .map(|seat| {
            dialog.find(&format!("·{seat}")).or_else(|| dialog.find(seat)).unwrap_or_else(|| panic!("{seat}: {dialog}"))
        })
        .collect();
    assert!(at.windows(2).all(|pair| pair[0] < pair[1]), "in the source's order: {dialog}");
    let round = box_text(&diagram, EntityKind::Body, "digit-steuerungsrunde");
    assert!(round.contains("VertretungKDZ(beratend)"), "{round}");
}

#[test]
fn one_fast_lane_and_two_reporting_arrows() {
    let diagram = diagram_of(&bundled());
    let doc = parse(&diagram.svg);
    let flows = doc.descendants().find(|n| n.attribute("class") == Some("lotse-flows")).unwrap();
    let heads: Vec<&str> =
        flows.children().filter(|n| n.has_tag_name("path")).filter_map(|p| p.attribute("marker-end")).collect();
    assert_eq!(heads.iter().filter(|m| m.contains("-fast")).count(), 1);
    assert_eq!(heads.iter().filter(|m| m.contains("-open")).count(), 2);
    let fast: Vec<_> = diagram.flows.iter().filter(|f| f.kind == FlowKind::FastLane).collect();
    assert_eq!(fast.len(), 1);
    assert_eq!(fast[0].from, "Zentrales Anforderungsmanagement");
}
