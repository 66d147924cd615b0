//! The PDFs of a build: what committee members read (pdftotext), what archives check
//! (PDF/A-3a and PDF/UA-1 declared), what a council information system takes (OParl
//! JSON, attached data), and that content is never read as Typst code.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::harness;

fn lotse(root: &Path, output: &Path) {
    let result = Command::new(env!("CARGO_BIN_EXE_lotse"))
        .arg("--root")
        .arg(root)
        .args(["build", "--output"])
        .arg(output)
        .output()
        .unwrap();
    assert_eq!(result.status.code(), Some(0), "{}", String::from_utf8_lossy(&result.stderr));
}

fn bundled() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The bundled site, built once for all tests of this file.
pub(crate) fn built() -> &'static Path {
    static OUTPUT: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    OUTPUT.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap().keep();
        lotse(bundled(), &dir.join("site"));
        dir.join("site")
    })
}

/// The PDF's text in reading layout (a table row stays on one line), whitespace collapsed
/// and words hyphenated at a line end (Typst's soft hyphen) joined again.
pub(crate) fn pdf_text(path: &Path) -> String {
    let output = Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    assert!(output.status.success(), "pdftotext failed on {}", path.display());
    let text = String::from_utf8(output.stdout).unwrap();
    let mut joined = String::new();
    for line in text.lines().map(str::trim) {
        match line.strip_suffix('\u{ad}') {
            Some(stem) => joined.push_str(stem),
            None => {
                joined.push_str(line);
                joined.push(' ');
            }
        }
    }
    joined.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn assert_contains(text: &str, needle: &str, what: &str) {
    let needle = needle.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains(&needle), "{what}: `{needle}` not in the PDF text:\n{text}");
}

fn paper_field(file: &str, key: &str) -> String {
    let text = std::fs::read_to_string(bundled().join("content/papers").join(file)).unwrap();
    let front = text.split("+++").nth(1).unwrap();
    let value: toml::Value = toml::from_str(front).unwrap();
    value[key].as_str().unwrap().to_owned()
}

#[test]
fn the_informationsvorlage_has_its_betreff_and_every_beratungsfolge_row() {
    let pdf = built().join("vorlagen/informationsvorlage-steuerungsmodell.pdf");
    let text = pdf_text(&pdf);
    assert_contains(&text, &paper_field("informationsvorlage-steuerungsmodell.md", "name"), "Betreff");
    assert_contains(&text, "Informationsvorlage", "paper type");
    assert_contains(&text, "Haupt- und Personalausschuss 18.06.2025 Kenntnisnahme", "Beratungsfolge row");
    assert_contains(&text, "Seite 1 von", "page numbers");
    // The named figures: the diagram's caption, the role table, the staffing chart.
    assert_contains(&text, "Schaubild des Steuerungsmodells", "diagram caption");
    assert_contains(&text, "Rollen im Steuerungsmodell", "role table caption");
    assert_contains(&text, "DigIT-Berater:in", "a role in the role table");
}

#[test]
fn the_beschlussvorlage_has_resolution_and_finance() {
    let text = pdf_text(&built().join("vorlagen/beschlussvorlage-fachverfahren-sozialleistungen.pdf"));
    assert_contains(&text, "Beispieldaten", "example notice");
    assert_contains(&text, "Beschlussvorschlag", "heading");
    assert_contains(&text, "Der Stadtrat beschließt:", "resolution");
    assert_contains(&text, "Finanzielle Auswirkungen", "heading");
    assert_contains(&text, "1.850.000 €", "amount");
    assert_contains(&text, "Haupt- und Personalausschuss 25.02.2026 Vorberatung", "Beratungsfolge");
    assert_contains(&text, "Stadtrat 11.03.2026 Entscheidung (entscheidend)", "Beratungsfolge");
}

