//! The command line: `lotse [--root DIR] check`, `build`, `serve`, `new`, `export` and
//! `import`, with help and usage errors in German.

mod args;
mod progress;
mod summary;
mod usage;

pub use args::{Args, Command, ExportCommand, ImportCommand};
pub use usage::parse;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};

use crate::build;
use crate::diag;
use crate::load::Loaded;

/// Exit status: content problems.
pub const EXIT_CONTENT: u8 = 1;
/// Exit status: the command was used wrongly (as clap uses for bad arguments).
pub const EXIT_USAGE: u8 = 2;

/// `--quiet`: the summaries on stdout are left out; errors and warnings still go to stderr.
static QUIET: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

pub fn run(args: Args) -> ExitCode {
    // JSON on stdout is for other programs: nothing else may go there.
    let to_stdout = matches!(args.command, Command::Export { what: ExportCommand::Json { out: None } });
    QUIET.store(args.quiet || to_stdout, std::sync::atomic::Ordering::Relaxed);
    if !args.root.is_dir() {
        say_error(&format!("Fehler: Der Ordner `{}` existiert nicht.", args.root.display()));
        return ExitCode::from(EXIT_USAGE);
    }
    if let Command::Serve { output, port, bind } = &args.command {
        let build = build::BuildOptions::new(output.clone().unwrap_or_else(|| args.root.join("output")));
        return serve(&args.root, crate::serve::ServeOptions { build, bind: *bind, port: *port });
    }
    if let Command::New { kind, id } = &args.command {
        return new(&args.root, kind, id);
    }
    if let Command::Schema { out } = &args.command {
        return schema(&out.clone().unwrap_or_else(|| args.root.join("schemas")));
    }
    let checked = match build::check(&args.root) {
        Ok(checked) => checked,
        Err(error) => return fail(EXIT_USAGE, error),
    };
    report(&checked);
    if checked.diagnostics.has_errors() {
        return ExitCode::from(EXIT_CONTENT);
    }
    say(&summary::line(&checked));
    let mut timings = checked.timings.clone();
    match args.command {
        Command::Check => {
            if args.timings {
                print_timings(&timings);
            }
            ExitCode::SUCCESS
        }
        Command::Build { output, period, typst_sources, no_cache } => {
            let mut options = build::BuildOptions::new(output.unwrap_or_else(|| args.root.join("output")));
            options.period = period;
            options.typst_sources = typst_sources;
            if no_cache {
                options.cache = None;
            }
            let shown = std::io::stderr().is_terminal() && !args.quiet && std::env::var_os("CI").is_none();
            let (line, progress) = progress::Line::start(shown);
            options.progress = progress;
            let (status, built) = run_build(&args.root, &checked, &options, line);
            if let (true, Some(built)) = (args.timings, built) {
                timings.extend(&built);
                print_timings(&timings);
            }
            status
        }
        // Answered above, before the check: the preview runs with content errors too, and
        // a new file can be added to content with errors.
        Command::Serve { .. } | Command::New { .. } | Command::Schema { .. } => ExitCode::SUCCESS,
        Command::Export { what: ExportCommand::StatusSheet { period, out } } => {
            let out = out.unwrap_or_else(|| PathBuf::from(format!("statusbericht-{period}.xlsx")));
            export_status_sheet(&checked, &period, &out)
        }
        Command::Export { what: ExportCommand::Json { out } } => {
            let config = checked.config.as_ref();
            let document = config.map(|config| crate::sheet::json::model(&checked.model, config));
            let text = document.and_then(|d| serde_json::to_string_pretty(&d).ok()).unwrap_or_default() + "\n";
            match out {
                Some(out) => write_new_file(&out, text.as_bytes(), "Modell"),
                None => {
                    use std::io::Write;
                    let _ = std::io::stdout().write_all(text.as_bytes());
                    ExitCode::SUCCESS
                }
            }
        }
        Command::Import { what: ImportCommand::Status { file, period, partial } } => {
            import_status(&args.root, &checked, &file, &period, partial)
        }
    }
}

/// Writes a new content file (or, for `site`, a new site) and names it; refuses to
/// overwrite anything.
fn new(root: &std::path::Path, kind: &str, id: &str) -> ExitCode {
    use crate::scaffold;
    let Some(&(_, kind)) = scaffold::KINDS.iter().find(|(name, _)| *name == kind) else {
        return match scaffold::site(std::path::Path::new(id)) {
            Ok(files) => {
                say(&format!("Neue Website in `{id}` angelegt ({} Dateien).", files.len()));
                say(&format!("Weiter mit: lotse --root {id} serve"));
                ExitCode::SUCCESS
            }
            Err(error) => fail(EXIT_USAGE, error),
        };
    };
    let checked = match build::check(root) {
        Ok(checked) => checked,
        Err(error) => return fail(EXIT_USAGE, error),
    };
    match scaffold::item(root, &checked.model, kind, id, scaffold::today()) {
        Ok(path) => {
            say(&format!("Angelegt: {}", path.display()));
            say("Füllen Sie die Datei aus und prüfen Sie mit `lotse check`.");
            ExitCode::SUCCESS
        }
        Err(error) => fail(EXIT_USAGE, error),
    }
}

