//! The page contract: what a page builder returns ([`ItemContext`]) and what it may read
//! besides its own item ([`Navigation`], worked out once for the whole site). Every page
//! builder imports this module and none imports another builder.

use serde::Serialize;

use super::plan::{Item, Job, section_intro};
use super::prose::{self as views, Prose};
use crate::model::Model;
use crate::site::Site;
use crate::view::Linker;

/// What links pages to each other, worked out once for the whole site so that no page
/// walks all the others (that would be quadratic in the number of pages).
pub struct Navigation<'m> {
    /// Every project's statuses, for project pages.
    pub statuses: crate::portfolio::StatusIndex<'m>,
    /// Every project's dependents, for project pages.
    pub dependents: crate::portfolio::DependentIndex<'m>,
    /// The pre-rendered views of the portfolio.
    pub groups: Vec<super::groups::Group>,
    /// What belongs to each unit, by unit index.
    pub unit_members: Vec<super::members::UnitMembers>,
    /// Jobs of the free pages listed in the sidebar: top-level pages only.
    pub background: Vec<usize>,
    /// Previous and next entity page within the same section, by job index.
    pub neighbours: Vec<(Option<usize>, Option<usize>)>,
}

impl<'m> Navigation<'m> {
    pub fn new(site: &Site<'m>, jobs: &[Job]) -> Navigation<'m> {
        let model = site.model;
        let background = (0..jobs.len())
            .filter(|&i| match jobs[i].item {
                Item::Page(page) => model.pages[page].nav && !model.pages[page].id.contains('/'),
                Item::Sources => true,
                _ => false,
            })
            .collect();
        let mut neighbours = vec![(None, None); jobs.len()];
        let mut last_in_group: std::collections::BTreeMap<(&str, String), usize> = std::collections::BTreeMap::new();
        for (index, job) in jobs.iter().enumerate() {
            if !matches!(job.item, Item::Role(_) | Item::Body(_) | Item::Premise(_) | Item::Paper(_) | Item::Page(_)) {
                continue;
            }
            // Free pages are grouped by their folder; entity pages by their section.
            let folder = job.path.rsplitn(3, '/').nth(2).unwrap_or_default().to_owned();
            if let Some(previous) = last_in_group.insert((job.section, folder), index) {
                neighbours[index].0 = Some(previous);
                neighbours[previous].1 = Some(index);
            }
        }
        let statuses = crate::portfolio::StatusIndex::new(model, site.period_id());
        Navigation {
            statuses,
            dependents: crate::portfolio::DependentIndex::new(model),
            groups: super::groups::groups(site),
            unit_members: super::members::by_unit(model),
            background,
            neighbours,
        }
    }
}

/// What an item contributes to its page.
pub struct ItemContext {
    pub values: Vec<(String, tera::Value)>,
    pub toc: Vec<crate::markdown::Heading>,
    /// The page shows example data.
    pub example: bool,
}

impl ItemContext {
    pub fn empty() -> ItemContext {
        ItemContext { values: Vec::new(), toc: Vec::new(), example: false }
    }

    pub fn with(mut self, key: &str, value: &impl Serialize) -> ItemContext {
        self.values.push((key.to_owned(), tera::Value::from_serializable(value)));
        self
    }

    pub fn prose(mut self, prose: &Prose) -> ItemContext {
        self.toc = prose.toc.clone();
        self.with("prose", prose)
    }
}

/// The intro text of a section page, if `pages/<slug>.md` exists.
pub fn intro(linker: &Linker<'_>, model: &Model, slug: &str) -> Option<Prose> {
    let page = &model.pages[section_intro(model, slug)?];
    Some(views::prose(linker, &page.body.text, views::RESERVED))
}
