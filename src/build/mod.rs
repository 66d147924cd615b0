//! The pipeline as library calls: [`check`] loads and validates a site folder, [`build`]
//! renders a checked site into an output folder and says what it wrote. `lotse build`,
//! the tests and later a live preview all call these; nothing here prints.

mod error;
mod jobs;
mod session;
mod targets;

use std::path::{Path, PathBuf};

pub use error::BuildError;
pub use jobs::{Job, JobKind, Reads};
pub use session::{Rebuilt, Session, SessionError};

use crate::diag::Diagnostic;
use crate::load::{self, LoadError, Loaded};
use crate::output::Files;
use crate::site::Site;
use crate::theme::Theme;
use crate::timings::{CHARTS, Stage, Timings};

/// Loads `root/content` and validates it: the model with every problem found.
pub fn check(root: &Path) -> Result<Loaded, LoadError> {
    let mut timings = Timings::new();
    let mut loaded = load::load(root)?;
    timings.stage("load");
    let found = crate::validate::validate(&mut loaded.model, loaded.config.as_ref(), &loaded.sources);
    loaded.diagnostics.extend(found);
    timings.stage("validate");
    if let Some(config) = &loaded.config {
        match Theme::load(root, config) {
            Ok(theme) => {
                if config.build.pdf {
                    loaded.diagnostics.extend(crate::pdf::missing_glyphs(&theme.fonts, &loaded.sources));
                }
                loaded.theme = Some(theme);
            }
            Err(error) => loaded.diagnostics.push(Diagnostic::error(error.0)),
        }
    }
    timings.stage("theme");
    loaded.timings = timings;
    Ok(loaded)
}

/// The diagnostics of a check in reading order: by file path, then by position.
pub fn sorted_diagnostics(loaded: &Loaded) -> Vec<Diagnostic> {
    let mut diagnostics: Vec<Diagnostic> = loaded.diagnostics.iter().cloned().collect();
    diagnostics.sort_by_key(|d| {
        d.primary.as_ref().map(|label| (loaded.sources.get(label.file).path.clone(), label.span.start))
    });
    diagnostics
}

/// What to build and where.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The output folder; it is replaced as a whole when everything rendered.
    pub output: PathBuf,
    /// Build as of this reporting period instead of `current_period`.
    pub period: Option<String>,
    /// Also write each PDF's Typst input into this folder.
    pub typst_sources: Option<PathBuf>,
    /// Where typeset PDFs are kept for the next build; `None` typesets every PDF.
    pub cache: Option<PathBuf>,
    /// Hears which step the build begins, for a progress line.
    pub progress: Progress,
    /// The time a change of a PDF or an OParl object is dated with; `None`: the build's
    /// own (`SOURCE_DATE_EPOCH`, else the clock). See [`crate::published`].
    pub now: Option<crate::published::Stamp>,
}

/// A listener for the steps of a build (`"PDFs setzen"`, …), or none.
#[derive(Clone, Default)]
pub struct Progress(Option<std::sync::Arc<dyn Fn(&'static str) + Send + Sync>>);

impl Progress {
    pub fn new(listener: impl Fn(&'static str) + Send + Sync + 'static) -> Progress {
        Progress(Some(std::sync::Arc::new(listener)))
    }

    fn step(&self, name: &'static str) {
        if let Some(listener) = &self.0 {
            listener(name);
        }
    }
}

impl std::fmt::Debug for Progress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.is_some() { "Progress(listener)" } else { "Progress(none)" })
    }
}

impl BuildOptions {
    /// Options for building into `output`, with the PDF cache in a hidden folder beside it.
    pub fn new(output: PathBuf) -> BuildOptions {
        let cache = Some(crate::output::cache_folder(&output));
        BuildOptions { output, period: None, typst_sources: None, cache, progress: Progress::default(), now: None }
    }
}

/// What a build wrote.
#[derive(Debug)]
pub struct BuildReport {
    /// Every job of the build, with what it read.
    pub jobs: Vec<Job>,
    /// Site-relative paths of every file written, sorted.
    pub files: Vec<String>,
    /// The PDFs taken unchanged from the cache, because nothing they read changed; sorted.
    pub reused: Vec<String>,
    /// What went well enough to build but should be looked at: Typst's warnings on the
    /// templates, each naming its PDF, template and line.
    pub warnings: Vec<Diagnostic>,
    /// How long each stage took, and `charts`: the time spent drawing charts within the
    /// pages and PDFs, summed over threads.
    pub timings: Timings,
}

