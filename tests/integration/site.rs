//! The built handbook site: facts on pages, escaping, theme overrides, determinism and
//! what a failed build leaves behind.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use scraper::{Html, Selector};

use crate::harness;

fn lotse(root: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lotse")).arg("--root").arg(root).args(args).output().unwrap()
}

pub(crate) fn build(root: &Path, output: &Path) {
    let result = lotse(root, &["build", "--output", output.to_str().unwrap()]);
    assert_eq!(result.status.code(), Some(0), "{}", String::from_utf8_lossy(&result.stderr));
}

fn bundled() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

pub(crate) fn page(output: &Path, path: &str) -> Html {
    Html::parse_document(&std::fs::read_to_string(output.join(path)).unwrap())
}

pub(crate) fn texts(html: &Html, selector: &str) -> Vec<String> {
    let selector = Selector::parse(selector).unwrap();
    html.select(&selector)
        .map(|e| e.text().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

/// Each table row as its cells' texts joined by one space, so that "2027" and "2027 ff." stay apart.
pub(crate) fn table_rows(html: &Html) -> Vec<String> {
    let rows = Selector::parse("tr").unwrap();
    let cells = Selector::parse("th, td").unwrap();
    let text = |e: scraper::ElementRef| e.text().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" ");
    html.select(&rows).map(|row| row.select(&cells).map(text).collect::<Vec<_>>().join(" ")).collect()
}

fn minimal_site() -> tempfile::TempDir {
    harness::copy_minimal()
}

pub(crate) fn all_files(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut pending = vec![root.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            if entry.path().is_dir() {
                pending.push(entry.path());
            } else {
                files.insert(
                    entry.path().strip_prefix(root).unwrap().to_path_buf(),
                    std::fs::read(entry.path()).unwrap(),
                );
            }
        }
    }
    files
}

#[test]
fn the_digit_beraterin_page_lists_every_task_and_her_bodies() {
    let out = tempfile::tempdir().unwrap();
    build(bundled(), out.path());
    let html = page(out.path(), "rollen/digit-beraterin.html");
    let model = lotse::build::check(bundled()).unwrap().model;
    let role = model.roles.iter().find(|r| r.id == "digit-beraterin").unwrap();
    let items = texts(&html, "main li");
    for group in &role.tasks {
        assert!(texts(&html, "main h3").contains(&group.title), "task group {}", group.title);
        for task in &group.items {
            assert!(items.contains(task), "task `{task}` is on the page");
        }
    }
    for competency in &role.competencies {
        assert!(items.contains(competency), "competency `{competency}`");
    }
    let links = texts(&html, "main a");
    assert!(links.iter().any(|l| l == "DigIT-Dialog"));
    assert!(links.iter().any(|l| l == "Zentrales Anforderungsmanagement"));
    assert_eq!(texts(&html, "h1"), ["DigIT-Berater:in"]);
}

#[test]
fn every_page_has_feedback_accessibility_statement_and_skip_link() {
    let out = tempfile::tempdir().unwrap();
    build(bundled(), out.path());
    let pages: Vec<_> =
        all_files(out.path()).into_keys().filter(|p| p.extension().is_some_and(|e| e == "html")).collect();
    assert!(pages.len() > 60, "{} pages", pages.len());
    for path in pages {
        let html = page(out.path(), path.to_str().unwrap());
        let links = texts(&html, "footer a");
        assert!(links.contains(&"Rückmeldung zu dieser Seite".to_owned()), "feedback link on {}", path.display());
        assert!(
            links.contains(&"Erklärung zur Barrierefreiheit".to_owned()),
            "accessibility statement on {}",
            path.display()
        );
        assert_eq!(
            texts(&html, ".skip-links a").first().map(String::as_str),
            Some("Zum Inhalt springen"),
            "{}",
            path.display()
        );
        assert_eq!(texts(&html, "h1").len(), 1, "one h1 on {}", path.display());
    }
}

#[test]
fn the_raci_matrix_is_an_accessible_table() {
    let out = tempfile::tempdir().unwrap();
    build(bundled(), out.path());
    let html = page(out.path(), "raci/index.html");
    let model = lotse::build::check(bundled()).unwrap().model;
    assert_eq!(texts(&html, "table.raci tbody th[scope=row]").len(), model.activities.len());
    assert!(texts(&html, "table.raci thead th[scope=col]").len() > 5);
    assert!(
        texts(&html, "table.raci tbody td").iter().filter(|cell| cell.contains('A')).count() >= model.activities.len()
    );
}

#[test]
fn urls_are_german_slugs() {
    let out = tempfile::tempdir().unwrap();
    build(bundled(), out.path());
    for path in [
        "rollen/digit-beraterin.html",
        "gremien/digit-steuerungsrunde.html",
        "praemissen/anschluss-und-benutzungszwang.html",
        "glossar/index.html",
        "steuerungsmodell/index.html",
    ] {
        assert!(out.path().join(path).is_file(), "{path}");
    }
}

