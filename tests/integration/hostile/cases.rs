//! The hostile cases, by class: the site folder as a boundary, URLs, the output, limits,
//! verdicts, and legitimate but nasty text.

use super::{Case, Expect, run};

macro_rules! cases {
    ($($name:ident: $setup:expr => $expect:expr;)*) => {$(
        #[test]
        fn $name() {
            run($setup, $expect)
        }
    )*};
}

const fn refused(names: &'static [&'static str]) -> Expect {
    Expect::Refused { code: 1, names }
}

const fn usage(names: &'static [&'static str]) -> Expect {
    Expect::Refused { code: 2, names }
}

const fn built(html: &'static [&'static str], pdf: &'static [&'static str]) -> Expect {
    Expect::Built { html, pdf, warns: &[] }
}

const PAGE: &str = "content/pages/einfuehrung.md";
const SITE: &str = "content/site.toml";
const ROLE: &str = "content/roles/fachamtsleitung.toml";
const PROJECT: &str = "content/projects/P-2026-001.toml";
const OTHER_PROJECT: &str = "content/projects/P-2026-002.toml";
const DECISION: &str = "content/decisions/2026-09-ausnahme-serverumstellung.toml";
const PAPER: &str = "content/papers/digit-portfolio-2026.md";

/// A page of the handbook PDF with `body` as its text.
fn page(case: &Case, body: &str) -> Vec<String> {
    case.append(PAGE, &format!("\n{body}\n"));
    Vec::new()
}

/// The handbook page with a new title.
fn title(case: &Case, title: &str) -> Vec<String> {
    case.edit(PAGE, "title = \"Einführung\"", &format!("title = {}", toml_string(title)));
    Vec::new()
}

fn toml_string(text: &str) -> String {
    toml::Value::String(text.to_owned()).to_string()
}

fn site_setting(case: &Case, line: &str) -> Vec<String> {
    case.edit(SITE, "language = \"de\"", &format!("{line}\nlanguage = \"de\""));
    Vec::new()
}

fn typst_template(case: &Case, code: &str) -> Vec<String> {
    let theme = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/typst/handbuch.typ"),
    )
    .expect("theme template");
    case.write("templates/handbuch.typ", format!("{code}\n{theme}"));
    Vec::new()
}

