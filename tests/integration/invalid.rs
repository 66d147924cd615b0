//! Every check of `lotse check` against a fixture that breaks the minimal site in exactly one
//! way: `tests/fixtures/invalid/<case>/` is laid over a copy of
//! `tests/fixtures/sites/minimal/`, and the one diagnostic it causes is compared with the
//! snapshot `tests/fixtures/invalid/<case>/<case>.snap`.
//!
//! Cases that git cannot hold well (invalid UTF-8, a BOM, CRLF, a 10 MB file, a directory
//! where a file belongs) are built in code: `tests/fixtures/harness.rs`, snapshots in
//! `tests/fixtures/generated/`.
//!
//! Update snapshots with `INSTA_UPDATE=always cargo test --test invalid`, then read them.

use crate::harness;

use std::path::Path;

use lotse::diag::{Diagnostic, Severity, render_plain};

/// Loads and validates the site at `root`; returns the sorted diagnostics and their rendering.
fn check(root: &Path) -> (Vec<Diagnostic>, String) {
    let loaded = lotse::build::check(root).expect("the site has a content/ folder");
    let diagnostics = lotse::build::sorted_diagnostics(&loaded);
    let rendered = render_plain(&diagnostics, &loaded.sources);
    // Diagnostics name files relative to the site root; should a temp path ever leak, keep
    // the snapshot stable anyway.
    let rendered = rendered.replace(&root.display().to_string(), "[ROOT]");
    (diagnostics, rendered)
}

fn snapshot(folder: &str, name: &str, description: &str, rendered: &str) {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(folder);
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.set_description(description);
    settings.bind(|| insta::assert_snapshot!(name, rendered));
}

fn summary(diagnostics: &[Diagnostic]) -> String {
    diagnostics.iter().map(|d| format!("{:?}: {}", d.severity, d.message)).collect::<Vec<_>>().join("\n")
}

/// One fault, one diagnostic: an error, or for the warning cases a warning and no error.
fn run_case(name: &str) {
    let (site, info) = harness::build_case(name);
    let (diagnostics, rendered) = check(site.path());
    let expected_count = match (&info.known_bug, info.diagnostics) {
        (Some(_), Some(count)) => count,
        (Some(_), None) => {
            panic!("case `{name}`: `known_bug` needs `diagnostics = N` in case.toml")
        }
        (None, _) => 1,
    };
    if let Some(bug) = &info.known_bug {
        assert!(
            diagnostics.len() == expected_count,
            "case `{name}` has a known bug ({bug}) and reported {} instead of {expected_count} diagnostics;              if the bug is fixed, remove `known_bug` and `diagnostics` from case.toml and update the snapshot:\n{}",
            diagnostics.len(),
            summary(&diagnostics)
        );
    } else {
        assert_eq!(
            diagnostics.len(),
            1,
            "case `{name}` ({}) must cause exactly one diagnostic, got:\n{}",
            info.description,
            summary(&diagnostics)
        );
    }
    let expected = if info.expects_warning() { Severity::Warning } else { Severity::Error };
    assert!(
        diagnostics.iter().all(|d| d.severity == expected),
        "case `{name}`: expected only {expected:?}, got:\n{}",
        summary(&diagnostics)
    );
    if let Some(at) = &info.at {
        let points_there = rendered.contains(&format!("┌─ {at}"));
        match &info.known_bug {
            None => assert!(points_there, "case `{name}`: the diagnostic must point at {at}:\n{rendered}"),
            Some(bug) => assert!(
                !points_there,
                "case `{name}` has a known bug ({bug}), but now points at {at} as it should; \
                 remove `known_bug` from case.toml and update the snapshot:\n{rendered}"
            ),
        }
    }
    let folder = format!("../fixtures/invalid/{name}");
    snapshot(&folder, name, &info.description, &rendered);
}

macro_rules! invalid_cases {
    ($($name:ident,)*) => {
        $(
            #[test]
            fn $name() {
                run_case(stringify!($name));
            }
        )*

        /// A case folder without a test would never run: keep the list and the folders in step.
        #[test]
        fn every_case_folder_has_a_test() {
            let listed: Vec<&str> = vec![$(stringify!($name)),*];
            assert_eq!(harness::case_names(), listed, "add new case folders to invalid_cases! in tests/integration/invalid.rs");
        }
    };
}

