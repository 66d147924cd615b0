//! The role card (Rollensteckbrief) of each role as a PDF, with the facts of its page.

use serde_json::json;

use super::{Document, markup_file, paper::SiteLinks};
use crate::model::{Date, EntityKind, Model};

pub(super) fn documents(model: &Model) -> Vec<Document> {
    let links = SiteLinks::new(model);
    (0..model.roles.len()).filter_map(|index| document(model, &links, index)).collect()
}

/// The date a handbook document carries: the site's `updated`, else the first day of
/// 2000 so that the PDF stays reproducible without inventing a date of the content.
pub(super) fn handbook_date(model: &Model) -> Date {
    model.config.as_ref().and_then(|c| c.updated.as_ref()).map_or(Date { year: 2000, month: 1, day: 1 }, |d| *d.get_ref())
}

fn document(model: &Model, links: &SiteLinks<'_>, index: usize) -> Option<Document> {
    let role = &model.roles[index];
    let date = handbook_date(model);
    let prose = role.prose.as_ref().map(|p| crate::markdown::typst::render(&p.text, links, 1)).unwrap_or_default();
    let data = json!({
        "title": format!("Rollensteckbrief: {}", role.name),
        "organisation": model.config.as_ref().map(|c| c.organisation.clone()).unwrap_or_default(),
        "date": { "year": date.year, "month": date.month, "day": date.day, "text": crate::german::date(date) },
        "role": crate::html::role_data(model, index)?,
    });
    Some(Document {
        path: crate::html::urls::pdf(EntityKind::Role, &role.id)?,
        origin: format!("content/roles/{}.toml", role.id),
        template: "rolle.typ",
        date,
        data,
        sources: vec![("/body.typ".to_owned(), markup_file(prose))],
        files: Vec::new(),
        attachments: Vec::new(),
        beside: Vec::new(),
        paper: None,
    })
}
