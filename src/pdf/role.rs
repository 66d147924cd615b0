//! The role card (Rollensteckbrief) of each role as a PDF, with the facts of its page.

use serde_json::json;

use super::links::SiteLinks;
use super::{Document, markup_file};
use crate::model::{Date, EntityKind, Model};

pub(super) fn documents(model: &Model) -> Vec<Document> {
    let links = SiteLinks::new(model);
    (0..model.roles.len()).filter_map(|index| document(model, &links, index)).collect()
}

/// The date a handbook document carries: the site's `updated`, else the first day of
/// 2000 so that the PDF stays reproducible without inventing a date of the content.
pub(super) fn handbook_date(model: &Model) -> Date {
    model
        .config
        .as_ref()
        .and_then(|c| c.updated.as_ref())
        .map_or(Date { year: 2000, month: 1, day: 1 }, |d| *d.get_ref())
}

fn document(model: &Model, links: &SiteLinks<'_>, index: usize) -> Option<Document> {
    let role = &model.roles[index];
    let date = handbook_date(model);
    let prose = role.prose.as_ref().map(|p| crate::markdown::typst::render(&p.text, links, 1)).unwrap_or_default();
    let path = crate::html::urls::pdf(EntityKind::Role, &role.id)?;
    let content = json!({ "role": crate::html::role_data(model, index)? });
    let mut document = Document::new(
        model,
        path,
        format!("content/roles/{}.toml", role.id),
        "rolle.typ",
        format!("Rollensteckbrief: {}", role.name),
        date,
        content,
    );
    document.sources = vec![("/body.typ".to_owned(), markup_file(prose))];
    Some(document)
}
