//! The handbook site: tera templates from a theme, view models from the model, one job per
//! page, rendered in parallel, plus static assets, the search index and a sitemap.

mod context;
mod dashboard;
mod dispatch;
mod figures;
mod groups;
mod items;
mod members;
mod page;
mod paper;
mod plan;
mod project;
mod prose;
mod sources;

use rayon::prelude::*;
use serde::Serialize;

use crate::output::{Files, OutputError};
use crate::search::SearchDocument;
use crate::site::Site;
use crate::theme::Theme;

pub use plan::{Item, Job, plan};

/// Why the site could not be rendered; names the page and its content file.
#[derive(Debug)]
pub enum RenderError {
    Page { origin: String, template: String, message: String },
    Output(OutputError),
}

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RenderError::Page { origin, template, message } => {
                write!(f, "Die Seite für {origin} kann mit der Vorlage `{template}` nicht erzeugt werden:\n{message}")
            }
            RenderError::Output(error) => write!(f, "{error}"),
        }
    }
}

/// The site's settings as templates see them.
#[derive(Debug, Serialize)]
struct SiteView {
    title: String,
    organisation: String,
    description: String,
    language: String,
    feedback: Option<String>,
    logo: Option<String>,
    example_data: bool,
}

/// Renders every page of the handbook into `files`, with the theme's assets, the search
/// index and the sitemap.
pub fn render_site(
    site: &Site<'_>,
    theme: &Theme,
    files: &mut Files,
    timings: &mut crate::timings::Timings,
) -> Result<Vec<Job>, RenderError> {
    let config = site.config;
    let view = SiteView {
        title: config.title.clone(),
        organisation: config.organisation.clone(),
        description: config.description.clone(),
        language: config.language.clone(),
        feedback: config.feedback.as_ref().map(|f| f.get_ref().clone()),
        logo: config.logo.as_ref().map(|logo| logo.get_ref().clone()),
        example_data: config.example_data,
    };
    let mut tera = theme.tera.clone();
    let global = tera.global_context();
    global.insert("site", &view);
    global.insert("labels", site.labels);
    let jobs = plan(site);
    let navigation = page::Navigation::new(site, &jobs);
    timings.stage("plan");
    let inputs = context::PageInputs { site: *site, jobs: &jobs, navigation: &navigation };
    let documents = render_pages(&tera, &inputs, &jobs, files)?;
    for (path, bytes) in &theme.assets {
        files.add(format!("assets/{path}"), bytes.clone()).map_err(RenderError::Output)?;
    }
    timings.stage("html");
    crate::search::write(documents, |file| files.add(file.path, file.contents)).map_err(RenderError::Output)?;
    files.add("sitemap.xml", sitemap(config.base_url.get_ref(), &jobs)).map_err(RenderError::Output)?;
    timings.stage("search");
    Ok(jobs)
}

/// Pages rendered between two hand-overs to the output.
const PAGES_AT_ONCE: usize = 256;

/// Renders the pages on all cores a chunk at a time while one thread hands the chunk
/// before to the output: at most two chunks of pages are held in memory, however large
/// the site, and writing overlaps rendering. Returns the search documents.
fn render_pages(
    tera: &tera::Tera,
    inputs: &context::PageInputs<'_>,
    jobs: &[Job],
    files: &mut Files,
) -> Result<Vec<SearchDocument>, RenderError> {
    std::thread::scope(|scope| {
        let (chunks, received) = std::sync::mpsc::sync_channel::<Vec<(String, String)>>(1);
        let writer = scope.spawn(move || -> Result<(), RenderError> {
            for chunk in received {
                for (path, html) in chunk {
                    files.add(path, html).map_err(RenderError::Output)?;
                }
            }
            Ok(())
        });
        let mut documents = Vec::new();
        for (number, part) in jobs.chunks(PAGES_AT_ONCE).enumerate() {
            let first = number * PAGES_AT_ONCE;
            let rendered: Vec<RenderedPage> = (part.par_iter().enumerate())
                .map(|(offset, job)| render_job(tera, inputs, first + offset, job))
                .collect::<Result<_, _>>()?;
            let mut pages = Vec::with_capacity(rendered.len());
            for (path, html, document) in rendered {
                pages.push((path, html));
                documents.extend(document);
            }
            if chunks.send(pages).is_err() {
                break;
            }
        }
        drop(chunks);
        writer.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
        Ok(documents)
    })
}

/// A page's path, its HTML and, if it is worth finding, its search document.
type RenderedPage = (String, String, Option<SearchDocument>);

fn render_job(
    tera: &tera::Tera,
    inputs: &context::PageInputs<'_>,
    index: usize,
    job: &Job,
) -> Result<RenderedPage, RenderError> {
    let figures = figures::TeraFigures::new(tera);
    let page = context::build(inputs, &figures, index);
    let failed = |template: &str, message: String| RenderError::Page {
        origin: job.origin.clone(),
        template: template.to_owned(),
        message,
    };
    let html = tera.render(job.template, &page.context).map_err(|error| failed(job.template, error.to_string()))?;
    if let Some((template, message)) = figures.error() {
        return Err(failed(&template, message));
    }
    let search = page.search.map(|document| {
        let read = crate::search::page_text(&html);
        SearchDocument { headings: read.headings, text: read.text, ..document }
    });
    Ok((job.path.clone(), html, search))
}

fn sitemap(base: &str, jobs: &[Job]) -> String {
    let base = if base.ends_with('/') { base.to_owned() } else { format!("{base}/") };
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for job in jobs.iter().filter(|job| job.item != Item::NotFound) {
        let path = job.path.strip_suffix("index.html").unwrap_or(&job.path);
        xml.push_str(&format!("  <url><loc>{}</loc></url>\n", escape_xml(&format!("{base}{path}"))));
    }
    xml.push_str("</urlset>\n");
    xml
}

fn escape_xml(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}
