//! One position under two names: the bundled DigIT-Beauftragte:r is merged into the
//! DigIT-Steuerungsbeauftragte:r (`merged` in the role file), readers see both names and
//! the reading behind it, and the merge is undone by giving the id its own file again.

use std::path::Path;
use std::process::Command;

use crate::harness;
use crate::pdf::{built, pdf_text};
use crate::site::{page, table_rows, texts};

const MERGE: &str = "DigIT-Beauftragte:r und DigIT-Steuerungsbeauftragte:r sind eine Rolle";

fn facts(output: &Path, path: &str) -> Vec<String> {
    texts(&page(output, path), "dl.facts dt, dl.facts dd")
}

#[test]
fn the_merged_role_has_both_names_the_pay_grade_the_staffing_line_and_the_seat() {
    let output = built();
    let path = "rollen/digit-steuerungsbeauftragte.html";
    let facts = facts(output, path);
    let after = |label: &str| facts.iter().position(|f| f == label).map(|i| facts[i + 1].clone());
    assert_eq!(after("Auch genannt").as_deref(), Some("DigIT-Beauftragte:r, IT-Steuerungsbeauftragte:r"), "{facts:?}");
    assert_eq!(after("Eingruppierung").as_deref(), Some("EGr. 13 TVöD"), "{facts:?}");
    let html = page(output, path);
    let text = texts(&html, "main").join(" ");
    assert!(text.contains("Lesart: ") && text.contains(MERGE), "the reading is marked on the page");
    assert!(text.contains("Aufgaben laut Rollenabgrenzung (als DigIT-Beauftragte:r)"), "{text}");
    let seats = texts(&html, "#gremien ~ ul li").join(" | ");
    assert!(seats.contains("DigIT-Steuerungsrunde"), "the seat of the DigIT-Beauftragte:r: {seats}");
    assert_eq!(after("Wellenplanung").as_deref(), Some("1 (2025)"), "the staffing line: {facts:?}");
    assert!(!output.join("rollen/digit-beauftragte.html").exists(), "one role, one page");

    // Prioritisation: the body and the one role do it (R), the DigIT-Konferenz is accountable.
    let raci = page(output, "raci/index.html");
    let row = table_rows(&raci).into_iter().find(|r| r.starts_with("Priorisierung und Entscheidung")).unwrap();
    assert_eq!(row.matches(" R").count(), 2, "{row}");

    let card = pdf_text(&output.join("rollen/digit-steuerungsbeauftragte.pdf"));
    assert!(card.contains("Auch genannt: DigIT-Beauftragte:r, IT-Steuerungsbeauftragte:r"), "{card}");
    assert!(card.contains("EGr. 13 TVöD") && card.contains(&format!("Lesart: {MERGE}.")), "{card}");
}

fn lotse(root: &Path, args: &[&str]) -> (Option<i32>, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_lotse")).arg("--root").arg(root).args(args).output().unwrap();
    (output.status.code(), String::from_utf8_lossy(&output.stderr).into_owned())
}

/// The bundled content and theme in a temporary site folder.
fn bundled_copy() -> tempfile::TempDir {
    let site = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for dir in ["content", "themes"] {
        harness::copy_tree(&root.join(dir), &site.path().join(dir));
    }
    site
}

#[test]
fn the_merge_is_undone_by_giving_the_id_its_own_file_again() {
    let site = bundled_copy();
    let roles = site.path().join("content/roles");
    std::fs::write(
        roles.join("digit-beauftragte.toml"),
        "name = \"DigIT-Beauftragte:r\"\ncard = false\npay_grade = \"EGr. 13 TVöD\"\n",
    )
    .unwrap();
    // Both at once: the file and the merge contradict each other.
    let (code, stderr) = lotse(site.path(), &["check"]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains(
            "Die Rolle `digit-beauftragte` ist in `digit-steuerungsbeauftragte` zusammengeführt (`merged`), es gibt sie aber noch als eigene Rolle"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("content/roles/digit-steuerungsbeauftragte.toml:"), "it names the line: {stderr}");

    // Undo the merge: the references that say `digit-beauftragte` follow by themselves.
    let merged = roles.join("digit-steuerungsbeauftragte.toml");
    let text = std::fs::read_to_string(&merged).unwrap().replace("merged = [\"digit-beauftragte\"]\n", "");
    let text = text
        .replace("aliases = [\"DigIT-Beauftragte:r\", ", "aliases = [")
        .replace("pay_grade = \"EGr. 13 TVöD\"\n", "");
    std::fs::write(&merged, text).unwrap();
    let output = tempfile::tempdir().unwrap();
    let (code, stderr) = lotse(site.path(), &["build", "--output", output.path().to_str().unwrap()]);
    assert_eq!(code, Some(0), "{stderr}");
    let body = page(output.path(), "gremien/digit-steuerungsrunde.html");
    let links = texts(&body, "main a[href$='rollen/digit-beauftragte.html']");
    assert!(!links.is_empty(), "the Steuerungsrunde seats the DigIT-Beauftragte:r again");
    let own = facts(output.path(), "rollen/digit-beauftragte.html");
    assert!(own.iter().any(|f| f == "EGr. 13 TVöD"), "{own:?}");
}
