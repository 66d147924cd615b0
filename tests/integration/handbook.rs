//! The handbook PDF holds what `[handbook]` names and stays within its page budget; typeset
//! PDFs are reused from the cache only when nothing they read changed, with the same bytes.

use std::fs;
use std::path::Path;

use crate::harness;
use crate::pdf::pdf_text;
use crate::site::all_files;

/// The minimal site with a section of `count` guides of `words` words each and `handbook`
/// as its `[handbook]` table.
fn site_with_guides(count: usize, words: usize, handbook: &str) -> tempfile::TempDir {
    let dir = harness::copy_minimal();
    let content = dir.path().join("content");
    let folder = content.join("pages/anleitungen");
    fs::create_dir_all(&folder).unwrap();
    let text = "Antrag Verfahren Prüfung Entscheidung Umsetzung ".repeat(words / 5);
    for n in 0..count {
        fs::write(
            folder.join(format!("schritt-{n}.md")),
            format!("+++\ntitle = \"Anleitung Schritt {n}\"\n+++\n\n{text}\n"),
        )
        .unwrap();
    }
    fs::write(content.join("pages/notiz.md"), "+++\ntitle = \"Interne Notiz zur Ablage\"\n+++\n\nNur im Web.\n")
        .unwrap();
    let settings = fs::read_to_string(content.join("site.toml")).unwrap();
    let settings = settings.split("[handbook]").next().unwrap().to_owned();
    fs::write(content.join("site.toml"), format!("{settings}[handbook]\n{handbook}\n")).unwrap();
    dir
}

fn build(root: &Path, output: &Path, cache: bool) -> Result<lotse::build::BuildReport, String> {
    let checked = lotse::build::check(root).unwrap();
    assert!(!checked.diagnostics.has_errors(), "{:?}", lotse::build::sorted_diagnostics(&checked));
    let mut options = lotse::build::BuildOptions::new(output.to_path_buf());
    // One build time for all, so that two folders built after an edit date it alike.
    options.now = Some(lotse::published::Stamp(1_900_000_000));
    if !cache {
        options.cache = None;
    }
    lotse::build::build(root, &checked, &options).map_err(|error| error.to_string())
}

#[test]
fn the_handbook_holds_the_sections_and_pages_it_names_and_no_others() {
    let site = site_with_guides(2, 50, "sections = [\"anleitungen\"]\npages = [\"einfuehrung\"]");
    let out = tempfile::tempdir().unwrap();
    build(site.path(), &out.path().join("site"), true).unwrap();
    let text = pdf_text(&out.path().join("site/handbuch.pdf"));
    assert!(text.contains("Anleitung Schritt 0") && text.contains("Anleitung Schritt 1"), "{text}");
    assert!(!text.contains("Interne Notiz zur Ablage"), "a page not named stays out of the PDF");
    let site = site_with_guides(2, 50, "");
    build(site.path(), &out.path().join("other"), true).unwrap();
    let text = pdf_text(&out.path().join("other/handbuch.pdf"));
    assert!(!text.contains("Anleitung Schritt 0"), "without [handbook], free pages stay out");
    assert!(text.contains("Glossar"), "the governance model is always there");
}

#[test]
fn a_selection_far_over_the_budget_is_refused_before_typesetting_and_names_what_to_trim() {
    let site = site_with_guides(40, 2000, "sections = [\"anleitungen\"]\nmax_pages = 20");
    let out = tempfile::tempdir().unwrap();
    let started = std::time::Instant::now();
    let error = build(site.path(), &out.path().join("site"), true).unwrap_err();
    assert!(error.contains("handbuch.pdf"), "{error}");
    assert!(error.contains("Abschnitt `anleitungen`"), "names the section: {error}");
    assert!(error.contains("erlaubt sind 20"), "{error}");
    assert!(started.elapsed().as_secs() < 30, "refused without typesetting 120 pages");
    assert!(!out.path().join("site").exists(), "nothing written");
    assert!(!out.path().join(".site.lotse-neu").exists(), "no staging folder left behind");
}

#[test]
fn a_handbook_longer_than_its_budget_after_typesetting_is_an_error() {
    let site = site_with_guides(3, 500, "sections = [\"anleitungen\"]\nmax_pages = 2");
    let out = tempfile::tempdir().unwrap();
    let error = build(site.path(), &out.path().join("site"), true).unwrap_err();
    assert!(error.contains("Es hätte") && error.contains("erlaubt sind 2"), "{error}");
}

