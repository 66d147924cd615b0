//! Which builder makes which page: one match over the page plan's items.

use super::page::{ItemContext, Navigation};
use super::plan::{Item, Job};
use super::{dashboard, items, paper, project};
use crate::model::Model;
use crate::view::Linker;

/// What the item of `job` contributes to its page.
pub fn build(linker: &Linker<'_>, model: &Model, job: &Job, navigation: &Navigation<'_>) -> ItemContext {
    match job.item {
        Item::Start => items::start(linker, model),
        Item::Model => items::steering_model(linker, model),
        Item::Roles => items::roles(linker, model),
        Item::Role(index) => items::role(linker, &model.roles[index]),
        Item::Bodies => items::bodies(linker, model),
        Item::Body(index) => items::body(linker, &model.bodies[index]),
        Item::Premises => items::premises(linker, model),
        Item::Premise(index) => items::premise(linker, model, index),
        Item::Raci => items::raci(linker, model),
        Item::Challenges => items::challenges(linker, model),
        Item::Staffing => items::staffing(linker),
        Item::Papers => items::papers(linker),
        Item::Paper(index) => paper::paper(linker, model, &model.papers[index]),
        Item::Glossary => items::glossary(model),
        Item::Sources => super::sources::sources(linker, model),
        Item::Decisions => items::decisions(linker, model),
        Item::Unit(index) => items::unit(linker, model, &navigation.unit_members[index], index),
        Item::Project(index) => project::project_page(linker, model, navigation, index),
        Item::Portfolio => dashboard::overview(linker, model, &navigation.groups),
        Item::ProjectGroup(index) => dashboard::project_group(linker, model, &navigation.groups, index),
        Item::ProjectPage(n) => dashboard::project_page_list(linker, model, n),
        Item::Dashboards => dashboard::dashboards(linker),
        Item::Dashboard(index) => dashboard::dashboard(linker, &model.periods[index].id),
        Item::Demands => dashboard::demands(linker, model),
        Item::Ranking => dashboard::ranking(linker, model),
        Item::Page(index) => items::free_page(linker, model, index),
        Item::Search | Item::NotFound => ItemContext::empty(),
    }
}
