//! The output path scheme, the one place that knows where every output lives: pages,
//! PDFs, OParl files and dashboards, as German slugs below the output root, and links
//! between them that work from a web server and from `file://` alike (relative, with
//! `index.html`).

use crate::model::slug::slugify;
use crate::model::{EntityKind, Model};

/// Site-relative path of a section's index page, e.g. `rollen/index.html`.
pub fn section(slug: &str) -> String {
    if slug.is_empty() { "index.html".to_owned() } else { format!("{slug}/index.html") }
}

/// The folder (slug) of the section that lists entities of a kind, if they have pages.
pub fn section_of(kind: EntityKind) -> Option<&'static str> {
    Some(match kind {
        EntityKind::Role => "rollen",
        EntityKind::Body => "gremien",
        EntityKind::Premise => "praemissen",
        EntityKind::Paper => "vorlagen",
        EntityKind::Unit => "einheiten",
        EntityKind::Project => "projekte",
        EntityKind::Demand => "bedarfe",
        EntityKind::Page => "",
        EntityKind::Challenge => "handlungsfelder",
        EntityKind::Activity => "raci",
        EntityKind::Term => "glossar",
        EntityKind::Decision => "entscheidungen",
        EntityKind::Level => "steuerungsmodell",
        _ => return None,
    })
}

/// Site-relative path of an entity's page. Lists without pages of their own (challenges,
/// RACI activities, glossary terms) point at an anchor on their section page.
pub fn entity(kind: EntityKind, id: &str) -> Option<String> {
    let section = section_of(kind)?;
    let slug = slugify(id);
    Some(match kind {
        EntityKind::Page => format!("{}/index.html", id.split('/').map(slugify).collect::<Vec<_>>().join("/")),
        EntityKind::Challenge | EntityKind::Activity | EntityKind::Term | EntityKind::Decision | EntityKind::Demand => {
            format!("{section}/index.html#{slug}")
        }
        EntityKind::Level => format!("{section}/index.html#{}", level_anchor(id)),
        // A file per entity rather than a folder: a portfolio of thousands of projects
        // would otherwise cost a folder each to create and to delete on every build.
        _ => format!("{section}/{slug}.html"),
    })
}

/// Site-relative path of the PDF of an entity that has one (papers, role cards), beside
/// its page.
pub fn pdf(kind: EntityKind, id: &str) -> Option<String> {
    match kind {
        EntityKind::Paper | EntityKind::Role => Some(format!("{}/{}.pdf", section_of(kind)?, slugify(id))),
        _ => None,
    }
}

/// Site-relative path of the whole handbook as one PDF.
pub const HANDBOOK_PDF: &str = "handbuch.pdf";

/// Site-relative path of a period's dashboard page.
pub fn dashboard(period: &str) -> String {
    format!("dashboard/{}/index.html", slugify(period))
}

/// Site-relative path of a period's dashboard PDF, beside its page; its file name starts
/// with the slug of the dashboard's name (`Portfolio-Dashboard` → `portfolio-dashboard-2030-h1.pdf`).
pub fn dashboard_pdf(name: &str, period: &str) -> String {
    let slug = slugify(period);
    format!("dashboard/{slug}/{}-{slug}.pdf", slugify(name))
}

/// Site-relative path of a paper's OParl description, beside its PDF.
pub fn oparl(paper: &str) -> Option<String> {
    Some(format!("{}/{}.oparl.json", section_of(EntityKind::Paper)?, slugify(paper)))
}

/// The anchor of a level on the steering-model page, e.g. `ebene-operativ`.
pub fn level_anchor(id: &str) -> String {
    format!("ebene-{}", slugify(id))
}

/// Site-relative path of whatever `scheme:id` in Markdown names, following aliases.
pub fn link(model: &Model, scheme: &str, id: &str) -> Option<String> {
    let kind = EntityKind::of_scheme(scheme)?;
    let entry = model.lookup(kind, id)?;
    entity(kind, &entry.canonical)
}

/// The path part of the site's `base_url`, ending in `/`: `https://intranet/handbuch` and
/// `/handbuch/` both give `/handbuch/`, an empty value gives `/`.
pub fn base_path(base_url: &str) -> String {
    let path = match base_url.split_once("://") {
        Some((_, rest)) => rest.find('/').map_or("/", |slash| &rest[slash..]),
        None => base_url,
    };
    let path = path.split(['?', '#']).next().unwrap_or_default().trim_matches('/');
    if path.is_empty() { "/".to_owned() } else { format!("/{path}/") }
}

/// The site's absolute address without a trailing `/`, if `base_url` is a web address
/// (http or https) rather than only a path on the server.
pub fn absolute_base(base_url: &str) -> Option<String> {
    let base = base_url.trim_end_matches('/');
    (base.starts_with("https://") || base.starts_with("http://")).then(|| base.to_owned())
}

/// The prefix that leads from a page at `path` back to the output root (`../../`).
pub fn root_of(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

#[cfg(test)]
mod tests {
    use super::{base_path, entity, root_of};
    use crate::model::EntityKind;

    #[test]
    fn german_slugs_and_relative_roots() {
        assert_eq!(entity(EntityKind::Role, "leitung-it").unwrap(), "rollen/leitung-it.html");
        assert_eq!(entity(EntityKind::Project, "PR-2030-001").unwrap(), "projekte/pr-2030-001.html");
        assert_eq!(entity(EntityKind::Page, "anhang/rechenzentrum").unwrap(), "anhang/rechenzentrum/index.html");
        assert_eq!(root_of("rollen/leitung-it.html"), "../");
        assert_eq!(root_of("index.html"), "");
        assert_eq!(
            entity(EntityKind::Level, "koordinierend").unwrap(),
            "steuerungsmodell/index.html#ebene-koordinierend"
        );
    }

    #[test]
    fn not_found_page_links_start_at_the_base_path() {
        assert_eq!(base_path("/"), "/");
        assert_eq!(base_path(""), "/");
        assert_eq!(base_path("/handbuch"), "/handbuch/");
        assert_eq!(base_path("https://intranet.mainz.de/handbuch/"), "/handbuch/");
        assert_eq!(base_path("https://intranet.mainz.de"), "/");
    }
}