#[test]
fn pdfs_come_from_the_cache_only_while_nothing_they_read_changed_and_with_the_same_bytes() {
    let site = harness::copy_minimal();
    let out = tempfile::tempdir().unwrap();
    let output = out.path().join("site");
    let first = build(site.path(), &output, true).unwrap();
    assert!(first.reused.is_empty(), "a first build typesets everything: {:?}", first.reused);
    let pdfs: Vec<&String> = first.files.iter().filter(|path| path.ends_with(".pdf")).collect();
    let second = build(site.path(), &output, true).unwrap();
    assert_eq!(second.reused.iter().collect::<Vec<_>>(), pdfs, "every PDF reused");
    let fresh = out.path().join("fresh");
    build(site.path(), &fresh, false).unwrap();
    assert!(all_files(&output) == all_files(&fresh), "reused PDFs have the bytes of freshly typeset ones");

    let role = site.path().join("content/roles/digit-beraterin.toml");
    let text = fs::read_to_string(&role).unwrap();
    fs::write(&role, text.replacen("name = \"", "name = \"Geänderte ", 1)).unwrap();
    let third = build(site.path(), &output, true).unwrap();
    for typeset in ["rollen/digit-beraterin.pdf", "handbuch.pdf"] {
        assert!(!third.reused.iter().any(|p| p == typeset), "{typeset} read the changed role: {:?}", third.reused);
    }
    assert!(!third.reused.is_empty(), "PDFs that do not show the role are reused");
    build(site.path(), &fresh, false).unwrap();
    assert!(all_files(&output) == all_files(&fresh), "after an edit, cache and fresh build agree");
    assert!(pdf_text(&output.join("handbuch.pdf")).contains("Geänderte"));
}

#[test]
fn a_damaged_cache_entry_is_typeset_again() {
    let site = harness::copy_minimal();
    let out = tempfile::tempdir().unwrap();
    let output = out.path().join("site");
    build(site.path(), &output, true).unwrap();
    let cache = out.path().join(".site.lotse-cache");
    let mut damaged = 0;
    for entry in fs::read_dir(&cache).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "pdf") {
            fs::write(&path, b"kaputt").unwrap();
            damaged += 1;
        }
    }
    assert!(damaged > 3, "the cache holds the PDFs beside the output");
    let again = build(site.path(), &output, true).unwrap();
    assert!(again.reused.is_empty(), "damaged entries are not used: {:?}", again.reused);
    let fresh = out.path().join("fresh");
    build(site.path(), &fresh, false).unwrap();
    assert!(all_files(&output) == all_files(&fresh));
}

#[test]
fn a_large_portfolio_s_dashboard_pdf_lists_the_first_rows_and_how_many_more() {
    let site = harness::copy_minimal();
    let content = site.path().join("content");
    let mut statuses = String::new();
    for n in 100..180 {
        let project = fs::read_to_string(content.join("projects/P-2026-002.toml")).unwrap();
        let project = project.replacen("title = \"", &format!("title = \"Vorhaben {n} "), 1);
        fs::write(content.join(format!("projects/P-2026-{n}.toml")), project).unwrap();
        statuses.push_str(&format!("\n[[status]]\nproject = \"P-2026-{n}\"\noverall = \"green\"\nprogress = 10\n"));
    }
    let period = content.join("periods/2026-Q3.toml");
    fs::write(&period, fs::read_to_string(&period).unwrap() + &statuses).unwrap();
    let out = tempfile::tempdir().unwrap();
    let checked = lotse::build::check(site.path()).unwrap();
    assert!(!checked.diagnostics.has_errors(), "{:?}", lotse::build::sorted_diagnostics(&checked));
    let mut options = lotse::build::BuildOptions::new(out.path().join("site"));
    options.typst_sources = Some(out.path().join("typst"));
    lotse::build::build(site.path(), &checked, &options).unwrap();
    let pdf = fs::read_dir(out.path().join("site/dashboard/2026-q3"))
        .unwrap()
        .flatten()
        .find(|e| e.path().extension().is_some_and(|x| x == "pdf"));
    let text = pdf_text(&pdf.unwrap().path());
    assert!(text.contains("und 21 weitere"), "81 new projects, 60 shown: {text}");
    let folder = fs::read_dir(out.path().join("typst/dashboard/2026-q3")).unwrap().flatten().next().unwrap().path();
    let data: serde_json::Value = serde_json::from_slice(&fs::read(folder.join("data.json")).unwrap()).unwrap();
    let new = data["dashboard"]["changes"]["new_projects"].as_array().unwrap();
    assert_eq!(new.len(), 60, "Typst gets only the rows it shows");
    assert_eq!(data["more"]["new_projects"], 21);
}

#[test]
fn any_pdf_whose_text_surely_exceeds_the_budget_is_refused_before_typesetting() {
    let site = harness::copy_minimal();
    let paper = fs::read_dir(site.path().join("content/papers")).unwrap().flatten().next().unwrap().path();
    let text = fs::read_to_string(&paper).unwrap();
    fs::write(&paper, text + &"Sehr lange Begründung der Vorlage. ".repeat(45_000)).unwrap();
    let out = tempfile::tempdir().unwrap();
    let started = std::time::Instant::now();
    let error = build(site.path(), &out.path().join("site"), true).unwrap_err();
    assert!(error.contains("vorlagen/") && error.contains("mindestens 321 Seiten"), "{error}");
    assert!(error.contains("erlaubt sind 300") && error.contains("Kürzen Sie den Text"), "{error}");
    assert!(started.elapsed().as_secs() < 30, "refused without typesetting 321 pages");
}
