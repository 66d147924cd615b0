//! The status spreadsheet round trip: `lotse export status-sheet` and `lotse import
//! status` with sheets these tests write (XLSX with rust_xlsxwriter, CSV by hand).

use crate::harness::{self, describe};

use std::path::Path;
use std::process::{Command, Output};

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

fn lotse(root: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lotse"))
        .current_dir(root)
        .args(["--root", "."])
        .args(args)
        .output()
        .expect("run lotse")
}

const HEADER: [&str; 14] = [
    "Projekt-ID",
    "Titel",
    "Ampel gesamt",
    "Ampel Termine",
    "Ampel Kosten",
    "Ampel Umfang",
    "Ampel Ressourcen",
    "Fortschritt (%)",
    "Ausgegeben (€)",
    "Prognosen Meilensteine",
    "Risiken",
    "Kommentar",
    "Maßnahmen",
    "Eskaliert an",
];

/// An XLSX with the header and `rows` of text cells; `date` puts an Excel date cell.
fn xlsx(path: &Path, rows: &[Vec<&str>], date: Option<(u32, u16, (u16, u8, u8))>) {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet().set_name("Status").expect("name");
    for (column, title) in HEADER.iter().enumerate() {
        sheet.write(0, column as u16, *title).expect("header");
    }
    for (index, row) in rows.iter().enumerate() {
        for (column, text) in row.iter().enumerate() {
            if !text.is_empty() {
                sheet.write(index as u32 + 1, column as u16, *text).expect("cell");
            }
        }
    }
    if let Some((row, column, (year, month, day))) = date {
        let when = ExcelDateTime::from_ymd(year, month, day).expect("date");
        sheet
            .write_datetime_with_format(row, column, &when, &Format::new().set_num_format("dd.mm.yyyy"))
            .expect("date");
    }
    workbook.save(path).expect("save");
}

fn period(root: &Path, id: &str) -> toml::Value {
    let text = std::fs::read_to_string(root.join(format!("content/periods/{id}.toml"))).expect("period file");
    toml::from_str(&text).expect("valid TOML")
}

fn status<'v>(period: &'v toml::Value, project: &str) -> &'v toml::Value {
    period["status"]
        .as_array()
        .expect("statuses")
        .iter()
        .find(|s| s["project"].as_str() == Some(project))
        .unwrap_or_else(|| panic!("no status of {project}"))
}

#[test]
fn export_then_import_without_edits_changes_nothing() {
    for site in [harness::copy_minimal(), copy_bundled()] {
        let root = site.path();
        let periods: Vec<String> = std::fs::read_dir(root.join("content/periods"))
            .expect("periods")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().trim_end_matches(".toml").to_owned())
            .collect();
        for id in periods {
            let before = std::fs::read(root.join(format!("content/periods/{id}.toml"))).expect("read");
            let sheet = format!("{id}.xlsx");
            let exported = lotse(root, &["export", "status-sheet", "--period", &id, "--out", &sheet]);
            assert_eq!(exported.status.code(), Some(0), "{}", describe(&exported));
            let imported = lotse(root, &["import", "status", &sheet, "--period", &id]);
            assert_eq!(imported.status.code(), Some(0), "{id}: {}", describe(&imported));
            assert!(
                String::from_utf8_lossy(&imported.stdout).contains("schon auf diesem Stand"),
                "{}",
                describe(&imported)
            );
            let after = std::fs::read(root.join(format!("content/periods/{id}.toml"))).expect("read");
            assert_eq!(String::from_utf8_lossy(&after), String::from_utf8_lossy(&before), "{id}");
        }
    }
}

fn copy_bundled() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    harness::copy_tree(&Path::new(env!("CARGO_MANIFEST_DIR")).join("content"), &dir.path().join("content"));
    dir
}

