//! The PDFs, typeset with Typst embedded as a library: one per committee paper (Vorlage),
//! one dashboard per reporting period and one role card per role, each written
//! beside its page, and the whole handbook as `handbuch.pdf`. Templates come from the theme (`typst/*.typ`, overridable in
//! the site's `templates/`); content goes in as data (`/data.json`) and as Typst markup
//! converted from Markdown with every special character escaped, never as pasted strings.

mod cache;
mod compile;
mod dashboard;
mod figure_data;
mod glyphs;
mod handbook;
mod links;
mod paper;
mod role;
mod world;

pub use glyphs::check as missing_glyphs;

use rayon::prelude::*;

use crate::model::Date;
use crate::output::{Files, OutputError};
use crate::site::Site;
use crate::theme::Theme;

/// Why a PDF could not be made; names the document and the content it comes from.
#[derive(Debug)]
pub enum PdfError {
    /// `source` is the content file the document comes from, if it comes from one.
    Typeset {
        document: String,
        origin: String,
        source: Option<crate::source::FileId>,
        message: String,
    },
    Output(OutputError),
}

impl std::fmt::Display for PdfError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PdfError::Typeset { document, origin, message, .. } => write!(
                f,
                "Das PDF `{document}` (aus {origin}) kann nicht gesetzt werden:\n{message}\nPrüfen Sie die Inhaltsdatei; liegt der Fehler in einer eigenen Typst-Vorlage unter `templates/`, dort."
            ),
            PdfError::Output(error) => write!(f, "{error}"),
        }
    }
}

/// One document to typeset: a theme template, its data and the files it reads.
struct Document {
    /// Output path, e.g. `vorlagen/informationsvorlage-lenkung.pdf`.
    path: String,
    /// The content file it comes from, for error messages.
    origin: String,
    /// The content file it comes from, if it comes from one.
    source: Option<crate::source::FileId>,
    /// The theme template that is the document's main file, e.g. `vorlage.typ`.
    template: &'static str,
    /// The document's date: Typst's `today` and, on its first publication, its metadata
    /// date (later the publication record's, see [`crate::published`]); never the clock.
    date: Date,
    data: serde_json::Value,
    /// Generated Typst markup (`/body.typ`), by absolute path.
    sources: Vec<(String, String)>,
    /// Files the template reads (`/charts/x.svg`), by absolute path.
    files: Vec<(String, Vec<u8>)>,
    /// Files embedded in the PDF (PDF/A-3 allows them): data behind its figures.
    attachments: Vec<Attachment>,
    /// Files written beside the PDF in the site.
    beside: Vec<Companion>,
    /// The paper (index into `model.papers`) whose OParl description goes beside the PDF.
    paper: Option<usize>,
    /// The most pages it may have; more is an error that says what to trim (`trim`).
    budget: u32,
    trim: &'static str,
}

impl Document {
    /// A document whose `/data.json` holds its `title`, the site's organisation, its
    /// `date`, the site's sources and the labels beside the fields of `content` (a JSON
    /// object).
    fn new(
        site: &Site<'_>,
        path: String,
        origin: String,
        template: &'static str,
        title: String,
        date: Date,
        content: serde_json::Value,
    ) -> Document {
        let mut data = serde_json::json!({
            "title": title,
            "organisation": site.config.organisation,
            "date": { "year": date.year, "month": date.month, "day": date.day, "text": crate::german::date(date) },
            "labels": site.labels,
            "sources": crate::view::provenance::citations(site.model),
        });
        if let (Some(data), serde_json::Value::Object(content)) = (data.as_object_mut(), content) {
            data.extend(content);
        }
        Document {
            path,
            origin,
            source: None,
            template,
            date,
            data,
            sources: Vec::new(),
            files: Vec::new(),
            attachments: Vec::new(),
            beside: Vec::new(),
            paper: None,
            budget: crate::config::DEFAULT_MAX_PAGES,
            trim: "Kürzen Sie den Text der Inhaltsdatei oder teilen Sie ihn auf mehrere auf.",
        }
    }