fn export_status_sheet(checked: &Loaded, period: &str, out: &std::path::Path) -> ExitCode {
    if crate::model::period_id::scheme_of(period).is_none() {
        say_error(&format!(
            "Fehler: `{period}` ist keine Berichtsperiode; erlaubt sind z. B. 2026-Q4, 2026-H2 oder 2026."
        ));
        return ExitCode::from(EXIT_USAGE);
    }
    let bytes = match crate::sheet::status_sheet(&checked.model, period) {
        Ok(bytes) => bytes,
        Err(error) => {
            say_error(&format!("Fehler: Die Tabelle kann nicht erzeugt werden: {error}"));
            return ExitCode::from(EXIT_CONTENT);
        }
    };
    write_new_file(out, &bytes, &format!("Statustabelle für {period}"))
}

/// Writes a file that must not exist yet: Lotse never replaces a user's file.
fn write_new_file(out: &std::path::Path, bytes: &[u8], what: &str) -> ExitCode {
    match crate::output::create_new(out, bytes) {
        Ok(()) => {
            say(&format!("{what} nach `{}` geschrieben.", out.display()));
            ExitCode::SUCCESS
        }
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {
            say_error(&format!(
                "Fehler: `{}` gibt es schon; Lotse überschreibt keine Datei. Wählen Sie mit --out einen anderen Namen.",
                out.display()
            ));
            ExitCode::from(EXIT_USAGE)
        }
        Err(error) => {
            say_error(&format!("Fehler: `{}` kann nicht geschrieben werden: {error}", out.display()));
            ExitCode::from(EXIT_USAGE)
        }
    }
}

/// Reads a status sheet into the period file, then checks the content as `lotse check`
/// does; if that finds errors, the period file is put back as it was.
fn import_status(
    root: &std::path::Path,
    checked: &Loaded,
    file: &std::path::Path,
    period: &str,
    partial: bool,
) -> ExitCode {
    let imported = match crate::sheet::import_status(&checked.model, file) {
        Ok(imported) => imported,
        Err(error) => return fail(EXIT_CONTENT, error),
    };
    for problem in &imported.problems {
        say_error(&format!("Fehler: {problem}"));
    }
    if !imported.problems.is_empty() && !partial {
        say_error(&format!(
            "{} Zellen können nicht übernommen werden; nichts wurde geschrieben. Mit --partial werden nur die fehlerfreien Zeilen übernommen.",
            imported.problems.len()
        ));
        return ExitCode::from(EXIT_CONTENT);
    }
    let written = match crate::sheet::write_period(root, &checked.model, &checked.sources, period, &imported.rows) {
        Ok(written) => written,
        Err(error) => return fail(EXIT_USAGE, error),
    };
    let status = ExitCode::from(if imported.problems.is_empty() { 0 } else { EXIT_CONTENT });
    let skipped = if imported.problems.is_empty() { "" } else { " (Zeilen mit Fehlern ausgelassen)" };
    let (rows, path) = (imported.rows.len(), written.path.display());
    if !written.changed {
        say(&format!("{rows} Projekte eingelesen{skipped}; `{path}` ist schon auf diesem Stand."));
        return status;
    }
    let after = match build::check(root) {
        Ok(after) => after,
        Err(error) => return fail(EXIT_USAGE, error),
    };
    if after.diagnostics.has_errors() {
        report(&after);
        let full = root.join(&written.path);
        let restored = match &written.previous {
            Some(bytes) => crate::output::replace_file(&full, bytes),
            None => std::fs::remove_file(&full),
        };
        if restored.is_ok() {
            say_error(&format!("Die Prüfung fand Fehler; `{}` ist unverändert.", written.path.display()));
        }
        return ExitCode::from(EXIT_CONTENT);
    }
    say(&format!("{rows} Projekte eingelesen{skipped}; `{path}` geschrieben."));
    status
}

/// Writes the JSON Schemas; a file that is there with other bytes is kept and named.
fn schema(folder: &std::path::Path) -> ExitCode {
    let schemas = crate::scaffold::schema::schemas();
    for (name, _, schema) in &schemas {
        let path = folder.join(name);
        let text = serde_json::to_string_pretty(schema).unwrap_or_default() + "\n";
        match std::fs::read(&path) {
            Ok(existing) if existing == text.as_bytes() => {}
            Ok(_) => {
                say_error(&format!(
                    "Fehler: `{}` gibt es schon mit anderem Inhalt; Lotse überschreibt keine Datei. Löschen Sie die alten Schemas oder wählen Sie mit --out einen anderen Ordner.",
                    path.display()
                ));
                return ExitCode::from(EXIT_USAGE);
            }
            Err(_) => {
                if let Err(error) = crate::output::create_new(&path, text.as_bytes()) {
                    say_error(&format!("Fehler: `{}` kann nicht geschrieben werden: {error}", path.display()));
                    return ExitCode::from(EXIT_USAGE);
                }
            }
        }
    }
    say(&format!("{} Schemas nach `{}` geschrieben.", schemas.len(), folder.display()));
    ExitCode::SUCCESS
}