#[test]
fn every_pdf_declares_pdf_a_3a_and_pdf_ua_1_with_title_and_language() {
    for name in ["informationsvorlage-steuerungsmodell", "beschlussvorlage-fachverfahren-sozialleistungen"] {
        let pdf = built().join(format!("vorlagen/{name}.pdf"));
        let meta = Command::new("pdfinfo").arg("-meta").arg(&pdf).output().unwrap();
        let xmp = String::from_utf8_lossy(&meta.stdout);
        assert!(
            xmp.contains("<pdfaid:part>3</pdfaid:part>") && xmp.contains("<pdfaid:conformance>A</pdfaid:conformance>"),
            "{name}: no PDF/A-3a in\n{xmp}"
        );
        assert!(xmp.contains("<pdfuaid:part>1</pdfuaid:part>"), "{name}: no PDF/UA-1 in\n{xmp}");
        let info = String::from_utf8_lossy(&Command::new("pdfinfo").arg(&pdf).output().unwrap().stdout).into_owned();
        assert!(info.contains("Tagged:          yes"), "{name}: not tagged\n{info}");
        assert!(info.lines().any(|l| l.starts_with("Title:") && l.len() > 20), "{name}: no title\n{info}");
        let check = Command::new("qpdf").arg("--check").arg(&pdf).output().unwrap();
        assert!(check.status.success(), "{name}: qpdf --check\n{}", String::from_utf8_lossy(&check.stdout));
    }
}

#[test]
fn the_numbers_behind_a_papers_figures_are_written_beside_and_attached_inside_its_pdf() {
    let dir = built().join("vorlagen");
    let roles = std::fs::read_to_string(dir.join("informationsvorlage-steuerungsmodell.rollen.csv")).unwrap();
    assert!(roles.starts_with("Rolle,Ebene,Organisationseinheit\r\n"), "{roles}");
    let listed = Command::new("pdfdetach")
        .arg("-list")
        .arg(dir.join("informationsvorlage-steuerungsmodell.pdf"))
        .output()
        .unwrap();
    let listed = String::from_utf8_lossy(&listed.stdout);
    for name in ["rollen", "stellenplan", "steuerungsmodell"] {
        let name = format!("informationsvorlage-steuerungsmodell.{name}.csv");
        assert!(listed.contains(&name), "{name} not attached:\n{listed}");
        assert!(dir.join(&name).is_file(), "{name} not beside the PDF");
    }
}

#[test]
fn the_paper_page_links_its_pdf_and_draws_its_figures() {
    let html = std::fs::read_to_string(built().join("vorlagen/informationsvorlage-steuerungsmodell.html")).unwrap();
    assert!(html.contains("href=\"../vorlagen/informationsvorlage-steuerungsmodell.pdf\""), "no PDF link");
    assert!(html.contains("<figure class=\"chart\""), "the diagram block is drawn on the page");
    assert!(html.contains("class=\"table-figure\""), "the role table block is drawn on the page");
}

