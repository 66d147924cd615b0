//! The page plan: every page of the site as a job, in navigation order.

use crate::model::slug::slugify;
use crate::model::{Date, EntityKind, Model};
use crate::paths as urls;
use crate::site::Site;

/// What a page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    Start,
    Model,
    Roles,
    Role(usize),
    Bodies,
    Body(usize),
    Premises,
    Premise(usize),
    Raci,
    Challenges,
    Staffing,
    Papers,
    Paper(usize),
    Glossary,
    Decisions,
    Unit(usize),
    Project(usize),
    Portfolio,
    /// A pre-rendered view of the portfolio (index into `groups::groups`).
    ProjectGroup(usize),
    /// Page `n` (0-based) of the list of all projects.
    ProjectPage(usize),
    Dashboards,
    /// The dashboard of the period with this index in `model.periods`.
    Dashboard(usize),
    Demands,
    Ranking,
    Page(usize),
    Sources,
    Search,
    NotFound,
}

/// One page to render.
#[derive(Debug, Clone)]
pub struct Job {
    pub path: String,
    pub template: &'static str,
    pub title: String,
    /// Slug of the navigation section the page belongs to ("" for the start page).
    pub section: &'static str,
    pub item: Item,
    pub updated: Option<Date>,
    /// Where the page's content comes from, for error messages.
    pub origin: String,
}

/// The sections of the sidebar: slug and the label key of their title.
pub const SECTIONS: &[(&str, &str)] = &[
    ("", "nav_start"),
    ("steuerungsmodell", "nav_model"),
    ("rollen", "nav_roles"),
    ("gremien", "nav_bodies"),
    ("praemissen", "nav_premises"),
    ("raci", "nav_raci"),
    ("handlungsfelder", "nav_challenges"),
    ("stellenplan", "nav_staffing"),
    ("dashboard", "nav_dashboard"),
    ("projekte", "nav_portfolio"),
    ("bedarfe", "nav_demands"),
    ("priorisierung", "nav_ranking"),
    ("vorlagen", "nav_papers"),
    ("glossar", "nav_glossary"),
];

/// Free pages whose id is a section slug are that section's introduction, not pages of their own.
pub fn section_intro(model: &Model, slug: &str) -> Option<usize> {
    model.pages.iter().position(|page| page.id == slug && !page.draft)
}

/// The jobs as they are planned, in navigation order.
struct Plan<'s> {
    site: &'s Site<'s>,
    jobs: Vec<Job>,
}

impl Plan<'_> {
    // The fields of a `Job`, in its order: a struct for them would be the `Job` itself.
    #[allow(clippy::too_many_arguments)]
    fn add(
        &mut self,
        path: String,
        template: &'static str,
        title: String,
        section: &'static str,
        item: Item,
        updated: Option<Date>,
        origin: String,
    ) {
        self.jobs.push(Job { path, template, title, section, item, updated, origin });
    }

    /// The index page of the section `slug`, titled with the label `key`.
    fn section(&mut self, slug: &'static str, template: &'static str, key: &str, item: Item, origin: &str) {
        let title = self.site.label(key);
        self.add(urls::section(slug), template, title, slug, item, None, origin.to_owned());
    }

    /// The page of an entity of `kind`, at the place the path scheme gives it.
    #[allow(clippy::too_many_arguments)]
    fn entity(
        &mut self,
        (kind, id): (EntityKind, &str),
        template: &'static str,
        title: String,
        section: &'static str,
        item: Item,
        updated: Option<Date>,
        origin: String,
    ) {
        let path = urls::entity(kind, id).unwrap_or_default();
        self.add(path, template, title, section, item, updated, origin);
    }
}

