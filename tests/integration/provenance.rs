//! Readings (Lesarten) of `sources.toml`: a marker wherever a statement they cover is
//! shown (pages, tables, PDFs), the page "Quellen und Lesart" that explains each, and the
//! checks that keep them honest.

use std::path::Path;
use std::process::Command;

use scraper::Selector;

use crate::harness;
use crate::pdf::{built, pdf_text};
use crate::site::{page, texts};

const RACI: &str = "Die RACI-Zuordnung ist abgeleitet";
const FLOWS: &str = "Start und Ziel der Abläufe sind rekonstruiert";
const CHALLENGES: &str = "Bereich und „Adressiert durch“ der Handlungsfelder sind zugeordnet";
const PAPER: &str = "Die Informationsvorlage ist aus der Präsentation nachgebildet";
const SOURCE: &str = "Überprüfung und Neuausrichtung der Leistungserbringung im Bereich IT und Digitalisierung in der LH Mainz – Vorstellung Ergebnisse im Haupt- und Personalausschuss (Landeshauptstadt Mainz, 18.06.2025)";

/// The titles of the reading markers on a page, each with the section heading above it.
fn markers(output: &Path, path: &str) -> Vec<String> {
    let html = page(output, path);
    let selector = Selector::parse("details.reading summary").unwrap();
    html.select(&selector)
        .map(|e| e.text().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

fn has(markers: &[String], title: &str) -> bool {
    markers.iter().any(|m| m.starts_with("Lesart:") && m.ends_with(title))
}

#[test]
fn role_body_and_handlungsfeld_pages_mark_the_raci_flow_and_handlungsfeld_readings() {
    let output = built();
    let role = markers(output, "rollen/anwendungsmanagerin.html");
    assert!(has(&role, RACI) && has(&role, FLOWS), "role page: {role:?}");
    let body = markers(output, "gremien/digit-konferenz.html");
    assert!(has(&body, RACI) && has(&body, FLOWS), "body page: {body:?}");
    let challenges = markers(output, "handlungsfelder/index.html");
    assert!(has(&challenges, CHALLENGES), "Handlungsfelder page: {challenges:?}");
    assert!(has(&markers(output, "raci/index.html"), RACI));
    assert!(has(&markers(output, "steuerungsmodell/index.html"), FLOWS));
    // One item: the inferred number of the Hauptamt, the reconstructed Informationsvorlage,
    // the example units.
    assert!(has(&markers(output, "einheiten/10.html"), "Die Nummer 10 des Hauptamts ist abgeleitet"));
    assert!(has(&markers(output, "vorlagen/informationsvorlage-steuerungsmodell.html"), PAPER));
    let example = markers(output, "einheiten/bsp-umweltamt.html");
    assert!(example.iter().any(|m| m.starts_with("Beispieldaten:")), "{example:?}");
    let explained = texts(&page(output, "rollen/anwendungsmanagerin.html"), "details.reading p").join(" ");
    assert!(explained.contains(&format!("Quelle: {SOURCE}.")), "the marker names its source: {explained}");
    // A page none of it applies to carries no marker.
    assert!(markers(output, "glossar/index.html").is_empty());
}

#[test]
fn the_role_card_and_the_paper_pdfs_carry_their_readings() {
    let output = built();
    let card = pdf_text(&output.join("rollen/digit-beraterin.pdf"));
    assert!(card.contains(&format!("Lesart: {RACI}.")), "{card}");
    assert!(card.contains("Das Quelldokument enthält keine RACI-Matrix."), "the reasoning is in the PDF");
    // ... and which document "das Quelldokument" is, since a printed card has no links.
    assert!(card.contains(&format!("eingetragen. Quelle: {SOURCE}")), "{card}");
    // A card whose own text speaks of the source names it at its end, readings or not.
    let card = pdf_text(&output.join("rollen/fachamts-evp.pdf"));
    assert!(card.contains("im Quelldokument nicht ausgeschrieben"), "{card}");
    assert!(card.contains(&format!("Quelle: {SOURCE}.")), "{card}");
    let paper = pdf_text(&output.join("vorlagen/informationsvorlage-steuerungsmodell.pdf"));
    assert!(paper.contains(&format!("Lesart: {PAPER}.")), "{paper}");
    let handbook = pdf_text(&output.join("handbuch.pdf"));
    assert!(handbook.contains(&format!("Lesart: {RACI}.")), "the handbook's role cards too");
}

#[test]
fn every_marker_links_its_entry_on_the_sources_page() {
    let output = built();
    let sources = page(output, "quellen/index.html");
    let ids: Vec<String> = sources
        .select(&Selector::parse("[id]").unwrap())
        .filter_map(|e| e.value().attr("id").map(str::to_owned))
        .collect();
    let headings = crate::site::texts(&sources, "h3");
    assert_eq!(headings.len(), 7, "{headings:?}");
    for title in [RACI, FLOWS, CHALLENGES, PAPER] {
        assert!(headings.iter().any(|h| h == &format!("Lesart: {title}")), "{title} not on the sources page");
    }
    for path in ["rollen/anwendungsmanagerin.html", "gremien/digit-konferenz.html", "handlungsfelder/index.html"] {
        let html = page(output, path);
        for link in html.select(&Selector::parse("details.reading a").unwrap()) {
            let href = link.value().attr("href").unwrap();
            let (file, anchor) = href.split_once('#').unwrap();
            assert!(file.ends_with("quellen/index.html"), "{path}: {href}");
            assert!(ids.iter().any(|id| id == anchor), "{path}: #{anchor} is not on the sources page");
        }
    }
}

fn check(root: &Path) -> (Option<i32>, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_lotse")).arg("--root").arg(root).arg("check").output().unwrap();
    (output.status.code(), String::from_utf8_lossy(&output.stderr).into_owned())
}

#[test]
fn an_interpretation_without_reasoning_is_warned_about_and_an_unknown_target_refused() {
    let site = harness::copy_minimal();
    let sources = site.path().join("content/sources.toml");
    std::fs::write(
        &sources,
        "[[reading]]\nid = \"ohne-grund\"\nkind = \"interpretation\"\ntitle = \"Ohne Grund\"\napplies = [\"raci\"]\n",
    )
    .unwrap();
    let (code, stderr) = check(site.path());
    assert_eq!(code, Some(0), "a warning only:\n{stderr}");
    assert!(stderr.contains("Die Lesart `ohne-grund` ist eine Interpretation ohne Begründung"), "{stderr}");
    assert!(stderr.contains("content/sources.toml:2"), "it names the line:\n{stderr}");

    std::fs::write(
        &sources,
        "[[reading]]\nid = \"falsch\"\nkind = \"example\"\ntitle = \"Falsch\"\napplies = [\"racy\", \"role:gibt-es-nicht\"]\nsource = \"nirgends\"\n",
    )
    .unwrap();
    let (code, stderr) = check(site.path());
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("`racy` ist nichts, wofür eine Lesart gelten kann"), "{stderr}");
    assert!(stderr.contains("Meinten Sie `raci`?"), "{stderr}");
    assert!(stderr.contains("gibt-es-nicht"), "{stderr}");
    assert!(stderr.contains("Die Quelle `nirgends` gibt es nicht"), "{stderr}");
}

#[test]
fn reading_text_stays_text() {
    let site = harness::copy_minimal();
    std::fs::write(
        site.path().join("content/sources.toml"),
        "[[source]]\nid = \"q\"\ntitle = \"Quelle ] #panic() $x$ <i>kursiv</i>\"\n\n[[reading]]\nid = \"roh\"\nkind = \"interpretation\"\ntitle = \"<script>alert(1)</script> {{ x }}\"\nsource = \"q\"\nlocation = \"Folie *3*\"\nreasoning = \"#sys.exit() <b>fett</b>\"\napplies = [\"raci\"]\n",
    )
    .unwrap();
    let output = tempfile::tempdir().unwrap();
    crate::site::build(site.path(), output.path());
    let html = std::fs::read_to_string(output.path().join("quellen/index.html")).unwrap();
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;&#x2F;script&gt; {{ x }}")
            || html.contains("&lt;script&gt;alert(1)&lt;/script&gt; {{ x }}"),
        "{html}"
    );
    assert!(!html.contains("<b>fett</b>"));
    let card = pdf_text(&output.path().join("rollen/digit-beraterin.pdf"));
    assert!(card.contains("#sys.exit() <b>fett</b> Quelle: Quelle ] #panic() $x$ <i>kursiv</i>; Folie *3*."), "{card}");
}
