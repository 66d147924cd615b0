//! Fixture sites of other shapes, built through the library: a second organisation with
//! its own ids, four levels, half-yearly periods and its own words, and a site with a
//! theme of its own that replaces one label, one template block and one Typst template.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use lotse::build::{BuildOptions, BuildReport, JobKind, Reads};
use scraper::{Html, Selector};

use crate::harness;
use crate::pdf::pdf_text;
use crate::site::{all_files, page, texts};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sites").join(name)
}

/// Checks and builds `root` with the library calls; the content must be clean.
fn build(root: &Path, output: &Path) -> BuildReport {
    let checked = lotse::build::check(root).unwrap();
    let problems = lotse::diag::render_plain(&lotse::build::sorted_diagnostics(&checked), &checked.sources);
    assert!(checked.diagnostics.iter().next().is_none(), "{} has problems:\n{problems}", root.display());
    lotse::build::build(root, &checked, &BuildOptions::new(output.to_path_buf())).unwrap()
}

/// The second organisation, built once for all tests of this module.
fn second_organisation() -> &'static (PathBuf, BuildReport) {
    static BUILT: std::sync::OnceLock<(PathBuf, BuildReport)> = std::sync::OnceLock::new();
    BUILT.get_or_init(|| {
        let output = tempfile::tempdir().unwrap().keep();
        let report = build(&fixture("zweckverband"), &output);
        (output, report)
    })
}

fn html_pages(output: &Path) -> Vec<String> {
    all_files(output)
        .into_keys()
        .filter(|path| path.extension().is_some_and(|e| e == "html"))
        .map(|path| path.to_string_lossy().replace('\\', "/"))
        .collect()
}

/// The site-relative file an href on page `from` points at, without fragment.
fn resolve(from: &str, href: &str) -> String {
    let href = href.split(['#', '?']).next().unwrap_or_default();
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for part in href.split('/') {
        match part {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            part => parts.push(part),
        }
    }
    parts.join("/")
}

fn links(html: &Html, selector: &str) -> Vec<(String, String)> {
    let selector = Selector::parse(selector).unwrap();
    html.select(&selector)
        .filter_map(|a| {
            let text = a.text().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" ");
            Some((text, a.value().attr("href")?.to_owned()))
        })
        .collect()
}

#[test]
fn every_page_of_the_second_organisation_links_its_statement_easy_language_and_feedback() {
    let (output, _) = second_organisation();
    let pages = html_pages(output);
    assert!(pages.len() > 40, "{} pages", pages.len());
    let wanted = [
        ("Erklärung zur Barrierefreiheit", "erklaerung-barrierefreiheit/index.html"),
        ("Leichte Sprache", "einfache-sprache/index.html"),
        ("Rückmeldung zu dieser Seite", "kontakt/index.html"),
    ];
    for path in pages.iter().filter(|p| *p != "404.html") {
        let footer = links(&page(output, path), "footer a");
        for (text, target) in wanted {
            let found = footer.iter().find(|(t, _)| t == text);
            let (_, href) = found.unwrap_or_else(|| panic!("{path}: no footer link `{text}`"));
            assert_eq!(resolve(path, href), target, "{path}: `{text}`");
        }
    }
}

#[test]
fn no_internal_link_or_asset_of_the_second_organisation_is_dead() {
    let (output, _) = second_organisation();
    let files: BTreeSet<String> =
        all_files(output).into_keys().map(|p| p.to_string_lossy().replace('\\', "/")).collect();
    let mut checked = 0;
    for path in html_pages(output).iter().filter(|p| *p != "404.html") {
        let html = page(output, path);
        let selector = Selector::parse("[href], [src]").unwrap();
        for element in html.select(&selector) {
            let target = element.value().attr("href").or(element.value().attr("src")).unwrap();
            if target.starts_with('#') || target.contains(':') {
                continue;
            }
            let file = resolve(path, target);
            let file = if file.is_empty() || target.ends_with('/') { format!("{file}/index.html") } else { file };
            assert!(files.contains(file.trim_start_matches('/')), "{path}: dead link `{target}` ({file})");
            checked += 1;
        }
    }
    assert!(checked > 500, "{checked} links checked");
}

