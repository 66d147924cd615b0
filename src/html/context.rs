//! The template context of one page: what every page shows (navigation, breadcrumbs,
//! previous/next, feedback) and what its item shows.

use serde::Serialize;

use super::dispatch;
use super::page::Navigation;
use super::plan::{Item, Job, SECTIONS};
use crate::model::EntityKind;
use crate::paths;
use crate::search::SearchDocument;
use crate::site::Site;
use crate::view::provenance::{self, ReadingMark};
use crate::view::{FigureDrawer, Link, Linker};

/// A rendered page's context and, for pages worth finding, its search document.
pub struct PageContext {
    pub context: tera::Context,
    pub search: Option<SearchDocument>,
}

/// The parts every page template uses.
#[derive(Debug, Serialize)]
struct PageView {
    title: String,
    path: String,
    section: String,
    updated: Option<String>,
    crumbs: Vec<Link>,
    previous: Option<Link>,
    next: Option<Link>,
    nav: Vec<NavEntry>,
    background: Vec<NavEntry>,
    feedback_href: Option<String>,
    accessibility_href: Option<String>,
    easy_language_href: Option<String>,
    search_href: String,
    /// The whole handbook as one PDF, if the site builds PDFs.
    handbook_pdf_href: Option<String>,
    home_href: String,
    assets: String,
    /// Show the banner: the page shows example portfolio data.
    example: bool,
    toc: Vec<crate::markdown::Heading>,
    /// 404.html only: the base path its links start with, as a JavaScript string literal.
    root_links_base: Option<String>,
}

#[derive(Debug, Serialize)]
struct NavEntry {
    title: String,
    href: String,
    current: bool,
}

/// Everything a page builder needs besides its own job: the site, all jobs and what
/// links them.
pub struct PageInputs<'a> {
    pub site: Site<'a>,
    pub jobs: &'a [Job],
    pub navigation: &'a Navigation<'a>,
}

pub fn build(inputs: &PageInputs<'_>, figures: &dyn FigureDrawer, index: usize) -> PageContext {
    let PageInputs { site, jobs, navigation } = *inputs;
    let model = site.model;
    let job = &jobs[index];
    // 404.html is served in place of missing pages at any depth: relative links would
    // resolve against the missing page's folder, so its links start at the base path.
    // Opened from file://, a script turns them into links from the file's own folder.
    let not_found = job.item == Item::NotFound;
    let base_path = paths::base_path(site.config.base_url.get_ref());
    let root = if not_found { base_path.clone() } else { paths::root_of(&job.path) };
    let root_links_base = not_found.then(|| crate::search::emit::json(&base_path));
    let linker = Linker::new(site, &root);
    let linker = if job.item == Item::NotFound { linker } else { linker.with_figures(figures) };
    let label = |key: &str| site.label(key);
    let item = dispatch::build(&linker, model, job, navigation);
    let nav = SECTIONS
        .iter()
        .map(|(slug, key)| NavEntry {
            title: label(key),
            href: linker.href(&paths::section(slug)),
            current: *slug == job.section,
        })
        .collect();
    let background = navigation
        .background
        .iter()
        .map(|&i| NavEntry { title: jobs[i].title.clone(), href: linker.href(&jobs[i].path), current: i == index })
        .collect();
    let link = |i: usize| Link { title: jobs[i].title.clone(), href: linker.href(&jobs[i].path) };
    let (previous, next) = navigation.neighbours[index];
    let (previous, next) = (previous.map(link), next.map(link));
    let page = PageView {
        title: job.title.clone(),
        path: job.path.clone(),
        section: job.section.to_owned(),
        updated: job.updated.or_else(|| site.config.updated.as_ref().map(|d| *d.get_ref())).map(crate::german::date),
        crumbs: crumbs(&linker, job, &label),
        previous,
        next,
        nav,
        background,
        feedback_href: feedback(&linker, &job.title),
        accessibility_href: linker.setting(&site.config.accessibility).map(|link| link.href),
        easy_language_href: linker.setting(&site.config.easy_language).map(|link| link.href),
        search_href: linker.href("suche/index.html"),
        home_href: linker.href("index.html"),
        handbook_pdf_href: linker.pdf_href(Some(paths::HANDBOOK_PDF.to_owned())),
        assets: linker.href("assets/"),
        example: item.example && site.config.example_data,
        toc: item.toc.clone(),
        root_links_base,
    };
    let mut context = tera::Context::new();
    context.insert("page", &page);
    context.insert("aspect_readings", &aspect_readings(&linker));
    context.insert("item_readings", &item_readings(&linker, job));
    context.insert("root", linker.root);
    for (key, value) in &item.values {
        context.insert_value(key.clone(), value.clone());
    }
    // Every page but these two is found by what it shows; the text and headings are read
    // from the finished page (see `render_job`).
    let searchable = !matches!(job.item, Item::Search | Item::NotFound);
    let search = searchable.then(|| SearchDocument {
        url: job.path.clone(),
        title: job.title.clone(),
        section: search_section(job, &label),
        ..SearchDocument::default()
    });
    PageContext { context, search }
}