// --- 1. The site folder is a boundary --------------------------------------------------
cases! {
    markdown_file_linked_to_outside: |c| { c.link(c.outside().join("geheim.md"), "content/pages/geheim.md"); vec![] }
        => refused(&["content/pages/geheim.md", "außerhalb des Site-Ordners"]);
    toml_file_linked_to_outside: |c| {
        std::fs::write(c.outside().join("rolle.toml"), "name = \"GEHEIM-4711\"\nsummary = \"x\"\n").unwrap();
        c.link(c.outside().join("rolle.toml"), "content/roles/fremd.toml"); vec![]
    } => refused(&["content/roles/fremd.toml", "außerhalb"]);
    folder_linked_to_outside: |c| { c.link(c.outside(), "content/pages/aussen"); vec![] }
        => refused(&["content/pages/aussen", "außerhalb"]);
    content_folder_linked_to_outside: |c| {
        crate::harness::copy_tree(&c.at("content"), &c.outside().join("content"));
        c.link(c.outside().join("content"), "content"); vec![]
    } => usage(&["content", "außerhalb"]);
    site_toml_linked_to_outside: |c| {
        std::fs::copy(c.at(SITE), c.outside().join("site.toml")).unwrap();
        c.link(c.outside().join("site.toml"), SITE); vec![]
    } => refused(&["content/site.toml", "außerhalb"]);
    period_file_linked_to_etc: |c| { c.link("/etc/passwd", "content/periods/2026-Q4.toml"); vec![] }
        => refused(&["content/periods/2026-Q4.toml", "außerhalb"]);
    two_links_in_a_circle: |c| {
        c.link(c.at("content/pages/b.md"), "content/pages/a.md");
        c.link(c.at("content/pages/a.md"), "content/pages/b.md"); vec![]
    } => refused(&["content/pages/a.md", "Link-Schleife"]);
    a_link_to_itself: |c| { c.link(c.at("content/pages/selbst.md"), "content/pages/selbst.md"); vec![] }
        => refused(&["content/pages/selbst.md", "Link-Schleife"]);
    a_link_into_nothing: |c| { c.link(c.at("content/pages/fehlt.md"), "content/pages/weg.md"); vec![] }
        => refused(&["content/pages/weg.md", "ins Leere"]);
    a_folder_linked_to_its_parent: |c| { c.link(c.at("content/pages"), "content/pages/unten"); vec![] }
        => refused(&["content/pages/unten", "Link-Schleife"]);
    two_folder_loops: |c| {
        c.link(c.at("content/pages"), "content/pages/eins");
        c.link(c.at("content"), "content/pages/zwei"); vec![]
    } => refused(&["content/pages/eins", "Link-Schleife"]);
    a_folder_linked_to_the_site_root: |c| { c.link(c.site(), "content/pages/wurzel"); vec![] }
        => refused(&["content/pages/wurzel"]);
    theme_as_a_parent_path: |c| site_setting_replacing(c, "theme = \"default\"", "theme = \"../../aussen\"")
        => refused(&["site.toml", "nicht mit einem Pfad", "../../aussen"]);
    theme_as_an_absolute_path: |c| site_setting_replacing(c, "theme = \"default\"", "theme = \"/etc\"")
        => refused(&["site.toml", "/etc"]);
    theme_with_backslashes: |c| site_setting_replacing(c, "theme = \"default\"", "theme = '..\\..\\aussen'")
        => refused(&["site.toml", "nicht mit einem Pfad"]);
    theme_empty: |c| site_setting_replacing(c, "theme = \"default\"", "theme = \"\"")
        => refused(&["site.toml", "nicht mit einem Pfad"]);
    theme_that_does_not_exist: |c| site_setting_replacing(c, "theme = \"default\"", "theme = \"stadt\"")
        => refused(&["themes/stadt"]);
    theme_folder_linked_to_outside: |c| {
        c.link(c.outside(), "themes/stadt");
        site_setting_replacing(c, "theme = \"default\"", "theme = \"stadt\"")
    } => refused(&["themes/stadt", "außerhalb"]);
    theme_file_linked_to_outside: |c| {
        c.write("themes/stadt/labels/de.toml", "");
        c.link(c.outside().join("geheim.md"), "themes/stadt/static/geheim.txt");
        site_setting_replacing(c, "theme = \"default\"", "theme = \"stadt\"")
    } => refused(&["themes/stadt/static/geheim.txt", "außerhalb"]);
    template_linked_to_outside: |c| { c.link(c.outside().join("geheim.md"), "templates/page.html"); vec![] }
        => refused(&["templates/page.html", "außerhalb"]);
    static_file_linked_to_outside: |c| { c.link("/etc/hostname", "static/host.txt"); vec![] }
        => refused(&["static/host.txt", "außerhalb"]);
    static_folder_in_a_loop: |c| { c.link(c.at("static"), "static/wieder"); vec![] }
        => refused(&["static/wieder", "Link-Schleife"]);
    typst_read_outside: |c| typst_template(c, "#let secret = read(\"/etc/passwd\")\n#secret")
        => refused(&["handbuch.pdf", "/etc/passwd"]);
    typst_image_outside: |c| typst_template(c, "#image(\"../../../../etc/hostname.png\")")
        => refused(&["handbuch.pdf", "hostname.png"]);
    typst_include_outside: |c| typst_template(c, "#include \"/etc/passwd\"")
        => refused(&["handbuch.pdf", "/etc/passwd"]);
    tera_include_outside: |c| { c.write("templates/page.html", "{% include \"../../../etc/passwd\" %}"); vec![] }
        => refused(&["Vorlage", "etc/passwd"]);
    tera_include_of_a_link_out: |c| {
        c.link(c.outside().join("geheim.md"), "templates/geheim.html");
        c.write("templates/page.html", "{% include \"geheim.html\" %}"); vec![]
    } => refused(&["templates/geheim.html", "außerhalb"]);
    a_link_inside_the_site_is_followed: |c| {
        c.write("geteilt/gemeinsam.md", "+++\ntitle = \"Gemeinsamer Text\"\n+++\nTEILTEXT-0815\n");
        c.link(c.at("geteilt/gemeinsam.md"), "content/pages/gemeinsam.md"); vec![]
    } => built(&["TEILTEXT-0815"], &[]);
}