#[test]
fn nothing_of_mainz_is_in_the_second_organisation_s_pages_pdfs_and_file_names() {
    let (output, _) = second_organisation();
    const FOREIGN: &[&str] = &[
        "Mainz",
        "DigIT",
        "Fast Lane",
        "Fachämter",
        "Fachamt",
        "Projektantr",
        "KDZ",
        "digit-",
        "drei Ebenen",
        "Strategie, Steuerung und Umsetzung",
    ];
    for (path, bytes) in all_files(output) {
        let name = path.to_string_lossy().to_string();
        let text = match path.extension().and_then(|e| e.to_str()) {
            Some("pdf") => pdf_text(&output.join(&path)),
            Some("html" | "js" | "json" | "xml" | "csv" | "css" | "svg") => String::from_utf8(bytes).unwrap(),
            _ => String::new(),
        };
        for word in FOREIGN {
            assert!(!name.contains(&word.to_lowercase()), "file name {name} has `{word}`");
            assert!(!text.contains(word), "{name} says `{word}`");
        }
    }
}

#[test]
fn the_second_organisation_s_words_levels_and_half_years_reach_the_pages_and_pdfs() {
    let (output, _) = second_organisation();
    let demands = page(output, "bedarfe/index.html");
    assert!(texts(&demands, "main h2, main h3").iter().any(|t| t.contains("Im Erstgespräch")), "renamed stage");
    assert!(output.join("dashboard/2026-h1/index.html").is_file());
    assert!(output.join("dashboard/2025-h2/index.html").is_file());
    let dashboard = pdf_text(&output.join("dashboard/2026-h1/dashboard-2026-h1.pdf"));
    assert!(dashboard.contains("Dashboard 2026-H1"), "{dashboard}");
    // Four levels, four bands, each with a colour of its own.
    let model = std::fs::read_to_string(output.join("steuerungsmodell/index.html")).unwrap();
    let svg = Html::parse_document(&model);
    let bands = Selector::parse(".lotse-bands rect").unwrap();
    let fills: Vec<&str> = svg.select(&bands).filter_map(|r| r.value().attr("fill")).collect();
    let distinct: BTreeSet<&str> = fills.iter().copied().collect();
    assert_eq!(distinct.len(), 8, "a band fill and a name-column fill per level: {fills:?}");
    // The start page's entries are the ones site.toml names.
    let start = page(output, "index.html");
    let entries: Vec<String> = links(&start, ".cards--begin a").into_iter().map(|(_, href)| href).collect();
    for target in ["gremien/vorhabenrunde.html", "rollen/vorhabenbegleitung.html", "leitfaden/index.html"] {
        assert!(entries.iter().any(|href| href == target), "start page links {target}: {entries:?}");
    }
}

#[test]
fn the_build_reports_every_job_with_what_it_reads() {
    let (output, report) = second_organisation();
    let pages = report.jobs.iter().filter(|job| matches!(job.kind, JobKind::Page { .. })).count();
    assert_eq!(pages, html_pages(output).len());
    let role_page = report.jobs.iter().find(|job| job.output == "rollen/vorhabenbegleitung.html").unwrap();
    assert_eq!(role_page.reads, Reads::Files(vec!["content/roles/vorhabenbegleitung.toml".to_owned()]));
    let role_card = report.jobs.iter().find(|job| job.output == "rollen/vorhabenbegleitung.pdf").unwrap();
    assert_eq!(role_card.kind, JobKind::Pdf { template: "rolle.typ".to_owned() });
    let handbook = report.jobs.iter().find(|job| job.output == "handbuch.pdf").unwrap();
    assert_eq!(handbook.reads, Reads::Content);
    for kind in [JobKind::Assets, JobKind::SearchIndex, JobKind::Sitemap] {
        assert!(report.jobs.iter().any(|job| job.kind == kind), "{kind:?}");
    }
    assert!(report.files.iter().any(|f| f == "sitemap.xml"));
}