    /// Pages its running text fills at least (see [`WORDS_PER_PAGE`]).
    fn fewest_pages(&self) -> usize {
        self.sources.iter().map(|(_, text)| text.split_whitespace().count()).sum::<usize>() / WORDS_PER_PAGE
    }

    /// The error that it has (or would have) `pages` pages, over its budget.
    fn too_long(&self, pages: String) -> PdfError {
        self.failed(format!("Es hätte {pages} Seiten; erlaubt sind {}. {}", self.budget, self.trim))
    }

    /// Bytes of input: how long typesetting it will take, roughly.
    fn size(&self) -> usize {
        let markup: usize = self.sources.iter().map(|(_, text)| text.len()).sum();
        let files: usize = self.files.iter().map(|(_, bytes)| bytes.len()).sum();
        markup + files + self.data.to_string().len()
    }

    /// The error that this document cannot be typeset, and why.
    fn failed(&self, message: String) -> PdfError {
        PdfError::Typeset { document: self.path.clone(), origin: self.origin.clone(), source: self.source, message }
    }
}

/// Words of running text that surely fill one page: more than a page of A4 in the
/// theme's type holds, so that an estimate from them never exceeds the real length.
const WORDS_PER_PAGE: usize = 700;

/// A file embedded in a PDF, listed by PDF readers under its name.
struct Attachment {
    name: String,
    mime_type: &'static str,
    description: String,
    bytes: Vec<u8>,
}

/// A file beside a PDF in the site, e.g. a figure's numbers as CSV.
struct Companion {
    path: String,
    title: String,
    bytes: Vec<u8>,
}

/// A PDF the build typeset: where it went, its template and the content file it comes
/// from (`None` for documents that gather the whole model).
#[derive(Debug, Clone)]
pub struct PdfJob {
    pub path: String,
    pub template: &'static str,
    pub origin: Option<crate::source::FileId>,
    /// What Typst warned about while setting it, with the place in the template.
    pub warnings: Vec<String>,
    /// Taken unchanged from the PDF cache: nothing it reads changed since the last build.
    pub reused: bool,
}

/// How long Typst's memoised results live after the PDFs of a build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Memo {
    /// Freed at once, for the pages that come next: a build that runs once.
    Free,
    /// Kept for the next rebuild (entries unused for ten rebuilds go), where they make
    /// typesetting an edited document again a fraction of the first time.
    Keep,
}

/// What typesetting made: a job per PDF, and the files each paper published for OParl.
pub struct Typeset {
    pub jobs: Vec<PdfJob>,
    pub papers: Vec<crate::oparl::PaperFiles>,
}