#[test]
fn a_hostile_title_is_shown_literally() {
    let site = minimal_site();
    let roles = site.path().join("content/roles");
    let role = std::fs::read_dir(&roles)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "toml"))
        .unwrap();
    let text = std::fs::read_to_string(&role).unwrap();
    let hostile = "<script>alert(1)</script> # ] \\\" $x$";
    let changed: String = text
        .lines()
        .map(|line| if line.starts_with("name = ") { format!("name = \"{hostile}\"") } else { line.to_owned() })
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(&role, changed).unwrap();
    let out = tempfile::tempdir().unwrap();
    build(site.path(), out.path());
    let id = role.file_stem().unwrap().to_str().unwrap();
    let raw = std::fs::read_to_string(out.path().join(format!("rollen/{id}.html"))).unwrap();
    assert!(!raw.contains("<script>alert(1)"), "no executable script");
    assert!(raw.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    let html = Html::parse_document(&raw);
    assert_eq!(texts(&html, "h1"), ["<script>alert(1)</script> # ] \" $x$"]);
    // Everything a browser interprets; a PDF shows the title as the text it is (tests/pdf.rs).
    for (path, bytes) in all_files(out.path()).into_iter().filter(|(p, _)| {
        p.extension().is_some_and(|e| ["html", "js", "json", "xml", "svg"].contains(&e.to_str().unwrap()))
    }) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("<script>alert(1)"), "escaped in {}", path.display());
    }
}