/// Renders a checked site (no errors among its diagnostics) into `options.output`: the
/// pages, the PDFs (as `[build]` in `site.toml` chooses), the assets, the search index and
/// the sitemap. On any error the previous output stays as it was.
pub fn build(root: &Path, checked: &Loaded, options: &BuildOptions) -> Result<BuildReport, BuildError> {
    targets::check(root, &options.output, options.typst_sources.as_deref()).map_err(BuildError::Targets)?;
    let staged = Files::staged(&options.output)?;
    let Rendered { mut files, sources, mut report } = render(checked, options, crate::pdf::Memo::Free, staged)?;
    options.progress.step("Ausgabe austauschen");
    files.write(&options.output)?;
    if let (Some(folder), Some(mut sources)) = (&options.typst_sources, sources) {
        sources.write(folder)?;
    }
    report.timings.stage("write");
    Ok(finished(report))
}

/// A site rendered in memory: its files, the Typst inputs if asked for, and the report.
struct Rendered {
    files: Files,
    sources: Option<Files>,
    report: BuildReport,
}

/// Everything of a build but the swap: into `files`, staged or in memory.
fn render(
    checked: &Loaded,
    options: &BuildOptions,
    memo: crate::pdf::Memo,
    mut files: Files,
) -> Result<Rendered, BuildError> {
    let config = checked.config.as_ref().ok_or(BuildError::NotChecked)?;
    if checked.diagnostics.has_errors() {
        return Err(BuildError::NotChecked);
    }
    if let Some(period) = &options.period
        && !checked.model.periods.iter().any(|p| &p.id == period)
    {
        let known = checked.model.periods.iter().map(|p| p.id.clone()).collect();
        return Err(BuildError::UnknownPeriod { period: period.clone(), known });
    }
    let mut timings = Timings::new();
    CHARTS.take();
    let theme = checked.theme.as_ref().ok_or(BuildError::NotChecked)?;
    let site = Site::new(&checked.model, config, &theme.labels, options.period.as_deref());
    let mut sources = options.typst_sources.as_ref().map(|_| Files::default());
    let ledger = crate::published::Ledger::read(&options.output, options.now);
    let typeset = if config.build.pdf {
        options.progress.step("PDFs setzen");
        let before = (options.cache.as_deref(), &ledger);
        crate::pdf::render(&site, theme, before, memo, &mut files, sources.as_mut())?
    } else {
        crate::pdf::Typeset { jobs: Vec::new(), papers: Vec::new() }
    };
    timings.stage("pdf");
    let papers = match config.build.pdf {
        true => typeset.papers,
        false => (0..checked.model.papers.len())
            .map(|paper| crate::oparl::PaperFiles { paper, main: None, auxiliary: Vec::new() })
            .collect(),
    };
    crate::oparl::render(&site, &ledger, &papers, &mut files)?;
    files.add(crate::published::RECORD, ledger.record())?;
    let pdfs = typeset.jobs;
    options.progress.step("Seiten und Suchindex schreiben");
    let pages =
        if config.build.site { crate::html::render_site(&site, theme, &mut files, &mut timings)? } else { Vec::new() };
    let warnings = pdfs.iter().flat_map(typst_warnings).collect();
    let mut reused: Vec<String> = pdfs.iter().filter(|pdf| pdf.reused).map(|pdf| pdf.path.clone()).collect();
    reused.sort();
    let jobs = jobs::plan(&pages, &pdfs, &checked.model, &checked.sources);
    let written = files.paths().map(str::to_owned).collect();
    Ok(Rendered { files, sources, report: BuildReport { jobs, files: written, reused, warnings, timings } })
}

/// The report with the time spent drawing charts added as its own line.
fn finished(mut report: BuildReport) -> BuildReport {
    let charts = CHARTS.take();
    report.timings.add(Stage { name: "charts", wall: charts, cpu: charts, peak_kib: 0 });
    report
}

/// Typst's warnings on one PDF as diagnostics, pointing at its content file.
fn typst_warnings(pdf: &crate::pdf::PdfJob) -> Vec<Diagnostic> {
    pdf.warnings
        .iter()
        .map(|warning| {
            let diagnostic = Diagnostic::warning(format!("Typst warnt beim PDF `{}`: {warning}", pdf.path))
                .hint("Die Warnung betrifft die Typst-Vorlage des Themes oder unter `templates/`.");
            match pdf.origin {
                Some(file) => diagnostic.at(file, 0..0, "aus dieser Inhaltsdatei"),
                None => diagnostic,
            }
        })
        .collect()
}