/// Typesets every PDF of the site on all cores and adds them to `files`; with `sources`,
/// also every document's Typst input, in a folder named after the PDF. Each PDF's date
/// is the one `ledger` gives it.
pub fn render(
    site: &Site<'_>,
    theme: &Theme,
    (cache, ledger): (Option<&std::path::Path>, &crate::published::Ledger),
    memo: Memo,
    files: &mut Files,
    mut sources: Option<&mut Files>,
) -> Result<Typeset, PdfError> {
    let shared = std::sync::Arc::new(world::Shared::new(&theme.fonts));
    let limit = Limits {
        time: std::time::Duration::from_secs(u64::from(*site.config.build.pdf_time_limit.get_ref())),
        memory_mib: u64::from(*site.config.build.pdf_memory_limit.get_ref()),
    };
    let cache = cache::Cache::new(cache, &theme.fonts);
    let mut documents = paper::documents(site);
    documents.extend(dashboard::documents(site)?);
    documents.extend(role::documents(site));
    documents.push(handbook::document(site)?);
    // The longest document first, so that it does not start last and alone on one core.
    let mut order: Vec<usize> = (0..documents.len()).collect();
    let sizes: Vec<usize> = documents.iter().map(Document::size).collect();
    order.sort_by_key(|&index| std::cmp::Reverse(sizes[index]));
    let mut typeset: Vec<(usize, Result<compile::Compiled, PdfError>)> = order
        .into_par_iter()
        .map(|index| (index, typeset(&shared, &cache, ledger, theme, &documents[index], limit)))
        .collect();
    typeset.sort_by_key(|(index, _)| *index);
    typst::comemo::evict(match memo {
        Memo::Free => 0,
        Memo::Keep => 10,
    });
    let mut jobs = Vec::new();
    let mut papers = Vec::new();
    let typeset: Vec<compile::Compiled> = typeset.into_iter().map(|(_, result)| result).collect::<Result<_, _>>()?;
    cache.prune();
    for (document, compiled) in documents.into_iter().zip(typeset) {
        let compile::Compiled { pdf, warnings, reused, .. } = compiled;
        jobs.push(PdfJob {
            path: document.path.clone(),
            template: document.template,
            origin: document.source,
            warnings,
            reused,
        });
        if let Some(sources) = sources.as_deref_mut() {
            let folder = document.path.trim_end_matches(".pdf");
            let (texts, files) =
                typeset_inputs(&shared, theme, &document).map_err(|message| document.failed(message))?;
            for (path, bytes) in texts.into_iter().map(|(path, text)| (path, text.into_bytes())).chain(files) {
                sources.add(format!("{folder}{path}"), bytes).map_err(PdfError::Output)?;
            }
        }
        if let Some(index) = document.paper {
            papers.push(paper::published(site, index, &document, &pdf));
        }
        for companion in document.beside {
            files.add(companion.path, companion.bytes).map_err(PdfError::Output)?;
        }
        files.add(document.path, pdf).map_err(PdfError::Output)?;
    }
    Ok(Typeset { jobs, papers })
}

/// Typesets one document, or takes it from the cache when nothing it reads changed.
fn typeset(
    shared: &std::sync::Arc<world::Shared>,
    cache: &cache::Cache,
    ledger: &crate::published::Ledger,
    theme: &Theme,
    document: &Document,
    limit: Limits,
) -> Result<compile::Compiled, PdfError> {
    let failed = |message: String| document.failed(message);
    let fewest = document.fewest_pages();
    if fewest > document.budget as usize {
        return Err(document.too_long(format!("mindestens {fewest}")));
    }
    let (sources, files) = typeset_inputs(shared, theme, document).map_err(failed)?;
    let read = sources.iter().map(|(path, text)| (path.as_str(), text.as_bytes()));
    let read = read.chain(files.iter().map(|(path, bytes)| (path.as_str(), bytes.as_slice())));
    let content = cache.content(&document.path, document.template, document.date, read);
    let first = crate::published::Stamp::midnight(document.date);
    let stamp = ledger.dates(&document.path, &content, first).modified;
    let key = cache.key(&content, stamp.0);
    let compiled = match cache.get(&key) {
        Some(compiled) => compiled,
        None => {
            let compiled = compile_fresh(shared, theme, document, (sources, files), (limit, stamp))?;
            cache.put(&key, &compiled);
            compiled
        }
    };
    match compiled.pages > document.budget as usize {
        true => Err(document.too_long(compiled.pages.to_string())),
        false => Ok(compiled),
    }
}

