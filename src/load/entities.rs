//! Which file holds which entity: the layout of `content/`.

use std::path::Path;

use super::Loader;
use super::walk::Naming;
use crate::config::Config;
use crate::diag::Diagnostic;
use crate::model::*;

/// Extensions of files that pages may carry beside their Markdown (images, downloads).
const PAGE_ASSETS: &[&str] = &["md", "png", "jpg", "jpeg", "gif", "svg", "webp", "pdf"];

pub(super) fn load_all(loader: &mut Loader<'_>) {
    loader.unknown_top_level();
    for (folder, allowed) in [
        ("roles", &["toml", "md"][..]),
        ("bodies", &["toml", "md"]),
        ("premises", &["md"]),
        ("pages", PAGE_ASSETS),
        ("projects", &["toml"]),
        ("demands", &["toml"]),
        ("periods", &["toml"]),
        ("papers", &["md"]),
        ("decisions", &["toml"]),
    ] {
        loader.unexpected_files(folder, allowed);
    }
    load_config(loader);
    load_lists(loader);
    load_roles_and_bodies(loader);
    load_markdown_folders(loader);
    load_portfolio(loader);
}

fn load_config(loader: &mut Loader<'_>) {
    if !loader.root.join("content/site.toml").exists() {
        loader.diagnostics.push(
            Diagnostic::error("Die Datei `content/site.toml` fehlt")
                .hint("Legen Sie `content/site.toml` an, mindestens mit `title = \"…\"` und `organisation = \"…\"`."),
        );
        return;
    }
    if let Some((file, mut config)) = loader.toml_file::<Config>("site.toml", &[]) {
        config.origin = Origin { file };
        if let Some((file, mut vocabulary)) = loader.toml_file::<crate::config::Vocabulary>("vocabulary.toml", &[]) {
            vocabulary.origin = Origin { file };
            config.vocabulary = Some(vocabulary);
        }
        loader.config = Some(config);
    }
}

/// Sets each entity's origin to the file it came from.
macro_rules! with_origin {
    ($list:expr, $file:expr) => {{
        let mut list = $list;
        for item in &mut list {
            item.origin = Origin { file: $file };
        }
        list
    }};
}

fn load_lists(loader: &mut Loader<'_>) {
    if let Some((file, levels)) = loader.toml_file::<LevelsFile>("levels.toml", &[EntityKind::Level]) {
        loader.model.levels = with_origin!(levels.level, file);
    }
    if let Some((file, units)) = loader.toml_file::<UnitsFile>("units.toml", &[EntityKind::Unit]) {
        loader.model.units = with_origin!(units.unit, file);
    }
    if let Some((file, flows)) = loader.toml_file::<FlowsFile>("flows.toml", &[]) {
        loader.model.flows = with_origin!(flows.flow, file);
    }
    if let Some((file, raci)) = loader.toml_file::<RaciFile>("raci.toml", &[EntityKind::Activity]) {
        loader.model.raci_note = raci.note;
        loader.model.activities = with_origin!(raci.activity, file);
    }
    if let Some((file, challenges)) = loader.toml_file::<ChallengesFile>("challenges.toml", &[EntityKind::Challenge]) {
        loader.model.challenges = with_origin!(challenges.challenge, file);
    }
    if let Some((file, mut staffing)) = loader.toml_file::<Staffing>("staffing.toml", &[]) {
        staffing.origin = Origin { file };
        loader.model.staffing = Some(staffing);
    }
    if let Some((file, glossary)) = loader.toml_file::<GlossaryFile>("glossary.toml", &[EntityKind::Term]) {
        loader.model.terms = with_origin!(glossary.term, file);
    }
    if let Some((file, goals)) = loader.toml_file::<GoalsFile>("goals.toml", &[EntityKind::Goal, EntityKind::Criterion])
    {
        loader.model.goals = with_origin!(goals.goal, file);
        loader.model.criteria = with_origin!(goals.criterion, file);
    }
    if let Some((file, kpis)) = loader.toml_file::<KpisFile>("kpis.toml", &[EntityKind::Kpi]) {
        loader.model.kpis = with_origin!(kpis.kpi, file);
    }
    if let Some((file, sources)) = loader.toml_file::<SourcesFile>("sources.toml", &[]) {
        loader.model.sources = with_origin!(sources.source, file);
        loader.model.readings = with_origin!(sources.reading, file);
    }
}