#[test]
fn typst_and_markdown_specials_in_content_stay_text_in_the_pdf() {
    let site = harness::copy_minimal();
    let paper = site.path().join("content/papers/digit-portfolio-2026.md");
    let text = std::fs::read_to_string(&paper).unwrap();
    let hostile_title = r#"#sys.exit() ] $x$ \"quoted\" <script>"#;
    let text = text
        .replace("name = \"Fortschreibung des DigIT-Projektportfolios 2026\"", &format!("name = \"{hostile_title}\""));
    let text = format!("{text}\n\nRechnung: #sys.exit() ] und $x$ \"quoted\" @ref <label> = Titel\n\n- #let x = 1\n");
    std::fs::write(&paper, text).unwrap();
    let out = tempfile::tempdir().unwrap();
    lotse(site.path(), &out.path().join("site"));
    let pdf = pdf_text(&out.path().join("site/vorlagen/digit-portfolio-2026.pdf"));
    assert_contains(&pdf, r#"#sys.exit() ] $x$ "quoted" <script>"#, "title");
    assert_contains(&pdf, r#"Rechnung: #sys.exit() ] und $x$"#, "body");
    assert_contains(&pdf, "@ref <label> = Titel", "body");
    assert_contains(&pdf, "#let x = 1", "list item");
}

#[test]
fn the_dashboard_pdf_has_every_kpi_name_and_value_of_the_period() {
    let text = pdf_text(&built().join("dashboard/2026-q3/digit-dashboard-2026-q3.pdf"));
    let kpis: toml::Value =
        toml::from_str(&std::fs::read_to_string(bundled().join("content/kpis.toml")).unwrap()).unwrap();
    let period: toml::Value =
        toml::from_str(&std::fs::read_to_string(bundled().join("content/periods/2026-Q3.toml")).unwrap()).unwrap();
    let values = period["kpi"].as_table().unwrap();
    assert!(values.len() >= 3, "the period reports KPIs");
    for kpi in kpis["kpi"].as_array().unwrap() {
        let Some(value) = values.get(kpi["id"].as_str().unwrap()) else { continue };
        let value = value.as_float().or_else(|| value.as_integer().map(|i| i as f64)).unwrap();
        let german = format!("{value}").replace('.', ",");
        assert_contains(&text, kpi["name"].as_str().unwrap(), "KPI name");
        assert_contains(&text, &format!("{german} {}", kpi["unit"].as_str().unwrap()), "KPI value with unit");
    }
    assert_contains(&text, "Berichtsperiode 2026-Q3", "title page");
    assert_contains(&text, "Veränderungen seit der Vorperiode", "change list");
}

#[test]
fn every_role_has_a_role_card_pdf_with_its_tasks() {
    let roles = std::fs::read_dir(bundled().join("content/roles")).unwrap().count();
    let cards = std::fs::read_dir(built().join("rollen"))
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().extension().is_some_and(|x| x == "pdf"))
        .count();
    assert_eq!(cards, roles);
    let text = pdf_text(&built().join("rollen/digit-beraterin.pdf"));
    assert_contains(&text, "Rollensteckbrief", "kind");
    assert_contains(&text, "DigIT-Berater:in", "name");
    assert_contains(&text, "Erstellung von Anforderungsdokumentation", "a task from the role file");
}

#[test]
fn a_typst_template_in_the_site_replaces_the_theme_s() {
    let site = harness::copy_minimal();
    std::fs::create_dir_all(site.path().join("templates")).unwrap();
    std::fs::write(
        site.path().join("templates/vorlage.typ"),
        "#import \"/lotse.typ\": *\n#show: setup\n= Eigene Vorlage\n#data.title\n",
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    lotse(site.path(), &out.path().join("site"));
    let text = pdf_text(&out.path().join("site/vorlagen/digit-portfolio-2026.pdf"));
    assert_contains(&text, "Eigene Vorlage Fortschreibung des DigIT-Projektportfolios 2026", "own template");
    assert!(!text.contains("Beratungsfolge"), "the theme's template is not used: {text}");
}

#[test]
fn a_template_that_breaks_pdf_ua_fails_the_build_and_names_the_document() {
    let site = harness::copy_minimal();
    std::fs::create_dir_all(site.path().join("templates")).unwrap();
    // An image without alternative text is not allowed in PDF/UA-1.
    std::fs::write(
        site.path().join("templates/vorlage.typ"),
        "#import \"/lotse.typ\": *\n#show: setup\n#image(bytes(\"<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'/>\"))\n",
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    let result = Command::new(env!("CARGO_BIN_EXE_lotse"))
        .arg("--root")
        .arg(site.path())
        .args(["build", "--output"])
        .arg(out.path().join("site"))
        .output()
        .unwrap();
    assert_eq!(result.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(
        stderr.contains("vorlagen/digit-portfolio-2026.pdf")
            && stderr.contains("content/papers/digit-portfolio-2026.md"),
        "{stderr}"
    );
    assert!(stderr.contains("vorlage.typ"), "names the template: {stderr}");
    assert!(!out.path().join("site").exists(), "nothing written");
}

#[test]
fn the_handbook_pdf_holds_every_role_body_and_premise_and_the_footer_links_it() {
    let text = pdf_text(&built().join("handbuch.pdf"));
    for folder in ["roles", "bodies"] {
        for entry in std::fs::read_dir(bundled().join("content").join(folder)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "toml") {
                let value: toml::Value = toml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
                assert_contains(&text, value["name"].as_str().unwrap(), folder);
            }
        }
    }
    for entry in std::fs::read_dir(bundled().join("content/premises")).unwrap() {
        let file = entry.unwrap().path();
        let title = std::fs::read_to_string(&file)
            .unwrap()
            .lines()
            .find_map(|l| l.strip_prefix("title = \"")?.strip_suffix('"').map(str::to_owned))
            .unwrap();
        assert_contains(&text, &title, "premise");
    }
    assert_contains(&text, "Glossar", "glossary chapter");
    let start = std::fs::read_to_string(built().join("index.html")).unwrap();
    assert!(start.contains("href=\"handbuch.pdf\""), "the footer links the handbook PDF");
}

/// Builds `root` into `site/` of a fresh folder, with the Typst inputs in its `typst/`.
fn build_with_typst_sources(root: &Path) -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    let result = Command::new(env!("CARGO_BIN_EXE_lotse"))
        .arg("--root")
        .arg(root)
        .args(["build", "--output"])
        .arg(out.path().join("site"))
        .arg("--typst-sources")
        .arg(out.path().join("typst"))
        .output()
        .unwrap();
    assert_eq!(result.status.code(), Some(0), "{}", String::from_utf8_lossy(&result.stderr));
    out
}

#[test]
fn typst_sources_holds_each_pdf_s_input() {
    let out = build_with_typst_sources(&harness::minimal_site());
    let paper = out.path().join("typst/vorlagen/digit-portfolio-2026");
    for file in ["vorlage.typ", "lotse.typ", "body.typ", "resolution.typ"] {
        assert!(paper.join(file).is_file(), "{file} missing");
    }
    let data: serde_json::Value = serde_json::from_slice(&std::fs::read(paper.join("data.json")).unwrap()).unwrap();
    assert_eq!(data["title"], "Fortschreibung des DigIT-Projektportfolios 2026");
    assert!(out.path().join("typst/handbuch/handbuch.typ").is_file());
}

#[test]
fn typst_sources_are_what_typst_read_after_missing_characters_were_replaced() {
    let site = harness::copy_minimal();
    let page = site.path().join("content/pages/einfuehrung.md");
    let text = std::fs::read_to_string(&page).unwrap();
    std::fs::write(&page, text.replace("title = \"Einführung\"", "title = \"Einführung \u{10000}\"")).unwrap();
    let out = build_with_typst_sources(site.path());
    let handbook = out.path().join("typst/handbuch");
    let written: String = std::fs::read_dir(&handbook)
        .unwrap()
        .map(|entry| std::fs::read_to_string(entry.unwrap().path()).unwrap_or_default())
        .collect();
    assert!(written.contains("Einführung (U+10000)"), "the written sources hold the replacement");
    assert!(!written.contains('\u{10000}'), "the written sources hold no character Typst did not see");
}

/// The heading levels of an HTML page in order.
fn heading_levels(html: &str) -> Vec<u8> {
    let bytes = html.as_bytes();
    let level = |at: usize| bytes.get(at + 2).copied().filter(u8::is_ascii_digit).map(|digit| digit - b'0');
    html.match_indices("<h").filter_map(|(at, _)| level(at)).collect()
}

#[test]
fn english_method_terms_carry_their_language_and_no_page_skips_a_heading_level() {
    for page in ["raci/index.html", "rollen/digit-beraterin.html", "gremien/digit-konferenz.html"] {
        let html = std::fs::read_to_string(built().join(page)).unwrap();
        assert!(
            html.contains("(<span lang=\"en\">Accountable</span>)"),
            "{page}: the RACI legend's English terms are marked"
        );
    }
    for page in ["entscheidungen/index.html", "praemissen/index.html", "raci/index.html", "dashboard/index.html"] {
        let levels = heading_levels(&std::fs::read_to_string(built().join(page)).unwrap());
        assert_eq!(levels.first(), Some(&1), "{page}");
        for pair in levels.windows(2) {
            assert!(pair[1] <= pair[0] + 1, "{page}: h{} follows h{}", pair[1], pair[0]);
        }
    }
    let dashboard = std::fs::read_to_string(built().join("dashboard/2026-q2/index.html")).unwrap();
    assert!(
        !dashboard.contains(" in Tage,") && dashboard.contains("(Einheit: Tage)"),
        "chart descriptions name the unit"
    );
    let card = pdf_text(&built().join("rollen/digit-beraterin.pdf"));
    assert!(card.contains("A = rechenschaftspflichtig (Accountable)"), "the role card's legend");
}

#[test]
fn every_table_of_every_page_has_a_caption() {
    let mut tables = 0;
    let mut folders = vec![built().to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "html") {
                let html = std::fs::read_to_string(&path).unwrap();
                for (at, _) in html.match_indices("<table") {
                    tables += 1;
                    let rest = &html[at..];
                    let table_start = rest.find('>').unwrap() + 1;
                    assert!(
                        rest[table_start..].trim_start().starts_with("<caption"),
                        "{}: a table without a caption",
                        path.display()
                    );
                }
            }
        }
    }
    assert!(tables > 100, "{tables} tables");
}