/// What Typst reads for a document, exactly as `--typst-sources` writes it out: the
/// inputs with every character of the document's own markup and data that no font has
/// written as its code point (`lotse check` has warned about each); the theme's templates
/// stay as they are.
fn typeset_inputs(shared: &world::Shared, theme: &Theme, document: &Document) -> Result<Inputs, String> {
    let (sources, files) = inputs(theme, document)?;
    let own: std::collections::BTreeSet<&str> = document.sources.iter().map(|(path, _)| path.as_str()).collect();
    let replace = |text: String| glyphs::replace_missing(shared, &text);
    let sources = sources
        .into_iter()
        .map(|(path, text)| {
            let text = if own.contains(path.as_str()) { replace(text) } else { text };
            (path, text)
        })
        .collect();
    let files = files
        .into_iter()
        .map(|(path, bytes)| match (path.ends_with(".json"), String::from_utf8(bytes)) {
            (true, Ok(text)) => {
                let text = replace(text);
                (path, text.into_bytes())
            }
            (_, Ok(text)) => (path, text.into_bytes()),
            (_, Err(error)) => (path, error.into_bytes()),
        })
        .collect();
    Ok((sources, files))
}

/// Typesetting threads that overran their time or memory limit and still run: Typst cannot be
/// stopped from outside, so a long-lived process (`lotse serve`) starts no more
/// typesetting once this many are left behind, rather than piling them up.
const MAX_OVERRUN: usize = 2;
static OVERRUN: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

const RUNNING: u8 = 0;
const FINISHED: u8 = 1;
const ABANDONED: u8 = 2;

/// Typesets a document on a thread of its own and waits at most `limit` for it: a
/// template that loops for hours ends the build with an error naming it. The thread is
/// left to finish on its own and counted in [`OVERRUN`] until it does.
fn compile_fresh(
    shared: &std::sync::Arc<world::Shared>,
    theme: &Theme,
    document: &Document,
    (sources, files): Inputs,
    (limit, stamp): (Limits, crate::published::Stamp),
) -> Result<compile::Compiled, PdfError> {
    use std::sync::atomic::Ordering::SeqCst;
    let failed = |message: String| document.failed(message);
    let today = typst::foundations::Datetime::from_ymd(document.date.year, document.date.month, document.date.day)
        .ok_or_else(|| failed(format!("Das Datum {} ist ungültig.", crate::german::date(document.date))))?;
    let main = format!("/{}", document.template);
    if !theme.typst.contains_key(document.template) {
        return Err(failed(format!("Die Typst-Vorlage `{}` fehlt im Theme.", document.template)));
    }
    if OVERRUN.load(SeqCst) >= MAX_OVERRUN {
        return Err(failed(format!(
            "Es laufen noch {MAX_OVERRUN} Satzläufe, die ihr Zeit- oder Speicherlimit überschritten haben; solange setzt Lotse keine weiteren PDFs. Korrigieren Sie die Vorlage und starten Sie `lotse serve` neu."
        )));
    }
    let world = world::DocumentWorld::new(shared.clone(), &main, sources, files, today)
        .ok_or_else(|| failed("Ein Dateiname ist ungültig.".to_owned()))?;
    let (send, receive) = std::sync::mpsc::channel();
    let ident = document.path.clone();
    let state = std::sync::Arc::new(std::sync::atomic::AtomicU8::new(RUNNING));
    let thread_state = state.clone();
    std::thread::Builder::new()
        .name(format!("pdf {ident}"))
        .spawn(move || {
            let _ = send.send(compile::compile(&world, &ident, stamp));
            if thread_state.swap(FINISHED, SeqCst) == ABANDONED {
                OVERRUN.fetch_sub(1, SeqCst);
            }
        })
        .map_err(|error| failed(format!("Es konnte kein Thread zum Setzen gestartet werden: {error}")))?;
    let timed_out = || {
        failed(format!(
            "Das Setzen mit der Typst-Vorlage `{}` dauerte länger als {} und wurde abgebrochen. Prüfen Sie die Vorlage auf eine Schleife ohne Ende; braucht ein sehr großes Dokument wirklich länger, erhöhen Sie `pdf_time_limit` unter `[build]` in `content/site.toml`.",
            document.template,
            match limit.time.as_secs() {
                1 => "eine Sekunde".to_owned(),
                seconds => format!("{seconds} Sekunden"),
            }
        ))
    };
    // This is a worker of the thread pool, and Typst lays out in parallel on the same
    // pool: waiting here must run the pool's jobs, or two waiting workers would starve
    // the very compilations they wait for.
    let too_large = || {
        failed(format!(
            "Beim Setzen mit der Typst-Vorlage `{}` brauchte Lotse mehr als {} MiB Arbeitsspeicher; das Setzen wurde abgebrochen. Meist ist eine sehr große Tabelle oder Seite die Ursache: teilen Sie sie auf oder nehmen Sie sie aus dem PDF heraus. Hat der Rechner genug Speicher, erhöhen Sie `pdf_memory_limit` unter `[build]` in `content/site.toml`.",
            document.template, limit.memory_mib
        ))
    };
    let deadline = std::time::Instant::now() + limit.time;
    let mut next_look = std::time::Instant::now();
    loop {
        match receive.try_recv() {
            Ok(compiled) => return compiled.map_err(failed),
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                return Err(failed("Typst hat das Dokument ohne Ergebnis abgebrochen.".to_owned()));
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => {}
        }
        let now = std::time::Instant::now();
        let over = if now > deadline {
            Some(timed_out())
        } else if now >= next_look {
            next_look = now + MEMORY_LOOK_EVERY;
            resident_mib().filter(|mib| *mib > limit.memory_mib).map(|_| too_large())
        } else {
            None
        };
        if let Some(error) = over {
            // Counted before it is marked, so that the thread never subtracts first.
            OVERRUN.fetch_add(1, SeqCst);
            if state.compare_exchange(RUNNING, ABANDONED, SeqCst, SeqCst).is_ok() {
                return Err(error);
            }
            OVERRUN.fetch_sub(1, SeqCst);
        }
        if rayon::yield_now() != Some(rayon::Yield::Executed) {
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
    }
}

/// What one PDF may take: wall time, and the resident memory of the whole process while
/// it typesets (Typst's own use cannot be told apart from the other PDFs' beside it).
#[derive(Clone, Copy)]
struct Limits {
    time: std::time::Duration,
    memory_mib: u64,
}

/// How often a waiting worker looks at the process's memory.
const MEMORY_LOOK_EVERY: std::time::Duration = std::time::Duration::from_millis(20);

/// The process's resident memory in MiB, where the system tells (Linux); elsewhere no
/// memory limit is kept.
fn resident_mib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmRSS:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024)
}

