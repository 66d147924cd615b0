//! The handbook site: tera templates from a theme, view models from the model, one job per
//! page, rendered in parallel, plus static assets, the search index and a sitemap.

mod charts;
mod context;
mod dashboard;
mod groups;
mod items;
mod links;
mod paper;
mod plan;
mod project;
pub mod urls;
mod views;

use rayon::prelude::*;
use serde::Serialize;

use crate::model::Model;
use crate::output::{Files, OutputError};
use crate::search::SearchDocument;

pub use crate::theme::Theme;
pub use dashboard::dashboard_data;
pub use plan::{Item, Job, plan};
pub use views::{body_data, role_data};

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

/// Renders every page of the handbook into `files`; the theme's assets move there too.
pub fn render_site(model: &Model, theme: &mut Theme, files: &mut Files) -> Result<(), RenderError> {
    let config = model.config.as_ref();
    let language = config.map_or("de", |c| c.language.as_str());
    let site = SiteView {
        title: config.map(|c| c.title.clone()).unwrap_or_default(),
        organisation: config.map(|c| c.organisation.clone()).unwrap_or_default(),
        description: config.map(|c| c.description.clone()).unwrap_or_default(),
        language: language.to_owned(),
        feedback: config.and_then(|c| c.feedback.as_ref().map(|f| f.get_ref().clone())),
        logo: config.and_then(|c| c.logo.clone()),
        example_data: config.is_some_and(|c| c.example_data),
    };
    let global = theme.tera.global_context();
    global.insert("site", &site);
    global.insert("labels", &theme.labels);
    let jobs = plan(model);
    let navigation = context::Navigation::new(model, &jobs);
    let rendered: Vec<Result<RenderedPage, RenderError>> = jobs
        .par_iter()
        .enumerate()
        .map(|(index, job)| render_job(theme, model, &jobs, &navigation, index, job))
        .collect();
    let mut documents = Vec::new();
    for result in rendered {
        let (path, html, document) = result?;
        files.add(path, html).map_err(RenderError::Output)?;
        documents.extend(document);
    }
    for (path, bytes) in std::mem::take(&mut theme.assets) {
        files.add(format!("assets/{path}"), bytes).map_err(RenderError::Output)?;
    }
    for file in crate::search::build(&documents) {
        files.add(file.path, file.contents).map_err(RenderError::Output)?;
    }
    let base = config.map_or("/", |c| c.base_url.as_str());
    files.add("sitemap.xml", sitemap(base, &jobs)).map_err(RenderError::Output)?;
    Ok(())
}

/// A page's path, its HTML and, if it is worth finding, its search document.
type RenderedPage = (String, String, Option<SearchDocument>);

fn render_job(
    theme: &Theme,
    model: &Model,
    jobs: &[Job],
    navigation: &context::Navigation<'_>,
    index: usize,
    job: &Job,
) -> Result<RenderedPage, RenderError> {
    let page = context::build(theme, model, jobs, navigation, index);
    let html = theme.tera.render(job.template, &page.context).map_err(|error| RenderError::Page {
        origin: job.origin.clone(),
        template: job.template.to_owned(),
        message: error.to_string(),
    })?;
    Ok((job.path.clone(), html, page.search))
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