/// An entity that lives in a file of its own: the file name gives its id.
pub(super) trait FileEntity {
    const KIND: EntityKind;
    fn identify(&mut self, id: String, origin: Origin, body: Option<Markdown>);
}

macro_rules! file_entity {
    ($($kind:ty => $entity:ident),*) => {$(
        impl FileEntity for $kind {
            const KIND: EntityKind = EntityKind::$entity;
            fn identify(&mut self, id: String, origin: Origin, _body: Option<Markdown>) {
                self.id = id;
                self.origin = origin;
            }
        }
    )*};
}

macro_rules! markdown_entity {
    ($($kind:ty => $entity:ident),*) => {$(
        impl FileEntity for $kind {
            const KIND: EntityKind = EntityKind::$entity;
            fn identify(&mut self, id: String, origin: Origin, body: Option<Markdown>) {
                self.id = id;
                self.origin = origin;
                self.body = body.unwrap_or_default();
            }
        }
    )*};
}

file_entity!(Role => Role, Body => Body, Project => Project, Demand => Demand, Period => Period, Decision => Decision);
markdown_entity!(Premise => Premise, Page => Page, Paper => Paper);

/// Roles and bodies: `<id>.toml` with optional prose in `<id>.md` beside it.
fn load_roles_and_bodies(loader: &mut Loader<'_>) {
    let role_files = loader.entries("roles", "toml", Naming::Slug, false, EntityKind::Role);
    loader.model.roles = loader.folder(&role_files, false);
    let body_files = loader.entries("bodies", "toml", Naming::Slug, false, EntityKind::Body);
    loader.model.bodies = loader.folder(&body_files, false);
    for (folder, kind) in [("roles", EntityKind::Role), ("bodies", EntityKind::Body)] {
        for entry in loader.entries(folder, "md", Naming::Slug, false, kind) {
            attach_prose(loader, &entry.relative, &entry.id, kind);
        }
    }
}

/// Prose in `roles/<id>.md` or `bodies/<id>.md`: plain Markdown.
fn attach_prose(loader: &mut Loader<'_>, relative: &Path, id: &str, kind: EntityKind) {
    let Some(file) = loader.read(relative) else { return };
    let prose = Markdown { text: loader.sources.get(file).text.clone(), offset: 0, file: Some(file) };
    let slot = match kind {
        EntityKind::Role => loader.model.roles.iter_mut().find(|role| role.id == id).map(|role| &mut role.prose),
        _ => loader.model.bodies.iter_mut().find(|body| body.id == id).map(|body| &mut body.prose),
    };
    match slot {
        Some(slot) => *slot = Some(prose),
        None => loader.diagnostics.push(
            Diagnostic::error(format!(
                "{}: Zu diesem Text gibt es keine Datei `{id}.toml`",
                super::read::shown(relative)
            ))
            .hint(format!(
                "Der Text einer {} steht neben ihrer TOML-Datei mit demselben Namen: `{id}.toml`.",
                kind.label()
            )),
        ),
    }
}

fn load_markdown_folders(loader: &mut Loader<'_>) {
    let premise_files = loader.entries("premises", "md", Naming::Numbered, false, EntityKind::Premise);
    loader.model.premises = loader.folder(&premise_files, true);
    let orders: std::collections::BTreeMap<&str, u32> =
        premise_files.iter().map(|entry| (entry.id.as_str(), entry.order)).collect();
    for premise in &mut loader.model.premises {
        premise.order = orders.get(premise.id.as_str()).copied().unwrap_or_default();
    }
    let page_files = loader.entries("pages", "md", Naming::Slug, true, EntityKind::Page);
    loader.model.pages = loader.folder(&page_files, true);
    let paper_files = loader.entries("papers", "md", Naming::Slug, false, EntityKind::Paper);
    loader.model.papers = loader.folder(&paper_files, true);
}

fn load_portfolio(loader: &mut Loader<'_>) {
    let project_files = loader.entries("projects", "toml", Naming::Code, false, EntityKind::Project);
    loader.model.projects = loader.folder(&project_files, false);
    let demand_files = loader.entries("demands", "toml", Naming::Code, false, EntityKind::Demand);
    loader.model.demands = loader.folder(&demand_files, false);
    let period_files = loader.entries("periods", "toml", Naming::Period, false, EntityKind::Period);
    loader.model.periods = loader.folder(&period_files, false);
    let decision_files = loader.entries("decisions", "toml", Naming::Slug, false, EntityKind::Decision);
    loader.model.decisions = loader.folder(&decision_files, false);
}