pub fn plan(site: &Site<'_>) -> Vec<Job> {
    let model = site.model;
    let mut plan = Plan { site, jobs: Vec::new() };
    let title = site.config.title.clone();
    plan.add("index.html".into(), "index.html", title, "", Item::Start, None, "content/site.toml".into());
    plan.section("steuerungsmodell", "model.html", "page_model", Item::Model, "content/flows.toml");
    plan.section("rollen", "roles.html", "page_roles", Item::Roles, "content/roles/");
    for (index, role) in model.roles.iter().enumerate() {
        let origin = format!("Rolle `{}` (content/roles/{}.toml)", role.id, role.id);
        plan.entity(
            (EntityKind::Role, &role.id),
            "role.html",
            role.name.clone(),
            "rollen",
            Item::Role(index),
            None,
            origin,
        );
    }
    plan.section("gremien", "bodies.html", "page_bodies", Item::Bodies, "content/bodies/");
    for (index, body) in model.bodies.iter().enumerate() {
        let origin = format!("Gremium `{}` (content/bodies/{}.toml)", body.id, body.id);
        plan.entity(
            (EntityKind::Body, &body.id),
            "body.html",
            body.name.clone(),
            "gremien",
            Item::Body(index),
            None,
            origin,
        );
    }
    plan.section("praemissen", "premises.html", "page_premises", Item::Premises, "content/premises/");
    let mut premises: Vec<usize> = (0..model.premises.len()).collect();
    premises.sort_by_key(|&i| model.premises[i].order);
    for index in premises {
        let premise = &model.premises[index];
        let (key, origin) = ((EntityKind::Premise, premise.id.as_str()), format!("Prämisse `{}`", premise.id));
        plan.entity(key, "premise.html", premise.title.clone(), "praemissen", Item::Premise(index), None, origin);
    }
    plan.section("raci", "raci.html", "page_raci", Item::Raci, "content/raci.toml");
    plan.section("handlungsfelder", "challenges.html", "page_challenges", Item::Challenges, "content/challenges.toml");
    plan.section("stellenplan", "staffing.html", "page_staffing", Item::Staffing, "content/staffing.toml");
    plan.section("vorlagen", "papers.html", "page_papers", Item::Papers, "content/papers/");
    for (index, paper) in model.papers.iter().enumerate() {
        let origin = format!("Vorlage `{}` (content/papers/{}.md)", paper.id, paper.id);
        let date = Some(*paper.date.get_ref());
        plan.entity(
            (EntityKind::Paper, &paper.id),
            "paper.html",
            paper.name.clone(),
            "vorlagen",
            Item::Paper(index),
            date,
            origin,
        );
    }
    plan.section("glossar", "glossary.html", "page_glossary", Item::Glossary, "content/glossary.toml");
    if crate::view::provenance::has_sources(model) {
        let (slug, title) = (crate::view::provenance::SOURCES_SECTION, site.label("page_sources"));
        plan.add(urls::section(slug), "sources.html", title, slug, Item::Sources, None, "content/sources.toml".into());
    }
    // The decisions are listed under the premises they are taken on.
    let title = site.label("page_decisions");
    let path = urls::section("entscheidungen");
    plan.add(path, "decisions.html", title, "praemissen", Item::Decisions, None, "content/decisions/".into());
    for (index, unit) in model.units.iter().enumerate() {
        let id = unit.id.get_ref();
        let origin = format!("Organisationseinheit `{id}` (content/units.toml)");
        plan.entity((EntityKind::Unit, id), "unit.html", unit.name.clone(), "", Item::Unit(index), None, origin);
    }
    plan.section("dashboard", "dashboards.html", "dashboard_name", Item::Dashboards, "content/periods/");
    for period in crate::portfolio::timeline(model, site.period_id()) {
        let index = model.periods.iter().position(|p| std::ptr::eq(p, period)).unwrap_or_default();
        let title = crate::view::dashboard_title(site, &period.id);
        let origin = format!("Berichtsperiode `{}` (content/periods/{}.toml)", period.id, period.id);
        let date = Some(*period.date.get_ref());
        plan.add(
            urls::dashboard(&period.id),
            "dashboard.html",
            title,
            "dashboard",
            Item::Dashboard(index),
            date,
            origin,
        );
    }
    plan.section("projekte", "portfolio.html", "page_portfolio", Item::Portfolio, "content/projects/");
    for (index, group) in super::groups::groups(site).into_iter().enumerate() {
        let title = site.labels.fill("project_view_title", &[("view", &group.title)]);
        let item = Item::ProjectGroup(index);
        plan.add(group.path, "project_list.html", title, "projekte", item, None, "content/projects/".into());
    }
    let pages = super::groups::page_count(model);
    for n in 0..pages {
        let title = if pages == 1 {
            site.label("all_projects")
        } else {
            let (n, count) = ((n + 1).to_string(), pages.to_string());
            site.labels.fill("all_projects_page", &[("n", &n), ("count", &count)])
        };
        let path = super::groups::page_path(n);
        plan.add(path, "project_list.html", title, "projekte", Item::ProjectPage(n), None, "content/projects/".into());
    }
    for (index, project) in model.projects.iter().enumerate() {
        let origin = format!("Projekt `{}` (content/projects/{}.toml)", project.id, project.id);
        let (key, title) = ((EntityKind::Project, project.id.as_str()), project.title.clone());
        plan.entity(key, "project.html", title, "projekte", Item::Project(index), None, origin);
    }
    plan.section("bedarfe", "demands.html", "page_demands", Item::Demands, "content/demands/");
    plan.section("priorisierung", "ranking.html", "page_ranking", Item::Ranking, "content/goals.toml");
    let mut pages: Vec<usize> = (0..model.pages.len()).filter(|&i| !model.pages[i].draft).collect();
    pages.sort_by_key(|&i| (model.pages[i].weight, model.pages[i].title.clone()));
    for index in pages {
        let page = &model.pages[index];
        if SECTIONS.iter().any(|(slug, _)| *slug == page.id) {
            continue;
        }
        let updated = page.updated.as_ref().map(|d| *d.get_ref());
        let origin = format!("Seite `{}` (content/pages/{}.md)", page.id, page.id);
        plan.entity(
            (EntityKind::Page, &page.id),
            "page.html",
            page.title.clone(),
            "seiten",
            Item::Page(index),
            updated,
            origin,
        );
    }
    let search = site.label("page_search");
    plan.add("suche/index.html".into(), "search.html", search, "suche", Item::Search, None, "Suche".into());
    let not_found = site.label("page_not_found");
    plan.add("404.html".into(), "404.html", not_found, "", Item::NotFound, None, "404".into());
    plan.jobs
}

/// The anchor id of a list entry (a challenge, a term).
pub fn anchor(id: &str) -> String {
    slugify(id)
}