fn site_setting_replacing(case: &Case, from: &str, to: &str) -> Vec<String> {
    case.edit(SITE, from, to);
    Vec::new()
}

// --- 2. Links and resources ------------------------------------------------------------
cases! {
    link_javascript: |c| page(c, "[klick](javascript:alert(1))") => refused(&[PAGE, "`javascript:` ist nicht erlaubt"]);
    link_javascript_in_capitals: |c| page(c, "[klick](JaVaScRiPt:alert(1))") => refused(&[PAGE, "nicht erlaubt"]);
    link_javascript_with_an_entity_tab: |c| page(c, "[klick](java&#9;script:alert(1))") => refused(&[PAGE, "nicht erlaubt"]);
    link_javascript_with_leading_space_entity: |c| page(c, "[klick](&#32;javascript:alert(1))") => refused(&[PAGE, "nicht erlaubt"]);
    autolink_javascript: |c| page(c, "<javascript:alert(1)>") => refused(&[PAGE, "nicht erlaubt"]);
    reference_link_javascript: |c| page(c, "[klick][x]\n\n[x]: javascript:alert(1)") => refused(&[PAGE, "nicht erlaubt"]);
    link_data_url: |c| page(c, "[x](data:text/html;base64,PHNjcmlwdD4=)") => refused(&[PAGE, "`data:`"]);
    link_vbscript: |c| page(c, "[x](vbscript:msgbox)") => refused(&[PAGE, "`vbscript:`"]);
    link_file_url: |c| page(c, "[x](file:///etc/passwd)") => refused(&[PAGE, "`file:`"]);
    link_network_path: |c| page(c, "[x](//evil.example/a)") => refused(&[PAGE, "fremden Server"]);
    link_windows_path: |c| page(c, "[x](C:\\Users\\geheim.docx)") => refused(&[PAGE, "Pfad auf einem einzelnen Rechner"]);
    image_over_http: |c| page(c, "![Logo](http://example.org/logo.png)") => refused(&[PAGE, "fremden Server"]);
    image_over_https: |c| page(c, "![Logo](https://example.org/logo.png)") => refused(&[PAGE, "fremden Server"]);
    image_network_path: |c| page(c, "![Logo](//example.org/logo.png)") => refused(&[PAGE, "fremden Server"]);
    image_javascript: |c| page(c, "![x](javascript:alert(1))") => refused(&[PAGE, "nicht erlaubt"]);
    image_data_url: |c| page(c, "![x](data:image/png;base64,iVBORw0KGgo=)") => refused(&[PAGE, "`data:`"]);
    image_inside_a_link: |c| page(c, "[![x](https://example.org/a.png)](https://example.org)") => refused(&[PAGE, "fremden Server"]);
    feedback_javascript: |c| site_setting(c, "feedback = \"javascript:alert(1)\"") => refused(&[SITE, "nicht erlaubt"]);
    feedback_data_url: |c| site_setting(c, "feedback = \"data:text/html,x\"") => refused(&[SITE, "`data:`"]);
    easy_language_network_path: |c| site_setting(c, "easy_language = \"//evil.example/x\"") => refused(&[SITE]);
    accessibility_javascript: |c| site_setting_replacing(c, "accessibility = \"page:barrierefreiheit\"", "accessibility = \"javascript:x\"")
        => refused(&[SITE, "nicht erlaubt"]);
    decision_text_javascript: |c| { c.edit(DECISION, "Fast Lane beginnen", "[Fast Lane](javascript:alert(1)) beginnen"); vec![] }
        => refused(&[DECISION, "nicht erlaubt"]);
    paper_resolution_remote_image: |c| { c.edit(PAPER, "für das Jahr 2026.", "![x](https://example.org/a.png)"); vec![] }
        => refused(&[PAPER, "fremden Server"]);
    role_prose_javascript: |c| { c.write("content/roles/fachamtsleitung.md", "[x](javascript:alert(1))\n"); vec![] }
        => refused(&["content/roles/fachamtsleitung.md", "nicht erlaubt"]);
    logo_remote: |c| site_setting(c, "logo = \"https://example.org/logo.png\"") => refused(&[SITE, "logo"]);
    base_url_javascript: |c| site_setting_replacing(c, "base_url = \"https://intranet.example/\"", "base_url = \"javascript:alert(1)\"")
        => refused(&[SITE, "base_url"]);
    raw_html_link_stays_text: |c| page(c, "<a href=\"javascript:alert(1)\">ROHLINK</a>")
        => built(&["&lt;a href=\"javascript:alert(1)\"&gt;ROHLINK&lt;/a&gt;"], &["ROHLINK"]);
    raw_html_image_stays_text: |c| page(c, "<img src=\"http://example.org/x.png\"> ROHBILD")
        => built(&["&lt;img src=\"http://example.org/x.png\"&gt; ROHBILD"], &["ROHBILD"]);
    raw_iframe_stays_text: |c| page(c, "<iframe src=\"https://example.org\"></iframe> ROHRAHMEN")
        => built(&["&lt;iframe", "ROHRAHMEN"], &["ROHRAHMEN"]);
    allowed_links_build: |c| page(c, "[Web](https://intranet.example/a) [Post](mailto:it@example.org) [Telefon](tel:+4961310) [Anker](#einfuehrung)")
        => built(&["href=\"https://intranet.example/a\"", "href=\"mailto:it@example.org\"", "href=\"tel:+4961310\""], &["Telefon"]);
}

