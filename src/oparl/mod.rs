//! OParl 1.1, the council information systems' interface, as static files: a client that
//! starts at `oparl/system.json` reaches the Body (the organisation), its Organizations
//! (the bodies of the model, the committees of every Beratungsfolge, the units that lead a
//! paper), every Paper with its Consultations and Files, through list files of at most
//! [`PER_PAGE`] objects. Every object's `id` is the absolute URL of a file that holds it,
//! so OParl needs the site's absolute `base_url`; without one nothing is written.
//! `created` and `modified` follow the publication record ([`crate::published`]).

mod objects;

use serde_json::{Value, json};

use crate::model::EntityKind;
use crate::output::{Files, OutputError};
use crate::published::{Ledger, Stamp};
use crate::site::Site;

pub use objects::FileFacts;

const SCHEMA: &str = "https://schema.oparl.org/1.1/";

/// Objects per list file: a client pages through the rest with `links.next`.
const PER_PAGE: usize = 100;

/// The files a paper published: its PDF (`None` without PDFs) and the data beside it.
pub struct PaperFiles {
    pub paper: usize,
    pub main: Option<FileFacts>,
    pub auxiliary: Vec<FileFacts>,
}

/// The site's absolute address without a trailing `/`, if `base_url` is one: only then
/// can OParl be published.
pub fn base(site: &Site<'_>) -> Option<String> {
    crate::paths::absolute_base(site.config.base_url.get_ref())
}

/// Writes the OParl files of the site into `files`, if it has an absolute `base_url` and
/// papers; `published` lists the files of each paper.
pub fn render(
    site: &Site<'_>,
    ledger: &Ledger,
    published: &[PaperFiles],
    files: &mut Files,
) -> Result<(), OutputError> {
    let Some(base) = base(site) else { return Ok(()) };
    let Some(first) = site.model.papers.iter().map(|p| Stamp::midnight(*p.date.get_ref())).min() else {
        return Ok(());
    };
    let context = objects::Context::new(site, base, Some(ledger), first);
    let mut papers = Vec::new();
    let mut consultations = Vec::new();
    let mut paper_files = Vec::new();
    for facts in published {
        let paper = context.paper(facts.paper, facts.main.as_ref(), &facts.auxiliary);
        let path = crate::paths::oparl(&site.model.papers[facts.paper].id).unwrap_or_default();
        consultations.extend(embedded(&paper, "consultation"));
        paper_files.extend(embedded(&paper, "mainFile"));
        paper_files.extend(embedded(&paper, "auxiliaryFile"));
        files.add(path, pretty(&paper))?;
        papers.push(paper);
    }
    for object in consultations.iter().chain(&paper_files) {
        files.add(context.path_of(object), pretty(object))?;
    }
    let organizations = context.organizations();
    for organization in &organizations {
        files.add(context.path_of(organization), pretty(organization))?;
    }
    let body = context.body();
    files.add(context.path_of(&body), pretty(&body))?;
    let system = context.system();
    files.add(context.path_of(&system), pretty(&system))?;
    let lists = [
        ("bodies", vec![body]),
        ("organizations", organizations),
        ("persons", Vec::new()),
        ("meetings", Vec::new()),
        ("papers", papers),
        ("consultations", consultations),
        ("files", paper_files),
    ];
    for (name, objects) in lists {
        for (path, page) in context.list(name, objects) {
            files.add(path, pretty(&page))?;
        }
    }
    Ok(())
}

/// The copy of paper `index` attached inside its PDF: without dates, and without the
/// PDF's size and checksum (a file cannot contain its own checksum). `None` when OParl
/// is not published.
pub fn attached(site: &Site<'_>, index: usize, main: &FileFacts, auxiliary: &[FileFacts]) -> Option<Vec<u8>> {
    let base = base(site)?;
    let first = Stamp::midnight(*site.model.papers.get(index)?.date.get_ref());
    let context = objects::Context::new(site, base, None, first);
    Some(pretty(&context.paper(index, Some(main), auxiliary)))
}

/// The objects a paper embeds under `key` (one object or a list of them).
fn embedded(paper: &Value, key: &str) -> Vec<Value> {
    match paper.get(key) {
        Some(Value::Array(items)) => items.clone(),
        Some(object @ Value::Object(_)) => vec![object.clone()],
        _ => Vec::new(),
    }
}

fn pretty(value: &Value) -> Vec<u8> {
    let mut json = serde_json::to_vec_pretty(value).unwrap_or_default();
    json.push(b'\n');
    json
}

/// The page of the site that shows `kind`/`id`, as an absolute URL, when the site is built.
fn web(site: &Site<'_>, base: &str, kind: EntityKind, id: &str) -> Option<String> {
    site.config.build.site.then(|| crate::paths::entity(kind, id).map(|path| format!("{base}/{path}"))).flatten()
}

/// The envelope of one list page: its objects, where it stands among the pages and the
/// links to the others.
fn list_page(objects: Vec<Value>, total: usize, page: usize, pages: usize, url: &dyn Fn(usize) -> String) -> Value {
    let mut links = json!({ "first": url(1), "self": url(page), "last": url(pages) });
    if page > 1 {
        links["prev"] = json!(url(page - 1));
    }
    if page < pages {
        links["next"] = json!(url(page + 1));
    }
    json!({
        "data": objects,
        "pagination": { "totalElements": total, "elementsPerPage": PER_PAGE, "currentPage": page, "totalPages": pages },
        "links": links,
    })
}