/// The readings of each aspect that pages show across items, by a key a template can
/// name: `raci`, `flow_endpoints`, and `challenges` (area and addressed-by together).
fn aspect_readings(linker: &Linker<'_>) -> std::collections::BTreeMap<String, Vec<ReadingMark>> {
    let mut marks: std::collections::BTreeMap<String, Vec<ReadingMark>> = crate::model::ASPECTS
        .iter()
        .map(|aspect| (aspect.replace('.', "_"), provenance::aspect(linker, aspect)))
        .collect();
    let mut challenges = provenance::aspect(linker, "challenge.area");
    for mark in provenance::aspect(linker, "challenge.addressed_by") {
        if !challenges.iter().any(|m| m.href == mark.href) {
            challenges.push(mark);
        }
    }
    marks.insert("challenges".to_owned(), challenges);
    marks
}

/// The readings of the one item a page shows, if it shows one.
fn item_readings(linker: &Linker<'_>, job: &Job) -> Vec<ReadingMark> {
    let model = linker.model;
    let (kind, id) = match job.item {
        Item::Role(i) => (EntityKind::Role, model.roles[i].id.as_str()),
        Item::Body(i) => (EntityKind::Body, model.bodies[i].id.as_str()),
        Item::Premise(i) => (EntityKind::Premise, model.premises[i].id.as_str()),
        Item::Paper(i) => (EntityKind::Paper, model.papers[i].id.as_str()),
        Item::Unit(i) => (EntityKind::Unit, model.units[i].id.get_ref().as_str()),
        Item::Project(i) => (EntityKind::Project, model.projects[i].id.as_str()),
        Item::Page(i) => (EntityKind::Page, model.pages[i].id.as_str()),
        _ => return Vec::new(),
    };
    provenance::item(linker, kind, id)
}

/// The part of the site a search result names: its section in the navigation, except for
/// pages that the navigation files under another section or under none.
fn search_section(job: &Job, label: &dyn Fn(&str) -> String) -> String {
    match job.item {
        Item::Unit(_) => label("units"),
        Item::Decisions => label("page_decisions"),
        _ => SECTIONS
            .iter()
            .find(|(slug, _)| *slug == job.section)
            .map_or_else(|| label("nav_background"), |(_, key)| label(key)),
    }
}

fn crumbs(linker: &Linker<'_>, job: &Job, label: &dyn Fn(&str) -> String) -> Vec<Link> {
    let mut crumbs = vec![Link { title: label("nav_start"), href: linker.href("index.html") }];
    if job.item == Item::Start {
        return Vec::new();
    }
    if let Some((slug, key)) = SECTIONS.iter().find(|(slug, _)| !slug.is_empty() && *slug == job.section)
        && job.path != paths::section(slug)
    {
        crumbs.push(linker.section(&label(key), slug));
    }
    crumbs
}

/// `mailto:` with the page title as subject, a content link (`page:id`), or a URL as is.
fn feedback(linker: &Linker<'_>, title: &str) -> Option<String> {
    let address = linker.site.config.feedback.as_ref()?.get_ref().clone();
    if let Some(mail) = address.strip_prefix("mailto:") {
        let subject: String = linker
            .site
            .labels
            .fill("feedback_subject", &[("title", title)])
            .bytes()
            .map(|b| {
                if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                    (b as char).to_string()
                } else {
                    format!("%{b:02X}")
                }
            })
            .collect();
        return Some(format!("mailto:{mail}?subject={subject}"));
    }
    linker.content_link(&address).map(|link| link.href)
}