#[test]
fn a_template_in_the_site_replaces_the_theme_s() {
    let site = minimal_site();
    std::fs::create_dir_all(site.path().join("templates")).unwrap();
    std::fs::write(
        site.path().join("templates/role.html"),
        "{% extends \"base.html\" %}{% block content %}<p class=\"eigene-vorlage\">Eigene Vorlage: {{ role.name }}</p>{% endblock content %}",
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    build(site.path(), out.path());
    let role = all_files(out.path())
        .into_keys()
        .find(|p| p.starts_with("rollen") && p.components().count() == 2 && !p.ends_with("index.html"))
        .unwrap();
    let html = page(out.path(), role.to_str().unwrap());
    assert_eq!(texts(&html, ".eigene-vorlage").len(), 1);
    assert!(texts(&html, ".eigene-vorlage")[0].starts_with("Eigene Vorlage: "));
    assert_eq!(
        texts(&html, "footer a").iter().filter(|l| *l == "Erklärung zur Barrierefreiheit").count(),
        1,
        "the footer of a site template still links the accessibility statement"
    );
    let body = all_files(out.path())
        .into_keys()
        .find(|p| p.starts_with("gremien") && p.components().count() == 2 && !p.ends_with("index.html"))
        .unwrap();
    assert!(
        texts(&page(out.path(), body.to_str().unwrap()), ".eigene-vorlage").is_empty(),
        "other templates stay the theme's"
    );
}

#[test]
fn the_same_content_builds_byte_identical_output() {
    let first = tempfile::tempdir().unwrap();
    let second = tempfile::tempdir().unwrap();
    build(bundled(), first.path());
    build(bundled(), second.path());
    let a = all_files(first.path());
    let b = all_files(second.path());
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (path, bytes) in &a {
        assert!(bytes == &b[path], "{} differs between two builds", path.display());
    }
}

#[test]
fn a_failed_build_leaves_the_previous_output_untouched() {
    let site = minimal_site();
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("output");
    build(site.path(), &target);
    let before = all_files(&target);
    std::fs::create_dir_all(site.path().join("templates")).unwrap();
    std::fs::write(
        site.path().join("templates/role.html"),
        "{% extends \"base.html\" %}{% block content %}{{ role.name | nosuchfilter }}{% endblock content %}",
    )
    .unwrap();
    let result = lotse(site.path(), &["build", "--output", target.to_str().unwrap()]);
    assert_eq!(result.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(stderr.contains("role.html"), "the error names the template: {stderr}");
    assert_eq!(all_files(&target), before, "output unchanged");
}

#[test]
fn the_output_folder_of_something_else_is_never_replaced() {
    let out = tempfile::tempdir().unwrap();
    std::fs::write(out.path().join("bericht.docx"), "wichtig").unwrap();
    let result = lotse(minimal_site().path(), &["build", "--output", out.path().to_str().unwrap()]);
    assert_eq!(result.status.code(), Some(2));
    assert!(out.path().join("bericht.docx").exists());
}

#[test]
fn the_dashboard_shows_the_numbers_of_the_period() {
    let out = tempfile::tempdir().unwrap();
    build(bundled(), out.path());
    let html = page(out.path(), "dashboard/2026-q3/index.html");
    let figures = texts(&html, ".figure");
    // Counted straight from the period file, not through the loader.
    let text = std::fs::read_to_string(bundled().join("content/periods/2026-Q3.toml")).unwrap();
    let value: toml::Value = toml::from_str(&text).unwrap();
    let statuses = value["status"].as_array().unwrap();
    let count = |ampel: &str| statuses.iter().filter(|s| s["overall"].as_str() == Some(ampel)).count();
    assert_eq!(figures[0], format!("{} Projekte mit Statusbericht", statuses.len()));
    assert_eq!(figures[1], format!("{} ● grün", count("green")));
    assert_eq!(figures[2], format!("{} ▲ gelb", count("yellow")));
    assert_eq!(figures[3], format!("{} ■ rot", count("red")));
    let model = lotse::build::check(bundled()).unwrap().model;
    let title = |id: &str| model.projects.iter().find(|p| p.id == id).unwrap().title.clone();
    let section = Selector::parse("#ampelwechsel + ul li a").unwrap();
    let changed: Vec<String> = html.select(&section).map(|a| a.text().collect()).collect();
    let expected: Vec<String> =
        ["P-2025-007", "P-2025-008", "P-2025-009", "P-2026-001", "P-2026-002"].iter().map(|id| title(id)).collect();
    assert_eq!(changed, expected, "exactly the projects whose Ampel changed");
    let rows = Selector::parse("#verschobene-meilensteine + .table-scroll tbody tr").unwrap();
    let cell = Selector::parse("td").unwrap();
    let slipped: Vec<Vec<String>> =
        html.select(&rows).map(|row| row.select(&cell).map(|c| c.text().collect::<String>()).collect()).collect();
    assert!(slipped.iter().any(|row| row[1] == "Anbindung an die E-Akte" && row[4] == "45"), "{slipped:?}");
    for kpi in &model.kpis {
        assert!(texts(&html, "#kpi ~ .table-scroll th[scope=row]").contains(&kpi.name), "{}", kpi.name);
    }
}

#[test]
fn building_as_of_an_earlier_period_stops_there() {
    let out = tempfile::tempdir().unwrap();
    let result = lotse(bundled(), &["build", "--period", "2026-Q1", "--output", out.path().to_str().unwrap()]);
    assert_eq!(result.status.code(), Some(0), "{}", String::from_utf8_lossy(&result.stderr));
    assert!(out.path().join("dashboard/2026-q1/index.html").is_file());
    assert!(!out.path().join("dashboard/2026-q3").exists());
    let start = page(out.path(), "index.html");
    assert!(texts(&start, ".latest-dashboard a")[0].ends_with("2026-Q1"));
    let unknown = lotse(bundled(), &["build", "--period", "2031-Q9", "--output", out.path().to_str().unwrap()]);
    assert_eq!(unknown.status.code(), Some(2));
}

#[test]
fn the_ranking_page_follows_the_weighted_scores() {
    let out = tempfile::tempdir().unwrap();
    build(bundled(), out.path());
    let html = page(out.path(), "priorisierung/index.html");
    let model = lotse::build::check(bundled()).unwrap().model;
    let expected: Vec<String> =
        lotse::portfolio::ranking(&model).iter().map(|r| format!("{}. {}", r.rank, r.title)).collect();
    let headings: Vec<String> =
        texts(&html, ".ranked h3").iter().map(|h| h.split(" – ").next().unwrap().to_owned()).collect();
    assert_eq!(headings, expected);
}

#[test]
fn a_unit_page_lists_what_names_it_under_any_of_its_names() {
    let site = minimal_site();
    let content = site.path().join("content");
    let mut units = std::fs::read_to_string(content.join("units.toml")).unwrap();
    units.push_str(
        "\n[[unit]]\nid = \"kdz-projekte\"\nname = \"Projekte im KDZ\"\nkind = \"sachgebiet\"\nparent = \"Kommunales Datenzentrum\"\n",
    );
    std::fs::write(content.join("units.toml"), units).unwrap();
    let project = content.join("projects/P-2026-001.toml");
    let moved =
        std::fs::read_to_string(&project).unwrap().replace("unit = \"32\"", "unit = \"Kommunales Datenzentrum\"");
    std::fs::write(&project, moved).unwrap();
    let out = tempfile::tempdir().unwrap();
    build(site.path(), out.path());

    let kdz = page(out.path(), "einheiten/kdz.html");
    assert_eq!(texts(&kdz, "#untereinheiten + ul li"), ["Projekte im KDZ"]);
    assert_eq!(texts(&kdz, "#projekte + ul li"), ["Online-Terminvergabe im Ordnungsamt"]);
    let sub_unit = page(out.path(), "einheiten/kdz-projekte.html");
    assert_eq!(texts(&sub_unit, "dl.facts dd"), ["KDZ"], "the parent, under its own name");
    let ordnungsamt = page(out.path(), "einheiten/32.html");
    let left = texts(&ordnungsamt, "#projekte + ul li");
    assert!(!left.iter().any(|t| t == "Online-Terminvergabe im Ordnungsamt"), "{left:?}");
}
