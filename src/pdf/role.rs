//! The role card (Rollensteckbrief) of each role as a PDF, with the facts of its page.

use serde_json::json;

use super::links::SiteLinks;
use super::{Document, markup_file};
use crate::model::EntityKind;
use crate::site::Site;

pub(super) fn documents(site: &Site<'_>) -> Vec<Document> {
    let links = SiteLinks::new(site);
    (0..site.model.roles.len()).map(|index| document(site, &links, index)).collect()
}

fn document(site: &Site<'_>, links: &SiteLinks<'_>, index: usize) -> Document {
    let role = &site.model.roles[index];
    let prose = role.prose.as_ref().map(|p| crate::markdown::typst::render(&p.text, links, 1)).unwrap_or_default();
    let path = crate::paths::pdf(EntityKind::Role, &role.id).unwrap_or_default();
    let root = crate::paths::root_of(&path);
    let linker = crate::view::Linker::new(*site, &root);
    let content = json!({ "role": crate::view::governance::role(&linker, role) });
    let title = site.labels.fill("role_card_title", &[("name", &role.name)]);
    let mut document = Document::new(
        site,
        path,
        format!("content/roles/{}.toml", role.id),
        "rolle.typ",
        title,
        site.updated_or_epoch(),
        content,
    );
    document.source = Some(role.origin.file);
    document.sources = vec![("/body.typ".to_owned(), markup_file(prose))];
    document
}
