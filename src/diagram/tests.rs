//! Tests of the whole diagram on the bundled Mainz content and on harder variants of it.

use std::path::Path;

use super::*;

fn mainz() -> Model {
    crate::cli::load_and_validate(Path::new(env!("CARGO_MANIFEST_DIR"))).expect("content/ loads").model
}

fn link(kind: EntityKind, id: &str) -> Option<String> {
    Some(format!("/{}/{id}/", kind.label().to_lowercase()))
}

#[test]
fn renders_mainz() {
    let diagram = steering_model(&mainz(), &link);
    std::fs::write("/tmp/diagram.svg", &diagram.svg).unwrap();
}
