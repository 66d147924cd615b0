//! The jobs of a build: every page, every PDF, the assets, the search index and the
//! sitemap, each with what it reads, so that a change can be traced to the jobs it touches.

use serde::Serialize;

use crate::html::{Item, Job as PageJob};
use crate::model::Model;
use crate::source::{FileId, SourceMap};

/// What a job makes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum JobKind {
    /// An HTML page from a tera template.
    Page { template: String },
    /// A PDF from a Typst template.
    Pdf { template: String },
    /// The theme's and the site's static files.
    Assets,
    /// The offline search index.
    SearchIndex,
    /// `sitemap.xml`.
    Sitemap,
}

/// What a job reads besides the theme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Reads {
    /// These content files, and the names and ids of whatever they link to.
    Files(Vec<String>),
    /// Anything in `content/`: lists, overviews and documents that gather the whole model.
    Content,
    /// Nothing of the content: the theme's and the site's static files.
    Theme,
}

/// One output of a build.
#[derive(Debug, Clone, Serialize)]
pub struct Job {
    pub kind: JobKind,
    /// Site-relative path of what it writes.
    pub output: String,
    pub reads: Reads,
}

/// Every job of a site: its pages in navigation order, its PDFs, then the site-wide files.
pub fn plan(pages: &[PageJob], pdfs: &[crate::pdf::PdfJob], model: &Model, sources: &SourceMap) -> Vec<Job> {
    let file = |id: FileId| sources.get(id).path.to_string_lossy().replace('\\', "/");
    let mut jobs: Vec<Job> = pages
        .iter()
        .map(|page| Job {
            kind: JobKind::Page { template: page.template.to_owned() },
            output: page.path.clone(),
            reads: page_reads(page.item, model).map_or(Reads::Content, |id| Reads::Files(vec![file(id)])),
        })
        .collect();
    jobs.extend(pdfs.iter().map(|pdf| Job {
        kind: JobKind::Pdf { template: pdf.template.to_owned() },
        output: pdf.path.clone(),
        reads: pdf.origin.map_or(Reads::Content, |id| Reads::Files(vec![file(id)])),
    }));
    jobs.push(Job { kind: JobKind::Assets, output: "assets/".to_owned(), reads: Reads::Theme });
    jobs.push(Job { kind: JobKind::SearchIndex, output: "suche/".to_owned(), reads: Reads::Content });
    jobs.push(Job { kind: JobKind::Sitemap, output: "sitemap.xml".to_owned(), reads: Reads::Content });
    jobs
}

/// The content file a page is about; `None` for pages that gather the whole model.
fn page_reads(item: Item, model: &Model) -> Option<FileId> {
    let origin = match item {
        Item::Role(i) => model.roles[i].origin,
        Item::Body(i) => model.bodies[i].origin,
        Item::Premise(i) => model.premises[i].origin,
        Item::Paper(i) => model.papers[i].origin,
        Item::Project(i) => model.projects[i].origin,
        Item::Page(i) => model.pages[i].origin,
        Item::Unit(i) => model.units[i].origin,
        _ => return None,
    };
    Some(origin.file)
}