// --- 3. No command loses data ------------------------------------------------------------
cases! {
    output_is_a_file: |c| { c.write("bericht.txt", "meins"); vec!["--output".into(), c.arg("bericht.txt")] }
        => usage(&["bericht.txt", "ist eine Datei"]);
    output_is_a_link: |c| { c.link(c.outside(), "verweis"); vec!["--output".into(), c.arg("verweis")] }
        => usage(&["verweis"]);
    output_is_the_site: |c| vec!["--output".into(), c.arg(".")] => usage(&["liegen ineinander"]);
    output_is_content: |c| vec!["--output".into(), c.arg("content")] => usage(&["liegen ineinander"]);
    output_inside_content: |c| vec!["--output".into(), c.arg("content/pages/neu")] => usage(&["liegen ineinander"]);
    output_is_templates: |c| vec!["--output".into(), c.arg("templates")] => usage(&["liegen ineinander"]);
    output_inside_themes: |c| vec!["--output".into(), c.arg("themes/x")] => usage(&["liegen ineinander"]);
    typst_sources_are_the_output: |c| vec!["--typst-sources".into(), c.arg("output")] => usage(&["liegen ineinander"]);
    typst_sources_inside_content: |c| vec!["--typst-sources".into(), c.arg("content/typst")] => usage(&["liegen ineinander"]);
    typst_sources_inside_the_output: |c| vec!["--typst-sources".into(), c.arg("output/typst")] => usage(&["liegen ineinander"]);
    output_is_a_foreign_folder: |c| { c.write("meins/arbeit.docx", "x"); vec!["--output".into(), c.arg("meins")] }
        => usage(&["meins", "nicht von Lotse erzeugt"]);
    output_is_read_only: |c| {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(c.output(), std::fs::Permissions::from_mode(0o555)).unwrap(); vec![]
    } => usage(&["schreibgeschützt"]);
    a_content_error_keeps_the_output: |c| { c.edit(ROLE, "unit = \"32\"", "unit = \"99\""); vec![] }
        => refused(&[ROLE, "99"]);
    a_typst_error_keeps_the_output: |c| typst_template(c, "#panic(\"VORLAGENFEHLER\")")
        => refused(&["handbuch.pdf", "VORLAGENFEHLER"]);
    a_broken_tera_template_keeps_the_output: |c| { c.write("templates/page.html", "{% if %}"); vec![] }
        => refused(&["Vorlage"]);
    a_foreign_staging_folder_is_kept: |c| { c.write(".output.lotse-neu/meins.txt", "x"); vec![] }
        => usage(&[".output.lotse-neu"]);
}