#[test]
fn the_accessibility_statement_shows_its_bitv_facts_or_that_they_are_missing() {
    let bundled = std::fs::read_to_string(built().join("barrierefreiheit/index.html")).unwrap();
    let facts = &bundled[bundled.find("id=\"durchsetzungsverfahren\"").expect("the section")..];
    assert!(facts.contains("<strong>Noch nicht angegeben.</strong>"), "the missing enforcement procedure is said");
    assert!(facts.contains("Erstellt am: Noch nicht angegeben."), "the missing date is said");
    let out = tempfile::tempdir().unwrap();
    lotse(&harness::minimal_site(), &out.path().join("site"));
    let minimal = std::fs::read_to_string(out.path().join("site/barrierefreiheit/index.html")).unwrap();
    assert!(
        minimal.contains("Schlichtungsstelle des Landes, Musterstraße 1, 12345 Musterstadt"),
        "the enforcement procedure"
    );
    assert!(minimal.contains("Erstellt am: 01.09.2026"), "the date");
}

#[test]
fn the_staffing_table_adds_no_total_the_source_does_not_give() {
    let html = std::fs::read_to_string(built().join("stellenplan/index.html")).unwrap();
    assert!(html.contains("DigIT-Projektleitungen") && html.contains("11,2"), "the rows are there");
    assert!(!html.contains("<tfoot>") && !html.contains("20,2"), "no total row");
}