#[test]
fn a_filled_in_sheet_becomes_the_period_file_with_german_numbers_and_dates() {
    let site = harness::copy_minimal();
    let root = site.path();
    let sheet = root.join("q4.xlsx");
    let rows = vec![
        vec![
            "P-2026-001",
            "",
            "gelb",
            "rot",
            "grün",
            "",
            "",
            "45",
            "1.234,56",
            "m1: 31.12.2026; m2: 2027-06-30",
            "",
            "Läuft.",
            "Nachsteuerung",
            "",
        ],
        vec!["P-2026-002", "", "Grün", "", "", "", "", "20,5", "12.000", "", "", "", "", ""],
        vec!["P-2026-003", "", "", "", "", "", "", "", "", "", "", "", "", ""],
    ];
    // P-2026-002 has one milestone: a lone Excel date cell is its forecast.
    xlsx(&sheet, &rows, Some((2, 9, (2027, 1, 15))));
    let output = lotse(root, &["import", "status", "q4.xlsx", "--period", "2026-Q4"]);
    assert_eq!(output.status.code(), Some(0), "{}", describe(&output));
    let q4 = period(root, "2026-Q4");
    assert_eq!(q4["date"].to_string(), "2026-12-31");
    let first = status(&q4, "P-2026-001");
    assert_eq!(first["overall"].as_str(), Some("yellow"));
    assert_eq!(first["schedule"].as_str(), Some("red"));
    assert_eq!(first["cost"].as_str(), Some("green"));
    assert_eq!(first["progress"].as_integer(), Some(45));
    assert_eq!(first["spent"].as_float(), Some(1234.56));
    assert_eq!(first["forecast"]["m1"].to_string(), "2026-12-31");
    assert_eq!(first["forecast"]["m2"].to_string(), "2027-06-30");
    assert_eq!(first["measures"].as_str(), Some("Nachsteuerung"));
    let second = status(&q4, "P-2026-002");
    assert_eq!(second["progress"].as_float(), Some(20.5));
    assert_eq!(second["spent"].as_integer(), Some(12000));
    assert_eq!(second["forecast"]["m1"].to_string(), "2027-01-15");
    assert_eq!(q4["status"].as_array().map(Vec::len), Some(2), "the empty row is passed over");
    let checked = lotse(root, &["check"]);
    assert_eq!(checked.status.code(), Some(0), "{}", describe(&checked));
}

#[test]
fn every_cell_it_cannot_take_is_named_and_nothing_is_written() {
    let site = harness::copy_minimal();
    let root = site.path();
    let before = std::fs::read(root.join("content/periods/2026-Q3.toml")).expect("read");
    let rows = vec![
        vec!["P-2026-001", "", "blau", "", "", "", "", "140", "viel", "m1: 32.13.2026", "", "", "", ""],
        vec!["P-9999-999", "", "grün", "", "", "", "", "", "", "", "", "", "", ""],
    ];
    xlsx(&root.join("falsch.xlsx"), &rows, None);
    let output = lotse(root, &["import", "status", "falsch.xlsx", "--period", "2026-Q3"]);
    assert_eq!(output.status.code(), Some(1), "{}", describe(&output));
    let stderr = String::from_utf8_lossy(&output.stderr);
    for expected in [
        "Tabelle „Status“, Zeile 2, Spalte „Ampel gesamt“ (C2): „blau“ – erlaubt sind grün, gelb und rot.",
        "Tabelle „Status“, Zeile 2, Spalte „Fortschritt (%)“ (H2): „140“ – erlaubt ist eine Zahl von 0 bis 100.",
        "Tabelle „Status“, Zeile 2, Spalte „Ausgegeben (€)“ (I2): „viel“ – erlaubt ist eine Zahl",
        "Tabelle „Status“, Zeile 2, Spalte „Prognosen Meilensteine“ (J2): „m1: 32.13.2026“ – erlaubt ist je Meilenstein",
        "Tabelle „Status“, Zeile 3, Spalte „Projekt-ID“ (A3): „P-9999-999“ – erlaubt sind die IDs der Projekte",
    ] {
        assert!(stderr.contains(expected), "missing {expected:?} in\n{stderr}");
    }
    assert!(stderr.contains("5 Zellen können nicht übernommen werden; nichts wurde geschrieben"), "{stderr}");
    assert_eq!(std::fs::read(root.join("content/periods/2026-Q3.toml")).expect("read"), before);
}