fn interrupted(case: &Case, leftover: &str) -> Vec<String> {
    crate::harness::copy_tree(&case.output(), &case.at(leftover));
    Vec::new()
}

cases! {
    a_staging_folder_left_by_a_kill_is_cleaned_up: |c| interrupted(c, ".output.lotse-neu") => built(&["Einführung"], &[]);
    an_output_moved_aside_by_a_kill_is_cleaned_up: |c| {
        interrupted(c, ".output.lotse-alt");
        std::fs::remove_dir_all(c.output()).unwrap(); vec![]
    } => built(&["Einführung"], &[]);
    an_empty_staging_folder_is_cleaned_up: |c| { std::fs::create_dir(c.at(".output.lotse-neu")).unwrap(); vec![] }
        => built(&["Einführung"], &[]);
}

// --- 4. Limits -----------------------------------------------------------------------------
cases! {
    a_megabyte_title: |c| title(c, &"Titel ".repeat(200_000)) => refused(&[PAGE, "zu lang"]);
    a_long_role_name: |c| { c.edit(ROLE, "name = \"Fachamtsleitung\"", &format!("name = \"{}\"", "L".repeat(400))); vec![] }
        => refused(&[ROLE, "zu lang"]);
    a_long_project_title: |c| { c.edit(PROJECT, "title = \"Online-Terminvergabe im Ordnungsamt\"", &format!("title = \"{}\"", "T".repeat(5000))); vec![] }
        => refused(&[PROJECT, "zu lang"]);
    a_long_unit_name: |c| { c.edit("content/units.toml", "name = \"Hauptamt\"", &format!("name = \"{}\"", "H".repeat(301))); vec![] }
        => refused(&["content/units.toml", "zu lang"]);
    a_long_site_title: |c| site_setting_replacing(c, "title = \"DigIT-Handbuch\"", &format!("title = \"{}\"", "D".repeat(1000)))
        => refused(&[SITE, "zu lang"]);
    a_long_project_id: |c| {
        let id = format!("P-{}", "1".repeat(150));
        std::fs::copy(c.at(OTHER_PROJECT), c.at(&format!("content/projects/{id}.toml"))).unwrap(); vec![]
    } => refused(&["content/projects/P-111", "zu lang"]);
    a_long_page_name: |c| { c.write(&format!("content/pages/{}.md", "s".repeat(200)), "+++\ntitle = \"x\"\n+++\n"); vec![] }
        => refused(&["content/pages/sss", "zu lang"]);
    a_long_unit_id: |c| { c.edit("content/units.toml", "id = \"10\"", &format!("id = \"{}\"", "1".repeat(120))); vec![] }
        => refused(&["content/units.toml", "zu lang"]);
    a_file_too_large: |c| page(c, &"Wort ".repeat(2_000_000)) => refused(&[PAGE, "zu groß"]);
    quotes_nested_ten_thousand_deep: |c| page(c, &format!("{} tief", ">".repeat(10_000))) => refused(&[PAGE, "verschachtelt"]);
    lists_nested_a_hundred_deep: |c| {
        let list: String = (0..100).map(|depth| format!("{}- Ebene {depth}\n", "  ".repeat(depth))).collect();
        page(c, &list)
    } => refused(&[PAGE, "verschachtelt"]);
    quotes_and_lists_nested_deep: |c| {
        let nested: String = (0..60).map(|depth| format!("{}- Punkt {depth}\n", "> ".repeat(depth))).collect();
        page(c, &nested)
    } => refused(&[PAGE, "verschachtelt"]);
    a_table_sixty_columns_wide: |c| {
        let row = |cell: &str| format!("|{}\n", vec![cell; 60].join("|") + "|");
        page(c, &(row("a") + &row("---") + &row("1")))
    } => refused(&[PAGE, "60 Spalten"]);
    toml_arrays_nested_deep: |c| { c.edit(ROLE, "competencies = [", &format!("tief = {}1{}\ncompetencies = [", "[".repeat(5000), "]".repeat(5000))); vec![] }
        => refused(&[ROLE]);
    toml_tables_nested_deep: |c| { c.append(ROLE, &format!("tief = {}{}\n", "{ a = ".repeat(3000), "}".repeat(3000))); vec![] }
        => refused(&[ROLE]);
    a_template_that_loops: |c| {
        site_setting_replacing(c, "[handbook]", "[build]\npdf_time_limit = 5\n\n[handbook]");
        typst_template(c, "#for i in range(1000000000) { }")
    } => refused(&["handbuch.pdf", "handbuch.typ", "länger als 5 Sekunden"]);
    a_time_limit_of_zero: |c| site_setting_replacing(c, "[handbook]", "[build]\npdf_time_limit = 0\n\n[handbook]")
        => refused(&[SITE, "pdf_time_limit"]);
    a_thousand_line_break_title: |c| title(c, &"a\n".repeat(1000)) => refused(&[PAGE, "zu lang"]);
    a_table_too_large_for_the_memory_limit: |c| {
        site_setting_replacing(c, "[handbook]", "[build]\npdf_memory_limit = 400\n\n[handbook]\nmax_pages = 5000");
        let rows: String = (0..12_000).map(|row| format!("| Zeile {row} | Aufgabe | Rolle | Gremium | Frist | Stand |\n")).collect();
        page(c, &format!("| A | B | C | D | E | F |\n|---|---|---|---|---|---|\n{rows}"))
    } => refused(&["handbuch.pdf", "handbuch.typ", "mehr als 400 MiB", "pdf_memory_limit"]);
    a_memory_limit_of_zero: |c| site_setting_replacing(c, "[handbook]", "[build]\npdf_memory_limit = 0\n\n[handbook]")
        => refused(&[SITE, "pdf_memory_limit"]);
}