invalid_cases! {
    bad_file_name,
    bad_period_file_name,
    budget_not_finite,
    cascade_project_with_invalid_phase,
    cascade_role_with_unknown_key,
    consultations_out_of_order,
    decision_without_body,
    duplicate_alias,
    duplicate_id_in_list_file,
    duplicate_key,
    duplicate_premise_id,
    front_matter_syntax_error,
    front_matter_unclosed,
    front_matter_unknown_key,
    front_matter_yaml,
    handbook_unknown_page,
    handbook_unknown_section,
    handbook_zero_pages,
    id_key_in_role_file,
    information_paper_authoritative,
    invalid_ampel_gelb,
    invalid_date,
    invalid_date_german_format,
    kpi_percentage_over_100,
    label_unknown_key,
    link_after_line_continuation,
    link_in_resolution_unknown_project,
    link_unknown_page,
    link_unknown_role,
    link_unknown_scheme,
    link_unknown_scheme_rolle,
    member_with_role_and_unit,
    missing_required_field,
    missing_required_field_in_list,
    missing_site_toml,
    negative_budget,
    negative_finance_amount,
    negative_fte,
    paper_two_authoritative,
    period_date_outside_quarter,
    period_schemes_mixed,
    premise_without_front_matter,
    progress_over_100,
    project_depends_on_itself,
    prose_without_toml,
    raci_advisory_responsible,
    raci_invalid_letter,
    raci_no_accountable,
    raci_no_responsible,
    raci_two_accountable,
    reference_by_alias,
    reserved_file_name_index,
    resolution_missing,
    score_out_of_range,
    staffing_wave_not_a_year,
    start_after_end,
    start_link_without_scheme,
    status_red_without_escalation,
    status_twice_same_project,
    status_unknown_project,
    status_yellow_without_measures,
    toml_syntax_error,
    unit_is_its_own_parent,
    unit_name_instead_of_id,
    unknown_activity_in_raci,
    unknown_body,
    unknown_chart_name,
    unknown_criterion_in_scores,
    unknown_goal,
    unknown_key_typo,
    unknown_kpi_in_period,
    unknown_level,
    unknown_milestone_in_forecast,
    unknown_period_current,
    unknown_project,
    unknown_reference_multiple_kinds,
    unknown_role,
    unknown_stage,
    unknown_top_level_file,
    unknown_unit,
    vocabulary_unknown_stage,
    wrong_type_string_for_list,
    wrong_type_string_for_number,
}

#[test]
fn minimal_site_is_clean() {
    let (diagnostics, rendered) = check(&harness::minimal_site());
    assert!(diagnostics.is_empty(), "the minimal site must have no errors and no warnings:\n{rendered}");
}

#[test]
fn at_least_34_cases() {
    assert!(harness::case_names().len() >= 34);
}

/// Runs a generated case; returns the site (kept alive) and the one diagnostic's rendering.
fn run_generated(name: &str) -> (tempfile::TempDir, String) {
    let generated = harness::GENERATED.iter().find(|g| g.name == name).expect("generated case exists");
    let site = harness::copy_minimal();
    (generated.apply)(site.path());
    let (diagnostics, rendered) = check(site.path());
    assert_eq!(
        diagnostics.len(),
        1,
        "generated case `{name}` must cause exactly one diagnostic, got:\n{}",
        summary(&diagnostics)
    );
    assert_eq!(diagnostics[0].severity, Severity::Error, "{rendered}");
    snapshot("../fixtures/generated", name, "", &rendered);
    (site, rendered)
}

/// The `┌─ file:line:col` of the rendering must be where the fault is in the file as written.
fn assert_points_at(rendered: &str, site: &Path, file: &str, fault: &str) {
    let text = String::from_utf8(std::fs::read(site.join(file)).expect("read")).expect("utf-8");
    let (line, column) = harness::line_col(&text, fault);
    let location = format!("{file}:{line}:{column}");
    assert!(rendered.contains(&location), "expected the diagnostic at {location}:\n{rendered}");
}

#[test]
fn invalid_utf8() {
    let (_site, rendered) = run_generated("invalid_utf8");
    assert!(rendered.contains("content/roles/geschaeftsstelle.toml:1:14"), "{rendered}");
}

#[test]
fn empty_role_file() {
    run_generated("empty_role_file");
}

#[test]
fn oversized_file() {
    run_generated("oversized_file");
}

#[test]
fn bom_with_unknown_unit() {
    let (site, rendered) = run_generated("bom_with_unknown_unit");
    assert_points_at(&rendered, site.path(), harness::BOM_FILE, harness::BOM_FAULT);
    assert!(rendered.contains(&format!("{}:3:8", harness::BOM_FILE)), "{rendered}");
}

#[test]
fn crlf_with_unknown_unit() {
    let (site, rendered) = run_generated("crlf_with_unknown_unit");
    assert_points_at(&rendered, site.path(), harness::CRLF_FILE, harness::CRLF_FAULT);
    assert!(rendered.contains(&format!("{}:3:8", harness::CRLF_FILE)), "{rendered}");
}

#[test]
fn crlf_markdown_link() {
    let (site, rendered) = run_generated("crlf_markdown_link");
    assert_points_at(&rendered, site.path(), harness::CRLF_MD_FILE, harness::CRLF_MD_FAULT);
}

#[test]
fn role_file_is_directory() {
    run_generated("role_file_is_directory");
}

#[test]
fn every_generated_case_has_a_test() {
    let names: Vec<&str> = harness::GENERATED.iter().map(|g| g.name).collect();
    assert_eq!(
        names,
        [
            "invalid_utf8",
            "empty_role_file",
            "oversized_file",
            "bom_with_unknown_unit",
            "crlf_with_unknown_unit",
            "crlf_markdown_link",
            "role_file_is_directory"
        ]
    );
}
