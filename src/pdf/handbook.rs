//! The whole handbook as one PDF: the steering model with its diagram, every role card,
//! the bodies, the premises, the staffing plan, the glossary and the background pages.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use super::links::SiteLinks;
use super::{Document, PdfError, WORDS_PER_PAGE, markup_file};
use crate::model::{EntityKind, Model};
use crate::site::Site;
use crate::view::Linker;

/// A role card in the handbook: the card's facts and the Typst file of its own text.
#[derive(serde::Serialize)]
struct RoleChapter {
    #[serde(flatten)]
    role: crate::view::governance::RoleView,
    body: String,
}

pub(super) fn document(site: &Site<'_>) -> Result<Document, PdfError> {
    let model = site.model;
    let chosen = site.handbook_pages();
    check_estimate(site, &chosen)?;
    let links = SiteLinks::new(site);
    let path = crate::paths::HANDBOOK_PDF.to_owned();
    let root = crate::paths::root_of(&path);
    let linker = Linker::new(*site, &root);
    let render = |markdown: &str| markup_file(crate::markdown::typst::render(markdown, &links, 1));
    let mut sources = Vec::new();
    let roles: Vec<Value> = model
        .roles
        .iter()
        .enumerate()
        .map(|(index, role)| {
            let prose = role.prose.as_ref().map_or(String::new(), |p| p.text.clone());
            sources.push((format!("/roles/{index}.typ"), render(&prose)));
            json!(RoleChapter {
                role: crate::view::governance::role(&linker, role),
                body: format!("/roles/{index}.typ")
            })
        })
        .collect();
    let bodies: Vec<Value> =
        model.bodies.iter().map(|body| json!(crate::view::governance::body(&linker, body))).collect();
    let mut premises: Vec<&crate::model::Premise> = model.premises.iter().collect();
    premises.sort_by_key(|p| p.order);
    let premises: Vec<Value> = premises
        .iter()
        .enumerate()
        .map(|(index, premise)| {
            sources.push((format!("/premises/{index}.typ"), render(&premise.body.text)));
            json!({ "title": premise.title, "order": premise.order, "body": format!("/premises/{index}.typ") })
        })
        .collect();
    let pages: Vec<Value> = chosen
        .iter()
        .enumerate()
        .map(|(index, page)| {
            sources.push((format!("/pages/{index}.typ"), render(&page.body.text)));
            json!({ "title": page.title, "body": format!("/pages/{index}.typ") })
        })
        .collect();
    let (charts, tables, files) = all_figures(model, site.labels, &links);
    let glossary: Vec<Value> =
        model.terms.iter().map(|t| json!({ "term": t.term.get_ref(), "definition": t.definition })).collect();
    let content = json!({
        "description": site.config.description,
        "roles": roles,
        "bodies": bodies,
        "premises": premises,
        "pages": pages,
        "glossary": glossary,
        "charts": charts,
        "tables": tables,
    });
    let title = site.config.title.clone();
    let mut document =
        Document::new(site, path, "content/".to_owned(), "handbuch.typ", title, site.updated_or_epoch(), content);
    document.sources = sources;
    document.files = files;
    document.budget = *site.config.handbook.max_pages.get_ref();
    document.trim =
        "Nehmen Sie Abschnitte oder Seiten aus `[handbook]` in `site.toml` heraus, oder erhöhen Sie dort `max_pages`.";
    Ok(document)
}

/// Refuses, before typesetting, a selection of free pages that alone would exceed the
/// page budget, naming the largest contributors; a far too long selection would otherwise
/// cost minutes and gigabytes before it failed.
fn check_estimate(site: &Site<'_>, chosen: &[&crate::model::Page]) -> Result<(), PdfError> {
    let budget = *site.config.handbook.max_pages.get_ref() as usize;
    let pages_of = |page: &crate::model::Page| page.body.text.split_whitespace().count() / WORDS_PER_PAGE;
    let estimate: usize = chosen.iter().map(|page| pages_of(page)).sum();
    if estimate <= budget {
        return Ok(());
    }
    let mut parts: BTreeMap<String, usize> = BTreeMap::new();
    for page in chosen {
        let part = match page.id.rsplit_once('/') {
            Some((section, _)) => format!("Abschnitt `{section}`"),
            None => format!("Seite `{}`", page.id),
        };
        *parts.entry(part).or_default() += pages_of(page).max(1);
    }
    let mut parts: Vec<(String, usize)> = parts.into_iter().collect();
    parts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let largest: Vec<String> =
        parts.iter().take(5).map(|(part, pages)| format!("{part} (mindestens {pages} Seiten)")).collect();
    Err(PdfError::Typeset {
        document: crate::paths::HANDBOOK_PDF.to_owned(),
        origin: "`[handbook]` in `site.toml`".to_owned(),
        source: Some(site.config.origin.file),
        message: format!(
            "Die gewählten Seiten ({} Stück) ergäben mindestens {estimate} PDF-Seiten; erlaubt sind {budget} (`max_pages`). Am meisten tragen bei: {}.\nNehmen Sie Abschnitte aus `sections` oder Seiten aus `pages` heraus, oder erhöhen Sie `max_pages`.",
            chosen.len(),
            largest.join(", ")
        ),
    })
}

type Figures = (BTreeMap<String, Value>, BTreeMap<String, Value>, Vec<(String, Vec<u8>)>);

/// Every named figure the model can draw: the handbook's own chapters use some, and
/// any page body may place any of them.
fn all_figures(model: &Model, labels: &crate::labels::Labels, links: &SiteLinks<'_>) -> Figures {
    let href = |kind: EntityKind, id: &str| links.entity(kind, id);
    let mut charts = BTreeMap::new();
    let mut files = Vec::new();
    for (name, _) in crate::figures::CHARTS {
        if let Some(chart) = crate::figures::chart(model, labels, name, &href) {
            files.push((format!("/charts/{name}.svg"), chart.svg.into_bytes()));
            charts.insert((*name).to_owned(), json!({ "title": chart.title, "description": chart.description, "columns": chart.table.columns, "rows": chart.table.rows }));
        }
    }
    let tables = crate::figures::TABLES
        .iter()
        .filter_map(|(name, _)| {
            Some(((*name).to_owned(), serde_json::to_value(crate::figures::table(model, labels, name)?).ok()?))
        })
        .collect();
    (charts, tables, files)
}