// --- 5. Verdicts and messages ----------------------------------------------------------------
cases! {
    two_projects_depend_on_each_other: |c| {
        c.edit(PROJECT, "provider = \"kdz\"", "provider = \"kdz\"\ndepends_on = [\"P-2026-002\"]");
        vec![]
    } => refused(&["Kreis", "P-2026-001 → P-2026-002 → P-2026-001"]);
    three_projects_in_a_circle: |c| {
        std::fs::copy(c.at(OTHER_PROJECT), c.at("content/projects/P-2026-003.toml")).unwrap();
        c.edit(PROJECT, "provider = \"kdz\"", "provider = \"kdz\"\ndepends_on = [\"P-2026-002\"]");
        c.edit(OTHER_PROJECT, "depends_on = [\"P-2026-001\"]", "depends_on = [\"P-2026-003\"]"); vec![]
    } => refused(&["content/projects/P-2026-003.toml", "P-2026-001 → P-2026-002 → P-2026-003 → P-2026-001"]);
    units_above_each_other: |c| {
        c.edit("content/units.toml", "id = \"10\"", "id = \"10\"\nparent = \"32\"");
        c.edit("content/units.toml", "id = \"32\"", "id = \"32\"\nparent = \"10\""); vec![]
    } => refused(&["content/units.toml", "Kreis", "10 → 32 → 10"]);
    approved_infinite: |c| { c.edit(PROJECT, "approved = 220000", "approved = inf"); vec![] } => refused(&[PROJECT, "inf"]);
    approved_not_a_number: |c| { c.edit(PROJECT, "approved = 220000", "approved = nan"); vec![] } => refused(&[PROJECT, "nan"]);
    planned_absurdly_large: |c| { c.edit(PROJECT, "planned = 240000", "planned = 1e300"); vec![] } => refused(&[PROJECT, "Unplausibel"]);
    paper_amount_absurd: |c| { c.edit(PAPER, "amount = 220000", "amount = 4e15"); vec![] } => refused(&[PAPER, "Unplausibel"]);
    ids_that_differ_in_case: |c| {
        std::fs::copy(c.at(OTHER_PROJECT), c.at("content/projects/p-2026-001.toml")).unwrap(); vec![]
    } => refused(&["content/projects/p-2026-001.toml", "content/projects/P-2026-001.toml", "Groß- und Kleinschreibung"]);
    roles_is_a_file: |c| { c.remove("content/roles"); c.write("content/roles", "x"); vec![] }
        => refused(&["content/roles: ist eine Datei", "\n1 Fehler,"]);
    projects_is_a_file: |c| { c.remove("content/projects"); c.write("content/projects", "x"); vec![] }
        => refused(&["content/projects: ist eine Datei", "\n1 Fehler,"]);
    units_toml_is_a_folder: |c| { c.remove("content/units.toml"); c.write("content/units.toml/x", "x"); vec![] }
        => refused(&["content/units.toml: ist ein Ordner", "\n1 Fehler,"]);
    a_boolean_where_a_number_belongs: |c| { c.edit(PAGE, "weight = 1", "weight = true"); vec![] }
        => refused(&[PAGE, "ganze Zahl", "nicht true oder false"]);
}

