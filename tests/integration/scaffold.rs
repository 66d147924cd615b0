//! `lotse new`: every file it writes passes `lotse check` as written, in sites of
//! different shapes; it refuses invalid ids and never overwrites; `lotse new site`
//! builds.

use crate::harness::{self, describe};

use std::path::Path;
use std::process::{Command, Output};

fn lotse(root: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lotse"))
        .args(["--root", root.to_str().expect("utf-8 path")])
        .args(args)
        .output()
        .expect("run lotse")
}

/// Every file below `root/content` with its bytes, to see that nothing changed.
fn tree(root: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    let mut folders = vec![root.join("content")];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("read folder").flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else {
                files.push((path.display().to_string(), std::fs::read(&path).expect("read")));
            }
        }
    }
    files.sort();
    files
}

fn new_of_every_kind_checks(site: &Path, period: &str) {
    let before = lotse(site, &["check"]);
    assert_eq!(before.status.code(), Some(0), "{}", describe(&before));
    let items = [
        ("role", "neue-rolle", "content/roles/neue-rolle.toml"),
        ("body", "neues-gremium", "content/bodies/neues-gremium.toml"),
        ("project", "P-2099-001", "content/projects/P-2099-001.toml"),
        ("demand", "B-2099-001", "content/demands/B-2099-001.toml"),
        ("period", period, &format!("content/periods/{period}.toml")),
        ("paper", "neue-vorlage", "content/papers/neue-vorlage.md"),
        ("decision", "neue-entscheidung", "content/decisions/neue-entscheidung.toml"),
        ("page", "hilfe/neue-seite", "content/pages/hilfe/neue-seite.md"),
    ];
    for (kind, id, file) in items {
        let output = lotse(site, &["new", kind, id]);
        assert_eq!(output.status.code(), Some(0), "{kind}: {}", describe(&output));
        assert!(String::from_utf8_lossy(&output.stdout).contains(file), "{kind}: {}", describe(&output));
        assert!(site.join(file).is_file(), "{file}");
        let checked = lotse(site, &["check"]);
        assert_eq!(checked.status.code(), Some(0), "after `new {kind}`: {}", describe(&checked));
    }
    let warnings =
        |output: &Output| String::from_utf8_lossy(&output.stdout).split("keine Fehler, ").nth(1).map(str::to_owned);
    assert_eq!(warnings(&lotse(site, &["check"])), warnings(&before), "no new warnings");
    let built = lotse(site, &["build", "--output", site.join("output").to_str().expect("utf-8")]);
    assert_eq!(built.status.code(), Some(0), "{}", describe(&built));
    assert!(site.join("output/rollen/neue-rolle.html").is_file());
}

#[test]
fn every_new_file_passes_the_check_in_the_minimal_site() {
    let site = harness::copy_minimal();
    new_of_every_kind_checks(site.path(), "2026-Q4");
}

#[test]
fn every_new_file_passes_the_check_in_a_site_of_another_shape() {
    let site = tempfile::tempdir().expect("temp dir");
    harness::copy_tree(&harness::minimal_site().with_file_name("zweckverband"), site.path());
    new_of_every_kind_checks(site.path(), "2026-H2");
}

#[test]
fn refuses_invalid_and_taken_ids_and_writes_nothing() {
    let site = harness::copy_minimal();
    let before = tree(site.path());
    for (args, expected) in [
        (["new", "role", "Neue Rolle"], "Zum Beispiel: `neue-rolle`"),
        (["new", "role", "fachamtsleitung"], "Die ID `fachamtsleitung` gibt es schon"),
        (["new", "body", "../../etc/x"], "keine gültige ID"),
        (["new", "page", "/etc/x"], "keine gültige ID"),
        (["new", "project", "P 2026"], "Projekt- und Bedarfs-IDs bestehen aus"),
        (["new", "project", "p-2026-001"], "nur in Groß- und Kleinschreibung"),
        (["new", "period", "2026-H2"], "nach Quartal benannt"),
        (["new", "period", "2026-Q5"], "Berichtsperioden heißen nach Quartal"),
        (["new", "page", "index"], "Übersichtsseite"),
    ] {
        let output = lotse(site.path(), &args);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {}", describe(&output));
        assert!(String::from_utf8_lossy(&output.stderr).contains(expected), "{args:?}: {}", describe(&output));
    }
    assert_eq!(tree(site.path()), before, "nothing was written or changed");
}

#[test]
fn never_overwrites_a_file() {
    let site = harness::copy_minimal();
    // A file that exists but is not (yet) valid content is not replaced either.
    let file = site.path().join("content/decisions/entwurf.toml");
    std::fs::write(&file, "# mein Entwurf\n").expect("write");
    let output = lotse(site.path(), &["new", "decision", "entwurf"]);
    assert_eq!(output.status.code(), Some(2), "{}", describe(&output));
    assert!(String::from_utf8_lossy(&output.stderr).contains("überschreibt keine Datei"), "{}", describe(&output));
    assert_eq!(std::fs::read_to_string(&file).expect("read"), "# mein Entwurf\n");
}

#[test]
fn a_new_site_checks_with_only_the_statement_warnings_builds_and_is_not_made_twice() {
    let folder = tempfile::tempdir().expect("temp dir");
    let site = folder.path().join("kreis");
    let made = lotse(folder.path(), &["new", "site", site.to_str().expect("utf-8")]);
    assert_eq!(made.status.code(), Some(0), "{}", describe(&made));
    let checked = lotse(&site, &["check"]);
    assert_eq!(checked.status.code(), Some(0), "{}", describe(&checked));
    // Only the organisation knows its enforcement procedure and the statement's date.
    assert!(String::from_utf8_lossy(&checked.stdout).contains("keine Fehler, 2 Warnungen"), "{}", describe(&checked));
    assert_eq!(
        String::from_utf8_lossy(&checked.stderr).matches("In der Erklärung zur Barrierefreiheit fehlt").count(),
        2
    );
    let built = lotse(&site, &["build"]);
    assert_eq!(built.status.code(), Some(0), "{}", describe(&built));
    for file in ["index.html", "stellenplan/index.html", "handbuch.pdf", "rollen/digitalisierungsbeauftragte.pdf"] {
        assert!(site.join("output").join(file).is_file(), "{file}");
    }
    let before = tree(&site);
    let again = lotse(folder.path(), &["new", "site", site.to_str().expect("utf-8")]);
    assert_eq!(again.status.code(), Some(2), "{}", describe(&again));
    assert_eq!(tree(&site), before);
}