/// Typst sources and data files by absolute path.
type Inputs = (Vec<(String, String)>, Vec<(String, Vec<u8>)>);

/// Everything a document's World serves: the theme's templates and the document's
/// markup as sources, its data, figures and attachments as files.
fn inputs(theme: &Theme, document: &Document) -> Result<Inputs, String> {
    let templates = theme.typst.iter().map(|(name, text)| (format!("/{name}"), text.clone()));
    let sources = templates.chain(document.sources.iter().cloned()).collect();
    Ok((sources, data_files(document)?))
}

/// `/data.json` with the list of attachments, the attachments
/// themselves and the document's other files (chart SVGs).
fn data_files(document: &Document) -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut data = document.data.clone();
    let listed: Vec<serde_json::Value> = document
        .attachments
        .iter()
        .map(|a| serde_json::json!({ "name": a.name, "path": format!("/attachments/{}", a.name), "mime": a.mime_type, "description": a.description }))
        .collect();
    if let Some(object) = data.as_object_mut() {
        object.insert("attach".to_owned(), serde_json::Value::Array(listed));
    }
    let data = serde_json::to_vec(&data).map_err(|e| e.to_string())?;
    let attached = document.attachments.iter().map(|a| (format!("/attachments/{}", a.name), a.bytes.clone()));
    Ok(std::iter::once(("/data.json".to_owned(), data)).chain(document.files.iter().cloned()).chain(attached).collect())
}

/// Markup for `#include`: the figures it may call come from the shared theme library.
fn markup_file(markup: String) -> String {
    format!("#import \"/lotse.typ\": lotse-chart, lotse-table\n{markup}")
}
