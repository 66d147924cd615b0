//! The `lotse` binary as users run it: exit codes 0/1/2, the summary on stdout,
//! diagnostics on stderr, and no panic (exit code 101) on any invalid case.

use crate::harness::{self, describe};

use std::path::Path;
use std::process::{Command, Output};

fn lotse(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lotse")).args(args).output().expect("run lotse")
}

fn check(root: &Path) -> Output {
    lotse(&["--root", root.to_str().expect("utf-8 path"), "check"])
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn clean_site_exits_0_with_the_summary_on_stdout() {
    let output = check(&harness::minimal_site());
    assert_eq!(output.status.code(), Some(0), "{}", describe(&output));
    let stdout = text(&output.stdout);
    assert_eq!(stdout.lines().count(), 1, "one summary line: {}", describe(&output));
    assert!(stdout.starts_with("Inhalte geprüft: 3 Rollen"), "{}", describe(&output));
    assert!(stdout.contains("keine Fehler, 0 Warnungen"), "{}", describe(&output));
    assert!(output.stderr.is_empty(), "nothing on stderr for clean content: {}", describe(&output));
}

#[test]
fn content_error_exits_1_with_the_diagnostic_on_stderr() {
    let (site, _) = harness::build_case("unknown_role");
    let output = check(site.path());
    assert_eq!(output.status.code(), Some(1), "{}", describe(&output));
    assert!(output.stdout.is_empty(), "no summary when there are errors: {}", describe(&output));
    let stderr = text(&output.stderr);
    assert!(stderr.contains("error: Unbekannte Rolle `fachamtleitung`"), "{}", describe(&output));
    assert!(stderr.contains("content/bodies/digit-dialog.toml:"), "{}", describe(&output));
    assert!(stderr.contains("1 Fehler, 0 Warnungen"), "{}", describe(&output));
    assert!(!stderr.contains('\u{1b}'), "no colour codes when stderr is not a terminal: {}", describe(&output));
}

#[test]
fn warning_only_exits_0_and_prints_both() {
    let (site, _) = harness::build_case("unknown_top_level_file");
    let output = check(site.path());
    assert_eq!(output.status.code(), Some(0), "{}", describe(&output));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("warning: content/flow.toml: unbekannte Datei oder unbekannter Ordner, wird nicht gelesen"),
        "{}",
        describe(&output)
    );
    assert!(stderr.contains("Meinten Sie `flows.toml`?"), "{}", describe(&output));
    assert!(text(&output.stdout).contains("keine Fehler, 1 Warnung."), "{}", describe(&output));
}

#[test]
fn missing_root_exits_2() {
    let output = lotse(&["--root", "/does/not/exist", "check"]);
    assert_eq!(output.status.code(), Some(2), "{}", describe(&output));
    assert!(output.stdout.is_empty(), "{}", describe(&output));
    assert!(text(&output.stderr).contains("/does/not/exist"), "the message names the folder: {}", describe(&output));
}

#[test]
fn root_without_content_folder_exits_2() {
    let empty = tempfile::tempdir().expect("temp dir");
    let output = check(empty.path());
    assert_eq!(output.status.code(), Some(2), "{}", describe(&output));
    assert!(text(&output.stderr).contains("content/"), "{}", describe(&output));
}

#[test]
fn unknown_flag_exits_2() {
    let output = lotse(&["check", "--no-such-flag"]);
    assert_eq!(output.status.code(), Some(2), "{}", describe(&output));
    assert!(output.stdout.is_empty(), "{}", describe(&output));
    assert!(!output.stderr.is_empty(), "{}", describe(&output));
}

#[test]
fn missing_subcommand_exits_2() {
    let output = lotse(&["--root", harness::minimal_site().to_str().expect("utf-8")]);
    assert_eq!(output.status.code(), Some(2), "{}", describe(&output));
}

/// Every invalid case, file-based and generated, ends with 0 (warnings) or 1 (errors), never a
/// panic; errors and warnings go to stderr, never to stdout.
#[test]
fn no_case_panics() {
    let mut failures = Vec::new();
    let mut run = |name: &str, root: &Path, expect_warning: bool| {
        let output = check(root);
        let expected = if expect_warning { 0 } else { 1 };
        let stdout = text(&output.stdout);
        let ok = output.status.code() == Some(expected)
            && !stdout.contains("error")
            && !stdout.contains("warning")
            && !text(&output.stderr).contains("panicked");
        if !ok {
            failures.push(format!("== {name} (expected exit {expected})\n{}", describe(&output)));
        }
    };
    for name in harness::case_names() {
        let (site, info) = harness::build_case(&name);
        // A known bug may leave only warnings or nothing at all; the exit code must still not be 101.
        let expect_warning = info.expects_warning() || info.diagnostics == Some(0);
        run(&name, site.path(), expect_warning);
    }
    for generated in harness::GENERATED {
        let site = harness::copy_minimal();
        (generated.apply)(site.path());
        run(generated.name, site.path(), false);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// `lotse check | head -0`: a reader that goes away is not an error (style.md, point 11).
#[test]
fn broken_pipe_is_not_a_panic() {
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_lotse"))
        .args(["--root", harness::minimal_site().to_str().expect("utf-8"), "check"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn lotse");
    // Close the reading end before lotse gets to print its summary.
    drop(child.stdout.take());
    let output = child.wait_with_output().expect("wait for lotse");
    assert_ne!(output.status.code(), Some(101), "{}", describe(&output));
    assert!(!text(&output.stderr).contains("panicked"), "{}", describe(&output));
}

#[test]
fn help_and_usage_errors_are_german() {
    let help = lotse(&["--help"]);
    assert_eq!(help.status.code(), Some(0), "{}", describe(&help));
    let text = String::from_utf8_lossy(&help.stdout);
    for expected in ["Aufruf: lotse [OPTIONEN] <BEFEHL>", "Befehle:", "Optionen:", "Diese Hilfe anzeigen", "serve"] {
        assert!(text.contains(expected), "{expected}: {text}");
    }
    for english in ["Usage", "Options:", "Print help", "[default"] {
        assert!(!text.contains(english), "{english}: {text}");
    }
    for (args, expected) in [
        (vec!["baue"], "Fehler: Den Befehl `baue` gibt es nicht."),
        (vec!["build", "--outptu", "x"], "Meinten Sie `--output`?"),
        (vec!["new", "rolle", "x"], "Erlaubt: role, body, project"),
        (vec!["import", "status"], "Es fehlt: --period"),
    ] {
        let output = lotse(&args);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {}", describe(&output));
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
        assert!(!stderr.contains("error:") && !stderr.contains("Usage"), "{args:?}: {stderr}");
    }
}

#[test]
fn quiet_prints_nothing_on_clean_content() {
    let output = lotse(&["--root", harness::minimal_site().to_str().expect("utf-8 path"), "--quiet", "check"]);
    assert_eq!(output.status.code(), Some(0), "{}", describe(&output));
    assert!(output.stdout.is_empty() && output.stderr.is_empty(), "{}", describe(&output));
}

#[test]
fn no_progress_line_when_the_output_is_not_a_terminal() {
    let site = harness::copy_minimal();
    let root = site.path().to_str().expect("utf-8 path");
    let output = lotse(&["--root", root, "build"]);
    assert_eq!(output.status.code(), Some(0), "{}", describe(&output));
    let all = format!("{}{}", text(&output.stdout), text(&output.stderr));
    assert!(!all.contains('\u{1b}') && !all.contains("PDFs setzen"), "{all}");
    assert!(text(&output.stdout).lines().last().is_some_and(|line| line.contains("Dateien nach")), "{all}");
}