// --- 6. Legitimate but nasty text ------------------------------------------------------------
cases! {
    an_emoji_in_a_title: |c| title(c, "Digitalisierung 🚀 mit Plan") => built(&["Digitalisierung 🚀 mit Plan"], &["🚀"]);
    emoji_in_the_text: |c| page(c, "Status: ✅ erledigt, ⚠️ offen, 📊 Bericht") => built(&["✅ erledigt"], &["erledigt"]);
    typst_markup_in_a_title: |c| title(c, "#set page(fill: red) $x^2$ *fett* _kursiv_ @ref <marke> \\ `code`")
        => built(&["#set page(fill: red) $x^2$ *fett* _kursiv_ @ref &lt;marke&gt;"], &["#set page(fill: red) $x^2$ *fett* _kursiv_ @ref <marke>"]);
    typst_code_in_the_text: |c| page(c, "\\#import \"/etc/passwd\" und \\#read(\"x\") TYPSTTEXT")
        => built(&["#import \"/etc/passwd\" und #read(\"x\") TYPSTTEXT"], &["#import \"/etc/passwd\" und #read(\"x\") TYPSTTEXT"]);
    html_in_a_title: |c| title(c, "<script>alert(1)</script> & Co")
        => built(&["&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"], &["<script>alert(1)</script> & Co"]);
    tera_syntax_in_the_text: |c| page(c, "{{ config }} {% raw %} {# x #} TERATEXT") => built(&["{{ config }} {% raw %} {# x #} TERATEXT"], &["{{ config }} {% raw %}"]);
    right_to_left_and_combining_marks: |c| page(c, "Name: مرحبا und e\u{301}te und Z\u{332}") => built(&["e\u{301}te"], &[]);
    a_bold_paragraph_for_a_heading: |c| page(c, "**Nur fett gesetzt**")
        => Expect::Built { html: &["<p><strong>Nur fett gesetzt</strong></p>"], pdf: &["Nur fett gesetzt"], warns: &["wie eine Überschrift", "content/pages/einfuehrung.md:"] };
    a_character_no_font_has: |c| title(c, "Linear B \u{10000} im Titel")
        => Expect::Built { html: &["Linear B \u{10000} im Titel"], pdf: &["(U+10000)"], warns: &["U+10000", "content/pages/einfuehrung.md:2"] };
    a_very_long_word: |c| page(c, &"Donaudampfschifffahrt".repeat(40)) => built(&["DonaudampfschifffahrtDonau"], &[]);
    two_hundred_headings: |c| page(c, &(0..200).map(|i| format!("## Abschnitt {i}\n\nText {i}.\n")).collect::<String>())
        => built(&["Abschnitt 199"], &["Abschnitt 199"]);
    zero_width_and_soft_hyphens: |c| title(c, "Verwaltungs\u{ad}digitalisierung\u{200b}Plan") => built(&["Verwaltungs\u{ad}digitalisierung"], &[]);
    a_null_byte_in_the_text: |c| page(c, "vor\u{0}nach") => refused(&[PAGE, "Steuerzeichen"]);
    an_escape_character_in_the_text: |c| page(c, "vor\u{1b}[31mnach") => refused(&[PAGE, "Steuerzeichen"]);
}
