//! The command line: `lotse [--root DIR] check` and `lotse [--root DIR] build`.

mod summary;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};

use crate::diag::{self, Diagnostic};
use crate::load::{self, Loaded};
use crate::validate;

/// Lotse builds the DigIT handbook, committee papers and dashboards from `content/`.
#[derive(Debug, Parser)]
#[command(name = "lotse", version, about)]
pub struct Args {
    /// The site folder, holding `content/`, `templates/` and `themes/`.
    #[arg(long, global = true, value_name = "DIR", default_value = ".")]
    pub root: PathBuf,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Load and check the content; print every problem.
    Check,
    /// Check the content and build the site into the output folder.
    Build {
        /// Where to write the site (default: DIR/output).
        #[arg(long, value_name = "DIR")]
        output: Option<PathBuf>,
        /// Build as of this reporting period (e.g. 2026-Q3) instead of `current_period`.
        #[arg(long, value_name = "PERIOD")]
        period: Option<String>,
        /// Also write the Typst sources of every PDF (templates, data, markup) into this
        /// folder, one subfolder per PDF: to debug a template or typeset with `typst`.
        #[arg(long, value_name = "DIR")]
        typst_sources: Option<PathBuf>,
    },
}

/// Exit status: content problems.
pub const EXIT_CONTENT: u8 = 1;
/// Exit status: the command was used wrongly (as clap uses for bad arguments).
pub const EXIT_USAGE: u8 = 2;

pub fn run(args: Args) -> ExitCode {
    if !args.root.is_dir() {
        say_error(&format!("Fehler: Der Ordner `{}` existiert nicht.", args.root.display()));
        return ExitCode::from(EXIT_USAGE);
    }
    let checked = match load_and_validate(&args.root) {
        Ok(checked) => checked,
        Err(error) => {
            say_error(&format!("Fehler: {error}"));
            return ExitCode::from(EXIT_USAGE);
        }
    };
    report(&checked);
    if checked.diagnostics.has_errors() {
        return ExitCode::from(EXIT_CONTENT);
    }
    match args.command {
        Command::Check => say(&summary::line(&checked)),
        Command::Build { output, period, typst_sources } => {
            say(&summary::line(&checked));
            let mut checked = checked;
            if let Some(period) = period
                && let Err(message) = as_of(&mut checked.model, &period)
            {
                say_error(&message);
                return ExitCode::from(EXIT_USAGE);
            }
            let target = output.unwrap_or_else(|| args.root.join("output"));
            return build(&args.root, &checked, &target, typst_sources.as_deref());
        }
    }
    ExitCode::SUCCESS
}

/// Makes `period` the site's current period, so that everything is built as of then.
fn as_of(model: &mut crate::model::Model, period: &str) -> Result<(), String> {
    if !model.periods.iter().any(|p| p.id == period) {
        let known = model.periods.iter().map(|p| p.id.as_str()).collect::<Vec<_>>().join(", ");
        return Err(format!("Fehler: Die Berichtsperiode `{period}` gibt es nicht. Vorhanden sind: {known}."));
    }
    if let Some(config) = model.config.as_mut() {
        config.current_period = Some(crate::model::Spanned::new(0..0, period.to_owned()));
    }
    Ok(())
}

/// Renders the site and swaps it into `target`; on any error the old output stays.
fn build(
    root: &std::path::Path,
    checked: &Loaded,
    target: &std::path::Path,
    typst_sources: Option<&std::path::Path>,
) -> ExitCode {
    let started = std::time::Instant::now();
    let mut files = crate::output::Files::default();
    let mut sources = typst_sources.map(|_| crate::output::Files::default());
    if let Err(error) = render(root, &checked.model, &mut files, sources.as_mut()) {
        say_error(&format!("Fehler: {error}"));
        say_error("Die Ausgabe wurde nicht verändert.");
        return ExitCode::from(EXIT_CONTENT);
    }
    let written = files.write(target).and_then(|()| match (typst_sources, &sources) {
        (Some(folder), Some(sources)) => sources.write(folder),
        _ => Ok(()),
    });
    if let Err(error) = written {
        say_error(&format!("Fehler: {error}"));
        return ExitCode::from(EXIT_CONTENT);
    }
    say(&format!(
        "{} Dateien nach `{}` geschrieben ({} ms).",
        files.len(),
        target.display(),
        started.elapsed().as_millis()
    ));
    ExitCode::SUCCESS
}

/// Renders the site and the PDFs with the site's theme.
fn render(
    root: &std::path::Path,
    model: &crate::model::Model,
    files: &mut crate::output::Files,
    typst_sources: Option<&mut crate::output::Files>,
) -> Result<(), String> {
    let config = model.config.as_ref();
    let language = config.map_or("de", |c| c.language.as_str());
    let mut theme = crate::theme::Theme::load(root, config.map_or("default", |c| c.theme.as_str()), language)
        .map_err(|e| e.to_string())?;
    crate::pdf::render(model, &theme, files, typst_sources).map_err(|e| e.to_string())?;
    crate::html::render_site(model, &mut theme, files).map_err(|e| e.to_string())
}

/// Prints a line to stdout; a closed pipe (`lotse check | head`) is not an error.
fn say(line: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stdout(), "{line}");
}

/// Prints a line to stderr, ignoring a closed stream like [`say`].
fn say_error(line: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{line}");
}

/// Loads `root/content` and validates it; all diagnostics end up in the result.
pub fn load_and_validate(root: &std::path::Path) -> Result<Loaded, load::LoadError> {
    let mut loaded = load::load(root)?;
    let found = validate::validate(&mut loaded.model, &loaded.sources);
    loaded.diagnostics.extend(found);
    Ok(loaded)
}

/// Prints every diagnostic once, sorted by file and position, to stderr.
fn report(loaded: &Loaded) {
    let diagnostics = sorted(loaded);
    if diagnostics.is_empty() {
        return;
    }
    let choice = if std::io::stderr().is_terminal() { ColorChoice::Auto } else { ColorChoice::Never };
    let mut stderr = StandardStream::stderr(choice);
    // A closed stderr is no reason to fail the build.
    let _ = diag::render(&diagnostics, &loaded.sources, &mut stderr);
    say_error(&summary::problems(loaded.diagnostics.error_count(), loaded.diagnostics.warning_count()));
}

/// The diagnostics in reading order: by file path, then by position in the file.
pub fn sorted(loaded: &Loaded) -> Vec<Diagnostic> {
    let mut diagnostics: Vec<Diagnostic> = loaded.diagnostics.iter().cloned().collect();
    diagnostics.sort_by_key(|d| {
        d.primary.as_ref().map(|label| (loaded.sources.get(label.file).path.clone(), label.span.start))
    });
    diagnostics
}