#[test]
fn the_staffing_plan_keeps_the_source_s_own_cells_and_its_2027_apart_from_2027_ff() {
    let page = crate::site::page(built(), "stellenplan/index.html");
    let rows = crate::site::table_rows(&page);
    let row = |start: &str| rows.iter().filter(|r| r.starts_with(start)).cloned().collect::<Vec<_>>();
    // Source: "Anwendungsmanager:in  _*  0  2027 ff."
    assert!(row("Anwendungsmanager:in").iter().any(|r| r.ends_with("_* 0 2027 ff.")), "{rows:?}");
    // Source: "4 = 2025 3 = 2026 2 = 2027 ff." for the project leads, "2 = 2027" for the advisers.
    assert!(row("DigIT-Projektleitungen").iter().any(|r| r.ends_with("4 (2025), 3 (2026), 2 (2027 ff.)")), "{rows:?}");
    assert!(row("DigIT-Berater:innen").iter().any(|r| r.ends_with("2 (2025), 2 (2026), 2 (2027)")), "{rows:?}");
    // The chart's numbers: 2027 and 2027 ff. are two columns, and there is no sum row.
    let header = rows.iter().find(|r| r.starts_with("Rolle 2025")).unwrap();
    assert_eq!(header, "Rolle 2025 2026 2027 2027 ff.");
    assert!(row("DigIT-Projektleitungen").iter().any(|r| r == "DigIT-Projektleitungen 4 3 – 2"), "{rows:?}");
    assert!(!rows.iter().any(|r| r.starts_with("Summe")), "{rows:?}");
}