#[test]
fn csv_with_semicolons_or_commas_and_partial_imports() {
    let site = harness::copy_minimal();
    let root = site.path();
    let semicolons = format!(
        "{}\nP-2026-001;;rot;;;;;50;2.500,00;;;;Neu planen;digit-steuerungsrunde\nP-2026-002;;lila;;;;;;;;;;;\n",
        HEADER.join(";")
    );
    std::fs::write(root.join("q4.csv"), &semicolons).expect("write");
    let refused = lotse(root, &["import", "status", "q4.csv", "--period", "2026-Q4"]);
    assert_eq!(refused.status.code(), Some(1), "{}", describe(&refused));
    assert!(!root.join("content/periods/2026-Q4.toml").exists(), "nothing written without --partial");
    let partial = lotse(root, &["import", "status", "q4.csv", "--period", "2026-Q4", "--partial"]);
    assert_eq!(partial.status.code(), Some(1), "rows were left out: {}", describe(&partial));
    assert!(String::from_utf8_lossy(&partial.stderr).contains("(C3): „lila“"), "{}", describe(&partial));
    let q4 = period(root, "2026-Q4");
    assert_eq!(status(&q4, "P-2026-001")["spent"].as_integer(), Some(2500));
    assert_eq!(q4["status"].as_array().map(Vec::len), Some(1));

    let commas = format!("{}\nP-2026-002,,gelb,,,,,\"12,5\",,,,,Warten,\n", HEADER.join(","));
    std::fs::write(root.join("q3.csv"), commas).expect("write");
    let output = lotse(root, &["import", "status", "q3.csv", "--period", "2026-Q3"]);
    assert_eq!(output.status.code(), Some(0), "{}", describe(&output));
    let q3 = period(root, "2026-Q3");
    assert_eq!(status(&q3, "P-2026-002")["progress"].as_float(), Some(12.5));
    assert_eq!(status(&q3, "P-2026-001")["overall"].as_str(), Some("yellow"), "rows the sheet leaves out stay");
    let text = std::fs::read_to_string(root.join("content/periods/2026-Q3.toml")).expect("read");
    assert!(text.starts_with("date = 2026-09-30\nnote = "), "the rest of the file stays: {text}");
}

#[test]
fn an_import_that_breaks_a_rule_of_the_check_is_put_back() {
    let site = harness::copy_minimal();
    let root = site.path();
    let before = std::fs::read(root.join("content/periods/2026-Q3.toml")).expect("read");
    // Red needs measures and an escalation: the check refuses it.
    let csv = format!("{}\nP-2026-002;;rot;;;;;;;;;;;\n", HEADER.join(";"));
    std::fs::write(root.join("rot.csv"), csv).expect("write");
    let output = lotse(root, &["import", "status", "rot.csv", "--period", "2026-Q3"]);
    assert_eq!(output.status.code(), Some(1), "{}", describe(&output));
    assert!(String::from_utf8_lossy(&output.stderr).contains("ist unverändert"), "{}", describe(&output));
    assert_eq!(std::fs::read(root.join("content/periods/2026-Q3.toml")).expect("read"), before);
}

#[test]
fn the_exported_sheet_has_a_row_per_active_project_and_never_overwrites() {
    let site = harness::copy_minimal();
    let root = site.path();
    let output = lotse(root, &["export", "status-sheet", "--period", "2026-Q4"]);
    assert_eq!(output.status.code(), Some(0), "{}", describe(&output));
    let sheet = root.join("statusbericht-2026-Q4.xlsx");
    let bytes = std::fs::read(&sheet).expect("sheet");
    let again = lotse(root, &["export", "status-sheet", "--period", "2026-Q4"]);
    assert_eq!(again.status.code(), Some(2), "{}", describe(&again));
    assert_eq!(std::fs::read(&sheet).expect("sheet"), bytes, "the existing file is kept");
    use calamine::Reader;
    let mut workbook = calamine::open_workbook_auto(&sheet).expect("open");
    assert_eq!(workbook.sheet_names(), ["Status", "Erläuterung"]);
    let range = workbook.worksheet_range("Status").expect("Status");
    let rows: Vec<Vec<String>> = range.rows().map(|row| row.iter().map(|c| c.to_string()).collect()).collect();
    assert_eq!(rows[0], HEADER.map(str::to_owned));
    assert_eq!(rows.len(), 3, "{rows:?}");
    assert_eq!((rows[1][0].as_str(), rows[1][2].as_str()), ("P-2026-001", "gelb"), "pre-filled from 2026-Q3");
}