#[test]
fn a_theme_replaces_one_label_one_block_and_one_typst_template_and_takes_the_rest_from_the_default() {
    let site = harness::copy_minimal();
    harness::copy_tree(&fixture("themed"), site.path());
    let output = tempfile::tempdir().unwrap();
    build(site.path(), output.path());
    let role_path = all_files(output.path())
        .into_keys()
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .find(|p| p.starts_with("rollen/") && p.ends_with(".html") && !p.ends_with("index.html"))
        .unwrap();
    let role = page(output.path(), &role_path);
    assert_eq!(texts(&role, ".amtsrot-kicker"), ["Rollenprofil"], "the theme's header block");
    assert!(!texts(&role, "main h2").is_empty(), "the default's content block");
    let footer: Vec<String> = links(&role, "footer a").into_iter().map(|(text, _)| text).collect();
    assert!(footer.contains(&"Barrierefreiheit dieses Handbuchs".to_owned()), "the theme's label: {footer:?}");
    assert!(footer.contains(&"Das ganze Handbuch als PDF".to_owned()), "the default's label: {footer:?}");
    let css = |path: &str| std::fs::read(output.path().join(path)).unwrap();
    assert_eq!(
        css("assets/css/theme.css"),
        std::fs::read(fixture("themed/themes/amtsrot/static/css/theme.css")).unwrap()
    );
    let default_css = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/static/css/lotse.css");
    assert_eq!(css("assets/css/lotse.css"), std::fs::read(default_css).unwrap());
    let card = pdf_text(&output.path().join(role_path.replace(".html", ".pdf")));
    assert!(card.contains("Rollenprofil (Theme amtsrot)"), "the theme's Typst template: {card}");
    let handbook = pdf_text(&output.path().join("handbuch.pdf"));
    assert!(handbook.contains("Das Steuerungsmodell") && handbook.contains("Glossar"), "the default's handbuch.typ");
}

/// The minimal site with `extra` appended to its `site.toml`.
fn minimal_with_settings(extra: &str) -> tempfile::TempDir {
    let site = harness::copy_minimal();
    let settings = site.path().join("content/site.toml");
    let text = std::fs::read_to_string(&settings).unwrap();
    std::fs::write(&settings, format!("{text}\n{extra}\n")).unwrap();
    site
}

#[test]
fn build_settings_without_pdfs_give_pages_that_link_no_pdf() {
    let site = minimal_with_settings("[build]\npdf = false");
    let output = tempfile::tempdir().unwrap();
    let report = build(site.path(), output.path());
    assert!(!report.files.iter().any(|f| f.ends_with(".pdf") || f.ends_with(".csv")), "{:?}", report.files);
    assert!(report.files.iter().any(|f| f == "index.html"));
    // The papers are still published as OParl, without files.
    let paper: serde_json::Value =
        serde_json::from_slice(&std::fs::read(output.path().join("vorlagen/digit-portfolio-2026.oparl.json")).unwrap())
            .unwrap();
    assert!(paper.get("mainFile").is_none() && paper["auxiliaryFile"] == serde_json::json!([]), "{paper}");
    for path in html_pages(output.path()) {
        let html = std::fs::read_to_string(output.path().join(&path)).unwrap();
        assert!(!html.contains(".pdf\""), "{path} links a PDF that is not built");
    }
}

#[test]
fn build_settings_without_the_site_give_only_the_pdfs() {
    let site = minimal_with_settings("[build]\nsite = false");
    let output = tempfile::tempdir().unwrap();
    let report = build(site.path(), output.path());
    assert!(report.files.iter().any(|f| f == "handbuch.pdf"));
    assert!(!report.files.iter().any(|f| f.ends_with(".html")), "{:?}", report.files);
}

#[test]
fn a_figure_placed_in_a_text_beside_the_page_s_own_drawing_of_it_shares_no_id() {
    // The second organisation's steering-model text places the diagram the page draws too.
    let (output, _) = second_organisation();
    for path in html_pages(output) {
        let html = page(output, &path);
        let selector = Selector::parse("[id]").unwrap();
        let mut seen = BTreeSet::new();
        for element in html.select(&selector) {
            let id = element.value().attr("id").unwrap();
            assert!(seen.insert(id.to_owned()), "{path}: the id `{id}` occurs twice");
        }
    }
}