/// Runs the preview until the process is stopped; content errors go to the terminal
/// and into the served pages, and do not stop it.
fn serve(root: &std::path::Path, options: crate::serve::ServeOptions) -> ExitCode {
    let preview = match crate::serve::Preview::start(root, options) {
        Ok(preview) => preview,
        Err(error) => return fail(EXIT_USAGE, error),
    };
    // Also with --quiet: without the address the preview is of no use.
    use std::io::Write;
    let _ = writeln!(std::io::stdout(), "Vorschau unter http://{}/ (beenden mit Strg+C)", preview.address());
    preview.run(|outcome| match outcome {
        crate::serve::Outcome::Built { written, removed, took } => {
            say(&format!("Neu gebaut in {} ms: {written} Dateien geschrieben, {removed} entfernt.", took.as_millis()))
        }
        crate::serve::Outcome::Problems { text } => {
            say_error(text);
            say_error("Die Vorschau zeigt weiter den letzten fehlerfreien Stand.");
        }
    });
    ExitCode::SUCCESS
}

/// One line per stage, aligned for reading and for `awk` in the benchmark script.
fn print_timings(timings: &crate::timings::Timings) {
    say_error(&format!("{:<10} {:>10} {:>10} {:>12}", "Stufe", "Zeit_ms", "CPU_ms", "Spitze_MiB"));
    for stage in timings.stages() {
        say_error(&format!(
            "{:<10} {:>10.1} {:>10.1} {:>12.1}",
            stage.name,
            stage.wall.as_secs_f64() * 1000.0,
            stage.cpu.as_secs_f64() * 1000.0,
            stage.peak_kib as f64 / 1024.0
        ));
    }
}

/// Builds and says what was written; on any error the old output stays.
fn run_build(
    root: &std::path::Path,
    checked: &Loaded,
    options: &build::BuildOptions,
    line: progress::Line,
) -> (ExitCode, Option<crate::timings::Timings>) {
    let started = std::time::Instant::now();
    let built = build::build(root, checked, options);
    // The line goes before anything else is printed.
    drop(line);
    match built {
        Ok(report) => {
            print_diagnostics(&report.warnings, checked);
            let reused = match report.reused.len() {
                0 => String::new(),
                1 => ", 1 PDF unverändert übernommen".to_owned(),
                n => format!(", {n} PDFs unverändert übernommen"),
            };
            say(&format!(
                "{} Dateien nach `{}` geschrieben ({} ms{reused}).",
                report.files.len(),
                options.output.display(),
                started.elapsed().as_millis()
            ));
            (ExitCode::SUCCESS, Some(report.timings))
        }
        Err(error) => {
            print_diagnostics(&[error.diagnostic()], checked);
            if !matches!(error, build::BuildError::Output(_)) {
                say_error("Die Ausgabe wurde nicht verändert.");
            }
            (ExitCode::from(if error.is_usage() { EXIT_USAGE } else { EXIT_CONTENT }), None)
        }
    }
}

/// Says what went wrong and gives the exit status for it.
fn fail(status: u8, error: impl std::fmt::Display) -> ExitCode {
    say_error(&format!("Fehler: {error}"));
    ExitCode::from(status)
}

/// Prints a line to stdout; a closed pipe (`lotse check | head`) is not an error.
fn say(line: &str) {
    use std::io::Write;
    if QUIET.load(std::sync::atomic::Ordering::Relaxed) {
        return;
    }
    let _ = writeln!(std::io::stdout(), "{line}");
}

/// Prints a line to stderr, ignoring a closed stream like [`say`].
fn say_error(line: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{line}");
}

/// Prints every diagnostic of the check once, sorted by file and position, to stderr.
fn report(loaded: &Loaded) {
    let diagnostics = build::sorted_diagnostics(loaded);
    if diagnostics.is_empty() {
        return;
    }
    print_diagnostics(&diagnostics, loaded);
    say_error(&crate::diag::count_line(loaded.diagnostics.error_count(), loaded.diagnostics.warning_count()));
}

/// Prints diagnostics with the one printer for content problems, build errors and warnings.
fn print_diagnostics(diagnostics: &[diag::Diagnostic], loaded: &Loaded) {
    if diagnostics.is_empty() {
        return;
    }
    let choice = if std::io::stderr().is_terminal() { ColorChoice::Auto } else { ColorChoice::Never };
    let mut stderr = StandardStream::stderr(choice);
    // A closed stderr is no reason to fail the build.
    let _ = diag::render(diagnostics, &loaded.sources, &mut stderr);
}
