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

pub fn plan(site: &Site<'_>) -> Vec<Job> {
    let model = site.model;
    let label = |key: &str| site.label(key);
    let mut jobs = Vec::new();
    let mut add = |path: String,
                   template: &'static str,
                   title: String,
                   section: &'static str,
                   item: Item,
                   updated: Option<Date>,
                   origin: String| {
        jobs.push(Job { path, template, title, section, item, updated, origin });
    };
    let site_title = site.config.title.clone();
    add("index.html".into(), "index.html", site_title, "", Item::Start, None, "content/site.toml".into());
    add(
        urls::section("steuerungsmodell"),
        "model.html",
        label("page_model"),
        "steuerungsmodell",
        Item::Model,
        None,
        "content/flows.toml".into(),
    );
    add(
        urls::section("rollen"),
        "roles.html",
        label("page_roles"),
        "rollen",
        Item::Roles,
        None,
        "content/roles/".into(),
    );
    for (index, role) in model.roles.iter().enumerate() {
        let path = urls::entity(EntityKind::Role, &role.id).unwrap_or_default();
        add(
            path,
            "role.html",
            role.name.clone(),
            "rollen",
            Item::Role(index),
            None,
            format!("Rolle `{}` (content/roles/{}.toml)", role.id, role.id),
        );
    }
    add(
        urls::section("gremien"),
        "bodies.html",
        label("page_bodies"),
        "gremien",
        Item::Bodies,
        None,
        "content/bodies/".into(),
    );
    for (index, body) in model.bodies.iter().enumerate() {
        let path = urls::entity(EntityKind::Body, &body.id).unwrap_or_default();
        add(
            path,
            "body.html",
            body.name.clone(),
            "gremien",
            Item::Body(index),
            None,
            format!("Gremium `{}` (content/bodies/{}.toml)", body.id, body.id),
        );
    }
    add(
        urls::section("praemissen"),
        "premises.html",
        label("page_premises"),
        "praemissen",
        Item::Premises,
        None,
        "content/premises/".into(),
    );
    let mut premises: Vec<usize> = (0..model.premises.len()).collect();
    premises.sort_by_key(|&i| model.premises[i].order);
    for index in premises {
        let premise = &model.premises[index];
        let path = urls::entity(EntityKind::Premise, &premise.id).unwrap_or_default();
        add(
            path,
            "premise.html",
            premise.title.clone(),
            "praemissen",
            Item::Premise(index),
            None,
            format!("Prämisse `{}`", premise.id),
        );
    }
    add(urls::section("raci"), "raci.html", label("page_raci"), "raci", Item::Raci, None, "content/raci.toml".into());
    add(
        urls::section("handlungsfelder"),
        "challenges.html",
        label("page_challenges"),
        "handlungsfelder",
        Item::Challenges,
        None,
        "content/challenges.toml".into(),
    );
    add(
        urls::section("stellenplan"),
        "staffing.html",
        label("page_staffing"),
        "stellenplan",
        Item::Staffing,
        None,
        "content/staffing.toml".into(),
    );
    add(
        urls::section("vorlagen"),
        "papers.html",
        label("page_papers"),
        "vorlagen",
        Item::Papers,
        None,
        "content/papers/".into(),
    );
    for (index, paper) in model.papers.iter().enumerate() {
        let path = urls::entity(EntityKind::Paper, &paper.id).unwrap_or_default();
        add(
            path,
            "paper.html",
            paper.name.clone(),
            "vorlagen",
            Item::Paper(index),
            Some(*paper.date.get_ref()),
            format!("Vorlage `{}` (content/papers/{}.md)", paper.id, paper.id),
        );
    }
    add(
        urls::section("glossar"),
        "glossary.html",
        label("page_glossary"),
        "glossar",
        Item::Glossary,
        None,
        "content/glossary.toml".into(),
    );
    add(
        urls::section("entscheidungen"),
        "decisions.html",
        label("page_decisions"),
        "praemissen",
        Item::Decisions,
        None,
        "content/decisions/".into(),
    );
    for (index, unit) in model.units.iter().enumerate() {
        let path = urls::entity(EntityKind::Unit, unit.id.get_ref()).unwrap_or_default();
        add(
            path,
            "unit.html",
            unit.name.clone(),
            "",
            Item::Unit(index),
            None,
            format!("Organisationseinheit `{}` (content/units.toml)", unit.id.get_ref()),
        );
    }
    add(
        urls::section("dashboard"),
        "dashboards.html",
        label("dashboard_name"),
        "dashboard",
        Item::Dashboards,
        None,
        "content/periods/".into(),
    );
    for period in crate::portfolio::timeline(model, site.period_id()) {
        let index = model.periods.iter().position(|p| std::ptr::eq(p, period)).unwrap_or_default();
        let path = urls::dashboard(&period.id);
        add(
            path,
            "dashboard.html",
            crate::view::dashboard_title(site, &period.id),
            "dashboard",
            Item::Dashboard(index),
            Some(*period.date.get_ref()),
            format!("Berichtsperiode `{}` (content/periods/{}.toml)", period.id, period.id),
        );
    }
    add(
        urls::section("projekte"),
        "portfolio.html",
        label("page_portfolio"),
        "projekte",
        Item::Portfolio,
        None,
        "content/projects/".into(),
    );
    for (index, group) in super::groups::groups(site).into_iter().enumerate() {
        add(
            group.path,
            "project_list.html",
            site.labels.fill("project_view_title", &[("view", &group.title)]),
            "projekte",
            Item::ProjectGroup(index),
            None,
            "content/projects/".into(),
        );
    }
    let pages = super::groups::page_count(model);
    for n in 0..pages {
        let title = if pages == 1 {
            label("all_projects")
        } else {
            let (n, count) = ((n + 1).to_string(), pages.to_string());
            site.labels.fill("all_projects_page", &[("n", &n), ("count", &count)])
        };
        add(
            super::groups::page_path(n),
            "project_list.html",
            title,
            "projekte",
            Item::ProjectPage(n),
            None,
            "content/projects/".into(),
        );
    }
    for (index, project) in model.projects.iter().enumerate() {
        let path = urls::entity(EntityKind::Project, &project.id).unwrap_or_default();
        add(
            path,
            "project.html",
            project.title.clone(),
            "projekte",
            Item::Project(index),
            None,
            format!("Projekt `{}` (content/projects/{}.toml)", project.id, project.id),
        );
    }
    add(
        urls::section("bedarfe"),
        "demands.html",
        label("page_demands"),
        "bedarfe",
        Item::Demands,
        None,
        "content/demands/".into(),
    );
    add(
        urls::section("priorisierung"),
        "ranking.html",
        label("page_ranking"),
        "priorisierung",
        Item::Ranking,
        None,
        "content/goals.toml".into(),
    );
    let mut pages: Vec<usize> = (0..model.pages.len()).filter(|&i| !model.pages[i].draft).collect();
    pages.sort_by_key(|&i| (model.pages[i].weight, model.pages[i].title.clone()));
    for index in pages {
        let page = &model.pages[index];
        if SECTIONS.iter().any(|(slug, _)| *slug == page.id) {
            continue;
        }
        let path = urls::entity(EntityKind::Page, &page.id).unwrap_or_default();
        let updated = page.updated.as_ref().map(|d| *d.get_ref());
        add(
            path,
            "page.html",
            page.title.clone(),
            "seiten",
            Item::Page(index),
            updated,
            format!("Seite `{}` (content/pages/{}.md)", page.id, page.id),
        );
    }
    add("suche/index.html".into(), "search.html", label("page_search"), "suche", Item::Search, None, "Suche".into());
    add("404.html".into(), "404.html", label("page_not_found"), "", Item::NotFound, None, "404".into());
    jobs
}

/// The anchor id of a list entry (a challenge, a term).
pub fn anchor(id: &str) -> String {
    slugify(id)
}
